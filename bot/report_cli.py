"""`salesdesk report KIND --period 2026-11 [--team T] --format xlsx|csv|png|txt -o FILE`: a
report for the desk's own Excel work, the company's or one team's, with a progress bar on the
operator's terminal while it reads and writes (none when stdout is a file or a pipe).

`-o -` writes a txt or csv report to stdout. The format is taken from the file's ending when
--format is not given. A PNG is the chart of the report's first table that has one."""

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from bot.i18n import t
from bot.import_progress import progress_bar
from bot.runtime import open_database
from bot.settings import Settings
from bot.views.errors import error_text
from commands.errors import DomainError, InvalidInput
from commands.people import Reader
from commands.reports import build_report
from commands.reports.files.csv import write_csv
from commands.reports.files.text import report_text
from commands.reports.files.xlsx import write_xlsx
from commands.reports.model import Cell, Report, ReportPeriod
from commands.reports.scope import operator_scope
from storage.imports import Progress

FORMATS = ("xlsx", "csv", "png", "txt")
STDOUT = "-"
ADVANCE_EVERY = 1000  # rows between two steps of the bar


def run_report(
    settings: Settings, kind: str, period: str, team: str | None, format_: str | None, out: str
) -> int:
    locale = settings.locale

    def label(key: str, params: dict) -> str:
        return t(locale, key, **params)

    try:
        chosen = _format(format_, out)
        report_period = _period(period)
        written = _write(settings, kind.strip().lower(), report_period, team, chosen, out, label)
    except DomainError as error:
        reader = Reader(locale, settings.timezone)
        print(f"salesdesk: {error_text(error, reader)}", file=sys.stderr)
        return 1
    except OSError as error:
        reason = error.strerror or str(error)
        print(
            f"salesdesk: {label('report.cli.cannot_write', {'path': out, 'reason': reason})}",
            file=sys.stderr,
        )
        return 1
    if out != STDOUT:
        print(written)
    return 0


def _format(format_: str | None, out: str) -> str:
    chosen = (format_ or Path(out).suffix.lstrip(".") or "").strip().lower()
    if chosen not in FORMATS:
        raise InvalidInput("report.cli.bad_format", format=chosen or "?")
    if out == STDOUT and chosen not in ("txt", "csv"):
        raise InvalidInput("report.cli.bad_format", format=chosen)
    return chosen


def _period(text: str) -> ReportPeriod:
    try:
        return ReportPeriod.of(text)
    except ValueError:
        raise InvalidInput("report.cli.bad_period", period=text[:40]) from None


def _write(
    settings: Settings,
    kind: str,
    period: ReportPeriod,
    team: str | None,
    chosen: str,
    out: str,
    label: Callable[[str, dict], str],
) -> str:
    """Reads the report and writes it out while the session is open (a table's rows may be
    read as they are written); the line that says what was written."""
    db = open_database(settings)
    try:
        with db.session() as session, progress_bar(settings.locale) as bar:
            bar.stage("report_reading", None)
            scope = operator_scope(session, team, settings.timezone)
            report = build_report(session, kind, scope, period)
            bar.stage("report_writing", None)
            counted = _counting(report, bar)
            _save(report, chosen, out, label)
    finally:
        db.dispose()
    scope_name = report.scope or label("report.scope.company", {})
    params = {
        "kind": label(f"report.kind.{report.kind}", {}),
        "period": period.key,
        "scope": scope_name,
        "path": out,
        "tables": len(report.tables),
        "rows": counted(),
    }
    return label("report.cli.written", params)


def _save(report: Report, chosen: str, out: str, label: Callable[[str, dict], str]) -> None:
    """Writes beside the file and puts it in place once whole: a report that fails half way
    leaves no half file, nor spoils the one there was."""
    if out == STDOUT:
        _to(sys.stdout.buffer, report, chosen, label)
        sys.stdout.flush()
        return
    partial = Path(out).with_name(Path(out).name + ".part")
    try:
        with open(partial, "wb") as file:
            _to(file, report, chosen, label)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)


def _to(file: BinaryIO, report: Report, chosen: str, label: Callable[[str, dict], str]) -> None:
    if chosen == "xlsx":
        write_xlsx(report, label, file)
    elif chosen == "csv":
        write_csv(report, label, file)
    elif chosen == "txt":
        file.write(report_text(report, label).encode("utf-8"))
    else:
        file.write(_png(report, label))


def _png(report: Report, label: Callable[[str, dict], str]) -> bytes:
    from commands.reports.files.chart import chart_png

    drawn = next((table for table in report.tables if table.chart is not None), None)
    if drawn is None:
        kind = label(f"report.kind.{report.kind}", {})
        raise InvalidInput("report.cli.no_chart", kind=kind)
    drawn.rows = list(drawn.rows)
    return chart_png(drawn, label)


def _counting(report: Report, bar: Progress) -> Callable[[], int]:
    """Wraps each table's rows so the bar moves as they are written; the count once done."""
    written = [0]

    def counted(rows: Iterable[list[Cell]]) -> Iterator[list[Cell]]:
        for row in rows:
            written[0] += 1
            if written[0] % ADVANCE_EVERY == 0:
                bar.advance(ADVANCE_EVERY)
            yield row

    for table in report.tables:
        table.rows = counted(table.rows)
    return lambda: written[0]
