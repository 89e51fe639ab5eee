"""The tables: one class per record of the sales back office."""

import unicodedata
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Index,
    Numeric,
    UniqueConstraint,
    delete,
    event,
    insert,
    inspect,
    text,
    true,
)
from sqlmodel import Field, SQLModel, col

from storage.match_keys import email_key, name_grams, phone_key
from storage.statuses import (
    ChangeRequestStatus,
    ContractStatus,
    JobRunStatus,
    LeadStatus,
    MeetingStatus,
    Metric,
    NotificationStatus,
    OpportunityStage,
    OrderStatus,
    QuoteStatus,
    Role,
    SampleStatus,
    status_column,
)

ROLES = tuple(Role)
TIERS = ("A", "B", "C", "D")
ORDER_STATUSES = tuple(OrderStatus)


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """A stored moment, in UTC: SQLite hands datetimes back without their zone."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def fold(text: str) -> str:
    """Text as search compares it: full-width folded to half-width, case folded."""
    return unicodedata.normalize("NFKC", text).casefold()


def stored_id(record: SQLModel) -> int:
    """The id of a record already written (flushed or read back); ValueError for one that is
    not, rather than a None passed on as a key."""
    record_id = getattr(record, "id", None)
    if record_id is None:
        raise ValueError(f"{type(record).__name__} has no id until it is written")
    return record_id


def customer_search_text(code: str, name: str) -> str:
    return fold(f"{code} {name}")


def money_column() -> Any:
    return Column(Numeric(18, 2), nullable=False)


class Team(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100, unique=True)
    slack_channel_id: str = Field(max_length=32)
    timezone: str | None = Field(default=None, max_length=64)
    digest_time: str | None = Field(default=None, max_length=5)
    manager_slack_id: str | None = Field(default=None, max_length=32)
    settings: dict = Field(
        default_factory=dict, sa_column=Column(JSON, nullable=False, default=dict)
    )
    # The channel's canvas holding the live month, rewritten section by section.
    canvas_id: str | None = Field(default=None, max_length=32)


class Member(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slack_user_id: str = Field(max_length=32, unique=True)
    name: str = Field(max_length=100)
    role: str = Field(max_length=16)
    team_id: int | None = Field(default=None, foreign_key="team.id", index=True)
    manager_slack_id: str | None = Field(default=None, max_length=32)
    timezone: str | None = Field(default=None, max_length=64)
    locale: str | None = Field(default=None, max_length=8)
    slack_locale: str | None = Field(default=None, max_length=8)
    email: str | None = Field(default=None, max_length=200)
    # A member who left: history stays theirs, but they no longer use the desk.
    active: bool = Field(default=True, sa_column_kwargs={"server_default": true()})
    deactivated_at: datetime | None = None
    # The first working day: a rep who joins mid-period is paced from here, not from its start.
    joined_on: date | None = None
    # Leads the round robin gives this rep per 30 days (None: the team's `lead_capacity`).
    lead_capacity: int | None = None
    # Away (`/lead away until …`): no new leads until the day after.
    away_until: date | None = None


class Customer(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=40, unique=True)
    name: str = Field(max_length=500, unique=True)
    owner_id: int = Field(foreign_key="member.id", index=True)
    tier: str | None = Field(default=None, max_length=1)
    region: str | None = Field(default=None, max_length=100)
    industry: str | None = Field(default=None, max_length=100)
    source: str | None = Field(default=None, max_length=100)
    tags: str | None = Field(default=None, max_length=500)
    is_prospect: bool = False
    credit_limit: Decimal | None = Field(default=None, sa_column=Column(Numeric(18, 2)))
    # Code and name folded for search: case- and width-insensitive ("ＡＣＭＥ" finds "acme").
    search_text: str = Field(default="", max_length=600, index=True)


@event.listens_for(Customer, "before_insert")
@event.listens_for(Customer, "before_update")
def _fill_search_text(_mapper, _connection, customer: Customer) -> None:
    customer.search_text = customer_search_text(customer.code, customer.name)


class CustomerNameGram(SQLModel, table=True):
    """The pieces of each customer's name a lead for the same company would share
    (storage.match_keys.name_grams): duplicate checks find similar names by an index."""

    __tablename__ = "customer_name_gram"

    gram: str = Field(max_length=40, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", primary_key=True, index=True)


@event.listens_for(Customer, "after_insert")
@event.listens_for(Customer, "after_update")
def _fill_name_grams(_mapper, connection, customer: Customer) -> None:
    if customer.id is None or not inspect(customer).attrs.name.history.has_changes():
        return
    by_customer = col(CustomerNameGram.customer_id) == customer.id
    connection.execute(delete(CustomerNameGram).where(by_customer))
    rows = [{"gram": gram, "customer_id": customer.id} for gram in name_grams(customer.name)]
    if rows:
        connection.execute(insert(CustomerNameGram), rows)


class Contact(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    name: str = Field(max_length=100)
    title: str | None = Field(default=None, max_length=100)
    phone: str | None = Field(default=None, max_length=50)
    email: str | None = Field(default=None, max_length=200)
    birthday: date | None = None
    is_primary: bool = True
    # Phone and e-mail as lead duplicate checks compare them (commands.leads.keys).
    phone_key: str | None = Field(default=None, max_length=32, index=True)
    email_key: str | None = Field(default=None, max_length=200, index=True)


@event.listens_for(Contact, "before_insert")
@event.listens_for(Contact, "before_update")
def _fill_contact_keys(_mapper, _connection, contact: Contact) -> None:
    contact.phone_key = phone_key(contact.phone)
    contact.email_key = email_key(contact.email)


class SalesOrder(SQLModel, table=True):
    __tablename__ = "sales_order"
    # The digest and the rep briefs read each rep's orders by day (bench/bench_digest.py).
    __table_args__ = (
        Index("ix_sales_order_rep_ordered_on", "rep_id", "ordered_on"),
        Index("ix_sales_order_rep_shipped_on", "rep_id", "shipped_on"),
        Index("ix_sales_order_rep_delivered_on", "rep_id", "delivered_on"),
        Index("ix_sales_order_rep_status_promised", "rep_id", "status", "promised_ship_on"),
    )

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=40, unique=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    rep_id: int = Field(foreign_key="member.id", index=True)
    status: OrderStatus = Field(sa_column=status_column(OrderStatus, index=True))
    amount: Decimal = Field(sa_column=money_column())
    currency: str = Field(default="CNY", max_length=3)
    ordered_on: date | None = Field(default=None, index=True)
    promised_ship_on: date | None = None
    shipped_on: date | None = None
    delivered_on: date | None = None
    payment_terms: str | None = Field(default=None, max_length=100)
    urgent: bool = False
    note: str | None = Field(default=None, max_length=1000)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Product(SQLModel, table=True):
    """A product of the price list (产品/价目表): its list price, and its cost for margins."""

    id: int | None = Field(default=None, primary_key=True)
    sku: str = Field(max_length=64, unique=True)
    name_en: str = Field(max_length=200)
    name_zh: str | None = Field(default=None, max_length=200)
    unit: str = Field(default="pcs", max_length=16)
    list_price: Decimal = Field(sa_column=money_column())
    currency: str = Field(default="CNY", max_length=3)
    cost: Decimal | None = Field(default=None, sa_column=Column(Numeric(18, 2)))
    active: bool = Field(default=True, sa_column_kwargs={"server_default": true()})
    updated_at: datetime = Field(default_factory=utcnow)


class OrderLine(SQLModel, table=True):
    __tablename__ = "order_line"
    # One line per product on an order: the order-lines import upserts by (order, SKU).
    __table_args__ = (Index("uq_order_line_order_product", "order_id", "product_id", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="sales_order.id", index=True)
    product_id: int | None = Field(default=None, foreign_key="product.id", index=True)
    product: str = Field(max_length=200)
    spec: str | None = Field(default=None, max_length=200)
    quantity: Decimal = Field(sa_column=Column(Numeric(18, 3), nullable=False))
    unit_price: Decimal = Field(sa_column=money_column())
    # A percentage off the unit price (5 means 5 %).
    discount_percent: Decimal = Field(
        default=Decimal("0"), sa_column=Column(Numeric(5, 2), nullable=False, server_default="0")
    )


class OrderStatusChange(SQLModel, table=True):
    __tablename__ = "order_status_change"
    # An order's history, and its newest change on every /order status, are read through
    # (order_id, id); an index on order_id alone would only tempt the planner away from it.
    __table_args__ = (Index("ix_order_status_change_order_id_id", "order_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="sales_order.id")
    from_status: OrderStatus | None = Field(
        default=None, sa_column=status_column(OrderStatus, nullable=True)
    )
    to_status: OrderStatus = Field(sa_column=status_column(OrderStatus))
    actor_id: int | None = Field(default=None, foreign_key="member.id")
    source: str = Field(default="slack", max_length=16)
    note: str | None = Field(default=None, max_length=1000)
    at: datetime = Field(default_factory=utcnow)


class AuditEntry(SQLModel, table=True):
    __tablename__ = "audit_entry"
    # A record's own trail, newest first: a contract's card reads who last moved it.
    __table_args__ = (Index("ix_audit_entry_entity_key", "entity", "entity_key", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor: str = Field(max_length=64)
    entity: str = Field(max_length=32)
    entity_key: str = Field(max_length=64)
    action: str = Field(max_length=32)
    before: dict | None = Field(default=None, sa_column=Column(JSON))
    after: dict | None = Field(default=None, sa_column=Column(JSON))


class Notification(SQLModel, table=True):
    """The outbox: a message to a person or channel, written with the change that caused it."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=200, unique=True)
    channel: str = Field(max_length=32)
    kind: str = Field(max_length=64)
    params: dict = Field(sa_column=Column(JSON, nullable=False))
    status: NotificationStatus = Field(
        default=NotificationStatus.pending,
        sa_column=status_column(NotificationStatus, index=True),
    )
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow, index=True)
    last_error: str | None = Field(default=None, max_length=500)
    created_at: datetime = Field(default_factory=utcnow)
    sent_at: datetime | None = None
    # Where the delivered message landed, so later notifications can update it in place.
    sent_channel: str | None = Field(default=None, max_length=32)
    sent_ts: str | None = Field(default=None, max_length=32)
    updates_key: str | None = Field(default=None, max_length=200)


class SendPace(SQLModel, table=True):
    """When a channel may be sent to next ("*": the whole workspace, after a Retry-After),
    shared by every process that delivers the outbox."""

    __tablename__ = "send_pace"

    scope: str = Field(max_length=32, primary_key=True)
    not_before: datetime


class JobRun(SQLModel, table=True):
    __tablename__ = "job_run"
    __table_args__ = (UniqueConstraint("job", "period", "target"),)

    id: int | None = Field(default=None, primary_key=True)
    job: str = Field(max_length=64)
    period: str = Field(max_length=64)
    target: str = Field(max_length=64)
    status: JobRunStatus = Field(
        default=JobRunStatus.running, sa_column=status_column(JobRunStatus)
    )
    started_at: datetime = Field(default_factory=utcnow)
    finished_at: datetime | None = None


class Visit(SQLModel, table=True):
    """A customer visit or contact; a next step with a due date becomes a follow-up."""

    __table_args__ = (
        Index("ix_visit_rep_at", "rep_id", "at"),
        Index("ix_visit_rep_follow_ups", "rep_id", "follow_up_done", "next_step_due"),
    )

    id: int | None = Field(default=None, primary_key=True)
    rep_id: int = Field(foreign_key="member.id", index=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    at: datetime = Field(index=True)
    channel: str = Field(max_length=16)
    summary: str = Field(max_length=3000)
    effective: bool = True
    next_step: str | None = Field(default=None, max_length=500)
    next_step_due: date | None = Field(default=None, index=True)
    follow_up_done: bool = False
    created_at: datetime = Field(default_factory=utcnow)


class SampleRequest(SQLModel, table=True):
    __tablename__ = "sample_request"

    id: int | None = Field(default=None, primary_key=True)
    rep_id: int = Field(foreign_key="member.id", index=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    product: str = Field(max_length=200)
    quantity: Decimal = Field(sa_column=Column(Numeric(18, 3), nullable=False))
    purpose: str | None = Field(default=None, max_length=1000)
    needed_by: date | None = None
    status: SampleStatus = Field(
        default=SampleStatus.requested, sa_column=status_column(SampleStatus, index=True)
    )
    approver_id: int | None = Field(default=None, foreign_key="member.id")
    decided_at: datetime | None = None
    reject_reason: str | None = Field(default=None, max_length=1000)
    tracking_no: str | None = Field(default=None, max_length=100)
    shipped_at: datetime | None = None
    delivered_at: datetime | None = None
    feedback: str | None = Field(default=None, max_length=3000)
    feedback_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Meeting(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    organiser_id: int = Field(foreign_key="member.id", index=True)
    title: str = Field(max_length=200)
    customer_id: int | None = Field(default=None, foreign_key="customer.id", index=True)
    starts_at: datetime = Field(index=True)
    ends_at: datetime
    place: str | None = Field(default=None, max_length=500)
    agenda: str | None = Field(default=None, max_length=3000)
    minutes: str | None = Field(default=None, max_length=3000)
    status: MeetingStatus = Field(
        default=MeetingStatus.scheduled, sa_column=status_column(MeetingStatus, index=True)
    )
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class MeetingAttendee(SQLModel, table=True):
    __tablename__ = "meeting_attendee"
    __table_args__ = (UniqueConstraint("meeting_id", "slack_user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    slack_user_id: str = Field(max_length=32, index=True)


class Invoice(SQLModel, table=True):
    """A receivable (应收账款): what a customer owes for an order, and since when."""

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=40, unique=True)
    order_id: int | None = Field(default=None, foreign_key="sales_order.id", index=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    amount: Decimal = Field(sa_column=money_column())
    currency: str = Field(default="CNY", max_length=3)
    issued_on: date
    due_on: date = Field(index=True)
    paid_amount: Decimal = Field(default=Decimal("0"), sa_column=money_column())
    paid_in_full_on: date | None = Field(default=None, index=True)
    created_at: datetime = Field(default_factory=utcnow)


class Payment(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    invoice_id: int = Field(foreign_key="invoice.id", index=True)
    amount: Decimal = Field(sa_column=money_column())
    paid_on: date = Field(index=True)
    reference: str | None = Field(default=None, max_length=100)
    recorded_by: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)


class Contract(SQLModel, table=True):
    """A contract (合同) and where it stands: draft → legal_review → approved → signed →
    archived, or rejected with a reason."""

    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True)
    owner_id: int = Field(foreign_key="member.id", index=True)
    kind: str = Field(max_length=32)
    title: str = Field(max_length=200)
    value: Decimal | None = Field(default=None, sa_column=Column(Numeric(18, 2)))
    currency: str = Field(default="CNY", max_length=3)
    starts_on: date | None = None
    expires_on: date | None = Field(default=None, index=True)
    document_url: str | None = Field(default=None, max_length=500)
    status: ContractStatus = Field(
        default=ContractStatus.draft, sa_column=status_column(ContractStatus, index=True)
    )
    status_changed_at: datetime = Field(default_factory=utcnow)
    reject_reason: str | None = Field(default=None, max_length=1000)
    created_at: datetime = Field(default_factory=utcnow)


class OrderChangeRequest(SQLModel, table=True):
    """A change to an order a customer asked for: what, why, who asked, and the outcome."""

    __tablename__ = "order_change_request"

    id: int | None = Field(default=None, primary_key=True)
    order_id: int = Field(foreign_key="sales_order.id", index=True)
    kind: str = Field(max_length=16)
    description: str = Field(max_length=1000)
    reason: str | None = Field(default=None, max_length=1000)
    asked_by: str | None = Field(default=None, max_length=200)
    requested_by_id: int = Field(foreign_key="member.id")
    new_promised_ship_on: date | None = None
    status: ChangeRequestStatus = Field(
        default=ChangeRequestStatus.pending,
        sa_column=status_column(ChangeRequestStatus, index=True),
    )
    decided_by_id: int | None = Field(default=None, foreign_key="member.id")
    decided_at: datetime | None = None
    decision_note: str | None = Field(default=None, max_length=1000)
    created_at: datetime = Field(default_factory=utcnow)


class Target(SQLModel, table=True):
    """What a team, or one rep of it, is to reach in a period ("2026", "2026-Q4", "2026-11"):
    money in the team's reporting currency, or a count."""

    __table_args__ = (
        # One target per holder, metric and period: a team's own has no member.
        Index(
            "uq_target_team",
            "team_id",
            "metric",
            "period",
            unique=True,
            sqlite_where=text("member_id IS NULL"),
            postgresql_where=text("member_id IS NULL"),
        ),
        Index("uq_target_member", "member_id", "metric", "period", unique=True),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    member_id: int | None = Field(default=None, foreign_key="member.id")
    metric: Metric = Field(sa_column=status_column(Metric, length=32))
    period: str = Field(max_length=7)
    amount: Decimal = Field(sa_column=money_column())
    updated_at: datetime = Field(default_factory=utcnow)


class TargetPlan(SQLModel, table=True):
    """A team's plan for one metric and year: locked once every period's children add up to
    it (months to their quarter, quarters to the year, for the team and each rep)."""

    __tablename__ = "target_plan"
    __table_args__ = (UniqueConstraint("team_id", "metric", "year"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id")
    metric: Metric = Field(sa_column=status_column(Metric, length=32))
    year: int
    locked_at: datetime | None = None
    locked_by: str | None = Field(default=None, max_length=64)


class ExchangeRate(SQLModel, table=True):
    """How many units of `to_currency` one unit of `currency` was worth in a month ("2026-11"),
    as an admin keeps it: amounts are converted at their own month's rate."""

    __tablename__ = "exchange_rate"
    __table_args__ = (UniqueConstraint("month", "currency", "to_currency"),)

    id: int | None = Field(default=None, primary_key=True)
    month: str = Field(max_length=7)
    currency: str = Field(max_length=3)
    to_currency: str = Field(max_length=3)
    rate: Decimal = Field(sa_column=Column(Numeric(18, 8), nullable=False))
    updated_at: datetime = Field(default_factory=utcnow)
    updated_by: str = Field(default="cli", max_length=64)


class KpiIndicator(SQLModel, table=True):
    """One weighted part of a team's monthly scorecard (考核): its weight in percent (a team's
    weights sum to 100), and how attainment scores: nothing below `floor_percent`, counted up
    to `cap_percent`."""

    __tablename__ = "kpi_indicator"
    __table_args__ = (UniqueConstraint("team_id", "indicator"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id")
    indicator: str = Field(max_length=32)
    weight: int
    floor_percent: int = 0
    cap_percent: int = 100


class Lead(SQLModel, table=True):
    """A lead (线索): someone who may buy, from a source, on its way to a customer and an
    opportunity, or set aside with a reason."""

    __table_args__ = (
        # A source's own id makes its intake idempotent: the same lead twice is one lead.
        Index("uq_lead_source_ref", "source", "source_ref", unique=True),
        # The round robin counts each rep's leads of the last 30 days.
        Index("ix_lead_owner_assigned", "owner_id", "assigned_at"),
        # The SLA job reads the leads whose next first-contact threshold has come.
        Index("ix_lead_status_sla_next", "status", "sla_next_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(max_length=16)
    source_ref: str | None = Field(default=None, max_length=100)
    company: str = Field(max_length=500)
    # Company, phone and e-mail as duplicate checks compare them (see storage.vocabulary).
    company_key: str = Field(default="", max_length=600, index=True)
    contact_name: str | None = Field(default=None, max_length=100)
    phone: str | None = Field(default=None, max_length=50)
    phone_key: str | None = Field(default=None, max_length=32, index=True)
    email: str | None = Field(default=None, max_length=200)
    email_key: str | None = Field(default=None, max_length=200, index=True)
    region: str | None = Field(default=None, max_length=100)
    industry: str | None = Field(default=None, max_length=100)
    need: str | None = Field(default=None, max_length=3000)
    score: int | None = None
    status: LeadStatus = Field(
        default=LeadStatus.new, sa_column=status_column(LeadStatus, index=True)
    )
    team_id: int | None = Field(default=None, foreign_key="team.id", index=True)
    owner_id: int | None = Field(default=None, foreign_key="member.id", index=True)
    customer_id: int | None = Field(default=None, foreign_key="customer.id", index=True)
    # Why it went where it went: a duplicate of a customer or lead, a routing rule, the round robin.
    assignment_note: str | None = Field(default=None, max_length=500)
    disqualify_reason: str | None = Field(default=None, max_length=500)
    assigned_at: datetime | None = None
    # The rep pressed Accept (an offered lead not yet accepted can be passed on).
    accepted_at: datetime | None = None
    first_contact_at: datetime | None = None
    # First-contact SLA, counted in the team's business hours from `assigned_at`: the moments
    # the rep is reminded, the manager told, and the lead returned to the pool; `sla_stage` is
    # the last of them acted on ("", "reminded", "escalated", "returned") and `sla_next_at`
    # the next one due (None once contacted, returned or closed).
    sla_remind_at: datetime | None = None
    sla_due_at: datetime | None = None
    sla_return_at: datetime | None = None
    sla_stage: str = Field(default="", max_length=16)
    sla_next_at: datetime | None = None
    # The last contact, follow-up or change by its owner: leads idle too long go to the pool.
    last_activity_at: datetime | None = None
    # In the pool (公海) since, and who had it last (they may not claim it back for a while).
    pooled_at: datetime | None = None
    previous_owner_id: int | None = Field(default=None, foreign_key="member.id")
    qualified_at: datetime | None = None
    converted_at: datetime | None = None
    created_by: str = Field(default="cli", max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class LeadPass(SQLModel, table=True):
    """A rep who passed on an offered lead: the round robin does not offer it to them again."""

    __tablename__ = "lead_pass"
    __table_args__ = (UniqueConstraint("lead_id", "member_id"),)

    id: int | None = Field(default=None, primary_key=True)
    lead_id: int = Field(foreign_key="lead.id")
    member_id: int = Field(foreign_key="member.id")
    passed_at: datetime = Field(default_factory=utcnow)


class LeadRoutingRule(SQLModel, table=True):
    """Where a lead goes before the round robin: a lead whose region, industry and source
    match every field the rule sets (an empty field matches anything) goes to the rule's team;
    rules are tried in `position` order."""

    __tablename__ = "lead_routing_rule"

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    position: int
    region: str | None = Field(default=None, max_length=100)
    industry: str | None = Field(default=None, max_length=100)
    source: str | None = Field(default=None, max_length=16)
    created_by: str = Field(default="cli", max_length=64)
    created_at: datetime = Field(default_factory=utcnow)


class Opportunity(SQLModel, table=True):
    """An opportunity (商机): a sale being worked with a customer, stage by stage, to won
    (which creates the order) or lost (with its reason and competitor)."""

    __table_args__ = (
        Index("ix_opportunity_team_stage", "team_id", "stage"),
        Index("ix_opportunity_owner_stage", "owner_id", "stage"),
    )

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id")
    owner_id: int = Field(foreign_key="member.id")
    customer_id: int = Field(foreign_key="customer.id", index=True)
    lead_id: int | None = Field(default=None, foreign_key="lead.id", index=True)
    title: str = Field(max_length=200)
    amount: Decimal = Field(sa_column=money_column())
    currency: str = Field(max_length=3)
    stage: OpportunityStage = Field(
        default=OpportunityStage.qualification, sa_column=status_column(OpportunityStage)
    )
    expected_close_on: date | None = None
    next_step: str | None = Field(default=None, max_length=500)
    lost_reason: str | None = Field(default=None, max_length=500)
    competitor: str | None = Field(default=None, max_length=200)
    # The order a won opportunity became.
    order_id: int | None = Field(default=None, foreign_key="sales_order.id")
    created_by: str = Field(default="cli", max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    stage_changed_at: datetime = Field(default_factory=utcnow)
    # The last change, note or quote: an open opportunity idle too long is stalled.
    last_activity_at: datetime = Field(default_factory=utcnow)
    closed_at: datetime | None = None


class OpportunityStageChange(SQLModel, table=True):
    """An opportunity's history: each stage it entered, when and by whom (the funnel's
    median time in each stage is read from here)."""

    __tablename__ = "opportunity_stage_change"

    id: int | None = Field(default=None, primary_key=True)
    opportunity_id: int = Field(foreign_key="opportunity.id", index=True)
    from_stage: OpportunityStage | None = Field(
        default=None, sa_column=status_column(OpportunityStage, nullable=True)
    )
    to_stage: OpportunityStage = Field(sa_column=status_column(OpportunityStage))
    changed_at: datetime = Field(default_factory=utcnow)
    changed_by: str = Field(default="cli", max_length=64)


class Quote(SQLModel, table=True):
    """A quote (报价单) for an opportunity: lines from the price list, the team's tax shown
    inclusive or exclusive, valid until a date; totals kept in Decimal as computed."""

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=40, unique=True)
    opportunity_id: int = Field(foreign_key="opportunity.id", index=True)
    status: QuoteStatus = Field(
        default=QuoteStatus.draft, sa_column=status_column(QuoteStatus, index=True)
    )
    currency: str = Field(max_length=3)
    tax_rate: Decimal = Field(sa_column=Column(Numeric(5, 2), nullable=False))
    tax_inclusive: bool = True
    valid_until: date
    subtotal: Decimal = Field(sa_column=money_column())
    tax_amount: Decimal = Field(sa_column=money_column())
    total: Decimal = Field(sa_column=money_column())
    # The largest discount of its lines: beyond the team's threshold the manager decides.
    max_discount_percent: Decimal = Field(sa_column=Column(Numeric(5, 2), nullable=False))
    created_by_id: int = Field(foreign_key="member.id")
    decided_by_id: int | None = Field(default=None, foreign_key="member.id")
    decided_at: datetime | None = None
    decision_note: str | None = Field(default=None, max_length=1000)
    sent_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class QuoteLine(SQLModel, table=True):
    __tablename__ = "quote_line"
    __table_args__ = (UniqueConstraint("quote_id", "product_id"),)

    id: int | None = Field(default=None, primary_key=True)
    quote_id: int = Field(foreign_key="quote.id", index=True)
    product_id: int = Field(foreign_key="product.id")
    # Name, unit and price as quoted: a later price-list change leaves the quote as it was.
    product_name: str = Field(max_length=200)
    unit: str = Field(max_length=16)
    quantity: Decimal = Field(sa_column=Column(Numeric(18, 3), nullable=False))
    unit_price: Decimal = Field(sa_column=money_column())
    discount_percent: Decimal = Field(
        default=Decimal("0"), sa_column=Column(Numeric(5, 2), nullable=False, server_default="0")
    )
    line_total: Decimal = Field(sa_column=money_column())


class ReportSubscription(SQLModel, table=True):
    """A report pack posted on schedule to a channel (or a person's DM): a team's, or the
    company's (no team), of one kind and cadence, once per period."""

    __tablename__ = "report_subscription"
    __table_args__ = (UniqueConstraint("team_id", "kind", "cadence", "channel_id"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: int | None = Field(default=None, foreign_key="team.id", index=True)
    kind: str = Field(max_length=16)
    cadence: str = Field(max_length=16)  # weekly, monthly, quarterly, yearly
    channel_id: str = Field(max_length=32)
    created_by: str = Field(default="cli", max_length=64)
    created_at: datetime = Field(default_factory=utcnow)


class LeadSourceToken(SQLModel, table=True):
    """The credential a website form or marketing tool sends with `POST /leads`: only its
    SHA-256 is stored; revoked tokens stop at once."""

    __tablename__ = "lead_source_token"

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(max_length=64, unique=True)
    token_hash: str = Field(max_length=64, unique=True)
    created_at: datetime = Field(default_factory=utcnow)
    created_by: str = Field(default="cli", max_length=64)
    revoked_at: datetime | None = None
