"""The morning stand-up: one post per team channel and a short brief to each rep."""

from dataclasses import asdict
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session

from commands.digest import team_digest
from commands.records import notify
from commands.reports.canvas import CANVAS, canvas_key
from commands.team_settings import TeamSettings
from storage.models import Team


def queue(session: Session, team: Team, at: datetime, settings: TeamSettings) -> int:
    day = at.astimezone(ZoneInfo(settings.timezone)).date()
    digest = team_digest(session, team, day, settings.timezone)
    briefs = digest.briefs
    post = asdict(digest)
    del post["briefs"]
    notify(
        session,
        key=f"daily-digest:{team.id}:{day}",
        channel=team.slack_channel_id,
        kind="daily_digest",
        locale=settings.locale,
        timezone=settings.timezone,
        **post,
    )
    sent = 1
    if team.slack_channel_id:  # the channel's canvas rewritten with the month as of today
        notify(
            session,
            key=canvas_key(team, day),
            channel=team.slack_channel_id,
            kind=CANVAS,
            team_id=team.id,
            day=day.isoformat(),
            locale=settings.locale,
        )
        sent += 1
    for brief in briefs:
        if brief.is_empty():
            continue
        notify(
            session,
            key=f"rep-brief:{brief.slack_user_id}:{day}",
            channel=brief.slack_user_id,
            kind="rep_brief",
            day=day.isoformat(),
            **asdict(brief),
        )
        sent += 1
    return sent
