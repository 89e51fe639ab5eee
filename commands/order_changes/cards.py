"""Order change requests as the other layers see them: the draft a form gives, a request's
card, and each request read back with the order, customer and people it names."""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TypeVar

from sqlmodel import Session, col, select

from commands.errors import FormProblems, NotFound
from commands.orders import order_status
from commands.people import Actor
from storage.models import (
    AuditEntry,
    Customer,
    Member,
    Notification,
    OrderChangeRequest,
    SalesOrder,
    as_utc,
    stored_id,
    utcnow,
)
from storage.statuses import ChangeRequestStatus, OrderStatus

KINDS = ("quantity", "specification", "delivery_date", "other")
CLOSED = (OrderStatus.paid, OrderStatus.cancelled)
SHIPPED = (OrderStatus.shipped, OrderStatus.delivered, OrderStatus.invoiced, OrderStatus.paid)
MAX_DESCRIPTION = 1000
MAX_ASKED_BY = 200
LIST_LIMIT = 15
Row = TypeVar("Row", SalesOrder, Customer, Member)
FORM_FIELDS = ("kind", "description", "reason", "asked_by", "new_ship_on")


@dataclass(frozen=True)
class ChangeDraft:
    kind: str | None
    description: str
    reason: str | None = None
    asked_by: str | None = None
    new_promised_ship_on: date | None = None


class ChangeProblems(FormProblems):
    """Everything wrong with a draft, by form field (FORM_FIELDS); reads as the first one."""

    heading = "order_change.problems"


@dataclass(frozen=True)
class OrderBrief:
    """The order a change is asked for, as the form shows it."""

    number: str
    customer_name: str
    status: str
    promised_ship_on: date | None


@dataclass(frozen=True)
class ChangeCard:
    id: int
    order_number: str
    customer_name: str
    kind: str
    description: str
    reason: str | None
    asked_by: str | None
    requested_by: str
    requested_at: datetime
    old_promised_ship_on: date | None
    new_promised_ship_on: date | None
    status: str
    decided_by: str | None = None
    decided_at: datetime | None = None
    decision_note: str | None = None

    def params(self) -> dict:
        """The card as notification parameters (JSON)."""
        return {
            "change_id": self.id,
            "number": self.order_number,
            "customer": self.customer_name,
            "change_kind": self.kind,
            "description": self.description,
            "reason": self.reason,
            "asked_by": self.asked_by,
            "requested_by": self.requested_by,
            "requested_at": self.requested_at.isoformat(),
            "old_ship_on": iso(self.old_promised_ship_on),
            "new_ship_on": iso(self.new_promised_ship_on),
            "status": self.status,
            "decided_by": self.decided_by,
            "decided_at": self.decided_at.isoformat() if self.decided_at else None,
            "decision_note": self.decision_note,
        }


@dataclass(frozen=True)
class ChangeRequested:
    card: ChangeCard
    asked: tuple[str, ...]  # the desk members asked to decide


@dataclass(frozen=True)
class ChangeDecided:
    card: ChangeCard
    told: tuple[str, ...]  # who hears the outcome


@dataclass(frozen=True)
class ChangePage:
    changes: list[ChangeCard]
    total: int
    number: str | None = None


@dataclass
class Loaded:
    change: OrderChangeRequest
    order: SalesOrder
    customer: Customer
    rep: Member
    owner: Member
    requester: Member
    decider: Member | None


def load(session: Session, actor: Actor, change_id: int, lock: bool = False) -> Loaded:
    query = select(OrderChangeRequest).where(OrderChangeRequest.id == change_id)
    if lock:
        query = query.with_for_update()
    change = session.exec(query).first()
    if change is None or not may_see(session, actor, change):
        raise NotFound("order_change.error.not_found", id=change_id)
    return load_row(session, change)


def may_see(session: Session, actor: Actor, change: OrderChangeRequest) -> bool:
    """Whoever may see the order (the same rule as /order) may see its change requests."""
    number = _pointed_to(session, SalesOrder, change.order_id).number
    try:
        order_status(session.connection(), actor, number)
    except NotFound:
        return False
    return True


def load_row(session: Session, change: OrderChangeRequest) -> Loaded:
    order = _pointed_to(session, SalesOrder, change.order_id)
    customer = _pointed_to(session, Customer, order.customer_id)
    return Loaded(
        change,
        order,
        customer,
        _pointed_to(session, Member, order.rep_id),
        _pointed_to(session, Member, customer.owner_id),
        _pointed_to(session, Member, change.requested_by_id),
        session.get(Member, change.decided_by_id) if change.decided_by_id else None,
    )


def _pointed_to(session: Session, model: type[Row], key: int) -> Row:
    """The row a foreign key names: it is there, the database sees to that."""
    row = session.get(model, key)
    if row is None:
        raise LookupError(f"{model.__name__} {key} is missing")
    return row


def card_of(session: Session, loaded: Loaded) -> ChangeCard:
    change = loaded.change
    decider = loaded.decider
    old_date = _old_ship_date(session, loaded)
    return ChangeCard(
        id=stored_id(change),
        order_number=loaded.order.number,
        customer_name=loaded.customer.name,
        kind=change.kind,
        description=change.description,
        reason=change.reason,
        asked_by=change.asked_by,
        requested_by=loaded.requester.name,
        requested_at=as_utc(change.created_at),
        old_promised_ship_on=old_date,
        new_promised_ship_on=change.new_promised_ship_on,
        status=change.status,
        decided_by=decider.name if decider else None,
        decided_at=as_utc(change.decided_at) if change.decided_at else None,
        decision_note=change.decision_note,
    )


def _old_ship_date(session: Session, loaded: Loaded) -> date | None:
    """The promised date the change would replace (or replaced, once accepted)."""
    if (
        loaded.change.status != ChangeRequestStatus.accepted
        or loaded.change.new_promised_ship_on is None
    ):
        return loaded.order.promised_ship_on
    moves = session.exec(
        select(AuditEntry.before, AuditEntry.after).where(
            AuditEntry.entity == "order",
            AuditEntry.entity_key == loaded.order.number,
            AuditEntry.action == "promised_ship_on",
        )
    ).all()
    for before, after in moves:
        if (after or {}).get("change_request") == loaded.change.id:
            old = (before or {}).get("promised_ship_on")
            return date.fromisoformat(old) if old else None
    return None


def asked_messages(session: Session, change_id: int) -> list[tuple[str, str]]:
    """The (key, channel) of each message that asked the desk to decide."""
    rows = session.exec(
        select(Notification.key, Notification.channel)
        .where(col(Notification.key).like(message_key(change_id, "ask", "%")))
        .order_by(col(Notification.id))
    ).all()
    return [(key, channel) for key, channel in rows]


def message_key(change_id: int, *parts: str) -> str:
    return ":".join(("order-change", str(change_id), *parts))


def audited(change: OrderChangeRequest, order: SalesOrder) -> dict:
    return {
        "order": order.number,
        "kind": change.kind,
        "description": change.description,
        "reason": change.reason,
        "asked_by": change.asked_by,
        "promised_ship_on": iso(order.promised_ship_on),
        "new_promised_ship_on": iso(change.new_promised_ship_on),
        "status": change.status,
    }


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def utc(now: datetime | None) -> datetime:
    return (now or utcnow()).astimezone(UTC)
