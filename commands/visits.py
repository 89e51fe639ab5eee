"""Logging customer visits and contacts, and reading them back.

A visit's rep is the customer's owner, unless a rep logs it (then it is that rep); a next step
with a due date is the follow-up the rep is reminded of. Anyone may log a visit for a customer
they may see; a customer they may not see reads as one that does not exist.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, select

from commands.customer_lookup import CustomerMatches, match_customers
from commands.customers import find_customer, visible_customers
from commands.errors import DomainError, FormProblems, InvalidInput
from commands.orders import today_for
from commands.people import Actor
from commands.records import audit, notify
from commands.visit_text import QuickVisit
from storage.models import Customer, Member, Visit, as_utc, fold, utcnow

CHANNELS = ("visit", "call", "wechat", "email", "meeting")
MAX_SUMMARY = 3000
MAX_NEXT_STEP = 500
LIST_LIMIT = 10
# A form filled in just before the hour it names ("15:00" picked at 14:55) is not a typo.
FUTURE_GRACE = timedelta(minutes=15)


@dataclass(frozen=True)
class VisitDraft:
    """What a form or a one-line command says about a visit, before it is checked."""

    customer_id: int | None
    at: datetime
    channel: str
    summary: str
    effective: bool = True
    next_step: str | None = None
    next_step_due: date | None = None


@dataclass(frozen=True)
class VisitLine:
    id: int
    customer_code: str
    customer_name: str
    rep_name: str
    rep_slack_id: str
    at: datetime
    channel: str
    summary: str
    effective: bool
    next_step: str | None
    next_step_due: date | None


@dataclass(frozen=True)
class VisitLogged:
    visit: VisitLine
    for_someone_else: bool  # the rep was told


@dataclass(frozen=True)
class CustomerChoice:
    """A one-line visit naming no single customer: pick one from `matches` to log `draft`."""

    matches: CustomerMatches
    draft: VisitDraft


@dataclass(frozen=True)
class VisitPage:
    visits: list[VisitLine]
    total: int
    customer_query: str | None


class VisitProblems(FormProblems):
    """Everything wrong with a draft, by field (customer, when, channel, summary, next_step,
    next_step_due), so a form can show each next to its field; reads as the first one."""


def log_quick_visit(
    session: Session, actor: Actor, line: QuickVisit, now: datetime | None = None
) -> VisitLogged | CustomerChoice:
    """A one-line visit: logged when its customer is clear, otherwise a choice to make."""
    draft = VisitDraft(
        None,
        line.at,
        line.channel,
        line.summary,
        line.effective,
        line.next_step,
        line.next_step_due,
    )
    check_draft(actor, draft, now, customer_known=True)
    matches = match_customers(session, actor, line.customer_text)
    if matches.found is None:
        return CustomerChoice(matches, draft)
    return log_visit(session, actor, replace(draft, customer_id=matches.found.id), now)


def log_visit(
    session: Session, actor: Actor, draft: VisitDraft, now: datetime | None = None
) -> VisitLogged:
    check_draft(actor, draft, now)
    try:
        customer = find_customer(session, actor, draft.customer_id)
    except DomainError as error:
        raise VisitProblems({"customer": error}) from None
    _lock(session, customer.id)
    rep = _rep_for(session, actor, customer)
    at = _utc(draft.at)
    if _already_logged(session, customer.id, rep.id, at, draft):
        raise VisitProblems({"summary": InvalidInput("visit.error.already_logged")})
    visit = Visit(
        rep_id=rep.id,
        customer_id=customer.id,
        at=at,
        channel=draft.channel,
        summary=draft.summary.strip(),
        effective=draft.effective,
        next_step=(draft.next_step or "").strip() or None,
        next_step_due=draft.next_step_due,
        created_at=now or utcnow(),
    )
    session.add(visit)
    session.flush()
    line = visit_line(visit, customer, rep)
    audit(session, actor.slack_user_id, "visit", str(visit.id), "log", None, _audited(line))
    for_someone_else = rep.id != actor.member_id
    if for_someone_else:
        _tell_the_rep(session, actor, line)
    return VisitLogged(line, for_someone_else)


def check_draft(
    actor: Actor, draft: VisitDraft, now: datetime | None = None, customer_known: bool = False
) -> None:
    """Raise VisitProblems naming every field that is wrong; change nothing."""
    moment = now or utcnow()
    problems: dict[str, DomainError] = {}
    if draft.customer_id is None and not customer_known:
        problems["customer"] = InvalidInput("visit.error.no_customer")
    if draft.at > moment + FUTURE_GRACE:
        problems["when"] = InvalidInput("visit.error.when_in_future")
    if draft.channel not in CHANNELS:
        problems["channel"] = InvalidInput("visit.error.unknown_channel", word=draft.channel)
    summary = draft.summary.strip()
    if not summary:
        problems["summary"] = InvalidInput("visit.error.no_summary")
    elif len(summary) > MAX_SUMMARY:
        problems["summary"] = InvalidInput("visit.error.summary_too_long", limit=MAX_SUMMARY)
    next_step = (draft.next_step or "").strip()
    if len(next_step) > MAX_NEXT_STEP:
        problems["next_step"] = InvalidInput("visit.error.next_step_too_long", limit=MAX_NEXT_STEP)
    elif draft.next_step_due and not next_step:
        problems["next_step"] = InvalidInput("visit.error.next_step_missing")
    if next_step and draft.next_step_due is None:
        problems["next_step_due"] = InvalidInput("visit.error.due_missing")
    elif draft.next_step_due and draft.next_step_due < today_for(actor, moment):
        problems["next_step_due"] = InvalidInput("visit.error.due_in_past")
    if problems:
        raise VisitProblems(problems)


def recent_visits(
    session: Session, actor: Actor, customer_query: str | None = None, limit: int = LIST_LIMIT
) -> VisitPage:
    """A rep's own latest visits; desk, managers and admins see those of every customer they
    may see. `customer_query` narrows to customers whose code or name contains it."""
    query = visible_customers(
        select(Visit, Customer, Member)
        .join(Customer, Visit.customer_id == Customer.id)
        .join(Member, Visit.rep_id == Member.id),
        actor,
    )
    if actor.role == "rep":
        query = query.where(Visit.rep_id == actor.member_id)
    if customer_query:
        query = query.where(
            Customer.search_text.contains(fold(customer_query.strip()), autoescape=True)
        )
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    rows = session.exec(query.order_by(Visit.at.desc(), Visit.id.desc()).limit(limit)).all()
    return VisitPage([visit_line(*row) for row in rows], total, customer_query)


def _rep_for(session: Session, actor: Actor, customer: Customer) -> Member:
    rep_id = actor.member_id if actor.role == "rep" else customer.owner_id
    return session.get(Member, rep_id)


def _lock(session: Session, customer_id: int) -> None:
    """Serialise loggings for one customer, so a double click finds the first one (PostgreSQL;
    SQLite serialises writers anyway)."""
    session.exec(select(Customer.id).where(Customer.id == customer_id).with_for_update()).one()


def _already_logged(
    session: Session, customer_id: int, rep_id: int, at: datetime, draft: VisitDraft
) -> bool:
    """The same visit submitted twice (a double click, a replayed form) is logged once."""
    found = session.exec(
        select(Visit.id).where(
            Visit.customer_id == customer_id,
            Visit.rep_id == rep_id,
            Visit.at == at,
            Visit.channel == draft.channel,
            Visit.summary == draft.summary.strip(),
        )
    ).first()
    return found is not None


def _utc(moment: datetime) -> datetime:
    return as_utc(moment).replace(microsecond=0)


def visit_line(visit: Visit, customer: Customer, rep: Member) -> VisitLine:
    return VisitLine(
        id=visit.id,
        customer_code=customer.code,
        customer_name=customer.name,
        rep_name=rep.name,
        rep_slack_id=rep.slack_user_id,
        at=as_utc(visit.at),
        channel=visit.channel,
        summary=visit.summary,
        effective=visit.effective,
        next_step=visit.next_step,
        next_step_due=visit.next_step_due,
    )


def _audited(line: VisitLine) -> dict:
    return {
        "customer": line.customer_code,
        "rep": line.rep_slack_id,
        "at": line.at.isoformat(),
        "channel": line.channel,
        "summary": line.summary,
        "effective": line.effective,
        "next_step": line.next_step,
        "next_step_due": line.next_step_due.isoformat() if line.next_step_due else None,
    }


def _tell_the_rep(session: Session, actor: Actor, line: VisitLine) -> None:
    notify(
        session,
        key=f"visit:{line.id}:rep",
        channel=line.rep_slack_id,
        kind="visit_logged_for_you",
        by=actor.name,
        customer=line.customer_name,
        code=line.customer_code,
        at=line.at.isoformat(),
        channel_kind=line.channel,
        summary=line.summary,
        effective=line.effective,
        next_step=line.next_step,
        next_step_due=line.next_step_due.isoformat() if line.next_step_due else None,
    )
