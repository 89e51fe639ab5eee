"""The manager's weekly review: activity per rep this week beside the week before, and the
team's funnel for the month the week ends in."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from commands.digest import LATE_STATUSES, local_day_bounds
from commands.pipeline.report import PipelineReport, TeamFunnel, team_pipeline
from commands.receivables import team_receivables
from commands.targets.leaderboard import board_record, rep_attainments, team_leaderboard
from commands.targets.periods import Period
from commands.team_settings import settings_of
from storage.models import Member, SalesOrder, SampleRequest, Team, Visit, stored_id
from storage.statuses import OrderStatus, Role, SampleStatus

METRICS = ("orders", "shipments", "visits", "samples")


@dataclass
class RepWeek:
    rep: str
    this_week: dict[str, int]
    last_week: dict[str, int]


@dataclass
class WeeklyReview:
    team: str
    week_start: str
    week_end: str
    reps: list[RepWeek]
    late_orders: int
    on_hold: int
    stuck_samples: int
    collections: list[dict] = field(default_factory=list)  # per currency, 回款率
    overdue_by_bucket: list[dict] = field(default_factory=list)  # per currency
    # The month the week ends in: each rep's attainment per metric with targets, the board.
    targets_period: str = ""
    attainment: list[dict] = field(default_factory=list)
    leaderboard: dict | None = None
    # The month's funnel as plain values (amounts as strings beside their currency); None for
    # a team with no leads and no opportunities in it.
    funnel: dict | None = None


def weekly_review(
    session: Session, team: Team, week_start: date, timezone: str, stuck_hours: int
) -> WeeklyReview:
    """The week from `week_start` (a Monday) to the Sunday after, beside the week before."""
    reps = session.exec(
        select(Member)
        .where(
            col(Member.team_id) == team.id,
            col(Member.role) == Role.rep,
            col(Member.active).is_(True),
        )
        .order_by(col(Member.name))
    ).all()
    rep_ids = [stored_id(rep) for rep in reps]
    this_week = _activity(session, rep_ids, week_start, timezone)
    last_week = _activity(session, rep_ids, week_start - timedelta(days=7), timezone)
    today = week_start + timedelta(days=7)
    start_today, _ = local_day_bounds(today, timezone)
    receivables = team_receivables(session, team, week_start)
    week_end = week_start + timedelta(days=6)
    settings = settings_of(team, timezone)
    month = Period.containing(week_end)
    board = team_leaderboard(session, team, None, month, week_end, settings)
    return WeeklyReview(
        team=team.name,
        week_start=week_start.isoformat(),
        week_end=(week_start + timedelta(days=6)).isoformat(),
        reps=[
            RepWeek(rep.name, _of(this_week, stored_id(rep)), _of(last_week, stored_id(rep)))
            for rep in reps
        ],
        late_orders=_count(
            session,
            SalesOrder,
            col(SalesOrder.rep_id).in_(rep_ids),
            col(SalesOrder.status).in_(LATE_STATUSES),
            col(SalesOrder.shipped_on).is_(None),
            col(SalesOrder.promised_ship_on) < today,
        ),
        on_hold=_count(
            session,
            SalesOrder,
            col(SalesOrder.rep_id).in_(rep_ids),
            col(SalesOrder.status) == OrderStatus.on_hold,
        ),
        stuck_samples=_count(
            session,
            SampleRequest,
            col(SampleRequest.rep_id).in_(rep_ids),
            col(SampleRequest.status) == SampleStatus.requested,
            col(SampleRequest.created_at) < start_today - timedelta(hours=stuck_hours),
        ),
        collections=receivables.collections,
        overdue_by_bucket=receivables.overdue_by_bucket,
        targets_period=month.key,
        attainment=rep_attainments(session, team, rep_ids, month, week_end, settings),
        leaderboard=board_record(board) if board.ranked else None,
        funnel=funnel_record(team_pipeline(session, team, timezone, week_end, month)),
    )


def funnel_record(report: PipelineReport) -> dict | None:
    """The team's funnel as the outbox keeps it (JSON), or None when there is nothing in it."""
    if not report.teams or _empty(report.teams[0]):
        return None
    funnel = report.teams[0]
    return {
        "period": report.period.key if report.period else "",
        "month": report.month.key,
        "quarter": report.quarter.key,
        "currency": funnel.currency,
        "stages": [
            {"stage": stage, "count": figures.count, "amount": str(figures.amount)}
            for stage, figures in funnel.stages.items()
        ],
        "conversion": {
            "leads": funnel.conversion.leads,
            "qualified": funnel.conversion.qualified,
            "converted": funnel.conversion.converted,
            "opportunities": funnel.conversion.opportunities,
            "won": funnel.conversion.won,
        },
        "forecast": {"month": str(funnel.forecast.month), "quarter": str(funnel.forecast.quarter)},
        "missing_rates": [
            {"month": m.month, "currency": m.currency, "to_currency": m.to_currency}
            for m in funnel.missing
        ],
    }


def _empty(funnel: TeamFunnel) -> bool:
    counts = funnel.conversion
    return (
        not any(figures.count for figures in funnel.stages.values())
        and not (counts.leads or counts.opportunities)
        and not (funnel.forecast.month or funnel.forecast.quarter)
    )


def _activity(session, rep_ids, start: date, timezone: str) -> dict[str, dict[int, int]]:
    end = start + timedelta(days=7)
    since, _ = local_day_bounds(start, timezone)
    until, _ = local_day_bounds(end, timezone)
    return {
        "orders": _per_rep(session, SalesOrder.rep_id, SalesOrder.ordered_on, start, end, rep_ids),
        "shipments": _per_rep(
            session, SalesOrder.rep_id, SalesOrder.shipped_on, start, end, rep_ids
        ),
        "visits": _per_rep(session, Visit.rep_id, Visit.at, since, until, rep_ids),
        "samples": _per_rep(
            session, SampleRequest.rep_id, SampleRequest.created_at, since, until, rep_ids
        ),
    }


def _per_rep(session, rep_column, when_column, start, end, rep_ids) -> dict[int, int]:
    rows = session.exec(
        select(rep_column, func.count())
        .where(rep_column.in_(rep_ids), when_column >= start, when_column < end)
        .group_by(rep_column)
    ).all()
    return dict(rows)


def _of(activity: dict[str, dict[int, int]], rep_id: int) -> dict[str, int]:
    return {metric: activity[metric].get(rep_id, 0) for metric in METRICS}


def _count(session, model, *conditions) -> int:
    return session.exec(select(func.count()).select_from(model).where(*conditions)).one()
