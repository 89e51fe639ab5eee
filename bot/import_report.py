"""`salesdesk import`: run a CSV import and tell the operator, in their language, what it did."""

import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from bot.i18n import number, t
from bot.runtime import open_database
from bot.settings import Settings
from storage.imports import ImportFileError, ImportReport, import_csv

MAX_REJECTIONS_SHOWN = 200


def run_import(settings: Settings, kind: str, file: str) -> int:
    """0: every row imported; 1: some rows rejected, the others imported; 2: nothing imported."""
    locale = settings.locale
    db = open_database(settings)
    try:
        report = import_csv(db, kind, Path(file))
    except ImportFileError as error:
        return _fail(t(locale, error.key, **error.params))
    except SQLAlchemyError as error:
        return _fail(t(locale, "import.error.database", reason=_first_line(error)))
    finally:
        db.dispose()
    print("\n".join(report_lines(report, kind, file, locale)))
    return 1 if report.rejected else 0


def report_lines(report: ImportReport, kind: str, file: str, locale: str) -> list[str]:
    lines = [
        t(
            locale,
            "import.summary",
            kind=t(locale, f"import.kind.{kind}"),
            file=file,
            created=number(report.created, locale),
            updated=number(report.updated, locale),
            unchanged=number(report.unchanged, locale),
            rejected=number(len(report.rejected), locale),
        )
    ]
    for rejection in report.rejected[:MAX_REJECTIONS_SHOWN]:
        reason = t(locale, rejection.reason, **rejection.params)
        lines.append(t(locale, "import.rejected_line", line=rejection.line, reason=reason))
    hidden = len(report.rejected) - MAX_REJECTIONS_SHOWN
    if hidden > 0:
        lines.append(t(locale, "import.more_rejected", count=number(hidden, locale)))
    if report.rejected:
        imported = report.created + report.updated + report.unchanged
        lines.append(t(locale, "import.fix_and_retry" if imported else "import.none_imported"))
    return lines


def _fail(message: str) -> int:
    print(f"salesdesk: {message}", file=sys.stderr)
    return 2


def _first_line(error: SQLAlchemyError) -> str:
    return str(getattr(error, "orig", None) or error).splitlines()[0]
