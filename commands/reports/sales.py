"""The sales report: amount and orders by rep, customer, product and region for a period,
against the period before and the same period a year before."""

from sqlmodel import Session

from commands.reports.model import Report, ReportPeriod
from commands.reports.scope import ReportScope


def sales_report(session: Session, scope: ReportScope, period: ReportPeriod) -> Report:
    return Report("sales", period, scope.label)
