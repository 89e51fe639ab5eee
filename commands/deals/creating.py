"""A new opportunity: from one line (`/deal new C-1001; 年度法兰采购; 120000 CNY; 2026-12-31`)
or the form. Its owner is the customer's owner (a rep only sees their own customers), its team
the owner's; it starts at `qualification`."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlmodel import Session

from commands.customers import find_customer, match_customers
from commands.deals.amounts import read_amount
from commands.deals.history import record_change, record_stage
from commands.deals.text import NewDeal
from commands.errors import DomainError, FormProblems, InvalidInput
from commands.people import Actor
from commands.team_settings import TeamSettings, settings_of
from commands.when import parse_date
from storage.models import Customer, Member, Opportunity, Team, stored_id, utcnow
from storage.statuses import OpportunityStage

TITLE_LIMIT = 200
NEXT_STEP_LIMIT = 500
CHOICES_NAMED = 5


@dataclass(frozen=True)
class DealDraft:
    customer_id: int
    title: str
    amount: Decimal
    currency: str
    close_on: date | None
    next_step: str | None = None


@dataclass(frozen=True)
class DealCreated:
    deal_id: int
    title: str
    customer_name: str
    owner_name: str
    amount: Decimal
    currency: str
    close_on: date | None


def team_settings(session: Session, team_id: int | None) -> TeamSettings:
    team = session.get(Team, team_id) if team_id else None
    return settings_of(team) if team else TeamSettings()


def draft_from_line(
    session: Session, actor: Actor, typed: NewDeal, now: datetime | None = None
) -> DealDraft:
    """The one-line form checked part by part: the first problem found is told."""
    customer = customer_named(session, actor, typed.customer)
    amount, currency = read_amount(typed.amount, _reporting_currency(session, customer))
    close_on = read_close_date(actor, typed.close, now) if typed.close else None
    return DealDraft(stored_id(customer), check_title(typed.title), amount, currency, close_on)


def draft_from_form(
    session: Session, actor: Actor, values: Mapping[str, str | None], now: datetime | None = None
) -> DealDraft:
    """A submitted form: every problem at once, each under its field."""
    problems: dict[str, DomainError] = {}

    def checked(field, read):
        try:
            return read()
        except InvalidInput as problem:
            problems[field] = problem
            return None

    customer = checked("customer", lambda: _form_customer(session, actor, values.get("customer")))
    default = _reporting_currency(session, customer) if customer else "CNY"
    title = checked("title", lambda: check_title(values.get("title") or ""))
    amount = checked("amount", lambda: _form_amount(values, default))
    close_on = checked("close_on", lambda: _form_close(actor, values.get("close_on"), now))
    step = checked("next_step", lambda: check_next_step(values.get("next_step")))
    if problems:
        raise FormProblems(problems)
    assert customer is not None and amount is not None and title is not None
    return DealDraft(stored_id(customer), title, amount[0], amount[1], close_on, step)


def create_deal(
    session: Session, actor: Actor, draft: DealDraft, now: datetime | None = None
) -> DealCreated:
    moment = now or utcnow()
    customer = find_customer(session, actor, draft.customer_id)
    owner = session.get_one(Member, customer.owner_id)
    if owner.team_id is None:
        raise InvalidInput("deal.error.owner_without_team", owner=owner.name)
    deal = Opportunity(
        team_id=owner.team_id,
        owner_id=stored_id(owner),
        customer_id=stored_id(customer),
        title=draft.title,
        amount=draft.amount,
        currency=draft.currency,
        expected_close_on=draft.close_on,
        next_step=draft.next_step,
        created_by=actor.slack_user_id,
        created_at=moment,
        updated_at=moment,
        stage_changed_at=moment,
        last_activity_at=moment,
    )
    session.add(deal)
    session.flush()
    record_stage(session, actor, deal, None, moment)
    record_change(session, actor, deal, "create", {}, _created_record(deal, customer))
    return DealCreated(
        stored_id(deal),
        deal.title,
        customer.name,
        owner.name,
        deal.amount,
        deal.currency,
        deal.expected_close_on,
    )


def customer_named(session: Session, actor: Actor, text: str) -> Customer:
    """The one visible customer `text` means (code or name); else what it could mean."""
    matches = match_customers(session, actor, text)
    if matches.found is not None:
        return find_customer(session, actor, matches.found.id)
    names = ", ".join(f"{ref.code} {ref.name}" for ref in matches.matches[:CHOICES_NAMED])
    if matches.matches and not matches.close:
        raise InvalidInput("deal.error.several_customers", query=text[:60], names=names)
    if matches.matches:
        raise InvalidInput("deal.error.customer_close", query=text[:60], names=names)
    raise InvalidInput("deal.error.no_customer", query=text[:60])


def check_title(text: str) -> str:
    title = text.strip()
    if not title:
        raise InvalidInput("deal.error.no_title")
    if len(title) > TITLE_LIMIT:
        raise InvalidInput("deal.error.too_long", limit=TITLE_LIMIT)
    return title


def check_next_step(text: str | None) -> str | None:
    step = (text or "").strip()
    if len(step) > NEXT_STEP_LIMIT:
        raise InvalidInput("deal.error.too_long", limit=NEXT_STEP_LIMIT)
    return step or None


def read_close_date(actor: Actor, text: str, now: datetime | None = None) -> date:
    moment = now or utcnow()
    day = parse_date(text, actor.timezone, moment)
    if day is None:
        raise InvalidInput("deal.error.close_date", value=text[:60])
    if day < moment.astimezone(ZoneInfo(actor.timezone)).date():
        raise InvalidInput("deal.error.close_date_past", day=day)
    return day


def _reporting_currency(session: Session, customer: Customer) -> str:
    owner = session.get_one(Member, customer.owner_id)
    return team_settings(session, owner.team_id).reporting_currency


def _form_customer(session: Session, actor: Actor, value: str | None) -> Customer:
    if not value or not value.isdigit():
        raise InvalidInput("deal.error.choose_customer")
    return find_customer(session, actor, int(value))


def _form_amount(values: Mapping[str, str | None], default: str) -> tuple[Decimal, str]:
    written = f"{values.get('amount') or ''} {values.get('currency') or ''}".strip()
    if not written:
        raise InvalidInput("deal.error.no_amount")
    return read_amount(written, default)


def _form_close(actor: Actor, iso: str | None, now: datetime | None) -> date | None:
    return read_close_date(actor, iso, now) if iso else None


def _created_record(deal: Opportunity, customer: Customer) -> dict:
    return {
        "customer": customer.code,
        "title": deal.title,
        "amount": str(deal.amount),
        "currency": deal.currency,
        "stage": OpportunityStage.qualification.value,
        "expected_close_on": deal.expected_close_on.isoformat() if deal.expected_close_on else None,
    }
