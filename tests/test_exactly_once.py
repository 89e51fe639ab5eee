"""Exactly once, nothing lost: replicas racing on one PostgreSQL, a process killed mid-run,
and a Slack that fails three calls in ten."""

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlmodel import select

from bot.app import create_desk
from bot.settings import Settings
from commands.records import notify
from jobs.runner import JobRunner
from storage.db import Database
from storage.demo import load_demo
from storage.models import Notification

ROOT = Path(__file__).resolve().parent.parent
AT = "2026-11-23T08:30+08:00"
CHANNELS = ("C0EAST0001", "C0EXPORT01")


def demo(url: str) -> Database:
    db = Database(url)
    with db.session() as session:
        load_demo(session, date(2026, 11, 22))
    return db


def jobs_run(url: str, slack, *args: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "SALESDESK_"))}
    env.update(
        DATABASE_URL=url,
        SLACK_BOT_TOKEN="xoxb-jobs",
        SLACK_API_URL=slack.api_url,
        PYTHONPATH=str(ROOT),
    )
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "jobs", "run", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def digest_posts(slack) -> list[str]:
    return [
        c.args["channel"]
        for c in slack.calls_to("chat.postMessage")
        if c.args["channel"] in CHANNELS
    ]


def test_two_processes_firing_the_same_job_post_once(postgres_url, slack):
    demo(postgres_url).dispose()
    racers = [jobs_run(postgres_url, slack, "daily-digest", "--at", AT) for _ in range(2)]
    outputs = [racer.communicate(timeout=120)[0] for racer in racers]
    assert all(racer.returncode == 0 for racer in racers), outputs
    assert sorted(digest_posts(slack)) == sorted(CHANNELS)
    assert "already done" in "".join(outputs)


def test_a_process_killed_mid_run_leaves_the_run_to_be_made_up_once(postgres_url, slack):
    demo(postgres_url).dispose()
    blocker = create_engine(postgres_url)
    with blocker.connect() as connection:
        transaction = connection.begin()
        # Hold the run table so the job is caught inside its transaction, then kill it there.
        connection.execute(text("LOCK TABLE job_run IN ACCESS EXCLUSIVE MODE"))
        victim = jobs_run(postgres_url, slack, "daily-digest", "--at", AT)
        time.sleep(3)
        assert victim.poll() is None
        victim.kill()
        victim.wait(timeout=30)
        transaction.rollback()
    blocker.dispose()
    assert digest_posts(slack) == []
    for _ in range(2):
        again = jobs_run(postgres_url, slack, "daily-digest", "--at", AT)
        assert again.wait(timeout=120) == 0
    assert sorted(digest_posts(slack)) == sorted(CHANNELS)


def test_every_notification_is_delivered_once_through_a_flaky_slack(db, slack):
    with db.session() as session:
        load_demo(session, date(2026, 11, 22))
    settings = Settings(database_url=db.url, slack_bot_token="xoxb-t", slack_api_url=slack.api_url)
    desk = create_desk(settings, db)
    JobRunner(db).run("daily-digest", _moment(AT))
    JobRunner(db).run("escalations", _moment(AT))
    with db.session() as session:
        # Messages only: a channel's canvas is written with the canvases API, not posted.
        keys = set(session.exec(select(Notification.key).where(Notification.kind != "canvas")))
    assert len(keys) >= 6
    slack.fail_randomly(rate=0.3, seed=7, statuses=(503, 429), retry_after=0)
    far_future = _moment("2030-01-01T00:00+00:00")
    for _ in range(20):
        desk.outbox.deliver_due(now=far_future)
    with db.session() as session:
        statuses = set(session.exec(select(Notification.status)))
    assert statuses == {"sent"}
    assert slack.failed_calls, "the stand-in should have failed some calls"
    delivered = slack.calls_to("chat.postMessage")
    assert len(delivered) == len(keys)
    assert len({(c.args["channel"], c.args["text"]) for c in delivered}) == len(keys)


def _moment(text_: str):
    from datetime import datetime

    return datetime.fromisoformat(text_)


def test_a_message_that_fails_for_good_is_reported_to_the_admins(db, slack):
    with db.session() as session:
        load_demo(session, date(2026, 11, 22))
    settings = Settings(
        database_url=db.url,
        slack_bot_token="xoxb-t",
        slack_api_url=slack.api_url,
        admins=frozenset({"UOPS00001"}),
    )
    desk = create_desk(settings, db)
    JobRunner(db).run("daily-digest", _moment(AT))
    slack.set_response(
        "chat.postMessage",
        lambda call: (
            {"ok": False, "error": "channel_not_found"}
            if call.args["channel"] == "C0EAST0001"
            else {"ok": True, "channel": call.args["channel"], "ts": "1.2"}
        ),
    )
    for _ in range(3):
        desk.outbox.deliver_due()
    with db.session() as session:
        failed = session.exec(select(Notification).where(Notification.status == "failed")).one()
    assert failed.channel == "C0EAST0001" and failed.last_error == "channel_not_found"
    reports = [
        c for c in slack.calls_to("chat.postMessage") if "could not be delivered" in c.args["text"]
    ]
    assert sorted(c.args["channel"] for c in reports) == ["UADMIN0001", "UOPS00001"]
    assert all("C0EAST0001" in c.args["text"] for c in reports)


def test_a_sender_stopped_mid_batch_leaves_the_rest_for_the_next_at_once(db, slack):
    """Messages to one person go a second apart; stopping (a deploy, a restart) between two of
    them must not hold the others under the stopped sender's lease."""
    with db.session() as session:
        load_demo(session, date(2026, 11, 22))
        for n in range(3):
            notify(
                session,
                key=f"stop-test:{n}",
                channel="UREP00001",
                kind="delivery_failed",
                about=f"note {n}",
                channel_of_message="C0EAST0001",
                reason="test",
                attempts=1,
            )
    settings = Settings(database_url=db.url, slack_bot_token="xoxb-t", slack_api_url=slack.api_url)
    first = create_desk(settings, db, outbox_poll_seconds=0.1).outbox.start()
    slack.wait_for("chat.postMessage", timeout=10)
    first.stop()
    sent_by_first = len(slack.calls_to("chat.postMessage"))
    assert sent_by_first < 3, "the first sender should have been stopped mid-batch"
    with db.session() as session:
        left = session.exec(select(Notification).where(Notification.status != "sent")).all()
    assert len(left) == 3 - sent_by_first
    assert all(n.status == "pending" for n in left)

    second = create_desk(settings, db).outbox
    while second.deliver_due():
        pass
    assert len(slack.calls_to("chat.postMessage")) == 3
    keys = sorted(c.args["text"] for c in slack.calls_to("chat.postMessage"))
    assert len(set(keys)) == 3


def test_a_scheduled_run_that_meets_a_database_blip_is_tried_again_soon_and_runs_once(
    demo_db, caplog
):
    from datetime import UTC, datetime, timedelta

    from jobs.scheduler import JobScheduler
    from storage.models import JobRun, Team

    queued = []
    scheduler = JobScheduler(
        JobRunner(demo_db), lambda: queued.append(1), retry_first=timedelta(seconds=0.3)
    )
    scheduler.sync()
    scheduler.scheduler.start()
    with demo_db.session() as session:
        team = session.exec(select(Team).order_by(Team.id)).first()
    try:
        with _refusing(demo_db, "job_run"):
            scheduler._fire("daily-digest", team.id, datetime.now(UTC))
        runs = eventually_rows(demo_db, JobRun, lambda runs: len(runs) >= 1, timeout=10)
        time.sleep(1.0)  # a second retry, had one been left, would run by now
        # … and one missed longer ago than the team's catch-up hours is not tried again.
        with _refusing(demo_db, "job_run"), caplog.at_level("ERROR"):
            scheduler._fire("weekly-report", team.id, datetime.now(UTC) - timedelta(days=2))
        time.sleep(1.0)
    finally:
        scheduler.stop()
    runs = _rows(demo_db, JobRun)
    assert [(run.job, run.target) for run in runs] == [("daily-digest", f"team:{team.id}")]
    assert queued == [1]
    assert "too late to try again" in caplog.text


def _rows(db, model) -> list:
    with db.session() as session:
        return list(session.exec(select(model)))


def eventually_rows(db, model, until, timeout: float) -> list:
    deadline = time.monotonic() + timeout
    rows = _rows(db, model)
    while not until(rows) and time.monotonic() < deadline:
        time.sleep(0.05)
        rows = _rows(db, model)
    return rows


class _refusing:
    """A database trigger refusing every insert into `table` (a database away for a moment),
    while the block runs."""

    def __init__(self, db: Database, table: str):
        self.db, self.table = db, table
        self.postgres = db.engine.dialect.name == "postgresql"

    def __enter__(self) -> None:
        statements = (
            [
                "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'database away'; END $$ LANGUAGE plpgsql",
                f"CREATE TRIGGER refuse BEFORE INSERT ON {self.table} "
                "FOR EACH ROW EXECUTE FUNCTION refuse()",
            ]
            if self.postgres
            else [
                # an OperationalError, as from a database away (RAISE would be an
                # IntegrityError, which reads as "already done")
                "CREATE TABLE away (n INTEGER)",
                f"CREATE TRIGGER refuse BEFORE INSERT ON {self.table} "
                "BEGIN INSERT INTO away VALUES (1); END",
                "DROP TABLE away",
            ]
        )
        self._run(statements)

    def __exit__(self, *_exc) -> None:
        if self.postgres:
            self._run([f"DROP TRIGGER refuse ON {self.table}", "DROP FUNCTION refuse()"])
        else:
            self._run(["DROP TRIGGER refuse"])

    def _run(self, statements: list[str]) -> None:
        with self.db.session() as session:
            for statement in statements:
                session.execute(text(statement))
