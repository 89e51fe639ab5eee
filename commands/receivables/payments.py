"""Payments against invoices, recorded by the desk and admins: partial or in full, checked
against what is open, the order moved to paid once nothing is open on it, the rep told."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlmodel import Session, col, select

from commands.errors import Forbidden, InvalidInput
from commands.orders import today_for
from commands.people import Actor
from commands.receivables.reading import InvoiceLine, find_visible, invoice_line, open_only
from commands.receivables.text import RecordPayment, payment_details
from commands.records import audit, notify
from storage.imports.payments import PAID_SOURCE, paid_note, settlement
from storage.models import (
    Invoice,
    Member,
    OrderStatusChange,
    Payment,
    SalesOrder,
    stored_id,
    utcnow,
)
from storage.statuses import OrderStatus, Role

PAYERS = (Role.desk, Role.admin)  # who records payments: the desk chases receivables (DOMAIN.md)


@dataclass(frozen=True)
class PaymentRecorded:
    invoice: InvoiceLine  # as the payment leaves it
    amount: Decimal
    paid_on: date
    reference: str | None
    order_number: str | None
    order_status: OrderStatus | None  # after the payment
    order_moved: bool  # from invoiced to paid, because the invoice is now paid in full

    @property
    def paid_in_full(self) -> bool:
        return self.invoice.open_amount == 0


def can_record_payments(actor: Actor) -> bool:
    return actor.role in PAYERS


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
    invoice, customer, _, _ = find_visible(session, actor, request.number, for_update=True)
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
        select(col(Payment.paid_on), col(Payment.amount)).where(
            col(Payment.invoice_id) == invoice.id
        )
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
    rep = session.get_one(Member, order.rep_id if order else customer.owner_id)
    line = invoice_line(invoice, customer, order.number if order else None, rep.name, today)
    result = PaymentRecorded(
        line,
        amount,
        paid_on,
        payment.reference,
        line.order_number,
        order.status if order else None,
        moved,
    )
    _tell_rep(session, actor, rep, payment, result)
    return result


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
    if order is None or order.status != OrderStatus.invoiced or _open_on_order(session, order):
        return False
    order.status = OrderStatus.paid
    order.updated_at = moment
    note = paid_note(number)
    session.add(
        OrderStatusChange(
            order_id=stored_id(order),
            from_status=OrderStatus.invoiced,
            to_status=OrderStatus.paid,
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
        {"status": OrderStatus.invoiced},
        {"status": OrderStatus.paid, "note": note, "source": PAID_SOURCE},
    )
    return True


def _open_on_order(session: Session, order: SalesOrder) -> bool:
    """Another invoice of the order still has something open."""
    query = open_only(select(Invoice.id).where(Invoice.order_id == order.id))
    return session.exec(query.limit(1)).first() is not None


def _tell_rep(
    session: Session, actor: Actor, rep: Member, payment: Payment, result: PaymentRecorded
) -> None:
    if rep.slack_user_id == actor.slack_user_id:
        return
    invoice = result.invoice
    notify(
        session,
        key=f"invoice-payment:{payment.id}:rep",
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
