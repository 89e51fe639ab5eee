"""Targets at scale: the leaderboard and every rep's attainment for 100 teams, 2,000 reps,
1,000,000 orders and 500,000 payments.

    PYTHONPATH=. python -m bench.bench_targets [--runs 5] [--scale 1.0] [--postgres-only]

Builds a fresh database (a SQLite file in a temporary folder; a new PostgreSQL database too when
SALESDESK_BENCH_POSTGRES_URL names a server, dropped at the end) and loads it the way a team
does: CSV files of teams, members, customers, orders, invoices, payments and targets read by
`salesdesk import` (storage.imports), with the people, customers and orders of the daily-digest
benchmark (bench/bench_digest.py). Every rep has an order-amount and a collections target for
the month and the year. Then, in a fresh interpreter, times for all teams (median of --runs
runs, after one warm-up run):

- the leaderboard: `leaderboards(…)` on order amount for the month;
- every rep's attainment: `team_attainments(…)` on order amount and on collections, for the
  month and for the year;

counts the SQL statements of each team (SQLAlchemy's before_cursor_execute) to show the count
is the same for a team of 5 reps as for one of 34, and prints the plans of the aggregate
queries (EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL). --scale shrinks
customers, orders and payments (not teams or reps). Writes bench/results/targets.md.
"""

import argparse
import csv
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

from sqlalchemy import event
from sqlmodel import select

from bench.bench_digest import (
    DAY,
    SIZES,
    _customers,
    _members,
    _orders,
    _teams,
    databases,
    in_fresh_process,
    load_average,
)
from bench.seed import ORDER_COLUMNS
from commands.targets.attainment import attainments_of_teams
from commands.targets.leaderboard import leaderboards
from commands.targets.periods import Period
from commands.team_settings import settings_of
from storage.db import Database
from storage.imports import import_csv
from storage.migrate import upgrade
from storage.models import Team
from storage.statuses import Metric

RESULTS = Path(__file__).resolve().parent / "results"
PAYMENTS = 500_000
MONTH, YEAR = Period.containing(DAY), Period(DAY.year)
WORK = (
    ("leaderboard, order amount, month", "board", Metric.order_amount, MONTH),
    ("attainment, order amount, month", "attainment", Metric.order_amount, MONTH),
    ("attainment, collections, month", "attainment", Metric.collections, MONTH),
    ("attainment, order amount, year", "attainment", Metric.order_amount, YEAR),
    ("attainment, collections, year", "attainment", Metric.collections, YEAR),
)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    sections = [f"load average before: {load_average()}"]
    with tempfile.TemporaryDirectory() as folder:
        for label, url in databases(Path(folder), "targets", args.postgres_only):
            with url as database_url:
                started = time.perf_counter()
                counts = in_fresh_process(seed, database_url, args.scale, folder)
                seeded_in = time.perf_counter() - started
                result = in_fresh_process(measure, database_url, args.runs)
            sections.append(render(label, counts, seeded_in, result))
            print(sections[-1], flush=True)
    (RESULTS / "targets.md").write_text("# Targets at scale\n\n" + "\n".join(sections))
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_targets")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of all the work")
    parser.add_argument("--scale", type=float, default=1.0, help="of customers, orders, payments")
    parser.add_argument("--postgres-only", action="store_true", help="skip the SQLite database")
    return parser.parse_args(argv)


# -- seeding, through the CSV import ----------------------------------------------------------


def seed(url: str, scale: float, folder: str) -> dict[str, int]:
    upgrade(url)
    rng = random.Random(11)
    teams = _teams()
    members = _members(teams)
    reps = [m for m in members if m["role"] == "rep"]
    customers = _customers(rng, max(1, int(SIZES["customers"] * scale)), reps)
    files = _write_files(Path(folder), rng, scale, teams, members, customers)
    db = Database(url)
    counts = {}
    try:
        for kind, path in files.items():
            started = time.perf_counter()
            report = import_csv(db, kind, path, "UTC")
            if report.rejected:
                raise RuntimeError(f"{kind}: {len(report.rejected)} rows rejected")
            counts[kind] = report.created
            print(
                f"  {kind}: {report.created} in {time.perf_counter() - started:.0f} s", flush=True
            )
    finally:
        db.dispose()
    return counts


def write_people_files(folder: Path, teams, members, customers) -> dict[str, Path]:
    """The teams, members and customers CSV files of generated records, as a team's export."""
    slack_ids = {m["id"]: m["slack_user_id"] for m in members}
    team_names = {team["id"]: team["name"] for team in teams}
    files = {kind: folder / f"{kind}.csv" for kind in ("teams", "members", "customers")}
    _write(
        files["teams"],
        ("name", "slack_channel_id", "timezone", "digest_time", "manager_slack_id"),
        [
            (t["name"], t["slack_channel_id"], t["timezone"], "08:30", t["manager_slack_id"])
            for t in teams
        ],
    )
    _write(
        files["members"],
        ("slack_user_id", "name", "role", "team", "manager_slack_id", "locale"),
        [
            (
                m["slack_user_id"],
                m["name"],
                m["role"],
                team_names.get(m["team_id"], ""),
                m["manager_slack_id"] or "",
                m["locale"],
            )
            for m in members
        ],
    )
    _write(
        files["customers"],
        ("code", "name", "owner_slack_id", "tier", "region"),
        [
            (c["code"], c["name"], slack_ids[c["owner_id"]], c["tier"], c["region"])
            for c in customers
        ],
    )
    return files


def _write_files(folder: Path, rng, scale, teams, members, customers) -> dict[str, Path]:
    slack_ids = {m["id"]: m["slack_user_id"] for m in members}
    team_names = {team["id"]: team["name"] for team in teams}
    files = write_people_files(folder, teams, members, customers)
    orders = _orders(rng, max(1, int(SIZES["orders"] * scale)), customers)
    payments = max(1, int(PAYMENTS * scale))
    files |= _write_orders(folder, rng, orders, customers, slack_ids, payments)
    files["targets"] = folder / "targets.csv"
    _write(
        files["targets"],
        ("team", "member_slack_id", "metric", "period", "amount"),
        _targets(rng, members, team_names),
    )
    return files


def _write_orders(folder, rng, orders, customers, slack_ids, payments) -> dict[str, Path]:
    """Orders, and for every other order (up to `payments`) an invoice paid in full."""
    paths = {kind: folder / f"{kind}.csv" for kind in ("orders", "invoices", "payments")}
    with (
        paths["orders"].open("w", newline="", encoding="utf-8") as order_file,
        paths["invoices"].open("w", newline="", encoding="utf-8") as invoice_file,
        paths["payments"].open("w", newline="", encoding="utf-8") as payment_file,
    ):
        order_rows, invoice_rows, payment_rows = map(
            csv.writer, (order_file, invoice_file, payment_file)
        )
        order_rows.writerow(ORDER_COLUMNS)
        invoice_rows.writerow(
            ("number", "order_number", "customer_code", "amount", "currency", "issued_on", "due_on")
        )
        payment_rows.writerow(("invoice_number", "amount", "paid_on", "reference"))
        paid = 0
        for order in orders:
            customer = customers[order["customer_id"] - 1]
            order_rows.writerow(_order_row(order, customer, slack_ids))
            if paid < payments and order["id"] % 2 == 0 and order["ordered_on"] < DAY:
                paid += 1
                issued = order["ordered_on"]
                invoice = f"INV-{order['id']:07d}"
                invoice_rows.writerow(
                    (
                        invoice,
                        order["number"],
                        customer["code"],
                        order["amount"],
                        "CNY",
                        issued,
                        issued + timedelta(days=30),
                    )
                )
                paid_on = min(DAY, issued + timedelta(days=rng.randint(0, 60)))
                payment_rows.writerow((invoice, order["amount"], paid_on, f"TT{paid:07d}"))
    return paths


def _order_row(order: dict, customer: dict, slack_ids: dict[int, str]) -> tuple:
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


def _targets(rng, members, team_names) -> list[tuple]:
    """Every rep: order amount and collections, for the month and the year; one rep in 20 has
    no order-amount target for the month (listed apart on the board)."""
    rows = []
    for member in (m for m in members if m["role"] == "rep"):
        team = team_names[member["team_id"]]
        for metric in ("order_amount", "collections"):
            month = rng.randint(50, 400) * 1000
            if metric == "collections" or rng.random() >= 0.05:
                rows.append((team, member["slack_user_id"], metric, MONTH.key, month))
            rows.append((team, member["slack_user_id"], metric, YEAR.key, month * 12))
    return rows


def _write(path: Path, header: tuple, rows) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)


# -- measuring ----------------------------------------------------------------------------------


class Statements:
    """Every statement sent while counting is on, by the work being done."""

    def __init__(self, engine):
        self.engine = engine
        self.counting = False
        self.counts: Counter[str] = Counter()  # work → statements
        self.work = ""
        self.samples: dict[str, list[tuple[str, object]]] = {}
        event.listen(engine, "before_cursor_execute", self._before)

    def close(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._before)

    def _before(self, _conn, _cursor, statement, parameters, *_args) -> None:
        if not self.counting:
            return
        self.counts[self.work] += 1
        self.samples.setdefault(self.work, []).append((statement, parameters))


def measure(url: str, runs: int) -> dict:
    db = Database(url)
    with db.session() as session:
        teams = [(team, settings_of(team)) for team in session.exec(select(Team).order_by(Team.id))]
    _all_work(db, teams)  # warm-up: caches, statistics, the pages read
    times: dict[str, list[float]] = {label: [] for label, *_ in WORK}
    loads = []
    for _ in range(runs):
        loads.append(os.getloadavg()[0])
        for label, seconds in _all_work(db, teams).items():
            times[label].append(seconds)
    per_team = _statements_per_team(db, teams)
    plans = _plans(db, teams[-1:])
    db.dispose()
    return {
        "times": {label: statistics.median(values) for label, values in times.items()},
        "all_runs": times,
        "per_team": per_team,
        "plans": plans,
        "load": (min(loads), max(loads)),
        "dialect": db.engine.dialect.name,
    }


def _all_work(db: Database, teams) -> dict[str, float]:
    seconds = {}
    with db.session() as session:
        for label, kind, metric, period in WORK:
            started = time.perf_counter()
            if kind == "board":
                leaderboards(session, teams, metric, period, DAY)
            else:
                attainments_of_teams(session, teams, metric, period, DAY)
            seconds[label] = time.perf_counter() - started
    return seconds


def _counted(db: Database, teams) -> Statements:
    statements = Statements(db.engine)
    statements.counting = True
    with db.session() as session:
        for label, kind, metric, period in WORK:
            statements.work = label
            if kind == "board":
                leaderboards(session, teams, metric, period, DAY)
            else:
                attainments_of_teams(session, teams, metric, period, DAY)
    statements.close()
    return statements


def _statements_per_team(db: Database, teams) -> dict[str, tuple[int, float]]:
    """work → (statements for every team, statements each further team adds): counted for
    the first ten teams and for all, so a constant cost per team shows as a whole number."""
    few, every = _counted(db, teams[:10]).counts, _counted(db, teams).counts
    extra = len(teams) - 10
    return {label: (every[label], (every[label] - few[label]) / extra) for label, *_ in WORK}


def _plans(db: Database, teams) -> dict[str, list[str]]:
    """The plan of each statement one team's board and attainment send."""
    sent = _counted(db, teams).samples
    explain = (
        "EXPLAIN QUERY PLAN "
        if db.engine.dialect.name == "sqlite"
        else "EXPLAIN (ANALYZE, COSTS OFF) "
    )
    plans = {}
    with db.engine.connect() as connection:
        raw = connection.connection.driver_connection
        for label, statements in sent.items():
            lines = []
            for statement, parameters in statements:
                if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
                    continue
                cursor = raw.cursor()
                cursor.execute(explain + statement, parameters)
                rows = cursor.fetchall()
                lines.append("-- " + " ".join(statement.split())[:160])
                lines += [" | ".join(str(part) for part in row) for row in rows]
            plans[label] = lines
    return plans


def render(label: str, counts: dict, seeded_in: float, result: dict) -> str:
    lines = [
        f"## {label}",
        "",
        "Loaded through the CSV import: "
        + ", ".join(f"{n:,} {kind}" for kind, n in counts.items())
        + f" in {seeded_in:.0f} s.",
        f"Load average during the timed runs: {result['load'][0]:.1f} to {result['load'][1]:.1f}.",
        "",
        "| work, all 100 teams | median s | runs s | statements |",
        "|---|--:|---|---|",
    ]
    for work, seconds in result["times"].items():
        runs = ", ".join(f"{s:.2f}" for s in result["all_runs"][work])
        every, each = result["per_team"][work]
        shown = f"{every} in all; each team adds {each:g}"
        lines.append(f"| {work} | {seconds:.2f} | {runs} | {shown} |")
    total = sum(result["times"].values())
    lines += ["", f"All of it: {total:.2f} s.", "", "Plans (one team):", "", "```"]
    for work, plan in result["plans"].items():
        lines += [f"# {work}", *plan]
    lines += ["```", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
