"""`salesdesk import`: run a CSV import and tell the operator, in their language, what it did."""

import sys
from decimal import Decimal
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from bot.i18n import money, number, t
from bot.import_progress import progress_bar
from bot.runtime import open_database
from bot.settings import Settings
from commands.leads import screen_waiting
from storage.imports import ImportFileError, ImportReport, Money, Rejection, import_csv

MAX_REJECTIONS_SHOWN = 200


def run_import(settings: Settings, kind: str, file: str) -> int:
    """0: every row imported; 1: some rows rejected, the others imported; 2: nothing imported."""
    locale = settings.locale
    db = open_database(settings)
    try:
        with progress_bar(locale) as progress:
            report = import_csv(db, kind, Path(file), settings.timezone, progress)
    except ImportFileError as error:
        return _fail(t(locale, error.key, **error.params))
    except SQLAlchemyError as error:
        return _fail(t(locale, "import.error.database", reason=_first_line(error)))
    finally:
        db.dispose()
    print("\n".join(report_lines(report, kind, file, locale)))
    if kind == "leads":
        print(screen_imported_leads(settings))
    return 1 if report.rejected else 0


def screen_imported_leads(settings: Settings) -> str:
    """Leads are written in bulk; their duplicate keys and checks follow in a second
    transaction (a lead waiting for them is picked up by the next import if this one fails)."""
    db = open_database(settings)
    try:
        with db.session() as session:
            screening = screen_waiting(session)
    finally:
        db.dispose()
    counts = {
        field: number(getattr(screening, field), settings.locale)
        for field in ("screened", "duplicates", "offered", "waiting")
    }
    return t(settings.locale, "lead.import.screened", **counts)


def report_lines(report: ImportReport, kind: str, file: str, locale: str) -> list[str]:
    """The summary, then each rejected line and each warning (the first 200 of each)."""
    counts = dict(
        kind=t(locale, f"import.kind.{kind}"),
        file=file,
        created=number(report.created, locale),
        updated=number(report.updated, locale),
        unchanged=number(report.unchanged, locale),
        rejected=number(len(report.rejected), locale),
    )
    if report.warnings:
        summary = t(locale, "import.summary_warned", warned=number(len(report.warnings), locale))
        lines = [t(locale, "import.summary", **counts) + summary]
    else:
        lines = [t(locale, "import.summary", **counts)]
    lines += _row_lines(report.rejected, "import.rejected_line", "import.more_rejected", locale)
    lines += _row_lines(report.warnings, "import.warning_line", "import.more_warnings", locale)
    if report.rejected:
        imported = report.created + report.updated + report.unchanged
        lines.append(t(locale, "import.fix_and_retry" if imported else "import.none_imported"))
    return lines


def _row_lines(rows: list[Rejection], line_key: str, more_key: str, locale: str) -> list[str]:
    lines = [
        t(locale, line_key, line=row.line, reason=t(locale, row.reason, **_shown(row, locale)))
        for row in rows[:MAX_REJECTIONS_SHOWN]
    ]
    hidden = len(rows) - MAX_REJECTIONS_SHOWN
    if hidden > 0:
        lines.append(t(locale, more_key, count=number(hidden, locale)))
    return lines


def _shown(row: Rejection, locale: str) -> dict[str, object]:
    """A row's message parameters as the operator reads them: amounts grouped, with their
    currency, and the default language (the organisation's, which the operator reads too)."""
    params = {}
    for name, value in row.params.items():
        if isinstance(value, Money):
            value = money(value.amount, value.currency, locale)
        elif isinstance(value, Decimal):
            value = number(value, locale)
        params[name] = value
    if row.reason == "import.warning.unspoken_locale":
        params["default"] = t(locale, f"import.language.{locale}")
    return params


def _fail(message: str) -> int:
    print(f"salesdesk: {message}", file=sys.stderr)
    return 2


def _first_line(error: SQLAlchemyError) -> str:
    return str(getattr(error, "orig", None) or error).splitlines()[0]
