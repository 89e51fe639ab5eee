"""The steps after a request: decided (approved or rejected), shipped, delivered, feedback.

Every step is one transaction with an audit entry and its notifications; a message that
carried buttons for a step is updated in place once the step is done, so a stale button can
only ever meet an "already done" answer."""

from datetime import datetime

from sqlmodel import Session

from commands.errors import Forbidden, InvalidInput
from commands.people import Actor
from commands.records import audit, notify
from commands.samples.cards import SampleCard, SampleMoved, Step, card, message_key, sent, steps_of
from commands.samples.reading import load
from commands.samples.rules import (
    approvers_of,
    check_decider,
    check_desk,
    check_feedback_giver,
    desk_for,
    may_deliver,
)
from commands.samples.text import MAX_FEEDBACK, MAX_REASON, MAX_TRACKING
from storage.models import Member, SampleRequest, as_utc, utcnow
from storage.statuses import SampleStatus

# What each step is called in the audit log, by the status it leads to.
STEP_OF_STATUS = {
    SampleStatus.requested: "request",
    SampleStatus.approved: "approve",
    SampleStatus.rejected: "reject",
    SampleStatus.shipped: "ship",
    SampleStatus.delivered: "deliver",
    SampleStatus.feedback: "feedback",
}
LIFE_CYCLE = list(SampleStatus)


def check_can_decide(session: Session, actor: Actor, sample_id: int) -> SampleCard:
    """Before a reject form opens: the actor may decide and the request still waits."""
    loaded = load(session, actor, sample_id)
    approvers, to_admins = approvers_of(session, loaded.rep, loaded.team)
    check_decider(actor, loaded, approvers, to_admins)
    if loaded.sample.status != SampleStatus.requested:
        raise _already(session, loaded.sample, "decide")
    return card(session, loaded, approvers)


def approve_sample(
    session: Session, actor: Actor, sample_id: int, now: datetime | None = None
) -> SampleMoved:
    return _decide(session, actor, sample_id, SampleStatus.approved, None, now)


def reject_sample(
    session: Session, actor: Actor, sample_id: int, reason: str, now: datetime | None = None
) -> SampleMoved:
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput("sample.error.reason_missing")
    if len(reason) > MAX_REASON:
        raise InvalidInput("sample.error.reason_too_long", limit=MAX_REASON)
    return _decide(session, actor, sample_id, SampleStatus.rejected, reason, now)


def check_can_ship(session: Session, actor: Actor, sample_id: int) -> SampleCard:
    """Before a ship form opens: the actor works the desk and the sample is approved."""
    check_desk(actor)
    loaded = load(session, actor, sample_id)
    if loaded.sample.status != SampleStatus.approved:
        raise _already(session, loaded.sample, "ship")
    return card(session, loaded)


def ship_sample(
    session: Session, actor: Actor, sample_id: int, tracking_no: str, now: datetime | None = None
) -> SampleMoved:
    check_desk(actor)
    tracking_no = " ".join((tracking_no or "").split())
    if not tracking_no:
        raise InvalidInput("sample.error.tracking_missing")
    if len(tracking_no) > MAX_TRACKING:
        raise InvalidInput("sample.error.tracking_too_long", limit=MAX_TRACKING)
    loaded = load(session, actor, sample_id, lock=True)
    sample = loaded.sample
    if sample.status != SampleStatus.approved:
        raise _already(session, sample, "ship")
    sample.tracking_no = tracking_no
    sample.shipped_at = _move(
        session, actor, sample, SampleStatus.shipped, now, tracking_no=tracking_no
    )
    shipped = card(session, loaded)
    params = shipped.params()
    for key, channel in sent(session, sample_id, "to-ship"):
        notify(
            session,
            key=message_key(sample_id, "shipped", channel),
            channel=channel,
            kind="sample_progress",
            updates_key=key,
            buttons=["deliver"],
            **params,
        )
    notify(
        session,
        key=message_key(sample_id, "shipped"),
        channel=loaded.rep.slack_user_id,
        kind="sample_shipped",
        buttons=["deliver"],
        **params,
    )
    return SampleMoved(shipped, SampleStatus.approved)


def mark_delivered(
    session: Session, actor: Actor, sample_id: int, now: datetime | None = None
) -> SampleMoved:
    loaded = load(session, actor, sample_id, lock=True)
    if not may_deliver(actor, loaded):
        raise Forbidden("sample.error.deliver_not_allowed", rep=loaded.rep.name)
    sample = loaded.sample
    if sample.status != SampleStatus.shipped:
        raise _already(session, sample, "deliver")
    sample.delivered_at = _move(session, actor, sample, SampleStatus.delivered, now)
    delivered = card(session, loaded)
    params = delivered.params()
    for key, channel in sent(session, sample_id, "to-ship"):
        notify(
            session,
            key=message_key(sample_id, "delivered", channel),
            channel=channel,
            kind="sample_progress",
            updates_key=key,
            **params,
        )
    rep = loaded.rep.slack_user_id
    notify(
        session,
        key=message_key(sample_id, "delivered", "shipped-dm"),
        channel=rep,
        kind="sample_progress",
        updates_key=message_key(sample_id, "shipped"),
        **params,
    )
    notify(
        session,
        key=message_key(sample_id, "delivered"),
        channel=rep,
        kind="sample_delivered",
        buttons=["feedback"],
        **params,
    )
    return SampleMoved(delivered, SampleStatus.shipped)


def check_can_give_feedback(session: Session, actor: Actor, sample_id: int) -> SampleCard:
    """Before a feedback form opens: the actor is the rep concerned and it was delivered."""
    loaded = load(session, actor, sample_id)
    check_feedback_giver(actor, loaded)
    if loaded.sample.status != SampleStatus.delivered:
        raise _already(session, loaded.sample, "feedback")
    return card(session, loaded)


def record_feedback(
    session: Session, actor: Actor, sample_id: int, text: str, now: datetime | None = None
) -> SampleMoved:
    text = (text or "").strip()
    if not text:
        raise InvalidInput("sample.error.feedback_missing")
    if len(text) > MAX_FEEDBACK:
        raise InvalidInput("sample.error.feedback_too_long", limit=MAX_FEEDBACK)
    loaded = load(session, actor, sample_id, lock=True)
    check_feedback_giver(actor, loaded)
    sample = loaded.sample
    if sample.status != SampleStatus.delivered:
        raise _already(session, sample, "feedback")
    sample.feedback = text
    sample.feedback_at = _move(session, actor, sample, SampleStatus.feedback, now, feedback=text)
    given = card(session, loaded)
    params = given.params()
    notify(
        session,
        key=message_key(sample_id, "feedback", "delivered-dm"),
        channel=loaded.rep.slack_user_id,
        kind="sample_progress",
        updates_key=message_key(sample_id, "delivered"),
        **params,
    )
    decider = session.get(Member, sample.approver_id) if sample.approver_id else None
    if decider is not None and decider.id != actor.member_id:
        notify(
            session,
            key=message_key(sample_id, "feedback", decider.slack_user_id),
            channel=decider.slack_user_id,
            kind="sample_feedback",
            **params,
        )
    return SampleMoved(given, SampleStatus.delivered)


def _decide(
    session: Session,
    actor: Actor,
    sample_id: int,
    status: SampleStatus,
    reason: str | None,
    now: datetime | None,
) -> SampleMoved:
    loaded = load(session, actor, sample_id, lock=True)
    approvers, to_admins = approvers_of(session, loaded.rep, loaded.team)
    check_decider(actor, loaded, approvers, to_admins)
    sample = loaded.sample
    if sample.status != SampleStatus.requested:
        raise _already(session, sample, "decide")
    sample.approver_id = actor.member_id
    sample.reject_reason = reason
    sample.decided_at = _move(session, actor, sample, status, now, reason=reason)
    decided = card(session, loaded)
    params = decided.params()
    for key, channel in sent(session, sample_id, "ask"):
        notify(
            session,
            key=message_key(sample_id, status, channel),
            channel=channel,
            kind="sample_decided",
            updates_key=key,
            **params,
        )
    notify(
        session,
        key=message_key(sample_id, "decision"),
        channel=loaded.rep.slack_user_id,
        kind="sample_decision",
        **params,
    )
    if status == SampleStatus.approved:
        _ask_desk_to_ship(session, loaded.sample_id, desk_for(session, loaded), params)
    return SampleMoved(decided, SampleStatus.requested)


def _ask_desk_to_ship(session: Session, sample_id: int, desk: list[Member], params: dict) -> None:
    for member in desk:
        notify(
            session,
            key=message_key(sample_id, "to-ship", member.slack_user_id),
            channel=member.slack_user_id,
            kind="sample_to_ship",
            buttons=["ship"],
            **params,
        )


def _move(
    session: Session,
    actor: Actor,
    sample: SampleRequest,
    status: SampleStatus,
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


def _already(session: Session, sample: SampleRequest, wanted: str) -> InvalidInput:
    """Why `wanted` (decide, ship, deliver, feedback) cannot happen now: what already did."""
    assert sample.id is not None  # only stored samples take steps
    steps = steps_of(session, sample.id)
    status = sample.status

    def done(key: str, action: str, **extra: object) -> InvalidInput:
        step = steps.get(action) or Step("—", as_utc(sample.updated_at))
        return InvalidInput(key, id=sample.id, by=step.by, at=step.at, **extra)

    if status == SampleStatus.rejected:
        return done("sample.error.already_rejected", "reject")
    if wanted == "decide":
        return done("sample.error.already_approved", "approve")
    if status == SampleStatus.requested:
        return InvalidInput("sample.error.not_approved_yet", id=sample.id)
    if wanted == "ship":
        return done("sample.error.already_shipped", "ship", tracking=sample.tracking_no or "—")
    if LIFE_CYCLE.index(status) < LIFE_CYCLE.index(SampleStatus.shipped):
        return InvalidInput("sample.error.not_shipped_yet", id=sample.id)
    if wanted == "deliver":
        return done("sample.error.already_delivered", "deliver")
    if status == SampleStatus.shipped:
        return InvalidInput("sample.error.not_delivered_yet", id=sample.id)
    return done("sample.error.already_feedback", "feedback")
