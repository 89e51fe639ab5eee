"""Leads taken in: keys filled on every write, duplicates sent to the owner of what they
duplicate (audited, the owner told through the outbox), a rep's own lead theirs, and anything
else routed to a team (commands.leads.routing) and offered to its next rep by the
capacity-weighted round robin (commands.leads.round_robin), who accepts or passes it
(commands.leads.offers). A lead nobody can take waits in its team, or, with no team, for the
desk."""

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from types import SimpleNamespace
from typing import cast

from sqlalchemy import ColumnElement, func, inspect, update
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, col, select

from commands.home_refresh import refresh_home_soon
from commands.leads.drafts import LeadDraft
from commands.leads.duplicates import Match, find_match
from commands.leads.keys import LeadKeys, company_key, email_key, phone_key
from commands.leads.round_robin import Assignments, Rep, TeamQueue
from commands.leads.sla import start_clock
from commands.people import Actor
from commands.records import audit, notify
from commands.team_settings import TeamSettings, settings_of
from storage.models import Lead, Member, Notification, Team, as_utc, fold, stored_id, utcnow
from storage.statuses import LeadStatus, Role

NOTIFY_KIND = "lead_duplicate"
OFFER_KIND = "lead_offer"
WAITING_KIND = "lead_waiting"
ROUND_ROBIN = "round_robin"  # who assigns, in the audit, when no person does
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
    team_name: str | None = None
    note: str | None = None  # why it went where it went


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


def screen(
    session: Session,
    lead: Lead,
    by: str,
    creator: Actor | None = None,
    plan: Assignments | None = None,
) -> LeadSaved:
    """A duplicate to its record's owner, a rep's own lead to the rep, any other lead to its
    team's next rep (`plan`: the run's routing and queues, shared by the leads of a batch)."""
    lead_id = stored_id(lead)
    match = find_match(session, lead.company, _keys(lead), exclude_lead=lead_id)
    if match is not None:
        owner = session.get(Member, match.owner_id)
        assert owner is not None, "a match's owner is an active member"
        taken = assign(session, lead, owner, match.note, by, match.customer_id)
        if taken and (creator is None or creator.member_id != owner.id):
            _tell_owner(session, lead, owner, match)
        return _saved(session, lead, created=True, match=match, creator=creator)
    if creator is not None and creator.role == Role.rep:
        owner = session.get(Member, creator.member_id)
        assert owner is not None, "an actor is a stored member"
        assign(session, lead, owner, CREATED_BY_REP, by, None)
    else:
        place(session, lead, by, plan or Assignments(session, utcnow()))
    return _saved(session, lead, created=True, creator=creator)


@dataclass
class Screening:
    """What became of the leads an import wrote: how many were screened, went to the owner
    of what they duplicate, were offered to a rep, or wait for one."""

    screened: int = 0
    duplicates: int = 0
    offered: int = 0
    waiting: int = 0

    def count(self, saved: LeadSaved) -> None:
        self.screened += 1
        if saved.match is not None:
            self.duplicates += 1
        elif saved.status == LeadStatus.assigned:
            self.offered += 1
        else:
            self.waiting += 1


def screen_waiting(session: Session) -> Screening:
    """Leads written without their keys (a CSV import writes rows in bulk, below the domain
    rules): keys filled, and those still new and unowned screened and placed."""
    screening = Screening()
    plan = Assignments(session, utcnow())
    while True:
        waiting = session.exec(
            select(Lead).where(Lead.company_key == "").order_by(col(Lead.id)).limit(SCREEN_BATCH)
        ).all()
        if not waiting:
            return screening
        for lead in waiting:
            fill_keys(lead)
            session.add(lead)
        session.flush()
        # What a lead's screening writes (its audit, its message) goes in one flush with the
        # batch's, not one per lead: nothing screened later reads it back.
        with session.no_autoflush:
            for lead in waiting:
                if lead.status == LeadStatus.new and lead.owner_id is None:
                    screening.count(screen(session, lead, by="import", plan=plan))
        session.flush()


def assign(
    session: Session,
    lead: Lead,
    owner: Member,
    note: str,
    by: str,
    customer_id: int | None,
    now: datetime | None = None,
) -> bool:
    """The lead given to `owner`, in the owner's team, with why; audited. Its first-contact
    clock starts on the team's business hours. Compare-and-set: the lead is given only if its
    owner and status are still as `lead` read them, so two replicas (or two clicks) never give
    one lead twice; False, and nothing changed, when someone got there first. `now`: the
    moment of a whole run (an import's leads share it, and so their clock)."""
    before = _assignment(lead)
    now = now or utcnow()
    values = {
        "status": LeadStatus.assigned,
        "owner_id": owner.id,
        "team_id": owner.team_id,
        "customer_id": customer_id or lead.customer_id,
        "assignment_note": note[:500],
        "assigned_at": now,
        "accepted_at": None,
        "updated_at": now,
        **_clock_started(session, owner, now),
    }
    previous_owner_id = lead.owner_id
    still = (_owner_is(previous_owner_id), col(Lead.status) == lead.status)
    if not compare_and_set(session, lead, still, values):
        return False
    audit(session, by, "lead", str(stored_id(lead)), "lead.assign", before, _assignment(lead))
    refresh_home_soon(session, owner.slack_user_id)
    if previous_owner_id not in (None, owner.id):
        refresh_home_soon(session, session.get_one(Member, previous_owner_id).slack_user_id)
    return True


def compare_and_set(
    session: Session,
    lead: Lead,
    conditions: Iterable[ColumnElement[bool]],
    values: dict[str, object],
) -> bool:
    """One UPDATE of the lead, only while `conditions` hold in the database; the loaded lead
    then holds the new values (set as stored: no second UPDATE). A Core statement: the ORM's
    own UPDATE path costs more than the rest of an imported lead's assignment, and its
    synchronising scans every object in the session, quadratic over an import."""
    if inspect(lead).modified:  # the lead's own pending changes first: the test reads them
        session.flush()
    result = session.connection().execute(
        update(Lead).where(col(Lead.id) == stored_id(lead), *conditions).values(**values)
    )
    if result.rowcount != 1:
        return False
    for name, value in values.items():
        set_committed_value(lead, name, value)
    return True


# The columns commands.leads.sla.start_clock sets, written by the same UPDATE as the owner.
SLA_COLUMNS = ("sla_remind_at", "sla_due_at", "sla_return_at", "sla_stage", "sla_next_at")


def _clock_started(session: Session, owner: Member, now: datetime) -> dict[str, object]:
    team = session.get(Team, owner.team_id) if owner.team_id else None
    if team is None:
        return {}
    return dict(_sla_moments(settings_of(team), now))


@lru_cache(maxsize=64)
def _sla_moments(settings: TeamSettings, now: datetime) -> tuple[tuple[str, object], ...]:
    """The clock's moments from `now`: computed once for all the leads of a run. start_clock
    only sets attributes, so a plain namespace takes them."""
    clock = SimpleNamespace()
    start_clock(cast(Lead, clock), settings, now)
    return tuple((name, getattr(clock, name)) for name in SLA_COLUMNS)


def place(
    session: Session,
    lead: Lead,
    by: str,
    plan: Assignments,
    why: str | None = None,
    passed: Collection[int] = (),
) -> bool:
    """Offer the lead to the next rep of its team (routed first if it has none), who is told
    with Accept / Pass. True when offered; False when it waits: in its team, whose manager
    hears of it once, or, with no team, for the desk."""
    team_id, why, routed = _team_of(lead, plan, why)
    if team_id is None:
        return False
    queue = plan.queue(team_id)
    rep = queue.pick(passed)
    if rep is None:
        if routed:
            lead.team_id = team_id
            lead.assignment_note = (why or "")[:500]
        _wait_in_team(session, lead, by, queue, plan, routed)
        return False
    owner = queue.members[rep.member_id]
    reason = why if why is not None else lead.assignment_note or ""
    if not assign(session, lead, owner, _round_robin_note(reason, rep), by, None, plan.now):
        return False
    queue.took(rep)
    _offer(session, lead, owner)
    return True


def _team_of(lead: Lead, plan: Assignments, why: str | None) -> tuple[int | None, str | None, bool]:
    """The lead's team, why it is there, and whether routing chose it just now."""
    if lead.team_id is not None:
        return lead.team_id, why, False
    route = plan.route(lead)
    return route.team_id, route.note, True


def offer_stamp(lead: Lead) -> int:
    """Which offer a button belongs to: the moment the lead was given, in microseconds. A
    lead passed on and given again has a new one, so an old button is known as stale."""
    assert lead.assigned_at is not None, "an offered lead has been given"
    return (as_utc(lead.assigned_at) - EPOCH) // timedelta(microseconds=1)


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _owner_is(owner_id: int | None) -> ColumnElement[bool]:
    return col(Lead.owner_id).is_(None) if owner_id is None else col(Lead.owner_id) == owner_id


def _round_robin_note(why: str, rep: Rep) -> str:
    turn = f"round robin ({rep.assigned + 1}/{rep.capacity} in 30 days)"
    return f"{why}; {turn}" if why else turn


def _offer(session: Session, lead: Lead, owner: Member) -> None:
    lead_id = stored_id(lead)
    stamp = offer_stamp(lead)
    notify(
        session,
        key=f"lead:{lead_id}:offer:{stamp}",
        channel=owner.slack_user_id,
        kind=OFFER_KIND,
        lead_id=lead_id,
        member_id=owner.id,
        stamp=stamp,
        company=lead.company,
        contact_name=lead.contact_name,
        phone=lead.phone,
        email=lead.email,
        region=lead.region,
        industry=lead.industry,
        need=(lead.need or "")[:NEED_SHOWN] or None,
        source=lead.source,
        score=lead.score,
        note=lead.assignment_note,
        due_at=as_utc(lead.sla_due_at).isoformat() if lead.sla_due_at else None,
    )


def _wait_in_team(
    session: Session, lead: Lead, by: str, queue: TeamQueue, plan: Assignments, routed: bool
) -> None:
    """The lead stays new in its team; the manager hears once while leads wait there (the
    outbox key names the oldest waiting lead, which changes only once the wait is over)."""
    if routed:
        session.add(lead)
        audit(session, by, "lead", str(stored_id(lead)), "lead.route", None, _assignment(lead))
        session.flush()
    team_id = stored_id(queue.team)
    if team_id in plan.manager_told:
        return
    plan.manager_told.add(team_id)
    manager = _manager_of(session, queue.team)
    if manager is None:
        return
    oldest = session.exec(_waiting_in(team_id).with_only_columns(func.min(Lead.id))).one()
    key = f"lead:team:{team_id}:waiting:{oldest}"
    if session.exec(select(Notification.id).where(Notification.key == key)).first():
        return
    notify(
        session,
        key=key,
        channel=manager,
        kind=WAITING_KIND,
        team=queue.team.name,
        lead_id=stored_id(lead),
        company=lead.company,
        reps=len(queue.reps),
        away=sum(rep.away for rep in queue.reps),
        full=sum(rep.full and not rep.away for rep in queue.reps),
    )


def _waiting_in(team_id: int):
    return select(Lead.id).where(
        Lead.team_id == team_id, Lead.status == LeadStatus.new, col(Lead.owner_id).is_(None)
    )


def _manager_of(session: Session, team: Team) -> str | None:
    """Who hears of a team's waiting leads: its manager, else a manager among its members."""
    if team.manager_slack_id:
        return team.manager_slack_id
    return session.exec(
        select(Member.slack_user_id)
        .where(Member.team_id == team.id, Member.role == Role.manager)
        .where(col(Member.active).is_(True))
        .order_by(col(Member.id))
    ).first()


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
    team = session.get(Team, lead.team_id) if lead.team_id else None
    return LeadSaved(
        lead_id=stored_id(lead),
        company=lead.company,
        created=created,
        status=LeadStatus(lead.status),
        owner_slack_id=owner.slack_user_id if owner else None,
        owner_name=owner.name if owner else None,
        match=match,
        mine=owner is not None and creator is not None and owner.id == creator.member_id,
        team_name=team.name if team else None,
        note=lead.assignment_note,
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
