"""Who is asking: a Slack user resolved to a member with role, team, language and time zone."""

from dataclasses import dataclass

from sqlalchemy import Connection, Row, bindparam
from sqlmodel import Session, select

from storage.models import Member, Team


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


MEMBER_BY_SLACK_ID = (
    select(Member, Team)
    .join(Team, Member.team_id == Team.id, isouter=True)
    .where(Member.slack_user_id == bindparam("slack_user_id"))
)
# Every request from Slack starts here: only the columns an Actor needs, in a statement built
# once, read without the weight of an ORM session.
ACTOR_BY_SLACK_ID = (
    select(
        Member.id,
        Member.slack_user_id,
        Member.name,
        Member.role,
        Member.team_id,
        Member.locale,
        Member.slack_locale,
        Member.timezone,
        Team.timezone.label("team_timezone"),
    )
    .join(Team, Member.team_id == Team.id, isouter=True)
    .where(Member.slack_user_id == bindparam("slack_user_id"))
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


def bootstrap_admin(session: Session, slack_user_id: str, name: str) -> Member:
    """Admins named in SALESDESK_ADMINS become members the first time they speak."""
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
    return Actor(
        member_id=member.id,
        slack_user_id=member.slack_user_id,
        name=member.name,
        role="admin" if member.slack_user_id in admins else member.role,
        team_id=member.team_id,
        locale=reader.locale,
        timezone=reader.timezone,
    )
