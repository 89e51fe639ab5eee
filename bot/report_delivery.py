"""A report's files, named for what they hold, and their upload to a channel or DM with
files_upload_v2. Used by `/report` and by the scheduled packs."""

import io
from dataclasses import dataclass

from slack_sdk import WebClient

from bot.views.reports import report_label
from commands.reports.files import csv as csv_file
from commands.reports.files import xlsx as xlsx_file
from commands.reports.files.chart import chart_png
from commands.reports.model import Report

MAX_CHARTS = 4  # the first tables' charts: a pack of a dozen images is read by no one


@dataclass(frozen=True)
class ReportFile:
    name: str
    content: bytes


def file_stem(report: Report) -> str:
    scope = "".join(ch if ch.isalnum() else "-" for ch in report.scope).strip("-")
    return "-".join(
        part for part in ("report", report.kind, scope or "company", report.period.key) if part
    )


def report_files(report: Report, locale: str) -> list[ReportFile]:
    """The XLSX, the CSV and a PNG per chart (of the first MAX_CHARTS tables drawn). The report's
    table rows must be lists: every file reads them."""
    label = report_label(locale)
    stem = file_stem(report)
    files = [*_sheet_files(report, label, stem)]
    charted = [table for table in report.tables if table.chart is not None][:MAX_CHARTS]
    for table in charted:
        files.append(ReportFile(f"{stem}-{table.key}.png", chart_png(table, label)))
    return files


def _sheet_files(report: Report, label, stem: str) -> list[ReportFile]:
    workbook = io.BytesIO()
    xlsx_file.write_xlsx(report, label, workbook)
    return [
        ReportFile(f"{stem}.xlsx", workbook.getvalue()),
        ReportFile(f"{stem}.csv", csv_file.csv_bytes(report, label)),
    ]


def upload_files(client: WebClient, channel: str, comment: str, files: list[ReportFile]) -> None:
    if not files:
        return
    client.files_upload_v2(
        channel=channel,
        initial_comment=comment,
        file_uploads=[{"file": f.content, "filename": f.name, "title": f.name} for f in files],
    )
