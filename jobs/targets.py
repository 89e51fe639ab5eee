"""Targets' messages, planned each day at the team's digest time:

- milestones: a rep who has reached one of the team's `milestone_percents` (50/90/100) of a
  target for the month, quarter or year hears it by DM, once per (rep, metric, period, level):
  the level is in the message's outbox key, so a second replica or a re-run queues nothing.
  Periods containing yesterday are looked at too, so a target reached on a period's last
  evening is still told the next morning. A rep who leaps past several levels at once hears
  only the highest; a lower level is never told after a higher one.
- the projection alert: on the team's `projection_alert_day`, each manager of the team is told
  of every rep whose month projection is under `projection_alert_percent`, once per month
  (its key holds the month).
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from commands.targets.attainment import Attainment, team_attainments
from commands.targets.periods import KINDS, MONTH, Period
from commands.team_settings import TeamSettings
from jobs.recipients import queue_new, team_members
from jobs.runs import new_keys
from storage.models import Member, Target, Team
from storage.statuses import Metric, Role

MILESTONE = "target_milestone"
PROJECTION_ALERT = "target_projection_alert"
ALERT_LIMIT = 40  # lines in one alert; the rest are counted


@dataclass(frozen=True)
class _Reached:
    attainment: Attainment
    level: int
    key: str
    keys: tuple[str, ...]  # its own and every higher level's: all unused, or it is not told


def queue_milestones(session: Session, team: Team, at: datetime, settings: TeamSettings) -> int:
    today = at.astimezone(ZoneInfo(settings.timezone)).date()
    slack_ids = {member.id: member.slack_user_id for member in team_members(session, team)}
    reached: list[_Reached] = []
    for metric, period in _held_targets(session, team, today):
        _, reps = team_attainments(session, team, metric, period, today, settings)
        reached += [
            found
            for rep in reps
            if rep.member_id in slack_ids
            for found in [_highest_reached(rep, settings.milestone_percents)]
            if found is not None
        ]
    fresh = new_keys(session, [key for found in reached for key in found.keys])
    planned = [
        _milestone_message(found, slack_ids[found.attainment.member_id], settings)
        for found in reached
        if found.attainment.member_id is not None and set(found.keys) <= fresh
    ]
    return queue_new(session, planned)


def queue_projection_alerts(
    session: Session, team: Team, at: datetime, settings: TeamSettings
) -> int:
    today = at.astimezone(ZoneInfo(settings.timezone)).date()
    if today.day != settings.projection_alert_day:
        return 0
    month = Period.containing(today, MONTH)
    under = []
    for metric in _metrics_held_by_reps(session, team, month):
        _, reps = team_attainments(session, team, metric, month, today, settings)
        under += [rep for rep in reps if _projected_under(rep, settings)]
    if not under:
        return 0
    managers = _managers(session, team)
    lines = [_alert_line(rep) for rep in under]
    return queue_new(
        session,
        [
            {
                "key": f"projection-alert:{team.id}:{month.key}:{manager}",
                "channel": manager,
                "kind": PROJECTION_ALERT,
                "team": team.name,
                "period": month.key,
                "currency": settings.reporting_currency,
                "threshold": settings.projection_alert_percent,
                "lines": lines[:ALERT_LIMIT],
                "more": max(0, len(lines) - ALERT_LIMIT),
            }
            for manager in managers
        ],
    )


def _held_targets(session: Session, team: Team, today: date) -> list[tuple[Metric, Period]]:
    """(metric, period) of every rep target of the team in a period containing today or
    yesterday (a month, quarter or year)."""
    periods = {
        Period.containing(day, kind).key: Period.containing(day, kind)
        for day in (today - timedelta(days=1), today)
        for kind in KINDS
    }
    found = session.exec(
        select(col(Target.metric), col(Target.period))
        .where(
            col(Target.team_id) == team.id,
            col(Target.member_id).is_not(None),
            col(Target.period).in_(periods),
        )
        .distinct()
    )
    return sorted((Metric(metric), periods[key]) for metric, key in found)


def _metrics_held_by_reps(session: Session, team: Team, month: Period) -> list[Metric]:
    found = session.exec(
        select(col(Target.metric))
        .where(
            col(Target.team_id) == team.id,
            col(Target.member_id).is_not(None),
            col(Target.period) == month.key,
        )
        .distinct()
    )
    return sorted(Metric(metric) for metric in found)


def _highest_reached(rep: Attainment, levels: tuple[int, ...]) -> _Reached | None:
    if rep.percent is None:
        return None
    reached = [level for level in levels if rep.percent >= level]
    if not reached:
        return None
    level = reached[-1]
    keys = tuple(_key(rep, above) for above in levels if above >= level)
    return _Reached(rep, level, _key(rep, level), keys)


def _key(rep: Attainment, level: int) -> str:
    return f"target-milestone:{rep.member_id}:{rep.metric.value}:{rep.period.key}:{level}"


def _milestone_message(found: _Reached, slack_user_id: str, settings: TeamSettings) -> dict:
    rep = found.attainment
    return {
        "key": found.key,
        "channel": slack_user_id,
        "kind": MILESTONE,
        "metric": rep.metric.value,
        "period": rep.period.key,
        "level": found.level,
        "percent": str(rep.percent),
        "actual": str(rep.actual.value),
        "target": str(rep.target),
        "currency": settings.reporting_currency,
    }


def _projected_under(rep: Attainment, settings: TeamSettings) -> bool:
    percent = rep.projection_percent
    return percent is not None and percent < Decimal(settings.projection_alert_percent)


def _alert_line(rep: Attainment) -> dict:
    return {
        "name": rep.name,
        "metric": rep.metric.value,
        "actual": str(rep.actual.value),
        "target": str(rep.target),
        "percent": str(rep.percent),
        "projection": str(rep.projection),
        "projection_percent": str(rep.projection_percent),
        "complete": rep.actual.complete,
    }


def _managers(session: Session, team: Team) -> list[str]:
    """The team's active managers, and the manager the team names."""
    ids = set(
        session.exec(
            select(col(Member.slack_user_id)).where(
                col(Member.team_id) == team.id,
                col(Member.role) == Role.manager,
                col(Member.active),
            )
        )
    )
    if team.manager_slack_id:
        ids.add(team.manager_slack_id)
    return sorted(ids)
