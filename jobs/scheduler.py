"""APScheduler inside `salesdesk serve`: each team's jobs fire at the team's local time.

Runs are claimed in the database (jobs.runs), so every replica may run a scheduler: each run
still happens once. A run missed while the bot was down is made up once when it comes back,
within the team's `catch_up_hours`; older ones are skipped and logged.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger

from jobs.registry import JOBS
from jobs.runner import EVERYONE, JobRunner
from jobs.runs import has_run
from storage.models import Team, utcnow

log = logging.getLogger(__name__)
SYNC_MINUTES = 10
LOOK_BACK = timedelta(days=8)


@dataclass(frozen=True)
class Planned:
    job: str
    team_id: int | None
    team: str
    timezone: str
    trigger: CronTrigger
    catch_up: timedelta

    @property
    def id(self) -> str:
        return f"{self.job}:{self.team_id or EVERYONE}"

    def next_run(self, now: datetime) -> datetime | None:
        return self.trigger.get_next_fire_time(None, now)

    def last_run(self, now: datetime) -> datetime | None:
        """The latest fire time at or before `now` (within a week and a day)."""
        last, moment = None, self.trigger.get_next_fire_time(None, now - LOOK_BACK)
        while moment is not None and moment <= now:
            last = moment
            moment = self.trigger.get_next_fire_time(moment, moment + timedelta(seconds=1))
        return last


def planned_jobs(runner: JobRunner) -> list[Planned]:
    with runner.db.session() as session:
        teams = runner.teams(session)
    planned = []
    for job in JOBS.values():
        if not job.per_team:
            planned.append(Planned(job.name, None, "*", "UTC", job.trigger(None), timedelta(0)))
            continue
        for team, settings in teams:
            catch_up = timedelta(hours=settings.catch_up_hours)
            trigger = job.trigger(settings)
            planned.append(
                Planned(job.name, team.id, team.name, settings.timezone, trigger, catch_up)
            )
    return planned


class JobScheduler:
    def __init__(self, runner: JobRunner, on_queued: Callable[[], None]):
        self.runner = runner
        self.on_queued = on_queued
        self.scheduler = BackgroundScheduler(
            timezone="UTC", job_defaults={"coalesce": True, "max_instances": 1}
        )

    def start(self) -> None:
        self.sync()
        self.catch_up(utcnow())
        self.scheduler.add_job(self.sync, "interval", minutes=SYNC_MINUTES, id="sync")
        self.scheduler.start()

    def stop(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    def sync(self) -> None:
        """Match the scheduler to the teams and their settings as they are now."""
        planned = {p.id: p for p in planned_jobs(self.runner)}
        for plan in planned.values():
            self.scheduler.add_job(
                self._fire,
                plan.trigger,
                args=[plan.job, plan.team_id],
                id=plan.id,
                replace_existing=True,
                misfire_grace_time=None,
            )
        for job in self.scheduler.get_jobs():
            if job.id != "sync" and job.id not in planned:
                job.remove()

    def catch_up(self, now: datetime) -> None:
        for plan in planned_jobs(self.runner):
            if plan.team_id is None:
                self._fire(plan.job, None, now)
                continue
            missed = plan.last_run(now)
            if missed is None or self._done(plan, missed):
                continue
            if now - missed <= plan.catch_up:
                log.info("making up %s for %s, missed at %s", plan.job, plan.team, missed)
                self._fire(plan.job, plan.team_id, missed)
            else:
                log.warning(
                    "skipped %s for %s: missed at %s, too long ago", plan.job, plan.team, missed
                )

    def _done(self, plan: Planned, fired_at: datetime) -> bool:
        job = JOBS[plan.job]
        with self.runner.db.session() as session:
            settings = self.runner.settings(session.get(Team, plan.team_id))
            return has_run(
                session, plan.job, job.period(fired_at, settings), f"team:{plan.team_id}"
            )

    def _fire(self, name: str, team_id: int | None, at: datetime | None = None) -> None:
        try:
            results = self.runner.run(name, at or utcnow(), team_id)
        except Exception:
            log.exception("%s failed; it will run again at its next time", name)
            return
        if any(result.queued for result in results):
            self.on_queued()
