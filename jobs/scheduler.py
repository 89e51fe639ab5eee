"""APScheduler inside `salesdesk serve`: each team's jobs fire at the team's local time.

Runs are claimed in the database (jobs.runs), so every replica may run a scheduler: each run
still happens once. A run missed while the bot was down is made up once when it comes back,
within the team's `catch_up_hours`; older ones are skipped and logged. A run that fails (the
database away for a moment) is tried again 1, 2, 4 … minutes later for as long as it could
still be made up; the run's claim keeps it to once.
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
RETRY_FIRST = timedelta(minutes=1)


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
    def __init__(
        self,
        runner: JobRunner,
        on_queued: Callable[[], None],
        retry_first: timedelta = RETRY_FIRST,
    ):
        self.runner = runner
        self.on_queued = on_queued
        self.retry_first = retry_first
        self._plans: dict[str, Planned] = {}
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
        self._plans = planned
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

    def _fire(
        self, name: str, team_id: int | None, at: datetime | None = None, retries: int = 0
    ) -> None:
        at = at or utcnow()
        try:
            results = self.runner.run(name, at, team_id)
        except Exception:
            self._retry_later(name, team_id, at, retries)
            return
        if any(result.queued for result in results):
            self.on_queued()

    def _retry_later(self, name: str, team_id: int | None, at: datetime, retries: int) -> None:
        """Fire the same run (same `at`, so the same period) again after 1, 2, 4 … minutes,
        while it could still be made up; a retry that finds it done queues nothing."""
        when = utcnow() + self.retry_first * 2**retries
        if when - at > self._window(f"{name}:{team_id or EVERYONE}", at):
            log.exception("%s for %s failed; too late to try again", name, team_id or EVERYONE)
            return
        log.exception("%s for %s failed; trying again at %s", name, team_id or EVERYONE, when)
        self.scheduler.add_job(
            self._fire,
            "date",
            run_date=when,
            args=[name, team_id, at, retries + 1],
            id=f"{name}:{team_id or EVERYONE}:retry",
            replace_existing=True,
            misfire_grace_time=None,
        )

    def _window(self, plan_id: str, at: datetime) -> timedelta:
        """How long after `at` the run may still happen: the team's catch-up hours, or until
        the job's next regular time for a job run for everyone at once."""
        plan = self._plans.get(plan_id)
        if plan is None:
            return timedelta(0)
        if plan.catch_up:
            return plan.catch_up
        following = plan.next_run(at + timedelta(seconds=1))
        return following - at if following else timedelta(0)
