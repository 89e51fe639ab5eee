"""The collections report (回款): collected against what fell due in the period (回款率), days
sales outstanding, the aging of what is open at the period's end and its trend over the last
months, and the largest overdue invoices.

- An invoice counts for the rep of its order, else its customer's owner (as /receivable does).
- Collection rate: payments received in the period ÷ invoice amounts falling due in it.
- DSO: open at the period's end ÷ invoiced in the period × the period's days.
- "At the period's end": at the close of its last day; an invoice due that day and unpaid is
  overdue by one day then, and a payment made later still counts as open.
- Money is in the scope's reporting currency, each amount at its own month's rate (payments
  their month, dues theirs, what is open the period's last month); per currency, untouched.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from commands.receivables.aging import OpenItem, aging_by_currency
from commands.receivables.reports import _open_at
from commands.reports.model import (
    COUNT,
    DATE,
    DAYS,
    MONEY,
    PERCENT,
    Cell,
    Chart,
    Column,
    Figure,
    Report,
    ReportPeriod,
    Table,
)
from commands.reports.monthly_rates import MonthlyConverter
from commands.reports.scope import ReportScope
from commands.reports.span import month_key, months_back, scope_member_ids
from commands.team_settings import settings_of
from storage.models import Customer, Invoice, Member, Payment, SalesOrder, Team

TREND_MONTHS = 6
LARGEST = 10
TENTH = Decimal("0.1")
SHARE = Decimal("0.001")
ZERO = Decimal(0)


@dataclass
class Flow:
    """Collected and fell due in a period, per rep and per currency (native amounts)."""

    collected: dict[tuple[int, str], Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    fell_due: dict[tuple[int, str], Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    # The same in the reporting currency, per rep.
    collected_in: dict[int, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    fell_due_in: dict[int, Decimal] = field(default_factory=lambda: defaultdict(Decimal))

    def totals(self) -> tuple[Decimal, Decimal]:
        return sum(self.collected_in.values(), ZERO), sum(self.fell_due_in.values(), ZERO)


@dataclass(frozen=True)
class OpenInvoice:
    number: str
    customer: str
    rep: str
    currency: str
    due_on: date
    open_amount: Decimal


def collections_report(session: Session, scope: ReportScope, period: ReportPeriod) -> Report:
    members = scope_member_ids(session, scope)
    currency = scope.currency
    convert = MonthlyConverter(session, currency, _currencies(session, members))
    flows = [_flow(session, members, p, convert) for p in _compared(period)]
    close = period.end + timedelta(days=1)
    open_now = _open_at_close(session, members, close)
    limits = _aging_limits(session, scope)
    end_month = month_key(period.end)
    invoiced = _invoiced(session, members, period, convert)
    report = Report("collections", period, scope.label)
    report.figures = _figures(flows, open_now, close, convert, end_month, invoiced, period)
    report.tables = [
        _by_rep(session, flows[0], currency),
        _by_currency(flows[0]),
        _aging(open_now, close, limits, convert, end_month, currency),
        _trend(session, members, period.end, convert, currency),
        _largest(open_now, close, convert, end_month),
    ]
    report.notes = convert.notes()
    if not any(flows[0].collected.values()) and not any(flows[0].fell_due.values()):
        report.notes.append(("report.note.no_collections", {}))
    return report


def _compared(period: ReportPeriod) -> list[ReportPeriod]:
    return [period, period.previous(), period.same_last_year()]


def _currencies(session: Session, members: list[int]) -> set[str]:
    return set(session.exec(_in_scope(select(Invoice.currency).distinct(), members)).all())


def _in_scope(query: Any, members: list[int]) -> Any:
    """Invoices of the members: by their order's rep, else their customer's owner."""
    return (
        query.join(Customer, col(Invoice.customer_id) == col(Customer.id))
        .join(SalesOrder, col(Invoice.order_id) == col(SalesOrder.id), isouter=True)
        .where(func.coalesce(SalesOrder.rep_id, Customer.owner_id).in_(members))
    )


def _rep() -> Any:
    return func.coalesce(SalesOrder.rep_id, Customer.owner_id)


def _flow(
    session: Session, members: list[int], period: ReportPeriod, convert: MonthlyConverter
) -> Flow:
    """Two GROUP BY queries: payments by rep, currency and day; dues likewise."""
    flow = Flow()
    paid = _in_scope(
        select(_rep(), Invoice.currency, Payment.paid_on, func.sum(Payment.amount)), members
    ).join(Payment, col(Payment.invoice_id) == col(Invoice.id))
    paid = paid.where(col(Payment.paid_on).between(period.start, period.end))
    for rep, currency, day, amount in session.exec(
        paid.group_by(_rep(), Invoice.currency, Payment.paid_on)
    ):
        flow.collected[(rep, currency)] += amount
        flow.collected_in[rep] += convert(amount, currency, month_key(day))
    due = _in_scope(
        select(_rep(), Invoice.currency, Invoice.due_on, func.sum(Invoice.amount)), members
    )
    due = due.where(col(Invoice.due_on).between(period.start, period.end))
    for rep, currency, day, amount in session.exec(
        due.group_by(_rep(), Invoice.currency, Invoice.due_on)
    ):
        flow.fell_due[(rep, currency)] += amount
        flow.fell_due_in[rep] += convert(amount, currency, month_key(day))
    return flow


def _invoiced(
    session: Session, members: list[int], period: ReportPeriod, convert: MonthlyConverter
) -> Decimal:
    query = _in_scope(
        select(Invoice.currency, Invoice.issued_on, func.sum(Invoice.amount)), members
    ).where(col(Invoice.issued_on).between(period.start, period.end))
    rows = session.exec(query.group_by(Invoice.currency, Invoice.issued_on))
    return sum((convert(amount, cur, month_key(day)) for cur, day, amount in rows), ZERO)


def _open_at_close(session: Session, members: list[int], close: date) -> list[OpenInvoice]:
    """Every invoice issued by the period's end with something open at its close: two
    queries, the invoices and what was paid on them before the close."""
    unsettled = _in_scope(select(Invoice.id), members).where(
        col(Invoice.issued_on) < close,
        or_(col(Invoice.paid_in_full_on).is_(None), col(Invoice.paid_in_full_on) >= close),
    )
    invoices = session.exec(
        _in_scope(
            select(Invoice, col(Customer.name), col(Member.name)),
            members,
        )
        .join(Member, col(Member.id) == _rep())
        .where(col(Invoice.id).in_(unsettled))
    ).all()
    paid: dict[int | None, Decimal] = defaultdict(Decimal)
    for invoice_id, amount in session.exec(
        select(col(Payment.invoice_id), func.sum(Payment.amount))
        .where(col(Payment.invoice_id).in_(unsettled), col(Payment.paid_on) < close)
        .group_by(col(Payment.invoice_id))
    ):
        paid[invoice_id] += Decimal(amount)
    found = [
        OpenInvoice(
            invoice.number,
            customer,
            rep,
            invoice.currency,
            invoice.due_on,
            invoice.amount - paid[invoice.id],
        )
        for invoice, customer, rep in invoices
    ]
    return [invoice for invoice in found if invoice.open_amount > 0]


def _aging_limits(session: Session, scope: ReportScope) -> tuple[int, ...]:
    """The buckets of the scope's team (the first one's for several teams)."""
    team_ids = list(scope.team_ids)
    team = session.get(Team, team_ids[0]) if team_ids else None
    return settings_of(team).aging_limits if team else (30, 60, 90)


def _figures(
    flows: list[Flow],
    open_now: list[OpenInvoice],
    close: date,
    convert: MonthlyConverter,
    end_month: str,
    invoiced: Decimal,
    period: ReportPeriod,
) -> list[Figure]:
    (collected, due), (prev_collected, prev_due), (ly_collected, ly_due) = (
        flow.totals() for flow in flows
    )
    open_total = sum((convert(i.open_amount, i.currency, end_month) for i in open_now), ZERO)
    overdue = sum(
        (convert(i.open_amount, i.currency, end_month) for i in open_now if i.due_on < close),
        ZERO,
    )
    days = (period.end - period.start).days + 1
    dso = (open_total * days / invoiced).quantize(TENTH, ROUND_HALF_UP) if invoiced else None
    return [
        Figure("collected", MONEY, collected, prev_collected, ly_collected, convert.to_currency),
        Figure("fell_due", MONEY, due, prev_due, ly_due, convert.to_currency),
        Figure(
            "collection_rate",
            PERCENT,
            rate(collected, due),
            rate(prev_collected, prev_due),
            rate(ly_collected, ly_due),
        ),
        Figure("dso", DAYS, dso),
        Figure("open_at_end", MONEY, open_total, currency=convert.to_currency),
        Figure("overdue_at_end", MONEY, overdue, currency=convert.to_currency),
    ]


def rate(part: Decimal, whole: Decimal) -> Decimal | None:
    """A share as a fraction (0.875 is 87.5 %), to 0.1 %; None when there is nothing to
    compare with (never 0 %)."""
    return (Decimal(part) / whole).quantize(SHARE, ROUND_HALF_UP) if whole else None


def _by_rep(session: Session, flow: Flow, currency: str) -> Table:
    reps = set(flow.collected_in) | set(flow.fell_due_in)
    names = _names(session, reps)
    ranked = sorted(reps, key=lambda rep: (-flow.collected_in[rep], names[rep]))
    rows: list[list[Cell]] = [
        [
            names[rep],
            flow.collected_in[rep],
            flow.fell_due_in[rep],
            rate(flow.collected_in[rep], flow.fell_due_in[rep]),
        ]
        for rep in ranked
    ]
    collected, due = flow.totals()
    return Table(
        "collections_by_rep",
        [
            Column("rep"),
            Column("collected", MONEY),
            Column("fell_due", MONEY),
            Column("collection_rate", PERCENT),
        ],
        rows,
        currency=currency,
        total=[None, collected, due, rate(collected, due)],
        chart=Chart("bar", "rep", ("collected", "fell_due")),
    )


def _names(session: Session, members: set[int]) -> dict[int, str]:
    rows = session.exec(select(Member.id, Member.name).where(col(Member.id).in_(members)))
    return {member_id: name for member_id, name in rows if member_id is not None}


def _by_currency(flow: Flow) -> Table:
    collected: dict[str, Decimal] = defaultdict(Decimal)
    due: dict[str, Decimal] = defaultdict(Decimal)
    for (_, currency), amount in flow.collected.items():
        collected[currency] += amount
    for (_, currency), amount in flow.fell_due.items():
        due[currency] += amount
    rows: list[list[Cell]] = [
        [currency, collected[currency], due[currency], rate(collected[currency], due[currency])]
        for currency in sorted(set(collected) | set(due))
    ]
    return Table(
        "collections_by_currency",
        [
            Column("currency"),
            Column("collected", MONEY),
            Column("fell_due", MONEY),
            Column("collection_rate", PERCENT),
        ],
        rows,
    )


def _aging(
    open_now: list[OpenInvoice],
    close: date,
    limits: tuple[int, ...],
    convert: MonthlyConverter,
    end_month: str,
    currency: str,
) -> Table:
    """Open at the close per bucket of days overdue: "≤0" not yet due, then the team's."""
    items = [OpenItem(i.currency, i.open_amount, i.due_on) for i in open_now]
    # Days overdue at the close of the last day: as on the day after it.
    by_currency = aging_by_currency(items, close, limits)
    amounts: dict[str, Decimal] = defaultdict(Decimal)
    counts: dict[str, int] = defaultdict(int)
    order: list[str] = []
    for aging in by_currency:
        for bucket, amount in aging.by_bucket:
            label = _bucket_label(bucket.low, bucket.high)
            if label not in order:
                order.append(label)
            amounts[label] += convert(amount, aging.currency, end_month)
    for item in items:
        days = (close - item.due_on).days
        counts[_label_of_days(days, limits)] += 1
    total = sum(amounts.values(), ZERO)
    rows: list[list[Cell]] = [
        [label, counts[label], amounts[label], rate(amounts[label], total)] for label in order
    ]
    return Table(
        "aging",
        [
            Column("days_overdue"),
            Column("invoices", COUNT),
            Column("open_amount", MONEY),
            Column("share", PERCENT),
        ],
        rows,
        currency=currency,
        total=[None, len(items), total, rate(total, total)],
        chart=Chart("bar", "days_overdue", ("open_amount",)),
    )


def _bucket_label(low: int | None, high: int | None) -> str:
    if low is None:
        return "≤0"
    return f"{low}-{high}" if high is not None else f"{low - 1}+"


def _label_of_days(days: int, limits: tuple[int, ...]) -> str:
    if days <= 0:
        return "≤0"
    low = 1
    for limit in limits:
        if days <= limit:
            return f"{low}-{limit}"
        low = limit + 1
    return f"{low - 1}+"


def _trend(
    session: Session, members: list[int], last: date, convert: MonthlyConverter, currency: str
) -> Table:
    """What was overdue at the close of each of the last months (the receivables' own query)."""
    rows: list[list[Cell]] = []
    for end in months_back(last, TREND_MONTHS):
        month = month_key(end)
        items = _open_at(session, members, end + timedelta(days=1))
        amount = sum((convert(i.amount, i.currency, month) for i in items if i.amount > 0), ZERO)
        rows.append([month, sum(1 for i in items if i.amount > 0), amount])
    return Table(
        "aging_trend",
        [Column("month"), Column("invoices", COUNT), Column("overdue_amount", MONEY)],
        rows,
        currency=currency,
        chart=Chart("line", "month", ("overdue_amount",)),
    )


def _largest(
    open_now: list[OpenInvoice], close: date, convert: MonthlyConverter, end_month: str
) -> Table:
    overdue = [i for i in open_now if i.due_on < close]
    ranked = sorted(
        overdue,
        key=lambda i: (-convert(i.open_amount, i.currency, end_month), i.due_on, i.number),
    )[:LARGEST]
    rows: list[list[Cell]] = [
        [
            i.number,
            i.customer,
            i.rep,
            i.due_on,
            (close - i.due_on).days,
            i.currency,
            i.open_amount,
            convert(i.open_amount, i.currency, end_month),
        ]
        for i in ranked
    ]
    return Table(
        "largest_overdue",
        [
            Column("invoice"),
            Column("customer"),
            Column("rep"),
            Column("due_on", DATE),
            Column("days_overdue_count", DAYS),
            Column("currency"),
            Column("open_amount", MONEY),
            Column("amount_reporting", MONEY),
        ],
        rows,
        summary_rows=5,
    )
