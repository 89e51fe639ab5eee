"""The lead pool (公海): leads whose first contact was missed, or that went without a
follow-up too long, wait in their team's pool for a rep to claim them.

- A rep holds at most the team's `lead_pool_cap` open leads claimed from the pool.
- The rep who lost a lead to the pool may not claim it back for `lead_reclaim_days`.
- Two claims at once: one wins (a compare-and-set on the lead's status), the other is told who
  has it. A claim assigns the lead through intake.assign, which restarts its clock.
- A manager told of a missed first contact may hand the lead to another rep of the team.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, update
from sqlmodel import Session, col, select

from commands.errors import Forbidden, InvalidInput, NotFound
from commands.home_refresh import refresh_home_soon
from commands.leads.intake import assign
from commands.leads.round_robin import team_queue
from commands.leads.sla import stop_clock
from commands.people import Actor
from commands.records import audit, notify
from commands.team_settings import TeamSettings, settings_of
from storage.leads import OPEN_STATUSES
from storage.models import Lead, LeadPass, Member, Team, as_utc, fold, stored_id, utcnow
from storage.statuses import LeadStatus, Role

PAGE_SIZE = 20
MAX_WORDS = 5
CLAIM_NOTE = "claimed from the pool"  # the assignment note that counts against the cap
RETURNED_KIND = "lead_returned"
REASSIGNED_KIND = "lead_reassigned"


@dataclass(frozen=True)
class PoolLine:
    lead_id: int
    company: str
    region: str | None
    industry: str | None
    need: str | None
    pooled_at: datetime | None


@dataclass(frozen=True)
class PoolPage:
    leads: list[PoolLine]
    total: int
    offset: int
    words: str


@dataclass(frozen=True)
class Claimed:
    lead_id: int
    company: str
    due_at: datetime | None  # its first contact, on the clock the claim started
    held: int  # open leads from the pool the rep now holds
    cap: int


@dataclass(frozen=True)
class Reassigned:
    lead_id: int
    company: str
    to_name: str
    to_slack_id: str


def pool_page(session: Session, actor: Actor, words: str = "", offset: int = 0) -> PoolPage:
    """The pooled leads of the actor's team, newest first, whose region or industry holds
    every word given."""
    if actor.team_id is None:
        raise InvalidInput("lead_pool.error.no_team")
    words = " ".join(words.split()[:MAX_WORDS])
    where: list[Any] = [Lead.team_id == actor.team_id, Lead.status == LeadStatus.recycled]
    for word in words.split():
        folded = f"%{fold(word)}%"
        where.append(
            or_(func.lower(Lead.region).like(folded), func.lower(Lead.industry).like(folded))
        )
    total = session.exec(select(func.count()).select_from(Lead).where(*where)).one()
    rows = session.exec(
        select(Lead)
        .where(*where)
        .order_by(col(Lead.pooled_at).desc(), col(Lead.id).desc())
        .offset(max(offset, 0))
        .limit(PAGE_SIZE)
    ).all()
    lines = [
        PoolLine(
            stored_id(lead),
            lead.company,
            lead.region,
            lead.industry,
            lead.need,
            as_utc(lead.pooled_at) if lead.pooled_at else None,
        )
        for lead in rows
    ]
    return PoolPage(lines, total, max(offset, 0), words)


def claim(session: Session, actor: Actor, lead_id: int, now: datetime | None = None) -> Claimed:
    """`/lead claim 12` or its Claim button: the lead is the rep's, its clock started."""
    now = now or utcnow()
    if actor.role != Role.rep:
        raise Forbidden("lead_pool.error.reps_claim")
    # The lead first, then the rep: two claims of one lead queue on the lead and hold nothing
    # else meanwhile (a rep locked first deadlocked with the other's foreign-key check).
    lead = session.exec(select(Lead).where(Lead.id == lead_id).with_for_update()).first()
    rep = _rep_locked(session, actor)
    if lead is None or lead.team_id is None or lead.team_id != actor.team_id:
        raise NotFound("lead_pool.error.not_in_pool", id=lead_id)
    _check_claimable(session, lead)
    settings = _settings(session, lead)
    _check_reclaim(lead, rep, settings, now)
    held = _held_from_pool(session, rep)
    if held >= settings.lead_pool_cap:
        raise InvalidInput("lead_pool.error.cap", held=held, cap=settings.lead_pool_cap)
    previous = lead.previous_owner_id
    if not _compare_and_set(
        session, lead, [col(Lead.status) == LeadStatus.recycled], owner_id=rep.id, pooled_at=None
    ):
        _check_claimable(session, lead)  # someone else's now: say whose
        raise InvalidInput("lead_pool.error.not_pooled", id=lead_id)
    audit(
        session,
        actor.slack_user_id,
        "lead",
        str(lead_id),
        "lead.claim",
        {"previous_owner_id": previous},
        {"owner_id": rep.id},
    )
    if not assign(session, lead, rep, CLAIM_NOTE, actor.slack_user_id, None):
        raise InvalidInput("lead_pool.error.not_pooled", id=lead_id)
    due = as_utc(lead.sla_due_at) if lead.sla_due_at else None
    return Claimed(lead_id, lead.company, due, held + 1, settings.lead_pool_cap)


def _rep_locked(session: Session, actor: Actor) -> Member:
    """The claiming rep, locked: one rep's claims are counted one at a time (PostgreSQL;
    SQLite serialises writers anyway)."""
    return session.exec(select(Member).where(Member.id == actor.member_id).with_for_update()).one()


def _check_claimable(session: Session, lead: Lead) -> None:
    if lead.status == LeadStatus.recycled:
        return
    owner = session.get(Member, lead.owner_id) if lead.owner_id else None
    if owner is not None:
        raise InvalidInput("lead_pool.error.taken", id=lead.id, owner=owner.name)
    raise InvalidInput("lead_pool.error.not_pooled", id=lead.id)


def _check_reclaim(lead: Lead, rep: Member, settings: TeamSettings, now: datetime) -> None:
    if lead.previous_owner_id != rep.id or lead.pooled_at is None:
        return
    until = as_utc(lead.pooled_at) + timedelta(days=settings.lead_reclaim_days)
    if as_utc(now) < until:
        raise InvalidInput("lead_pool.error.reclaim", id=lead.id, until=until)


def _held_from_pool(session: Session, rep: Member) -> int:
    return session.exec(
        select(func.count())
        .select_from(Lead)
        .where(
            Lead.owner_id == rep.id,
            col(Lead.status).in_(OPEN_STATUSES),
            Lead.assignment_note == CLAIM_NOTE,
        )
    ).one()


def _settings(session: Session, lead: Lead) -> TeamSettings:
    team = session.get(Team, lead.team_id) if lead.team_id else None
    return settings_of(team) if team else TeamSettings()


def _compare_and_set(session: Session, lead: Lead, conditions: Sequence[Any], **values) -> bool:
    """Write `values` only if the lead still meets `conditions`; the lead read back either way."""
    moved = session.execute(
        update(Lead)
        .where(col(Lead.id) == lead.id, *conditions)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    session.refresh(lead)
    return moved.rowcount == 1  # type: ignore[attr-defined]


# -- back to the pool --------------------------------------------------------------------------


def return_to_pool(
    session: Session, lead: Lead, conditions: Sequence[Any], by: str, at: datetime, why: str
) -> Member | None:
    """The lead to its team's pool, if it still meets `conditions` (read when it was chosen):
    owner cleared and kept as the previous owner, audited, the owner told why. The owner it
    had, or None when it had moved meanwhile."""
    owner_id = lead.owner_id
    if owner_id is None:
        return None
    values = {
        "status": LeadStatus.recycled,
        "owner_id": None,
        "previous_owner_id": owner_id,
        "pooled_at": at,
        "updated_at": at,
    }
    if not _compare_and_set(session, lead, [col(Lead.owner_id) == owner_id, *conditions], **values):
        return None
    stop_clock(lead)
    session.add(lead)
    lead_id = stored_id(lead)
    audit(
        session,
        by,
        "lead",
        str(lead_id),
        "lead.pool",
        {"owner_id": owner_id},
        {"status": str(lead.status), "why": why},
    )
    owner = session.get_one(Member, owner_id)
    refresh_home_soon(session, owner.slack_user_id)
    notify(
        session,
        key=f"lead:{lead_id}:pooled:{as_utc(at).isoformat()}",
        channel=owner.slack_user_id,
        kind=RETURNED_KIND,
        lead_id=lead_id,
        company=lead.company,
        why=why,
        days=_settings(session, lead).lead_recycle_days,
    )
    session.flush()
    return owner


# -- the manager's reassignment ----------------------------------------------------------------


def reassign(
    session: Session, actor: Actor, lead_id: int, from_owner_id: int, to_member_id: int
) -> Reassigned:
    """The manager's click on a missed first contact: the lead to another rep of its team,
    if it still waits with the rep the manager was told of."""
    lead = session.get(Lead, lead_id)
    if lead is None or not may_reassign(session, actor, lead):
        raise NotFound("lead_pool.error.not_found", id=lead_id)
    _check_still_waiting(session, lead, from_owner_id)
    rep = session.get(Member, to_member_id)
    if rep is None or not rep.active or rep.role != Role.rep or rep.team_id != lead.team_id:
        raise InvalidInput("lead_pool.error.not_a_rep_here")
    if rep.id == from_owner_id:
        raise InvalidInput("lead_pool.error.same_rep", name=rep.name)
    waiting = [
        col(Lead.owner_id) == from_owner_id,
        col(Lead.status) == LeadStatus.assigned,
        col(Lead.first_contact_at).is_(None),
    ]
    if not _compare_and_set(session, lead, waiting, owner_id=rep.id):
        _check_still_waiting(session, lead, from_owner_id)
    before = session.get_one(Member, from_owner_id)
    note = f"reassigned by {actor.name} from {before.name}: first contact missed"
    if not assign(session, lead, rep, note, actor.slack_user_id, None):
        _check_still_waiting(session, lead, from_owner_id)
    _tell_reassigned(session, lead, rep, before, actor)
    return Reassigned(lead_id, lead.company, rep.name, rep.slack_user_id)


def reassign_next(session: Session, actor: Actor, lead_id: int, from_owner_id: int) -> Reassigned:
    """The manager's one click: the lead to the rep the team's round robin gives the next lead
    to, leaving out the rep who missed it and any who passed on it."""
    lead = session.get(Lead, lead_id)
    if lead is None or lead.team_id is None or not may_reassign(session, actor, lead):
        raise NotFound("lead_pool.error.not_found", id=lead_id)
    _check_still_waiting(session, lead, from_owner_id)
    passed = set(session.exec(select(LeadPass.member_id).where(LeadPass.lead_id == lead_id)))
    team = session.get_one(Team, lead.team_id)
    rep = team_queue(session, team, utcnow()).pick({from_owner_id, *passed})
    if rep is None:
        raise InvalidInput("lead_pool.error.nobody_free")
    return reassign(session, actor, lead_id, from_owner_id, rep.member_id)


def may_reassign(session: Session, actor: Actor, lead: Lead) -> bool:
    if actor.is_admin:
        return True
    if actor.role != Role.manager:
        return False
    if lead.team_id is not None and lead.team_id == actor.team_id:
        return True
    owner = session.get(Member, lead.owner_id) if lead.owner_id else None
    return owner is not None and owner.manager_slack_id == actor.slack_user_id


def team_reps(session: Session, team_id: int | None, except_id: int | None) -> list[Member]:
    """The team's active reps, by name: whom a lead may be handed to."""
    return list(
        session.exec(
            select(Member)
            .where(
                Member.team_id == team_id,
                Member.role == Role.rep,
                col(Member.active).is_(True),
                Member.id != except_id,
            )
            .order_by(col(Member.name))
        )
    )


def _check_still_waiting(session: Session, lead: Lead, from_owner_id: int) -> None:
    if lead.first_contact_at is not None:
        raise InvalidInput(
            "lead_pool.error.already_contacted", id=lead.id, at=as_utc(lead.first_contact_at)
        )
    if lead.status == LeadStatus.recycled:
        raise InvalidInput("lead_pool.error.now_recycled", id=lead.id)
    if lead.status != LeadStatus.assigned:
        raise InvalidInput(f"lead_pool.error.now_{lead.status}", id=lead.id)
    if lead.owner_id != from_owner_id:
        owner = session.get_one(Member, lead.owner_id)
        raise InvalidInput("lead_pool.error.taken", id=lead.id, owner=owner.name)


def _tell_reassigned(
    session: Session, lead: Lead, rep: Member, before: Member, actor: Actor
) -> None:
    lead_id = stored_id(lead)
    assigned = as_utc(lead.assigned_at or utcnow()).isoformat()
    for member, role in ((rep, "to"), (before, "from")):
        notify(
            session,
            key=f"lead:{lead_id}:reassigned:{assigned}:{role}",
            channel=member.slack_user_id,
            kind=REASSIGNED_KIND,
            lead_id=lead_id,
            company=lead.company,
            role=role,
            by=actor.name,
            to=rep.name,
            due=as_utc(lead.sla_due_at).isoformat() if lead.sla_due_at else None,
        )
