"""Order desk actions: look up, list and move orders through their life cycle."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from commands.errors import Forbidden, InvalidInput, NotFound
from commands.order_lifecycle import is_late, next_statuses
from commands.people import Actor
from commands.records import audit, notify
from storage.models import Customer, Member, OrderStatusChange, SalesOrder, utcnow

LIST_LIMIT = 10


@dataclass(frozen=True)
class LastChange:
    by: str | None
    at: datetime
    from_status: str | None
    to_status: str
    note: str | None


@dataclass(frozen=True)
class OrderCard:
    number: str
    customer_code: str
    customer_name: str
    rep_name: str
    status: str
    amount: Decimal
    currency: str
    ordered_on: date | None
    promised_ship_on: date | None
    shipped_on: date | None
    delivered_on: date | None
    is_late: bool
    last_change: LastChange | None


@dataclass(frozen=True)
class OrderPage:
    orders: list[OrderCard]
    total: int
    scope: str
    customer_query: str | None = None


@dataclass(frozen=True)
class StatusChanged:
    order: OrderCard
    from_status: str
    to_status: str


def today_for(actor: Actor, now: datetime | None = None) -> date:
    return (now or utcnow()).astimezone(ZoneInfo(actor.timezone)).date()


def order_status(
    session: Session, actor: Actor, number: str, now: datetime | None = None
) -> OrderCard:
    order, customer, rep = _find_visible(session, actor, number)
    return _card(order, customer, rep, today_for(actor, now), _last_change(session, order.id))


def list_orders(
    session: Session,
    actor: Actor,
    scope: str,
    customer_query: str | None = None,
    now: datetime | None = None,
) -> OrderPage:
    today = today_for(actor, now)
    query = _visible(select(SalesOrder, Customer, Member), actor)
    if scope == "mine":
        query = query.where(
            or_(SalesOrder.rep_id == actor.member_id, Customer.owner_id == actor.member_id)
        )
    elif scope == "late":
        query = query.where(
            SalesOrder.status.in_(
                ("received", "confirmed", "in_production", "ready_to_ship", "on_hold")
            ),
            SalesOrder.shipped_on.is_(None),
            SalesOrder.promised_ship_on < today,
        )
    elif scope == "customer":
        query = query.where(_customer_matches(customer_query or ""))
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    rows = session.exec(
        query.order_by(SalesOrder.ordered_on.desc().nulls_last(), SalesOrder.id.desc()).limit(
            LIST_LIMIT
        )
    ).all()
    cards = [_card(order, customer, rep, today, None) for order, customer, rep in rows]
    return OrderPage(cards, total, scope, customer_query)


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
    order, customer, rep = _find_visible(session, actor, number, for_update=True)
    before = order.status
    if status == before:
        raise InvalidInput("order.error.already_in_status", number=order.number, status=status)
    allowed = next_statuses(before, _held_from(session, order))
    if status not in allowed:
        raise InvalidInput(
            "order.error.impossible_step",
            number=order.number,
            status=status,
            current=before,
            allowed=allowed,
        )
    moment = now or utcnow()
    _apply_status(order, status, today_for(actor, moment), moment)
    change = OrderStatusChange(
        order_id=order.id,
        from_status=before,
        to_status=status,
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
        to_status=status,
        by=actor.name,
        note=note,
    )
    last = LastChange(actor.name, moment, before, status, note)
    return StatusChanged(
        _card(order, customer, rep, today_for(actor, moment), last), before, status
    )


def _apply_status(order: SalesOrder, status: str, today: date, moment: datetime) -> None:
    order.status = status
    order.updated_at = moment
    if status == "shipped" and order.shipped_on is None:
        order.shipped_on = today
    if status == "delivered" and order.delivered_on is None:
        order.delivered_on = today


def _visible(query, actor: Actor):
    query = query.join(Customer, SalesOrder.customer_id == Customer.id).join(
        Member, SalesOrder.rep_id == Member.id
    )
    if actor.is_admin:
        return query
    if actor.role == "rep":
        return query.where(
            or_(Customer.owner_id == actor.member_id, SalesOrder.rep_id == actor.member_id)
        )
    owner = aliased(Member)
    return query.join(owner, Customer.owner_id == owner.id).where(
        or_(Member.team_id == actor.team_id, owner.team_id == actor.team_id)
    )


def _find_visible(session: Session, actor: Actor, number: str, for_update: bool = False):
    query = _visible(select(SalesOrder, Customer, Member), actor).where(SalesOrder.number == number)
    if for_update:
        query = query.with_for_update(of=SalesOrder)
    row = session.exec(query).first()
    if row is None:
        raise NotFound("order.error.not_found", number=number)
    return row


def _customer_matches(text: str):
    pattern = f"%{text.strip().lower()}%"
    return or_(
        func.lower(Customer.code) == text.strip().lower(), func.lower(Customer.name).like(pattern)
    )


def _last_change(session: Session, order_id: int) -> LastChange | None:
    row = session.exec(
        select(OrderStatusChange, Member.name)
        .join(Member, OrderStatusChange.actor_id == Member.id, isouter=True)
        .where(OrderStatusChange.order_id == order_id)
        .order_by(OrderStatusChange.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    change, name = row
    return LastChange(name, change.at, change.from_status, change.to_status, change.note)


def _held_from(session: Session, order: SalesOrder) -> str | None:
    if order.status != "on_hold":
        return None
    return session.exec(
        select(OrderStatusChange.from_status)
        .where(OrderStatusChange.order_id == order.id, OrderStatusChange.to_status == "on_hold")
        .order_by(OrderStatusChange.id.desc())
        .limit(1)
    ).first()


def _card(order, customer, rep, today: date, last: LastChange | None) -> OrderCard:
    return OrderCard(
        number=order.number,
        customer_code=customer.code,
        customer_name=customer.name,
        rep_name=rep.name,
        status=order.status,
        amount=order.amount,
        currency=order.currency,
        ordered_on=order.ordered_on,
        promised_ship_on=order.promised_ship_on,
        shipped_on=order.shipped_on,
        delivered_on=order.delivered_on,
        is_late=is_late(order.status, order.promised_ship_on, order.shipped_on, today),
        last_change=last,
    )
