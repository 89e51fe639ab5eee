"""Aging of receivables: which bucket an open invoice falls in, and what is open per currency.

Pure functions, no database. Buckets come from the team's `aging_buckets` setting: limits
(30, 60, 90) make "not yet due", 1-30, 31-60, 61-90 and over 90 days overdue. An invoice due
today is not overdue yet: its customer may still pay on the day. Amounts in different
currencies are never added together.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple

NOT_DUE = "not_due"


@dataclass(frozen=True)
class Bucket:
    """Days overdue from `low` to `high` (both included); `high` None: open-ended. The bucket
    of invoices not yet due has low and high None."""

    low: int | None
    high: int | None

    @property
    def key(self) -> str:
        if self.low is None:
            return NOT_DUE
        return f"{self.low}-{self.high}" if self.high is not None else f"{self.low - 1}+"

    @property
    def is_overdue(self) -> bool:
        return self.low is not None


class OpenItem(NamedTuple):
    """What is open on some invoices of one currency and due date (`invoices` of them)."""

    currency: str
    amount: Decimal
    due_on: date
    invoices: int = 1


@dataclass(frozen=True)
class CurrencyAging:
    currency: str
    by_bucket: tuple[tuple[Bucket, Decimal], ...]  # every bucket, in order, zero included
    count: int

    @property
    def total(self) -> Decimal:
        return sum((amount for _, amount in self.by_bucket), Decimal("0"))

    @property
    def overdue(self) -> Decimal:
        return sum((amount for b, amount in self.by_bucket if b.is_overdue), Decimal("0"))


def buckets(limits: Iterable[int]) -> tuple[Bucket, ...]:
    """(30, 60, 90) → not yet due, 1-30, 31-60, 61-90, over 90."""
    found = [Bucket(None, None)]
    low = 1
    for limit in limits:
        found.append(Bucket(low, limit))
        low = limit + 1
    found.append(Bucket(low, None))
    return tuple(found)


def days_overdue(due_on: date, today: date) -> int:
    """Days past the due date; 0 on the day it falls due, negative before."""
    return (today - due_on).days


def bucket_of(due_on: date, today: date, limits: Iterable[int]) -> Bucket:
    days = days_overdue(due_on, today)
    for bucket in buckets(limits):
        if bucket.low is None:
            if days <= 0:
                return bucket
        elif bucket.high is None or days <= bucket.high:
            return bucket
    raise AssertionError("the last bucket is open-ended")


def aging_by_currency(
    open_items: Iterable[OpenItem], today: date, limits: Iterable[int]
) -> list[CurrencyAging]:
    """What is open per currency and bucket, currencies in alphabetical order. Items with
    nothing open are left out."""
    limits = tuple(limits)
    all_buckets = buckets(limits)
    sums: dict[str, dict[Bucket, Decimal]] = {}
    counts: dict[str, int] = {}
    for currency, amount, due_on, invoices in open_items:
        if amount <= 0:
            continue
        per_bucket = sums.setdefault(currency, dict.fromkeys(all_buckets, Decimal("0")))
        per_bucket[bucket_of(due_on, today, limits)] += amount
        counts[currency] = counts.get(currency, 0) + invoices
    return [
        CurrencyAging(currency, tuple(sums[currency].items()), counts[currency])
        for currency in sorted(sums)
    ]
