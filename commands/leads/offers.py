"""A lead offered to a rep (the round robin's DM with Accept / Pass), and leads that wait in a
team offered again once someone can take them.

- Accept: the lead is the rep's (`accepted_at`), audited.
- Pass: the rep will not be offered it again (`lead_pass`), it is unassigned and offered to the
  team's next rep, audited "passed by …".

Only the rep it was offered to may answer, and only that offer: each button carries the
lead, the rep and the moment it was given (`offer_stamp`), so a stale button, a double click or
a replayed request changes nothing and says why. Both steps are compare-and-set updates.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from commands.errors import Forbidden, InvalidInput, NotFound
from commands.home_refresh import refresh_home_soon
from commands.leads.intake import ROUND_ROBIN, compare_and_set, offer_stamp, place
from commands.leads.round_robin import Assignments
from commands.leads.sla import stop_clock
from commands.people import Actor
from commands.records import audit
from storage.models import Lead, LeadPass, Member, Team, as_utc, stored_id, utcnow
from storage.statuses import LeadStatus

WAITING_BATCH = 500


@dataclass(frozen=True)
class OfferButton:
    """What an Accept / Pass button names: the lead, the rep, the offer."""

    lead_id: int
    member_id: int
    stamp: int


@dataclass(frozen=True)
class OfferAnswered:
    lead_id: int
    company: str
    accepted: bool
    next_owner: str | None = None  # who it was offered to after a pass
    team_name: str | None = None
    accepted_at: datetime | None = None
    due_at: datetime | None = None  # first contact due (after an accept)


def button_value(lead_id: int, member_id: int, stamp: int) -> str:
    return f"{lead_id}:{member_id}:{stamp}"


def read_button(value: str) -> OfferButton:
    parts = value.split(":")
    if len(parts) != 3 or not all(part.isdigit() for part in parts):
        raise InvalidInput("offer.error.bad_button")
    return OfferButton(int(parts[0]), int(parts[1]), int(parts[2]))


def accept_offer(session: Session, actor: Actor, button: OfferButton) -> OfferAnswered:
    lead = _offered_lead(session, actor, button)
    if lead.accepted_at is not None:
        raise InvalidInput("offer.error.already_accepted", id=lead.id, at=as_utc(lead.accepted_at))
    now = utcnow()
    taken = _update_offered(session, lead, button, accepted_at=now, updated_at=now)
    if not taken:
        raise InvalidInput("offer.error.stale", id=button.lead_id)
    audit(
        session,
        actor.slack_user_id,
        "lead",
        str(button.lead_id),
        "lead.accept",
        None,
        {"owner_id": actor.member_id, "accepted_at": now.isoformat()},
    )
    due = as_utc(lead.sla_due_at) if lead.sla_due_at else None
    return OfferAnswered(stored_id(lead), lead.company, True, accepted_at=now, due_at=due)


def pass_offer(session: Session, actor: Actor, button: OfferButton) -> OfferAnswered:
    lead = _offered_lead(session, actor, button)
    if lead.accepted_at is not None:
        raise InvalidInput("offer.error.accepted_cannot_pass", id=lead.id)
    now = utcnow()
    released = _update_offered(
        session,
        lead,
        button,
        status=LeadStatus.new,
        owner_id=None,
        assigned_at=None,
        updated_at=now,
    )
    if not released:
        raise InvalidInput("offer.error.stale", id=button.lead_id)
    stop_clock(lead)
    refresh_home_soon(session, actor.slack_user_id)
    session.add(LeadPass(lead_id=button.lead_id, member_id=actor.member_id, passed_at=now))
    why = f"passed by {actor.name}"
    audit(
        session, actor.slack_user_id, "lead", str(button.lead_id), "lead.pass", None, {"note": why}
    )
    session.flush()
    passed = passes_of(session, [button.lead_id]).get(button.lead_id, set())
    plan = Assignments(session, now)
    place(session, lead, actor.slack_user_id, plan, why=why, passed=passed)
    return _passed(session, lead)


def offer_waiting(session: Session, now: datetime) -> int:
    """Leads waiting in a team (nobody could take them) offered to whoever can now, oldest
    first; teams where nobody can are not read further. How many were offered."""
    plan = Assignments(session, now)
    offered = 0
    team_ids = session.exec(
        _waiting()
        .with_only_columns(col(Lead.team_id))
        .where(col(Lead.team_id).is_not(None))
        .distinct()
    ).all()
    for team_id in team_ids:
        if team_id is not None:
            offered += _offer_in_team(session, plan, team_id)
    return offered


def passes_of(session: Session, lead_ids: Collection[int]) -> dict[int, set[int]]:
    """The reps who passed on each lead."""
    found: dict[int, set[int]] = {}
    rows = session.exec(
        select(LeadPass.lead_id, LeadPass.member_id).where(col(LeadPass.lead_id).in_(lead_ids))
    )
    for lead_id, member_id in rows:
        found.setdefault(lead_id, set()).add(member_id)
    return found


def _offer_in_team(session: Session, plan: Assignments, team_id: int) -> int:
    queue = plan.queue(team_id)
    offered = 0
    last_id = 0
    while queue.anyone_available:
        leads = session.exec(
            _waiting()
            .where(Lead.team_id == team_id, col(Lead.id) > last_id)
            .order_by(col(Lead.id))
            .limit(WAITING_BATCH)
        ).all()
        if not leads:
            break
        passes = passes_of(session, [stored_id(lead) for lead in leads])
        for lead in leads:
            if not queue.anyone_available:
                break
            passed = passes.get(stored_id(lead), set())
            offered += place(session, lead, ROUND_ROBIN, plan, passed=passed)
        last_id = stored_id(leads[-1])
    return offered


def _waiting():
    return select(Lead).where(
        Lead.status == LeadStatus.new, col(Lead.owner_id).is_(None), Lead.company_key != ""
    )


def _offered_lead(session: Session, actor: Actor, button: OfferButton) -> Lead:
    """The lead of the button, if the button is the actor's and still the lead's offer."""
    if button.member_id != actor.member_id:
        raise Forbidden("offer.error.not_yours")
    lead = session.get(Lead, button.lead_id)
    if lead is None:
        raise NotFound("offer.error.no_lead", id=button.lead_id)
    if lead.owner_id == actor.member_id and _stamp(lead) == button.stamp:
        return lead
    if _has_passed(session, button):
        raise InvalidInput("offer.error.already_passed", id=button.lead_id)
    raise InvalidInput("offer.error.stale", id=button.lead_id)


def _update_offered(session: Session, lead: Lead, button: OfferButton, **values: object) -> bool:
    """Change the lead only while it is still this offer, not yet accepted."""
    still = (
        col(Lead.owner_id) == button.member_id,
        col(Lead.status) == LeadStatus.assigned,
        col(Lead.accepted_at).is_(None),
        col(Lead.assigned_at) == lead.assigned_at,
    )
    return compare_and_set(session, lead, still, values)


def _stamp(lead: Lead) -> int | None:
    return offer_stamp(lead) if lead.assigned_at is not None else None


def _has_passed(session: Session, button: OfferButton) -> bool:
    return (
        session.exec(
            select(LeadPass.id).where(
                LeadPass.lead_id == button.lead_id, LeadPass.member_id == button.member_id
            )
        ).first()
        is not None
    )


def _passed(session: Session, lead: Lead) -> OfferAnswered:
    owner = session.get(Member, lead.owner_id) if lead.owner_id else None
    team = session.get(Team, lead.team_id) if lead.team_id else None
    return OfferAnswered(
        stored_id(lead),
        lead.company,
        False,
        next_owner=owner.name if owner else None,
        team_name=team.name if team else None,
    )
