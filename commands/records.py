"""The two side effects every change carries: an audit entry and, where people must hear of
it, a notification row in the outbox (delivered later by jobs.outbox)."""

from sqlmodel import Session

from storage.models import AuditEntry, Notification


def audit(
    session: Session,
    actor: str,
    entity: str,
    key: str,
    action: str,
    before: dict | None,
    after: dict | None,
) -> None:
    session.add(
        AuditEntry(
            actor=actor, entity=entity, entity_key=key, action=action, before=before, after=after
        )
    )


def notify(
    session: Session,
    *,
    key: str,
    channel: str,
    kind: str,
    updates_key: str | None = None,
    **params: object,
) -> None:
    """Queue a message; `key` makes it unique, so it is delivered once. With `updates_key`,
    the message delivered under that key is updated in place (e.g. buttons replaced by who
    decided and when) instead of a new one being posted."""
    session.add(
        Notification(key=key, channel=channel, kind=kind, params=params, updates_key=updates_key)
    )
