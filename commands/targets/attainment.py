"""Attainment: actual against target, where pace says one should be today, the gap, and a
projection to the period's end, for a team and each of its reps.

- Pace: working days elapsed (from the period's start, or a rep's `joined_on` if later, to
  today, inclusive) over the working days from there to the period's end, on the team's
  calendar. A rep's target is not prorated for a late start: the manager sets it.
- Projection: actual plus the run rate (actual per working day elapsed) times the working days
  left; for shipped_amount, actual plus the confirmed orders promised to ship by the end.
- Attainment %: actual ÷ target × 100, to 0.1 %; no target, no percent (never 0 %).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from sqlmodel import Session, col, select

from commands.targets.actuals import (
    NOTHING,
    Actual,
    actuals_by_member,
    actuals_by_team,
    combine,
    due_to_ship_by_member,
)
from commands.targets.periods import Period
from commands.team_settings import TeamSettings
from commands.workdays import working_days
from storage.models import Member, Target, Team, stored_id
from storage.statuses import Metric, Role

CENT = Decimal("0.01")
TENTH = Decimal("0.1")
SHARE = Decimal("0.0001")


@dataclass(frozen=True)
class Attainment:
    metric: Metric
    period: Period
    member_id: int | None  # None: the team
    name: str
    target: Decimal | None
    actual: Actual
    percent: Decimal | None
    pace: Decimal  # expected share of the period by today, 0..1
    expected: Decimal | None
    gap: Decimal | None
    projection: Decimal
    projection_percent: Decimal | None

    @property
    def behind(self) -> bool:
        return self.gap is not None and self.gap < 0


@dataclass(frozen=True)
class Pace:
    """Where a holder stands in a period's working days today."""

    share: Decimal  # elapsed ÷ total, 0..1
    elapsed: int
    left: int


def team_attainments(
    session: Session,
    team: Team,
    metric: Metric,
    period: Period,
    today: date,
    settings: TeamSettings,
    actuals: dict[int, Actual] | None = None,
) -> tuple[Attainment, list[Attainment]]:
    """The team's attainment, then one per active rep of the team (and any other active member
    holding a target), by name. A constant number of queries; `actuals`, when already read
    (`attainments_of_teams`), saves the aggregate ones."""
    targets = targets_of(session, team, metric, period)
    members = _holders(session, team, targets)
    if actuals is None:
        actuals = actuals_by_member(session, team, metric, period, settings, through=today)
    due = _due(session, team, metric, period, today, settings)
    reps = [
        attainment_of(
            metric,
            period,
            today,
            settings,
            Holding(member.id, member.name, targets.get(member.id), member.joined_on),
            actuals.get(member.id, NOTHING),
            due.get(member.id, NOTHING),
        )
        for member in members
        if member.id is not None
    ]
    team_holding = Holding(None, team.name, targets.get(None), None)
    whole = attainment_of(
        metric,
        period,
        today,
        settings,
        team_holding,
        combine(actuals.values()),
        combine(due.values()),
    )
    return whole, reps


def attainments_of_teams(
    session: Session,
    teams: Sequence[tuple[Team, TeamSettings]],
    metric: Metric,
    period: Period,
    today: date,
) -> dict[int, tuple[Attainment, list[Attainment]]]:
    """team id -> `team_attainments`, for many teams: the figures are read for all of them at
    once (`actuals_by_team`), then two small queries per team (its targets and its people)."""
    read = actuals_by_team(session, teams, metric, period, through=today)
    return {
        stored_id(team): team_attainments(
            session, team, metric, period, today, settings, read.get(stored_id(team), {})
        )
        for team, settings in teams
    }


@dataclass(frozen=True)
class Holding:
    """Who holds a target (member None: the team), and since when they are paced."""

    member_id: int | None
    name: str
    target: Decimal | None
    joined_on: date | None


def attainment_of(
    metric: Metric,
    period: Period,
    today: date,
    settings: TeamSettings,
    holding: Holding,
    actual: Actual,
    due_to_ship: Actual = NOTHING,
) -> Attainment:
    """One holder's attainment from figures already read."""
    pace = pace_of(period, today, holding.joined_on, settings.chinese_calendar)
    target = holding.target
    expected = _money(target * pace.share) if target is not None else None
    projection = _projection(metric, actual.value, pace, due_to_ship.value)
    return Attainment(
        metric=metric,
        period=period,
        member_id=holding.member_id,
        name=holding.name,
        target=target,
        actual=actual,
        percent=percent_of(actual.value, target),
        pace=pace.share,
        expected=expected,
        gap=None if expected is None else actual.value - expected,
        projection=projection,
        projection_percent=percent_of(projection, target),
    )


def pace_of(period: Period, today: date, joined_on: date | None, chinese: bool) -> Pace:
    """The share of the period's working days (from joining, if later) elapsed by today."""
    first = max(period.start, joined_on) if joined_on else period.start
    total = _working_days(first, period.end, chinese)
    elapsed = _working_days(first, min(today, period.end), chinese)
    if total == 0:
        return Pace(Decimal(1 if today >= period.end else 0), 0, 0)
    share = (Decimal(elapsed) / Decimal(total)).quantize(SHARE, ROUND_HALF_UP)
    return Pace(share, elapsed, total - elapsed)


def percent_of(value: Decimal, target: Decimal | None) -> Decimal | None:
    if not target:
        return None
    return (value * 100 / target).quantize(TENTH, ROUND_HALF_UP)


def targets_of(
    session: Session, team: Team, metric: Metric, period: Period
) -> dict[int | None, Decimal]:
    """member id (None: the team's own) -> target, for one metric and period: one query."""
    rows = session.exec(
        select(col(Target.member_id), col(Target.amount)).where(
            col(Target.team_id) == team.id,
            col(Target.metric) == metric,
            col(Target.period) == period.key,
        )
    )
    return {member_id: amount for member_id, amount in rows}


def _holders(session: Session, team: Team, targets: dict[int | None, Decimal]) -> list[Member]:
    """The team's active reps, and any other active member of it holding a target."""
    members = session.exec(
        select(Member)
        .where(col(Member.team_id) == team.id, col(Member.active))
        .order_by(col(Member.name), col(Member.id))
    ).all()
    return [member for member in members if member.role == Role.rep or member.id in targets]


def _due(
    session: Session,
    team: Team,
    metric: Metric,
    period: Period,
    today: date,
    settings: TeamSettings,
) -> dict[int, Actual]:
    """Confirmed orders due to ship by the end, for a shipped_amount period not over yet."""
    if metric != Metric.shipped_amount or today > period.end:
        return {}
    return due_to_ship_by_member(session, team, period, today, settings)


def _projection(metric: Metric, actual: Decimal, pace: Pace, due_to_ship: Decimal) -> Decimal:
    if metric == Metric.shipped_amount:
        return actual + due_to_ship
    if pace.elapsed == 0:
        return actual
    return _money(actual + actual / pace.elapsed * pace.left)


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, ROUND_HALF_UP)


@lru_cache(maxsize=4096)
def _working_days(first: date, last: date, chinese: bool) -> int:
    return working_days(first, last, chinese)
