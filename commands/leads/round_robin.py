"""The round robin within a team, weighted by capacity (as Odoo's crm does it): each rep may
be given `capacity` leads per 30 days (their own `lead_capacity`, else the team's setting);
the next lead goes to the rep furthest behind their share of the leads given so far, this one
included (a share is the rep's capacity over the capacity of everyone who can take it; ties:
fewer leads, then the earlier member). Lowest `assigned / capacity` alone starts every rep
level at 0 and lets the largest capacity fall more than a lead behind (a simulation over
random teams: up to 2.8 leads off); the share keeps every rep within one lead of their
weight after every lead, not only at the end. A rep who is away (`away_until` today or later,
on their own clock), full (as many leads in 30 days as their capacity), has no capacity or
passed on the lead is skipped.

`Assignments` holds what a run needs across leads: the routing rules, and each team's reps
with their 30-day counts, read once (one grouped, indexed count per team) and kept up to
date as leads are given, so an import of thousands of leads reads them once per team.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import Session, col, select

from commands.leads.routing import Route, Router
from commands.team_settings import TeamSettings, settings_of
from storage.models import Lead, Member, Team, stored_id
from storage.statuses import Role

WINDOW = timedelta(days=30)


@dataclass
class Rep:
    member_id: int
    slack_user_id: str
    name: str
    capacity: int
    assigned: int  # leads given to them in the last 30 days
    away_until: date | None
    away: bool

    @property
    def full(self) -> bool:
        return self.assigned >= self.capacity

    @property
    def available(self) -> bool:
        return self.capacity > 0 and not self.away and not self.full

    def behind(self, given: int, capacity: int) -> tuple[Fraction, int, int]:
        """How far ahead of their share of `given` leads they are (smallest: next), among
        reps whose capacities add up to `capacity`."""
        share = Fraction(given * self.capacity, capacity)
        return self.assigned - share, self.assigned, self.member_id


@dataclass
class TeamQueue:
    """A team's reps as the round robin sees them at one moment."""

    team: Team
    settings: TeamSettings
    reps: list[Rep]
    members: dict[int, Member]  # held, so the session does not read them again per lead

    def pick(self, passed: Collection[int] = ()) -> Rep | None:
        """The rep the next lead goes to, or None when nobody can take it."""
        candidates = [rep for rep in self.reps if rep.available and rep.member_id not in passed]
        given = sum(rep.assigned for rep in candidates) + 1
        capacity = sum(rep.capacity for rep in candidates)
        return min(candidates, key=lambda rep: rep.behind(given, capacity), default=None)

    def took(self, rep: Rep) -> None:
        rep.assigned += 1

    @property
    def anyone_available(self) -> bool:
        return any(rep.available for rep in self.reps)


def team_queue(session: Session, team: Team, now: datetime) -> TeamQueue:
    """The team's active reps, each with capacity, 30-day count and whether away today."""
    settings = settings_of(team)
    members = list(
        session.exec(
            select(Member)
            .where(Member.team_id == team.id, col(Member.active).is_(True))
            .where(Member.role == Role.rep)
            .order_by(col(Member.id))
        )
    )
    counts = assigned_since(session, [stored_id(member) for member in members], now - WINDOW)
    reps = [
        Rep(
            member_id=stored_id(member),
            slack_user_id=member.slack_user_id,
            name=member.name,
            capacity=capacity_of(member, settings),
            assigned=counts.get(stored_id(member), 0),
            away_until=member.away_until,
            away=is_away(member, settings, now),
        )
        for member in members
    ]
    return TeamQueue(team, settings, reps, {stored_id(member): member for member in members})


def assigned_since(session: Session, member_ids: list[int], since: datetime) -> dict[int, int]:
    """Leads each member was given since `since` (ix_lead_owner_assigned answers it)."""
    if not member_ids:
        return {}
    rows = session.exec(
        select(Lead.owner_id, func.count())
        .where(col(Lead.owner_id).in_(member_ids), col(Lead.assigned_at) >= since)
        .group_by(col(Lead.owner_id))
    ).all()
    return {owner_id: count for owner_id, count in rows if owner_id is not None}


def capacity_of(member: Member, settings: TeamSettings) -> int:
    return member.lead_capacity if member.lead_capacity is not None else settings.lead_capacity


def is_away(member: Member, settings: TeamSettings, now: datetime) -> bool:
    if member.away_until is None:
        return False
    return member.away_until >= today_for(member, settings, now)


def today_for(member: Member, settings: TeamSettings, now: datetime) -> date:
    """The day it is on the member's clock (their own zone, else the team's)."""
    return now.astimezone(ZoneInfo(member.timezone or settings.timezone)).date()


class Assignments:
    """Routing and the teams' queues for one run (a lead typed in, an import, a job)."""

    def __init__(self, session: Session, now: datetime):
        self.session = session
        self.now = now
        self._router: Router | None = None
        self._queues: dict[int, TeamQueue] = {}
        self.manager_told: set[int] = set()  # teams whose manager heard in this run

    def route(self, lead: Lead) -> Route:
        if self._router is None:
            self._router = Router(self.session)
        return self._router.route(lead)

    def queue(self, team_id: int) -> TeamQueue:
        if team_id not in self._queues:
            team = self.session.get(Team, team_id)
            assert team is not None, "a lead's team exists"
            self._queues[team_id] = team_queue(self.session, team, self.now)
        return self._queues[team_id]
