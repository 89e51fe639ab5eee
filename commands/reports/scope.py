"""What a report covers and who may ask for it.

    rep      one person's own work (their orders, visits, customers)
    team     the work of a team's members
    company  every team's

A rep sees only their own; a desk member or a manager their team, or one of its reps; an
admin the company, any team or any rep. The operator at the command line is an admin.

Money in a report is in the scope's reporting currency: a rep's or team's is the team's
`reporting_currency`; the company's is the one most teams report in (ties: the first team by
name), and amounts in another currency are converted at their month's rate (`/desk rate`).
"""

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, true
from sqlmodel import Session, col, select

from commands.errors import Forbidden, NotFound
from commands.people import Actor
from commands.people_text import member_named
from commands.team_settings import find_team, settings_of
from storage.models import Member, Team, fold, stored_id
from storage.statuses import Role

REP, TEAM, COMPANY = "rep", "team", "company"
# Words that ask an admin's report for every team.
COMPANY_WORDS = frozenset({"company", "all", "everyone", "全公司", "公司", "全部", "所有"})
TEAM_ROLES = (Role.desk, Role.manager)


@dataclass(frozen=True)
class ReportScope:
    """`label` is how people name it (a team's or a rep's name); the company's is "" and a
    view shows the catalog's `report.scope.company` instead. `member_ids` is the rep's own id
    for a rep and empty otherwise (everyone in `team_ids`; the company: everyone at all)."""

    kind: str
    team_ids: tuple[int, ...]
    member_ids: tuple[int, ...]
    label: str
    currency: str
    timezone: str

    @property
    def is_company(self) -> bool:
        return self.kind == COMPANY

    def members(self, member_column: Any) -> ColumnElement[bool]:
        """A condition keeping rows whose member (a rep_id, owner_id… column) is in scope."""
        if self.kind == REP:
            return col(member_column).in_(self.member_ids)
        if self.kind == TEAM:
            in_teams = select(col(Member.id)).where(col(Member.team_id).in_(self.team_ids))
            return col(member_column).in_(in_teams)
        return true()

    def teams(self, team_column: Any) -> ColumnElement[bool]:
        """A condition on a team_id column (leads, opportunities): the company's is every
        team; a rep's is their team (narrow by owner with `members` as well)."""
        if self.kind == COMPANY:
            return true()
        return col(team_column).in_(self.team_ids)


def report_scope(
    session: Session, actor: Actor, target: str | None, default_timezone: str = "UTC"
) -> ReportScope:
    """The scope `target` names (a team, a rep as @name or a mention, "company"), or the
    asker's own when None: a rep's own work, a manager's or desk member's team, an admin's
    company. Forbidden when the asker may not see it."""
    wanted = (target or "").strip()
    if not wanted:
        return _default_scope(session, actor, default_timezone)
    if fold(wanted) in COMPANY_WORDS:
        if not actor.is_admin:
            raise Forbidden("report.error.company_admins_only")
        return company_scope(session, default_timezone)
    if _names_a_person(wanted):
        return _rep_for(session, actor, wanted, default_timezone)
    team = find_team(session, wanted)
    if not actor.is_admin and team.id != actor.team_id:
        raise Forbidden("report.error.own_team_only")
    if actor.role == Role.rep:
        raise Forbidden("report.error.rep_own_only")
    return team_scope(team, default_timezone)


def operator_scope(
    session: Session, team_name: str | None, default_timezone: str = "UTC"
) -> ReportScope:
    """At the command line: the company, or the team named."""
    if team_name is None or not team_name.strip():
        return company_scope(session, default_timezone)
    return team_scope(find_team(session, team_name.strip()), default_timezone)


def team_scope(team: Team, default_timezone: str = "UTC") -> ReportScope:
    settings = settings_of(team, default_timezone)
    return ReportScope(
        TEAM, (stored_id(team),), (), team.name, settings.reporting_currency, settings.timezone
    )


def rep_scope(member: Member, team: Team | None, default_timezone: str = "UTC") -> ReportScope:
    settings = settings_of(team, default_timezone) if team else None
    return ReportScope(
        REP,
        (stored_id(team),) if team else (),
        (stored_id(member),),
        member.name,
        settings.reporting_currency if settings else "CNY",
        member.timezone or (settings.timezone if settings else default_timezone),
    )


def company_scope(session: Session, default_timezone: str = "UTC") -> ReportScope:
    teams = session.exec(select(Team).order_by(Team.name)).all()
    currencies = [settings_of(team).reporting_currency for team in teams]
    # most_common keeps first-seen order among equals: the first team by name wins a tie.
    currency = Counter(currencies).most_common(1)[0][0] if currencies else "CNY"
    team_ids = tuple(stored_id(team) for team in teams)
    return ReportScope(COMPANY, team_ids, (), "", currency, default_timezone)


def _default_scope(session: Session, actor: Actor, default_timezone: str) -> ReportScope:
    if actor.is_admin and actor.team_id is None:
        return company_scope(session, default_timezone)
    if actor.role in TEAM_ROLES or actor.is_admin:
        team = session.get(Team, actor.team_id) if actor.team_id is not None else None
        if team is None:
            raise Forbidden("report.error.no_team")
        return team_scope(team, actor.timezone)
    member = session.get(Member, actor.member_id)
    if member is None:
        raise NotFound("report.error.no_member")
    team = session.get(Team, member.team_id) if member.team_id is not None else None
    return rep_scope(member, team, actor.timezone)


def _rep_for(session: Session, actor: Actor, written: str, default_timezone: str) -> ReportScope:
    slack_id = member_named(session, written)
    member = session.exec(select(Member).where(Member.slack_user_id == slack_id)).first()
    if member is None:
        raise NotFound("report.error.no_such_rep", name=written[:60])
    if actor.role == Role.rep and member.id != actor.member_id:
        raise Forbidden("report.error.rep_own_only")
    if not actor.is_admin and member.team_id != actor.team_id:
        raise Forbidden("report.error.own_team_only")
    team = session.get(Team, member.team_id) if member.team_id is not None else None
    return rep_scope(member, team, default_timezone)


def _names_a_person(written: str) -> bool:
    return written.startswith(("<@", "@"))
