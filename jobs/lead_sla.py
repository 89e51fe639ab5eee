"""The first-contact clock acted on, and idle leads sent back to the pool.

`queue` (every few minutes): each assigned lead not yet contacted whose next moment has come
(`sla_next_at`, index ix_lead_status_sla_next) — at the reminder its rep hears, at the deadline
the team's managers hear (with a Reassign), at the return it goes to the team's pool and its
rep hears. The lead's `sla_stage` and `sla_next_at` move on by a compare-and-set in the same
transaction as the message, so a restart, a re-run or a second replica never sends twice. A job
that was down past several moments acts on the last one only.

A team on China's calendar whose year the calendar package does not know yet counts weekends
only (commands.workdays); the admins are told once a year.

`recycle_idle` (once a day per team): open leads with no follow-up for `lead_recycle_days`
(their last activity, else their assignment) go to the pool; their owners hear.
"""

from collections.abc import Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import or_, update
from sqlmodel import Session, col, select

from commands.leads.pool import return_to_pool, team_reps
from commands.team_settings import TeamSettings
from commands.workdays import knows_year
from jobs.recipients import queue_new
from storage.leads import OPEN_STATUSES
from storage.models import Lead, Member, Team, as_utc, stored_id
from storage.statuses import LeadStatus, Role

STAGES = ("reminded", "escalated", "returned")
BATCH = 200
MAX_REPS_OFFERED = 100  # Slack's options in one select
REMIND_KIND = "lead_sla_remind"
DUE_KIND = "lead_sla_due"
CALENDAR_KIND = "work_calendar_unknown"
BY = "job:lead-sla"


def queue(session: Session, teams: list[tuple[Team, TeamSettings]], at: datetime) -> int:
    at = as_utc(at)
    queued = calendar_warnings(session, teams, at)
    settings = {team.id: team_settings for team, team_settings in teams}
    for lead in _waiting(session, at):
        queued += act_on(session, lead, settings.get(lead.team_id) or TeamSettings(), at)
    return queued


def _waiting(session: Session, at: datetime) -> Iterator[Lead]:
    """Assigned leads not yet contacted whose next moment has come, by batches of ids."""
    after = 0
    while True:
        batch = session.exec(
            select(Lead)
            .where(
                Lead.status == LeadStatus.assigned,
                col(Lead.sla_next_at) <= at,
                col(Lead.first_contact_at).is_(None),
                col(Lead.id) > after,
            )
            .order_by(col(Lead.id))
            .limit(BATCH)
        ).all()
        if not batch:
            return
        yield from batch
        after = stored_id(batch[-1])


def act_on(session: Session, lead: Lead, settings: TeamSettings, at: datetime) -> int:
    """The lead's latest moment come, acted on once: how many messages were queued."""
    stage, next_at = _stage_due(lead, at)
    still_waiting = [
        col(Lead.status) == LeadStatus.assigned,
        col(Lead.first_contact_at).is_(None),
        col(Lead.sla_stage) == lead.sla_stage,
    ]
    if stage == "returned":
        owner = return_to_pool(session, lead, still_waiting, BY, at, "sla")
        if owner is None:
            return 0
        lead.sla_stage = "returned"
        session.add(lead)
        return 1
    owner_id = lead.owner_id
    moved = session.execute(
        update(Lead)
        .where(col(Lead.id) == lead.id, col(Lead.owner_id) == owner_id, *still_waiting)
        .values(sla_stage=stage or lead.sla_stage, sla_next_at=next_at)
        .execution_options(synchronize_session=False)
    )
    session.refresh(lead)
    if moved.rowcount != 1 or stage is None or owner_id is None:  # type: ignore[attr-defined]
        return 0
    owner = session.get_one(Member, owner_id)
    planned = _reminder(lead, owner, settings) if stage == "reminded" else []
    if stage == "escalated":
        planned = _escalations(session, lead, owner, settings)
    return queue_new(session, planned)


def _stage_due(lead: Lead, at: datetime) -> tuple[str | None, datetime | None]:
    """The last stage whose moment has come (None if none has), and the moment after it."""
    moments = {
        "reminded": lead.sla_remind_at,
        "escalated": lead.sla_due_at,
        "returned": lead.sla_return_at,
    }
    done = STAGES.index(lead.sla_stage) + 1 if lead.sla_stage in STAGES else 0
    ahead = STAGES[done:]
    come = [s for s in ahead if moments[s] is not None and as_utc(moments[s]) <= at]  # type: ignore[arg-type]
    stage = come[-1] if come else None
    rest = ahead[ahead.index(stage) + 1 :] if stage else ahead
    later = [as_utc(moment) for s in rest if (moment := moments[s]) is not None]
    return stage, min(later) if later else None


def _key(lead: Lead, stage: str, to: str) -> str:
    assigned = as_utc(lead.assigned_at).isoformat() if lead.assigned_at else "-"
    return f"lead:{lead.id}:sla:{stage}:{assigned}:{to}"


def _reminder(lead: Lead, owner: Member, settings: TeamSettings) -> list[dict]:
    return [
        {
            "key": _key(lead, "reminded", owner.slack_user_id),
            "channel": owner.slack_user_id,
            "kind": REMIND_KIND,
            "lead_id": lead.id,
            "company": lead.company,
            "contact_name": lead.contact_name,
            "phone": lead.phone,
            "email": lead.email,
            "due": _iso(lead.sla_due_at),
            "hours": settings.lead_sla_hours,
        }
    ]


def _escalations(session: Session, lead: Lead, owner: Member, settings: TeamSettings) -> list[dict]:
    reps = team_reps(session, lead.team_id, owner.id)[:MAX_REPS_OFFERED]
    return [
        {
            "key": _key(lead, "escalated", manager),
            "channel": manager,
            "kind": DUE_KIND,
            "lead_id": lead.id,
            "company": lead.company,
            "rep": owner.name,
            "owner_id": owner.id,
            "due": _iso(lead.sla_due_at),
            "return_at": _iso(lead.sla_return_at),
            "hours": settings.lead_sla_hours,
            "reps": [[rep.id, rep.name] for rep in reps],
        }
        for manager in managers_of(session, lead, owner)
    ]


def managers_of(session: Session, lead: Lead, owner: Member) -> list[str]:
    """The rep's own manager, the team's, and the team's other managers; else the admins."""
    team = session.get(Team, lead.team_id) if lead.team_id else None
    by_role = session.exec(
        select(Member.slack_user_id)
        .where(
            Member.team_id == lead.team_id,
            Member.role == Role.manager,
            col(Member.active).is_(True),
        )
        .order_by(col(Member.slack_user_id))
    ).all()
    named = [owner.manager_slack_id, team.manager_slack_id if team else None, *by_role]
    found = [person for person in dict.fromkeys(named) if person and _active(session, person)]
    return found or admins(session)


def _active(session: Session, slack_user_id: str) -> bool:
    return (
        session.exec(
            select(Member.id).where(
                Member.slack_user_id == slack_user_id, col(Member.active).is_(True)
            )
        ).first()
        is not None
    )


def admins(session: Session) -> list[str]:
    return list(
        session.exec(
            select(Member.slack_user_id)
            .where(Member.role == Role.admin, col(Member.active).is_(True))
            .order_by(col(Member.slack_user_id))
        )
    )


def _iso(moment: datetime | None) -> str | None:
    return as_utc(moment).isoformat() if moment else None


# -- a year China's calendar does not know yet --------------------------------------------------


def calendar_warnings(
    session: Session, teams: list[tuple[Team, TeamSettings]], at: datetime
) -> int:
    """The admins told, once a year, that a team on China's calendar counts weekends only."""
    unknown: dict[int, list[str]] = {}
    for team, settings in teams:
        year = at.astimezone(ZoneInfo(settings.timezone)).year
        if settings.chinese_calendar and not knows_year(year):
            unknown.setdefault(year, []).append(team.name)
    planned = [
        {
            "key": f"work-calendar-unknown:{year}:{admin}",
            "channel": admin,
            "kind": CALENDAR_KIND,
            "year": year,
            "teams": names,
        }
        for year, names in unknown.items()
        for admin in admins(session)
    ]
    return queue_new(session, planned)


# -- idle leads back to the pool ----------------------------------------------------------------


def recycle_idle(session: Session, team: Team, at: datetime, settings: TeamSettings) -> int:
    """Open leads of the team without a follow-up for `lead_recycle_days`, to the pool."""
    cutoff = as_utc(at) - timedelta(days=settings.lead_recycle_days)
    idle = [
        col(Lead.status).in_(OPEN_STATUSES),
        col(Lead.assigned_at) <= cutoff,
        or_(col(Lead.last_activity_at).is_(None), col(Lead.last_activity_at) <= cutoff),
    ]
    leads = session.exec(
        select(Lead)
        .where(Lead.team_id == team.id, col(Lead.owner_id).is_not(None), *idle)
        .order_by(col(Lead.id))
    ).all()
    returned = 0
    for lead in leads:
        returned += (
            return_to_pool(session, lead, idle, "job:lead-recycle", as_utc(at), "idle") is not None
        )
    return returned
