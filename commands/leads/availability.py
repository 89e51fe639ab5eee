"""Who can take new leads: a rep away (`/lead away until 12月10日`, `/lead back`) gets none
until the day after; each rep's capacity per 30 days (`/lead capacity @rep 40`, a manager of
the rep's team or an admin), and the team's reps as the round robin sees them
(`/lead capacity`)."""

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from commands.errors import Forbidden, InvalidInput, NotFound
from commands.leads.offers import offer_waiting
from commands.leads.round_robin import Rep, team_queue
from commands.people import Actor
from commands.people_text import member_named
from commands.records import audit
from commands.team_settings import find_team, settings_of
from commands.when import parse_date
from storage.models import Member, Team, fold
from storage.statuses import Role

OFF_WORDS = {"off", "none", "cancel", "取消", "结束", "关闭"}
UNTIL_WORDS = ("until", "till", "to", "到", "至", "直到")
DEFAULT_WORDS = {"default", "team", "默认", "团队"}
MAX_CAPACITY = 10_000


@dataclass(frozen=True)
class AwaySet:
    until: date | None  # None: back
    offered: int = 0  # leads waiting in the team that were offered once the rep was back


@dataclass(frozen=True)
class CapacitySet:
    name: str
    capacity: int
    own: bool  # the rep's own, not the team's


@dataclass(frozen=True)
class TeamCapacity:
    team_name: str
    team_capacity: int
    reps: list[Rep]


def set_away(session: Session, actor: Actor, text: str, now: datetime) -> AwaySet:
    """`until 12月10日` / `until Friday` / `12月10日`; `off` (or `/lead back`)."""
    words = text.strip()
    if fold(words) in OFF_WORDS:
        return back(session, actor, now)
    for word in UNTIL_WORDS:
        if fold(words).startswith(word + " ") or (not word.isascii() and words.startswith(word)):
            words = words[len(word) :].strip()
            break
    if not words:
        raise InvalidInput("away.error.usage")
    until = parse_date(words, actor.timezone, now)
    if until is None:
        raise InvalidInput("away.error.bad_date", value=words[:60])
    today = now.astimezone(_zone(actor)).date()
    if until < today:
        raise InvalidInput("away.error.past", day=until)
    member = _member(session, actor)
    _audit_away(session, actor, member, until)
    member.away_until = until
    session.add(member)
    session.flush()
    return AwaySet(until)


def back(session: Session, actor: Actor, now: datetime) -> AwaySet:
    member = _member(session, actor)
    if member.away_until is not None:
        _audit_away(session, actor, member, None)
        member.away_until = None
        session.add(member)
        session.flush()
    return AwaySet(None, offered_on_return(session, now))


def offered_on_return(session: Session, now: datetime) -> int:
    """Leads waiting for someone free, offered now rather than at the next reminders run."""
    return offer_waiting(session, now)


def set_capacity(session: Session, actor: Actor, text: str) -> CapacitySet:
    """`@rep 40` (or `@rep default`): the rep's own number of leads per 30 days."""
    who, _, amount = text.strip().rpartition(" ")
    if not who.strip() or not amount:
        raise InvalidInput("capacity.error.usage")
    member = _rep_named(session, who.strip())
    team = session.get(Team, member.team_id) if member.team_id else None
    if not actor.is_admin and not (actor.role == Role.manager and actor.team_id == member.team_id):
        raise Forbidden("capacity.error.not_allowed", name=member.name)
    capacity = _capacity(amount)
    before = {"lead_capacity": member.lead_capacity}
    member.lead_capacity = capacity
    session.add(member)
    audit(
        session,
        actor.slack_user_id,
        "member",
        member.slack_user_id,
        "lead.capacity",
        before,
        {"lead_capacity": capacity},
    )
    session.flush()
    team_default = settings_of(team).lead_capacity if team else 0
    shown = capacity if capacity is not None else team_default
    return CapacitySet(member.name, shown, own=capacity is not None)


def team_capacity(session: Session, actor: Actor, text: str, now: datetime) -> TeamCapacity:
    """The team's reps: capacity, leads in 30 days, away. The actor's own team, or (an admin,
    or someone without a team) the team named."""
    if not actor.works_the_desk:
        raise Forbidden("capacity.error.view_not_allowed")
    if text.strip():
        team: Team | None = find_team(session, text.strip())
    elif actor.team_id is not None:
        team = session.get(Team, actor.team_id)
    else:
        raise InvalidInput("capacity.error.no_team")
    assert team is not None, "an actor's team exists"
    if not actor.is_admin and actor.role != Role.desk and actor.team_id != team.id:
        raise Forbidden("capacity.error.other_team", team=team.name)
    queue = team_queue(session, team, now)
    return TeamCapacity(team.name, queue.settings.lead_capacity, queue.reps)


def _capacity(amount: str) -> int | None:
    if fold(amount) in DEFAULT_WORDS:
        return None
    if not amount.isdigit() or int(amount) > MAX_CAPACITY:
        raise InvalidInput("capacity.error.number", value=amount[:30], limit=MAX_CAPACITY)
    return int(amount)


def _rep_named(session: Session, written: str) -> Member:
    slack_id = member_named(session, written, active_only=True)
    member = session.exec(
        select(Member).where(Member.slack_user_id == slack_id, col(Member.active).is_(True))
    ).first()
    if member is None:
        raise NotFound("people.error.unknown_person", name=written[:60])
    if member.role != Role.rep:
        raise InvalidInput("capacity.error.not_a_rep", name=member.name)
    return member


def _member(session: Session, actor: Actor) -> Member:
    member = session.get(Member, actor.member_id)
    assert member is not None, "an actor is a stored member"
    return member


def _zone(actor: Actor) -> ZoneInfo:
    return ZoneInfo(actor.timezone)


def _audit_away(session: Session, actor: Actor, member: Member, until: date | None) -> None:
    audit(
        session,
        actor.slack_user_id,
        "member",
        member.slack_user_id,
        "lead.away",
        {"away_until": member.away_until.isoformat() if member.away_until else None},
        {"away_until": until.isoformat() if until else None},
    )
