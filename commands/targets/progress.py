"""What `/target` shows: one's own attainment and the team's total per metric, each rep's for
those who may see them, and every team's total for an admin without a team.

Who sees what: a rep their own targets and their team's total; a manager or desk member their
team and each rep of it; an admin their own team like a manager, or, without a team, every
team's total.
"""

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import or_
from sqlmodel import Session, col, select

from commands.errors import InvalidInput
from commands.people import Actor
from commands.targets.actuals import team_actual
from commands.targets.attainment import (
    Attainment,
    Holding,
    attainment_of,
    team_attainments,
)
from commands.targets.periods import Period
from commands.team_settings import TeamSettings, settings_of
from storage.models import Target, Team
from storage.statuses import Metric

MINE, TEAM = "mine", "team"


@dataclass(frozen=True)
class MetricProgress:
    metric: Metric
    team: Attainment
    mine: Attainment | None  # the asker's own, when they are one of the team's holders
    reps: tuple[Attainment, ...]  # each rep's, for those who may see them; else empty


@dataclass(frozen=True)
class TeamProgress:
    """One team's figures for a period, in its reporting currency, as of its own today."""

    team_name: str
    currency: str
    today: date
    period: Period
    metrics: tuple[MetricProgress, ...]
    chinese_calendar: bool = False


@dataclass(frozen=True)
class TargetsReport:
    scope: str  # "mine" or "team"
    period: Period
    requested: Metric | None
    teams: tuple[TeamProgress, ...]  # the asker's team; every team for an admin without one
    sees_reps: bool
    every_team: bool = False


def targets_report(
    session: Session,
    actor: Actor,
    scope: str,
    period: Period,
    metric: Metric | None,
    default_timezone: str = "UTC",
) -> TargetsReport:
    """The figures `/target [mine|team] PERIOD [METRIC]` shows `actor`, each team's as of
    today on its own clock."""
    if actor.team_id is None:
        if not actor.is_admin:
            raise InvalidInput("attainment.error.no_team")
        teams = session.exec(select(Team).order_by(col(Team.name))).all()
        shown = tuple(
            _team_totals(session, team, period, metric, default_timezone) for team in teams
        )
        kept = tuple(team for team in shown if team.metrics)
        return TargetsReport(TEAM, period, metric, kept, False, every_team=True)
    team = session.get(Team, actor.team_id)
    if team is None:
        raise InvalidInput("attainment.error.no_team")
    sees_reps = scope == TEAM and actor.works_the_desk
    progress = team_progress(session, team, period, metric, actor, sees_reps, default_timezone)
    return TargetsReport(scope, period, metric, (progress,), sees_reps)


def team_progress(
    session: Session,
    team: Team,
    period: Period,
    metric: Metric | None,
    actor: Actor | None,
    sees_reps: bool,
    default_timezone: str = "UTC",
    today: date | None = None,
) -> TeamProgress:
    """A team's attainment per metric (the one asked for, or every metric with a target of
    the team or of `actor`), with the asker's own and, if `sees_reps`, each rep's."""
    settings = settings_of(team, default_timezone)
    today = today or team_today(settings)
    holder = actor.member_id if actor else None
    metrics = (
        (metric,) if metric else metrics_with_targets(session, team, period, holder, sees_reps)
    )
    shown = []
    for each in metrics:
        whole, reps = team_attainments(session, team, each, period, today, settings)
        mine = next((rep for rep in reps if rep.member_id == holder), None)
        shown.append(MetricProgress(each, whole, mine, tuple(reps) if sees_reps else ()))
    return TeamProgress(
        team.name,
        settings.reporting_currency,
        today,
        period,
        tuple(shown),
        settings.chinese_calendar,
    )


def team_attainment(
    session: Session,
    team: Team,
    metric: Metric,
    period: Period,
    today: date,
    settings: TeamSettings,
) -> Attainment:
    """The team's own attainment alone (no rep's): two queries."""
    target = session.exec(
        select(col(Target.amount)).where(
            col(Target.team_id) == team.id,
            col(Target.member_id).is_(None),
            col(Target.metric) == metric,
            col(Target.period) == period.key,
        )
    ).first()
    actual = team_actual(session, team, metric, period, settings, through=today)
    return attainment_of(
        metric, period, today, settings, Holding(None, team.name, target, None), actual
    )


def metrics_with_targets(
    session: Session,
    team: Team,
    period: Period,
    member_id: int | None = None,
    any_member: bool = False,
) -> tuple[Metric, ...]:
    """The metrics with a target in the period: the team's own or `member_id`'s, or anyone's
    in the team (`any_member`, for those who see each rep)."""
    query = select(col(Target.metric)).where(
        col(Target.team_id) == team.id, col(Target.period) == period.key
    )
    if not any_member:
        query = query.where(
            or_(col(Target.member_id).is_(None), col(Target.member_id) == member_id)
        )
    found = set(session.exec(query))
    return tuple(metric for metric in Metric if metric in found)


def member_targets(
    session: Session,
    team: Team,
    member_id: int,
    period: Period,
    today: date,
    default_timezone: str = "UTC",
) -> tuple[Attainment, ...]:
    """A member's own attainment for each metric they hold a target for in the period."""
    settings = settings_of(team, default_timezone)
    held = set(
        session.exec(
            select(col(Target.metric)).where(
                col(Target.member_id) == member_id, col(Target.period) == period.key
            )
        )
    )
    found = []
    for metric in (metric for metric in Metric if metric in held):
        _, reps = team_attainments(session, team, metric, period, today, settings)
        found += [rep for rep in reps if rep.member_id == member_id]
    return tuple(found)


def team_today(settings: TeamSettings) -> date:
    return datetime.now(ZoneInfo(settings.timezone)).date()


def _team_totals(
    session: Session, team: Team, period: Period, metric: Metric | None, default_timezone: str
) -> TeamProgress:
    settings = settings_of(team, default_timezone)
    today = team_today(settings)
    metrics = (metric,) if metric else metrics_with_targets(session, team, period)
    shown = tuple(
        MetricProgress(
            each, team_attainment(session, team, each, period, today, settings), None, ()
        )
        for each in metrics
    )
    return TeamProgress(
        team.name, settings.reporting_currency, today, period, shown, settings.chinese_calendar
    )


@dataclass(frozen=True)
class MonthTargets:
    """One holder's targets this month, as records a message can carry (`attainment_record`)."""

    currency: str
    records: tuple[dict, ...]


def team_month_targets(
    session: Session, team: Team, today: date, settings: TeamSettings
) -> MonthTargets:
    """The team's own attainment this month to date, for each metric with a team target."""
    month = Period.containing(today)
    records = tuple(
        attainment_record(team_attainment(session, team, metric, month, today, settings))
        for metric in metrics_with_targets(session, team, month)
    )
    return MonthTargets(settings.reporting_currency, records)


def own_month_targets(
    session: Session, actor: Actor, today: date, default_timezone: str = "UTC"
) -> MonthTargets | None:
    """A member's own targets this month with pace; None for one outside a team or holding
    none (App Home then shows no section rather than an empty one)."""
    team = session.get(Team, actor.team_id) if actor.team_id is not None else None
    if team is None:
        return None
    month = Period.containing(today)
    found = member_targets(session, team, actor.member_id, month, today, default_timezone)
    if not found:
        return None
    currency = settings_of(team, default_timezone).reporting_currency
    return MonthTargets(currency, tuple(attainment_record(each) for each in found))


def attainment_record(attainment: Attainment) -> dict:
    """An attainment as plain values (amounts as text), for a message rendered later."""

    def text(value: object) -> str | None:
        return None if value is None else str(value)

    actual = attainment.actual
    return {
        "metric": attainment.metric.value,
        "period": attainment.period.key,
        "name": attainment.name,
        "target": text(attainment.target),
        "actual": str(actual.value),
        "percent": text(attainment.percent),
        "pace": str(attainment.pace),
        "expected": text(attainment.expected),
        "gap": text(attainment.gap),
        "projection": str(attainment.projection),
        "projection_percent": text(attainment.projection_percent),
        "used": [[r.month, r.currency, r.to_currency, str(r.rate)] for r in actual.used],
        "missing": [[r.month, r.currency, r.to_currency] for r in actual.missing],
    }
