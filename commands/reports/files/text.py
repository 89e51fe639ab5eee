"""A report as plain text, for a terminal or a pipe: the title, the figures, then each table
with its header, rows and total, columns separated by two spaces (a pipe into `column -t -s`
lines them up)."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from commands.reports.files.layout import (
    Label,
    body,
    headers,
    notes,
    summary_header,
    summary_kinds,
    summary_row,
    title,
)
from commands.reports.model import COUNT, DAYS, MONEY, PERCENT, Cell, Report

SEPARATOR = "  "
TENTH, CENT = Decimal("0.1"), Decimal("0.01")


def report_text(report: Report, label: Label) -> str:
    return "\n".join(_lines(report, label)) + "\n"


def _lines(report: Report, label: Label):
    yield title(report, label)
    yield ""
    yield SEPARATOR.join(summary_header(label))
    for figure in report.figures:
        kinds = summary_kinds(figure)
        yield _line(summary_row(figure, label), kinds)
    for table in report.tables:
        yield ""
        yield f"## {label(f'report.table.{table.key}', {})}"
        yield SEPARATOR.join(headers(table, label))
        kinds = tuple(column.kind for column in table.columns)
        for _, row in body(table, label):
            yield _line(row, kinds)
    found = notes(report, label)
    if found:
        yield ""
        yield from (f"* {note}" for note in found)


def _line(cells: list[Cell], kinds: tuple[str, ...]) -> str:
    return SEPARATOR.join(cell_text(cell, kind) for cell, kind in zip(cells, kinds, strict=False))


def cell_text(cell: Cell, kind: str) -> str:
    """A cell as people read it: 25,100.00; 88.1%; 1,234; 12.5; 2026-11-30."""
    if cell is None:
        return "-"
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, str):
        return cell
    if kind == PERCENT:
        return f"{_rounded(Decimal(cell) * 100, TENTH)}%"
    if kind == MONEY:
        return f"{_rounded(Decimal(cell), CENT):,}"
    if kind == DAYS:
        return f"{_rounded(Decimal(cell), TENTH):,}"
    if kind == COUNT and isinstance(cell, Decimal) and cell != cell.to_integral_value():
        return f"{cell:,}"
    return f"{int(cell):,}"


def _rounded(value: Decimal, step: Decimal) -> Decimal:
    """Half up, as people round (88.05 % reads 88.1 %)."""
    return value.quantize(step, ROUND_HALF_UP)
