"""Asking for a member's App Home to be published again after a change. The outbox rebuilds a
Home from the data when it delivers it, so one refresh still waiting covers every later change:
a thousand leads given to a rep in one import publish their Home once, not a thousand times."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from uuid import uuid4

from sqlmodel import Session, col, select

from commands.records import notify
from storage.models import Notification
from storage.statuses import NotificationStatus

HOME_REFRESH = "home_refresh"
_QUEUED = "home_refresh_queued"  # session.info: the members already asked for in this session
# Members whose Home the code running now publishes itself, with what it has to say on top.
_PUBLISHING: ContextVar[frozenset[str]] = ContextVar("home_publishing", default=frozenset())


@contextmanager
def publishing_home(slack_user_id: str) -> Iterator[None]:
    """Within it, changes do not queue a refresh of this member's Home: the caller publishes
    it (a later refresh would replace the notice it shows at the top)."""
    token = _PUBLISHING.set(_PUBLISHING.get() | {slack_user_id})
    try:
        yield
    finally:
        _PUBLISHING.reset(token)


def refresh_home(session: Session, slack_user_id: str, reason_key: str) -> None:
    """Re-publish this member's App Home once the current change is committed. `reason_key`
    names the change (like "order:1234:status:42"); the same key twice queues it once."""
    key = f"home:{slack_user_id}:{reason_key}"[:200]
    if session.exec(select(Notification.id).where(Notification.key == key)).first() is None:
        notify(session, key=key, channel=slack_user_id, kind=HOME_REFRESH)


def refresh_home_soon(session: Session, slack_user_id: str) -> None:
    """Re-publish this member's Home after the change, unless a refresh still waits to go."""
    queued: set[str] = session.info.setdefault(_QUEUED, set())
    if slack_user_id in queued or slack_user_id in _PUBLISHING.get():
        return
    queued.add(slack_user_id)
    waiting = session.exec(
        select(Notification.id).where(
            col(Notification.status) == NotificationStatus.pending,
            Notification.channel == slack_user_id,
            Notification.kind == HOME_REFRESH,
        )
    ).first()
    if waiting is None:
        notify(
            session,
            key=f"home:{slack_user_id}:{uuid4().hex}",
            channel=slack_user_id,
            kind=HOME_REFRESH,
        )
