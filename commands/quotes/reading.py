"""Reading quotes: one by its number, an opportunity's, each as the actor may see it."""

from decimal import Decimal

from sqlmodel import Session, col, select

from commands.errors import NotFound
from commands.people import Actor
from commands.quotes.cards import QuoteCard, QuoteLineCard
from commands.quotes.rules import Deal, approvers_of, load_deal
from storage.models import Member, Product, Quote, QuoteLine, as_utc
from storage.statuses import QuoteStatus

LIST_LIMIT = 20


def load_quote(
    session: Session, actor: Actor, number: str, lock: bool = False
) -> tuple[Quote, Deal]:
    """A quote the actor may work on (locked for a change, if `lock`); NotFound otherwise."""
    query = select(Quote).where(Quote.number == number.upper())
    if lock:
        query = query.with_for_update()
    quote = session.exec(query).first()
    if quote is None:
        raise NotFound("quote.error.not_found", number=number)
    try:
        return quote, load_deal(session, actor, quote.opportunity_id)
    except NotFound:
        raise NotFound("quote.error.not_found", number=number) from None


def quote_card(session: Session, actor: Actor, number: str) -> QuoteCard:
    quote, deal = load_quote(session, actor, number)
    return card_of(session, quote, deal)


def opportunity_quotes(session: Session, actor: Actor, opportunity_id: int) -> list[QuoteCard]:
    """An opportunity's quotes, newest first (at most LIST_LIMIT)."""
    deal = load_deal(session, actor, opportunity_id)
    quotes = session.exec(
        select(Quote)
        .where(Quote.opportunity_id == opportunity_id)
        .order_by(col(Quote.id).desc())
        .limit(LIST_LIMIT)
    ).all()
    return [card_of(session, quote, deal) for quote in quotes]


def card_of(session: Session, quote: Quote, deal: Deal) -> QuoteCard:
    assert quote.id is not None  # a card is of a stored quote
    maker = session.get_one(Member, quote.created_by_id)
    decider = session.get(Member, quote.decided_by_id) if quote.decided_by_id else None
    waiting: tuple[str, ...] = ()
    if quote.status == QuoteStatus.pending_approval:
        waiting = tuple(m.name for m in approvers_of(session, deal, maker)[0])
    return QuoteCard(
        id=quote.id,
        number=quote.number,
        status=QuoteStatus(quote.status),
        opportunity_id=deal.id,
        opportunity_title=deal.opportunity.title,
        customer_code=deal.customer.code,
        customer_name=deal.customer.name,
        rep_name=maker.name,
        rep_slack_id=maker.slack_user_id,
        owner_name=deal.owner.name,
        owner_slack_id=deal.owner.slack_user_id,
        currency=quote.currency,
        tax_rate=Decimal(quote.tax_rate),
        tax_inclusive=quote.tax_inclusive,
        valid_until=quote.valid_until,
        subtotal=Decimal(quote.subtotal),
        tax_amount=Decimal(quote.tax_amount),
        total=Decimal(quote.total),
        max_discount_percent=Decimal(quote.max_discount_percent),
        lines=_lines(session, quote.id),
        created_at=as_utc(quote.created_at),
        decided_by=decider.name if decider else None,
        decided_at=as_utc(quote.decided_at) if quote.decided_at else None,
        decision_note=quote.decision_note,
        sent_at=as_utc(quote.sent_at) if quote.sent_at else None,
        waiting_for=waiting,
    )


def _lines(session: Session, quote_id: int) -> tuple[QuoteLineCard, ...]:
    rows = session.exec(
        select(QuoteLine, Product.sku)
        .join(Product, col(Product.id) == QuoteLine.product_id)
        .where(QuoteLine.quote_id == quote_id)
        .order_by(col(QuoteLine.id))
    ).all()
    return tuple(
        QuoteLineCard(
            sku=sku,
            product=line.product_name,
            unit=line.unit,
            quantity=Decimal(line.quantity),
            unit_price=Decimal(line.unit_price),
            discount_percent=Decimal(line.discount_percent),
            line_total=Decimal(line.line_total),
        )
        for line, sku in rows
    )


def open_opportunity(deal: Deal) -> bool:
    return deal.opportunity.stage not in ("won", "lost")
