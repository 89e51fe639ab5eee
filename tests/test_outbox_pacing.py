"""The outbox under Slack's rate limits, with several senders on one database: at most one
message per interval to a channel (counted from delivery), a Retry-After heard by every
sender, leases that outlast a slow batch, and 429s that are not failures."""

import itertools
import threading
import time
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import select

import jobs.outbox
from bot.app import create_desk
from bot.settings import Settings
from commands.records import notify
from harness import eventually
from jobs.outbox import MAX_ATTEMPTS, OutboxSender
from jobs.runner import JobRunner
from storage.db import Database
from storage.demo import load_demo
from storage.models import Notification

FAR_FUTURE = datetime(2030, 1, 1, tzinfo=UTC)


def queue(url: str, *messages: tuple[str, str]) -> None:
    """Queue one message per (key, channel); the key shows in the text Slack receives."""
    db = Database(url)
    with db.session() as session:
        for key, channel in messages:
            notify(
                session,
                key=key,
                channel=channel,
                kind="delivery_failed",
                about=key,
                channel_of_message="C0ORIGIN01",
                reason="test",
                attempts=1,
            )
    db.dispose()


def sender(url: str, slack, pace: float) -> OutboxSender:
    """The outbox of one more process: its own database connections, as create_desk wires it."""
    settings = Settings(database_url=url, slack_bot_token="xoxb-t", slack_api_url=slack.api_url)
    return create_desk(
        settings, Database(url), outbox_poll_seconds=0.05, outbox_pace_seconds=pace
    ).outbox


def delivered(slack, keys) -> dict[str, list]:
    """Each key's accepted posts."""
    posts = defaultdict(list)
    for call in slack.calls_to("chat.postMessage"):
        [key] = [key for key in keys if key in call.args["text"]]
        posts[key].append(call)
    return posts


def notifications(url: str) -> list[Notification]:
    db = Database(url)
    with db.session() as session:
        rows = list(session.exec(select(Notification).order_by(Notification.id)))
    db.dispose()
    return rows


def all_sent(url: str) -> bool:
    return all(row.status == "sent" for row in notifications(url))


def run_senders(senders: list[OutboxSender], url: str, timeout: float) -> None:
    for outbox in senders:
        outbox.start()
    try:
        assert eventually(lambda: all_sent(url), bool, timeout=timeout)
    finally:
        for outbox in senders:
            outbox.stop()
            outbox.db.dispose()


def test_two_senders_keep_each_channel_to_one_message_per_interval_through_503s(
    database_url, slack
):
    keys = [f"pace-{channel}-{n}" for channel in ("C0PACE0001", "C0PACE0002") for n in range(5)]
    queue(database_url, *[(key, key.split("-")[1]) for key in keys])
    slack.rate_limit("chat.postMessage", per_channel_per_second=1, channel_seconds=0.3)
    slack.fail_randomly(rate=0.3, seed=11, statuses=(503,))
    run_senders([sender(database_url, slack, 0.3) for _ in range(2)], database_url, 60)

    posts = delivered(slack, keys)
    assert sorted(posts) == sorted(keys)
    assert all(len(calls) == 1 for calls in posts.values()), "a message was posted twice"
    by_channel = defaultdict(list)
    for call in slack.calls_to("chat.postMessage"):
        by_channel[call.args["channel"]].append(call.at)
    for channel, moments in by_channel.items():
        gaps = [later - earlier for earlier, later in itertools.pairwise(moments)]
        assert min(gaps) >= 0.3, f"{channel}: two messages {min(gaps):.3f} s apart"
    assert not [c for c in slack.failed_calls if c.status == 429]


def test_a_retry_after_one_sender_got_holds_back_the_other(database_url, slack):
    slack.rate_limit("chat.postMessage", burst_per_minute=1, window_seconds=2)
    first, second = sender(database_url, slack, 0), sender(database_url, slack, 0)
    queue(database_url, ("retry-1", "C0RETRY001"))
    first.deliver_due()
    queue(database_url, ("retry-2", "C0RETRY002"))
    answered = threading.Thread(target=first.deliver_due)
    answered.start()
    refused = eventually(lambda: list(slack.failed_calls), bool)
    assert refused and refused[0].status == 429
    limited_at, retry_after = refused[0].at, refused[0].retry_after

    time.sleep(0.3)  # the other process queues a message and sends while the limit holds
    queue(database_url, ("retry-3", "C0RETRY003"))
    deadline = time.monotonic() + 10
    while not all_sent(database_url) and time.monotonic() < deadline:
        second.deliver_due()
        first.deliver_due()
        time.sleep(0.05)
    answered.join()

    later = [c.at for c in slack.calls + slack.failed_calls if c.at > limited_at + 0.01]
    assert later and min(later) >= limited_at + retry_after - 0.05, "sent during Retry-After"
    posts = delivered(slack, ["retry-1", "retry-2", "retry-3"])
    assert {key: len(calls) for key, calls in posts.items()} == {
        "retry-1": 1,
        "retry-2": 1,
        "retry-3": 1,
    }
    first.db.dispose()
    second.db.dispose()


def test_rate_limits_are_not_failures_however_many(database_url, slack):
    queue(database_url, ("limited-1", "C0LIMIT001"))
    outbox = sender(database_url, slack, 0)
    slack.fail_randomly(rate=1.0, statuses=(429,), retry_after=0)
    for _ in range(MAX_ATTEMPTS + 2):
        outbox.deliver_due(now=FAR_FUTURE)
    [row] = notifications(database_url)
    assert row.status == "pending" and row.attempts == 0
    assert row.last_error == "ratelimited"

    slack.fail_randomly(rate=0)
    outbox.deliver_due(now=FAR_FUTURE)
    [row] = notifications(database_url)
    assert (row.status, row.attempts) == ("sent", 1)
    assert len(slack.calls_to("chat.postMessage")) == 1
    outbox.db.dispose()


def test_a_batch_slowed_past_the_lease_is_not_posted_twice(database_url, slack, monkeypatch):
    """Two senders, a limit of 2 posts a second in all, and a one-second lease: the batch takes
    several leases' time, and every row is still posted once."""
    monkeypatch.setattr(jobs.outbox, "LEASE", timedelta(seconds=1))
    keys = [f"lease-{n:02d}" for n in range(10)]
    queue(database_url, *[(key, f"C0LEASE0{n:02d}") for n, key in enumerate(keys)])
    slack.rate_limit("chat.postMessage", burst_per_minute=2, window_seconds=1)
    run_senders([sender(database_url, slack, 0.2) for _ in range(2)], database_url, 60)

    posts = delivered(slack, keys)
    assert sorted(posts) == keys
    assert {key: len(calls) for key, calls in posts.items() if len(calls) > 1} == {}
    assert all(row.attempts == 1 for row in notifications(database_url))


def stand_ups(database_url) -> list:
    """East's stand-up post (its channel's canvas goes to the same channel, by the canvases
    API)."""
    return [
        row
        for row in notifications(database_url)
        if row.channel == "C0EAST0001" and row.kind == "daily_digest"
    ]


def test_a_message_marked_failed_always_has_its_report_queued(database_url, slack):
    """A database that refuses the admins' report leaves the message unfailed, to be tried
    again, rather than failed with nobody told."""
    db = Database(database_url)
    with db.session() as session:
        load_demo(session, date(2026, 11, 22))
    JobRunner(db).run("daily-digest", datetime(2026, 11, 23, 0, 30, tzinfo=UTC))
    slack.set_response(
        "chat.postMessage",
        lambda call: (
            {"ok": False, "error": "channel_not_found"}
            if call.args["channel"] == "C0EAST0001"
            else {"ok": True, "channel": call.args["channel"], "ts": "1.2"}
        ),
    )
    outbox = sender(database_url, slack, 0)
    with _refusing_reports(db), pytest.raises(DBAPIError):
        while outbox.deliver_due(now=FAR_FUTURE):
            pass
    [gone] = stand_ups(database_url)
    assert gone.status != "failed"

    while outbox.deliver_due(now=FAR_FUTURE):
        pass
    [gone] = stand_ups(database_url)
    assert gone.status == "failed"
    reports = [row for row in notifications(database_url) if row.kind == "delivery_failed"]
    assert [(row.channel, row.params["about"]) for row in reports] == [("UADMIN0001", gone.key)]
    outbox.db.dispose()
    db.dispose()


class _refusing_reports:
    """A database trigger that refuses to queue delivery reports, while the block runs."""

    def __init__(self, db: Database):
        self.db = db
        self.postgres = db.engine.dialect.name == "postgresql"

    def __enter__(self) -> None:
        with self.db.session() as session:
            if self.postgres:
                session.execute(
                    text(
                        "CREATE FUNCTION refuse_reports() RETURNS trigger AS $$ BEGIN "
                        "RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql"
                    )
                )
                session.execute(
                    text(
                        "CREATE TRIGGER refuse_reports BEFORE INSERT ON notification "
                        "FOR EACH ROW WHEN (NEW.kind = 'delivery_failed') "
                        "EXECUTE FUNCTION refuse_reports()"
                    )
                )
            else:
                session.execute(
                    text(
                        "CREATE TRIGGER refuse_reports BEFORE INSERT ON notification "
                        "WHEN NEW.kind = 'delivery_failed' "
                        "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
                    )
                )

    def __exit__(self, *_exc) -> None:
        with self.db.session() as session:
            if self.postgres:
                session.execute(text("DROP TRIGGER refuse_reports ON notification"))
                session.execute(text("DROP FUNCTION refuse_reports()"))
            else:
                session.execute(text("DROP TRIGGER refuse_reports"))
