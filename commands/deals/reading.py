"""Reading opportunities: a list (one's own, or the team's for its manager and desk) and one
opportunity's card with its stage history."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func
from sqlmodel import Session, col, select

from commands.deals.access import find_deal
from commands.deals.creating import team_settings
from commands.deals.stages import OPEN_STAGES
from commands.errors import Forbidden
from commands.people import Actor
from storage.models import (
    Customer,
    Member,
    Opportunity,
    OpportunityStageChange,
    SalesOrder,
    as_utc,
    stored_id,
)
from storage.statuses import OpportunityStage, Role

LIST_LIMIT = 20
HISTORY_LIMIT = 10
STATUS_STAGES = {
    "open": OPEN_STAGES,
    "won": (OpportunityStage.won,),
    "lost": (OpportunityStage.lost,),
}


@dataclass(frozen=True)
class DealLine:
    deal_id: int
    title: str
    customer_name: str
    owner_name: str
    amount: Decimal
    currency: str
    stage: OpportunityStage
    close_on: date | None


@dataclass(frozen=True)
class DealPage:
    lines: list[DealLine]
    total: int
    team: bool
    status: str


@dataclass(frozen=True)
class StageEntry:
    from_stage: OpportunityStage | None
    to_stage: OpportunityStage
    at: datetime
    by: str


@dataclass(frozen=True)
class DealCard:
    deal_id: int
    title: str
    customer_code: str
    customer_name: str
    owner_name: str
    amount: Decimal
    currency: str
    stage: OpportunityStage
    probability: int | None
    close_on: date | None
    next_step: str | None
    lost_reason: str | None
    competitor: str | None
    order_number: str | None
    last_activity_at: datetime
    history: list[StageEntry]


def list_deals(
    session: Session, actor: Actor, team: bool = False, status: str = "open"
) -> DealPage:
    """Newest first: one's own, or with `team` the team's (its manager and desk; an admin
    without a team: every team's)."""
    scope = _scope(actor, team)
    wanted = (*scope, col(Opportunity.stage).in_(STATUS_STAGES[status]))
    total = session.exec(select(func.count()).select_from(Opportunity).where(*wanted)).one()
    rows = session.exec(
        select(Opportunity, Customer.name, Member.name)
        .join(Customer, col(Customer.id) == col(Opportunity.customer_id))
        .join(Member, col(Member.id) == col(Opportunity.owner_id))
        .where(*wanted)
        .order_by(col(Opportunity.updated_at).desc(), col(Opportunity.id).desc())
        .limit(LIST_LIMIT)
    ).all()
    lines = [_line(deal, customer, owner) for deal, customer, owner in rows]
    return DealPage(lines, total, team, status)


def deal_card(session: Session, actor: Actor, deal_id: int) -> DealCard:
    deal = find_deal(session, actor, deal_id)
    customer = session.get_one(Customer, deal.customer_id)
    owner = session.get_one(Member, deal.owner_id)
    order = session.get(SalesOrder, deal.order_id) if deal.order_id else None
    probability = team_settings(session, deal.team_id).stage_probability.get(deal.stage)
    return DealCard(
        deal_id=stored_id(deal),
        title=deal.title,
        customer_code=customer.code,
        customer_name=customer.name,
        owner_name=owner.name,
        amount=deal.amount,
        currency=deal.currency,
        stage=OpportunityStage(deal.stage),
        probability=probability,
        close_on=deal.expected_close_on,
        next_step=deal.next_step,
        lost_reason=deal.lost_reason,
        competitor=deal.competitor,
        order_number=order.number if order else None,
        last_activity_at=as_utc(deal.last_activity_at),
        history=_history(session, stored_id(deal)),
    )


def _scope(actor: Actor, team: bool) -> tuple:
    if not team:
        return (col(Opportunity.owner_id) == actor.member_id,)
    if actor.is_admin and actor.team_id is None:
        return ()
    if not actor.is_admin and actor.role not in (Role.manager, Role.desk):
        raise Forbidden("deal.error.team_list_not_allowed")
    return (col(Opportunity.team_id) == actor.team_id,)


def _line(deal: Opportunity, customer: str, owner: str) -> DealLine:
    return DealLine(
        stored_id(deal),
        deal.title,
        customer,
        owner,
        deal.amount,
        deal.currency,
        OpportunityStage(deal.stage),
        deal.expected_close_on,
    )


def _history(session: Session, deal_id: int) -> list[StageEntry]:
    """The newest changes, oldest first, with who made them (a Slack id when not a member)."""
    rows = session.exec(
        select(OpportunityStageChange, Member.name)
        .join(
            Member,
            col(Member.slack_user_id) == col(OpportunityStageChange.changed_by),
            isouter=True,
        )
        .where(OpportunityStageChange.opportunity_id == deal_id)
        .order_by(col(OpportunityStageChange.id).desc())
        .limit(HISTORY_LIMIT)
    ).all()
    return [
        StageEntry(
            OpportunityStage(change.from_stage) if change.from_stage else None,
            OpportunityStage(change.to_stage),
            as_utc(change.changed_at),
            name or change.changed_by,
        )
        for change, name in reversed(rows)
    ]
