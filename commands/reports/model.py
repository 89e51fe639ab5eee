"""What a report is, whatever its kind and wherever it goes (Slack, XLSX, CSV, a chart):
headline figures, then tables of typed cells. Writers and views read only this.

A table's rows may be a generator: a writer streams them (an XLSX of a million lines is
written row by row, never held whole). Money is Decimal with its currency beside it, never
summed across currencies; a figure that needs a rate nobody gave is named in `notes`.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from commands.targets.periods import MONTH, QUARTER, YEAR, Period

# How a cell is shown and written: a number format in Excel, a format in Slack. A LABEL cell
# holds a catalog key (an order status, a change kind): shown in the reader's words.
TEXT, MONEY, COUNT, PERCENT, DAYS, DATE = "text", "money", "count", "percent", "days", "date"
LABEL = "label"
CELL_KINDS = (TEXT, MONEY, COUNT, PERCENT, DAYS, DATE, LABEL)
WEEK = "week"
Cell = str | int | Decimal | date | None


@dataclass(frozen=True)
class ReportPeriod:
    """The days a report covers (both ends included) and how it is named: "2026-11",
    "2026-Q4", "2026", or an ISO week "2026-W48"."""

    key: str
    kind: str
    start: date
    end: date

    @classmethod
    def of(cls, key: str) -> "ReportPeriod":
        """ValueError for a key that names no period."""
        key = key.strip().upper()
        if "-W" in key:
            year, week = key.split("-W")
            start = date.fromisocalendar(int(year), int(week), 1)
            return cls(f"{int(year)}-W{int(week):02d}", WEEK, start, start + timedelta(days=6))
        period = Period.of(key)
        return cls(period.key, period.kind, period.start, period.end)

    @classmethod
    def containing(cls, day: date, kind: str) -> "ReportPeriod":
        if kind == WEEK:
            year, week, _ = day.isocalendar()
            return cls.of(f"{year}-W{week:02d}")
        period = Period.containing(day, kind)
        return cls(period.key, period.kind, period.start, period.end)

    def previous(self) -> "ReportPeriod":
        """The period just before, of the same kind."""
        return self.containing(self.start - timedelta(days=1), self.kind)

    def same_last_year(self) -> "ReportPeriod":
        if self.kind == WEEK:
            year, week, _ = self.start.isocalendar()
            return self.of(f"{year - 1}-W{min(week, 52):02d}")
        period = Period.of(self.key).same_last_year()
        return ReportPeriod(period.key, period.kind, period.start, period.end)


PERIOD_KINDS = (WEEK, MONTH, QUARTER, YEAR)


@dataclass(frozen=True)
class Column:
    """A column: its header is the catalog key `report.column.<key>`; its cells are `kind`."""

    key: str
    kind: str = TEXT


@dataclass(frozen=True)
class Chart:
    """How a table is drawn: bars, a line or a pie of `values` (column keys) by `category`
    (a column key); at most `limit` rows (the first ones: tables are sorted for it)."""

    kind: str  # "bar", "line" or "pie"
    category: str
    values: tuple[str, ...]
    limit: int = 15


@dataclass
class Table:
    """A titled table (`report.table.<key>`): columns, rows of cells in their order, the
    currency of its money cells, an optional total row and chart."""

    key: str
    columns: list[Column]
    rows: Iterable[list[Cell]]
    currency: str | None = None
    total: list[Cell] | None = None
    chart: Chart | None = None
    # Shown in Slack's summary: the first rows only (the files have them all).
    summary_rows: int = 5


@dataclass(frozen=True)
class Figure:
    """A headline figure (`report.figure.<key>`) with the same figure for the period before
    and a year before, when the report compares them."""

    key: str
    kind: str
    value: Cell
    previous: Cell = None
    last_year: Cell = None
    currency: str | None = None


@dataclass
class Report:
    """One report of one kind, for a period and a scope (a rep, a team, the company)."""

    kind: str  # "sales", "collections", "orders", "activity", "pipeline"
    period: ReportPeriod
    scope: str  # what it covers, as people name it: "East 华东", "Wang Fang", the company
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    # Catalog keys with their parameters: a missing rate, a team with no sales…
    notes: list[tuple[str, dict]] = field(default_factory=list)
