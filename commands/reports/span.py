"""The moments and months a report period covers on a clock: a period's days run from its
first midnight to the midnight after its last day, on the team's (or the person's) clock."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from commands.reports.model import ReportPeriod
from commands.reports.scope import REP, TEAM, ReportScope
from storage.models import Member


def moments(period: ReportPeriod, timezone: str) -> tuple[datetime, datetime]:
    """The first moment of the period and the first moment after it, as aware datetimes."""
    zone = ZoneInfo(timezone)
    start = datetime.combine(period.start, time(), zone)
    end = datetime.combine(period.end + timedelta(days=1), time(), zone)
    return start, end


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_keys(period: ReportPeriod) -> list[str]:
    """Every month the period touches, in order ("2026-10", "2026-11", …)."""
    keys: list[str] = []
    day = period.start.replace(day=1)
    while day <= period.end:
        keys.append(month_key(day))
        day = (day + timedelta(days=32)).replace(day=1)
    return keys


def months_back(last: date, count: int) -> list[date]:
    """The last days of `count` months ending with the month of `last` (that day itself for
    it), oldest first: the points of a month-by-month trend."""
    ends = [last]
    first = last.replace(day=1)
    while len(ends) < count:
        ends.append(first - timedelta(days=1))
        first = ends[-1].replace(day=1)
    return list(reversed(ends))


def scope_member_ids(session: Session, scope: ReportScope) -> list[int]:
    """Everyone whose work the scope covers: the rep, the teams' members, or everyone."""
    if scope.kind == REP:
        return list(scope.member_ids)
    query = select(Member.id)
    if scope.kind == TEAM:
        query = query.where(col(Member.team_id).in_(scope.team_ids))
    return [member_id for member_id in session.exec(query) if member_id is not None]
