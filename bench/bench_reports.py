"""The monthly sales pack at scale: 100 teams, 2,000 reps, 1,000,000 orders and 2,000,000 order
lines, built for the company and for each team and written as XLSX.

    PYTHONPATH=. python -m bench.bench_reports [--runs 3] [--scale 1.0] [--folder DIR]
                                               [--postgres-only] [--sqlite-only] [--rebuild]

The database is loaded ONCE per kind and kept: a SQLite file in --folder (default
salesdesk_bench_reports/ in the system's temporary folder) and, when
SALESDESK_BENCH_POSTGRES_URL names a server, the database `salesdesk_bench_reports` on it.
A later run finds them loaded (the orders and order lines it expects are there) and goes
straight to the timing; --rebuild loads them afresh.
Loading goes the way a team's does, CSV files read by `salesdesk import` (storage.imports):
teams, members and customers of the daily-digest benchmark (bench/bench_digest.py), its three
years of orders (bench_targets writes the orders file), 500 products (four in five with a
cost) and two lines per order that add up to the order's amount.

Then, in a fresh interpreter (its peak RSS is the figure: the target is under 300 MB), for the
month before bench_digest's DAY (2026-02, the pack the 1st of March sends), median of --runs
after one warm-up:

- the company's sales report (build_report "sales"), and its XLSX written streaming;
- each of the 100 teams' sales reports, and their XLSX;

and prints the plans of the statements the company's report sends (EXPLAIN QUERY PLAN on
SQLite, EXPLAIN ANALYZE on PostgreSQL). Writes bench/results/reports.md.
"""

import argparse
import csv
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

from sqlalchemy import create_engine, event, func, select, text
from sqlalchemy.engine import make_url

from bench.bench_digest import (
    SIZES,
    _admin,
    _customers,
    _maxrss_mb,
    _members,
    _orders,
    _teams,
    in_fresh_process,
)
from bench.bench_targets import _order_row, _write, write_people_files
from bench.seed import ORDER_COLUMNS, POSTGRES_ENV
from bot.i18n import t
from commands.reports import build_report
from commands.reports.files.xlsx import write_xlsx
from commands.reports.model import ReportPeriod
from commands.reports.scope import company_scope, team_scope
from storage.db import Database
from storage.imports import import_csv
from storage.migrate import upgrade
from storage.models import OrderLine, SalesOrder, Team

RESULTS = Path(__file__).resolve().parent / "results"
PERIOD = ReportPeriod.of("2026-02")
PRODUCTS = 500
LINES_PER_ORDER = 2
POSTGRES_NAME = "salesdesk_bench_reports"
LABEL_LOCALE = "zh-CN"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    sections = [f"Load average before: {_load()}."]
    for label, url in _databases(folder, args):
        orders = max(1, int(SIZES["orders"] * args.scale))
        loaded = in_fresh_process(ensure_loaded, url, orders, args.scale, str(folder), args.rebuild)
        result = in_fresh_process(measure, url, args.runs)
        sections.append(render(label, loaded, result))
        print(sections[-1], flush=True)
    sections.append(f"Load average after: {_load()}.")
    (RESULTS / "reports.md").write_text("# The monthly sales pack\n\n" + "\n".join(sections))
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_reports")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of the whole pack")
    parser.add_argument("--scale", type=float, default=1.0, help="of customers and orders")
    kept = Path(tempfile.gettempdir()) / "salesdesk_bench_reports"
    parser.add_argument("--folder", default=str(kept), help="where the SQLite file is kept")
    parser.add_argument("--postgres-only", action="store_true", help="skip SQLite")
    parser.add_argument("--sqlite-only", action="store_true", help="skip PostgreSQL")
    parser.add_argument("--rebuild", action="store_true", help="load the databases afresh")
    return parser.parse_args(argv)


def _databases(folder: Path, args: argparse.Namespace) -> Iterator[tuple[str, str]]:
    if not args.postgres_only:
        yield "SQLite", f"sqlite:///{folder / f'reports-{args.scale:g}.db'}"
    server = os.environ.get(POSTGRES_ENV)
    if server and not args.sqlite_only:
        name = f"{POSTGRES_NAME}_{str(args.scale).replace('.', '_')}"
        if args.scale == 1.0:
            name = POSTGRES_NAME
        yield "PostgreSQL", _kept_postgres(server, name)


def _kept_postgres(server: str, name: str) -> str:
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        found = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
        ).first()
    engine.dispose()
    if found is None:
        _admin(server, f'CREATE DATABASE "{name}"')
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def _load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


# -- loading, once, through the CSV import ------------------------------------------------------


def ensure_loaded(url: str, orders: int, scale: float, folder: str, rebuild: bool) -> dict:
    """The database loaded with `orders` orders and their lines; loads it when it is not."""
    if rebuild and url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    if not rebuild and _counts(url) == (orders, orders * LINES_PER_ORDER):
        return {"reused": True, "orders": orders, "lines": orders * LINES_PER_ORDER}
    if rebuild and not url.startswith("sqlite"):
        _empty_postgres(url)
    upgrade(url)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(dir=folder) as files_folder:
        files = _write_files(Path(files_folder), random.Random(13), scale, orders)
        counts = _import(url, files)
    return {"reused": False, "counts": counts, "seconds": time.perf_counter() - started}


def _counts(url: str) -> tuple[int, int] | None:
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        return None
    db = Database(url)
    try:
        with db.session() as session:
            orders = session.execute(select(func.count()).select_from(SalesOrder)).scalar_one()
            lines = session.execute(select(func.count()).select_from(OrderLine)).scalar_one()
            return orders, lines
    except Exception:  # not migrated yet: nothing loaded
        return None
    finally:
        db.dispose()


def _empty_postgres(url: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()


def _import(url: str, files: dict[str, Path]) -> dict[str, int]:
    db = Database(url)
    counts = {}
    try:
        for kind, path in files.items():
            started = time.perf_counter()
            report = import_csv(db, kind, path, "UTC")
            if report.rejected:
                raise RuntimeError(f"{kind}: {len(report.rejected)} rows rejected")
            counts[kind] = report.created
            took = time.perf_counter() - started
            print(f"  {kind}: {report.created:,} in {took:.0f} s", flush=True)
    finally:
        db.dispose()
    return counts


def _write_files(folder: Path, rng: random.Random, scale: float, orders: int) -> dict[str, Path]:
    teams = _teams()
    members = _members(teams)
    reps = [m for m in members if m["role"] == "rep"]
    customers = _customers(rng, max(1, int(SIZES["customers"] * scale)), reps)
    slack_ids = {m["id"]: m["slack_user_id"] for m in members}
    files = write_people_files(folder, teams, members, customers)
    files["products"] = folder / "products.csv"
    _write(
        files["products"],
        ("sku", "name_en", "name_zh", "list_price", "cost"),
        [_product(rng, n) for n in range(PRODUCTS)],
    )
    files["orders"], files["order_lines"] = folder / "orders.csv", folder / "order_lines.csv"
    _write_orders(files, rng, _orders(rng, orders, customers), customers, slack_ids)
    return files


def _product(rng: random.Random, n: int) -> tuple:
    price = Decimal(rng.randint(100, 100_000)).scaleb(-2)
    cost = (price * Decimal(rng.randint(40, 90)) / 100).quantize(Decimal("0.01"))
    return (_sku(n), f"Product {n}", f"产品 {n}", price, cost if n % 5 else "")


def _sku(n: int) -> str:
    return f"SKU-{n:04d}"


def _write_orders(files, rng, orders, customers, slack_ids) -> None:
    """Each order and two lines of quantity 1 whose prices add up to its amount."""
    with (
        files["orders"].open("w", newline="", encoding="utf-8") as order_file,
        files["order_lines"].open("w", newline="", encoding="utf-8") as line_file,
    ):
        order_rows, line_rows = csv.writer(order_file), csv.writer(line_file)
        order_rows.writerow(ORDER_COLUMNS)
        line_rows.writerow(("order_number", "sku", "quantity", "unit_price"))
        for order in orders:
            order_rows.writerow(_order_row(order, customers[order["customer_id"] - 1], slack_ids))
            amount = order["amount"]
            first = (amount * Decimal(rng.randint(20, 80)) / 100).quantize(Decimal("0.01"))
            skus = rng.sample(range(PRODUCTS), LINES_PER_ORDER)
            line_rows.writerow((order["number"], _sku(skus[0]), 1, first))
            line_rows.writerow((order["number"], _sku(skus[1]), 1, amount - first))


# -- measuring, in a fresh process --------------------------------------------------------------


def measure(url: str, runs: int) -> dict:
    db = Database(url)
    label = _label()
    with tempfile.TemporaryDirectory() as folder:
        _pack(db, Path(folder), label)  # warm-up: caches and the pages read
        times: dict[str, list[float]] = {}
        loads = []
        for _ in range(runs):
            loads.append(os.getloadavg()[0])
            for work, seconds in _pack(db, Path(folder), label).items():
                times.setdefault(work, []).append(seconds)
        sizes = {p.name: p.stat().st_size for p in Path(folder).glob("company*.xlsx")}
    plans = _plans(db)
    db.dispose()
    return {
        "times": {work: statistics.median(values) for work, values in times.items()},
        "all_runs": times,
        "plans": plans,
        "load": (min(loads), max(loads)),
        "peak_rss_mb": _maxrss_mb(),
        "xlsx_bytes": sizes,
    }


def _label():
    def label(key: str, params: dict) -> str:
        return t(LABEL_LOCALE, key, **params)

    return label


def _pack(db: Database, folder: Path, label) -> dict[str, float]:
    seconds: dict[str, float] = {}
    with db.session() as session:
        teams = list(session.scalars(select(Team).order_by(Team.name)))
        started = time.perf_counter()
        company = build_report(session, "sales", company_scope(session), PERIOD)
        seconds["company: build"] = time.perf_counter() - started
        started = time.perf_counter()
        write_xlsx(company, label, str(folder / "company.xlsx"))
        seconds["company: XLSX"] = time.perf_counter() - started
        built = written = 0.0
        for team in teams:
            started = time.perf_counter()
            report = build_report(session, "sales", team_scope(team), PERIOD)
            built += time.perf_counter() - started
            started = time.perf_counter()
            write_xlsx(report, label, str(folder / f"team-{team.id}.xlsx"))
            written += time.perf_counter() - started
        seconds[f"{len(teams)} teams: build"] = built
        seconds[f"{len(teams)} teams: XLSX"] = written
    return seconds


@contextmanager
def _statements(engine) -> Iterator[list[tuple[str, object]]]:
    sent: list[tuple[str, object]] = []

    def before(_conn, _cursor, statement, parameters, *_args) -> None:
        sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", before)


def _plans(db: Database) -> list[str]:
    """The plan of every SELECT the company's report sends, and of one team's."""
    with db.session() as session, _statements(db.engine) as sent:
        build_report(session, "sales", company_scope(session), PERIOD)
        team = session.scalars(select(Team).order_by(Team.name)).first()
        if team is not None:
            build_report(session, "sales", team_scope(team), PERIOD)
    explain = "EXPLAIN QUERY PLAN " if db.engine.dialect.name == "sqlite" else "EXPLAIN (ANALYZE) "
    lines: list[str] = []
    with db.engine.connect() as connection:
        raw = connection.connection.driver_connection
        for statement, parameters in sent:
            if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            cursor = raw.cursor()
            started = time.perf_counter()
            cursor.execute(explain + statement, parameters)
            rows = cursor.fetchall()
            took = time.perf_counter() - started
            lines.append(f"-- ({took:.2f} s) " + " ".join(statement.split())[:200])
            lines += [" | ".join(str(part) for part in row) for row in rows]
    return lines


def render(label: str, loaded: dict, result: dict) -> str:
    if loaded["reused"]:
        how = f"Reused the loaded database: {loaded['orders']:,} orders, {loaded['lines']:,} lines."
    else:
        counts = ", ".join(f"{n:,} {kind}" for kind, n in loaded["counts"].items())
        how = f"Loaded through the CSV import: {counts} in {loaded['seconds']:.0f} s."
    lines = [
        f"## {label}",
        "",
        how,
        f"Load average during the timed runs: {result['load'][0]:.1f} to {result['load'][1]:.1f}.",
        f"Peak RSS of the measuring process: {result['peak_rss_mb']:.0f} MB.",
        "",
        f"| sales pack {PERIOD.key} | median s | runs s |",
        "|---|--:|---|",
    ]
    for work, seconds in result["times"].items():
        runs = ", ".join(f"{s:.2f}" for s in result["all_runs"][work])
        lines.append(f"| {work} | {seconds:.2f} | {runs} |")
    total = sum(result["times"].values())
    lines += ["", f"All of it: {total:.2f} s.", f"XLSX sizes: {result['xlsx_bytes']}."]
    lines += ["", "Plans (the company's report, then one team's):", "", "```"]
    lines += [*result["plans"], "```", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
