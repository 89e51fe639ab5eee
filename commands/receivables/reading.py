"""Receivables (应收账款): what customers still owe, how late it is, and payments received.

Who sees an invoice follows its customer and order, as for orders: a rep sees the invoices of
the customers they own and of the orders they are the rep on, desk and managers their team's,
admins all. An invoice one may not see reads exactly like one that does not exist. Payments are
recorded by the desk and admins.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import false, func, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from commands.aging import Bucket, CurrencyAging, OpenItem, aging_by_currency, bucket_of
from commands.errors import Forbidden, InvalidInput, NotFound
from commands.orders import today_for
from commands.people import Actor
from commands.receivable_text import RecordPayment, payment_details
from commands.records import audit, notify
from commands.team_settings import TeamSettings, settings_of
from storage.imports.payments import PAID_SOURCE, paid_note, settlement
from storage.models import (
    Customer,
    Invoice,
    Member,
    OrderStatusChange,
    Payment,
    SalesOrder,
    Team,
    fold,
    utcnow,
)

LIST_LIMIT = 15
PAYERS = ("desk", "admin")  # who records payments: the desk chases receivables (DOMAIN.md)


@dataclass(frozen=True)
class InvoiceLine:
    number: str
    customer_code: str
    customer_name: str
    rep_name: str
    order_number: str | None
    amount: Decimal
    paid: Decimal
    currency: str
    issued_on: date
    due_on: date
    paid_in_full_on: date | None
    days_overdue: int  # negative: days until it falls due

    @property
    def open_amount(self) -> Decimal:
        return max(self.amount - self.paid, Decimal("0"))

    @property
    def is_overdue(self) -> bool:
        return self.open_amount > 0 and self.days_overdue > 0


@dataclass(frozen=True)
class PaymentLine:
    amount: Decimal
    paid_on: date
    reference: str | None
    recorded_by: str | None  # a member's name; None: an import
    recorded_at: datetime


@dataclass(frozen=True)
class InvoiceCard:
    invoice: InvoiceLine
    bucket: Bucket
    payments: list[PaymentLine]


@dataclass(frozen=True)
class ReceivablePage:
    scope: str
    invoices: list[InvoiceLine]  # the first LIST_LIMIT, most overdue first
    total: int
    aging: list[CurrencyAging]  # of every invoice in scope, not only those listed
    customer_query: str | None = None


@dataclass(frozen=True)
class PaymentRecorded:
    invoice: InvoiceLine  # as the payment leaves it
    amount: Decimal
    paid_on: date
    reference: str | None
    order_number: str | None
    order_status: str | None  # after the payment
    order_moved: bool  # from invoiced to paid, because the invoice is now paid in full

    @property
    def paid_in_full(self) -> bool:
        return self.invoice.open_amount == 0


def can_record_payments(actor: Actor) -> bool:
    return actor.role in PAYERS


def list_receivables(
    session: Session,
    actor: Actor,
    scope: str,
    customer_query: str | None = None,
    now: datetime | None = None,
) -> ReceivablePage:
    """The open invoices in `scope` ("all", "mine", "overdue" or "customer"), with the aging
    of all of them per currency, in the buckets of the actor's team."""
    today = today_for(actor, now)
    rep = aliased(Member)
    query = _open(
        _with_rep(_visible(select(Invoice, Customer, SalesOrder.number, rep.name), actor), rep)
    )
    query = _in_scope(query, actor, scope, customer_query, today)
    rows = session.exec(query.order_by(Invoice.due_on, Invoice.number).limit(LIST_LIMIT)).all()
    amounts = select(Invoice.currency, Invoice.amount, Invoice.paid_amount, Invoice.due_on)
    amounts = _in_scope(_open(_visible(amounts, actor)), actor, scope, customer_query, today)
    items = [
        OpenItem(currency, amount - paid, due_on)
        for currency, amount, paid, due_on in session.exec(amounts).all()
    ]
    return ReceivablePage(
        scope=scope,
        invoices=[_line(*row, today) for row in rows],
        total=len(items),
        aging=aging_by_currency(items, today, aging_limits(session, actor)),
        customer_query=customer_query,
    )


def invoice_card(
    session: Session, actor: Actor, number: str, now: datetime | None = None
) -> InvoiceCard:
    today = today_for(actor, now)
    invoice, customer, order_number, rep_name = _find_visible(session, actor, number)
    line = _line(invoice, customer, order_number, rep_name, today)
    rows = session.exec(
        select(Payment, Member.name)
        .join(Member, Member.slack_user_id == Payment.recorded_by, isouter=True)
        .where(Payment.invoice_id == invoice.id)
        .order_by(Payment.paid_on, Payment.id)
    ).all()
    payments = [
        PaymentLine(p.amount, p.paid_on, p.reference, name, p.created_at) for p, name in rows
    ]
    return InvoiceCard(
        line, bucket_of(invoice.due_on, today, aging_limits(session, actor)), payments
    )


def record_payment(
    session: Session, actor: Actor, request: RecordPayment, now: datetime | None = None
) -> PaymentRecorded:
    """A payment against an invoice, partial or in full, in one transaction: the invoice's paid
    amount, its order moved to paid once nothing is open (if the order is invoiced), the audit
    log, and a word to the rep."""
    if not can_record_payments(actor):
        raise Forbidden("receivable.error.pay_not_allowed")
    moment = now or utcnow()
    today = today_for(actor, moment)
    details = payment_details(request, actor.timezone, moment)
    invoice, customer, _, _ = _find_visible(session, actor, request.number, for_update=True)
    open_amount = invoice.amount - invoice.paid_amount
    if open_amount <= 0:
        raise InvalidInput(
            "receivable.error.already_paid", number=invoice.number, day=invoice.paid_in_full_on
        )
    if not details.allows(invoice.currency):
        raise InvalidInput(
            "receivable.error.wrong_currency",
            number=invoice.number,
            amount=request.amount_text[:60],
            currency=invoice.currency,
        )
    amount = open_amount if details.amount is None else details.amount
    paid_on = details.paid_on or today
    _check_payment(session, invoice, amount, open_amount, paid_on, details.reference, today)
    before = _paid_state(invoice)
    payment = Payment(
        invoice_id=invoice.id,
        amount=amount,
        paid_on=paid_on,
        reference=details.reference,
        recorded_by=actor.slack_user_id,
        created_at=moment,
    )
    session.add(payment)
    session.flush()
    payments = session.exec(
        select(Payment.paid_on, Payment.amount).where(Payment.invoice_id == invoice.id)
    ).all()
    invoice.paid_amount, invoice.paid_in_full_on = settlement(invoice.amount, payments)
    received = {
        "amount": str(amount),
        "paid_on": paid_on.isoformat(),
        "reference": payment.reference,
    }
    audit(
        session,
        actor.slack_user_id,
        "invoice",
        invoice.number,
        "payment",
        before,
        _paid_state(invoice) | {"payment": received},
    )
    order = session.get(SalesOrder, invoice.order_id) if invoice.order_id else None
    moved = invoice.paid_in_full_on is not None and _order_to_paid(
        session, actor, order, invoice.number, moment
    )
    rep = session.get(Member, order.rep_id if order else customer.owner_id)
    line = _line(invoice, customer, order.number if order else None, rep.name, today)
    result = PaymentRecorded(
        line,
        amount,
        paid_on,
        payment.reference,
        line.order_number,
        order.status if order else None,
        moved,
    )
    _tell_rep(session, actor, rep, payment.id, result)
    return result


def aging_limits(session: Session, actor: Actor) -> tuple[int, ...]:
    """The aging buckets of the actor's team (an admin without a team: the default ones)."""
    team = session.get(Team, actor.team_id) if actor.team_id else None
    return (settings_of(team) if team else TeamSettings()).aging_limits


def _check_payment(
    session: Session,
    invoice: Invoice,
    amount: Decimal,
    open_amount: Decimal,
    paid_on: date,
    reference: str | None,
    today: date,
) -> None:
    if paid_on > today:
        raise InvalidInput("receivable.error.paid_in_future", day=paid_on)
    if paid_on < invoice.issued_on:
        raise InvalidInput(
            "receivable.error.paid_before_issued",
            number=invoice.number,
            day=paid_on,
            issued=invoice.issued_on,
        )
    if amount > open_amount:
        raise InvalidInput(
            "receivable.error.over_payment",
            number=invoice.number,
            amount=amount,
            open=open_amount,
            currency=invoice.currency,
        )
    same = select(Payment).where(Payment.invoice_id == invoice.id)
    if reference:
        earlier = session.exec(same.where(Payment.reference == reference)).first()
        if earlier is not None:
            raise InvalidInput(
                "receivable.error.duplicate_reference",
                number=invoice.number,
                reference=reference,
                day=earlier.paid_on,
            )
        return
    twin = session.exec(same.where(Payment.paid_on == paid_on, Payment.amount == amount)).first()
    if twin is not None:
        raise InvalidInput(
            "receivable.error.duplicate_payment",
            number=invoice.number,
            amount=amount,
            currency=invoice.currency,
            day=paid_on,
        )


def _order_to_paid(
    session: Session, actor: Actor, order: SalesOrder | None, number: str, moment: datetime
) -> bool:
    """An invoiced order is paid once nothing is open on any of its invoices; any other is left
    where it is."""
    if order is None or order.status != "invoiced" or _open_on_order(session, order):
        return False
    order.status = "paid"
    order.updated_at = moment
    note = paid_note(number)
    session.add(
        OrderStatusChange(
            order_id=order.id,
            from_status="invoiced",
            to_status="paid",
            actor_id=actor.member_id,
            source=PAID_SOURCE,
            note=note,
            at=moment,
        )
    )
    audit(
        session,
        actor.slack_user_id,
        "order",
        order.number,
        "status",
        {"status": "invoiced"},
        {"status": "paid", "note": note, "source": PAID_SOURCE},
    )
    return True


def _open_on_order(session: Session, order: SalesOrder) -> bool:
    """Another invoice of the order still has something open."""
    query = _open(select(Invoice.id).where(Invoice.order_id == order.id))
    return session.exec(query.limit(1)).first() is not None


def _tell_rep(
    session: Session, actor: Actor, rep: Member, payment_id: int, result: PaymentRecorded
) -> None:
    if rep.slack_user_id == actor.slack_user_id:
        return
    invoice = result.invoice
    notify(
        session,
        key=f"invoice-payment:{payment_id}:rep",
        channel=rep.slack_user_id,
        kind="invoice_payment",
        number=invoice.number,
        customer=invoice.customer_name,
        amount=str(result.amount),
        currency=invoice.currency,
        paid_on=result.paid_on.isoformat(),
        open=str(invoice.open_amount),
        total=str(invoice.amount),
        order_number=result.order_number,
        order_status=result.order_status,
        order_moved=result.order_moved,
        by=actor.name,
    )


def _paid_state(invoice: Invoice) -> dict:
    full_on = invoice.paid_in_full_on
    return {
        "paid_amount": str(invoice.paid_amount),
        "paid_in_full_on": full_on.isoformat() if full_on else None,
    }


def _visible(query, actor: Actor):
    """Join the invoice's customer and order, limited to what `actor` may see."""
    query = query.join(Customer, Invoice.customer_id == Customer.id).join(
        SalesOrder, Invoice.order_id == SalesOrder.id, isouter=True
    )
    if actor.is_admin:
        return query
    if actor.role == "rep":
        return query.where(
            or_(Customer.owner_id == actor.member_id, SalesOrder.rep_id == actor.member_id)
        )
    if actor.team_id is None:
        return query.where(false())
    team = select(Member.id).where(Member.team_id == actor.team_id)
    return query.where(or_(Customer.owner_id.in_(team), SalesOrder.rep_id.in_(team)))


def _with_rep(query, rep):
    """The invoice's rep: its order's, else its customer's owner."""
    return query.join(rep, rep.id == func.coalesce(SalesOrder.rep_id, Customer.owner_id))


def _open(query):
    return query.where(Invoice.paid_amount < Invoice.amount)


def _in_scope(query, actor: Actor, scope: str, customer_query: str | None, today: date):
    if scope == "mine":
        return query.where(
            or_(Customer.owner_id == actor.member_id, SalesOrder.rep_id == actor.member_id)
        )
    if scope == "overdue":
        return query.where(Invoice.due_on < today)
    if scope == "customer":
        needle = fold((customer_query or "").strip())
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return query.where(Customer.search_text.like(f"%{escaped}%", escape="\\"))
    return query


def _find_visible(session: Session, actor: Actor, number: str, for_update: bool = False):
    """The invoice numbered `number` as stored or, failing that, in any case ("inv-2024-001")."""
    rep = aliased(Member)
    query = _with_rep(_visible(select(Invoice, Customer, SalesOrder.number, rep.name), actor), rep)
    if for_update:
        query = query.with_for_update(of=Invoice)
    row = session.exec(query.where(Invoice.number == number)).first()
    if row is None and number.upper() != number.lower():
        any_case = query.where(func.upper(Invoice.number) == number.upper()).order_by(Invoice.id)
        row = session.exec(any_case).first()
    if row is None:
        raise NotFound("receivable.error.not_found", number=number)
    return row


def _line(
    invoice: Invoice, customer: Customer, order_number: str | None, rep_name: str, today: date
) -> InvoiceLine:
    return InvoiceLine(
        number=invoice.number,
        customer_code=customer.code,
        customer_name=customer.name,
        rep_name=rep_name,
        order_number=order_number,
        amount=invoice.amount,
        paid=invoice.paid_amount,
        currency=invoice.currency,
        issued_on=invoice.issued_on,
        due_on=invoice.due_on,
        paid_in_full_on=invoice.paid_in_full_on,
        days_overdue=(today - invoice.due_on).days,
    )


# --- for the stand-up and the weekly review ---------------------------------------------------


@dataclass
class OverdueInvoice:
    number: str
    customer: str
    rep: str
    open_amount: str
    currency: str
    due_on: str
    days_overdue: int


@dataclass
class TeamReceivables:
    collections: list[dict]  # per currency: collected, fell_due, rate (percent, or None)
    overdue_by_bucket: list[dict]  # per currency: buckets [{low, high, amount}], total


def overdue_invoices(session: Session, member_ids: list[int], day: date) -> list[OverdueInvoice]:
    """Invoices of these members' customers and orders past their due date on `day` with
    something open, most overdue first: one query."""
    rep = aliased(Member)
    rows = session.exec(
        _open(_team(_with_rep(_joined(select(Invoice, Customer.name, rep.name)), rep), member_ids))
        .where(Invoice.due_on < day)
        .order_by(Invoice.due_on, Invoice.number)
    ).all()
    return [
        OverdueInvoice(
            invoice.number,
            customer,
            rep_name,
            str(invoice.amount - invoice.paid_amount),
            invoice.currency,
            invoice.due_on.isoformat(),
            (day - invoice.due_on).days,
        )
        for invoice, customer, rep_name in rows
    ]


def team_receivables(session: Session, team: Team, week_start: date) -> TeamReceivables:
    """The week from `week_start`: collected against what fell due, per currency (回款率); and
    what is overdue at its end, per currency and aging bucket. A constant number of queries."""
    member_ids = list(session.exec(select(Member.id).where(Member.team_id == team.id)))
    week_end = week_start + _WEEK
    collected: dict[str, Decimal] = defaultdict(Decimal)
    for currency, amount in session.exec(
        _team(_joined(select(Invoice.currency, Payment.amount)), member_ids)
        .join(Payment, Payment.invoice_id == Invoice.id)
        .where(Payment.paid_on >= week_start, Payment.paid_on < week_end)
    ):
        collected[currency] += amount
    fell_due: dict[str, Decimal] = defaultdict(Decimal)
    for currency, amount in session.exec(
        _team(_joined(select(Invoice.currency, Invoice.amount)), member_ids).where(
            Invoice.due_on >= week_start, Invoice.due_on < week_end
        )
    ):
        fell_due[currency] += amount
    aging = aging_by_currency(
        _open_at(session, member_ids, week_end), week_end, settings_of(team).aging_limits
    )
    return TeamReceivables(
        collections=[
            _collection(currency, collected[currency], fell_due[currency])
            for currency in sorted(set(collected) | set(fell_due))
        ],
        overdue_by_bucket=[_overdue(currency) for currency in aging if currency.overdue > 0],
    )


_WEEK = timedelta(days=7)


def _open_at(session: Session, member_ids: list[int], day: date) -> list[OpenItem]:
    """What was open at the start of `day` on invoices that fell due before it: paid later
    counts as open then."""
    unsettled = _team(_joined(select(Invoice.id)), member_ids).where(
        Invoice.due_on < day,
        or_(Invoice.paid_in_full_on.is_(None), Invoice.paid_in_full_on >= day),
    )
    invoices = session.exec(
        select(Invoice.id, Invoice.currency, Invoice.amount, Invoice.due_on).where(
            Invoice.id.in_(unsettled)
        )
    ).all()
    paid: dict[int, Decimal] = defaultdict(Decimal)
    for invoice_id, amount in session.exec(
        select(Payment.invoice_id, Payment.amount).where(
            Payment.invoice_id.in_(unsettled), Payment.paid_on < day
        )
    ):
        paid[invoice_id] += amount
    return [
        OpenItem(currency, amount - paid[invoice_id], due_on)
        for invoice_id, currency, amount, due_on in invoices
    ]


def _joined(query):
    return query.join(Customer, Invoice.customer_id == Customer.id).join(
        SalesOrder, Invoice.order_id == SalesOrder.id, isouter=True
    )


def _team(query, member_ids: list[int]):
    return query.where(func.coalesce(SalesOrder.rep_id, Customer.owner_id).in_(member_ids))


def _collection(currency: str, collected: Decimal, fell_due: Decimal) -> dict:
    rate = (collected * 100 / fell_due).quantize(Decimal("0.1")) if fell_due else None
    return {
        "currency": currency,
        "collected": str(collected),
        "fell_due": str(fell_due),
        "rate": None if rate is None else str(rate),
    }


def _overdue(aging: CurrencyAging) -> dict:
    return {
        "currency": aging.currency,
        "buckets": [
            {"low": bucket.low, "high": bucket.high, "amount": str(amount)}
            for bucket, amount in aging.by_bucket
            if bucket.is_overdue
        ],
        "total": str(aging.overdue),
    }
