"""The funnel's aggregates, each one GROUP BY query whatever the number of opportunities:
open ones by (team, owner, stage, currency), the forecast's by close date, leads and
opportunities counted for conversion, and the median stay in each stage from the stage
history (window functions, on SQLite and PostgreSQL alike)."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, case, func, literal_column, or_, select
from sqlmodel import Session, col

from commands.deals.stages import OPEN_STAGES
from commands.pipeline.scope import Scope
from storage.models import Lead, Opportunity, OpportunityStageChange
from storage.statuses import OpportunityStage

SECONDS_A_DAY = 86400


@dataclass(frozen=True)
class OpenGroup:
    team_id: int
    owner_id: int
    stage: str
    currency: str
    count: int
    amount: Decimal


@dataclass(frozen=True)
class ForecastGroup:
    team_id: int
    owner_id: int
    stage: str
    currency: str
    month: Decimal  # closing this month
    quarter: Decimal  # closing this quarter (this month included)


@dataclass(frozen=True)
class Counts:
    """Per team (and owner): leads, those qualified, those converted; opportunities, won."""

    team_id: int
    owner_id: int | None
    leads: int = 0
    qualified: int = 0
    converted: int = 0
    opportunities: int = 0
    won: int = 0


def open_groups(session: Session, scope: Scope, closing: tuple[date, date] | None) -> list:
    query = select(
        col(Opportunity.team_id),
        col(Opportunity.owner_id),
        col(Opportunity.stage),
        col(Opportunity.currency),
        func.count(),
        func.sum(Opportunity.amount),
    ).where(*scope.deals(), col(Opportunity.stage).in_(OPEN_STAGES))
    if closing is not None:
        query = query.where(col(Opportunity.expected_close_on).between(*closing))
    grouped = query.group_by(
        col(Opportunity.team_id),
        col(Opportunity.owner_id),
        col(Opportunity.stage),
        col(Opportunity.currency),
    )
    return [OpenGroup(*row) for row in session.execute(grouped)]


def forecast_groups(
    session: Session, scope: Scope, month: tuple[date, date], quarter: tuple[date, date]
) -> list[ForecastGroup]:
    close = col(Opportunity.expected_close_on)
    this_month = case((close.between(*month), Opportunity.amount), else_=0)
    query = (
        select(
            col(Opportunity.team_id),
            col(Opportunity.owner_id),
            col(Opportunity.stage),
            col(Opportunity.currency),
            func.sum(this_month),
            func.sum(Opportunity.amount),
        )
        .where(*scope.deals(), col(Opportunity.stage).in_(OPEN_STAGES), close.between(*quarter))
        .group_by(
            col(Opportunity.team_id),
            col(Opportunity.owner_id),
            col(Opportunity.stage),
            col(Opportunity.currency),
        )
    )
    return [ForecastGroup(*row) for row in session.execute(query)]


def conversion_counts(
    session: Session, scope: Scope, created: tuple[datetime, datetime] | None, by_owner: bool
) -> list[Counts]:
    return _lead_counts(session, scope, created, by_owner) + _deal_counts(
        session, scope, created, by_owner
    )


def _lead_counts(session, scope, created, by_owner) -> list[Counts]:
    qualified = or_(col(Lead.qualified_at).is_not(None), col(Lead.converted_at).is_not(None))
    owner = col(Lead.owner_id) if by_owner else literal_column("NULL")
    query = select(
        col(Lead.team_id),
        owner,
        func.count(),
        func.sum(case((qualified, 1), else_=0)),
        func.sum(case((col(Lead.converted_at).is_not(None), 1), else_=0)),
    ).where(*scope.leads(), col(Lead.team_id).is_not(None))
    if created is not None:
        query = query.where(col(Lead.created_at) >= created[0], col(Lead.created_at) < created[1])
    rows = session.execute(
        query.group_by(col(Lead.team_id), owner) if by_owner else query.group_by(col(Lead.team_id))
    )
    return [
        Counts(team, who, leads=n, qualified=q or 0, converted=c or 0)
        for team, who, n, q, c in rows
    ]


def _deal_counts(session, scope, created, by_owner) -> list[Counts]:
    owner = col(Opportunity.owner_id) if by_owner else literal_column("NULL")
    won = case((col(Opportunity.stage) == OpportunityStage.won, 1), else_=0)
    query = select(col(Opportunity.team_id), owner, func.count(), func.sum(won)).where(
        *scope.deals()
    )
    if created is not None:
        since, until = created
        query = query.where(
            col(Opportunity.created_at) >= since, col(Opportunity.created_at) < until
        )
    grouped = (
        query.group_by(col(Opportunity.team_id), owner)
        if by_owner
        else query.group_by(col(Opportunity.team_id))
    )
    return [
        Counts(team, who, opportunities=n, won=w or 0)
        for team, who, n, w in session.execute(grouped)
    ]


def median_days(
    session: Session, scope: Scope, entered: tuple[datetime, datetime] | None
) -> dict[tuple[int, str], Decimal]:
    """(team, stage) → the median days an opportunity stayed in the stage before its next
    change (stays not yet over are left out); stays entered in `entered` when given."""
    change = OpportunityStageChange
    left = func.lead(change.changed_at).over(
        partition_by=col(change.opportunity_id), order_by=(col(change.changed_at), col(change.id))
    )
    stays = (
        select(
            col(Opportunity.team_id).label("team_id"),
            col(change.to_stage).label("stage"),
            col(change.changed_at).label("entered"),
            left.label("left"),
        )
        .join(Opportunity, col(Opportunity.id) == col(change.opportunity_id))
        .where(*scope.deals())
        .subquery()
    )
    done: list[Any] = [stays.c.left.is_not(None), stays.c.stage.in_(OPEN_STAGES)]
    if entered is not None:
        done += [stays.c.entered >= entered[0], stays.c.entered < entered[1]]
    days = _days(session, stays.c.entered, stays.c.left).label("days")
    by_stage = (stays.c.team_id, stays.c.stage)
    ranked = (
        select(
            stays.c.team_id,
            stays.c.stage,
            days,
            func.row_number().over(partition_by=by_stage, order_by=days).label("rank"),
            func.count().over(partition_by=by_stage).label("total"),
        )
        .where(*done)
        .subquery()
    )
    middle = or_(
        ranked.c.rank == (ranked.c.total + 1) // 2, ranked.c.rank == (ranked.c.total + 2) // 2
    )
    query = (
        select(ranked.c.team_id, ranked.c.stage, func.avg(ranked.c.days))
        .where(middle)
        .group_by(ranked.c.team_id, ranked.c.stage)
    )
    return {
        (team, str(stage)): Decimal(str(value)).quantize(Decimal("0.1"))
        for team, stage, value in session.execute(query)
    }


def _days(session: Session, since: Any, until: Any) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return func.extract("epoch", until - since) / SECONDS_A_DAY
    return func.julianday(until) - func.julianday(since)


def both(*conditions: Any) -> Any:
    return and_(*conditions)
