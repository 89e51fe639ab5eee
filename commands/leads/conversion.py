"""A lead converted (转化): its customer (the one it matched, or a new one made from it, with
its contact) and an opportunity for its need; the lead is `converted`. Only its owner, their
manager, the desk of its team and admins convert it; twice is once."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import update
from sqlmodel import Session, col, select

from commands.deals.amounts import read_amount
from commands.deals.creating import TITLE_LIMIT, team_settings
from commands.deals.history import record_change, record_stage
from commands.deals.numbering import next_customer_code, with_next
from commands.deals.text import parse_deal_id
from commands.errors import InvalidInput, NotFound
from commands.leads.keys import email_key, phone_key
from commands.people import Actor
from commands.records import audit
from storage.leads import OPEN_STATUSES
from storage.models import (
    Contact,
    Customer,
    Lead,
    Member,
    Opportunity,
    stored_id,
    utcnow,
)
from storage.statuses import LeadStatus, Role

CONTACT_NAME_LIMIT = 100


@dataclass(frozen=True)
class ConvertLead:
    lead_id: int
    amount: str | None


@dataclass(frozen=True)
class LeadConverted:
    lead_id: int
    company: str
    customer_code: str
    customer_name: str
    new_customer: bool
    deal_id: int
    title: str
    amount: Decimal
    currency: str


def read_convert(text: str) -> ConvertLead:
    """`12` or `12 50000 CNY`."""
    first, _, rest = (text or "").strip().partition(" ")
    if not first:
        raise InvalidInput("deal.convert.usage")
    try:
        lead_id = parse_deal_id(first)
    except InvalidInput:
        raise InvalidInput("deal.convert.bad_id", word=first[:40]) from None
    return ConvertLead(lead_id, rest.strip() or None)


def convert_lead(
    session: Session, actor: Actor, request: ConvertLead, now: datetime | None = None
) -> LeadConverted:
    moment = now or utcnow()
    lead = _convertible(session, actor, request.lead_id)
    owner = session.get_one(Member, lead.owner_id)
    team_id = lead.team_id or owner.team_id
    currency = team_settings(session, team_id).reporting_currency
    amount, currency = (
        read_amount(request.amount, currency) if request.amount else (Decimal("0.00"), currency)
    )
    _claim(session, lead, moment)
    customer, new = _customer_for(session, actor, lead, owner)
    deal = _opportunity(session, actor, lead, customer, team_id, (amount, currency), moment)
    audit(
        session,
        actor.slack_user_id,
        "lead",
        str(lead.id),
        "convert",
        {"status": lead.status},
        {"status": "converted", "customer": customer.code, "opportunity": deal.id},
    )
    return LeadConverted(
        stored_id(lead),
        lead.company,
        customer.code,
        customer.name,
        new,
        stored_id(deal),
        deal.title,
        amount,
        currency,
    )


def _convertible(session: Session, actor: Actor, lead_id: int) -> Lead:
    lead = session.get(Lead, lead_id) if 0 < lead_id < 2**31 else None
    if lead is None or not _may_convert(session, actor, lead):
        raise NotFound("deal.convert.not_found", id=lead_id)
    if lead.status == LeadStatus.converted:
        raise InvalidInput("deal.convert.already", id=lead_id)
    if lead.status not in OPEN_STATUSES:
        raise InvalidInput(f"deal.convert.closed.{lead.status}", id=lead_id)
    if lead.owner_id is None:
        raise InvalidInput("deal.convert.no_owner", id=lead_id)
    return lead


def _may_convert(session: Session, actor: Actor, lead: Lead) -> bool:
    if actor.is_admin or (lead.owner_id is not None and lead.owner_id == actor.member_id):
        return True
    owner = session.get(Member, lead.owner_id) if lead.owner_id else None
    if owner is not None and owner.manager_slack_id == actor.slack_user_id:
        return True
    team_id = lead.team_id or (owner.team_id if owner else None)
    return actor.role in (Role.manager, Role.desk) and team_id == actor.team_id


def _claim(session: Session, lead: Lead, moment: datetime) -> None:
    """Converted only by the first of two clicks at once: the status is set if still open."""
    changed = session.connection().execute(
        update(Lead)
        .where(col(Lead.id) == lead.id, col(Lead.status).in_(OPEN_STATUSES))
        .values(
            status=LeadStatus.converted,
            converted_at=moment,
            updated_at=moment,
            last_activity_at=moment,
            sla_next_at=None,
        )
    )
    if changed.rowcount != 1:
        raise InvalidInput("deal.convert.already", id=stored_id(lead))


def _customer_for(
    session: Session, actor: Actor, lead: Lead, owner: Member
) -> tuple[Customer, bool]:
    if lead.customer_id is not None:
        return session.get_one(Customer, lead.customer_id), False
    taken = session.exec(select(Customer).where(Customer.name == lead.company)).first()
    if taken is not None:
        raise InvalidInput("deal.convert.name_taken", company=lead.company, code=taken.code)
    customer = with_next(session, lambda: _new_customer(session, lead, owner))
    _add_contact(session, lead, stored_id(customer))
    audit(
        session,
        actor.slack_user_id,
        "customer",
        customer.code,
        "create",
        None,
        {"name": customer.name, "owner": owner.slack_user_id, "lead": lead.id},
    )
    return customer, True


def _new_customer(session: Session, lead: Lead, owner: Member) -> Customer:
    customer = Customer(
        code=next_customer_code(session),
        name=lead.company,
        owner_id=stored_id(owner),
        region=lead.region,
        industry=lead.industry,
        source=lead.source,
        is_prospect=True,
    )
    session.add(customer)
    session.flush()
    return customer


def _add_contact(session: Session, lead: Lead, customer_id: int) -> None:
    if not (lead.contact_name or lead.phone or lead.email):
        return
    session.add(
        Contact(
            customer_id=customer_id,
            name=(lead.contact_name or lead.company)[:CONTACT_NAME_LIMIT],
            phone=lead.phone,
            email=lead.email,
            phone_key=phone_key(lead.phone) if lead.phone else None,
            email_key=email_key(lead.email) if lead.email else None,
        )
    )


def _opportunity(
    session: Session,
    actor: Actor,
    lead: Lead,
    customer: Customer,
    team_id: int | None,
    money: tuple[Decimal, str],
    moment: datetime,
) -> Opportunity:
    if team_id is None:
        raise InvalidInput("deal.convert.no_team", id=stored_id(lead))
    title = " ".join((lead.need or lead.company).split())[:TITLE_LIMIT]
    deal = Opportunity(
        team_id=team_id,
        owner_id=_owner_id(lead),
        customer_id=stored_id(customer),
        lead_id=lead.id,
        title=title,
        amount=money[0],
        currency=money[1],
        created_by=actor.slack_user_id,
        created_at=moment,
        updated_at=moment,
        stage_changed_at=moment,
        last_activity_at=moment,
    )
    session.add(deal)
    session.flush()
    record_stage(session, actor, deal, None, moment)
    after = {"customer": customer.code, "lead": lead.id, "title": title, "amount": str(money[0])}
    record_change(session, actor, deal, "create", {}, {**after, "currency": money[1]})
    return deal


def _owner_id(lead: Lead) -> int:
    if lead.owner_id is None:  # _convertible refuses a lead without an owner
        raise ValueError(f"lead {lead.id} has no owner")
    return lead.owner_id
