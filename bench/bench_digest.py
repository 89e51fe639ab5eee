"""The daily digest at scale: 100 teams, 2,000 reps, 20,000 customers, 1,000,000 orders and
500,000 visits.

    PYTHONPATH=. python -m bench.bench_digest [--runs 3] [--scale 1.0]

Builds a fresh database (a SQLite file in a temporary folder; a new PostgreSQL database too when
SALESDESK_BENCH_POSTGRES_URL names a server, dropped at the end) and times
`JobRunner(db).run("daily-digest", AT)` for every team: the median of --runs runs, each doing the
whole day's work again (the job_run and notification rows are deleted between runs, untimed).
Every run counts the SQL statements of each team; one more run traces Python memory. Then the
same timings with each candidate index added in the benchmark's own database. Seeding and
measuring run in fresh interpreters, so the peak RSS reported is the digest's own. --scale
shrinks customers, orders, visits, samples and meetings (not teams or reps). Prints the tables
and writes them to bench/results/digest.md.
"""

import argparse
import json
import multiprocessing
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
import uuid
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from itertools import islice
from pathlib import Path

from sqlalchemy import Connection, Index, MetaData, create_engine, event, insert, text
from sqlalchemy.engine import make_url
from sqlalchemy.schema import CreateIndex

from bench.seed import DELIVERED, POSTGRES_ENV, SHIPPED, STATUS_BY_AGE
from jobs.runner import JobRunner
from storage.db import Database, make_engine
from storage.migrate import upgrade
from storage.models import (
    Customer,
    Meeting,
    MeetingAttendee,
    Member,
    SalesOrder,
    SampleRequest,
    Team,
    Visit,
    customer_search_text,
)

RESULTS = Path(__file__).resolve().parent / "results"
AT = datetime(2026, 3, 11, 12, 0, tzinfo=UTC)  # still DAY in every team's time zone
DAY = AT.date()
TEAMS, REPS = 100, 2_000
SIZES = {"customers": 20_000, "orders": 1_000_000, "visits": 500_000}
SIZES |= {"samples": 10_000, "meetings": 5_000}
ZONES = ("Asia/Shanghai", "Europe/London", "America/New_York", "Asia/Singapore", "Europe/Berlin")
CHUNK = 10_000
# Candidate indexes, on copies of the tables so the models' own metadata is left alone.
ORDERS = SalesOrder.__table__.to_metadata(MetaData()).c
VISITS = Visit.__table__.to_metadata(MetaData()).c
DATE_INDEXES = (
    Index("bench_sales_order_shipped_on", ORDERS.shipped_on),
    Index("bench_sales_order_delivered_on", ORDERS.delivered_on),
    Index("bench_sales_order_promised_ship_on", ORDERS.promised_ship_on),
)
# Each arm of the digest's OR (moved yesterday, late, on hold) found per rep in an index.
REP_INDEXES = (
    Index("bench_sales_order_rep_ordered_on", ORDERS.rep_id, ORDERS.ordered_on),
    Index("bench_sales_order_rep_shipped_on", ORDERS.rep_id, ORDERS.shipped_on),
    Index("bench_sales_order_rep_delivered_on", ORDERS.rep_id, ORDERS.delivered_on),
    Index(
        "bench_sales_order_rep_status_promised",
        ORDERS.rep_id,
        ORDERS.status,
        ORDERS.promised_ship_on,
    ),
    Index("bench_visit_rep_at", VISITS.rep_id, VISITS.at),
    Index(
        "bench_visit_rep_open_follow_ups",
        VISITS.rep_id,
        VISITS.next_step_due,
        sqlite_where=VISITS.follow_up_done.is_(False),
        postgresql_where=VISITS.follow_up_done.is_(False),
    ),
)


@dataclass(frozen=True)
class Variant:
    label: str
    indexes: tuple[Index, ...] = ()
    analyze: bool = False  # on SQLite; PostgreSQL is analyzed after seeding and after indexing
    sqlite_only: bool = False


# In this order: on SQLite, statistics once gathered stay.
VARIANTS = (
    Variant("as migrated"),
    Variant("date columns", DATE_INDEXES),
    Variant("per-rep composites, no ANALYZE", REP_INDEXES, sqlite_only=True),
    Variant("ANALYZE only", analyze=True, sqlite_only=True),
    Variant("per-rep composites", REP_INDEXES, analyze=True),
)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    sections = []
    with tempfile.TemporaryDirectory() as folder:
        for label, url in databases(Path(folder)):
            with url as database_url:
                started = time.perf_counter()
                counts = in_fresh_process(seed, database_url, args.scale)
                seeded_in = time.perf_counter() - started
                result = in_fresh_process(measure, database_url, args.runs)
            sections.append(render(label, counts, seeded_in, result))
            print(sections[-1])
    (RESULTS / "digest.md").write_text("# Daily digest at scale\n\n" + "\n".join(sections))
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_digest")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per index set")
    parser.add_argument("--scale", type=float, default=1.0, help="of customers, orders, visits")
    return parser.parse_args(argv)


def in_fresh_process(function, *args):
    """`function(*args)` in a new interpreter: its peak RSS is its own."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        return pool.submit(function, *args).result()


# -- databases --------------------------------------------------------------------------------


def databases(
    folder: Path, name: str = "digest", postgres_only: bool = False
) -> Iterator[tuple[str, object]]:
    """("SQLite", a file in `folder`) unless `postgres_only`, and ("PostgreSQL", a fresh
    database dropped afterwards) when SALESDESK_BENCH_POSTGRES_URL names a server."""
    if not postgres_only:
        yield "SQLite", _nothing_to_drop(f"sqlite:///{folder / f'{name}.db'}")
    server = os.environ.get(POSTGRES_ENV)
    if server:
        yield "PostgreSQL", _postgres_database(server)


def load_average() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


@contextmanager
def _nothing_to_drop(url: str) -> Iterator[str]:
    yield url


@contextmanager
def _postgres_database(server: str) -> Iterator[str]:
    name = f"salesdesk_bench_{uuid.uuid4().hex[:12]}"
    _admin(server, f'CREATE DATABASE "{name}"')
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        _admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _admin(server: str, statement: str) -> None:
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(statement))
    engine.dispose()


# -- seeding ----------------------------------------------------------------------------------


def seed(url: str, scale: float) -> dict[str, int]:
    """Migrate and fill an empty database; returns the rows per table."""
    upgrade(url)
    rng = random.Random(11)
    sizes = {table: max(1, int(count * scale)) for table, count in SIZES.items()}
    teams = _teams()
    members = _members(teams)
    reps = [m for m in members if m["role"] == "rep"]
    customers = _customers(rng, sizes["customers"], reps)
    owned: dict[int, list[int]] = {}
    for customer in customers:
        owned.setdefault(customer["owner_id"], []).append(customer["id"])
    meetings = _meetings(rng, sizes["meetings"], reps)
    tables = [
        (Team, teams),
        (Member, members),
        (Customer, customers),
        (SalesOrder, _orders(rng, sizes["orders"], customers)),
        (Visit, _visits(rng, sizes["visits"], reps, owned)),
        (SampleRequest, _samples(rng, sizes["samples"], reps, owned)),
        (Meeting, meetings),
        (MeetingAttendee, _attendees(rng, meetings)),
    ]
    counts = {}
    engine = make_engine(url)
    with engine.begin() as connection:
        for model, rows in tables:
            counts[model.__tablename__] = _insert(connection, model, rows)
    if engine.dialect.name == "postgresql":
        _after_copy(engine, [model.__tablename__ for model, _ in tables])
    engine.dispose()
    return counts


def _after_copy(engine, tables: list[str]) -> None:
    """Rows went in with explicit ids: move the id sequences past them, then gather statistics
    as autovacuum would have by the next morning."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        for name in tables:
            sequence = f"pg_get_serial_sequence('{name}', 'id')"
            connection.execute(text(f"SELECT setval({sequence}, max(id)) FROM {name}"))
        connection.execute(text("VACUUM ANALYZE"))


def _insert(connection: Connection, model, rows: Iterable[dict]) -> int:
    """Rows in chunks (keys that are not columns left out): COPY on PostgreSQL, executemany
    elsewhere."""
    table, count = model.__table__, 0
    rows = iter(rows)
    while chunk := list(islice(rows, CHUNK)):
        count += len(chunk)
        columns = [key for key in chunk[0] if key in table.c]
        if connection.dialect.name != "postgresql":
            connection.execute(insert(table), [{c: row[c] for c in columns} for row in chunk])
            continue
        copy_sql = f"COPY {table.name} ({', '.join(columns)}) FROM STDIN"
        cursor = connection.connection.driver_connection.cursor()
        with cursor, cursor.copy(copy_sql) as copy:
            for row in chunk:
                copy.write_row([_copied(row[column]) for column in columns])
    return count


def _copied(value):
    return json.dumps(value) if isinstance(value, dict) else value


def team_sizes(reps: int, teams: int) -> list[int]:
    """Reps per team, from small to seven times bigger."""
    weights = [1 + 6 * i / max(teams - 1, 1) for i in range(teams)]
    sizes = [int(reps * w / sum(weights)) for w in weights]
    for i in range(reps - sum(sizes)):
        sizes[-1 - i] += 1
    return sizes


def _teams() -> list[dict]:
    return [
        {
            "id": n,
            "name": f"Team {n:03d}",
            "slack_channel_id": f"CTEAM{n:05d}",
            "timezone": ZONES[n % len(ZONES)],
            "digest_time": "08:30",
            "manager_slack_id": f"UMGR{n:05d}",
            "settings": {},
        }
        for n in range(1, TEAMS + 1)
    ]


def _members(teams: list[dict]) -> list[dict]:
    people = [("UADMIN0001", "Admin", "admin", None)]
    rep_numbers = iter(range(1, REPS + 1))
    for team, size in zip(teams, team_sizes(REPS, TEAMS), strict=True):
        n = team["id"]
        people += [(f"UMGR{n:05d}", f"Manager {n}", "manager", n)]
        people += [(f"UDESK{n:05d}", f"Desk {n}", "desk", n)]
        for rep in islice(rep_numbers, size):
            people.append((f"UREP{rep:06d}", f"Rep {rep}", "rep", n))
    return [
        {
            "id": id_,
            "slack_user_id": slack_id,
            "name": name,
            "role": role,
            "team_id": team_id,
            "manager_slack_id": f"UMGR{team_id:05d}" if role == "rep" else None,
            "timezone": None,
            "locale": "zh-CN" if (team_id or 0) % 2 else "en",
            "slack_locale": None,
            "email": f"{slack_id.lower()}@example.com",
        }
        for id_, (slack_id, name, role, team_id) in enumerate(people, start=1)
    ]


def _customers(rng: random.Random, count: int, reps: list[dict]) -> list[dict]:
    rows = []
    for id_ in range(1, count + 1):
        code, name = f"C-{id_:05d}", f"{rng.choice(('Acme', '华联', '明达', 'Nordic'))} {id_:05d}"
        rows.append(
            {
                "id": id_,
                "code": code,
                "name": name,
                "owner_id": rng.choice(reps)["id"],
                "tier": rng.choice("ABCD"),
                "region": rng.choice(("上海", "浙江", "UK", "DE", "US")),
                "is_prospect": False,
                "search_text": customer_search_text(code, name),
                "weight": rng.lognormvariate(0, 1),  # how much it orders; not a column
            }
        )
    return rows


def _orders(rng: random.Random, count: int, customers: list[dict]) -> Iterator[dict]:
    """Three years of orders, busiest customers most; statuses by age: the recent ones still
    open (some late, some on hold), older ones shipped, delivered, paid."""
    cumulative, total = [], 0.0
    for customer in customers:
        total += customer["weight"]
        cumulative.append(total)
    for id_ in range(1, count + 1):
        customer = rng.choices(customers, cum_weights=cumulative)[0]
        age = rng.randint(0, 3 * 365)
        weights = next(table for limit, table in STATUS_BY_AGE if age <= limit)
        status = rng.choices(list(weights), weights=list(weights.values()))[0]
        ordered = DAY - timedelta(days=age)
        promised = ordered + timedelta(days=rng.randint(5, 40))
        shipped = _between(rng, ordered, promised, 5) if status in SHIPPED else None
        delivered = _between(rng, shipped, shipped, 10) if status in DELIVERED else None
        created = datetime.combine(ordered, datetime.min.time(), UTC) + timedelta(hours=9)
        yield {
            "id": id_,
            "number": f"SO-{id_:07d}",
            "customer_id": customer["id"],
            "rep_id": customer["owner_id"],
            "status": status,
            "amount": Decimal(rng.randint(10_000, 5_000_000)).scaleb(-2),
            "currency": "CNY",
            "ordered_on": ordered,
            "promised_ship_on": promised,
            "shipped_on": shipped,
            "delivered_on": delivered,
            "payment_terms": "30 days",
            "urgent": rng.random() < 0.05,
            "note": None,
            "created_at": created,
            "updated_at": created,
        }


def _between(rng: random.Random, after: date, around: date, spread: int) -> date:
    """A day within `spread` of `around`, after `after` and before DAY (any such day if none is
    near: clamping would pile orders up on one day)."""
    low = max(after + timedelta(days=1), around - timedelta(days=spread))
    high = min(around + timedelta(days=spread), DAY - timedelta(days=1))
    if low > high:
        low, high = after + timedelta(days=1), DAY - timedelta(days=1)
    return low + timedelta(days=rng.randint(0, max(0, (high - low).days)))


def _visits(rng, count: int, reps: list[dict], owned: dict[int, list[int]]) -> Iterator[dict]:
    """Two years of visits; one in three sets a next step, mostly done unless recent."""
    reps = [r for r in reps if r["id"] in owned]
    for id_ in range(1, count + 1):
        rep = rng.choice(reps)
        at = datetime.combine(DAY, datetime.min.time(), UTC) - timedelta(
            days=rng.randint(1, 730), minutes=rng.randint(-300, 600)
        )
        due = at.date() + timedelta(days=rng.randint(1, 21)) if rng.random() < 0.33 else None
        done = due is not None and (due < DAY - timedelta(days=7) and rng.random() < 0.98)
        yield {
            "id": id_,
            "rep_id": rep["id"],
            "customer_id": rng.choice(owned[rep["id"]]),
            "at": at,
            "channel": rng.choice(("visit", "phone", "wechat")),
            "summary": "Walked the line with purchasing; samples discussed.",
            "effective": True,
            "next_step": "Send the quote" if due else None,
            "next_step_due": due,
            "follow_up_done": done,
            "created_at": at,
        }


def _samples(rng, count: int, reps: list[dict], owned: dict[int, list[int]]) -> Iterator[dict]:
    statuses = {"requested": 5, "approved": 5, "rejected": 5, "shipped": 10, "delivered": 75}
    reps = [r for r in reps if r["id"] in owned]
    for id_ in range(1, count + 1):
        rep = rng.choice(reps)
        created = AT - timedelta(days=rng.randint(0, 365))
        yield {
            "id": id_,
            "rep_id": rep["id"],
            "customer_id": rng.choice(owned[rep["id"]]),
            "product": "Widget",
            "quantity": Decimal(rng.randint(1, 50)),
            "status": rng.choices(list(statuses), weights=list(statuses.values()))[0],
            "created_at": created,
            "updated_at": created,
        }


def _meetings(rng: random.Random, count: int, reps: list[dict]) -> list[dict]:
    """Meetings from two months back to one ahead, a few each day per team."""
    rows = []
    for id_ in range(1, count + 1):
        rep = rng.choice(reps)
        starts = AT + timedelta(days=rng.randint(-60, 30), hours=rng.randint(-10, 8))
        rows.append(
            {
                "id": id_,
                "organiser_id": rep["id"],
                "title": "Quarterly review",
                "customer_id": None,
                "starts_at": starts,
                "ends_at": starts + timedelta(hours=1),
                "status": "cancelled" if rng.random() < 0.1 else "scheduled",
                "created_at": starts - timedelta(days=7),
                "updated_at": starts - timedelta(days=7),
                "organiser": rep["slack_user_id"],  # not a column
                "team_id": rep["team_id"],  # not a column either
            }
        )
    return rows


def _attendees(rng: random.Random, meetings: list[dict]) -> Iterator[dict]:
    """The organiser, and one time in three the team's manager."""
    id_ = 0
    for meeting in meetings:
        people = [meeting["organiser"]]
        if rng.random() < 0.3:
            people.append(f"UMGR{meeting['team_id']:05d}")
        for slack_id in people:
            id_ += 1
            yield {"id": id_, "meeting_id": meeting["id"], "slack_user_id": slack_id}


# -- measuring --------------------------------------------------------------------------------


class Statements:
    """Every statement the engine sends, with its time, grouped by team: a team's run starts
    with its INSERT INTO job_run (group 0 is what comes before the first team)."""

    def __init__(self, engine):
        self.engine = engine
        self.groups: list[list[tuple[str, float]]] = [[]]
        self._started = 0.0
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    def close(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._before)
        event.remove(self.engine, "after_cursor_execute", self._after)

    def _before(self, _conn, _cursor, statement: str, *_args) -> None:
        if statement.startswith("INSERT INTO job_run"):
            self.groups.append([])
        self._started = time.perf_counter()

    def _after(self, _conn, _cursor, statement: str, *_args) -> None:
        self.groups[-1].append((kind_of(statement), time.perf_counter() - self._started))

    def per_team(self, verb: str = "") -> list[int]:
        return [sum(kind.startswith(verb) for kind, _ in group) for group in self.groups[1:]]

    def seconds_by_kind(self) -> dict[str, tuple[int, float]]:
        totals: dict[str, list] = {}
        for group in self.groups[1:]:
            for kind, seconds in group:
                count_and_time = totals.setdefault(kind, [0, 0.0])
                count_and_time[0] += 1
                count_and_time[1] += seconds
        return {kind: (n, s) for kind, (n, s) in totals.items()}


def kind_of(statement: str) -> str:
    """`SELECT sales_order ⋈ customer`, `INSERT notification`: the verb and the tables."""
    verb = statement.split(None, 1)[0].upper()
    tables = re.findall(r"\b(?:FROM|JOIN|INTO|UPDATE)\s+\"?(\w+)", statement)
    where = re.search(r"\bWHERE\b(.*?)(?:\bGROUP\b|\bORDER\b|$)", statement, re.S)
    columns = sorted(set(re.findall(r"\w+\.(\w+)", where.group(1)))) if where else []
    filtered = f" [{', '.join(columns)}]" if verb == "SELECT" and columns else ""
    return f"{verb} {' ⋈ '.join(dict.fromkeys(tables))}{filtered}"


def measure(url: str, runs: int) -> dict:
    rss_before = _maxrss_mb()
    db = Database(url)
    runner = JobRunner(db)
    result = {"sizes": _team_sizes(db), "variants": []}
    _run(db, runner)  # warms the caches; not counted
    result["memory"] = _traced_run(db, runner)
    result["digests"] = _digest_sizes(db)
    sqlite = db.engine.dialect.name == "sqlite"
    for variant in VARIANTS:
        if variant.sqlite_only and not sqlite:
            continue
        _index(db, variant)
        timed = [_run(db, runner) for _ in range(runs)]
        for index in variant.indexes:
            index.drop(db.engine)
        median = statistics.median_low(seconds for seconds, _, _ in timed)
        _, results, statements = next(t for t in timed if t[0] == median)
        result["variants"].append(
            {
                "label": variant.label,
                "seconds": [seconds for seconds, _, _ in timed],
                "per_team": statements.per_team(),
                "selects": statements.per_team("SELECT"),
                "queued": {r.label: r.queued for r in results},
                "by_kind": statements.seconds_by_kind(),
            }
        )
    result["rss_mb"] = (rss_before, _maxrss_mb())
    result["ddl"] = [str(CreateIndex(i).compile(dialect=db.engine.dialect)) for i in REP_INDEXES]
    db.dispose()
    return result


def _index(db: Database, variant: Variant) -> None:
    """Add the variant's indexes (and statistics), then start from new connections, which
    read the schema and statistics afresh."""
    with db.engine.begin() as connection:
        for index in variant.indexes:
            index.create(connection)
        if variant.analyze or (variant.indexes and connection.dialect.name == "postgresql"):
            connection.execute(text("ANALYZE"))
    db.engine.dispose()


def _run(db: Database, runner: JobRunner):
    """One run for every team, on a clean slate; (seconds, results, statements)."""
    with db.engine.begin() as connection:
        connection.execute(text("DELETE FROM notification"))
        connection.execute(text("DELETE FROM job_run"))
    statements = Statements(db.engine)
    started = time.perf_counter()
    results = runner.run("daily-digest", AT)
    seconds = time.perf_counter() - started
    statements.close()
    if any(r.already_done for r in results) or len(results) != TEAMS:
        raise RuntimeError("a team's digest was not run afresh")
    return seconds, results, statements


def _traced_run(db: Database, runner: JobRunner) -> float:
    """Peak Python memory (MB) of one run, traced (so slower)."""
    tracemalloc.start()
    _run(db, runner)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _team_sizes(db: Database) -> dict[str, tuple[int, int]]:
    """Team name: (reps, orders)."""
    with db.engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT team.name, count(DISTINCT member.id), count(sales_order.id) FROM team"
                " JOIN member ON member.team_id = team.id AND member.role = 'rep'"
                " LEFT JOIN sales_order ON sales_order.rep_id = member.id GROUP BY team.name"
            )
        )
        return {name: (reps, orders) for name, reps, orders in rows}


def _digest_sizes(db: Database) -> dict[str, list[int]]:
    """Of the last run's team posts: their late orders and the bytes of their params."""
    with db.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT params FROM notification WHERE kind = 'daily_digest'")
        ).scalars()
        params = [p if isinstance(p, dict) else json.loads(p) for p in rows]
    return {
        "late": [len(p["late"]) for p in params],
        "bytes": [len(json.dumps(p, ensure_ascii=False).encode()) for p in params],
    }


# -- report -----------------------------------------------------------------------------------


def render(label: str, counts: dict, seeded_in: float, result: dict) -> str:
    variants = result["variants"]
    rows = ", ".join(f"{n:,} {table}" for table, n in counts.items())
    lines = [
        f"## {label}",
        "",
        f"{datetime.now():%Y-%m-%d %H:%M} · {os.cpu_count()} CPUs · seeded in {seeded_in:.0f} s:"
        f" {rows} · day {DAY}, at {AT:%H:%M} UTC",
        "",
        f'### `JobRunner(db).run("daily-digest", at)`, {TEAMS} teams',
        "",
        "| indexes added | runs (s) | median s | ms per team | speed-up |",
        "|---|---|--:|--:|--:|",
    ]
    base_median = statistics.median(variants[0]["seconds"])
    for v in variants:
        median = statistics.median(v["seconds"])
        runs_text = " · ".join(f"{s:.2f}" for s in v["seconds"])
        lines.append(
            f"| {v['label']} | {runs_text} | {median:.2f} | {1000 * median / TEAMS:.1f} "
            f"| {base_median / median:.2f}× |"
        )
    lines += ["", *_statements_table(result, variants[0]), "", *_kinds_table(variants), ""]
    lines += ["### The per-rep composites, as this database spells them", "", "```sql"]
    lines += [f"{ddl.strip()};" for ddl in result["ddl"]] + ["```", ""]
    return "\n".join(lines + _memory_lines(result)) + "\n"


def _statements_table(result: dict, base: dict) -> list[str]:
    sizes, names = result["sizes"], list(base["queued"])
    selects = dict(zip(names, base["selects"], strict=True))
    statements = dict(zip(names, base["per_team"], strict=True))
    by_orders = sorted(sizes, key=lambda name: sizes[name][1])
    lines = [
        f"### SQL statements per team: SELECTs {_span(selects)}, all {_span(statements)}",
        "",
        "| team | reps | orders | messages queued | SELECTs | all statements |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for name in by_orders[:3] + by_orders[-3:]:
        reps, orders = sizes[name]
        lines.append(
            f"| {name} | {reps} | {orders:,} | {base['queued'][name]} | {selects[name]} "
            f"| {statements[name]} |"
        )
    return lines


def _span(per_team: dict[str, int]) -> str:
    low, high = min(per_team.values()), max(per_team.values())
    return f"{low} for every team" if low == high else f"{low} to {high}"


def _kinds_table(variants: list[dict]) -> list[str]:
    labels = " | ".join(f"ms, {v['label']}" for v in variants)
    lines = [
        "### Time by statement, all teams (the median run of each index set)",
        "",
        f"| statement | per team | {labels} |",
        "|---|--:|" + "--:|" * len(variants),
    ]
    base = variants[0]["by_kind"]
    for kind in sorted(base, key=lambda k: -base[k][1]):
        times = " | ".join(f"{1000 * v['by_kind'].get(kind, (0, 0))[1]:.0f}" for v in variants)
        lines.append(f"| `{kind}` | {base[kind][0] / TEAMS:g} | {times} |")
    rest = (
        statistics.median_low(v["seconds"]) - sum(s for _, s in v["by_kind"].values())
        for v in variants
    )
    lines.append(
        "| everything else (Python, ORM, commits) | | "
        + " | ".join(f"{1000 * seconds:.0f}" for seconds in rest)
        + " |"
    )
    return lines


def _memory_lines(result: dict) -> list[str]:
    before, after = result["rss_mb"]
    late, size = result["digests"]["late"], result["digests"]["bytes"]
    return [
        "### Memory and messages",
        "",
        f"- tracemalloc peak of one run (all teams, traced separately): {result['memory']:.1f} MB",
        f"- max RSS of the measuring process: {before:.0f} MB after imports, "
        f"{after:.0f} MB after all runs",
        f"- team posts: late orders per post median {statistics.median(late):.0f}, "
        f"max {max(late)}; params per post median {statistics.median(size) / 1024:.1f} KB, "
        f"max {max(size) / 1024:.1f} KB",
    ]


if __name__ == "__main__":
    sys.exit(main())
