"""A quote's steps after it is made: approved or rejected (a discount beyond the threshold),
sent to the customer, accepted by them (its opportunity's earlier quotes superseded).

Each is one transaction on the locked quote, with its audit entry and notifications; the
Approve / Reject message is updated in place once decided, so a stale button or a replay only
meets an answer saying what already happened."""

from datetime import datetime

from sqlmodel import Session, col, select

from commands.errors import InvalidInput
from commands.people import Actor
from commands.quotes.cards import QuoteCard, QuoteMoved
from commands.quotes.making import message_key
from commands.quotes.reading import card_of, load_quote
from commands.quotes.rules import Deal, approvers_of, check_decider
from commands.records import audit, notify
from storage.models import Member, Notification, Quote, as_utc, utcnow
from storage.statuses import QuoteStatus

MAX_REASON = 500
SENDABLE = (QuoteStatus.draft, QuoteStatus.approved, QuoteStatus.sent)
OPEN = (QuoteStatus.draft, QuoteStatus.pending_approval, QuoteStatus.approved, QuoteStatus.sent)


def check_can_decide(session: Session, actor: Actor, number: str) -> QuoteCard:
    """Before the reject form opens: the actor decides and the quote still waits."""
    quote, deal = load_quote(session, actor, number)
    _check_decision(session, actor, quote, deal)
    return card_of(session, quote, deal)


def approve_quote(
    session: Session, actor: Actor, number: str, now: datetime | None = None
) -> QuoteMoved:
    return _decide(session, actor, number, QuoteStatus.approved, None, now)


def reject_quote(
    session: Session, actor: Actor, number: str, reason: str, now: datetime | None = None
) -> QuoteMoved:
    reason = " ".join((reason or "").split())
    if len(reason) > MAX_REASON:
        raise InvalidInput("quote.error.reason_too_long", limit=MAX_REASON)
    return _decide(session, actor, number, QuoteStatus.rejected, reason or None, now)


def send_quote(
    session: Session, actor: Actor, number: str, now: datetime | None = None
) -> QuoteMoved:
    """Marked sent (again, if it was): the files go to the rep once more."""
    quote, deal = load_quote(session, actor, number, lock=True)
    if quote.status not in SENDABLE:
        raise refusal(session, quote)
    quote.sent_at = _move(session, actor, quote, QuoteStatus.sent, now, "send")
    return QuoteMoved(card_of(session, quote, deal), "send")


def accept_quote(
    session: Session, actor: Actor, number: str, now: datetime | None = None
) -> QuoteMoved:
    """The customer accepted it: the opportunity's earlier open quotes are superseded."""
    quote, deal = load_quote(session, actor, number, lock=True)
    if quote.status not in SENDABLE:
        raise refusal(session, quote)
    accepted = session.exec(
        select(Quote.number).where(
            Quote.opportunity_id == quote.opportunity_id,
            Quote.status == QuoteStatus.accepted,
        )
    ).first()
    if accepted:
        raise InvalidInput("quote.error.other_accepted", number=quote.number, accepted=accepted)
    _move(session, actor, quote, QuoteStatus.accepted, now, "accept")
    earlier = session.exec(
        select(Quote).where(
            Quote.opportunity_id == quote.opportunity_id,
            col(Quote.id) < quote.id,
            col(Quote.status).in_(OPEN),
        )
    ).all()
    for older in earlier:
        _move(session, actor, older, QuoteStatus.superseded, now, "supersede", by=quote.number)
    numbers = tuple(older.number for older in earlier)
    return QuoteMoved(card_of(session, quote, deal), "accept", numbers)


def _check_decision(session: Session, actor: Actor, quote: Quote, deal: Deal) -> None:
    maker = session.get_one(Member, quote.created_by_id)
    approvers, to_admins = approvers_of(session, deal, maker)
    check_decider(actor, quote.number, maker.id or 0, approvers, to_admins)
    if quote.status != QuoteStatus.pending_approval:
        raise refusal(session, quote)


def _decide(
    session: Session,
    actor: Actor,
    number: str,
    status: QuoteStatus,
    reason: str | None,
    now: datetime | None,
) -> QuoteMoved:
    quote, deal = load_quote(session, actor, number, lock=True)
    _check_decision(session, actor, quote, deal)
    quote.decided_by_id = actor.member_id
    quote.decision_note = reason
    step = "approve" if status == QuoteStatus.approved else "reject"
    quote.decided_at = _move(session, actor, quote, status, now, step, reason=reason)
    card = card_of(session, quote, deal)
    params = card.params()
    for key, channel in _asked(session, quote.number):
        notify(
            session,
            key=message_key(quote.number, status, channel),
            channel=channel,
            kind="quote_decided",
            updates_key=key,
            **params,
        )
    for person in dict.fromkeys((card.owner_slack_id, card.rep_slack_id)):
        notify(
            session,
            key=message_key(quote.number, "decision", person),
            channel=person,
            kind="quote_decision",
            **params,
        )
    return QuoteMoved(card, step)


def _asked(session: Session, number: str) -> list[tuple[str, str]]:
    """(key, channel) of each Approve / Reject message sent about the quote."""
    rows = session.exec(
        select(Notification.key, Notification.channel)
        .where(col(Notification.key).like(message_key(number, "ask", "%")))
        .order_by(col(Notification.id))
    ).all()
    return [(key, channel) for key, channel in rows]


def _move(
    session: Session,
    actor: Actor,
    quote: Quote,
    status: QuoteStatus,
    now: datetime | None,
    step: str,
    **details: str | None,
) -> datetime:
    """Change the status, stamp it and audit it; returns the moment."""
    moment = now or utcnow()
    before = quote.status
    quote.status = status
    quote.updated_at = moment
    session.add(quote)
    after = {"status": str(status), **{k: v for k, v in details.items() if v is not None}}
    audit(session, actor.slack_user_id, "quote", quote.number, step, {"status": str(before)}, after)
    session.flush()
    return moment


def refusal(session: Session, quote: Quote) -> InvalidInput:
    """Why a step cannot be taken now: what state the quote is in, and since when."""
    decider = session.get(Member, quote.decided_by_id) if quote.decided_by_id else None
    at = quote.decided_at or quote.sent_at or quote.updated_at
    return InvalidInput(
        f"quote.error.state.{quote.status}",
        number=quote.number,
        by=decider.name if decider else "—",
        at=as_utc(at),
    )


def files_failed(session: Session, slack_user_id: str, number: str, at: datetime) -> None:
    """Tell whoever asked for a quote's files that Slack did not take them."""
    notify(
        session,
        key=message_key(number, "files-failed", slack_user_id, at.isoformat()),
        channel=slack_user_id,
        kind="quote_files_failed",
        number=number,
    )
