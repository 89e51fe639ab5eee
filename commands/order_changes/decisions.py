"""The desk's decision: accepted or declined once, with a note; an accepted delivery-date
change moves the order's promised ship date; the desk's messages updated and the people
concerned told."""

from datetime import datetime

from sqlmodel import Session, col, select

from commands.errors import Forbidden, InvalidInput
from commands.order_changes.cards import (
    CLOSED,
    SHIPPED,
    ChangeCard,
    ChangeDecided,
    Loaded,
    asked_messages,
    card_of,
    iso,
    load,
    load_row,
    message_key,
    utc,
)
from commands.orders.text import MAX_NOTE
from commands.people import Actor
from commands.records import audit, notify
from storage.models import (
    Member,
    as_utc,
    stored_id,
    utcnow,
)
from storage.statuses import ChangeRequestStatus, Role


def check_can_decide(session: Session, actor: Actor, change_id: int) -> ChangeCard:
    """Before a decision form opens: the actor decides for this order and it still waits."""
    loaded = load(session, actor, change_id)
    _check_decider(actor, loaded)
    _check_pending(loaded)
    return card_of(session, loaded)


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
    loaded = load(session, actor, change_id, lock=True)
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
        _move_ship_date(session, actor, loaded, utc(now))
    change.status = ChangeRequestStatus.accepted if accept else ChangeRequestStatus.declined
    change.decided_by_id = actor.member_id
    change.decided_at = utc(now)
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
    loaded = load_row(session, change)
    card = card_of(session, loaded)
    params = card.params()
    for key, channel in asked_messages(session, stored_id(change)):
        notify(
            session,
            key=message_key(stored_id(change), change.status, channel),
            channel=channel,
            kind="order_change_decided",
            updates_key=key,
            **params,
        )
    told = [m for m in _concerned(loaded) if m.id != actor.member_id]
    for member in told:
        notify(
            session,
            key=message_key(stored_id(change), "outcome", member.slack_user_id),
            channel=member.slack_user_id,
            kind="order_change_outcome",
            **params,
        )
    return ChangeDecided(card, tuple(m.name for m in told))


def _move_ship_date(session: Session, actor: Actor, loaded: Loaded, moment: datetime) -> None:
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
        {"promised_ship_on": iso(before)},
        {
            "promised_ship_on": iso(order.promised_ship_on),
            "change_request": change.id,
            "reason": change.reason,
            "asked_by": change.asked_by,
        },
    )


def _check_decider(actor: Actor, loaded: Loaded) -> None:
    teams = {loaded.rep.team_id, loaded.owner.team_id} - {None}
    if actor.is_admin or (actor.works_the_desk and actor.team_id in teams):
        return
    raise Forbidden("order_change.error.not_desk", id=loaded.change.id)


def _check_pending(loaded: Loaded) -> None:
    change = loaded.change
    if change.status == ChangeRequestStatus.pending:
        return
    raise InvalidInput(
        f"order_change.error.already_{change.status}",
        id=change.id,
        by=loaded.decider.name if loaded.decider else "—",
        at=as_utc(change.decided_at) if change.decided_at else utcnow(),
    )


def deciders(session: Session, loaded: Loaded) -> list[Member]:
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


def _concerned(loaded: Loaded) -> list[Member]:
    """Who hears the outcome: the requester, the order's rep, the customer's owner."""
    found = {m.id: m for m in (loaded.requester, loaded.rep, loaded.owner)}
    return list(found.values())
