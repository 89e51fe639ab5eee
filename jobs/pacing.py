"""When the outbox may next send to a channel, shared by every process that sends.

The send_pace table holds, per scope, the moment before which nothing may go: a channel's
scope paces messages to that channel (Slack allows about one a second); the workspace scope,
"*", holds everything back after Slack answered 429 with a Retry-After. A sender takes a
channel's slot with one conditional UPDATE (or an INSERT for a channel never sent to), so two
senders never both get it; it holds the slot while its message is in flight, and opens it again
`interval` after Slack answered.
"""

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite

from storage.db import Database
from storage.models import SendPace, as_utc, utcnow

WORKSPACE = "*"


class Pacing:
    def __init__(self, db: Database, interval: float, hold: timedelta):
        self.db = db
        self.interval = timedelta(seconds=interval)
        self.hold = hold  # longer than any one send may take

    def wait_for_workspace(self) -> float:
        """Seconds until the workspace may be sent to again (0: now)."""
        return self._seconds_until(self._not_before(WORKSPACE))

    def take(self, channel: str) -> float:
        """Take the channel's slot: 0 when it is ours, or the seconds to wait before asking
        again (the workspace's pause included)."""
        wait = self.wait_for_workspace()
        if wait > 0:
            return wait
        if not self.interval:
            return 0.0
        now = utcnow()
        with self.db.session() as session:
            taken = session.execute(
                update(SendPace)
                .where(SendPace.scope == channel, SendPace.not_before <= now)
                .values(not_before=now + self.hold)
            ).rowcount
            if not taken:
                # rowcount is not reported for an INSERT … ON CONFLICT by every driver
                inserted = self._insert(channel, now + self.hold).returning(SendPace.scope)
                taken = session.execute(inserted).first() is not None
        if taken:
            return 0.0
        return max(self._seconds_until(self._not_before(channel)), 0.001)

    def sent(self, channel: str) -> None:
        """Slack has answered for the channel: its next message waits `interval` from now."""
        if self.interval:
            self._set(channel, utcnow() + self.interval)

    def give_back(self, channel: str) -> None:
        """Nothing was sent under the slot taken: the channel is free again at once."""
        if self.interval:
            self._set(channel, utcnow())

    def pause_workspace(self, until: datetime) -> None:
        """Slack asked to wait (Retry-After): no sender sends anything before `until`."""
        with self.db.session() as session:
            moved = session.execute(
                update(SendPace)
                .where(SendPace.scope == WORKSPACE, SendPace.not_before < until)
                .values(not_before=until)
            ).rowcount
            if not moved:
                session.execute(self._insert(WORKSPACE, until))

    def _insert(self, scope: str, not_before: datetime):
        dialect = postgresql if self.db.engine.dialect.name == "postgresql" else sqlite
        statement = dialect.insert(SendPace).values(scope=scope, not_before=not_before)
        return statement.on_conflict_do_nothing(index_elements=["scope"])

    def _set(self, scope: str, not_before: datetime) -> None:
        with self.db.session() as session:
            session.execute(
                update(SendPace).where(SendPace.scope == scope).values(not_before=not_before)
            )

    def _not_before(self, scope: str) -> datetime | None:
        with self.db.reading() as connection:
            found = connection.execute(
                select(SendPace.not_before).where(SendPace.scope == scope)
            ).scalar()
        return None if found is None else as_utc(found)

    @staticmethod
    def _seconds_until(moment: datetime | None) -> float:
        return 0.0 if moment is None else max((moment - utcnow()).total_seconds(), 0.0)
