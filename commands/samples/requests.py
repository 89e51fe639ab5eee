"""Requesting a sample: a draft checked field by field, then stored, audited and sent to
whoever decides it, in one transaction."""

from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from sqlmodel import Session, select

from commands.customers import find_customer, match_customers
from commands.errors import DomainError, InvalidInput, NotFound
from commands.orders import today_for
from commands.people import Actor
from commands.records import audit, notify
from commands.samples.cards import (
    CustomerChoice,
    SampleDraft,
    SampleProblems,
    SampleRequested,
    card,
    load_row,
    message_key,
)
from commands.samples.rules import approvers_of, own_decider_role
from commands.samples.text import MAX_PRODUCT, MAX_PURPOSE, QuickSample, check_quantity
from storage.models import Customer, SampleRequest, utcnow
from storage.statuses import SampleStatus


def check_draft(
    actor: Actor, draft: SampleDraft, now: datetime | None = None, customer_known: bool = False
) -> None:
    """Raise SampleProblems naming every field that is wrong; change nothing."""
    problems: dict[str, DomainError] = {}
    if draft.customer_id is None and not customer_known:
        problems["customer"] = InvalidInput("sample.error.no_customer")
    product_problem = _product_problem(draft.product)
    if product_problem:
        problems["product"] = product_problem
    quantity_problem = _quantity_problem(draft.quantity)
    if quantity_problem:
        problems["quantity"] = quantity_problem
    if len((draft.purpose or "").strip()) > MAX_PURPOSE:
        problems["purpose"] = InvalidInput("sample.error.purpose_too_long", limit=MAX_PURPOSE)
    if draft.needed_by and draft.needed_by < today_for(actor, now):
        problems["needed_by"] = InvalidInput("sample.error.needed_by_past")
    if problems:
        raise SampleProblems(problems)


def _product_problem(product: str) -> InvalidInput | None:
    product = product.strip()
    if not product:
        return InvalidInput("sample.error.no_product")
    if len(product) > MAX_PRODUCT:
        return InvalidInput("sample.error.product_too_long", limit=MAX_PRODUCT)
    return None


def _quantity_problem(quantity: Decimal | None) -> InvalidInput | None:
    if quantity is None:
        return InvalidInput("sample.error.no_quantity")
    try:
        check_quantity(quantity, format(quantity, "f"))
    except InvalidInput as error:
        return error
    return None


def request_quick_sample(
    session: Session, actor: Actor, line: QuickSample, now: datetime | None = None
) -> SampleRequested | CustomerChoice:
    """A one-line request: sent when its customer is clear, otherwise a choice to make."""
    draft = SampleDraft(None, line.product, line.quantity, line.purpose, line.needed_by)
    check_draft(actor, draft, now, customer_known=True)
    matches = match_customers(session, actor, line.customer_text)
    if matches.found is None:
        return CustomerChoice(matches, draft)
    return request_sample(session, actor, replace(draft, customer_id=matches.found.id), now)


def request_sample(
    session: Session, actor: Actor, draft: SampleDraft, now: datetime | None = None
) -> SampleRequested:
    check_draft(actor, draft, now)
    customer_id, quantity = draft.customer_id, draft.quantity
    assert customer_id is not None and quantity is not None  # check_draft says so otherwise
    moment = now or utcnow()
    try:
        customer = find_customer(session, actor, customer_id)
    except NotFound:
        raise SampleProblems({"customer": InvalidInput("sample.error.unknown_customer")}) from None
    # Serialise requests for one customer, so a double submit finds the first one.
    session.exec(select(Customer.id).where(Customer.id == customer.id).with_for_update()).one()
    _refuse_duplicate(session, actor, customer, draft)
    sample = SampleRequest(
        rep_id=actor.member_id,
        customer_id=customer_id,
        product=draft.product.strip(),
        quantity=quantity,
        purpose=(draft.purpose or "").strip() or None,
        needed_by=draft.needed_by,
        created_at=moment,
        updated_at=moment,
    )
    session.add(sample)
    session.flush()
    audit(session, actor.slack_user_id, "sample", str(sample.id), "request", None, _audited(sample))
    loaded = load_row(session, sample)
    approvers, to_admins = approvers_of(session, loaded.rep, loaded.team)
    own_role = own_decider_role(loaded.rep, loaded.team)
    requested = card(session, loaded, approvers)
    for approver in approvers:
        notify(
            session,
            key=message_key(requested.id, "ask", approver.slack_user_id),
            channel=approver.slack_user_id,
            kind="sample_approval_request",
            buttons=["approve", "reject"],
            to_admins=to_admins,
            own_role=own_role,
            **requested.params(),
        )
    names = tuple(a.name for a in approvers)
    return SampleRequested(requested, names, to_admins, own_role)


def _refuse_duplicate(
    session: Session, actor: Actor, customer: Customer, draft: SampleDraft
) -> None:
    """The same request sent twice (a double click, a replayed form) is one request."""
    pending = session.exec(
        select(SampleRequest).where(
            SampleRequest.rep_id == actor.member_id,
            SampleRequest.customer_id == customer.id,
            SampleRequest.status == SampleStatus.requested,
            SampleRequest.product == draft.product.strip(),
            SampleRequest.quantity == draft.quantity,
        )
    ).all()
    purpose = (draft.purpose or "").strip() or None
    for sample in pending:
        if (sample.purpose, sample.needed_by) == (purpose, draft.needed_by):
            raise SampleProblems(
                {"product": InvalidInput("sample.error.already_requested", id=sample.id)}
            )


def _audited(sample: SampleRequest) -> dict:
    return {
        "status": sample.status,
        "customer_id": sample.customer_id,
        "product": sample.product,
        "quantity": format(Decimal(sample.quantity).normalize(), "f"),
        "purpose": sample.purpose,
        "needed_by": sample.needed_by.isoformat() if sample.needed_by else None,
    }
