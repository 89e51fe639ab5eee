"""The scheduled jobs: what each one is, when it fires, and which period a moment belongs to."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger
from sqlmodel import Session

from commands.team_settings import TeamSettings
from jobs import (
    daily_digest,
    escalations,
    lead_sla,
    leaderboard,
    reminders,
    report_packs,
    targets,
    weekly_report,
)
from jobs.runs import floor_to
from storage.models import Team

EVERY_MINUTES = {"reminders": 5, "escalations": 15, "lead-sla": 5, "report-packs-company": 15}


@dataclass(frozen=True)
class Job:
    name: str
    per_team: bool
    trigger: Callable[[TeamSettings | None], CronTrigger]
    period: Callable[[datetime, TeamSettings | None], str]
    queue: Callable[[Session, Team | None, datetime, TeamSettings | None], int]
    # A job for everyone that keeps the organisation's clock (its default zone and language).
    on_organisation_clock: bool = False


def _at_clock(clock: str, settings: TeamSettings, **fields) -> CronTrigger:
    hour, minute = clock.split(":")
    return CronTrigger(hour=int(hour), minute=int(minute), timezone=settings.timezone, **fields)


def _local_date(at: datetime, settings: TeamSettings) -> str:
    return at.astimezone(ZoneInfo(settings.timezone)).date().isoformat()


def _iso_week(at: datetime, settings: TeamSettings) -> str:
    year, week, _ = at.astimezone(ZoneInfo(settings.timezone)).isocalendar()
    return f"{year}-W{week:02d}"


def _slot(name: str):
    return lambda at, _settings: floor_to(
        at.astimezone(ZoneInfo("UTC")), EVERY_MINUTES[name]
    ).strftime("%Y-%m-%dT%H:%MZ")


def _every(name: str):
    return lambda _settings: CronTrigger(minute=f"*/{EVERY_MINUTES[name]}", timezone="UTC")


JOBS: dict[str, Job] = {
    job.name: job
    for job in (
        Job(
            "daily-digest",
            per_team=True,
            trigger=lambda s: _at_clock(s.digest_time, s),
            period=_local_date,
            queue=daily_digest.queue,
        ),
        Job(
            "weekly-report",
            per_team=True,
            trigger=lambda s: _at_clock(s.weekly_report_time, s, day_of_week=s.weekly_report_day),
            period=_iso_week,
            queue=weekly_report.queue,
        ),
        Job(
            "weekly-leaderboard",
            per_team=True,
            trigger=lambda s: _at_clock(s.weekly_report_time, s, day_of_week=s.weekly_report_day),
            period=_iso_week,
            queue=leaderboard.queue,
        ),
        Job(
            "target-milestones",
            per_team=True,
            trigger=lambda s: _at_clock(s.digest_time, s),
            period=_local_date,
            queue=targets.queue_milestones,
        ),
        Job(
            "projection-alert",
            per_team=True,
            trigger=lambda s: _at_clock(s.digest_time, s, day=s.projection_alert_day),
            period=_local_date,
            queue=targets.queue_projection_alerts,
        ),
        Job(
            "reminders",
            per_team=False,
            trigger=_every("reminders"),
            period=_slot("reminders"),
            queue=reminders.queue,
        ),
        Job(
            "escalations",
            per_team=False,
            trigger=_every("escalations"),
            period=_slot("escalations"),
            queue=escalations.queue,
        ),
        Job(
            "lead-sla",
            per_team=False,
            trigger=_every("lead-sla"),
            period=_slot("lead-sla"),
            queue=lead_sla.queue,
        ),
        Job(
            "lead-recycle",
            per_team=True,
            trigger=lambda s: _at_clock(s.digest_time, s),
            period=_local_date,
            queue=lead_sla.recycle_idle,
        ),
        Job(
            "report-packs",
            per_team=True,
            trigger=lambda s: _at_clock(s.digest_time, s),
            period=_local_date,
            queue=report_packs.queue,
        ),
        Job(
            "report-packs-company",
            per_team=False,
            trigger=_every("report-packs-company"),
            period=_slot("report-packs-company"),
            queue=report_packs.queue_company,
            on_organisation_clock=True,
        ),
    )
}
