"""Drafting and editing a contract: the form's draft checked field by field, saved once."""

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

from sqlmodel import Session, col, select

from commands.contracts.cards import (
    ContractCard,
    ContractMoved,
    count_steps,
    iso,
    load,
    load_row,
    utc,
)
from commands.contracts.messages import tell_owner
from commands.contracts.rules import check_allowed
from commands.contracts.standing import check_status, full_card
from commands.contracts.text import KINDS, MAX_TITLE, MAX_URL
from commands.customers import visible_customers
from commands.errors import DomainError, FormProblems, InvalidInput
from commands.orders import today_for
from commands.people import Actor
from commands.records import audit
from storage.models import (
    Contract,
    Customer,
    stored_id,
)
from storage.statuses import ContractStatus

NEEDS_VALUE = ("sales_agreement", "agency")


FORM_FIELDS = (
    "customer",
    "kind",
    "title",
    "value",
    "currency",
    "starts_on",
    "expires_on",
    "document",
)


MAX_VALUE = Decimal("1e16")


_CURRENCY = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class ContractDraft:
    """What the form says about a contract, before it is checked."""

    customer_id: int | None
    kind: str | None
    title: str
    value: Decimal | None
    currency: str
    starts_on: date | None
    expires_on: date | None
    document_url: str | None


class ContractProblems(FormProblems):
    """Everything wrong with a draft, by form field (FORM_FIELDS), so the form shows each next
    to its field; reads as the first one."""

    heading = "contract.problems"


def check_draft(actor: Actor, draft: ContractDraft, now: datetime | None = None) -> None:
    """Raise ContractProblems naming every field that is wrong; change nothing."""
    found = {
        "customer": _customer_problem(draft),
        "kind": _kind_problem(draft),
        "title": _title_problem(draft),
        "value": _value_problem(draft),
        "currency": _currency_problem(draft),
        "expires_on": _expiry_problem(draft, today_for(actor, now)),
        "document": _url_problem(draft.document_url),
    }
    problems = {field: problem for field, problem in found.items() if problem is not None}
    if problems:
        raise ContractProblems(problems)


def read_value(text: str) -> Decimal | None:
    """A typed amount ("1,200,000.50" or "1200000"), or None if it is not a number."""
    cleaned = text.strip().replace(",", "").replace("，", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def create_contract(
    session: Session, actor: Actor, draft: ContractDraft, now: datetime | None = None
) -> ContractMoved:
    check_draft(actor, draft, now)
    customer = _visible_customer(session, actor, draft.customer_id)
    # Serialise drafts for one customer, so a double submit finds the first one.
    session.exec(select(Customer.id).where(Customer.id == customer.id).with_for_update()).one()
    _refuse_duplicate(session, actor, customer, draft)
    moment = utc(now)
    contract = Contract(
        customer_id=stored_id(customer),
        owner_id=actor.member_id,
        status=ContractStatus.draft,
        status_changed_at=moment,
        created_at=moment,
        **_fields(draft),
    )
    session.add(contract)
    session.flush()
    audit(
        session,
        actor.slack_user_id,
        "contract",
        str(contract.id),
        "draft",
        None,
        _audited(contract),
    )
    loaded = load_row(session, contract)
    return ContractMoved(full_card(session, loaded), "draft")


def check_can_edit(session: Session, actor: Actor, contract_id: int) -> ContractCard:
    """Before the edit form opens: the actor may edit it and it is still a draft."""
    loaded = load(session, actor, contract_id)
    check_allowed(session, actor, loaded, "edit")
    check_status(session, loaded, "edit")
    return full_card(session, loaded)


def update_contract(
    session: Session,
    actor: Actor,
    contract_id: int,
    draft: ContractDraft,
    now: datetime | None = None,
) -> ContractMoved:
    check_draft(actor, draft, now)
    loaded = load(session, actor, contract_id, lock=True)
    check_allowed(session, actor, loaded, "edit")
    check_status(session, loaded, "edit")
    customer = _visible_customer(session, actor, draft.customer_id)
    contract = loaded.contract
    before = _audited(contract)
    contract.customer_id = stored_id(customer)
    for name, value in _fields(draft).items():
        setattr(contract, name, value)
    after = _audited(contract)
    changed = [name for name in after if after[name] != before[name]]
    if not changed:
        raise InvalidInput("contract.error.nothing_changed", id=contract.id)
    session.add(contract)
    audit(
        session,
        actor.slack_user_id,
        "contract",
        str(contract.id),
        "edit",
        {name: before[name] for name in changed},
        {name: after[name] for name in changed},
    )
    session.flush()
    loaded = load_row(session, contract)
    card = full_card(session, loaded)
    edits = count_steps(session, loaded.id, "edit")
    tell_owner(session, actor, loaded, card, f"edit:{edits}")
    return ContractMoved(card, "edit")


def _customer_problem(draft: ContractDraft) -> DomainError | None:
    if draft.customer_id is None:
        return InvalidInput("contract.error.no_customer")
    return None


def _kind_problem(draft: ContractDraft) -> DomainError | None:
    if draft.kind not in KINDS:
        return InvalidInput("contract.error.no_kind")
    return None


def _title_problem(draft: ContractDraft) -> DomainError | None:
    title = draft.title.strip()
    if not title:
        return InvalidInput("contract.error.no_title")
    if len(title) > MAX_TITLE:
        return InvalidInput("contract.error.title_too_long", limit=MAX_TITLE)
    return None


def _currency_problem(draft: ContractDraft) -> DomainError | None:
    if not _CURRENCY.match(draft.currency or ""):
        return InvalidInput("contract.error.bad_currency")
    return None


def _expiry_problem(draft: ContractDraft, today: date) -> DomainError | None:
    starts, expires = draft.starts_on, draft.expires_on
    if starts and expires and expires <= starts:
        return InvalidInput("contract.error.expiry_before_start", starts=starts, expires=expires)
    if expires and expires < today:
        return InvalidInput("contract.error.expiry_past", expires=expires)
    return None


def _value_problem(draft: ContractDraft) -> DomainError | None:
    value = draft.value
    if value is None:
        return InvalidInput("contract.error.no_value") if draft.kind in NEEDS_VALUE else None
    if value < 0:
        return InvalidInput("contract.error.value_negative")
    if value >= MAX_VALUE:
        return InvalidInput("contract.error.value_too_large")
    if value != value.quantize(Decimal("0.01")):
        return InvalidInput("contract.error.value_decimals")
    return None


def _url_problem(url: str | None) -> DomainError | None:
    if not url:
        return None
    if len(url) > MAX_URL:
        return InvalidInput("contract.error.url_too_long", limit=MAX_URL)
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or re.search(r"\s", url):
        return InvalidInput("contract.error.bad_url")
    return None


def _visible_customer(session: Session, actor: Actor, customer_id: int | None) -> Customer:
    query = visible_customers(select(Customer), actor).where(Customer.id == customer_id)
    customer = session.exec(query).first()
    if customer is None:
        raise ContractProblems({"customer": InvalidInput("contract.error.unknown_customer")})
    return customer


def _refuse_duplicate(session: Session, actor: Actor, customer: Customer, draft: ContractDraft):
    """The same draft sent twice (a double click, a replayed form) is one contract."""
    same = session.exec(
        select(Contract.id).where(
            col(Contract.owner_id) == actor.member_id,
            col(Contract.customer_id) == customer.id,
            col(Contract.kind) == draft.kind,
            col(Contract.title) == draft.title.strip(),
            col(Contract.status) == ContractStatus.draft,
        )
    ).first()
    if same is not None:
        raise ContractProblems({"title": InvalidInput("contract.error.already_drafted", id=same)})


def _fields(draft: ContractDraft) -> dict:
    return {
        "kind": draft.kind,
        "title": draft.title.strip(),
        "value": draft.value,
        "currency": draft.currency,
        "starts_on": draft.starts_on,
        "expires_on": draft.expires_on,
        "document_url": (draft.document_url or "").strip() or None,
    }


def _audited(contract: Contract) -> dict:
    return {
        "status": contract.status,
        "customer_id": contract.customer_id,
        "kind": contract.kind,
        "title": contract.title,
        "value": None if contract.value is None else format(Decimal(contract.value), "f"),
        "currency": contract.currency,
        "starts_on": iso(contract.starts_on),
        "expires_on": iso(contract.expires_on),
        "document_url": contract.document_url,
    }
