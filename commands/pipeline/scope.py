"""Whose pipeline a person sees: a rep their own; a manager, the desk and an admin in a team
their team's, each rep on a line; an admin without a team every team's totals."""

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from commands.people import Actor
from storage.models import Lead, Member, Opportunity, Team
from storage.statuses import Role

TEAM_ROLES = (Role.manager, Role.desk, Role.admin)


@dataclass(frozen=True)
class Scope:
    kind: str  # "mine", "team" or "all"
    member_id: int
    team_ids: tuple[int, ...]

    def deals(self) -> tuple[Any, ...]:
        """Conditions on Opportunity that keep the scope's."""
        if self.kind == "mine":
            return (col(Opportunity.owner_id) == self.member_id,)
        return (col(Opportunity.team_id).in_(self.team_ids),)

    def leads(self) -> tuple[Any, ...]:
        if self.kind == "mine":
            return (col(Lead.owner_id) == self.member_id,)
        return (col(Lead.team_id).in_(self.team_ids),)


def scope_of(session: Session, actor: Actor) -> Scope:
    if actor.team_id is not None and actor.role in TEAM_ROLES:
        return Scope("team", actor.member_id, (actor.team_id,))
    if actor.is_admin:
        teams = session.exec(select(Team.id).order_by(Team.name)).all()
        return Scope("all", actor.member_id, tuple(team for team in teams if team is not None))
    team = (actor.team_id,) if actor.team_id is not None else ()
    return Scope("mine", actor.member_id, team)


def member_names(session: Session, team_ids: tuple[int, ...]) -> dict[int, str]:
    """The reps of the teams, each on a line of a manager's funnel (their own deals count in
    the team's figures all the same)."""
    rows = session.exec(
        select(Member.id, Member.name).where(
            col(Member.team_id).in_(team_ids), Member.role == Role.rep, col(Member.active)
        )
    )
    return {member_id: name for member_id, name in rows if member_id is not None}
