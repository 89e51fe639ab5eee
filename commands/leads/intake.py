"""Leads taken in: keys filled on every write, duplicates sent to the owner of what they
duplicate (audited, the owner told through the outbox), anything else left `new` and
unassigned for the assignment step that follows intake (routing rules and the round robin)."""

from dataclasses import dataclass

from sqlmodel import Session, col, select

from commands.leads.drafts import LeadDraft
from commands.leads.duplicates import Match, find_match
from commands.leads.keys import LeadKeys, company_key, email_key, phone_key
from commands.leads.sla import start_clock
from commands.people import Actor
from commands.records import audit, notify
from commands.team_settings import settings_of
from storage.models import Lead, Member, Team, fold, stored_id, utcnow
from storage.statuses import LeadStatus, Role

NOTIFY_KIND = "lead_duplicate"
CREATED_BY_REP = "created by the rep"
SCREEN_BATCH = 500
NEED_SHOWN = 500  # characters of the need carried into the owner's message


@dataclass(frozen=True)
class LeadSaved:
    """What became of a lead taken in: its number, whether it is new, where it went and why."""

    lead_id: int
    company: str
    created: bool
    status: LeadStatus
    owner_slack_id: str | None = None
    owner_name: str | None = None
    match: Match | None = None
    mine: bool = False  # the one who entered it owns it


def fill_keys(lead: Lead) -> None:
    """The keys duplicate checks compare, from the lead's company, phone and e-mail."""
    lead.company_key = company_key(lead.company) or fold(lead.company).strip() or "-"
    lead.phone_key = phone_key(lead.phone)
    lead.email_key = email_key(lead.email)


def take_from_source(session: Session, draft: LeadDraft, source: str) -> LeadSaved:
    """A lead a source sent (`POST /leads`): the one it already sent under the same source id,
    else a new one, screened for duplicates."""
    if draft.source_id:
        existing = session.exec(
            select(Lead).where(Lead.source == source, Lead.source_ref == draft.source_id)
        ).first()
        if existing is not None:
            return _saved(session, existing, created=False)
    lead = _new_lead(session, draft, source, f"source:{source}")
    return screen(session, lead, by=f"source:{source}")


def create_in_slack(session: Session, actor: Actor, draft: LeadDraft) -> LeadSaved:
    """A lead a member entered: a rep owns it, unless it duplicates someone else's record,
    which then has it; anyone else's lead waits for assignment."""
    lead = _new_lead(session, draft, draft.source, actor.slack_user_id)
    return screen(session, lead, by=actor.slack_user_id, creator=actor)


def screen(session: Session, lead: Lead, by: str, creator: Actor | None = None) -> LeadSaved:
    lead_id = stored_id(lead)
    match = find_match(session, lead.company, _keys(lead), exclude_lead=lead_id)
    if match is not None:
        owner = session.get(Member, match.owner_id)
        assert owner is not None, "a match's owner is an active member"
        assign(session, lead, owner, match.note, by, match.customer_id)
        if creator is None or creator.member_id != owner.id:
            _tell_owner(session, lead, owner, match)
        return _saved(session, lead, created=True, match=match, creator=creator)
    if creator is not None and creator.role == Role.rep:
        owner = session.get(Member, creator.member_id)
        assert owner is not None, "an actor is a stored member"
        assign(session, lead, owner, CREATED_BY_REP, by, None)
    return _saved(session, lead, created=True, creator=creator)


def screen_waiting(session: Session) -> tuple[int, int]:
    """Leads written without their keys (a CSV import writes rows in bulk, below the domain
    rules): keys filled, and those still new and unowned screened. How many were screened,
    and how many of them went to the owner of what they duplicate."""
    screened = duplicates = 0
    while True:
        waiting = session.exec(
            select(Lead).where(Lead.company_key == "").order_by(col(Lead.id)).limit(SCREEN_BATCH)
        ).all()
        if not waiting:
            return screened, duplicates
        for lead in waiting:
            fill_keys(lead)
            session.add(lead)
        session.flush()
        for lead in waiting:
            if lead.status == LeadStatus.new and lead.owner_id is None:
                duplicates += screen(session, lead, by="import").match is not None
                screened += 1


def assign(
    session: Session, lead: Lead, owner: Member, note: str, by: str, customer_id: int | None
) -> None:
    """The lead given to `owner`, in the owner's team, with why; audited. Its first-contact
    clock starts on the team's business hours."""
    before = _assignment(lead)
    now = utcnow()
    team = session.get(Team, owner.team_id) if owner.team_id else None
    if team is not None:
        start_clock(lead, settings_of(team), now)
    lead.status = LeadStatus.assigned
    lead.owner_id = owner.id
    lead.team_id = owner.team_id
    lead.customer_id = customer_id or lead.customer_id
    lead.assignment_note = note[:500]
    lead.assigned_at = now
    lead.updated_at = now
    session.add(lead)
    audit(session, by, "lead", str(stored_id(lead)), "lead.assign", before, _assignment(lead))
    session.flush()


def _new_lead(session: Session, draft: LeadDraft, source: str, by: str) -> Lead:
    lead = Lead(
        source=source,
        source_ref=draft.source_id,
        company=draft.company,
        contact_name=draft.contact_name,
        phone=draft.phone,
        email=draft.email,
        region=draft.region,
        industry=draft.industry,
        need=draft.need,
        score=draft.score,
        created_by=by,
    )
    fill_keys(lead)
    session.add(lead)
    session.flush()
    audit(session, by, "lead", str(stored_id(lead)), "lead.create", None, _created(lead))
    return lead


def _tell_owner(session: Session, lead: Lead, owner: Member, match: Match) -> None:
    lead_id = stored_id(lead)
    notify(
        session,
        key=f"lead:{lead_id}:duplicate",
        channel=owner.slack_user_id,
        kind=NOTIFY_KIND,
        lead_id=lead_id,
        company=lead.company,
        contact_name=lead.contact_name,
        phone=lead.phone,
        email=lead.email,
        need=(lead.need or "")[:NEED_SHOWN] or None,
        source=lead.source,
        match_kind=match.kind,
        match_ref=match.ref,
        match_name=match.name,
        reason=match.reason,
        score=match.score,
    )


def _saved(
    session: Session,
    lead: Lead,
    created: bool,
    match: Match | None = None,
    creator: Actor | None = None,
) -> LeadSaved:
    owner = session.get(Member, lead.owner_id) if lead.owner_id else None
    return LeadSaved(
        lead_id=stored_id(lead),
        company=lead.company,
        created=created,
        status=LeadStatus(lead.status),
        owner_slack_id=owner.slack_user_id if owner else None,
        owner_name=owner.name if owner else None,
        match=match,
        mine=owner is not None and creator is not None and owner.id == creator.member_id,
    )


def _keys(lead: Lead) -> LeadKeys:
    return LeadKeys(lead.company_key, lead.phone_key, lead.email_key)


def _assignment(lead: Lead) -> dict:
    return {
        "status": str(lead.status),
        "owner_id": lead.owner_id,
        "team_id": lead.team_id,
        "customer_id": lead.customer_id,
        "note": lead.assignment_note,
    }


def _created(lead: Lead) -> dict:
    fields = ("source", "source_ref", "company", "contact_name", "phone", "email", "score")
    return {field: getattr(lead, field) for field in fields if getattr(lead, field) is not None}
