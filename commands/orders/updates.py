"""Moving an order through its life cycle: one step at a time, audited, its rep told."""

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from commands.errors import Forbidden, InvalidInput
from commands.orders.lifecycle import RESUME, next_statuses
from commands.orders.reading import OrderCard, card_as_stored, find_visible, today_for
from commands.people import Actor
from commands.records import audit, notify
from storage.models import OrderStatusChange, SalesOrder, utcnow
from storage.statuses import OrderStatus


@dataclass(frozen=True)
class StatusChanged:
    order: OrderCard
    from_status: str
    to_status: str


def update_order_status(
    session: Session,
    actor: Actor,
    number: str,
    status: str,
    note: str | None = None,
    now: datetime | None = None,
) -> StatusChanged:
    if not actor.works_the_desk:
        raise Forbidden("order.error.update_not_allowed")
    order, customer, rep = find_visible(session, actor, number, for_update=True)
    before = order.status
    held_from = _held_from(session, order)
    allowed = next_statuses(before, held_from, order.shipped_on, order.delivered_on)
    if status == RESUME:
        status = _resumed_step(order, held_from, allowed)
    if status == before:
        raise InvalidInput("order.error.already_in_status", number=order.number, status=status)
    if status not in allowed:
        raise InvalidInput(
            "order.error.impossible_step",
            number=order.number,
            status=status,
            current=before,
            allowed=allowed,
        )
    target = OrderStatus(status)
    moment = now or utcnow()
    _apply_status(order, target, today_for(actor, moment), moment)
    change = OrderStatusChange(
        order_id=order.id,
        from_status=before,
        to_status=target,
        actor_id=actor.member_id,
        note=note,
        at=moment,
    )
    session.add(change)
    session.flush()
    audit(
        session,
        actor.slack_user_id,
        "order",
        order.number,
        "status",
        {"status": before},
        {"status": status, "note": note},
    )
    notify(
        session,
        key=f"order-status:{change.id}:rep",
        channel=rep.slack_user_id,
        kind="order_status_changed",
        number=order.number,
        customer=customer.name,
        from_status=before,
        to_status=target,
        by=actor.name,
        note=note,
    )
    card = card_as_stored(session.connection(), actor, number, today_for(actor, moment))
    return StatusChanged(card, before, status)  # the card as stored now, with this change


def _apply_status(order: SalesOrder, status: OrderStatus, today: date, moment: datetime) -> None:
    order.status = status
    order.updated_at = moment
    if status == OrderStatus.shipped and order.shipped_on is None:
        order.shipped_on = today
    if status == OrderStatus.delivered and order.delivered_on is None:
        order.delivered_on = today


def _held_from(session: Session, order: SalesOrder) -> str | None:
    """The step an order on hold was held at, as its history says (newest hold first, in the
    order of index (order_id, id) like reading.LATEST_CHANGE_ID)."""
    if order.status != OrderStatus.on_hold:
        return None
    return session.exec(
        select(OrderStatusChange.from_status)
        .where(
            OrderStatusChange.order_id == order.id,
            OrderStatusChange.to_status == OrderStatus.on_hold,
        )
        .order_by(col(OrderStatusChange.order_id).desc(), col(OrderStatusChange.id).desc())
        .limit(1)
    ).first()


def _resumed_step(order: SalesOrder, held_from: str | None, allowed: tuple[str, ...]) -> str:
    """The step an order on hold was held at, which `resume` returns it to."""
    if order.status != OrderStatus.on_hold:
        raise InvalidInput("order.error.not_on_hold", number=order.number, current=order.status)
    if held_from is None:
        raise InvalidInput("order.error.held_step_unknown", number=order.number, allowed=allowed)
    return held_from
