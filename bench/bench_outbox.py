"""Direct messages to many people through the real OutboxSender, against a rate-limited Slack.

    PYTHONPATH=. python -m bench.bench_outbox [--messages 200] [--burst 50] [--window 10]
    PYTHONPATH=. python -m bench.bench_outbox --messages 2000 --window 60   # 39 minutes at least

Queues one rep brief for each of --messages people (a SQLite file in a temporary folder) and lets
--senders OutboxSenders (one per gunicorn worker in production) deliver them through the Slack
stand-in (tests/slack_standin.py), which allows chat.postMessage once a second per channel and
--burst calls per --window seconds in all, answering 429 + Retry-After beyond that. Slack's
window is a minute; the default runs time ten times faster with a 10 s window, and the outbox's
claim lease (jobs.outbox.LEASE, 2 minutes) is scaled by the same window/60. Not scaled: the
whole seconds of Retry-After, backoff(). The senders' client hands 429s to the outbox (no SDK
retry), which shares each Retry-After with every sender through the send_pace table.

Reports the time to the last delivery against the least the limit allows (with N messages to N
people, message k cannot go before floor(k / burst) windows), the 429s received, and that each
person got exactly one message. Writes bench/results/outbox.md.
"""

import argparse
import logging
import math
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

import jobs.outbox
from bot.slack_client import slack_client
from bot.views.notifications import render_notification
from commands.digest import OrderLine, RepBrief
from commands.people import Reader
from commands.records import notify
from jobs.outbox import OutboxSender
from storage.db import Database
from storage.migrate import upgrade
from storage.models import Member, Notification
from tests.slack_standin import SlackStandIn

RESULTS = Path(__file__).resolve().parent / "results"
METHOD = "chat.postMessage"
SLACK_WINDOW = 60.0
DAY = "2026-03-11"
ORIGINAL_LEASE = jobs.outbox.LEASE


class CountingHandler(logging.Handler):
    """Counts the sender's own retries (failures, not 429s) instead of printing each."""

    def __init__(self) -> None:
        super().__init__()
        self.levels: Counter = Counter()

    def emit(self, record: logging.LogRecord) -> None:
        self.levels[record.levelname] += 1


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    jobs.outbox.LEASE = ORIGINAL_LEASE * (args.window / SLACK_WINDOW)
    rows = [run(args, senders) for senders in args.senders]
    report = render(args, rows)
    print(report)
    (RESULTS / "outbox.md").write_text(report)
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_outbox")
    parser.add_argument("--messages", type=int, default=200, help="one each to as many people")
    parser.add_argument("--burst", type=int, default=50, help="calls allowed per window")
    parser.add_argument("--window", type=float, default=10.0, help="seconds; Slack's is 60")
    parser.add_argument("--per-channel", type=int, default=1, help="calls per second")
    parser.add_argument("--senders", type=int, nargs="+", default=[1, 2], help="one run each")
    return parser.parse_args(argv)


def least_seconds(messages: int, burst: int, window: float) -> float:
    """When the last of `messages` (to distinct channels) may go at the earliest."""
    return (messages - 1) // burst * window


def run(args: argparse.Namespace, senders: int) -> dict:
    retries = CountingHandler()
    logger = logging.getLogger("jobs.outbox")
    logger.addHandler(retries)
    logger.propagate = False
    with tempfile.TemporaryDirectory() as folder, SlackStandIn() as slack:
        db = queued_database(f"sqlite:///{folder}/outbox.db", args.messages)
        slack.rate_limit(METHOD, args.per_channel, args.burst, window_seconds=args.window)
        client = slack_client("xoxb-bench", slack.api_url, retry_rate_limited=False)
        outboxes = [
            OutboxSender(db, client, render_notification, Reader("en", "UTC"))
            for _ in range(senders)
        ]
        started = time.monotonic()
        for outbox in outboxes:
            outbox.start()
        deadline = started + 3 * least_seconds(args.messages, args.burst, args.window) + 120
        finished = wait_until_delivered(db, args.messages, deadline)
        for outbox in outboxes:
            outbox.stop()
        wait_until_quiet(slack, args.window + 5)  # a late duplicate would show up here
        statuses = count_statuses(db)
        reclaimed = count_claimed_again(db)
        db.dispose()
    logger.removeHandler(retries)
    posts = slack.calls_to(METHOD)
    per_person = Counter(call.args["channel"] for call in posts)
    times = sorted(call.at for call in posts) or [math.nan]
    return {
        "senders": senders,
        "finished": finished,
        "seconds": times[-1] - started,
        "first": times[0] - started,
        "least": least_seconds(args.messages, args.burst, args.window),
        "posts": len(posts),
        "people": len(per_person),
        "twice": sum(1 for n in per_person.values() if n > 1),
        "429s": sum(1 for call in slack.failed_calls if call.status == 429),
        "requests": slack.total_requests,
        "statuses": statuses,
        "sender_retries": retries.levels["WARNING"],
        "reclaimed": reclaimed,
        "lateness": lateness(times, args.burst, args.window),
    }


def queued_database(url: str, messages: int) -> Database:
    """`messages` reps (English, UTC), and one rep brief queued for each."""
    upgrade(url)
    db = Database(url)
    with db.session() as session:
        for n in range(1, messages + 1):
            slack_id = f"UREP{n:06d}"
            session.add(Member(slack_user_id=slack_id, name=f"Rep {n}", role="rep", locale="en"))
            notify(
                session,
                key=f"rep-brief:{slack_id}:{DAY}",
                channel=slack_id,
                kind="rep_brief",
                day=DAY,
                **asdict(brief(slack_id, n)),
            )
    return db


def brief(slack_id: str, n: int) -> RepBrief:
    late = [
        OrderLine(f"SO-{n:06d}{i}", f"Customer {n}", f"Rep {n}", "confirmed", DAY) for i in (1, 2)
    ]
    follow_up = {"customer": f"Customer {n}", "step": "Send the quote", "due": DAY}
    return RepBrief(slack_id, late_orders=late, follow_ups=[follow_up])


def wait_until_delivered(db: Database, messages: int, deadline: float) -> bool:
    while time.monotonic() < deadline:
        statuses = count_statuses(db)
        if statuses.get("sent", 0) + statuses.get("failed", 0) >= messages:
            return True
        time.sleep(0.2)
    return False


def wait_until_quiet(slack: SlackStandIn, quiet: float) -> None:
    requests = -1
    while requests != slack.total_requests:
        requests = slack.total_requests
        time.sleep(quiet)


def count_statuses(db: Database) -> dict[str, int]:
    with db.engine.connect() as connection:
        rows = connection.execute(
            select(Notification.status, func.count()).group_by(Notification.status)
        )
        return dict(rows.all())


def count_claimed_again(db: Database) -> int:
    """Notifications claimed more than once: rescheduled by the sender, or taken over by
    another sender when the lease ran out."""
    with db.engine.connect() as connection:
        query = select(func.count()).select_from(Notification).where(Notification.attempts > 1)
        return connection.execute(query).scalar_one()


def lateness(times: list[float], burst: int, window: float) -> dict[str, float]:
    """How long after its earliest possible moment (a window after the post `burst` places
    before it) each post beyond the first burst went."""
    late = [times[k] - (times[k - burst] + window) for k in range(burst, len(times))]
    if not late:
        return {"median": 0.0, "max": 0.0}
    return {"median": statistics.median(late), "max": max(late)}


def render(args: argparse.Namespace, rows: list[dict]) -> str:
    lines = [
        "# Outbox under Slack's rate limit",
        "",
        f"{datetime.now():%Y-%m-%d %H:%M} · {args.messages:,} rep briefs to as many people · "
        f"`{METHOD}` limited to {args.per_channel}/s per channel and {args.burst} per "
        f"{args.window:g} s overall (429 + Retry-After beyond) · outbox lease "
        f"{ORIGINAL_LEASE.total_seconds() * args.window / SLACK_WINDOW:g} s · SQLite",
        "",
        "| senders | exactly once | last delivery s | first s | least s | ratio | 429s "
        "| requests | delivered | twice | claimed again | sender retries | statuses "
        "| post after its slot: median / max s |",
        "|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|",
    ]
    for r in rows:
        statuses = ", ".join(f"{k} {v}" for k, v in sorted(r["statuses"].items()))
        done = "" if r["finished"] else " (timed out)"
        once = "yes" if r["people"] == args.messages and not r["twice"] else "**NO**"
        lines.append(
            f"| {r['senders']} | {once} | {r['seconds']:.1f}{done} | {r['first']:.1f} "
            f"| {r['least']:.0f} | {_ratio(r)} | {r['429s']} | {r['requests']} "
            f"| {r['people']} of {args.messages} | {r['twice']} | {r['reclaimed']} "
            f"| {r['sender_retries']} | {statuses} "
            f"| {r['lateness']['median']:.2f} / {r['lateness']['max']:.2f} |"
        )
    lines += [
        "",
        "last delivery and first: seconds from the senders' start. "
        "least: (N − 1) // burst × window, when the last message may go at the earliest. "
        "twice: people who got the message more than once. claimed again: rows claimed more "
        "than once (attempts > 1; a 429 leaves attempts as they were). sender retries: failed "
        "deliveries the outbox rescheduled (429s not counted). post after its slot: how long "
        "after the moment the limit allowed it (a window after the post `burst` places "
        "before) each post went.",
    ]
    return "\n".join(lines) + "\n"


def _ratio(row: dict) -> str:
    return f"{row['seconds'] / row['least']:.2f}" if row["least"] else "—"


if __name__ == "__main__":
    sys.exit(main())
