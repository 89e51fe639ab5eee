"""A benchmark database: 2 teams, 50 members, 5,000 customers and 100,000 orders.

    python -m bench.seed bench.db                 # a new SQLite file, migrated, then seeded
    python -m bench.seed postgresql+psycopg://…   # an existing, empty PostgreSQL database

Loaded the way a team loads its records: CSV files of teams, members, customers and orders,
read by `salesdesk import` (storage.imports), which also writes each order's first step in its
history. Then one order in 20 gets a status change made from Slack, as a desk at work adds
them. Everything is drawn from a fixed random seed, so two runs build the same data. Every
member has a locale, so the app never asks Slack for one. No ANALYZE beyond what the
migrations and the import do: the statistics are those a team's database has.
"""

import argparse
import csv
import os
import random
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from decimal import Decimal
from pathlib import Path
from tempfile import TemporaryDirectory

from sqlalchemy import Connection, create_engine, insert, select, text
from sqlalchemy.engine import make_url

from storage.db import Database
from storage.imports import import_csv
from storage.migrate import upgrade
from storage.models import Member, OrderStatusChange, SalesOrder

POSTGRES_ENV = "SALESDESK_BENCH_POSTGRES_URL"
ADMIN = "UADMIN0001"
ORDERS = 100_000
CUSTOMERS = 5_000
REPS = 43
CHUNK = 5_000
CHANGE_EVERY = 20  # one order in 20 has a recorded status change
TEAMS = [
    # id, name, channel, timezone, manager, locale, currencies
    (1, "East 华东", "C0EAST0001", "Asia/Shanghai", "UMGR00001", "zh-CN", ("CNY",)),
    (2, "Export", "C0EXPORT01", "Europe/London", "UMGR00002", "en", ("USD", "EUR", "GBP")),
]
PREVIOUS = {
    "confirmed": "received",
    "in_production": "confirmed",
    "ready_to_ship": "in_production",
    "shipped": "ready_to_ship",
    "delivered": "shipped",
    "invoiced": "delivered",
    "paid": "invoiced",
    "on_hold": "in_production",
    "cancelled": "confirmed",
}
# (orders up to this many days old, {status: weight})
STATUS_BY_AGE = [
    (3, {"received": 6, "confirmed": 3, "on_hold": 1}),
    (14, {"confirmed": 3, "in_production": 5, "ready_to_ship": 2, "on_hold": 1}),
    (45, {"in_production": 2, "ready_to_ship": 2, "shipped": 5, "delivered": 2, "on_hold": 1}),
    (90, {"shipped": 1, "delivered": 4, "invoiced": 4, "cancelled": 1}),
    (10_000, {"invoiced": 1, "paid": 16, "cancelled": 1}),
]
SHIPPED = ("shipped", "delivered", "invoiced", "paid")
DELIVERED = ("delivered", "invoiced", "paid")


def order_number(index: int) -> str:
    """The number of the index-th order, 0 ≤ index < orders seeded."""
    return f"SO-{index + 1:06d}"


def seed(url: str, orders: int = ORDERS, customers: int = CUSTOMERS, today: date | None = None):
    """Fill a migrated, empty database through the CSV import."""
    rng = random.Random(7)
    today = today or date.today()
    members = _members()
    customer_rows = _customers(rng, customers, members)
    order_rows = _orders(rng, orders, customer_rows, today)
    db = Database(url)
    try:
        with TemporaryDirectory() as folder:
            files = _write_files(Path(folder), members, customer_rows, order_rows)
            for kind, path in files.items():
                report = import_csv(db, kind, path)
                if report.rejected:
                    raise RuntimeError(f"{kind}: {len(report.rejected)} rows rejected")
        with db.engine.begin() as connection:
            _insert(connection, OrderStatusChange, _changes(rng, connection, order_rows))
    finally:
        db.dispose()


def _write_files(folder: Path, members, customers, orders) -> dict[str, Path]:
    slack_ids = {member["id"]: member["slack_user_id"] for member in members}
    team_names = {team[0]: team[1] for team in TEAMS}
    tables = {
        "teams": (
            ("name", "slack_channel_id", "timezone", "digest_time", "manager_slack_id"),
            [(name, channel, tz, "08:30", manager) for _, name, channel, tz, manager, *_ in TEAMS],
        ),
        "members": (
            ("slack_user_id", "name", "role", "team", "manager_slack_id", "locale", "email"),
            [
                (
                    m["slack_user_id"],
                    m["name"],
                    m["role"],
                    team_names.get(m["team_id"], ""),
                    m["manager_slack_id"] or "",
                    m["locale"],
                    m["email"],
                )
                for m in members
            ],
        ),
        "customers": (
            ("code", "name", "owner_slack_id", "tier", "region"),
            [
                (c["code"], c["name"], slack_ids[c["owner_id"]], c["tier"], c["region"])
                for c in customers
            ],
        ),
        "orders": (
            ORDER_COLUMNS,
            [_order_line(order, customers, slack_ids) for order in orders],
        ),
    }
    files = {}
    for kind, (header, rows) in tables.items():
        files[kind] = folder / f"{kind}.csv"
        with files[kind].open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            writer.writerows(rows)
    return files


ORDER_COLUMNS = (
    "number",
    "customer_code",
    "status",
    "amount",
    "currency",
    "ordered_on",
    "promised_ship_on",
    "shipped_on",
    "delivered_on",
    "rep_slack_id",
)


def _order_line(order: dict, customers: list[dict], slack_ids: dict[int, str]) -> tuple:
    customer = customers[order["customer_id"] - 1]
    return (
        order["number"],
        customer["code"],
        order["status"],
        order["amount"],
        order["currency"],
        order["ordered_on"],
        order["promised_ship_on"],
        order["shipped_on"] or "",
        order["delivered_on"] or "",
        slack_ids[order["rep_id"]],
    )


@contextmanager
def seeded_database(folder: Path, **sizes) -> Iterator[str]:
    """A fresh, seeded database URL: SQLite in `folder`, or a new PostgreSQL database on the
    server named by SALESDESK_BENCH_POSTGRES_URL, dropped when the block ends."""
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        url = f"sqlite:///{folder / 'bench.db'}"
        _build(url, **sizes)
        yield url
        return
    url = _create_postgres_database(server)
    try:
        _build(url, **sizes)
        yield url
    finally:
        _drop_postgres_database(server, url)


def _build(url: str, **sizes) -> None:
    started = time.perf_counter()
    upgrade(url)
    seed(url, **sizes)
    shown = make_url(url).render_as_string(hide_password=True)
    print(f"seeded {shown} in {time.perf_counter() - started:.1f} s", file=sys.stderr)


def _teams() -> list[dict]:
    return [
        {
            "id": id_,
            "name": name,
            "slack_channel_id": channel,
            "timezone": tz,
            "digest_time": "08:30",
            "manager_slack_id": manager,
        }
        for id_, name, channel, tz, manager, _locale, _currencies in TEAMS
    ]


def _members() -> list[dict]:
    people = [(ADMIN, "Alex Admin", "admin", None)]
    for team_id, _name, _channel, _tz, manager, _locale, _currencies in TEAMS:
        people.append((manager, f"Manager {team_id}", "manager", team_id))
        people += [
            (f"UDESK{team_id}{n:03d}", f"Desk {team_id}.{n}", "desk", team_id) for n in (1, 2)
        ]
    people += [(f"UREP{n:05d}", f"Rep {n}", "rep", 1 + n % len(TEAMS)) for n in range(1, REPS + 1)]
    return [_member(id_, *person) for id_, person in enumerate(people, start=1)]


def _member(id_: int, slack_id: str, name: str, role: str, team_id: int | None) -> dict:
    team = TEAMS[team_id - 1] if team_id else None
    return {
        "id": id_,
        "slack_user_id": slack_id,
        "name": name,
        "role": role,
        "team_id": team_id,
        "manager_slack_id": team[4] if team and role == "rep" else None,
        "locale": team[5] if team else "en",
        "email": f"{slack_id.lower()}@example.com",
    }


def _customers(rng: random.Random, count: int, members: list[dict]) -> list[dict]:
    reps = [m for m in members if m["role"] == "rep"]
    rows = []
    for id_ in range(1, count + 1):
        owner = rng.choice(reps)
        rows.append(
            {
                "id": id_,
                "code": f"C-{id_:05d}",
                "name": f"{rng.choice(('Acme', 'Globex', '华联', '明达', 'Nordic'))} {id_:05d}",
                "owner_id": owner["id"],
                "tier": rng.choices("ABCD", weights=(1, 3, 4, 2))[0],
                "region": rng.choice(("上海", "浙江", "江苏", "UK", "DE", "US")),
                "is_prospect": False,
                "team_id": owner["team_id"],  # used for the currency; dropped before insert
            }
        )
    return rows


def _orders(rng: random.Random, count: int, customers: list[dict], today: date) -> list[dict]:
    return [_order(rng, index, rng.choice(customers), today) for index in range(count)]


def _order(rng: random.Random, index: int, customer: dict, today: date) -> dict:
    age = rng.randint(0, 3 * 365)
    status = _status_for(rng, age)
    ordered = today - timedelta(days=age)
    promised = ordered + timedelta(days=rng.randint(7, 40))
    shipped = min(today, promised + timedelta(days=rng.randint(-5, 5)))
    delivered = min(today, shipped + timedelta(days=rng.randint(2, 10)))
    created = datetime.combine(ordered, clock(9), UTC) + timedelta(minutes=rng.randint(0, 480))
    return {
        "id": index + 1,
        "number": order_number(index),
        "customer_id": customer["id"],
        "rep_id": customer["owner_id"],
        "status": status,
        "amount": Decimal(round(rng.lognormvariate(10, 1), 2)).quantize(Decimal("0.01")),
        "currency": rng.choice(TEAMS[customer["team_id"] - 1][6]),
        "ordered_on": ordered,
        "promised_ship_on": promised,
        "shipped_on": shipped if status in SHIPPED else None,
        "delivered_on": delivered if status in DELIVERED else None,
        "payment_terms": rng.choice(("30 days", "60 days", "prepaid")),
        "urgent": rng.random() < 0.05,
        "note": None,
        "created_at": created,
        "updated_at": created + timedelta(days=min(age, rng.randint(0, 30))),
    }


def _status_for(rng: random.Random, age: int) -> str:
    weights = next(table for limit, table in STATUS_BY_AGE if age <= limit)
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _changes(rng: random.Random, connection: Connection, orders: list[dict]) -> list[dict]:
    """Status changes made from Slack since the import, on one order in 20."""
    table = SalesOrder.__table__
    ids = dict(connection.execute(select(table.c.number, table.c.id)).all())
    members = Member.__table__
    desk = connection.execute(
        select(members.c.id).where(members.c.role.in_(("desk", "manager")))
    ).scalars()
    desk = list(desk)
    return [
        {
            "order_id": ids[order["number"]],
            "from_status": PREVIOUS[order["status"]],
            "to_status": order["status"],
            "actor_id": rng.choice(desk),
            "source": "slack",
            "note": "customer asked" if rng.random() < 0.2 else None,
            "at": order["updated_at"],
        }
        for order in orders[::CHANGE_EVERY]
        if order["status"] in PREVIOUS
    ]


def _insert(connection: Connection, model, rows: list[dict]) -> None:
    table = model.__table__
    for start in range(0, len(rows), CHUNK):
        connection.execute(insert(table), rows[start : start + CHUNK])


def _create_postgres_database(server: str) -> str:
    name = f"salesdesk_bench_{uuid.uuid4().hex[:12]}"
    _admin_execute(server, f'CREATE DATABASE "{name}"')
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def _drop_postgres_database(server: str, url: str) -> None:
    _admin_execute(server, f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')


def _admin_execute(server: str, statement: str) -> None:
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(statement))
    engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.seed", description=__doc__.split("\n")[0]
    )
    parser.add_argument("target", help="a new SQLite file, or an empty database URL")
    parser.add_argument("--orders", type=int, default=ORDERS)
    parser.add_argument("--customers", type=int, default=CUSTOMERS)
    args = parser.parse_args(argv)
    if "://" in args.target:
        url = args.target
    elif Path(args.target).exists():
        parser.error(f"{args.target} exists: give a new file")
    else:
        url = f"sqlite:///{Path(args.target).resolve()}"
    _build(url, orders=args.orders, customers=args.customers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
