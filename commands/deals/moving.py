"""Moving an opportunity among its open stages, its next step, and losing it. A closed one
(won or lost) no longer moves. Every change is made only if the opportunity still stands where
the asker saw it: a double click, a stale button or a replay changes nothing and says why."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col

from commands.deals.access import find_deal
from commands.deals.creating import NEXT_STEP_LIMIT, check_next_step
from commands.deals.history import record_change, record_stage, touched
from commands.deals.stages import OPEN_STAGES
from commands.errors import InvalidInput
from commands.people import Actor
from storage.models import Opportunity, SalesOrder, stored_id, utcnow
from storage.statuses import OpportunityStage

REASON_LIMIT = 500
COMPETITOR_LIMIT = 200


@dataclass(frozen=True)
class DealMoved:
    deal_id: int
    title: str
    from_stage: OpportunityStage
    to_stage: OpportunityStage
    order_number: str | None = None


@dataclass(frozen=True)
class NextStepSet:
    deal_id: int
    title: str
    next_step: str | None


def move_deal(
    session: Session,
    actor: Actor,
    deal_id: int,
    stage: OpportunityStage,
    seen_at: OpportunityStage | None = None,
    now: datetime | None = None,
) -> DealMoved:
    """To another open stage, forward or back; `seen_at`: the stage a button was shown at."""
    if stage not in OPEN_STAGES:
        raise InvalidInput("deal.error.bad_stage", word=str(stage))
    deal = find_deal(session, actor, deal_id)
    check_may_change(session, deal, None)
    before = OpportunityStage(deal.stage)
    if before == stage:
        raise InvalidInput(f"deal.error.already.{stage}", id=deal_id)
    check_may_change(session, deal, seen_at)
    moment = now or utcnow()
    claim_stage(session, deal, before, stage, moment)
    record_stage(session, actor, deal, before, moment)
    record_change(session, actor, deal, "stage", {"stage": before}, {"stage": stage})
    return DealMoved(deal_id, deal.title, before, stage)


def set_next_step(
    session: Session, actor: Actor, deal_id: int, text: str, now: datetime | None = None
) -> NextStepSet:
    step = check_next_step(text)
    if step is None:
        raise InvalidInput("deal.error.no_next_step", limit=NEXT_STEP_LIMIT)
    deal = find_deal(session, actor, deal_id)
    check_may_change(session, deal, None)
    before = deal.next_step
    deal.next_step = step
    touched(deal, now or utcnow())
    session.add(deal)
    record_change(session, actor, deal, "next_step", {"next_step": before}, {"next_step": step})
    return NextStepSet(deal_id, deal.title, step)


def lose_deal(
    session: Session,
    actor: Actor,
    deal_id: int,
    reason: str | None,
    competitor: str | None,
    now: datetime | None = None,
) -> DealMoved:
    reason, competitor = _reason(reason), _competitor(competitor)
    deal = find_deal(session, actor, deal_id)
    check_may_change(session, deal, None)
    before = OpportunityStage(deal.stage)
    moment = now or utcnow()
    claim_stage(session, deal, before, OpportunityStage.lost, moment)
    deal.lost_reason, deal.competitor, deal.closed_at = reason, competitor, moment
    session.add(deal)
    record_stage(session, actor, deal, before, moment)
    after = {"stage": "lost", "lost_reason": reason, "competitor": competitor}
    record_change(session, actor, deal, "lost", {"stage": before}, after)
    return DealMoved(deal_id, deal.title, before, OpportunityStage.lost)


def check_may_change(session: Session, deal: Opportunity, seen_at: str | None) -> None:
    """A closed opportunity does not move; one moved since a button was shown is not moved by
    that button."""
    deal_id = stored_id(deal)
    if deal.stage == OpportunityStage.won:
        order = session.get(SalesOrder, deal.order_id) if deal.order_id else None
        number = order.number if order else "—"
        raise InvalidInput("deal.error.closed_won", id=deal_id, order=number)
    if deal.stage == OpportunityStage.lost:
        raise InvalidInput("deal.error.closed_lost", id=deal_id, reason=deal.lost_reason or "—")
    if seen_at is not None and seen_at != deal.stage:
        raise InvalidInput(f"deal.error.moved_since.{deal.stage}", id=deal_id)


def claim_stage(
    session: Session,
    deal: Opportunity,
    before: OpportunityStage,
    stage: OpportunityStage,
    moment: datetime,
) -> None:
    """Set the stage only if it is still `before`, in one statement: of two clicks at once,
    one moves it and the other is told what the first did."""
    moved = session.connection().execute(
        update(Opportunity)
        .where(col(Opportunity.id) == deal.id, col(Opportunity.stage) == before)
        .values(stage=stage, stage_changed_at=moment, updated_at=moment, last_activity_at=moment)
    )
    if moved.rowcount != 1:
        session.refresh(deal)
        check_may_change(session, deal, before)
        raise InvalidInput(f"deal.error.moved_since.{deal.stage}", id=stored_id(deal))
    session.refresh(deal)


def _reason(text: str | None) -> str:
    reason = (text or "").strip()
    if not reason:
        raise InvalidInput("deal.error.no_reason")
    if len(reason) > REASON_LIMIT:
        raise InvalidInput("deal.error.too_long", limit=REASON_LIMIT)
    return reason


def _competitor(text: str | None) -> str | None:
    competitor = (text or "").strip()
    if len(competitor) > COMPETITOR_LIMIT:
        raise InvalidInput("deal.error.too_long", limit=COMPETITOR_LIMIT)
    return competitor or None
