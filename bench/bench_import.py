"""How fast `salesdesk import orders` is: 100,000 orders into a fresh database, then again.

    PYTHONPATH=. python bench/bench_import.py [--orders N] [--runs 3]

Each run is a process of its own: the peak memory shown is that process's resident peak (median
over the runs). Runs on a SQLite file, and on PostgreSQL too when SALESDESK_BENCH_POSTGRES_URL
names a server (for example postgresql+psycopg://postgres@127.0.0.1:5432/postgres): each run
makes a fresh database there and drops it afterwards. The re-import must change nothing.
"""

import argparse
import csv
import multiprocessing
import os
import random
import resource
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from storage.db import Database
from storage.imports import import_csv
from storage.migrate import upgrade
from storage.models import ORDER_STATUSES

POSTGRES_ENV = "SALESDESK_BENCH_POSTGRES_URL"
TEAMS, MEMBERS_PER_TEAM, CUSTOMERS = 10, 20, 5_000
CHINESE_STATUSES = ("已接收", "已确认", "生产中", "待发货", "已发货")


def write_files(folder: Path, orders: int, seed: int = 7) -> dict[str, Path]:
    """The four CSV files of one organisation with `orders` orders."""
    rng = random.Random(seed)
    teams = [f"Team {i:02d}" for i in range(TEAMS)]
    members = [
        (f"UREP{t:02d}{m:03d}", f"Rep {t}-{m}", teams[t])
        for t in range(TEAMS)
        for m in range(MEMBERS_PER_TEAM)
    ]
    customers = [
        (f"C-{i:05d}", f"客户 {i:05d} 有限公司", rng.choice(members)[0]) for i in range(CUSTOMERS)
    ]
    tables = {
        "teams": (
            ["name", "slack_channel_id", "timezone", "digest_time"],
            [(name, f"C0TEAM{i:04d}", "Asia/Shanghai", "08:30") for i, name in enumerate(teams)],
        ),
        "members": (
            ["slack_user_id", "name", "role", "team"],
            [(slack_id, name, "rep", team) for slack_id, name, team in members],
        ),
        "customers": (
            ["code", "name", "owner_slack_id", "tier", "contact_name", "contact_phone"],
            [
                (*c, rng.choice("ABCD"), f"联系人 {i}", f"+86 138 {i:08d}")
                for i, c in enumerate(customers)
            ],
        ),
        "orders": (
            [
                "number",
                "customer_code",
                "status",
                "amount",
                "currency",
                "ordered_on",
                "promised_ship_on",
                "note",
            ],
            [_order(rng, i, customers) for i in range(orders)],
        ),
    }
    paths = {}
    for kind, (header, rows) in tables.items():
        paths[kind] = folder / f"{kind}.csv"
        with paths[kind].open("w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(header)
            writer.writerows(rows)
    return paths


def _order(rng: random.Random, i: int, customers: list[tuple]) -> tuple:
    ordered = date(2024, 1, 1) + timedelta(days=rng.randrange(700))
    status = rng.choice(ORDER_STATUSES + CHINESE_STATUSES)
    amount = f"{rng.randrange(100, 10_000_000) / 100:,.2f}"
    note = rng.choice(("", "", "加急", "partial shipment", "客户自提"))
    return (
        f"SO-{i:07d}",
        rng.choice(customers)[0],
        status,
        amount,
        rng.choice(("", "CNY", "USD")),
        ordered.isoformat(),
        (ordered + timedelta(days=rng.randrange(5, 60))).strftime("%Y/%m/%d"),
        note,
    )


@contextmanager
def sqlite_database(folder: Path) -> Iterator[str]:
    path = folder / f"bench-{uuid.uuid4().hex[:8]}.db"
    url = f"sqlite:///{path}"
    upgrade(url)
    yield url
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@contextmanager
def postgres_database(server_url: str) -> Iterator[str]:
    server = make_url(server_url)
    name = f"salesdesk_bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = server.set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def isolated_run(
    fresh_database: Callable[[], AbstractContextManager[str]], files: dict[str, Path], orders: int
) -> tuple[float, float, float]:
    """`one_run` in a process of its own, so that its peak memory is its own: seconds for the
    first import and the re-import, and the peak resident memory in MiB."""
    fork = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(1, mp_context=fork) as pool:
        return pool.submit(_run_and_measure, fresh_database, files, orders).result()


def _run_and_measure(fresh_database, files: dict[str, Path], orders: int):
    with fresh_database() as url:
        first, again = one_run(url, files, orders)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return first, again, peak_kib / 1024


def one_run(url: str, files: dict[str, Path], orders: int) -> tuple[float, float]:
    """Seconds for the first import of the orders and for their re-import."""
    db = Database(url)
    try:
        for kind in ("teams", "members", "customers"):
            report = import_csv(db, kind, files[kind])
            assert not report.rejected, report.rejected[:3]
        first, report = _timed(db, files["orders"])
        assert (report.created, len(report.rejected)) == (orders, 0), report
        again, report = _timed(db, files["orders"])
        assert (report.unchanged, report.created, report.updated) == (orders, 0, 0), report
        return first, again
    finally:
        db.dispose()


def _timed(db: Database, path: Path):
    start = time.perf_counter()
    report = import_csv(db, "orders", path)
    return time.perf_counter() - start, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="salesdesk-bench-") as temp:
        folder = Path(temp)
        files = write_files(folder, args.orders)
        targets = {"sqlite": partial(sqlite_database, folder)}
        if os.environ.get(POSTGRES_ENV):
            targets["postgresql"] = partial(postgres_database, os.environ[POSTGRES_ENV])
        results = {}
        for name, fresh_database in targets.items():
            times = []
            for _ in range(args.runs):
                times.append(isolated_run(fresh_database, files, args.orders))
            results[name] = [statistics.median(column) for column in zip(*times, strict=True)]
    _print_table(results, args.orders, args.runs)


def _print_table(results: dict[str, list[float]], orders: int, runs: int) -> None:
    print(f"salesdesk import orders: {orders:,} rows, median of {runs} runs")
    print(
        f"{'database':<12}{'first import':>14}{'rows/s':>10}{'re-import':>12}{'rows/s':>10}"
        f"{'peak memory':>14}"
    )
    for name, (first, again, peak) in results.items():
        print(
            f"{name:<12}{first:>13.2f}s{orders / first:>10,.0f}"
            f"{again:>11.2f}s{orders / again:>10,.0f}{peak:>10,.0f} MiB"
        )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"{os.cpu_count()} CPUs, load average {load} (other work slows every number above)")


if __name__ == "__main__":
    main()
