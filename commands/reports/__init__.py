"""Reports by kind: each kind is a builder reading the period's figures for a scope into a
Report (commands.reports.model) that views and file writers render.

    report = build_report(session, "sales", scope, ReportPeriod.of("2026-11"))
"""

from collections.abc import Callable

from sqlmodel import Session

from commands.errors import InvalidInput
from commands.reports.activity import activity_report
from commands.reports.collections import collections_report
from commands.reports.model import Report, ReportPeriod
from commands.reports.orders import orders_report
from commands.reports.pipeline import pipeline_report
from commands.reports.sales import sales_report
from commands.reports.scope import ReportScope

Builder = Callable[[Session, ReportScope, ReportPeriod], Report]

KINDS: dict[str, Builder] = {
    "sales": sales_report,
    "collections": collections_report,
    "orders": orders_report,
    "pipeline": pipeline_report,
    "activity": activity_report,
}


def build_report(session: Session, kind: str, scope: ReportScope, period: ReportPeriod) -> Report:
    """The report of `kind`; InvalidInput naming the kinds there are for any other word."""
    builder = KINDS.get(kind)
    if builder is None:
        raise InvalidInput("report.error.unknown_kind", kind=kind[:40], kinds=", ".join(KINDS))
    return builder(session, scope, period)
