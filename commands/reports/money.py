"""Money in a report: sums read per (currency, month) and converted into the scope's
reporting currency at each month's rate, the way targets and the pipeline convert
(commands.pipeline.money.Converter); a missing rate leaves its amounts out and is named.

Rows are grouped by month with a CASE over the months' bounds, portable between SQLite and
PostgreSQL; a week that spans two months has two."""

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import case, literal
from sqlmodel import Session, col, select

from commands.pipeline.money import Converter, Rates
from commands.reports.model import ReportPeriod
from commands.targets.actuals import MissingRate
from storage.models import ExchangeRate
from storage.targets import plain_rate


def months_of(period: ReportPeriod) -> list[tuple[str, date]]:
    """Each month the period touches: its key and the first day after it (or after the
    period, for the last)."""
    months, day = [], period.start
    while day <= period.end:
        following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
        months.append((f"{day.year}-{day.month:02d}", min(following, period.end + timedelta(1))))
        day = following
    return months


def month_case(column: Any, period: ReportPeriod) -> Any:
    """The month key ("2026-11") of a date column's rows within the period."""
    months = months_of(period)
    if len(months) == 1:
        return literal(months[0][0])
    bounds = [(column < after, literal(key)) for key, after in months[:-1]]
    return case(*bounds, else_=literal(months[-1][0]))


class MonthlyConverter:
    """Converts amounts of any month of the period into one currency, noting missing rates.
    Every rate into that currency for the period's months is read at once: one query, and
    no scan of the amounts to learn their currencies first."""

    def __init__(self, session: Session, period: ReportPeriod, to: str):
        months = [month for month, _ in months_of(period)]
        found = session.exec(
            select(ExchangeRate).where(
                col(ExchangeRate.month).in_(months), col(ExchangeRate.to_currency) == to
            )
        )
        rates: dict[str, Rates] = {month: {} for month in months}
        for rate in found:
            rates[rate.month][(rate.currency, rate.to_currency)] = rate.rate
        self.currency = to
        self._converters = {month: Converter(rates[month], month, to) for month in months}
        self.used: dict[tuple[str, str], Decimal] = {}  # (month, currency) → rate

    def __call__(self, amount: Decimal, currency: str, month: str) -> Decimal:
        converter = self._converters[month]
        rate = converter.rates.get((currency, self.currency))
        if rate is not None and amount:
            self.used[(month, currency)] = rate
        return converter(Decimal(amount), currency)

    def missing(self) -> tuple[MissingRate, ...]:
        found = {rate for converter in self._converters.values() for rate in converter.missing}
        return tuple(sorted(found, key=lambda rate: (rate.month, rate.currency)))


def rate_notes(converters: Iterable[MonthlyConverter]) -> list[tuple[str, dict]]:
    """The rates a report's money was converted at, then each one it needed and nobody gave,
    each named once: amounts in several currencies are never summed without a stated rate."""
    converters = list(converters)
    used = {(m, c, k.currency): r for k in converters for (m, c), r in k.used.items()}
    missing = {rate for k in converters for rate in k.missing()}
    return [
        (
            "report.note.rate_used",
            {"month": m, "currency": c, "to": to, "rate": str(plain_rate(rate))},
        )
        for (m, c, to), rate in sorted(used.items())
    ] + [
        (
            "report.note.missing_rate",
            {"month": r.month, "currency": r.currency, "to": r.to_currency},
        )
        for r in sorted(missing, key=lambda rate: (rate.month, rate.currency))
    ]
