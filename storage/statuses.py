"""The states records move through, and the roles people hold: one name for each value, so a
search finds every place that reads or sets it. They are `StrEnum`s, stored as their text: the
schema holds plain strings, and a value compares equal to its text."""

from enum import StrEnum

from sqlalchemy import Column, Dialect, String
from sqlalchemy.types import TypeDecorator


class Role(StrEnum):
    rep = "rep"
    desk = "desk"
    manager = "manager"
    admin = "admin"


class OrderStatus(StrEnum):
    received = "received"
    confirmed = "confirmed"
    in_production = "in_production"
    ready_to_ship = "ready_to_ship"
    shipped = "shipped"
    delivered = "delivered"
    invoiced = "invoiced"
    paid = "paid"
    on_hold = "on_hold"
    cancelled = "cancelled"


class SampleStatus(StrEnum):
    requested = "requested"
    approved = "approved"
    rejected = "rejected"
    shipped = "shipped"
    delivered = "delivered"
    feedback = "feedback"


class MeetingStatus(StrEnum):
    draft = "draft"  # held back by a clash until the organiser decides
    scheduled = "scheduled"
    cancelled = "cancelled"
    dropped = "dropped"  # a held draft the organiser gave up


class ContractStatus(StrEnum):
    draft = "draft"
    legal_review = "legal_review"
    approved = "approved"
    signed = "signed"
    archived = "archived"
    rejected = "rejected"


class ChangeRequestStatus(StrEnum):
    pending = "pending"
    accepted = "accepted"
    declined = "declined"


class NotificationStatus(StrEnum):
    pending = "pending"
    sending = "sending"
    sent = "sent"
    failed = "failed"


class JobRunStatus(StrEnum):
    running = "running"
    done = "done"


class LeadStatus(StrEnum):
    new = "new"
    assigned = "assigned"
    contacted = "contacted"
    qualified = "qualified"
    converted = "converted"
    disqualified = "disqualified"
    recycled = "recycled"


class OpportunityStage(StrEnum):
    """An opportunity's way through the funnel: the four open stages in order, then won or
    lost."""

    qualification = "qualification"
    needs = "needs"
    proposal = "proposal"
    negotiation = "negotiation"
    won = "won"
    lost = "lost"


class QuoteStatus(StrEnum):
    """A quote: being written, waiting for the manager (a discount beyond the team's
    threshold), approved or rejected, sent to the customer, accepted, or replaced by a newer
    quote of the same opportunity."""

    draft = "draft"
    pending_approval = "pending_approval"
    approved = "approved"
    rejected = "rejected"
    sent = "sent"
    accepted = "accepted"
    superseded = "superseded"


class Metric(StrEnum):
    """What a target counts: money in the team's reporting currency, or a number of things."""

    order_amount = "order_amount"
    shipped_amount = "shipped_amount"
    collections = "collections"
    new_customers = "new_customers"
    effective_visits = "effective_visits"

    @property
    def is_money(self) -> bool:
        return self in (Metric.order_amount, Metric.shipped_amount, Metric.collections)


class StatusType(TypeDecorator):
    """A status column: stored as its text (the schema is a plain VARCHAR), read back as the
    enum's member, so code compares and labels members, never string literals."""

    impl = String
    cache_ok = True

    def __init__(self, enum: type[StrEnum], length: int = 16):
        super().__init__(length)
        self.enum = enum

    def process_bind_param(self, value: object, dialect: Dialect) -> str | None:
        return None if value is None else str(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> StrEnum | None:
        return None if value is None else self.enum(value)


def status_column(
    enum: type[StrEnum], *, nullable: bool = False, index: bool = False, length: int = 16
) -> Column:
    return Column(StatusType(enum, length), nullable=nullable, index=index)
