"""A customer's card: who they are, who owns them, and everything open with them right now."""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Generic, TypeVar

from sqlalchemy import func
from sqlmodel import Session, col, select

from commands.customers.finding import find_customer
from commands.customers.lookup import CustomerMatches, match_customers
from commands.orders import today_for
from commands.orders.lifecycle import is_late
from commands.people import Actor
from commands.visits.lines import VisitLine, visit_line
from storage.models import (
    Contact,
    Customer,
    Meeting,
    Member,
    SalesOrder,
    SampleRequest,
    Visit,
    as_utc,
    stored_id,
    utcnow,
)
from storage.statuses import MeetingStatus, OrderStatus, SampleStatus

CLOSED_ORDER_STATUSES = (OrderStatus.paid, OrderStatus.cancelled)
SETTLED_SAMPLE_STATUSES = (SampleStatus.delivered, SampleStatus.feedback, SampleStatus.rejected)
VISIT_LIMIT = 3
ORDER_LIMIT = 5
SAMPLE_LIMIT = 5
MEETING_LIMIT = 5

T = TypeVar("T")


@dataclass(frozen=True)
class ContactLine:
    name: str
    title: str | None
    phone: str | None
    email: str | None


@dataclass(frozen=True)
class OpenOrder:
    number: str
    status: OrderStatus
    amount: Decimal
    currency: str
    promised_ship_on: date | None
    is_late: bool
    shipped_on: date | None = None


@dataclass(frozen=True)
class PendingSample:
    product: str
    quantity: Decimal
    status: SampleStatus
    needed_by: date | None


@dataclass(frozen=True)
class UpcomingMeeting:
    title: str
    starts_at: datetime
    place: str | None


@dataclass(frozen=True)
class Listed(Generic[T]):
    """The first few of something, and how many there are in all."""

    items: list[T]
    total: int

    @property
    def hidden(self) -> int:
        return self.total - len(self.items)


@dataclass(frozen=True)
class CustomerCard:
    id: int
    code: str
    name: str
    tier: str | None
    region: str | None
    industry: str | None
    is_prospect: bool
    owner_name: str
    contacts: list[ContactLine]
    visits: Listed[VisitLine]
    orders: Listed[OpenOrder]
    samples: Listed[PendingSample]
    meetings: Listed[UpcomingMeeting]


def card_for_text(
    session: Session, actor: Actor, text: str, now: datetime | None = None
) -> CustomerCard | CustomerMatches:
    """The card of the customer `text` names, or the matches to choose from (maybe none)."""
    matches = match_customers(session, actor, text)
    if matches.found is None:
        return matches
    return customer_card(session, actor, matches.found.id, now)


def customer_card(
    session: Session, actor: Actor, customer_id: int, now: datetime | None = None
) -> CustomerCard:
    """NotFound for a customer `actor` may not see, exactly as for one that does not exist."""
    moment = now or utcnow()
    customer = find_customer(session, actor, customer_id)
    customer_id = stored_id(customer)
    owner = session.get_one(Member, customer.owner_id)
    return CustomerCard(
        id=customer_id,
        code=customer.code,
        name=customer.name,
        tier=customer.tier,
        region=customer.region,
        industry=customer.industry,
        is_prospect=customer.is_prospect,
        owner_name=owner.name,
        contacts=_contacts(session, customer_id),
        visits=_visits(session, customer),
        orders=_open_orders(session, customer_id, today_for(actor, moment)),
        samples=_pending_samples(session, customer_id),
        meetings=_upcoming_meetings(session, customer_id, moment.astimezone(UTC)),
    )


def _contacts(session: Session, customer_id: int) -> list[ContactLine]:
    rows = session.exec(
        select(Contact)
        .where(Contact.customer_id == customer_id)
        .order_by(col(Contact.is_primary).desc(), Contact.name)
    ).all()
    return [ContactLine(c.name, c.title, c.phone, c.email) for c in rows]


def _visits(session: Session, customer: Customer) -> Listed[VisitLine]:
    query = (
        select(Visit, Member)
        .join(Member, col(Visit.rep_id) == Member.id)
        .where(Visit.customer_id == customer.id)
    )
    rows = session.exec(
        query.order_by(col(Visit.at).desc(), col(Visit.id).desc()).limit(VISIT_LIMIT)
    ).all()
    lines = [visit_line(visit, customer, rep) for visit, rep in rows]
    return Listed(lines, _count(session, query))


def _open_orders(session: Session, customer_id: int, today: date) -> Listed[OpenOrder]:
    query = select(SalesOrder).where(
        SalesOrder.customer_id == customer_id,
        col(SalesOrder.status).not_in(CLOSED_ORDER_STATUSES),
    )
    rows = session.exec(
        query.order_by(
            col(SalesOrder.ordered_on).desc().nulls_last(), col(SalesOrder.id).desc()
        ).limit(ORDER_LIMIT)
    ).all()
    orders = [
        OpenOrder(
            o.number,
            o.status,
            o.amount,
            o.currency,
            o.promised_ship_on,
            is_late(o.status, o.promised_ship_on, o.shipped_on, today),
            o.shipped_on,
        )
        for o in rows
    ]
    return Listed(orders, _count(session, query))


def _pending_samples(session: Session, customer_id: int) -> Listed[PendingSample]:
    query = select(SampleRequest).where(
        SampleRequest.customer_id == customer_id,
        col(SampleRequest.status).not_in(SETTLED_SAMPLE_STATUSES),
    )
    rows = session.exec(
        query.order_by(col(SampleRequest.created_at).desc(), col(SampleRequest.id).desc()).limit(
            SAMPLE_LIMIT
        )
    ).all()
    samples = [PendingSample(s.product, s.quantity, s.status, s.needed_by) for s in rows]
    return Listed(samples, _count(session, query))


def _upcoming_meetings(
    session: Session, customer_id: int, now: datetime
) -> Listed[UpcomingMeeting]:
    query = select(Meeting).where(
        Meeting.customer_id == customer_id,
        Meeting.status == MeetingStatus.scheduled,
        Meeting.starts_at > now,
    )
    rows = session.exec(query.order_by(col(Meeting.starts_at)).limit(MEETING_LIMIT)).all()
    meetings = [UpcomingMeeting(m.title, as_utc(m.starts_at), m.place) for m in rows]
    return Listed(meetings, _count(session, query))


def _count(session: Session, query) -> int:
    return session.exec(select(func.count()).select_from(query.subquery())).one()
