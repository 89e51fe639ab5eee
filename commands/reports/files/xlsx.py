"""A report as an Excel workbook, written streaming (XlsxWriter's constant_memory: each row
goes to disk as it is written, so a table of a million rows is never held whole):

- a summary sheet: the title, each figure with the period before and a year before and the
  change against each, then the notes;
- a sheet per table: the header frozen, numbers as numbers in a format by cell kind (money
  #,##0.00, percent 0.0%, counts #,##0, days 0.0, dates yyyy-mm-dd), the total in bold, and
  a native Excel chart of the table's chart (its first rows) beside it.

Every text cell is written as a string, never a formula: a customer named =HYPERLINK(…)
stays text."""

from datetime import date
from decimal import Decimal
from typing import Any, BinaryIO

import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

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
from commands.reports.model import COUNT, DATE, DAYS, MONEY, PERCENT, Cell, Report, Table

NUMBER_FORMATS = {
    MONEY: "#,##0.00",
    PERCENT: "0.0%",
    COUNT: "#,##0",
    DAYS: "0.0",
    DATE: "yyyy-mm-dd",
}
FRACTION_FORMAT = "#,##0.000"  # a count that is not whole: a quantity of 2.5 kg
SHEET_NAME_LIMIT = 31
NOT_IN_SHEET_NAMES = str.maketrans({c: " " for c in "[]:*?/\\"})
COLUMN_WIDTH = 16


class Formats:
    """The workbook's cell formats, made once: by kind, bold for headers and totals."""

    def __init__(self, workbook: Workbook):
        self.header = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        self.title = workbook.add_format({"bold": True, "font_size": 14})
        self.plain = {
            kind: workbook.add_format({"num_format": number})
            for kind, number in {**NUMBER_FORMATS, "fraction": FRACTION_FORMAT}.items()
        }
        self.bold = {
            kind: workbook.add_format({"num_format": number, "bold": True})
            for kind, number in {**NUMBER_FORMATS, "fraction": FRACTION_FORMAT}.items()
        }
        self.text = workbook.add_format({})
        self.bold_text = workbook.add_format({"bold": True})


def write_xlsx(report: Report, label: Label, out: str | BinaryIO) -> None:
    """Writes the workbook to a path or a binary file."""
    workbook = xlsxwriter.Workbook(
        out, {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    formats = Formats(workbook)
    names: set[str] = set()
    _summary(
        workbook.add_worksheet(_sheet_name(label("report.summary.sheet", {}), names)),
        report,
        label,
        formats,
    )
    for table in report.tables:
        sheet = workbook.add_worksheet(_sheet_name(label(f"report.table.{table.key}", {}), names))
        _table(workbook, sheet, table, label, formats)
    workbook.close()


def _summary(sheet: Worksheet, report: Report, label: Label, formats: Formats) -> None:
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, 5, COLUMN_WIDTH)
    sheet.write_string(0, 0, title(report, label), formats.title)
    for column, name in enumerate(summary_header(label)):
        sheet.write_string(2, column, name, formats.header)
    sheet.freeze_panes(3, 0)
    row = 3
    for figure in report.figures:
        kinds = summary_kinds(figure)
        for column, (cell, kind) in enumerate(zip(summary_row(figure, label), kinds, strict=True)):
            _cell(sheet, row, column, cell, kind, formats, bold=False)
        row += 1
    for note in notes(report, label):
        row += 1
        sheet.write_string(row, 0, note)


def _table(
    workbook: Workbook, sheet: Worksheet, table: Table, label: Label, formats: Formats
) -> None:
    sheet.set_column(0, len(table.columns) - 1, COLUMN_WIDTH)
    for column, name in enumerate(headers(table, label)):
        sheet.write_string(0, column, name, formats.header)
    sheet.freeze_panes(1, 0)
    kinds = [column.kind for column in table.columns]
    rows = 0
    for is_total, cells in body(table, label):
        rows += 1
        for column, (cell, kind) in enumerate(zip(cells, kinds, strict=False)):
            _cell(sheet, rows, column, cell, kind, formats, bold=is_total)
    data_rows = rows - (1 if table.total is not None else 0)
    if table.chart is not None and data_rows:
        _chart(workbook, sheet, table, label, data_rows)


def _cell(
    sheet: Worksheet, row: int, column: int, cell: Cell, kind: str, formats: Formats, bold: bool
) -> None:
    chosen = formats.bold if bold else formats.plain
    if cell is None:
        return
    if isinstance(cell, str):
        sheet.write_string(row, column, cell, formats.bold_text if bold else formats.text)
    elif isinstance(cell, date):
        sheet.write_datetime(row, column, cell, chosen[DATE])
    else:
        whole = not isinstance(cell, Decimal) or cell == cell.to_integral_value()
        number_kind = "fraction" if kind == COUNT and not whole else kind
        sheet.write_number(row, column, float(cell), chosen.get(number_kind, formats.text))


def _chart(workbook: Workbook, sheet: Worksheet, table: Table, label: Label, rows: int) -> None:
    assert table.chart is not None
    keys = [column.key for column in table.columns]
    shown = min(rows, table.chart.limit)
    kind = {"bar": "column"}.get(table.chart.kind, table.chart.kind)
    chart: Any = workbook.add_chart({"type": kind})
    category = keys.index(table.chart.category)
    name = sheet.get_name()
    for value in table.chart.values:
        column = keys.index(value)
        chart.add_series(
            {
                "name": [name, 0, column],
                "categories": [name, 1, category, shown, category],
                "values": [name, 1, column, shown, column],
            }
        )
    chart.set_title({"name": label(f"report.table.{table.key}", {})})
    chart.set_size({"width": 720, "height": 400})
    sheet.insert_chart(1, len(keys) + 1, chart)


def _sheet_name(wanted: str, taken: set[str]) -> str:
    """A name Excel accepts (31 characters, none of []:*?/\\), unique in the workbook."""
    base = wanted.translate(NOT_IN_SHEET_NAMES).strip("' ")[:SHEET_NAME_LIMIT] or "Sheet"
    name, number = base, 2
    while name.casefold() in {n.casefold() for n in taken}:
        suffix = f" ({number})"
        name, number = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix, number + 1
    taken.add(name)
    return name
