"""What every change to an opportunity leaves behind: its stage history (the funnel's time in
each stage is read from it), an audit entry, and the moment of its last activity."""

from datetime import datetime

from sqlmodel import Session

from commands.people import Actor
from commands.records import audit
from storage.models import Opportunity, OpportunityStageChange, stored_id
from storage.statuses import OpportunityStage

ENTITY = "opportunity"


def record_stage(
    session: Session,
    actor: Actor,
    deal: Opportunity,
    before: OpportunityStage | None,
    moment: datetime,
) -> None:
    session.add(
        OpportunityStageChange(
            opportunity_id=stored_id(deal),
            from_stage=before,
            to_stage=deal.stage,
            changed_at=moment,
            changed_by=actor.slack_user_id,
        )
    )


def record_change(
    session: Session, actor: Actor, deal: Opportunity, action: str, before: dict, after: dict
) -> None:
    audit(session, actor.slack_user_id, ENTITY, str(stored_id(deal)), action, before, after)


def touched(deal: Opportunity, moment: datetime) -> None:
    deal.updated_at = moment
    deal.last_activity_at = moment
