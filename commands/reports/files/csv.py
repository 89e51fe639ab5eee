"""A report as one CSV file, UTF-8 with a byte order mark (so Excel on a Chinese Windows opens
it as UTF-8): the title, the summary (figure, value, before, change…), then each table under
its title with its header, rows and total, a blank line between sections. One file keeps a
report whole whichever way it travels; each table is found by its title line.

Numbers are written plainly (25100.00, percentages as 88.05%) so Excel reads them as numbers.
Any text that begins with = + - @, a tab or a carriage return is prefixed with ' (OWASP's
rule for CSV injection): a customer named =HYPERLINK(…) stays text."""

import csv
import io
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import BinaryIO

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
from commands.reports.model import PERCENT, Cell, Report

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def write_csv(report: Report, label: Label, out: BinaryIO) -> None:
    """Streams the report into `out`, a table's rows as they come."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    text.write(BOM)
    writer = csv.writer(text)
    for row in _rows(report, label):
        writer.writerow(row)
    text.flush()
    text.detach()


def csv_bytes(report: Report, label: Label) -> bytes:
    out = io.BytesIO()
    write_csv(report, label, out)
    return out.getvalue()


def _rows(report: Report, label: Label) -> Iterator[list[str]]:
    yield [safe(title(report, label))]
    yield []
    yield [safe(name) for name in summary_header(label)]
    for figure in report.figures:
        kinds = summary_kinds(figure)
        yield [
            cell_csv(cell, kind)
            for cell, kind in zip(summary_row(figure, label), kinds, strict=True)
        ]
    for table in report.tables:
        yield []
        yield [safe(label(f"report.table.{table.key}", {}))]
        yield [safe(name) for name in headers(table, label)]
        kinds = tuple(column.kind for column in table.columns)
        for _, row in body(table, label):
            yield [cell_csv(cell, kind) for cell, kind in zip(row, kinds, strict=False)]
    found = notes(report, label)
    if found:
        yield []
        yield from ([safe(note)] for note in found)


def cell_csv(cell: Cell, kind: str) -> str:
    if cell is None:
        return ""
    if isinstance(cell, str):
        return safe(cell)
    if isinstance(cell, date):
        return cell.isoformat()
    if kind == PERCENT:
        return f"{(Decimal(cell) * 100).normalize():f}%"
    return f"{cell:f}" if isinstance(cell, Decimal) else str(cell)


def safe(text: str) -> str:
    """Text Excel will not run as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
