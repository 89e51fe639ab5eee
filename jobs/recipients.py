"""Shared by the jobs: who messages go to, and queueing each message once."""

from collections.abc import Iterable
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from commands.records import notify
from commands.team_settings import TeamSettings
from jobs.runs import new_keys
from storage.models import Member, Team


def team_members(session: Session, team: Team) -> list[Member]:
    """The team's members still with the desk: the ones messages go to."""
    query = select(Member).where(Member.team_id == team.id, Member.active.is_(True))
    return list(session.exec(query))


def manager_of(rep: Member, team: Team) -> str | None:
    """A rep's own manager, else the team's."""
    return rep.manager_slack_id or team.manager_slack_id


def working_days(
    members: Iterable[Member], settings: TeamSettings, at: datetime
) -> dict[int, date]:
    """Each member's own calendar day at `at`, for those whose clock has reached the team's
    digest time (a team posting at 08:30 reminds a London rep at 08:30 London, on London's
    day): dates a rep writes ("follow up Friday") are the rep's dates. Members without a zone
    of their own keep the team's."""
    hour, minute = map(int, settings.digest_time.split(":"))
    days = {}
    for member in members:
        local = at.astimezone(ZoneInfo(member.timezone or settings.timezone))
        if local.time() >= time(hour, minute):
            days[member.id] = local.date()
    return days


def queue_new(session: Session, planned: list[dict]) -> int:
    """Queue each planned message whose key has never been used; return how many were new."""
    fresh = new_keys(session, [message["key"] for message in planned])
    queued = 0
    for message in planned:
        if message["key"] in fresh:
            fresh.discard(message["key"])
            notify(session, **message)
            queued += 1
    return queued
