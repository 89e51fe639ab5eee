"""Exchange rates an admin keeps (`/desk rate MONTH CUR TO RATE`, `/desk rates [MONTH]`,
`salesdesk import rates`): how many units of one currency a unit of another was worth in a
month. Money in another currency is converted into a team's reporting currency at its own
month's rate; a missing rate is never guessed. Every change is audited."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func
from sqlmodel import Session, col, select

from commands.errors import Forbidden, InvalidInput
from commands.people import Actor
from commands.records import audit
from storage.models import ExchangeRate, utcnow
from storage.targets import month_key, plain_rate, rate_key, read_rate
from storage.vocabulary import currency

MAX_LISTED = 60


@dataclass(frozen=True)
class SetRate:
    month: str
    currency: str
    to_currency: str
    rate: Decimal


@dataclass(frozen=True)
class RateSet:
    month: str
    currency: str
    to_currency: str
    before: Decimal | None
    after: Decimal


@dataclass(frozen=True)
class RateLine:
    month: str
    currency: str
    to_currency: str
    rate: Decimal
    updated_at: datetime
    updated_by: str


@dataclass(frozen=True)
class RateList:
    month: str | None  # None: every month, newest first
    lines: tuple[RateLine, ...]
    more: int  # lines left out


def read_set_rate(words: list[str]) -> SetRate:
    """`MONTH CUR TO RATE`, like `2026-11 USD CNY 7.1234`."""
    if len(words) != 4:
        raise InvalidInput("rate.error.usage")
    month_text, from_text, to_text, rate_text = words
    month = read_month(month_text)
    source, target = read_currency(from_text), read_currency(to_text)
    if source == target:
        raise InvalidInput("rate.error.same_currency", currency=source)
    rate = read_rate(rate_text)
    if rate is None:
        raise InvalidInput("rate.error.rate", value=rate_text[:40])
    return SetRate(month, source, target, rate)


def read_month(text: str) -> str:
    month = month_key(text)
    if month is None:
        raise InvalidInput("rate.error.month", value=text[:40])
    return month


def read_currency(text: str) -> str:
    code = currency(text)
    if code is None:
        raise InvalidInput("rate.error.currency", value=text[:40])
    return code


def set_rate(session: Session, actor: Actor, request: SetRate) -> RateSet:
    """Insert or update a month's rate (admins only), audited with before and after."""
    if not actor.is_admin:
        raise Forbidden("rate.error.admins_only")
    stored = session.exec(
        select(ExchangeRate).where(
            ExchangeRate.month == request.month,
            ExchangeRate.currency == request.currency,
            ExchangeRate.to_currency == request.to_currency,
        )
    ).first()
    before = plain_rate(stored.rate) if stored else None
    if before != request.rate:
        if stored is None:
            stored = ExchangeRate(
                month=request.month,
                currency=request.currency,
                to_currency=request.to_currency,
                rate=request.rate,
            )
        stored.rate, stored.updated_at = request.rate, utcnow()
        stored.updated_by = actor.slack_user_id
        session.add(stored)
        key = rate_key(request.month, request.currency, request.to_currency)
        previous = None if before is None else {"rate": str(before)}
        audit(
            session,
            actor.slack_user_id,
            "exchange_rate",
            key,
            "set",
            previous,
            {"rate": str(request.rate)},
        )
    return RateSet(request.month, request.currency, request.to_currency, before, request.rate)


def list_rates(session: Session, month: str | None) -> RateList:
    """A month's rates, or every month's, newest first (the first MAX_LISTED)."""
    found = select(ExchangeRate)
    counted = select(func.count(col(ExchangeRate.id)))
    if month is not None:
        found = found.where(ExchangeRate.month == month)
        counted = counted.where(ExchangeRate.month == month)
    found = found.order_by(
        col(ExchangeRate.month).desc(), ExchangeRate.currency, ExchangeRate.to_currency
    )
    rates = session.exec(found.limit(MAX_LISTED)).all()
    lines = tuple(
        RateLine(r.month, r.currency, r.to_currency, plain_rate(r.rate), r.updated_at, r.updated_by)
        for r in rates
    )
    total = session.exec(counted).one() if len(rates) == MAX_LISTED else len(rates)
    return RateList(month, lines, total - len(rates))
