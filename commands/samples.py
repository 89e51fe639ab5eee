"""Sample requests (样品申请) and their life cycle:

    requested → approved / rejected (the requester's manager, or an admin)
              → shipped (the desk, with a tracking number) → delivered → feedback (the rep)

The request goes to the requester's manager (their own, else their team's); with neither, to
the admins. Nobody decides their own request. Every step is one transaction with an audit
entry and its notifications; a message that carried buttons for a step is updated in place
once the step is done, so a stale button can only ever meet an "already done" answer.

Who sees a sample: admins all; the requester and the customer's rep; the requester's own
manager; desk and managers of the requester's or the customer's team. A sample one may not
see reads as one that does not exist.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from commands.customers import CustomerMatches, find_customer, match_customers
from commands.errors import DomainError, Forbidden, FormProblems, InvalidInput, NotFound
from commands.orders import today_for
from commands.people import Actor
from commands.records import audit, notify
from commands.sample_text import (
    MAX_FEEDBACK,
    MAX_PRODUCT,
    MAX_PURPOSE,
    MAX_REASON,
    MAX_TRACKING,
    QuickSample,
    check_quantity,
)
from storage.models import (
    AuditEntry,
    Customer,
    Member,
    Notification,
    SampleRequest,
    Team,
    as_utc,
    utcnow,
)

STATUSES = ("requested", "approved", "rejected", "shipped", "delivered", "feedback")
OPEN_STATUSES = ("requested", "approved", "shipped", "delivered")
LIST_LIMIT = 15
# What each step is called in the audit log, by the status it leads to.
STEP_OF_STATUS = {
    "requested": "request",
    "approved": "approve",
    "rejected": "reject",
    "shipped": "ship",
    "delivered": "deliver",
    "feedback": "feedback",
}


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
    status: str
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


@dataclass(frozen=True)
class SampleMoved:
    card: SampleCard
    before: str


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
class _Loaded:
    sample: SampleRequest
    customer: Customer
    rep: Member
    team: Team | None
    owner: Member


# ---------------------------------------------------------------------------------------------
# Requesting


def check_draft(
    actor: Actor, draft: SampleDraft, now: datetime | None = None, customer_known: bool = False
) -> None:
    """Raise SampleProblems naming every field that is wrong; change nothing."""
    problems: dict[str, DomainError] = {}
    if draft.customer_id is None and not customer_known:
        problems["customer"] = InvalidInput("sample.error.no_customer")
    product = draft.product.strip()
    if not product:
        problems["product"] = InvalidInput("sample.error.no_product")
    elif len(product) > MAX_PRODUCT:
        problems["product"] = InvalidInput("sample.error.product_too_long", limit=MAX_PRODUCT)
    if draft.quantity is None:
        problems["quantity"] = InvalidInput("sample.error.no_quantity")
    else:
        try:
            check_quantity(draft.quantity, format(draft.quantity, "f"))
        except InvalidInput as error:
            problems["quantity"] = error
    if len((draft.purpose or "").strip()) > MAX_PURPOSE:
        problems["purpose"] = InvalidInput("sample.error.purpose_too_long", limit=MAX_PURPOSE)
    if draft.needed_by and draft.needed_by < today_for(actor, now):
        problems["needed_by"] = InvalidInput("sample.error.needed_by_past")
    if problems:
        raise SampleProblems(problems)


def request_quick_sample(
    session: Session, actor: Actor, line: QuickSample, now: datetime | None = None
) -> SampleRequested | CustomerChoice:
    """A one-line request: sent when its customer is clear, otherwise a choice to make."""
    draft = SampleDraft(None, line.product, line.quantity, line.purpose, line.needed_by)
    check_draft(actor, draft, now, customer_known=True)
    matches = match_customers(session, actor, line.customer_text)
    if matches.found is None:
        return CustomerChoice(matches, draft)
    return request_sample(session, actor, replace(draft, customer_id=matches.found.id), now)


def request_sample(
    session: Session, actor: Actor, draft: SampleDraft, now: datetime | None = None
) -> SampleRequested:
    check_draft(actor, draft, now)
    moment = now or utcnow()
    try:
        customer = find_customer(session, actor, draft.customer_id)
    except NotFound:
        raise SampleProblems({"customer": InvalidInput("sample.error.unknown_customer")}) from None
    # Serialise requests for one customer, so a double submit finds the first one.
    session.exec(select(Customer.id).where(Customer.id == customer.id).with_for_update()).one()
    _refuse_duplicate(session, actor, customer, draft)
    sample = SampleRequest(
        rep_id=actor.member_id,
        customer_id=customer.id,
        product=draft.product.strip(),
        quantity=draft.quantity,
        purpose=(draft.purpose or "").strip() or None,
        needed_by=draft.needed_by,
        created_at=moment,
        updated_at=moment,
    )
    session.add(sample)
    session.flush()
    audit(session, actor.slack_user_id, "sample", str(sample.id), "request", None, _audited(sample))
    loaded = _load_row(session, sample)
    approvers, to_admins = _approvers(session, loaded.rep, loaded.team)
    card = _card(session, loaded, approvers)
    for approver in approvers:
        notify(
            session,
            key=_key(sample.id, "ask", approver.slack_user_id),
            channel=approver.slack_user_id,
            kind="sample_approval_request",
            buttons=["approve", "reject"],
            to_admins=to_admins,
            **card.params(),
        )
    return SampleRequested(card, tuple(a.name for a in approvers), to_admins)


def _refuse_duplicate(session: Session, actor: Actor, customer: Customer, draft: SampleDraft):
    """The same request sent twice (a double click, a replayed form) is one request."""
    pending = session.exec(
        select(SampleRequest).where(
            SampleRequest.rep_id == actor.member_id,
            SampleRequest.customer_id == customer.id,
            SampleRequest.status == "requested",
            SampleRequest.product == draft.product.strip(),
            SampleRequest.quantity == draft.quantity,
        )
    ).all()
    purpose = (draft.purpose or "").strip() or None
    for sample in pending:
        if (sample.purpose, sample.needed_by) == (purpose, draft.needed_by):
            raise SampleProblems(
                {"product": InvalidInput("sample.error.already_requested", id=sample.id)}
            )


# ---------------------------------------------------------------------------------------------
# Deciding, shipping, delivering, feedback


def check_can_decide(session: Session, actor: Actor, sample_id: int) -> SampleCard:
    """Before a reject form opens: the actor may decide and the request still waits."""
    loaded = _load(session, actor, sample_id)
    approvers, to_admins = _approvers(session, loaded.rep, loaded.team)
    _check_decider(actor, loaded, approvers, to_admins)
    if loaded.sample.status != "requested":
        raise _already(session, loaded.sample, "decide")
    return _card(session, loaded, approvers)


def approve_sample(
    session: Session, actor: Actor, sample_id: int, now: datetime | None = None
) -> SampleMoved:
    return _decide(session, actor, sample_id, "approved", None, now)


def reject_sample(
    session: Session, actor: Actor, sample_id: int, reason: str, now: datetime | None = None
) -> SampleMoved:
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput("sample.error.reason_missing")
    if len(reason) > MAX_REASON:
        raise InvalidInput("sample.error.reason_too_long", limit=MAX_REASON)
    return _decide(session, actor, sample_id, "rejected", reason, now)


def check_can_ship(session: Session, actor: Actor, sample_id: int) -> SampleCard:
    """Before a ship form opens: the actor works the desk and the sample is approved."""
    _check_desk(actor)
    loaded = _load(session, actor, sample_id)
    if loaded.sample.status != "approved":
        raise _already(session, loaded.sample, "ship")
    return _card(session, loaded)


def ship_sample(
    session: Session, actor: Actor, sample_id: int, tracking_no: str, now: datetime | None = None
) -> SampleMoved:
    _check_desk(actor)
    tracking_no = " ".join((tracking_no or "").split())
    if not tracking_no:
        raise InvalidInput("sample.error.tracking_missing")
    if len(tracking_no) > MAX_TRACKING:
        raise InvalidInput("sample.error.tracking_too_long", limit=MAX_TRACKING)
    loaded = _load(session, actor, sample_id, lock=True)
    if loaded.sample.status != "approved":
        raise _already(session, loaded.sample, "ship")
    sample = loaded.sample
    sample.tracking_no = tracking_no
    sample.shipped_at = _move(session, actor, sample, "shipped", now, tracking_no=tracking_no)
    card = _card(session, loaded)
    params = card.params()
    for key, channel in _sent(session, sample.id, "to-ship"):
        notify(
            session,
            key=_key(sample.id, "shipped", channel),
            channel=channel,
            kind="sample_progress",
            updates_key=key,
            buttons=["deliver"],
            **params,
        )
    notify(
        session,
        key=_key(sample.id, "shipped"),
        channel=loaded.rep.slack_user_id,
        kind="sample_shipped",
        buttons=["deliver"],
        **params,
    )
    return SampleMoved(card, "approved")


def mark_delivered(
    session: Session, actor: Actor, sample_id: int, now: datetime | None = None
) -> SampleMoved:
    loaded = _load(session, actor, sample_id, lock=True)
    if not (actor.works_the_desk or actor.member_id == loaded.sample.rep_id):
        raise Forbidden("sample.error.deliver_not_allowed", rep=loaded.rep.name)
    if loaded.sample.status != "shipped":
        raise _already(session, loaded.sample, "deliver")
    sample = loaded.sample
    sample.delivered_at = _move(session, actor, sample, "delivered", now)
    card = _card(session, loaded)
    params = card.params()
    for key, channel in _sent(session, sample.id, "to-ship"):
        notify(
            session,
            key=_key(sample.id, "delivered", channel),
            channel=channel,
            kind="sample_progress",
            updates_key=key,
            **params,
        )
    rep = loaded.rep.slack_user_id
    notify(
        session,
        key=_key(sample.id, "delivered", "shipped-dm"),
        channel=rep,
        kind="sample_progress",
        updates_key=_key(sample.id, "shipped"),
        **params,
    )
    notify(
        session,
        key=_key(sample.id, "delivered"),
        channel=rep,
        kind="sample_delivered",
        buttons=["feedback"],
        **params,
    )
    return SampleMoved(card, "shipped")


def check_can_give_feedback(session: Session, actor: Actor, sample_id: int) -> SampleCard:
    """Before a feedback form opens: the actor is the rep concerned and it was delivered."""
    loaded = _load(session, actor, sample_id)
    _check_feedback_giver(actor, loaded)
    if loaded.sample.status != "delivered":
        raise _already(session, loaded.sample, "feedback")
    return _card(session, loaded)


def record_feedback(
    session: Session, actor: Actor, sample_id: int, text: str, now: datetime | None = None
) -> SampleMoved:
    text = (text or "").strip()
    if not text:
        raise InvalidInput("sample.error.feedback_missing")
    if len(text) > MAX_FEEDBACK:
        raise InvalidInput("sample.error.feedback_too_long", limit=MAX_FEEDBACK)
    loaded = _load(session, actor, sample_id, lock=True)
    _check_feedback_giver(actor, loaded)
    if loaded.sample.status != "delivered":
        raise _already(session, loaded.sample, "feedback")
    sample = loaded.sample
    sample.feedback = text
    sample.feedback_at = _move(session, actor, sample, "feedback", now, feedback=text)
    card = _card(session, loaded)
    params = card.params()
    notify(
        session,
        key=_key(sample.id, "feedback", "delivered-dm"),
        channel=loaded.rep.slack_user_id,
        kind="sample_progress",
        updates_key=_key(sample.id, "delivered"),
        **params,
    )
    decider = session.get(Member, sample.approver_id) if sample.approver_id else None
    if decider is not None and decider.id != actor.member_id:
        notify(
            session,
            key=_key(sample.id, "feedback", decider.slack_user_id),
            channel=decider.slack_user_id,
            kind="sample_feedback",
            **params,
        )
    return SampleMoved(card, "delivered")


def _decide(
    session: Session,
    actor: Actor,
    sample_id: int,
    status: str,
    reason: str | None,
    now: datetime | None,
) -> SampleMoved:
    loaded = _load(session, actor, sample_id, lock=True)
    approvers, to_admins = _approvers(session, loaded.rep, loaded.team)
    _check_decider(actor, loaded, approvers, to_admins)
    sample = loaded.sample
    if sample.status != "requested":
        raise _already(session, sample, "decide")
    sample.approver_id = actor.member_id
    sample.reject_reason = reason
    sample.decided_at = _move(session, actor, sample, status, now, reason=reason)
    card = _card(session, loaded)
    params = card.params()
    for key, channel in _sent(session, sample.id, "ask"):
        notify(
            session,
            key=_key(sample.id, status, channel),
            channel=channel,
            kind="sample_decided",
            updates_key=key,
            **params,
        )
    notify(
        session,
        key=_key(sample.id, "decision"),
        channel=loaded.rep.slack_user_id,
        kind="sample_decision",
        **params,
    )
    if status == "approved":
        for member in _desk_for(session, loaded):
            notify(
                session,
                key=_key(sample.id, "to-ship", member.slack_user_id),
                channel=member.slack_user_id,
                kind="sample_to_ship",
                buttons=["ship"],
                **params,
            )
    return SampleMoved(card, "requested")


def _move(
    session: Session,
    actor: Actor,
    sample: SampleRequest,
    status: str,
    now: datetime | None,
    **details: str | None,
) -> datetime:
    """Change the status, stamp it and audit it (who, before → after, with `details`);
    returns the moment."""
    moment = now or utcnow()
    before = sample.status
    sample.status = status
    sample.updated_at = moment
    session.add(sample)
    after = {"status": status, **{k: v for k, v in details.items() if v is not None}}
    audit(
        session,
        actor.slack_user_id,
        "sample",
        str(sample.id),
        STEP_OF_STATUS[status],
        {"status": before},
        after,
    )
    session.flush()
    return moment


# ---------------------------------------------------------------------------------------------
# Reading


def sample_view(session: Session, actor: Actor, sample_id: int) -> SampleView:
    """A sample as the actor may see it, with what they may do with it now."""
    loaded = _load(session, actor, sample_id)
    approvers, to_admins = _approvers(session, loaded.rep, loaded.team)
    card = _card(session, loaded, approvers)
    return SampleView(card, _actions(actor, loaded, approvers, to_admins))


def open_samples(session: Session, actor: Actor, limit: int = LIST_LIMIT) -> SamplePage:
    """The open requests the actor may see (not rejected, no feedback yet), soonest needed
    first."""
    rep, owner = aliased(Member), aliased(Member)
    query = (
        select(SampleRequest, Customer, rep)
        .join(Customer, SampleRequest.customer_id == Customer.id)
        .join(rep, SampleRequest.rep_id == rep.id)
        .join(owner, Customer.owner_id == owner.id)
        .where(SampleRequest.status.in_(OPEN_STATUSES))
    )
    if not actor.is_admin:
        mine = [
            SampleRequest.rep_id == actor.member_id,
            Customer.owner_id == actor.member_id,
            rep.manager_slack_id == actor.slack_user_id,
        ]
        if actor.role in ("desk", "manager") and actor.team_id is not None:
            mine += [rep.team_id == actor.team_id, owner.team_id == actor.team_id]
        query = query.where(or_(*mine))
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    rows = session.exec(
        query.order_by(SampleRequest.needed_by.asc().nulls_last(), SampleRequest.id).limit(limit)
    ).all()
    cards = [_card_of(sample, customer, member, {}) for sample, customer, member in rows]
    return SamplePage(cards, total)


def _actions(actor: Actor, loaded: _Loaded, approvers, to_admins: bool) -> tuple[str, ...]:
    status = loaded.sample.status
    if status == "requested" and _may_decide(actor, loaded, approvers, to_admins):
        return ("approve", "reject")
    if status == "approved" and actor.works_the_desk:
        return ("ship",)
    if status == "shipped" and (actor.works_the_desk or actor.member_id == loaded.rep.id):
        return ("deliver",)
    if status == "delivered" and _may_give_feedback(actor, loaded):
        return ("feedback",)
    return ()


# ---------------------------------------------------------------------------------------------
# Who may do what


def _approvers(session: Session, rep: Member, team: Team | None) -> tuple[list[Member], bool]:
    """Who decides a request of `rep`: their own manager, else their team's; with neither
    (or only themselves), the admins."""
    for slack_id in (rep.manager_slack_id, team.manager_slack_id if team else None):
        if slack_id and slack_id != rep.slack_user_id:
            manager = session.exec(
                select(Member).where(Member.slack_user_id == slack_id, Member.active.is_(True))
            ).first()
            if manager is not None:
                return [manager], False
    admins = session.exec(
        select(Member)
        .where(Member.role == "admin", Member.id != rep.id, Member.active.is_(True))
        .order_by(Member.name)
    ).all()
    return list(admins), True


def _may_decide(actor: Actor, loaded: _Loaded, approvers: list[Member], to_admins: bool) -> bool:
    if actor.member_id == loaded.rep.id:
        return False
    return actor.is_admin or (not to_admins and actor.member_id in {m.id for m in approvers})


def _check_decider(actor: Actor, loaded: _Loaded, approvers: list[Member], to_admins: bool):
    if _may_decide(actor, loaded, approvers, to_admins):
        return
    sample_id = loaded.sample.id
    if actor.member_id == loaded.rep.id:
        raise Forbidden("sample.error.own_request", id=sample_id)
    if to_admins:
        raise Forbidden("sample.error.admins_decide", id=sample_id)
    raise Forbidden("sample.error.not_your_decision", id=sample_id, manager=approvers[0].name)


def _check_desk(actor: Actor) -> None:
    if not actor.works_the_desk:
        raise Forbidden("sample.error.ship_not_allowed")


def _may_give_feedback(actor: Actor, loaded: _Loaded) -> bool:
    return actor.is_admin or actor.member_id in (loaded.sample.rep_id, loaded.customer.owner_id)


def _check_feedback_giver(actor: Actor, loaded: _Loaded) -> None:
    if not _may_give_feedback(actor, loaded):
        raise Forbidden("sample.error.feedback_not_allowed", rep=loaded.rep.name)


def _desk_for(session: Session, loaded: _Loaded) -> list[Member]:
    """Who ships an approved sample: the desk of the requester's team (else of the
    customer's rep's team), else the admins."""
    for team_id in dict.fromkeys((loaded.rep.team_id, loaded.owner.team_id)):
        if team_id is None:
            continue
        desk = session.exec(
            select(Member).where(
                Member.team_id == team_id, Member.role == "desk", Member.active.is_(True)
            )
        ).all()
        if desk:
            return sorted(desk, key=lambda m: m.name)
    admins = select(Member).where(Member.role == "admin", Member.active.is_(True))
    return list(session.exec(admins.order_by(Member.name)))


def _visible(actor: Actor, loaded: _Loaded) -> bool:
    if actor.is_admin or actor.member_id in (loaded.sample.rep_id, loaded.customer.owner_id):
        return True
    if loaded.rep.manager_slack_id == actor.slack_user_id:
        return True
    teams = (loaded.rep.team_id, loaded.owner.team_id)
    return (
        actor.role in ("desk", "manager") and actor.team_id is not None and (actor.team_id in teams)
    )


# ---------------------------------------------------------------------------------------------
# Loading and building cards


def _load(session: Session, actor: Actor, sample_id: int, lock: bool = False) -> _Loaded:
    query = select(SampleRequest).where(SampleRequest.id == sample_id)
    if lock:
        query = query.with_for_update()
    sample = session.exec(query).first()
    loaded = _load_row(session, sample) if sample is not None else None
    if loaded is None or not _visible(actor, loaded):
        raise NotFound("sample.error.not_found", id=sample_id)
    return loaded


def _load_row(session: Session, sample: SampleRequest) -> _Loaded:
    customer = session.get(Customer, sample.customer_id)
    rep = session.get(Member, sample.rep_id)
    team = session.get(Team, rep.team_id) if rep.team_id else None
    return _Loaded(sample, customer, rep, team, session.get(Member, customer.owner_id))


def _card(session: Session, loaded: _Loaded, approvers: list[Member] | None = None) -> SampleCard:
    waiting = ()
    if loaded.sample.status == "requested" and approvers:
        waiting = tuple(m.name for m in approvers)
    return _card_of(
        loaded.sample, loaded.customer, loaded.rep, _steps(session, loaded.sample.id), waiting
    )


def _card_of(
    sample: SampleRequest,
    customer: Customer,
    rep: Member,
    steps: dict[str, Step],
    waiting: tuple[str, ...] = (),
) -> SampleCard:
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


def _steps(session: Session, sample_id: int) -> dict[str, Step]:
    """Who took each step and when, from the audit log (the record of who did what)."""
    rows = session.exec(
        select(AuditEntry.action, AuditEntry.at, Member.name)
        .join(Member, Member.slack_user_id == AuditEntry.actor, isouter=True)
        .where(AuditEntry.entity == "sample", AuditEntry.entity_key == str(sample_id))
        .order_by(AuditEntry.id)
    ).all()
    return {action: Step(name or "—", as_utc(at)) for action, at, name in rows}


def _already(session: Session, sample: SampleRequest, wanted: str) -> InvalidInput:
    """Why `wanted` (decide, ship, deliver, feedback) cannot happen now: what already did."""
    steps = _steps(session, sample.id)
    status = sample.status

    def done(key: str, action: str, **extra) -> InvalidInput:
        step = steps.get(action) or Step("—", as_utc(sample.updated_at))
        return InvalidInput(key, id=sample.id, by=step.by, at=step.at, **extra)

    if status == "rejected":
        return done("sample.error.already_rejected", "reject")
    if wanted == "decide":
        return done("sample.error.already_approved", "approve")
    if status == "requested":
        return InvalidInput("sample.error.not_approved_yet", id=sample.id)
    order = STATUSES.index
    if wanted == "ship":
        return done("sample.error.already_shipped", "ship", tracking=sample.tracking_no or "—")
    if order(status) < order("shipped"):
        return InvalidInput("sample.error.not_shipped_yet", id=sample.id)
    if wanted == "deliver":
        return done("sample.error.already_delivered", "deliver")
    if status == "shipped":
        return InvalidInput("sample.error.not_delivered_yet", id=sample.id)
    return done("sample.error.already_feedback", "feedback")


def _sent(session: Session, sample_id: int, kind: str) -> list[tuple[str, str]]:
    """The (key, channel) of each message of `kind` sent about a sample: the ones to update."""
    rows = session.exec(
        select(Notification.key, Notification.channel)
        .where(Notification.key.like(_key(sample_id, kind, "%")))
        .order_by(Notification.id)
    ).all()
    return [(key, channel) for key, channel in rows]


def _key(sample_id: int, *parts: str) -> str:
    return ":".join(("sample", str(sample_id), *parts))


def _audited(sample: SampleRequest) -> dict:
    return {
        "status": sample.status,
        "customer_id": sample.customer_id,
        "product": sample.product,
        "quantity": format(Decimal(sample.quantity).normalize(), "f"),
        "purpose": sample.purpose,
        "needed_by": sample.needed_by.isoformat() if sample.needed_by else None,
    }
