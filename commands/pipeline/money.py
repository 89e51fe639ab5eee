"""Amounts in several currencies as one figure in a team's reporting currency, at the month's
rate the admin keeps (`/desk rate`), as the targets read them; a missing rate is never
guessed: the amount is left out and the rate named."""

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from sqlmodel import Session, col, select

from commands.targets.actuals import MissingRate
from storage.models import ExchangeRate

CENT = Decimal("0.01")
Rates = dict[tuple[str, str], Decimal]  # (currency, to_currency) → rate, for one month


def rates_for(session: Session, month: str, currencies: Iterable[str]) -> Rates:
    """Every rate of `month` between the currencies in play: one query."""
    wanted = set(currencies)
    if len(wanted) < 2:
        return {}
    found = session.exec(
        select(ExchangeRate).where(
            col(ExchangeRate.month) == month,
            col(ExchangeRate.currency).in_(wanted),
            col(ExchangeRate.to_currency).in_(wanted),
        )
    )
    return {(rate.currency, rate.to_currency): rate.rate for rate in found}


class Converter:
    """Adds amounts into one currency, noting each rate that was missing."""

    def __init__(self, rates: Rates, month: str, to_currency: str):
        self.rates, self.month, self.to_currency = rates, month, to_currency
        self.missing: set[MissingRate] = set()

    def __call__(self, amount: Decimal, currency: str) -> Decimal:
        if currency == self.to_currency or not amount:
            return amount
        rate = self.rates.get((currency, self.to_currency))
        if rate is None:
            self.missing.add(MissingRate(self.month, currency, self.to_currency))
            return Decimal(0)
        return (amount * rate).quantize(CENT, ROUND_HALF_UP)

    def named(self) -> tuple[MissingRate, ...]:
        return tuple(sorted(self.missing, key=lambda rate: (rate.currency, rate.to_currency)))
