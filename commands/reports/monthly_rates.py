"""Amounts of several currencies as one figure in the reporting currency, each at its own
month's rate (the rates an admin keeps with `/desk rate`), through the pipeline's Converter.
Unlike the sales kind's converter (commands.reports.money), any month may be asked for: the
collections kind converts what was overdue months before its period. A missing rate is never
guessed: the amount is left out and the rate named; each rate used is stated."""

from collections.abc import Iterable
from decimal import Decimal

from sqlmodel import Session

from commands.pipeline.money import Converter, rates_for
from commands.targets.actuals import MissingRate
from storage.targets import plain_rate


class MonthlyConverter:
    """Converts (amount, currency, month) into `to_currency`, reading each month's rates once."""

    def __init__(self, session: Session, to_currency: str, currencies: Iterable[str]):
        self.session, self.to_currency = session, to_currency
        self.currencies = set(currencies) | {to_currency}
        self.by_month: dict[str, Converter] = {}
        self.used: dict[tuple[str, str], Decimal] = {}  # (month, currency) → rate

    def __call__(self, amount: Decimal, currency: str, month: str) -> Decimal:
        if currency == self.to_currency:
            return amount
        converter = self.by_month.get(month)
        if converter is None:
            rates = rates_for(self.session, month, self.currencies)
            converter = self.by_month[month] = Converter(rates, month, self.to_currency)
        rate = converter.rates.get((currency, self.to_currency))
        if rate is not None and amount:
            self.used[(month, currency)] = rate
        return converter(Decimal(amount), currency)

    def missing(self) -> tuple[MissingRate, ...]:
        found = {rate for converter in self.by_month.values() for rate in converter.missing}
        return tuple(sorted(found, key=lambda rate: (rate.month, rate.currency)))

    def notes(self) -> list[tuple[str, dict]]:
        """The rates used, then each one needed and not there (the sales kind's notes)."""
        to = self.to_currency
        used = [
            (
                "report.note.rate_used",
                {"month": m, "currency": c, "to": to, "rate": str(plain_rate(r))},
            )
            for (m, c), r in sorted(self.used.items())
        ]
        missing = [
            ("report.note.missing_rate", {"month": r.month, "currency": r.currency, "to": to})
            for r in self.missing()
        ]
        return used + missing
