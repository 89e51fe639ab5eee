"""Logging a change the customer asked for: the draft checked field by field, the request
stored once (a double click or a replayed form is the same request), the desk asked."""

from datetime import date, datetime

from sqlmodel import Session, select

from commands.errors import DomainError, InvalidInput
from commands.order_changes.cards import (
    CLOSED,
    KINDS,
    MAX_ASKED_BY,
    MAX_DESCRIPTION,
    SHIPPED,
    ChangeDraft,
    ChangeProblems,
    ChangeRequested,
    OrderBrief,
    audited,
    card_of,
    load_row,
    message_key,
    utc,
)
from commands.order_changes.decisions import deciders
from commands.orders import order_status, today_for
from commands.orders.text import MAX_NOTE
from commands.people import Actor
from commands.records import audit, notify
from storage.models import (
    OrderChangeRequest,
    SalesOrder,
    stored_id,
)
from storage.statuses import ChangeRequestStatus


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
        created_at=utc(now),
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
        audited(change, order),
    )
    loaded = load_row(session, change)
    card = card_of(session, loaded)
    desk = deciders(session, loaded)
    for member in desk:
        notify(
            session,
            key=message_key(stored_id(change), "ask", member.slack_user_id),
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
