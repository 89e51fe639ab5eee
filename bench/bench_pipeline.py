"""`/pipeline` over 100,000 opportunities: the ack over signed HTTP, and the funnel after it.

    PYTHONPATH=. python -m bench.bench_pipeline [--runs 3] [--scale 1.0] [--postgres-only]

Builds a fresh database (a SQLite file in a temporary folder; a new PostgreSQL database too when
SALESDESK_BENCH_POSTGRES_URL names a server, dropped at the end) and loads it the way a team
does, through `salesdesk import` (storage.imports): 10 teams of 20 reps (each with a manager
and a desk), 20,000 customers, this month's USD rate, 100,000 opportunities created over the
last year in every stage (each with its first stage step), then a second file that moves one
open opportunity in two a stage on (a second step each, and won or lost for some), so the
median stay in each stage has history to read. Then:

(a) the ack: the real app under gunicorn as `salesdesk serve --http` runs it (2 workers,
    gthread), a signed `/pipeline` from a team's manager and from an admin; the time to the
    ack ("counting…", which must be well under Slack's 3 s), and the time until the funnel
    reaches the response_url (a small local server here), median of --runs requests each;
(b) the funnel after the ack: `pipeline_report` in a fresh interpreter, for the manager of
    one team and for an admin (every team), median of --runs runs after a warm-up, with the
    plan of each of its queries (EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL).

The load average is printed with the figures (the machine may be shared). Writes
bench/results/pipeline.md.
"""

import argparse
import csv
import hashlib
import hmac
import http.client
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlencode

from sqlalchemy import event

from bench.bench_digest import databases, in_fresh_process, load_average
from bench.bench_order_status import (
    EVENTS_PATH,
    HOST,
    ROOT,
    SECRET,
    Server,
    free_port,
    server_env,
    stop,
    wait_until_up,
)
from commands.people import actor_for, find_member
from commands.pipeline import pipeline_report
from commands.targets.periods import MONTH, Period
from storage.db import Database
from storage.imports import import_csv
from storage.migrate import upgrade

RESULTS = ROOT / "bench" / "results"
TEAMS, REPS_A_TEAM = 10, 20
SIZES = {"customers": 20_000, "opportunities": 100_000}
TODAY = date.today()
MONTH_NOW = Period.containing(TODAY, MONTH)
ADMIN = "UADMIN0001"
MANAGER = "UMGR00001"
STAGES = (  # stage, its share of the opportunities
    ("qualification", 30),
    ("needs", 20),
    ("proposal", 15),
    ("negotiation", 10),
    ("won", 15),
    ("lost", 10),
)
NEXT = {"qualification": "needs", "needs": "proposal", "proposal": "negotiation"}
ACK_LIMIT_S = 3.0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    sections = [f"load average before: {load_average()}"]
    with tempfile.TemporaryDirectory() as folder:
        for label, url in databases(Path(folder), "pipeline", args.postgres_only):
            with url as database_url:
                started = time.perf_counter()
                counts = in_fresh_process(seed, database_url, args.scale, folder)
                seeded_in = time.perf_counter() - started
                acks = ack_times(database_url, args.runs)
                result = in_fresh_process(measure, database_url, args.runs)
            sections.append(render(label, counts, seeded_in, acks, result))
            print(sections[-1], flush=True)
    sections.append(f"load average after: {load_average()}")
    (RESULTS / "pipeline.md").write_text("# /pipeline at scale\n\n" + "\n".join(sections))
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_pipeline")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each measure")
    parser.add_argument("--scale", type=float, default=1.0, help="of customers, opportunities")
    parser.add_argument("--postgres-only", action="store_true", help="skip the SQLite database")
    return parser.parse_args(argv)


# -- seeding, through the CSV import ----------------------------------------------------------


def seed(url: str, scale: float, folder: str) -> dict[str, int]:
    upgrade(url)
    rng = random.Random(17)
    files = write_files(Path(folder), rng, scale)
    db = Database(url)
    counts: dict[str, int] = {}
    try:
        for name, (kind, path) in files.items():
            started = time.perf_counter()
            report = import_csv(db, kind, path, "UTC")
            if report.rejected:
                first = report.rejected[0]
                raise RuntimeError(f"{name}: {len(report.rejected)} rows rejected ({first})")
            counts[name] = report.created + report.updated
            took = time.perf_counter() - started
            print(f"  {name}: {counts[name]:,} in {took:.1f} s", flush=True)
    finally:
        db.dispose()
    return counts


def write_files(folder: Path, rng: random.Random, scale: float) -> dict[str, tuple[str, Path]]:
    """name → (kind, file), in the order they are imported."""
    reps = [f"UREP{team:02d}{n:03d}" for team in range(1, TEAMS + 1) for n in range(REPS_A_TEAM)]
    customers = [
        (f"C-{n:05d}", rng.choice(reps)) for n in range(1, int(SIZES["customers"] * scale) + 1)
    ]
    deals = list(_deals(rng, int(SIZES["opportunities"] * scale), customers, reps))
    rows = {
        "teams": (
            ("name", "slack_channel_id", "timezone", "manager_slack_id"),
            [
                (f"Team {t:02d}", f"CTEAM{t:05d}", "Asia/Shanghai", f"UMGR{t:05d}")
                for t in range(1, TEAMS + 1)
            ],
        ),
        "members": (("slack_user_id", "name", "role", "team", "locale"), _members(reps)),
        "customers": (
            ("code", "name", "owner_slack_id"),
            [(code, f"Customer {code}", owner) for code, owner in customers],
        ),
        "rates": (
            ("month", "currency", "to_currency", "rate"),
            [(MONTH_NOW.key, "USD", "CNY", "7.1")],
        ),
        "opportunities": (DEAL_COLUMNS, deals),
        "opportunities moved": (DEAL_COLUMNS, _moved(rng, deals)),
    }
    files = {}
    for name, (header, table) in rows.items():
        path = folder / f"{name.replace(' ', '_')}.csv"
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            writer.writerows(table)
        files[name] = (name.split()[0], path)
    return files


def _members(reps: list[str]) -> list[tuple]:
    people = [(ADMIN, "Admin", "admin", "", "en")]
    for t in range(1, TEAMS + 1):
        people += [(f"UMGR{t:05d}", f"Manager {t}", "manager", f"Team {t:02d}", "en")]
        people += [(f"UDESK{t:05d}", f"Desk {t}", "desk", f"Team {t:02d}", "zh-CN")]
    people += [(rep, f"Rep {rep[4:]}", "rep", f"Team {rep[4:6]}", "zh-CN") for rep in reps]
    return people


DEAL_COLUMNS = (
    "customer_code",
    "title",
    "amount",
    "currency",
    "stage",
    "owner_slack_id",
    "expected_close_on",
    "next_step",
    "lost_reason",
    "competitor",
    "created_on",
)


def _deals(rng: random.Random, count: int, customers: list[tuple[str, str]], reps: list[str]):
    """Created over the last year; closing within half a year of today; one in ten in US
    dollars; one in ten owned by another rep of the team than the customer's owner."""
    stages = [stage for stage, share in STAGES for _ in range(share)]
    for n in range(count):
        code, owner = customers[n % len(customers)]
        if rng.random() < 0.1:
            owner = rng.choice([rep for rep in reps if rep[4:6] == owner[4:6]])
        stage = rng.choice(stages)
        yield (
            code,
            f"Deal {n:06d}",
            rng.randint(1, 500) * 1000,
            "USD" if rng.random() < 0.1 else "CNY",
            stage,
            owner,
            TODAY + timedelta(days=rng.randint(-30, 180)),
            "call back" if stage in NEXT else "",
            "price" if stage == "lost" else "",
            "Rival Ltd" if stage == "lost" else "",
            TODAY - timedelta(days=rng.randint(1, 365)),
        )


def _moved(rng: random.Random, deals: list[tuple]) -> list[tuple]:
    """One open opportunity in two, a stage on (negotiation: won or lost)."""
    moved = []
    for deal in deals:
        stage = deal[4]
        if stage in ("won", "lost") or rng.random() < 0.5:
            continue
        after = NEXT.get(stage) or rng.choice(("won", "lost"))
        moved.append((*deal[:4], after, *deal[5:]))
    return moved


# -- (a) the ack over signed HTTP ---------------------------------------------------------------


class Answers(BaseHTTPRequestHandler):
    """Stands in for Slack's response_url: notes when each funnel arrives."""

    arrived: dict[str, float] = {}
    seen = threading.Condition()

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        self.rfile.read(length)
        with Answers.seen:
            Answers.arrived[self.path.rsplit("/", 1)[-1]] = time.perf_counter()
            Answers.seen.notify_all()
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *_args) -> None:
        pass


def ack_times(url: str, runs: int) -> dict[str, list[tuple[float, float]]]:
    """who → [(seconds to the ack, seconds to the funnel at the response_url)]."""
    Answers.arrived.clear()  # the names repeat from one database to the next
    answers = ThreadingHTTPServer((HOST, free_port()), Answers)
    threading.Thread(target=answers.serve_forever, daemon=True).start()
    times: dict[str, list[tuple[float, float]]] = {"manager": [], "admin": []}
    try:
        with _real_app(url) as server:
            for run in range(runs + 1):  # the first is a warm-up
                for who, user in (("manager", MANAGER), ("admin", ADMIN)):
                    timing = _one_pipeline(server, answers, user, f"{who}{run}")
                    if run:
                        times[who].append(timing)
    finally:
        answers.shutdown()
    return times


@contextmanager
def _real_app(url: str):
    port = free_port()
    log = RESULTS / "pipeline_server.log"
    command = [sys.executable, "-m", "bot.cli", "serve", "--http", "--no-scheduler"]
    command += ["--host", HOST, "--port", str(port), "--workers", "2"]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=server_env(url),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        server = Server("real", port, process, log)
        wait_until_up(server, "/healthz")
        yield server
    finally:
        stop(process)


def _one_pipeline(server: Server, answers, user: str, name: str) -> tuple[float, float]:
    response_url = f"http://{HOST}:{answers.server_address[1]}/commands/{name}"
    body = urlencode(
        {
            "token": "bench",
            "team_id": "T0001",
            "channel_id": "C0001",
            "user_id": user,
            "user_name": user.lower(),
            "command": "/pipeline",
            "text": "",
            "api_app_id": "A0001",
            "response_url": response_url,
            "trigger_id": "1.2.bench",
        }
    )
    timestamp = str(int(time.time()))
    signature = hmac.new(
        SECRET.encode(), f"v0:{timestamp}:{body}".encode(), hashlib.sha256
    ).hexdigest()
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": "v0=" + signature,
    }
    connection = http.client.HTTPConnection(HOST, server.port, timeout=60)
    started = time.perf_counter()
    connection.request("POST", EVENTS_PATH, body=body, headers=headers)
    response = connection.getresponse()
    text = response.read().decode()
    acked = time.perf_counter() - started
    connection.close()
    if response.status != 200 or not text:
        raise RuntimeError(f"/pipeline answered {response.status}: {text[:300]}")
    with Answers.seen:
        if not Answers.seen.wait_for(lambda: name in Answers.arrived, timeout=600):
            raise RuntimeError(f"no funnel reached the response_url; see {server.log}")
    return acked, Answers.arrived[name] - started


# -- (b) the funnel after the ack ---------------------------------------------------------------


def measure(url: str, runs: int) -> dict:
    db = Database(url)
    actors = {"manager of one team": _actor(db, MANAGER), "admin, every team": _actor(db, ADMIN)}
    times: dict[str, list[float]] = {who: [] for who in actors}
    checks = {}
    for run in range(runs + 1):  # the first is a warm-up
        for who, actor in actors.items():
            with db.session() as session:
                started = time.perf_counter()
                report = pipeline_report(session, actor, None)
                seconds = time.perf_counter() - started
            if run:
                times[who].append(seconds)
            checks[who] = _summary(report)
    plans = {who: _plans(db, actor) for who, actor in actors.items()}
    dialect = db.engine.dialect.name
    db.dispose()
    return {"times": times, "checks": checks, "plans": plans, "dialect": dialect}


def _actor(db: Database, slack_user_id: str):
    with db.session() as session:
        member, team = find_member(session, slack_user_id)
        return actor_for(
            member, team, admins=frozenset(), default_locale="en", default_timezone="UTC"
        )


def _summary(report) -> str:
    """What the funnel found, to show it read everything: open deals and their stays."""
    open_deals = sum(f.count for team in report.teams for f in team.stages.values())
    made = sum(team.conversion.opportunities for team in report.teams)
    won = sum(team.conversion.won for team in report.teams)
    medians = report.teams[0].medians if report.teams else {}
    shown = ", ".join(f"{stage} {days}" for stage, days in medians.items())
    return (
        f"{len(report.teams)} team(s), {open_deals:,} open, {made:,} made, {won:,} won; "
        f"median days (first team): {shown}"
    )


def _plans(db: Database, actor) -> list[str]:
    sent: list[tuple[str, object]] = []

    def before(_conn, _cursor, statement, parameters, *_args) -> None:
        sent.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", before)
    with db.session() as session:
        pipeline_report(session, actor, None)
    event.remove(db.engine, "before_cursor_execute", before)
    sqlite = db.engine.dialect.name == "sqlite"
    explain = "EXPLAIN QUERY PLAN " if sqlite else "EXPLAIN (ANALYZE, COSTS OFF) "
    lines = []
    with db.engine.connect() as connection:
        raw = connection.connection.driver_connection
        for statement, parameters in sent:
            if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            cursor = raw.cursor()
            cursor.execute(explain + statement, parameters)
            lines.append("-- " + " ".join(statement.split())[:200])
            lines += [" | ".join(str(part) for part in row) for row in cursor.fetchall()]
    return lines


# -- the report ---------------------------------------------------------------------------------


def render(label: str, counts: dict, seeded_in: float, acks: dict, result: dict) -> str:
    lines = [
        f"## {label}",
        "",
        "Loaded through the CSV import: "
        + ", ".join(f"{n:,} {name}" for name, n in counts.items())
        + f" in {seeded_in:.0f} s.",
        f"Load average now: {load_average()}.",
        "",
        "| `/pipeline` over signed HTTP | ack median s | ack runs s | funnel at response_url s |",
        "|---|--:|---|---|",
    ]
    for who, timings in acks.items():
        ack = statistics.median(a for a, _ in timings)
        runs = ", ".join(f"{a:.3f}" for a, _ in timings)
        after = ", ".join(f"{f:.2f}" for _, f in timings)
        verdict = "" if ack < ACK_LIMIT_S else " (over Slack's 3 s!)"
        lines.append(f"| {who} | {ack:.3f}{verdict} | {runs} | {after} |")
    lines += [
        "",
        "| `pipeline_report` after the ack | median s | runs s | what it found |",
        "|---|--:|---|---|",
    ]
    for who, seconds in result["times"].items():
        runs = ", ".join(f"{s:.2f}" for s in seconds)
        found = result["checks"][who]
        lines.append(f"| {who} | {statistics.median(seconds):.2f} | {runs} | {found} |")
    lines += ["", "Plans:", "", "```"]
    for who, plan in result["plans"].items():
        lines += [f"# {who}", *plan]
    lines += ["```", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
