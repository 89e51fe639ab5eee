"""The periods targets are set for: a year ("2026"), a quarter ("2026-Q4") or a month
("2026-11"); each knows its days, its children and its parent, and how people name it."""

import calendar
import re
from dataclasses import dataclass
from datetime import date

YEAR, QUARTER, MONTH = "year", "quarter", "month"
KINDS = (YEAR, QUARTER, MONTH)
_KEY = re.compile(r"^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$")


@dataclass(frozen=True, order=True)
class Period:
    year: int
    kind: str = YEAR
    number: int = 0  # the quarter (1-4) or month (1-12); 0 for a year

    @classmethod
    def of(cls, key: str) -> "Period":
        """The period a key names ("2026", "2026-Q4", "2026-11"); ValueError for any other."""
        match = _KEY.match(key.strip().upper())
        if match is None:
            raise ValueError(f"not a period: {key!r}")
        year, quarter, month = match.groups()
        if quarter:
            return cls(int(year), QUARTER, int(quarter))
        if month:
            return cls(int(year), MONTH, int(month))
        return cls(int(year))

    @classmethod
    def containing(cls, day: date, kind: str = MONTH) -> "Period":
        if kind == MONTH:
            return cls(day.year, MONTH, day.month)
        if kind == QUARTER:
            return cls(day.year, QUARTER, (day.month - 1) // 3 + 1)
        return cls(day.year)

    @property
    def key(self) -> str:
        if self.kind == QUARTER:
            return f"{self.year}-Q{self.number}"
        if self.kind == MONTH:
            return f"{self.year}-{self.number:02d}"
        return str(self.year)

    @property
    def first_month(self) -> int:
        return {YEAR: 1, QUARTER: 3 * self.number - 2, MONTH: self.number}[self.kind]

    @property
    def last_month(self) -> int:
        return {YEAR: 12, QUARTER: 3 * self.number, MONTH: self.number}[self.kind]

    @property
    def start(self) -> date:
        return date(self.year, self.first_month, 1)

    @property
    def end(self) -> date:
        """The period's last day (included)."""
        month = self.last_month
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def months(self) -> tuple["Period", ...]:
        return tuple(
            Period(self.year, MONTH, month)
            for month in range(self.first_month, self.last_month + 1)
        )

    def children(self) -> tuple["Period", ...]:
        """A year's quarters, a quarter's months; a month has none."""
        if self.kind == YEAR:
            return tuple(Period(self.year, QUARTER, quarter) for quarter in range(1, 5))
        if self.kind == QUARTER:
            return self.months()
        return ()

    @property
    def parent(self) -> "Period | None":
        if self.kind == MONTH:
            return Period.containing(self.start, QUARTER)
        if self.kind == QUARTER:
            return Period(self.year)
        return None

    def previous(self) -> "Period":
        """The period of the same kind just before this one."""
        if self.kind == YEAR:
            return Period(self.year - 1)
        size = 3 if self.kind == QUARTER else 1
        month = self.first_month - size
        year = self.year if month >= 1 else self.year - 1
        return Period.containing(date(year, (month - 1) % 12 + 1, 1), self.kind)

    def same_last_year(self) -> "Period":
        return Period(self.year - 1, self.kind, self.number)

    def __str__(self) -> str:
        return self.key
