"""Receivables (应收账款): the open invoices one may see, one invoice with its payments.

Who sees an invoice follows its customer and order, as for orders: a rep sees the invoices of
the customers they own and of the orders they are the rep on, desk and managers their team's,
admins all. An invoice one may not see reads exactly like one that does not exist.
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import false, func, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from commands.errors import NotFound
from commands.orders import today_for
from commands.people import Actor
from commands.receivables.aging import Bucket, CurrencyAging, OpenItem, aging_by_currency, bucket_of
from commands.team_settings import TeamSettings, settings_of
from storage.models import Customer, Invoice, Member, Payment, SalesOrder, Team, fold
from storage.statuses import Role

LIST_LIMIT = 15


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
    query = open_only(
        with_rep(_visible(select(Invoice, Customer, SalesOrder.number, rep.name), actor), rep)
    )
    query = _in_scope(query, actor, scope, customer_query, today)
    rows = session.exec(query.order_by(Invoice.due_on, Invoice.number).limit(LIST_LIMIT)).all()
    amounts = select(
        col(Invoice.currency), col(Invoice.amount), col(Invoice.paid_amount), col(Invoice.due_on)
    )
    amounts = _in_scope(open_only(_visible(amounts, actor)), actor, scope, customer_query, today)
    items = [
        OpenItem(currency, amount - paid, due_on)
        for currency, amount, paid, due_on in session.exec(amounts).all()
    ]
    return ReceivablePage(
        scope=scope,
        invoices=[
            invoice_line(invoice, customer, number, rep_name, today)
            for invoice, customer, number, rep_name in rows
        ],
        total=len(items),
        aging=aging_by_currency(items, today, aging_limits(session, actor)),
        customer_query=customer_query,
    )


def invoice_card(
    session: Session, actor: Actor, number: str, now: datetime | None = None
) -> InvoiceCard:
    today = today_for(actor, now)
    invoice, customer, order_number, rep_name = find_visible(session, actor, number)
    line = invoice_line(invoice, customer, order_number, rep_name, today)
    rows = session.exec(
        select(Payment, Member.name)
        .join(Member, col(Member.slack_user_id) == col(Payment.recorded_by), isouter=True)
        .where(Payment.invoice_id == invoice.id)
        .order_by(col(Payment.paid_on), col(Payment.id))
    ).all()
    payments = [
        PaymentLine(p.amount, p.paid_on, p.reference, name, p.created_at) for p, name in rows
    ]
    return InvoiceCard(
        line, bucket_of(invoice.due_on, today, aging_limits(session, actor)), payments
    )


def aging_limits(session: Session, actor: Actor) -> tuple[int, ...]:
    """The aging buckets of the actor's team (an admin without a team: the default ones)."""
    team = session.get(Team, actor.team_id) if actor.team_id else None
    return (settings_of(team) if team else TeamSettings()).aging_limits


def _visible(query, actor: Actor):
    """Join the invoice's customer and order, limited to what `actor` may see."""
    query = query.join(Customer, Invoice.customer_id == Customer.id).join(
        SalesOrder, Invoice.order_id == SalesOrder.id, isouter=True
    )
    if actor.is_admin:
        return query
    if actor.role == Role.rep:
        return query.where(
            or_(
                col(Customer.owner_id) == actor.member_id, col(SalesOrder.rep_id) == actor.member_id
            )
        )
    if actor.team_id is None:
        return query.where(false())
    team = select(Member.id).where(Member.team_id == actor.team_id)
    return query.where(or_(col(Customer.owner_id).in_(team), col(SalesOrder.rep_id).in_(team)))


def with_rep(query, rep):
    """The invoice's rep: its order's, else its customer's owner."""
    return query.join(rep, rep.id == func.coalesce(SalesOrder.rep_id, Customer.owner_id))


def open_only(query):
    return query.where(Invoice.paid_amount < Invoice.amount)


def _in_scope(query, actor: Actor, scope: str, customer_query: str | None, today: date):
    if scope == "mine":
        return query.where(
            or_(
                col(Customer.owner_id) == actor.member_id, col(SalesOrder.rep_id) == actor.member_id
            )
        )
    if scope == "overdue":
        return query.where(Invoice.due_on < today)
    if scope == "customer":
        needle = fold((customer_query or "").strip())
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return query.where(col(Customer.search_text).like(f"%{escaped}%", escape="\\"))
    return query


def find_visible(session: Session, actor: Actor, number: str, for_update: bool = False):
    """The invoice numbered `number` as stored or, failing that, in any case ("inv-2024-001")."""
    rep = aliased(Member)
    query = with_rep(_visible(select(Invoice, Customer, SalesOrder.number, rep.name), actor), rep)
    if for_update:
        query = query.with_for_update(of=Invoice)
    row = session.exec(query.where(Invoice.number == number)).first()
    if row is None and number.upper() != number.lower():
        any_case = query.where(func.upper(Invoice.number) == number.upper()).order_by(Invoice.id)
        row = session.exec(any_case).first()
    if row is None:
        raise NotFound("receivable.error.not_found", number=number)
    return row


def invoice_line(
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
