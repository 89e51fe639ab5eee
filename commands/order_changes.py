"""Order change requests (订单变更): a customer asks to change an order's quantity,
specification, delivery date or something else; the rep (or anyone who may see the order)
logs who asked, what and why; the desk of the order's team accepts or declines it with a note.

    pending → accepted / declined (the desk, a manager of the order's team, an admin)

Every step is one transaction with an audit entry and its notifications: the desk is asked
with buttons, those messages are updated in place once someone decides, and the requester,
the order's rep and the customer's owner hear the outcome. An accepted delivery-date change
moves the order's promised ship date, recorded in the audit log (before → after). A second
decision, a stale button or a replay changes nothing and says who decided when.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TypeVar

from sqlmodel import Session, col, select

from commands.errors import DomainError, Forbidden, FormProblems, InvalidInput, NotFound
from commands.orders import order_status, today_for
from commands.orders.text import MAX_NOTE
from commands.people import Actor
from commands.records import audit, notify
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
from storage.statuses import ChangeRequestStatus, OrderStatus, Role

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
            "old_ship_on": _iso(self.old_promised_ship_on),
            "new_ship_on": _iso(self.new_promised_ship_on),
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
class _Loaded:
    change: OrderChangeRequest
    order: SalesOrder
    customer: Customer
    rep: Member
    owner: Member
    requester: Member
    decider: Member | None


# ---------------------------------------------------------------------------------------------
# Requesting


def order_for_change(session: Session, actor: Actor, number: str) -> OrderBrief:
    """Before the form opens: the order exists for the actor and can still change."""
    card = order_status(session.connection(), actor, number)
    if card.status in CLOSED:
        raise InvalidInput("order_change.error.order_closed", number=card.number, state=card.status)
    return OrderBrief(card.number, card.customer_name, card.status, card.promised_ship_on)


def check_draft(actor: Actor, draft: ChangeDraft, now: datetime | None = None) -> None:
    """Raise ChangeProblems naming every field that is wrong; change nothing."""
    problems: dict[str, DomainError] = {}
    if draft.kind not in KINDS:
        problems["kind"] = InvalidInput("order_change.error.no_kind")
    description = draft.description.strip()
    if not description:
        problems["description"] = InvalidInput("order_change.error.no_description")
    elif len(description) > MAX_DESCRIPTION:
        problems["description"] = InvalidInput("order_change.error.too_long", limit=MAX_DESCRIPTION)
    if len((draft.reason or "").strip()) > MAX_NOTE:
        problems["reason"] = InvalidInput("order_change.error.too_long", limit=MAX_NOTE)
    asked_by = (draft.asked_by or "").strip()
    if not asked_by:
        problems["asked_by"] = InvalidInput("order_change.error.no_asked_by")
    elif len(asked_by) > MAX_ASKED_BY:
        problems["asked_by"] = InvalidInput("order_change.error.too_long", limit=MAX_ASKED_BY)
    date_problem = _new_date_problem(actor, draft, now)
    if date_problem:
        problems["new_ship_on"] = date_problem
    if problems:
        raise ChangeProblems(problems)


def _new_date_problem(actor: Actor, draft: ChangeDraft, now: datetime | None) -> DomainError | None:
    """A delivery-date change needs a new date, in the future; other kinds take none."""
    new_date = draft.new_promised_ship_on
    if draft.kind == "delivery_date" and new_date is None:
        return InvalidInput("order_change.error.no_new_date")
    if new_date and draft.kind in KINDS and draft.kind != "delivery_date":
        return InvalidInput("order_change.error.date_without_kind")
    if new_date and new_date < today_for(actor, now):
        return InvalidInput("order_change.error.date_past", day=new_date)
    return None


def request_change(
    session: Session, actor: Actor, number: str, draft: ChangeDraft, now: datetime | None = None
) -> ChangeRequested:
    check_draft(actor, draft, now)
    brief = order_for_change(session, actor, number)
    order = session.exec(
        select(SalesOrder).where(SalesOrder.number == brief.number).with_for_update()
    ).one()
    new_date = draft.new_promised_ship_on if draft.kind == "delivery_date" else None
    if new_date is not None:
        _check_new_date(order, new_date)
    _refuse_duplicate(session, order, draft)
    assert draft.kind is not None  # check_draft refuses a draft without one
    change = OrderChangeRequest(
        order_id=stored_id(order),
        kind=draft.kind,
        description=draft.description.strip(),
        reason=(draft.reason or "").strip() or None,
        asked_by=(draft.asked_by or "").strip() or None,
        requested_by_id=actor.member_id,
        new_promised_ship_on=new_date,
        created_at=_utc(now),
    )
    session.add(change)
    session.flush()
    audit(
        session,
        actor.slack_user_id,
        "order_change",
        str(change.id),
        "request",
        None,
        _audited(change, order),
    )
    loaded = _load_row(session, change)
    card = _card(session, loaded)
    desk = _desk(session, loaded)
    for member in desk:
        notify(
            session,
            key=_key(stored_id(change), "ask", member.slack_user_id),
            channel=member.slack_user_id,
            kind="order_change_request",
            buttons=["accept", "decline"],
            **card.params(),
        )
    return ChangeRequested(card, tuple(m.name for m in desk))


def _check_new_date(order: SalesOrder, new_date: date) -> None:
    if order.status in SHIPPED:
        raise ChangeProblems(
            {"new_ship_on": InvalidInput("order_change.error.already_shipped", number=order.number)}
        )
    if new_date == order.promised_ship_on:
        raise ChangeProblems(
            {"new_ship_on": InvalidInput("order_change.error.same_date", day=new_date)}
        )


def _refuse_duplicate(session: Session, order: SalesOrder, draft: ChangeDraft) -> None:
    """The same request sent twice (a double click, a replayed form) is one request."""
    same = session.exec(
        select(OrderChangeRequest.id).where(
            OrderChangeRequest.order_id == order.id,
            OrderChangeRequest.status == ChangeRequestStatus.pending,
            OrderChangeRequest.kind == draft.kind,
            OrderChangeRequest.description == draft.description.strip(),
        )
    ).first()
    if same is not None:
        raise ChangeProblems(
            {"description": InvalidInput("order_change.error.already_requested", id=same)}
        )


# ---------------------------------------------------------------------------------------------
# Deciding


def check_can_decide(session: Session, actor: Actor, change_id: int) -> ChangeCard:
    """Before a decision form opens: the actor decides for this order and it still waits."""
    loaded = _load(session, actor, change_id)
    _check_decider(actor, loaded)
    _check_pending(loaded)
    return _card(session, loaded)


def decide_change(
    session: Session,
    actor: Actor,
    change_id: int,
    accept: bool,
    note: str | None = None,
    now: datetime | None = None,
) -> ChangeDecided:
    note = (note or "").strip() or None
    # Who may decide, and whether it is still open, come first: a replay says who decided.
    loaded = _load(session, actor, change_id, lock=True)
    _check_decider(actor, loaded)
    _check_pending(loaded)
    if note and len(note) > MAX_NOTE:
        raise InvalidInput("order_change.error.too_long", limit=MAX_NOTE)
    if not accept and not note:
        raise InvalidInput("order_change.error.note_missing", id=change_id)
    change, order = loaded.change, loaded.order
    if accept and change.new_promised_ship_on is not None:
        if order.status in SHIPPED or order.status in CLOSED:
            raise InvalidInput(
                "order_change.error.order_moved_on", number=order.number, state=order.status
            )
        _move_ship_date(session, actor, loaded, _utc(now))
    change.status = ChangeRequestStatus.accepted if accept else ChangeRequestStatus.declined
    change.decided_by_id = actor.member_id
    change.decided_at = _utc(now)
    change.decision_note = note
    session.add(change)
    audit(
        session,
        actor.slack_user_id,
        "order_change",
        str(change.id),
        "accept" if accept else "decline",
        {"status": ChangeRequestStatus.pending},
        {"status": change.status, **({"note": note} if note else {})},
    )
    session.flush()
    loaded = _load_row(session, change)
    card = _card(session, loaded)
    params = card.params()
    for key, channel in _sent(session, stored_id(change)):
        notify(
            session,
            key=_key(stored_id(change), change.status, channel),
            channel=channel,
            kind="order_change_decided",
            updates_key=key,
            **params,
        )
    told = [m for m in _concerned(loaded) if m.id != actor.member_id]
    for member in told:
        notify(
            session,
            key=_key(stored_id(change), "outcome", member.slack_user_id),
            channel=member.slack_user_id,
            kind="order_change_outcome",
            **params,
        )
    return ChangeDecided(card, tuple(m.name for m in told))


def _move_ship_date(session: Session, actor: Actor, loaded: _Loaded, moment: datetime) -> None:
    """The order's history of promised dates lives in the audit log: before → after."""
    order, change = loaded.order, loaded.change
    before = order.promised_ship_on
    order.promised_ship_on = change.new_promised_ship_on
    order.updated_at = moment
    session.add(order)
    audit(
        session,
        actor.slack_user_id,
        "order",
        order.number,
        "promised_ship_on",
        {"promised_ship_on": _iso(before)},
        {
            "promised_ship_on": _iso(order.promised_ship_on),
            "change_request": change.id,
            "reason": change.reason,
            "asked_by": change.asked_by,
        },
    )


def _check_decider(actor: Actor, loaded: _Loaded) -> None:
    teams = {loaded.rep.team_id, loaded.owner.team_id} - {None}
    if actor.is_admin or (actor.works_the_desk and actor.team_id in teams):
        return
    raise Forbidden("order_change.error.not_desk", id=loaded.change.id)


def _check_pending(loaded: _Loaded) -> None:
    change = loaded.change
    if change.status == ChangeRequestStatus.pending:
        return
    raise InvalidInput(
        f"order_change.error.already_{change.status}",
        id=change.id,
        by=loaded.decider.name if loaded.decider else "—",
        at=as_utc(change.decided_at) if change.decided_at else utcnow(),
    )


def _desk(session: Session, loaded: _Loaded) -> list[Member]:
    """Who decides: the desk of the order rep's team, else of the customer owner's team; with
    no desk there, its managers; with no team at all, the admins."""
    for team_id in dict.fromkeys((loaded.rep.team_id, loaded.owner.team_id)):
        if team_id is None:
            continue
        for role in (Role.desk, Role.manager):
            found = session.exec(
                select(Member)
                .where(Member.team_id == team_id, Member.role == role, col(Member.active).is_(True))
                .order_by(Member.name)
            ).all()
            if found:
                return list(found)
    admins = select(Member).where(Member.role == Role.admin, col(Member.active).is_(True))
    return list(session.exec(admins.order_by(Member.name)))


def _concerned(loaded: _Loaded) -> list[Member]:
    """Who hears the outcome: the requester, the order's rep, the customer's owner."""
    found = {m.id: m for m in (loaded.requester, loaded.rep, loaded.owner)}
    return list(found.values())


# ---------------------------------------------------------------------------------------------
# Reading


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
        changes = [c for c in pending if _may_see(session, actor, c)]
    cards = [_card(session, _load_row(session, change)) for change in changes[:LIST_LIMIT]]
    return ChangePage(cards, len(changes), number)


# ---------------------------------------------------------------------------------------------
# Loading and building cards


def _load(session: Session, actor: Actor, change_id: int, lock: bool = False) -> _Loaded:
    query = select(OrderChangeRequest).where(OrderChangeRequest.id == change_id)
    if lock:
        query = query.with_for_update()
    change = session.exec(query).first()
    if change is None or not _may_see(session, actor, change):
        raise NotFound("order_change.error.not_found", id=change_id)
    return _load_row(session, change)


def _may_see(session: Session, actor: Actor, change: OrderChangeRequest) -> bool:
    """Whoever may see the order (the same rule as /order) may see its change requests."""
    number = _pointed_to(session, SalesOrder, change.order_id).number
    try:
        order_status(session.connection(), actor, number)
    except NotFound:
        return False
    return True


def _load_row(session: Session, change: OrderChangeRequest) -> _Loaded:
    order = _pointed_to(session, SalesOrder, change.order_id)
    customer = _pointed_to(session, Customer, order.customer_id)
    return _Loaded(
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


def _card(session: Session, loaded: _Loaded) -> ChangeCard:
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


def _old_ship_date(session: Session, loaded: _Loaded) -> date | None:
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


def _sent(session: Session, change_id: int) -> list[tuple[str, str]]:
    """The (key, channel) of each message that asked the desk to decide."""
    rows = session.exec(
        select(Notification.key, Notification.channel)
        .where(col(Notification.key).like(_key(change_id, "ask", "%")))
        .order_by(col(Notification.id))
    ).all()
    return [(key, channel) for key, channel in rows]


def _key(change_id: int, *parts: str) -> str:
    return ":".join(("order-change", str(change_id), *parts))


def _audited(change: OrderChangeRequest, order: SalesOrder) -> dict:
    return {
        "order": order.number,
        "kind": change.kind,
        "description": change.description,
        "reason": change.reason,
        "asked_by": change.asked_by,
        "promised_ship_on": _iso(order.promised_ship_on),
        "new_promised_ship_on": _iso(change.new_promised_ship_on),
        "status": change.status,
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _utc(now: datetime | None) -> datetime:
    return (now or utcnow()).astimezone(UTC)
