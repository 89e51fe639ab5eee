"""Monday morning: each manager of a team gets the team's weekly review."""

from dataclasses import asdict
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from commands.records import notify
from commands.team_settings import TeamSettings
from commands.weekly import weekly_review
from storage.models import Member, Team


def queue(session: Session, team: Team, at: datetime, settings: TeamSettings) -> int:
    today = at.astimezone(ZoneInfo(settings.timezone)).date()
    this_monday = today - timedelta(days=today.weekday())
    review = weekly_review(
        session,
        team,
        this_monday - timedelta(days=7),
        settings.timezone,
        settings.sample_approval_hours,
    )
    managers = _managers(session, team)
    for manager in managers:
        notify(
            session,
            key=f"weekly-report:{team.id}:{review.week_start}:{manager}",
            channel=manager,
            kind="weekly_report",
            **asdict(review),
        )
    return len(managers)


def _managers(session: Session, team: Team) -> list[str]:
    ids = set(
        session.exec(
            select(Member.slack_user_id).where(
                Member.team_id == team.id, Member.role == "manager", Member.active.is_(True)
            )
        )
    )
    if team.manager_slack_id:
        ids.add(team.manager_slack_id)
    return sorted(ids)
