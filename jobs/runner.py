"""Running a job for its targets (each team, or everyone at once) as if the clock read `at`."""

from dataclasses import replace
from datetime import datetime

from sqlmodel import Session, select

from commands.team_settings import TeamSettings, settings_of
from jobs.registry import JOBS, Job
from jobs.runs import RunResult, run_once
from storage.db import Database
from storage.models import Team

EVERYONE = "all"


class JobRunner:
    def __init__(self, db: Database, default_timezone: str = "UTC", default_locale: str = "en"):
        self.db = db
        self.default_timezone = default_timezone
        self.default_locale = default_locale

    def settings(self, team: Team) -> TeamSettings:
        return settings_of(team, self.default_timezone, self.default_locale)

    def teams(self, session: Session) -> list[tuple[Team, TeamSettings]]:
        teams = session.exec(select(Team).order_by(Team.name)).all()
        return [(team, self.settings(team)) for team in teams]

    def run(self, name: str, at: datetime, team_id: int | None = None) -> list[RunResult]:
        """Run job `name` for every target (or one team), once per period."""
        job = JOBS[name]
        if not job.per_team:
            return [self._run_for_everyone(job, at)]
        with self.db.session() as session:
            targets = [(t, s) for t, s in self.teams(session) if team_id in (None, t.id)]
        return [self._run_for_team(job, team, settings, at) for team, settings in targets]

    def _run_for_team(self, job: Job, team: Team, settings: TeamSettings, at) -> RunResult:
        def work(session: Session) -> int:
            return job.queue(session, session.get(Team, team.id), at, settings)

        period = job.period(at, settings)
        result = run_once(self.db, job.name, period, f"team:{team.id}", work)
        return replace(result, label=team.name)

    def _run_for_everyone(self, job: Job, at: datetime) -> RunResult:
        def work(session: Session) -> int:
            if job.on_organisation_clock:
                clock = TeamSettings(timezone=self.default_timezone, locale=self.default_locale)
                return job.queue(session, self.teams(session), at, clock)
            return job.queue(session, self.teams(session), at)

        result = run_once(self.db, job.name, job.period(at, None), EVERYONE, work)
        return replace(result, label="*")
