"""Running a job exactly once per (job, period, target).

The run is claimed by inserting its JobRun row in the same transaction that queues its
messages in the outbox. Two processes racing for the same run, a restart, or `jobs run` twice:
only one transaction commits, the others hit the unique key and queue nothing. A process killed
mid-run commits nothing, so the run is still there to be made up.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from storage.db import Database
from storage.models import JobRun, Notification, utcnow

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunResult:
    job: str
    period: str
    target: str
    queued: int
    already_done: bool = False
    label: str = ""


def run_once(db: Database, job: str, period: str, target: str, work) -> RunResult:
    """Claim (job, period, target) and call `work(session) -> messages queued`, atomically."""
    try:
        with db.session() as session:
            run = JobRun(job=job, period=period, target=target, status="done")
            session.add(run)
            session.flush()
            queued = work(session)
            run.finished_at = utcnow()
    except IntegrityError:
        log.info("%s for %s, %s: already done", job, target, period)
        return RunResult(job, period, target, 0, already_done=True)
    log.info("%s for %s, %s: %d message(s) queued", job, target, period, queued)
    return RunResult(job, period, target, queued)


def has_run(session: Session, job: str, period: str, target: str) -> bool:
    return (
        session.exec(
            select(JobRun.id).where(
                JobRun.job == job, JobRun.period == period, JobRun.target == target
            )
        ).first()
        is not None
    )


def new_keys(session: Session, keys: list[str]) -> set[str]:
    """The keys among `keys` no notification has been queued under yet."""
    if not keys:
        return set()
    taken = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        taken |= set(session.exec(select(Notification.key).where(Notification.key.in_(chunk))))
    return set(keys) - taken


def floor_to(moment: datetime, minutes: int) -> datetime:
    return moment.replace(minute=moment.minute - moment.minute % minutes, second=0, microsecond=0)
