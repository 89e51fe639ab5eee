"""Who may do what with quotes.

Working on an opportunity's quotes (make, send, mark accepted, see): the opportunity's rep,
the desk and managers of its team, admins. Anyone else reads them as not there.

A discount beyond the team's threshold is decided by the team's manager; with none (or when
the manager made the quote), by the admins. Nobody decides their own quote; an admin may
always decide another's."""

from dataclasses import dataclass

from sqlmodel import Session, col, select

from commands.errors import Forbidden, NotFound
from commands.people import Actor
from commands.samples.rules import own_decider_role
from storage.models import Customer, Member, Opportunity, Team
from storage.statuses import Role

TEAM_SIGHTED = (Role.desk, Role.manager)


@dataclass
class Deal:
    """An opportunity with the records every rule about its quotes reads."""

    opportunity: Opportunity
    customer: Customer
    owner: Member
    team: Team

    @property
    def id(self) -> int:
        assert self.opportunity.id is not None  # loaded deals are stored ones
        return self.opportunity.id


def load_deal(session: Session, actor: Actor, opportunity_id: int, lock: bool = False) -> Deal:
    query = select(Opportunity).where(Opportunity.id == opportunity_id)
    if lock:
        query = query.with_for_update()
    opportunity = session.exec(query).first()
    if opportunity is None:
        raise NotFound("quote.error.no_opportunity", id=opportunity_id)
    deal = Deal(
        opportunity,
        session.get_one(Customer, opportunity.customer_id),
        session.get_one(Member, opportunity.owner_id),
        session.get_one(Team, opportunity.team_id),
    )
    if not may_work_on(actor, deal):
        raise NotFound("quote.error.no_opportunity", id=opportunity_id)
    return deal


def may_work_on(actor: Actor, deal: Deal) -> bool:
    if actor.is_admin or actor.member_id == deal.owner.id:
        return True
    return actor.role in TEAM_SIGHTED and actor.team_id == deal.team.id


def approvers_of(session: Session, deal: Deal, maker: Member) -> tuple[list[Member], bool]:
    """Who decides a discount: the team's manager unless they made the quote; else the
    admins (but the maker). True when it is the admins."""
    manager_id = deal.team.manager_slack_id
    if manager_id and manager_id != maker.slack_user_id:
        manager = session.exec(
            select(Member).where(Member.slack_user_id == manager_id, col(Member.active).is_(True))
        ).first()
        if manager is not None:
            return [manager], False
    admins = session.exec(
        select(Member)
        .where(Member.role == Role.admin, Member.id != maker.id, col(Member.active).is_(True))
        .order_by(col(Member.name))
    ).all()
    return list(admins), True


def own_role(maker: Member, deal: Deal) -> str | None:
    """ "manager" or "admin" when the maker is one who would decide: others are asked."""
    return own_decider_role(maker, deal.team)


def check_decider(
    actor: Actor, number: str, maker_id: int, approvers: list[Member], to_admins: bool
) -> None:
    if actor.member_id == maker_id:
        raise Forbidden("quote.error.own_quote", number=number)
    if actor.is_admin or (not to_admins and actor.member_id in {m.id for m in approvers}):
        return
    if to_admins or not approvers:
        raise Forbidden("quote.error.admins_decide", number=number)
    raise Forbidden("quote.error.not_your_decision", number=number, manager=approvers[0].name)
