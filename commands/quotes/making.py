"""Making a quote: its lines priced from the price list, its sums, its number, and (for a
discount beyond the team's threshold) the manager asked, in one transaction."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from commands.errors import InvalidInput
from commands.people import Actor
from commands.products import PriceListEntry, product_by_sku
from commands.quotes.arithmetic import line_total, totals
from commands.quotes.cards import QuoteMade
from commands.quotes.numbering import next_quote_number
from commands.quotes.reading import card_of
from commands.quotes.rules import Deal, approvers_of, load_deal, own_role
from commands.quotes.text import LineRequest
from commands.records import audit, notify
from commands.team_settings import TeamSettings, settings_of
from storage.models import Member, Quote, QuoteLine, stored_id, utcnow
from storage.statuses import QuoteStatus

CLOSED_STAGES = ("won", "lost")
# The same quote typed or submitted again this soon (a replayed command, a double submit) is
# the one already made.
REPEAT_WINDOW = timedelta(minutes=10)


@dataclass(frozen=True)
class PricedLine:
    product: PriceListEntry
    name: str
    quantity: Decimal
    discount_percent: Decimal
    total: Decimal


@dataclass(frozen=True)
class QuoteTarget:
    """The opportunity a quote is for, as a form or a list names it."""

    id: int
    title: str
    customer: str
    currency: str


def quote_target(
    session: Session, actor: Actor, opportunity_id: int, to_quote: bool = False
) -> QuoteTarget:
    """An opportunity the actor works on; with `to_quote`, one still open to quotes."""
    deal = load_deal(session, actor, opportunity_id)
    if to_quote:
        _check_open(deal)
    opportunity = deal.opportunity
    return QuoteTarget(deal.id, opportunity.title, deal.customer.name, opportunity.currency)


def _check_open(deal: Deal) -> None:
    if deal.opportunity.stage in CLOSED_STAGES:
        raise InvalidInput("quote.error.closed", id=deal.id, stage=str(deal.opportunity.stage))


def make_quote(
    session: Session,
    actor: Actor,
    opportunity_id: int,
    lines: tuple[LineRequest, ...],
    valid_until: date | None = None,
    now: datetime | None = None,
) -> QuoteMade:
    moment = now or utcnow()
    deal = load_deal(session, actor, opportunity_id)
    _check_open(deal)
    settings = settings_of(deal.team)
    today = moment.astimezone(ZoneInfo(settings.timezone)).date()
    valid_until = _validity(valid_until, today, settings)
    priced = price_lines(session, actor, deal, lines)
    # Written first: on SQLite this takes the write lock before the number is read.
    deal.opportunity.last_activity_at = moment
    session.add(deal.opportunity)
    session.flush()
    _refuse_repeat(session, actor, deal, priced, moment)
    quote = _stored(session, actor, deal, settings, priced, valid_until, today.year, moment)
    return _asked(session, actor, deal, quote, settings)


def _validity(valid_until: date | None, today: date, settings: TeamSettings) -> date:
    if valid_until is None:
        return today + timedelta(days=settings.quote_valid_days)
    if valid_until < today:
        raise InvalidInput("quote.error.validity_past", day=valid_until)
    return valid_until


def price_lines(
    session: Session, actor: Actor, deal: Deal, lines: tuple[LineRequest, ...]
) -> list[PricedLine]:
    """Each line priced from the price list in the opportunity's currency; every line that
    cannot be is named, none converted."""
    skus = [line.sku.casefold() for line in lines]
    twice = sorted({line.sku for line in lines if skus.count(line.sku.casefold()) > 1})
    if twice:
        raise InvalidInput("quote.error.sku_twice", skus=twice)
    entries = [product_by_sku(session, line.sku) for line in lines]
    retired = [entry.sku for entry in entries if not entry.active]
    if retired:
        raise InvalidInput("quote.error.retired", skus=retired)
    currency = deal.opportunity.currency
    foreign = [f"{entry.sku} ({entry.currency})" for entry in entries if entry.currency != currency]
    if foreign:
        raise InvalidInput("quote.error.currency", skus=foreign, currency=currency)
    return [
        PricedLine(
            entry,
            _name(entry, actor.locale),
            line.quantity,
            line.discount_percent,
            line_total(line.quantity, entry.list_price, line.discount_percent),
        )
        for entry, line in zip(entries, lines, strict=True)
    ]


def _name(entry: PriceListEntry, locale: str) -> str:
    """The product's name in the quoting rep's language (the customer reads it)."""
    if locale == "zh-CN" and entry.name_zh:
        return entry.name_zh
    return entry.name_en


def _refuse_repeat(
    session: Session, actor: Actor, deal: Deal, priced: list[PricedLine], moment: datetime
) -> None:
    recent = session.exec(
        select(Quote).where(
            Quote.opportunity_id == deal.id,
            Quote.created_by_id == actor.member_id,
            col(Quote.created_at) >= moment - REPEAT_WINDOW,
            col(Quote.status).in_((QuoteStatus.draft, QuoteStatus.pending_approval)),
        )
    ).all()
    wanted = sorted((p.product.id, p.quantity, p.discount_percent) for p in priced)
    for quote in recent:
        lines = session.exec(select(QuoteLine).where(QuoteLine.quote_id == quote.id)).all()
        made = sorted(
            (line.product_id, Decimal(line.quantity), Decimal(line.discount_percent))
            for line in lines
        )
        if made == wanted:
            raise InvalidInput("quote.error.repeat", number=quote.number)


def _stored(
    session: Session,
    actor: Actor,
    deal: Deal,
    settings: TeamSettings,
    priced: list[PricedLine],
    valid_until: date,
    year: int,
    moment: datetime,
) -> Quote:
    inclusive = settings.quote_tax_display == "inclusive"
    sums = totals((line.total for line in priced), settings.tax_rate, inclusive)
    deepest = max(line.discount_percent for line in priced)
    beyond = deepest > settings.quote_discount_threshold
    quote = Quote(
        number=next_quote_number(session, year),
        opportunity_id=deal.id,
        status=QuoteStatus.pending_approval if beyond else QuoteStatus.draft,
        currency=deal.opportunity.currency,
        tax_rate=settings.tax_rate,
        tax_inclusive=inclusive,
        valid_until=valid_until,
        subtotal=sums.subtotal,
        tax_amount=sums.tax,
        total=sums.total,
        max_discount_percent=deepest,
        created_by_id=actor.member_id,
        created_at=moment,
        updated_at=moment,
    )
    session.add(quote)
    session.flush()
    for line in priced:
        session.add(
            QuoteLine(
                quote_id=stored_id(quote),
                product_id=line.product.id,
                product_name=line.name[:200],
                unit=line.product.unit,
                quantity=line.quantity,
                unit_price=line.product.list_price,
                discount_percent=line.discount_percent,
                line_total=line.total,
            )
        )
    session.flush()
    audit(session, actor.slack_user_id, "quote", quote.number, "create", None, _audited(quote))
    return quote


def _asked(
    session: Session, actor: Actor, deal: Deal, quote: Quote, settings: TeamSettings
) -> QuoteMade:
    card = card_of(session, quote, deal)
    if quote.status != QuoteStatus.pending_approval:
        return QuoteMade(card)
    maker = session.get_one(Member, actor.member_id)
    approvers, to_admins = approvers_of(session, deal, maker)
    threshold = Decimal(settings.quote_discount_threshold)
    for approver in approvers:
        notify(
            session,
            key=message_key(quote.number, "ask", approver.slack_user_id),
            channel=approver.slack_user_id,
            kind="quote_approval_request",
            buttons=["approve", "reject"],
            to_admins=to_admins,
            own_role=own_role(maker, deal),
            threshold=str(threshold),
            **card.params(),
        )
    names = tuple(approver.name for approver in approvers)
    return QuoteMade(card, names, to_admins, threshold)


def _audited(quote: Quote) -> dict:
    return {
        "status": str(quote.status),
        "opportunity_id": quote.opportunity_id,
        "total": str(quote.total),
        "currency": quote.currency,
        "max_discount_percent": str(quote.max_discount_percent),
        "valid_until": quote.valid_until.isoformat(),
    }


def message_key(number: str, *parts: str) -> str:
    """The outbox key of a message about a quote: `quote:Q-2026-0001:ask:U123`."""
    return ":".join(("quote", number, *parts))
