"""Shared by the jobs: who messages go to, and queueing each message once."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from commands.records import notify
from jobs.runs import new_keys
from storage.models import Member, Team


def team_members(session: Session, team: Team) -> list[Member]:
    """The team's members still with the desk: the ones messages go to."""
    query = select(Member).where(Member.team_id == team.id, Member.active.is_(True))
    return list(session.exec(query))


def manager_of(rep: Member, team: Team) -> str | None:
    """A rep's own manager, else the team's."""
    return rep.manager_slack_id or team.manager_slack_id


def local_today(at: datetime, timezone: str) -> date:
    return at.astimezone(ZoneInfo(timezone)).date()


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
