"""Who is asking: a Slack user resolved to a member with role, team, language and time zone."""

from dataclasses import dataclass

import sqlalchemy
from sqlalchemy import Connection, Row, bindparam, true
from sqlmodel import Session, col, select

from commands.errors import Forbidden, InvalidInput
from commands.records import audit
from storage.models import Member, Team, fold


@dataclass(frozen=True)
class Actor:
    member_id: int
    slack_user_id: str
    name: str
    role: str
    team_id: int | None
    locale: str
    timezone: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def works_the_desk(self) -> bool:
        return self.role in ("desk", "manager", "admin")

    @property
    def reader(self) -> "Reader":
        return Reader(self.locale, self.timezone)


@dataclass(frozen=True)
class Reader:
    """Whoever reads a message: the language and time zone to render it in."""

    locale: str
    timezone: str


def reader_for(
    session: Session, slack_user_id: str, default_locale: str, default_timezone: str
) -> Reader:
    found = find_member(session, slack_user_id)
    if found is None:
        return Reader(default_locale, default_timezone)
    return member_reader(*found, default_locale, default_timezone)


def member_reader(
    member: Member, team: Team | None, default_locale: str, default_timezone: str
) -> Reader:
    team_timezone = team.timezone if team else None
    return _reader(member, team_timezone, default_locale, default_timezone)


def _reader(
    member: Member | Row, team_timezone: str | None, default_locale: str, default_timezone: str
) -> Reader:
    """A member's own language and zone, else Slack's language and the team's zone, else the
    organisation's defaults."""
    return Reader(
        member.locale or member.slack_locale or default_locale,
        member.timezone or team_timezone or default_timezone,
    )


# A deactivated member is no member at all to anyone asking: not found here.
MEMBER_BY_SLACK_ID = (
    select(Member, Team)
    .join(Team, col(Member.team_id) == col(Team.id), isouter=True)
    .where(col(Member.slack_user_id) == bindparam("slack_user_id"), col(Member.active) == true())
)
# Every request from Slack starts here: only the columns an Actor needs, in a statement built
# once, read without the weight of an ORM session.
ACTOR_BY_SLACK_ID = (
    sqlalchemy.select(
        col(Member.id),
        col(Member.slack_user_id),
        col(Member.name),
        col(Member.role),
        col(Member.team_id),
        col(Member.locale),
        col(Member.slack_locale),
        col(Member.timezone),
        sqlalchemy.label("team_timezone", col(Team.timezone)),
    )
    .join(Team, col(Member.team_id) == col(Team.id), isouter=True)
    .where(col(Member.slack_user_id) == bindparam("slack_user_id"), col(Member.active) == true())
)


def find_member(session: Session, slack_user_id: str) -> tuple[Member, Team | None] | None:
    row = session.exec(MEMBER_BY_SLACK_ID, params={"slack_user_id": slack_user_id}).first()
    return None if row is None else (row[0], row[1])


def find_actor(
    connection: Connection,
    slack_user_id: str,
    *,
    admins: frozenset[str],
    default_locale: str,
    default_timezone: str,
) -> Actor | None:
    """The member behind a Slack user, or None when there is no such member or their language
    is not known yet (neither their own nor Slack's): find_member and actor_for complete those."""
    row = connection.execute(ACTOR_BY_SLACK_ID, {"slack_user_id": slack_user_id}).first()
    if row is None or (row.locale is None and row.slack_locale is None):
        return None
    return _actor(row, row.team_timezone, admins, default_locale, default_timezone)


def bootstrap_admin(session: Session, slack_user_id: str, name: str) -> Member | None:
    """Admins named in SALESDESK_ADMINS become members the first time they speak; one who was
    deactivated stays so (None) until added again."""
    if session.exec(select(Member.id).where(Member.slack_user_id == slack_user_id)).first():
        return None
    member = Member(slack_user_id=slack_user_id, name=name or slack_user_id, role="admin")
    session.add(member)
    session.flush()
    return member


def actor_for(
    member: Member,
    team: Team | None,
    *,
    admins: frozenset[str],
    default_locale: str,
    default_timezone: str,
) -> Actor:
    team_timezone = team.timezone if team else None
    return _actor(member, team_timezone, admins, default_locale, default_timezone)


def _actor(
    member: Member | Row,
    team_timezone: str | None,
    admins: frozenset[str],
    default_locale: str,
    default_timezone: str,
) -> Actor:
    """A member (or a row of ACTOR_BY_SLACK_ID) as the one acting: admins named in the
    settings are admins whatever their role."""
    reader = _reader(member, team_timezone, default_locale, default_timezone)
    if member.id is None:
        raise ValueError("an actor is a stored member")
    return Actor(
        member_id=member.id,
        slack_user_id=member.slack_user_id,
        name=member.name,
        role="admin" if member.slack_user_id in admins else member.role,
        team_id=member.team_id,
        locale=reader.locale,
        timezone=reader.timezone,
    )


ROLE_WORDS = {
    "rep": "rep",
    "销售": "rep",
    "desk": "desk",
    "内勤": "desk",
    "manager": "manager",
    "经理": "manager",
    "admin": "admin",
    "管理员": "admin",
}


@dataclass(frozen=True)
class SlackProfile:
    """What Slack says of a person: their name, language (one we speak, or None) and zone."""

    slack_user_id: str
    name: str
    locale: str | None
    timezone: str | None


@dataclass(frozen=True)
class Added:
    name: str
    slack_user_id: str
    role: str
    team: str | None
    reactivated: bool


def add_member(
    session: Session, actor: Actor, profile: SlackProfile, role: str, team_name: str | None
) -> Added:
    """Make someone a member (or a deactivated member one again): admins any role in any team,
    managers reps and desk in their own team."""
    team = _team_for(session, actor, role, team_name)
    _check_may_add(actor, role, team)
    member = not_yet_a_member(session, profile.slack_user_id)
    reactivated = member is not None
    before = _membership(member) if member else None
    member = member or Member(slack_user_id=profile.slack_user_id, name=profile.name, role=role)
    member.name = profile.name[:100]
    member.role, member.team_id = role, team.id if team else None
    member.slack_locale = profile.locale
    member.timezone = profile.timezone or member.timezone
    member.active, member.deactivated_at = True, None
    session.add(member)
    session.flush()
    action = "reactivate" if reactivated else "add"
    audit(
        session,
        actor.slack_user_id,
        "member",
        member.slack_user_id,
        action,
        before,
        _membership(member),
    )
    return Added(member.name, member.slack_user_id, role, team.name if team else None, reactivated)


def not_yet_a_member(session: Session, slack_user_id: str) -> Member | None:
    """The deactivated member `slack_user_id` was, if any; InvalidInput for an active one."""
    member = session.exec(select(Member).where(Member.slack_user_id == slack_user_id)).first()
    if member is not None and member.active:
        raise InvalidInput("people.error.already_member", name=member.name, role=member.role)
    return member


def _team_for(session: Session, actor: Actor, role: str, team_name: str | None) -> Team | None:
    if not team_name:
        if role == "admin":
            return None
        if actor.role == "manager" and actor.team_id is not None:
            return session.get(Team, actor.team_id)
        raise InvalidInput("people.error.team_needed", role=role)
    teams = session.exec(select(Team)).all()
    wanted = fold(team_name)
    found = [team for team in teams if fold(team.name) == wanted] or [
        team for team in teams if wanted in fold(team.name).split()
    ]
    if len(found) != 1:
        names = ", ".join(sorted(team.name for team in teams))
        raise InvalidInput("people.error.unknown_team", team=team_name[:100], teams=names)
    return found[0]


def _check_may_add(actor: Actor, role: str, team: Team | None) -> None:
    if actor.is_admin:
        return
    if actor.role != "manager":
        raise Forbidden("people.error.admins_and_managers")
    if role not in ("rep", "desk") or team is None or team.id != actor.team_id:
        raise Forbidden("people.error.managers_add")


def _membership(member: Member) -> dict:
    return {
        "name": member.name,
        "role": member.role,
        "team_id": member.team_id,
        "active": member.active,
        "locale": member.slack_locale,
        "timezone": member.timezone,
    }
