"""The one door towards people: deliver queued notifications once, retrying through outages.

A sender claims a row under a lease counted from the claim, takes the channel's slot in the
shared send pace (jobs.pacing), and posts only while at least half its lease is left, so no
other sender can have taken the row over. A 429 is not a failure: the row goes back as it was,
and Slack's Retry-After holds back every sender. Attempts count real failures only.
"""

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from sqlalchemy import update
from sqlmodel import Session, select

from commands.home import member_dashboard
from commands.home_refresh import HOME_REFRESH
from commands.people import Reader, reader_for
from commands.records import notify
from commands.reports.canvas import CANVAS, live_month
from jobs.canvas_writer import write_canvas
from jobs.pacing import Pacing
from jobs.report_packs import REPORT_PACK, pack_report
from storage.db import Database
from storage.models import Member, Notification, Team, utcnow

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
PER_CHANNEL_SECONDS = 1.0
DEFAULT_READER = Reader("en", "UTC")
LEASE = timedelta(minutes=2)
PACE_POLL_SECONDS = 0.05  # how often a sender waiting for a slot looks again
PERMANENT_ERRORS = {"channel_not_found", "user_not_found", "is_archived", "invalid_blocks"}
Renderer = Callable[[str, dict, Reader], tuple[str, list[dict]]]


class MessageNotSentYet(Exception):
    """An update whose original message is still in the outbox: it waits its turn."""


class NotNow(Exception):
    """The sender is stopping, or its lease is running short: the row goes back untouched."""


@dataclass(frozen=True)
class Claim:
    attempts: int  # the row's attempts once claimed: it is ours while they still read so
    lease_until: datetime


def backoff(attempts: int) -> timedelta:
    """5 s, 10 s, 20 s … capped at 30 minutes."""
    return timedelta(seconds=min(5 * 2 ** (attempts - 1), 1800))


class OutboxSender:
    def __init__(
        self,
        db: Database,
        client: WebClient,
        render: Renderer,
        defaults: Reader = DEFAULT_READER,
        admins: frozenset[str] = frozenset(),
        poll_seconds: float = 5.0,
        batch: int = 50,
        pace_seconds: float = PER_CHANNEL_SECONDS,
        lease: timedelta | None = None,
    ):
        """`client` should not retry 429s itself (see bot.slack_client): the sender hears of
        them, so every process waits out the Retry-After."""
        self.db = db
        self.client = client
        self.render = render
        self.defaults = defaults
        self.admins = admins
        self.poll_seconds = poll_seconds
        self.batch = batch
        self.lease = lease or LEASE
        self.pacing = Pacing(db, pace_seconds, hold=self.lease)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> "OutboxSender":
        self._thread = threading.Thread(target=self._run, name="outbox", daemon=True)
        self._thread.start()
        return self

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                while self.deliver_due() == self.batch:
                    pass
            except Exception:
                log.exception("outbox delivery failed; will try again")
            self._wake.wait(self.poll_seconds)
            self._wake.clear()

    def deliver_due(self, now: datetime | None = None) -> int:
        """Deliver what is due at `now`; returns how many notifications this call claimed.

        Each row is claimed just before it is sent, so a sender asked to stop leaves the rest
        pending for the next one instead of holding them under its lease."""
        now = now or utcnow()
        claimed = 0
        for notification in self._due(now):
            if not self._workspace_open():
                break
            claim = self._claim(notification, now)
            if claim is not None:
                self._deliver(notification, claim)
                claimed += 1
        return claimed

    def _due(self, now: datetime) -> list[Notification]:
        with self.db.session() as session:
            return list(
                session.exec(
                    select(Notification)
                    .where(
                        Notification.status.in_(("pending", "sending")),
                        Notification.next_attempt_at <= now,
                    )
                    .order_by(Notification.id)
                    .limit(self.batch)
                )
            )

    def _workspace_open(self) -> bool:
        """Wait out a Retry-After before claiming anything; False when told to stop."""
        while (wait := self.pacing.wait_for_workspace()) > 0:
            if self._stop.wait(min(wait, PACE_POLL_SECONDS)):
                return False
        return not self._stop.is_set()

    def _claim(self, notification: Notification, now: datetime) -> Claim | None:
        """Take the row under a lease counted from this moment; another sender that got
        there first wins."""
        attempts = notification.attempts + 1
        lease_until = utcnow() + self.lease
        with self.db.session() as session:
            result = session.execute(
                update(Notification)
                .where(
                    Notification.id == notification.id,
                    Notification.attempts == notification.attempts,
                    Notification.status.in_(("pending", "sending")),
                    Notification.next_attempt_at <= now,
                )
                .values(status="sending", attempts=attempts, next_attempt_at=lease_until)
            )
            return Claim(attempts, lease_until) if result.rowcount == 1 else None

    def _deliver(self, notification: Notification, claim: Claim) -> None:
        try:
            sent_channel, sent_ts = self._post(notification, claim)
        except SlackApiError as error:
            if error.response.status_code == 429:
                self._rate_limited(notification, claim, _retry_after(error))
            else:
                self._failed(notification, claim, str(error.response.get("error")))
        except (SlackClientError, OSError) as error:
            self._failed(notification, claim, f"{type(error).__name__}: {error}")
        except MessageNotSentYet:
            self._give_back(notification, claim, utcnow() + backoff(1))
        except NotNow:
            self._give_back(notification, claim, utcnow())
        else:
            self._set(
                notification,
                status="sent",
                sent_at=utcnow(),
                last_error=None,
                sent_channel=sent_channel,
                sent_ts=sent_ts,
            )

    def _post(self, notification: Notification, claim: Claim) -> tuple[str, str | None]:
        """Post the message, or update the one posted for `updates_key`, in place."""
        if notification.kind == HOME_REFRESH:
            return self._publish_home(notification, claim)
        if notification.kind == REPORT_PACK:
            return self._upload_pack(notification, claim)
        if notification.kind == CANVAS:
            return self._write_canvas(notification, claim)
        text, blocks = self.render(
            notification.kind, notification.params, self._reader(notification)
        )
        if notification.updates_key is None:
            with self._slot(notification.channel, claim):
                response = self.client.chat_postMessage(
                    channel=notification.channel, text=text, blocks=blocks
                )
            return response["channel"], response["ts"]
        channel, ts = self._original(notification.updates_key)
        with self._slot(notification.channel, claim):
            self.client.chat_update(channel=channel, ts=ts, text=text, blocks=blocks)
        return channel, ts

    def _publish_home(self, notification: Notification, claim: Claim) -> tuple[str, None]:
        """An App Home is a view, not a message: rebuilt from the data as it is now (so the
        last of several refreshes shows everything) and published; not for non-members."""
        with self.db.session() as session:
            board = member_dashboard(session, notification.channel, self.defaults, self.admins)
        if board is not None:
            reader = Reader(board.locale, board.timezone)
            _, blocks = self.render(HOME_REFRESH, {"dashboard": board, "at": utcnow()}, reader)
            view = {"type": "home", "blocks": blocks}
            self._check_lease(claim)
            self.client.views_publish(user_id=notification.channel, view=view)
        return notification.channel, None

    def _upload_pack(self, notification: Notification, claim: Claim) -> tuple[str, None]:
        """A report pack is files: the report is built now, rendered for its reader as the
        upload's comment and its files, and shared in one files_upload_v2 (a retry shares them
        again from the start, never a part twice)."""
        params = notification.params
        try:
            with self.db.session() as session:
                report = pack_report(session, params, self.defaults.timezone)
        except Exception as error:  # retried like a failed post, then told to the admins
            log.exception("report pack %s could not be built", notification.key)
            raise SlackClientError(f"the report could not be built: {error}") from error
        if report is None:  # its team is gone: there is nothing left to send
            return notification.channel, None
        reader = self._reader(notification)
        reader = Reader(params.get("locale") or reader.locale, reader.timezone)
        comment, uploads = self.render(REPORT_PACK, {**params, "built": report}, reader)
        channel = self._conversation(notification.channel)
        with self._slot(notification.channel, claim):
            self.client.files_upload_v2(
                channel=channel, initial_comment=comment, file_uploads=uploads
            )
        return channel, None

    def _write_canvas(self, notification: Notification, claim: Claim) -> tuple[str, None]:
        """A team channel's canvas: the month built now as of the stand-up's day, written
        section by section (jobs.canvas_writer); a new canvas's id is kept on the team."""
        params = notification.params
        try:
            with self.db.session() as session:
                team = session.get(Team, params["team_id"])
                day = date.fromisoformat(params["day"])
                month = live_month(session, team, day, self.defaults.timezone) if team else None
                canvas_id = team.canvas_id if team else None
        except Exception as error:  # retried like a failed post, then told to the admins
            log.exception("canvas %s could not be built", notification.key)
            raise SlackClientError(f"the canvas could not be built: {error}") from error
        if month is None:  # its team is gone
            return notification.channel, None
        reader = Reader(params.get("locale") or self.defaults.locale, self.defaults.timezone)
        _, sections = self.render(CANVAS, {**params, "built": month}, reader)
        self._check_lease(claim)
        written = write_canvas(self.client, notification.channel, canvas_id, sections)
        if written != canvas_id:
            with self.db.session() as session:
                session.execute(
                    update(Team).where(Team.id == params["team_id"]).values(canvas_id=written)
                )
        return notification.channel, None

    def _conversation(self, channel: str) -> str:
        """Files are shared in a conversation: a person's DM is opened first."""
        if channel.startswith(("U", "W")):
            return self.client.conversations_open(users=channel)["channel"]["id"]
        return channel

    @contextmanager
    def _slot(self, channel: str, claim: Claim) -> Iterator[None]:
        """Send once the channel's slot is ours (at most one message per `pace_seconds` to a
        channel, across every sender); the next may go `pace_seconds` after Slack answered,
        however many retries that took."""
        while (wait := self.pacing.take(channel)) > 0:
            self._check_lease(claim, wait)
            if self._stop.wait(min(wait, PACE_POLL_SECONDS)):
                raise NotNow
        try:
            self._check_lease(claim)
        except NotNow:
            self.pacing.give_back(channel)
            raise
        try:
            yield
        finally:
            self.pacing.sent(channel)

    def _check_lease(self, claim: Claim, wait: float = 0.0) -> None:
        """Post only with half the lease left (more than any one post takes, its SDK retries
        included), so the row cannot be taken over by another sender while in flight."""
        if utcnow() + timedelta(seconds=wait) + self.lease / 2 > claim.lease_until:
            raise NotNow

    def _original(self, key: str) -> tuple[str, str]:
        with self.db.session() as session:
            original = session.exec(select(Notification).where(Notification.key == key)).first()
        if original is None or original.status == "failed":
            raise SlackClientError(f"the message to update ({key}) was never delivered")
        if original.sent_ts is None:
            raise MessageNotSentYet(key)
        return original.sent_channel, original.sent_ts

    def _rate_limited(self, notification: Notification, claim: Claim, seconds: int) -> None:
        """Not a failure: every sender waits `seconds`, and the row goes back as it was."""
        log.info("notification %s rate limited: retry after %d s", notification.key, seconds)
        until = utcnow() + timedelta(seconds=seconds)
        self.pacing.pause_workspace(until)
        self._give_back(notification, claim, until, last_error="ratelimited")

    def _failed(self, notification: Notification, claim: Claim, reason: str) -> None:
        if reason in PERMANENT_ERRORS or claim.attempts >= MAX_ATTEMPTS:
            self._failed_for_good(notification, claim, reason)
            return
        log.warning(
            "notification %s failed (attempt %d): %s", notification.key, claim.attempts, reason
        )
        self._set_if_ours(
            notification,
            claim,
            status="pending",
            next_attempt_at=utcnow() + backoff(claim.attempts),
            last_error=reason[:500],
        )

    def _failed_for_good(self, notification: Notification, claim: Claim, reason: str) -> None:
        """Mark it failed and queue the admins' report in one transaction: both or neither."""
        log.error("notification %s failed for good: %s", notification.key, reason)
        with self.db.session() as session:
            marked = _if_ours(
                session, notification, claim, status="failed", last_error=reason[:500]
            )
            if marked:
                self._queue_failure_report(session, notification, reason, claim.attempts)
        self.wake()

    def _queue_failure_report(
        self, session: Session, notification: Notification, reason: str, attempts: int
    ) -> None:
        """Tell the admins, so nothing is dropped silently (but never about these reports)."""
        if notification.kind == "delivery_failed":
            return
        admins = self.admins | set(
            session.exec(select(Member.slack_user_id).where(Member.role == "admin"))
        )
        for admin in sorted(admins):
            notify(
                session,
                key=f"delivery-failed:{notification.id}:{admin}",
                channel=admin,
                kind="delivery_failed",
                about=notification.key,
                channel_of_message=notification.channel,
                reason=reason[:200],
                attempts=attempts,
            )

    def _give_back(self, notification: Notification, claim: Claim, at: datetime, **values) -> None:
        """Back to pending as before the claim (the claim was not an attempt), due at `at`."""
        self._set_if_ours(
            notification,
            claim,
            status="pending",
            attempts=claim.attempts - 1,
            next_attempt_at=at,
            **values,
        )

    def _set_if_ours(self, notification: Notification, claim: Claim, **values) -> None:
        with self.db.session() as session:
            if not _if_ours(session, notification, claim, **values):
                log.warning("notification %s was taken over by another sender", notification.key)

    def _set(self, notification: Notification, **values) -> None:
        with self.db.session() as session:
            session.execute(
                update(Notification).where(Notification.id == notification.id).values(**values)
            )

    def _reader(self, notification: Notification) -> Reader:
        with self.db.session() as session:
            return reader_for(
                session, notification.channel, self.defaults.locale, self.defaults.timezone
            )


def _if_ours(session: Session, notification: Notification, claim: Claim, **values) -> bool:
    """Update the row while the claim still holds it; False when another sender took it over."""
    result = session.execute(
        update(Notification)
        .where(
            Notification.id == notification.id,
            Notification.attempts == claim.attempts,
            Notification.status == "sending",
        )
        .values(**values)
    )
    return result.rowcount == 1


def _retry_after(error: SlackApiError) -> int:
    headers = error.response.headers or {}
    value = headers.get("Retry-After", headers.get("retry-after", 1))
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        return 1
