"""Logging customer visits and contacts.

A visit's rep is the customer's owner, unless a rep logs it (then it is that rep); a next step
with a due date is the follow-up the rep is reminded of. Anyone may log a visit for a customer
they may see; a customer they may not see reads as one that does not exist.
"""

from dataclasses import dataclass, replace
from datetime import datetime

from sqlmodel import Session, select

from commands.customers.finding import find_customer
from commands.customers.lookup import CustomerMatches, match_customers
from commands.errors import DomainError, InvalidInput
from commands.leads.progress import contacted_by_visit
from commands.people import Actor
from commands.records import audit, notify
from commands.visits.drafts import VisitDraft, VisitProblems, check_draft
from commands.visits.lines import VisitLine, visit_line
from commands.visits.text import QuickVisit
from storage.models import Customer, Member, Visit, as_utc, stored_id, utcnow
from storage.statuses import Role


@dataclass(frozen=True)
class VisitLogged:
    visit: VisitLine
    for_someone_else: bool  # the rep was told


@dataclass(frozen=True)
class CustomerChoice:
    """A one-line visit naming no single customer: pick one from `matches` to log `draft`."""

    matches: CustomerMatches
    draft: VisitDraft


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
    customer_id = stored_id(customer)
    _lock(session, customer_id)
    rep = _rep_for(session, actor, customer)
    rep_id = stored_id(rep)
    at = _utc(draft.at)
    if _already_logged(session, customer_id, rep_id, at, draft):
        raise VisitProblems({"summary": InvalidInput("visit.error.already_logged")})
    visit = Visit(
        rep_id=rep_id,
        customer_id=customer_id,
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
    contacted_by_visit(session, rep_id, customer_id, at, actor.slack_user_id)
    for_someone_else = rep_id != actor.member_id
    if for_someone_else:
        _tell_the_rep(session, actor, line)
    return VisitLogged(line, for_someone_else)


def _rep_for(session: Session, actor: Actor, customer: Customer) -> Member:
    rep_id = actor.member_id if actor.role == Role.rep else customer.owner_id
    return session.get_one(Member, rep_id)


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
