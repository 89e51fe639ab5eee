"""Receivables for the stand-up and the weekly review: overdue invoices of a set of members,
and a team's week of collections against what fell due, with what is overdue at its end."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from commands.receivables.aging import CurrencyAging, OpenItem, aging_by_currency
from commands.receivables.reading import open_only, with_rep
from commands.team_settings import settings_of
from storage.models import Customer, Invoice, Member, Payment, SalesOrder, Team


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
        open_only(
            _team(with_rep(_joined(select(Invoice, Customer.name, rep.name)), rep), member_ids)
        )
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


def _open_at(session: Session, member_ids: Sequence[int | None], day: date) -> list[OpenItem]:
    """What was open at the start of `day` on invoices that fell due before it: paid later
    counts as open then."""
    unsettled = _team(_joined(select(Invoice.id)), member_ids).where(
        Invoice.due_on < day,
        or_(col(Invoice.paid_in_full_on).is_(None), col(Invoice.paid_in_full_on) >= day),
    )
    invoices = session.exec(
        select(
            col(Invoice.id), col(Invoice.currency), col(Invoice.amount), col(Invoice.due_on)
        ).where(col(Invoice.id).in_(unsettled))
    ).all()
    paid: dict[int | None, Decimal] = defaultdict(Decimal)
    for invoice_id, amount in session.exec(
        select(col(Payment.invoice_id), col(Payment.amount)).where(
            col(Payment.invoice_id).in_(unsettled), col(Payment.paid_on) < day
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


def _team(query, member_ids: Sequence[int | None]):
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
