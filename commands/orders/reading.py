"""Reading orders: one order's card with its last change, lists of the orders an actor may see
(admins everything, reps their customers' and their own, desk and managers their team's)."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Integer, Row, bindparam, func, or_
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from commands.errors import NotFound
from commands.orders.lifecycle import NOT_YET_SHIPPED, is_late
from commands.people import Actor
from storage.models import (
    Customer,
    Member,
    OrderStatusChange,
    SalesOrder,
    as_utc,
    utcnow,
)
from storage.statuses import OrderStatus, Role

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


def today_for(actor: Actor, now: datetime | None = None) -> date:
    return (now or utcnow()).astimezone(ZoneInfo(actor.timezone)).date()


def order_status(
    connection: Connection, actor: Actor, number: str, now: datetime | None = None
) -> OrderCard:
    """A read: from a session, pass session.connection()."""
    return card_as_stored(connection, actor, number, today_for(actor, now))


def card_as_stored(connection: Connection, actor: Actor, number: str, today: date) -> OrderCard:
    """An order's card and last change as stored, read as plain columns: the ORM's bookkeeping
    would cost more than the query."""
    row = _card_row(connection, actor, number)
    return _card(row, today, _last_change(row))


def list_orders(
    session: Session,
    actor: Actor,
    scope: str,
    customer_query: str | None = None,
    now: datetime | None = None,
) -> OrderPage:
    today = today_for(actor, now)
    query = _visible(sa_select(*CARD_COLUMNS).select_from(SalesOrder), _sight(actor))
    if scope == "mine":
        query = query.where(or_(col(SalesOrder.rep_id) == ME, col(Customer.owner_id) == ME))
    elif scope == "late":
        query = query.where(
            col(SalesOrder.status).in_((*NOT_YET_SHIPPED, OrderStatus.on_hold)),
            col(SalesOrder.shipped_on).is_(None),
            col(SalesOrder.promised_ship_on) < today,
        )
    elif scope == "customer":
        query = query.where(_customer_matches(customer_query or ""))
    asker = _asker(actor)
    total = session.exec(select(func.count()).select_from(query.subquery()), params=asker).one()
    newest_first = (col(SalesOrder.ordered_on).desc().nulls_last(), col(SalesOrder.id).desc())
    rows = session.exec(query.order_by(*newest_first).limit(LIST_LIMIT), params=asker).all()
    cards = [_card(row, today, None) for row in rows]
    return OrderPage(cards, total, scope, customer_query)


# Who sees which orders. The asker is a bound parameter, so the statements of the hot path are
# built once at import: building one costs more than running it.
ME = bindparam("me", type_=Integer)
MY_TEAM = bindparam("my_team", type_=Integer)
SIGHTS = ("everything", "own", "team")


def _visible(query, sight: str):
    query = query.join(Customer, col(SalesOrder.customer_id) == col(Customer.id)).join(
        Member, col(SalesOrder.rep_id) == col(Member.id)
    )
    if sight == "everything":
        return query
    if sight == "own":
        return query.where(or_(col(Customer.owner_id) == ME, col(SalesOrder.rep_id) == ME))
    owner = aliased(Member)
    return query.join(owner, col(Customer.owner_id) == col(owner.id)).where(
        or_(col(Member.team_id) == MY_TEAM, col(owner.team_id) == MY_TEAM)
    )


def _sight(actor: Actor) -> str:
    """Admins see everything, reps the orders of their customers and their own, desk and
    managers their team's."""
    if actor.is_admin:
        return "everything"
    return "own" if actor.role == Role.rep else "team"


def _asker(actor: Actor, **params) -> dict:
    return {"me": actor.member_id, "my_team": actor.team_id, **params}


# What an order card shows, named as OrderCard names it.
CARD_COLUMNS: tuple[Any, ...] = (
    col(SalesOrder.id),
    col(SalesOrder.number),
    col(Customer.code).label("customer_code"),
    col(Customer.name).label("customer_name"),
    col(Member.name).label("rep_name"),
    col(SalesOrder.status),
    col(SalesOrder.amount),
    col(SalesOrder.currency),
    col(SalesOrder.ordered_on),
    col(SalesOrder.promised_ship_on),
    col(SalesOrder.shipped_on),
    col(SalesOrder.delivered_on),
)
# An order's card with its last change: one statement, the change joined by its id. The newest
# change is read in the order of index (order_id, id), which only that index gives without a
# sort: as max(id), PostgreSQL without fresh statistics walked the primary key backwards and
# filtered out every other order's changes.
LATEST_CHANGE_ID = (
    sa_select(col(OrderStatusChange.id))
    .where(col(OrderStatusChange.order_id) == col(SalesOrder.id))
    .order_by(col(OrderStatusChange.order_id).desc(), col(OrderStatusChange.id).desc())
    .limit(1)
    .correlate(SalesOrder)
    .scalar_subquery()
)
CHANGED_BY = aliased(Member)
LAST_CHANGE_COLUMNS: tuple[Any, ...] = (
    col(CHANGED_BY.name).label("changed_by"),
    col(OrderStatusChange.at).label("changed_at"),
    col(OrderStatusChange.from_status).label("changed_from"),
    col(OrderStatusChange.to_status).label("changed_to"),
    col(OrderStatusChange.note).label("change_note"),
)
CARD_BY_NUMBER = {
    sight: _visible(sa_select(*CARD_COLUMNS, *LAST_CHANGE_COLUMNS).select_from(SalesOrder), sight)
    .outerjoin(OrderStatusChange, col(OrderStatusChange.id) == LATEST_CHANGE_ID)
    .outerjoin(CHANGED_BY, col(OrderStatusChange.actor_id) == col(CHANGED_BY.id))
    .where(SalesOrder.number == bindparam("number"))
    for sight in SIGHTS
}
ORDER_BY_NUMBER = {
    sight: _visible(select(SalesOrder, Customer, Member), sight).where(
        col(SalesOrder.number) == bindparam("number")
    )
    for sight in SIGHTS
}


def _card_row(connection: Connection, actor: Actor, number: str) -> Row:
    statement = CARD_BY_NUMBER[_sight(actor)]
    row = connection.execute(statement, _asker(actor, number=number)).first()
    if row is None:
        raise NotFound("order.error.not_found", number=number)
    return row


def find_visible(session: Session, actor: Actor, number: str, for_update: bool = False):
    """The order, its customer and its rep, if the actor may see it."""
    query = ORDER_BY_NUMBER[_sight(actor)]
    if for_update:
        query = query.with_for_update(of=SalesOrder)
    row = session.exec(query, params=_asker(actor, number=number)).first()
    if row is None:
        raise NotFound("order.error.not_found", number=number)
    return row


def _customer_matches(text: str):
    pattern = f"%{text.strip().lower()}%"
    return or_(
        func.lower(Customer.code) == text.strip().lower(),
        func.lower(Customer.name).like(pattern),
    )


def _last_change(row: Row) -> LastChange | None:
    if row.changed_at is None:
        return None
    return LastChange(
        row.changed_by,
        as_utc(row.changed_at),
        row.changed_from,
        row.changed_to,
        row.change_note,
    )


def _card(row: Row, today: date, last: LastChange | None) -> OrderCard:
    return OrderCard(
        number=row.number,
        customer_code=row.customer_code,
        customer_name=row.customer_name,
        rep_name=row.rep_name,
        status=row.status,
        amount=row.amount,
        currency=row.currency,
        ordered_on=row.ordered_on,
        promised_ship_on=row.promised_ship_on,
        shipped_on=row.shipped_on,
        delivered_on=row.delivered_on,
        is_late=is_late(row.status, row.promised_ship_on, row.shipped_on, today),
        last_change=last,
    )
