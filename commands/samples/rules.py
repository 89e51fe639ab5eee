"""Who may do what with a sample request.

The request goes to the requester's manager (their own, else their team's); with neither, to
the admins. Nobody decides their own request. The desk of the requester's team ships it.

Who sees a sample: admins all; the requester and the customer's rep; the requester's own
manager; desk and managers of the requester's or the customer's team. A sample one may not
see reads as one that does not exist.
"""

from sqlmodel import Session, col, select

from commands.errors import Forbidden
from commands.people import Actor
from commands.samples.cards import Loaded
from storage.models import Member, Team
from storage.statuses import Role, SampleStatus

# The roles that see the samples of their whole team.
TEAM_SIGHTED = (Role.desk, Role.manager)


def approvers_of(session: Session, rep: Member, team: Team | None) -> tuple[list[Member], bool]:
    """Who decides a request of `rep`: their own manager, else their team's; with neither
    (or only themselves), the admins. True when it is the admins."""
    for slack_id in (rep.manager_slack_id, team.manager_slack_id if team else None):
        if slack_id and slack_id != rep.slack_user_id:
            manager = session.exec(
                select(Member).where(Member.slack_user_id == slack_id, col(Member.active).is_(True))
            ).first()
            if manager is not None:
                return [manager], False
    admins = session.exec(
        select(Member)
        .where(Member.role == Role.admin, Member.id != rep.id, col(Member.active).is_(True))
        .order_by(col(Member.name))
    ).all()
    return list(admins), True


def own_decider_role(rep: Member, team: Team | None) -> str | None:
    """ "admin" or "manager" when the requester is one who would decide their request (an admin,
    their team's manager): nobody decides their own, so it goes to their own manager or to the
    other admins. None otherwise."""
    if rep.role == Role.admin:
        return "admin"
    if team is not None and team.manager_slack_id == rep.slack_user_id:
        return "manager"
    return None


def may_decide(actor: Actor, loaded: Loaded, approvers: list[Member], to_admins: bool) -> bool:
    if actor.member_id == loaded.rep.id:
        return False
    return actor.is_admin or (not to_admins and actor.member_id in {m.id for m in approvers})


def check_decider(actor: Actor, loaded: Loaded, approvers: list[Member], to_admins: bool) -> None:
    if may_decide(actor, loaded, approvers, to_admins):
        return
    sample_id = loaded.sample_id
    if actor.member_id == loaded.rep.id:
        raise Forbidden("sample.error.own_request", id=sample_id)
    if to_admins:
        raise Forbidden("sample.error.admins_decide", id=sample_id)
    raise Forbidden("sample.error.not_your_decision", id=sample_id, manager=approvers[0].name)


def check_desk(actor: Actor) -> None:
    if not actor.works_the_desk:
        raise Forbidden("sample.error.ship_not_allowed")


def may_deliver(actor: Actor, loaded: Loaded) -> bool:
    return actor.works_the_desk or actor.member_id == loaded.sample.rep_id


def may_give_feedback(actor: Actor, loaded: Loaded) -> bool:
    return actor.is_admin or actor.member_id in (loaded.sample.rep_id, loaded.customer.owner_id)


def check_feedback_giver(actor: Actor, loaded: Loaded) -> None:
    if not may_give_feedback(actor, loaded):
        raise Forbidden("sample.error.feedback_not_allowed", rep=loaded.rep.name)


def next_steps(
    actor: Actor, loaded: Loaded, approvers: list[Member], to_admins: bool
) -> tuple[str, ...]:
    """What the actor may do with the sample now: the buttons of its card."""
    status = loaded.sample.status
    if status == SampleStatus.requested and may_decide(actor, loaded, approvers, to_admins):
        return ("approve", "reject")
    if status == SampleStatus.approved and actor.works_the_desk:
        return ("ship",)
    if status == SampleStatus.shipped and may_deliver(actor, loaded):
        return ("deliver",)
    if status == SampleStatus.delivered and may_give_feedback(actor, loaded):
        return ("feedback",)
    return ()


def desk_for(session: Session, loaded: Loaded) -> list[Member]:
    """Who ships an approved sample: the desk of the requester's team (else of the
    customer's rep's team), else the admins."""
    for team_id in dict.fromkeys((loaded.rep.team_id, loaded.owner.team_id)):
        if team_id is None:
            continue
        desk = session.exec(
            select(Member).where(
                Member.team_id == team_id, Member.role == Role.desk, col(Member.active).is_(True)
            )
        ).all()
        if desk:
            return sorted(desk, key=lambda m: m.name)
    admins = select(Member).where(Member.role == Role.admin, col(Member.active).is_(True))
    return list(session.exec(admins.order_by(col(Member.name))))


def visible(actor: Actor, loaded: Loaded) -> bool:
    if actor.is_admin or actor.member_id in (loaded.sample.rep_id, loaded.customer.owner_id):
        return True
    if loaded.rep.manager_slack_id == actor.slack_user_id:
        return True
    teams = (loaded.rep.team_id, loaded.owner.team_id)
    return actor.role in TEAM_SIGHTED and actor.team_id is not None and actor.team_id in teams
