"""Stalled opportunities, for the stand-up: open ones whose last activity is older than their
team's `opportunity_stall_days`."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import and_, or_
from sqlmodel import Session, col, select

from commands.deals.stages import OPEN_STAGES
from commands.team_settings import settings_of
from storage.models import Customer, Member, Opportunity, Team, as_utc
from storage.statuses import OpportunityStage


@dataclass(frozen=True)
class StalledDeal:
    team_id: int
    deal_id: int
    title: str
    customer_name: str
    owner_slack_id: str
    owner_name: str
    stage: OpportunityStage
    amount: Decimal
    currency: str
    last_activity_at: datetime
    idle_days: int


def stalled_opportunities(
    session: Session, team_ids: list[int], now: datetime
) -> list[StalledDeal]:
    """Each team's open opportunities idle past its own threshold, the longest idle first."""
    teams = session.exec(select(Team).where(col(Team.id).in_(team_ids))).all() if team_ids else []
    if not teams:
        return []
    idle_since = or_(
        *(
            and_(
                col(Opportunity.team_id) == team.id,
                col(Opportunity.last_activity_at)
                < now - timedelta(days=settings_of(team).opportunity_stall_days),
            )
            for team in teams
        )
    )
    rows = session.exec(
        select(Opportunity, Customer.name, Member.slack_user_id, Member.name)
        .join(Customer, col(Customer.id) == col(Opportunity.customer_id))
        .join(Member, col(Member.id) == col(Opportunity.owner_id))
        .where(col(Opportunity.stage).in_(OPEN_STAGES), idle_since)
        .order_by(col(Opportunity.last_activity_at), col(Opportunity.id))
    ).all()
    return [
        _stalled(deal, customer, slack_id, name, now) for deal, customer, slack_id, name in rows
    ]


def _stalled(
    deal: Opportunity, customer: str, slack_id: str, name: str, now: datetime
) -> StalledDeal:
    last = as_utc(deal.last_activity_at)
    return StalledDeal(
        team_id=deal.team_id,
        deal_id=deal.id or 0,
        title=deal.title,
        customer_name=customer,
        owner_slack_id=slack_id,
        owner_name=name,
        stage=OpportunityStage(deal.stage),
        amount=deal.amount,
        currency=deal.currency,
        last_activity_at=last,
        idle_days=(now - last).days,
    )
