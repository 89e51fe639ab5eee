"""A lead worked by its owner: the first contact (which stops the first-contact clock), a
follow-up, qualified or set aside with a reason. The owner, their manager, the team's desk and
managers, and admins may take these steps; to anyone else the lead reads as one that does not
exist (leads are confidential like customers).

Each step is a compare-and-set on the lead's status, so a double click, a stale button or a
replayed request finds the step taken and changes nothing.
"""

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, select

from commands.errors import InvalidInput, NotFound
from commands.home_refresh import refresh_home_soon
from commands.leads.sla import business_hours_between, stop_clock
from commands.people import Actor
from commands.records import audit
from commands.team_settings import settings_of
from storage.models import Lead, Member, Team, as_utc, stored_id, utcnow
from storage.statuses import LeadStatus, Role

NOTE_LIMIT = 1000
REASON_LIMIT = 500
_LEAD_ID = re.compile(r"^[#＃]?(\d{1,9})$")
# Where each step may start from.
CONTACTABLE = (LeadStatus.assigned,)
QUALIFIABLE = (LeadStatus.assigned, LeadStatus.contacted)
WORKABLE = (LeadStatus.assigned, LeadStatus.contacted, LeadStatus.qualified)


@dataclass(frozen=True)
class LeadStep:
    """A step taken: the lead, the step, and for a first contact the business hours it took."""

    lead_id: int
    company: str
    step: str  # contacted | qualified | disqualified | followed
    hours: float | None = None


def read_lead_id(text: str, usage_key: str) -> tuple[int, str]:
    """`12 rest…` or `#12 rest…`: the lead's number and the words after it."""
    first, _, rest = (text or "").strip().partition(" ")
    match = _LEAD_ID.match(first.strip())
    if match is None:
        raise InvalidInput(usage_key)
    return int(match.group(1)), rest.strip()


def lead_to_work(session: Session, actor: Actor, lead_id: int) -> Lead:
    """The lead, if the actor may work it; else the same NotFound as for no lead at all."""
    lead = session.get(Lead, lead_id)
    if lead is None or not may_work(session, actor, lead):
        raise NotFound("lead_pool.error.not_found", id=lead_id)
    return lead


def may_work(session: Session, actor: Actor, lead: Lead) -> bool:
    if actor.is_admin or (lead.owner_id is not None and lead.owner_id == actor.member_id):
        return True
    if actor.role not in (Role.desk, Role.manager):
        return False
    if lead.team_id is not None and lead.team_id == actor.team_id:
        return True
    owner = session.get(Member, lead.owner_id) if lead.owner_id else None
    return (
        actor.role == Role.manager
        and owner is not None
        and owner.manager_slack_id == (actor.slack_user_id)
    )


def mark_contacted(
    session: Session, actor: Actor, lead_id: int, note: str = "", now: datetime | None = None
) -> LeadStep:
    """`/lead contacted 12 [note]` or the Contacted button."""
    lead = lead_to_work(session, actor, lead_id)
    if lead.status not in (LeadStatus.contacted, LeadStatus.qualified):
        _check_status(lead, CONTACTABLE)  # closed, pooled or not assigned: say so
    if lead.first_contact_at is not None:
        raise InvalidInput(
            "lead_pool.error.already_contacted", id=lead_id, at=as_utc(lead.first_contact_at)
        )
    _check_status(lead, CONTACTABLE)
    return record_contact(session, lead, actor.slack_user_id, now or utcnow(), _note(note))


def record_contact(session: Session, lead: Lead, by: str, at: datetime, note: str) -> LeadStep:
    """The first contact: status contacted, the clock stopped; audited. A lead contacted (or
    moved) meanwhile is left as it is and said so."""
    lead_id = stored_id(lead)
    _claim_status(session, lead, CONTACTABLE, LeadStatus.contacted, "already_contacted")
    lead.first_contact_at = at
    lead.last_activity_at = at
    lead.updated_at = at
    stop_clock(lead)
    session.add(lead)
    audit(session, by, "lead", str(lead_id), "lead.contacted", None, _step_audit(lead, note))
    if lead.owner_id is not None:
        refresh_home_soon(session, session.get_one(Member, lead.owner_id).slack_user_id)
    session.flush()
    return LeadStep(lead_id, lead.company, "contacted", _hours_to_contact(session, lead, at))


def contacted_by_visit(
    session: Session, rep_id: int, customer_id: int, at: datetime, by: str
) -> list[int]:
    """A visit or call logged for its rep on a customer: each of the rep's leads on that
    customer still waiting for its first contact (and assigned before the visit) is contacted.
    The leads so contacted."""
    waiting = session.exec(
        select(Lead).where(
            Lead.customer_id == customer_id,
            Lead.owner_id == rep_id,
            Lead.status == LeadStatus.assigned,
            col(Lead.first_contact_at).is_(None),
        )
    ).all()
    contacted = []
    for lead in waiting:
        if lead.assigned_at is not None and _to_the_minute(lead.assigned_at) > as_utc(at):
            continue  # a visit before the lead came is no contact on it (typed to the minute)
        try:
            record_contact(session, lead, by, min(as_utc(at), utcnow()), "visit")
        except InvalidInput:
            continue  # contacted by another way at the same moment
        contacted.append(stored_id(lead))
    return contacted


def qualify(session: Session, actor: Actor, lead_id: int, now: datetime | None = None) -> LeadStep:
    """`/lead qualify 12`: worth an opportunity. A lead not yet marked contacted is contacted
    by being qualified."""
    lead = lead_to_work(session, actor, lead_id)
    if lead.status == LeadStatus.qualified:
        raise InvalidInput("lead_pool.error.already_qualified", id=lead_id)
    _check_status(lead, QUALIFIABLE)
    now = now or utcnow()
    _claim_status(session, lead, QUALIFIABLE, LeadStatus.qualified, "already_qualified")
    lead.first_contact_at = lead.first_contact_at or now
    lead.qualified_at = lead.last_activity_at = lead.updated_at = now
    stop_clock(lead)
    return _done(session, actor, lead, "qualified", "")


def disqualify(
    session: Session, actor: Actor, lead_id: int, reason: str, now: datetime | None = None
) -> LeadStep:
    """`/lead disqualify 12 reason`: set aside, with why."""
    reason = reason.strip()
    if not reason:
        raise InvalidInput("lead_pool.error.reason_needed", id=lead_id)
    if len(reason) > REASON_LIMIT:
        raise InvalidInput("lead_pool.error.too_long", limit=REASON_LIMIT)
    lead = lead_to_work(session, actor, lead_id)
    if lead.status == LeadStatus.disqualified:
        raise InvalidInput("lead_pool.error.already_disqualified", id=lead_id)
    _check_status(lead, WORKABLE)
    now = now or utcnow()
    _claim_status(session, lead, WORKABLE, LeadStatus.disqualified, "already_disqualified")
    lead.disqualify_reason = reason
    lead.last_activity_at = lead.updated_at = now
    stop_clock(lead)
    return _done(session, actor, lead, "disqualified", reason)


def follow(
    session: Session, actor: Actor, lead_id: int, note: str, now: datetime | None = None
) -> LeadStep:
    """`/lead follow 12 note`: a follow-up, which keeps the lead out of the pool."""
    note = _note(note)
    if not note:
        raise InvalidInput("lead_pool.error.note_needed", id=lead_id)
    lead = lead_to_work(session, actor, lead_id)
    _check_status(lead, WORKABLE)
    lead.last_activity_at = lead.updated_at = now or utcnow()
    return _done(session, actor, lead, "followed", note)


def _done(session: Session, actor: Actor, lead: Lead, step: str, note: str) -> LeadStep:
    session.add(lead)
    lead_id = stored_id(lead)
    audit(
        session,
        actor.slack_user_id,
        "lead",
        str(lead_id),
        f"lead.{step}",
        None,
        _step_audit(lead, note),
    )
    session.flush()
    return LeadStep(lead_id, lead.company, step)


def _check_status(lead: Lead, allowed: Collection[LeadStatus]) -> None:
    if lead.status not in allowed:
        raise InvalidInput(f"lead_pool.error.now_{lead.status}", id=lead.id)


def _claim_status(
    session: Session,
    lead: Lead,
    allowed: Collection[LeadStatus],
    status: LeadStatus,
    taken_key: str,
) -> None:
    """Move the lead to `status` only if it is still in one of `allowed` (and with the same
    owner): of two clicks at once, one wins and the other is told what happened."""
    moved = session.execute(
        update(Lead)
        .where(
            col(Lead.id) == lead.id,
            col(Lead.status).in_(list(allowed)),
            _same_owner(lead),
        )
        .values(status=status)
        .execution_options(synchronize_session=False)
    )
    session.refresh(lead)
    if moved.rowcount != 1:  # type: ignore[attr-defined]
        if lead.status == status:
            at = as_utc(lead.first_contact_at) if lead.first_contact_at else None
            raise InvalidInput(f"lead_pool.error.{taken_key}", id=lead.id, at=at)
        raise InvalidInput(f"lead_pool.error.now_{lead.status}", id=lead.id)


def _same_owner(lead: Lead):
    if lead.owner_id is None:
        return col(Lead.owner_id).is_(None)
    return col(Lead.owner_id) == lead.owner_id


def _hours_to_contact(session: Session, lead: Lead, at: datetime) -> float | None:
    team = session.get(Team, lead.team_id) if lead.team_id else None
    if team is None or lead.assigned_at is None:
        return None
    return business_hours_between(lead.assigned_at, at, settings_of(team))


def _to_the_minute(moment: datetime) -> datetime:
    return as_utc(moment).replace(second=0, microsecond=0)


def _note(note: str) -> str:
    note = (note or "").strip()
    if len(note) > NOTE_LIMIT:
        raise InvalidInput("lead_pool.error.too_long", limit=NOTE_LIMIT)
    return note


def _step_audit(lead: Lead, note: str) -> dict:
    after: dict = {"status": str(lead.status)}
    if note:
        after["note"] = note
    return after
