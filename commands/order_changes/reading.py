"""Listing change requests: one order's, or every pending one the actor may see."""

from sqlmodel import Session, col, select

from commands.order_changes.cards import (
    LIST_LIMIT,
    ChangePage,
    card_of,
    load_row,
    may_see,
)
from commands.orders import order_status
from commands.people import Actor
from storage.models import (
    OrderChangeRequest,
    SalesOrder,
)
from storage.statuses import ChangeRequestStatus


def list_changes(session: Session, actor: Actor, number: str | None = None) -> ChangePage:
    """The change requests of one order (newest first), or every pending one the actor may
    see (oldest first: the longest waiting on top)."""
    if number is not None:
        order_status(session.connection(), actor, number)  # NotFound when the actor may not see it
        query = (
            select(OrderChangeRequest)
            .join(SalesOrder, col(OrderChangeRequest.order_id) == col(SalesOrder.id))
            .where(SalesOrder.number == number)
            .order_by(col(OrderChangeRequest.id).desc())
        )
        changes = session.exec(query).all()
    else:
        pending = session.exec(
            select(OrderChangeRequest)
            .where(OrderChangeRequest.status == ChangeRequestStatus.pending)
            .order_by(col(OrderChangeRequest.id))
        ).all()
        changes = [c for c in pending if may_see(session, actor, c)]
    cards = [card_of(session, load_row(session, change)) for change in changes[:LIST_LIMIT]]
    return ChangePage(cards, len(changes), number)
