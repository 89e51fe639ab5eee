"""The one door towards people: deliver queued notifications once, retrying through outages."""

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from sqlalchemy import update
from sqlmodel import select

from commands.home import HOME_REFRESH, member_dashboard
from commands.people import Reader, reader_for
from commands.records import notify
from storage.db import Database
from storage.models import Member, Notification, utcnow

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
PER_CHANNEL_SECONDS = 1.0
DEFAULT_READER = Reader("en", "UTC")
LEASE = timedelta(minutes=2)
PERMANENT_ERRORS = {"channel_not_found", "user_not_found", "is_archived", "invalid_blocks"}
Renderer = Callable[[str, dict, Reader], tuple[str, list[dict]]]


class MessageNotSentYet(Exception):
    """An update whose original message is still in the outbox: it waits its turn."""


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
    ):
        self.db = db
        self.client = client
        self.render = render
        self.defaults = defaults
        self.admins = admins
        self.poll_seconds = poll_seconds
        self.pace_seconds = pace_seconds
        self._last_post: dict[str, float] = {}
        self.batch = batch
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
        """Deliver what is due now; returns how many notifications this call claimed.

        Each row is claimed just before it is sent, so a sender asked to stop leaves the rest
        pending for the next one instead of holding them under its lease."""
        now = now or utcnow()
        claimed = 0
        for notification in self._due(now):
            if self._stop.is_set():
                break
            if self._claim(notification, now):
                self._deliver(notification)
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

    def _claim(self, notification: Notification, now: datetime) -> bool:
        """Take the row under a lease; another sender that got there first wins."""
        with self.db.session() as session:
            result = session.execute(
                update(Notification)
                .where(
                    Notification.id == notification.id,
                    Notification.attempts == notification.attempts,
                    Notification.status.in_(("pending", "sending")),
                )
                .values(
                    status="sending",
                    attempts=notification.attempts + 1,
                    next_attempt_at=now + LEASE,
                )
            )
            return result.rowcount == 1

    def _deliver(self, notification: Notification) -> None:
        try:
            sent_channel, sent_ts = self._post(notification)
        except SlackApiError as error:
            retry_after = int(error.response.headers.get("Retry-After", 0) or 0)
            self._failed(notification, str(error.response.get("error")), retry_after)
        except (SlackClientError, OSError) as error:
            self._failed(notification, f"{type(error).__name__}: {error}")
        except MessageNotSentYet:
            self._set(notification, status="pending", next_attempt_at=utcnow() + backoff(1))
        else:
            self._set(
                notification,
                status="sent",
                sent_at=utcnow(),
                last_error=None,
                sent_channel=sent_channel,
                sent_ts=sent_ts,
            )

    def _post(self, notification: Notification) -> tuple[str, str]:
        """Post the message, or update the one posted for `updates_key`, in place."""
        if notification.kind == HOME_REFRESH:
            return self._publish_home(notification)
        text, blocks = self.render(
            notification.kind, notification.params, self._reader(notification)
        )
        self._pace(notification.channel)
        if notification.updates_key is None:
            response = self.client.chat_postMessage(
                channel=notification.channel, text=text, blocks=blocks
            )
            return response["channel"], response["ts"]
        channel, ts = self._original(notification.updates_key)
        self.client.chat_update(channel=channel, ts=ts, text=text, blocks=blocks)
        return channel, ts

    def _publish_home(self, notification: Notification) -> tuple[str, None]:
        """An App Home is a view, not a message: rebuilt from the data as it is now (so the
        last of several refreshes shows everything) and published; not for non-members."""
        with self.db.session() as session:
            board = member_dashboard(session, notification.channel, self.defaults, self.admins)
        if board is not None:
            reader = Reader(board.locale, board.timezone)
            _, blocks = self.render(HOME_REFRESH, {"dashboard": board, "at": utcnow()}, reader)
            view = {"type": "home", "blocks": blocks}
            self.client.views_publish(user_id=notification.channel, view=view)
        return notification.channel, None

    def _pace(self, channel: str) -> None:
        """At most one message a second to any one channel, as Slack asks."""
        wait = self._last_post.get(channel, 0.0) + self.pace_seconds - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last_post[channel] = time.monotonic()

    def _original(self, key: str) -> tuple[str, str]:
        with self.db.session() as session:
            original = session.exec(select(Notification).where(Notification.key == key)).first()
        if original is None or original.status == "failed":
            raise SlackClientError(f"the message to update ({key}) was never delivered")
        if original.sent_ts is None:
            raise MessageNotSentYet(key)
        return original.sent_channel, original.sent_ts

    def _failed(self, notification: Notification, reason: str, retry_after: int = 0) -> None:
        attempts = notification.attempts + 1
        if reason in PERMANENT_ERRORS or attempts >= MAX_ATTEMPTS:
            log.error("notification %s failed for good: %s", notification.key, reason)
            self._set(notification, status="failed", last_error=reason[:500])
            self._report_failure(notification, reason, attempts)
            return
        log.warning("notification %s failed (attempt %d): %s", notification.key, attempts, reason)
        wait = max(backoff(attempts), timedelta(seconds=retry_after))
        self._set(
            notification, status="pending", next_attempt_at=utcnow() + wait, last_error=reason[:500]
        )

    def _report_failure(self, notification: Notification, reason: str, attempts: int) -> None:
        """Tell the admins, so nothing is dropped silently (but never about these reports)."""
        if notification.kind == "delivery_failed":
            return
        with self.db.session() as session:
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
        self.wake()

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
