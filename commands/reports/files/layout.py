"""What every report file shows, whatever its format: the title, the summary's rows (each
figure with the period before and a year before, and the change), a table's headers (a money
column names its currency) and its rows with the total last. Words come from the caller's
catalog through `label(key, params)`, so commands never import the bot."""

from collections.abc import Callable, Iterator
from decimal import Decimal

from commands.reports.model import LABEL, MONEY, PERCENT, Cell, Figure, Report, Table

Label = Callable[[str, dict], str]
SHARE = Decimal("0.0001")


def title(report: Report, label: Label) -> str:
    scope = report.scope or label("report.scope.company", {})
    kind = label(f"report.kind.{report.kind}", {})
    return label("report.title", {"kind": kind, "period": report.period.key, "scope": scope})


def summary_header(label: Label) -> list[str]:
    keys = ("figure", "value", "previous", "change_previous", "last_year", "change_last_year")
    return [label(f"report.summary.{key}", {}) for key in keys]


def summary_row(figure: Figure, label: Label) -> list[Cell]:
    """The figure's name (and currency), its value, the period before, the change against
    it (a fraction), a year before and the change against that."""
    name = label(f"report.figure.{figure.key}", {})
    if figure.currency:
        name = label("report.with_currency", {"name": name, "currency": figure.currency})
    return [
        name,
        figure.value,
        figure.previous,
        change(figure.value, figure.previous, figure.kind),
        figure.last_year,
        change(figure.value, figure.last_year, figure.kind),
    ]


def summary_kinds(figure: Figure) -> tuple[str, ...]:
    """The kind of each cell of a summary row."""
    return ("", figure.kind, figure.kind, PERCENT, figure.kind, PERCENT)


def change(now: Cell, before: Cell, kind: str) -> Decimal | None:
    """How much a figure moved, as a fraction; none for percentages (their difference is
    read as points) or without a figure to compare with."""
    if kind == PERCENT or not isinstance(now, int | Decimal) or not before:
        return None
    if not isinstance(before, int | Decimal):
        return None
    return ((Decimal(now) - Decimal(before)) / Decimal(before)).quantize(SHARE)


def headers(table: Table, label: Label) -> list[str]:
    names = []
    for column in table.columns:
        name = label(f"report.column.{column.key}", {})
        if column.kind == MONEY and table.currency:
            name = label("report.with_currency", {"name": name, "currency": table.currency})
        names.append(name)
    return names


def worded(table: Table, row: list[Cell], label: Label) -> list[Cell]:
    """The row with its LABEL cells (catalog keys) in the reader's words."""
    return [
        label(cell, {}) if column.kind == LABEL and isinstance(cell, str) else cell
        for column, cell in zip(table.columns, row, strict=False)
    ]


def body(table: Table, label: Label) -> Iterator[tuple[bool, list[Cell]]]:
    """(is the total, cells) for each row, streamed, then the total with its first empty cell
    saying so."""
    for row in table.rows:
        yield False, worded(table, row, label)
    if table.total is not None:
        total = list(table.total)
        if total and total[0] is None:
            total[0] = label("report.total", {})
        yield True, total


def notes(report: Report, label: Label) -> list[str]:
    return [label(key, params) for key, params in report.notes]
