"""Who may see and change an opportunity: its owner, the desk and the manager of its team, and
admins. Anyone else reads it as not found, so a rep learns nothing of another rep's deals."""

from sqlmodel import Session, select

from commands.errors import NotFound
from commands.people import Actor
from storage.models import Opportunity
from storage.statuses import Role

TEAM_ROLES = (Role.manager, Role.desk)
MAX_ID = 2**31 - 1


def may_touch(actor: Actor, deal: Opportunity) -> bool:
    if actor.is_admin or deal.owner_id == actor.member_id:
        return True
    return actor.role in TEAM_ROLES and actor.team_id == deal.team_id


def find_deal(session: Session, actor: Actor, deal_id: int) -> Opportunity:
    """The opportunity, read afresh, if `actor` may touch it; else NotFound."""
    deal = None
    if 0 < deal_id <= MAX_ID:
        query = select(Opportunity).where(Opportunity.id == deal_id)
        deal = session.exec(query.execution_options(populate_existing=True)).first()
    if deal is None or not may_touch(actor, deal):
        raise NotFound("deal.error.not_found", id=deal_id)
    return deal
