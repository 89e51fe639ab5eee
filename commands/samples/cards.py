"""What a sample request is, read from the database: the records a step loads together, and the
card every reply and message is drawn from (with who took each step, from the audit log)."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlmodel import Session, col, select

from commands.customers import CustomerMatches
from commands.errors import FormProblems
from storage.models import AuditEntry, Customer, Member, Notification, SampleRequest, Team, as_utc
from storage.statuses import SampleStatus


@dataclass(frozen=True)
class SampleDraft:
    """What a form or a one-line command says about a request, before it is checked."""

    customer_id: int | None
    product: str
    quantity: Decimal | None
    purpose: str | None = None
    needed_by: date | None = None


class SampleProblems(FormProblems):
    """Everything wrong with a draft, by field (customer, product, quantity, purpose,
    needed_by), so a form shows each next to its field; reads as the first one."""

    heading = "sample.problems"


@dataclass(frozen=True)
class Step:
    """Who took a step of the life cycle, and when."""

    by: str
    at: datetime


@dataclass(frozen=True)
class SampleCard:
    id: int
    status: SampleStatus
    customer_code: str
    customer_name: str
    rep_name: str
    rep_slack_id: str
    product: str
    quantity: Decimal
    purpose: str | None
    needed_by: date | None
    requested_at: datetime
    steps: dict[str, Step]  # by audit action: approve, reject, ship, deliver, feedback
    reject_reason: str | None = None
    tracking_no: str | None = None
    feedback: str | None = None
    waiting_for: tuple[str, ...] = ()  # who may decide, while it is requested

    def params(self) -> dict:
        """The card as notification parameters (JSON): what a message shows at sending time."""
        return {
            "sample_id": self.id,
            "status": self.status,
            "customer": self.customer_name,
            "customer_code": self.customer_code,
            "rep": self.rep_name,
            "product": self.product,
            "quantity": format(self.quantity.normalize(), "f"),
            "purpose": self.purpose,
            "needed_by": self.needed_by.isoformat() if self.needed_by else None,
            "requested_at": self.requested_at.isoformat(),
            "steps": {
                action: {"by": step.by, "at": step.at.isoformat()}
                for action, step in self.steps.items()
            },
            "reject_reason": self.reject_reason,
            "tracking_no": self.tracking_no,
            "feedback": self.feedback,
            "waiting_for": list(self.waiting_for),
        }


@dataclass(frozen=True)
class SampleRequested:
    card: SampleCard
    approvers: tuple[str, ...]  # names of those asked to decide
    to_admins: bool  # no manager: the admins were asked
    # "manager" (of their team) or "admin": the requester would decide their own request, so
    # others were asked; None otherwise.
    own_role: str | None = None


@dataclass(frozen=True)
class SampleMoved:
    card: SampleCard
    before: SampleStatus


@dataclass(frozen=True)
class SampleView:
    card: SampleCard
    actions: tuple[str, ...]  # what the viewer may do now: approve, reject, ship, deliver...


@dataclass(frozen=True)
class SamplePage:
    samples: list[SampleCard]
    total: int


@dataclass(frozen=True)
class CustomerChoice:
    """A one-line request naming no single customer: `matches` to pick from for `draft`."""

    matches: CustomerMatches
    draft: SampleDraft


@dataclass
class Loaded:
    """A sample with the records every rule about it reads."""

    sample: SampleRequest
    customer: Customer
    rep: Member
    team: Team | None
    owner: Member  # the customer's rep

    @property
    def sample_id(self) -> int:
        assert self.sample.id is not None  # loaded samples are stored ones
        return self.sample.id


def load_row(session: Session, sample: SampleRequest) -> Loaded:
    customer = session.get_one(Customer, sample.customer_id)
    rep = session.get_one(Member, sample.rep_id)
    team = session.get(Team, rep.team_id) if rep.team_id else None
    return Loaded(sample, customer, rep, team, session.get_one(Member, customer.owner_id))


def card(session: Session, loaded: Loaded, approvers: list[Member] | None = None) -> SampleCard:
    waiting: tuple[str, ...] = ()
    if loaded.sample.status == SampleStatus.requested and approvers:
        waiting = tuple(m.name for m in approvers)
    steps = steps_of(session, loaded.sample_id)
    return card_of(loaded.sample, loaded.customer, loaded.rep, steps, waiting)


def card_of(
    sample: SampleRequest,
    customer: Customer,
    rep: Member,
    steps: dict[str, Step],
    waiting: tuple[str, ...] = (),
) -> SampleCard:
    assert sample.id is not None  # a card is of a stored sample
    return SampleCard(
        id=sample.id,
        status=sample.status,
        customer_code=customer.code,
        customer_name=customer.name,
        rep_name=rep.name,
        rep_slack_id=rep.slack_user_id,
        product=sample.product,
        quantity=Decimal(sample.quantity),
        purpose=sample.purpose,
        needed_by=sample.needed_by,
        requested_at=as_utc(sample.created_at),
        steps=steps,
        reject_reason=sample.reject_reason,
        tracking_no=sample.tracking_no,
        feedback=sample.feedback,
        waiting_for=waiting,
    )


def steps_of(session: Session, sample_id: int) -> dict[str, Step]:
    """Who took each step and when, from the audit log (the record of who did what)."""
    rows = session.exec(
        select(AuditEntry.action, AuditEntry.at, Member.name)
        .join(Member, col(Member.slack_user_id) == AuditEntry.actor, isouter=True)
        .where(AuditEntry.entity == "sample", AuditEntry.entity_key == str(sample_id))
        .order_by(col(AuditEntry.id))
    ).all()
    return {action: Step(name or "—", as_utc(at)) for action, at, name in rows}


def sent(session: Session, sample_id: int, kind: str) -> list[tuple[str, str]]:
    """The (key, channel) of each message of `kind` sent about a sample: the ones to update."""
    rows = session.exec(
        select(Notification.key, Notification.channel)
        .where(col(Notification.key).like(message_key(sample_id, kind, "%")))
        .order_by(col(Notification.id))
    ).all()
    return [(key, channel) for key, channel in rows]


def message_key(sample_id: int, *parts: str) -> str:
    """The outbox key of a message about a sample: `sample:12:ask:U123`."""
    return ":".join(("sample", str(sample_id), *parts))
