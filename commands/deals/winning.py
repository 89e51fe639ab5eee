"""Won: the opportunity closes and becomes an order (`received`, numbered like the others,
the owner its rep), with the lines of its accepted quote if it has one. Only the click that
closes it creates the order: a second click is told which order the first made."""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from commands.deals.access import find_deal
from commands.deals.history import record_change, record_stage
from commands.deals.moving import check_may_change, claim_stage
from commands.deals.numbering import next_order_number, with_next
from commands.people import Actor
from commands.records import audit
from storage.models import (
    Opportunity,
    OrderLine,
    Quote,
    QuoteLine,
    SalesOrder,
    stored_id,
    utcnow,
)
from storage.statuses import OpportunityStage, OrderStatus, QuoteStatus


@dataclass(frozen=True)
class DealWon:
    deal_id: int
    title: str
    from_stage: OpportunityStage
    order_number: str
    lines: int
    quote_number: str | None


def win_deal(
    session: Session,
    actor: Actor,
    deal_id: int,
    seen_at: OpportunityStage | None = None,
    now: datetime | None = None,
) -> DealWon:
    deal = find_deal(session, actor, deal_id)
    check_may_change(session, deal, seen_at)
    before = OpportunityStage(deal.stage)
    moment = now or utcnow()
    claim_stage(session, deal, before, OpportunityStage.won, moment)
    quote = accepted_quote(session, stored_id(deal))
    order = with_next(session, lambda: _order_for(session, deal, actor, moment, quote))
    lines = _copy_lines(session, quote, stored_id(order)) if quote else 0
    deal.order_id, deal.closed_at = order.id, moment
    session.add(deal)
    record_stage(session, actor, deal, before, moment)
    after = {"stage": "won", "order": order.number}
    record_change(session, actor, deal, "won", {"stage": before}, after)
    audit(
        session,
        actor.slack_user_id,
        "order",
        order.number,
        "create",
        None,
        {"opportunity": deal_id, "status": "received", "lines": lines},
    )
    quote_number = quote.number if quote else None
    return DealWon(deal_id, deal.title, before, order.number, lines, quote_number)


def accepted_quote(session: Session, deal_id: int) -> Quote | None:
    """The opportunity's accepted quote (the newest, should there be more than one)."""
    query = select(Quote).where(
        Quote.opportunity_id == deal_id, Quote.status == QuoteStatus.accepted
    )
    return session.exec(query.order_by(col(Quote.id).desc()).limit(1)).first()


def _order_for(
    session: Session, deal: Opportunity, actor: Actor, moment: datetime, quote: Quote | None
) -> SalesOrder:
    """The received order of a won opportunity: what the customer accepted to pay (the
    accepted quote's total), else the opportunity's amount."""
    order = SalesOrder(
        number=next_order_number(session),
        customer_id=deal.customer_id,
        rep_id=deal.owner_id,
        status=OrderStatus.received,
        amount=quote.total if quote else deal.amount,
        currency=quote.currency if quote else deal.currency,
        ordered_on=moment.astimezone(ZoneInfo(actor.timezone)).date(),
        note=f"#{deal.id} {deal.title}"[:1000],
        created_at=moment,
        updated_at=moment,
    )
    session.add(order)
    session.flush()
    return order


def _copy_lines(session: Session, quote: Quote, order_id: int) -> int:
    lines = session.exec(
        select(QuoteLine).where(QuoteLine.quote_id == quote.id).order_by(col(QuoteLine.id))
    ).all()
    for line in lines:
        session.add(
            OrderLine(
                order_id=order_id,
                product_id=line.product_id,
                product=line.product_name,
                quantity=line.quantity,
                unit_price=line.unit_price,
                discount_percent=line.discount_percent,
            )
        )
    return len(lines)
