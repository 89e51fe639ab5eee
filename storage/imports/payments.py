"""Payments received against invoices: invoice_number, amount, paid_on, reference.

The natural key of a payment: its invoice and its `reference` when the file gives one (a bank
transfer number, a cheque number), else its invoice, day and amount. A row matches the stored
payment with the same key; a row with a reference also matches a payment of the same invoice,
day and amount recorded without one (the reference is added to it), and a row without one
matches such a payment whatever its reference, so a bank export imported after payments were
typed in Slack does not count them twice.

After the payments are written, each invoice they touch gets its paid amount and the day it
was paid in full recomputed from all of its payments; an order whose invoice is now paid in
full moves from invoiced to paid, with a step in its history.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlmodel import Session

from storage.imports import fields as read
from storage.imports.bulk import insert_rows, table_of, update_rows
from storage.imports.csvfile import CsvRow, CsvTable
from storage.imports.report import Money, Rejected, Rejection, RowWarning
from storage.imports.upsert import ACTOR, Change, Importer, Plan, Stored
from storage.models import (
    AuditEntry,
    Customer,
    Invoice,
    Member,
    OrderStatusChange,
    Payment,
    SalesOrder,
    Team,
    utcnow,
)
from storage.vocabulary import order_number as document_number

CENT = Decimal("0.01")
PAID_SOURCE = "payment"  # the source of an order's step to paid in its history
IN_CLAUSE = 500


class Settlement(NamedTuple):
    paid: Decimal
    paid_in_full_on: date | None


class Received(NamedTuple):
    """A payment's fields as read from its row (or from the stored payment)."""

    invoice_number: str
    amount: Decimal
    paid_on: date
    reference: str | None


class InvoiceFacts(NamedTuple):
    id: int
    amount: Decimal
    currency: str
    issued_on: date
    today: date  # in the zone of the invoice's team: a payment after it is in the future


def settlement(amount: Decimal, payments: Iterable[tuple[date, Decimal]]) -> Settlement:
    """What has been paid on an invoice of `amount` and the day the payments, taken in the order
    they were made, reached it (None while something is open)."""
    paid, full_on = Decimal("0"), None
    for paid_on, value in sorted(payments, key=lambda payment: payment[0]):
        paid += value
        if full_on is None and paid >= amount:
            full_on = paid_on
    return Settlement(paid, full_on)


def paid_note(invoice_number: str) -> str:
    """The note on an order's step to paid: read by English and Chinese speakers alike."""
    return f"invoice {invoice_number} paid in full · 发票 {invoice_number} 已全额回款"


def invoice_number(column: str, value: str) -> str:
    """Invoice numbers are written like order numbers: letters, digits and - _ . /."""
    found = document_number(value)
    if found is None:
        raise Rejected("import.reject.bad_invoice_number", value=read.shown(value))
    return found


class PaymentImporter(Importer):
    """Each row is checked against the invoice as the file leaves it: a payment beyond what is
    still open, before the invoice was issued or in the future is rejected."""

    entity = "payment"
    model = Payment
    key = "invoice_number"
    required = ("invoice_number", "amount", "paid_on")
    optional = ("reference",)

    def load(self, session: Session, table: CsvTable) -> dict[str, Stored]:
        invoice = table_of(Invoice)
        rows = session.execute(
            select(
                invoice.c.number,
                invoice.c.id,
                invoice.c.amount,
                invoice.c.currency,
                invoice.c.issued_on,
                invoice.c.customer_id,
            )
        )
        today_of_customer = self._today_by_customer(session)
        self.invoices = {
            number: InvoiceFacts(
                invoice_id, amount, currency, issued_on, today_of_customer[customer_id]
            )
            for number, invoice_id, amount, currency, issued_on, customer_id in rows
        }
        numbers = {facts.id: number for number, facts in self.invoices.items()}
        self.first_lines: dict[str, int] = {}
        self.claimed: set[int] = set()  # stored payments a row of the file has matched
        self.touched: set[int] = set()  # invoices whose payments the file changes
        payment = table_of(Payment)
        self.by_reference: dict[tuple[str, str], Stored] = {}
        self.by_day_amount: dict[tuple[str, date, Decimal], list[Stored]] = defaultdict(list)
        self.paid: dict[str, Decimal] = defaultdict(Decimal)
        rows = session.execute(
            select(
                payment.c.id,
                payment.c.invoice_id,
                payment.c.amount,
                payment.c.paid_on,
                payment.c.reference,
            ).order_by(payment.c.id)
        )
        for payment_id, invoice_id, amount, paid_on, reference in rows:
            number = numbers[invoice_id]
            stored = Stored(payment_id, _fields(number, amount, paid_on, reference))
            if reference:
                self.by_reference[number, reference] = stored
            self.by_day_amount[number, paid_on, amount].append(stored)
            self.paid[number] += amount
        return {}

    def _today_by_customer(self, session: Session) -> dict[int, date]:
        """Today in the zone of each customer's owner's team (its timezone setting, else its
        zone), else in the organisation's."""
        customer, member, team = table_of(Customer), table_of(Member), table_of(Team)
        rows = session.execute(
            select(customer.c.id, team.c.timezone, team.c.settings)
            .join(member, member.c.id == customer.c.owner_id)
            .join(team, team.c.id == member.c.team_id, isouter=True)
        )
        now = utcnow()
        today_in: dict[str, date] = {}
        today = {}
        for customer_id, zone, settings in rows:
            zone = (settings or {}).get("timezone") or zone or self.default_timezone
            if zone not in today_in:
                today_in[zone] = now.astimezone(_zone(zone, self.default_timezone)).date()
            today[customer_id] = today_in[zone]
        return today

    def readers(self) -> dict[str, read.Reader]:
        return {
            "invoice_number": self._invoice,
            "amount": read.positive_amount(
                "import.reject.bad_payment_amount", "import.reject.payment_not_positive"
            ),
            "paid_on": read.iso_date,
            "reference": read.text(Payment),
        }

    def plan(self, rows: list[CsvRow], stored: dict[str, Stored]) -> Plan:
        plan, readers = Plan(), self.readers()
        for row in rows:
            try:
                fields = _read_row(row, readers)
                key = natural_key(fields)
                first_line = self.first_lines.setdefault(key, row.line)
                if first_line != row.line:
                    raise Rejected("import.reject.duplicate_payment", first_line=first_line)
                match = self._match(fields, self.claimed)
                self._check(fields, match)
            except Rejected as rejected:
                plan.rejected.append(Rejection(row.line, rejected.key, rejected.params))
                continue
            if match is not None:
                self.claimed.add(match.id)
            self._add(plan, row.line, key, fields, match)
        return plan

    def write(self, session: Session, plan: Plan, now: datetime) -> dict[str, int]:
        new_rows = [self._new_row(change.fields, now) for change in plan.creates]
        insert_rows(session, Payment, new_rows)
        changed = [
            {"id": _matched(change).id, **_without_invoice(change.fields)}
            for change in plan.updates
        ]
        update_rows(session, Payment, changed)
        touched = [_received(change.fields).invoice_number for change in plan.creates]
        touched += [_received(_matched(change).fields).invoice_number for change in plan.updates]
        self.touched |= {self.invoices[number].id for number in touched}
        return {}

    def finish(self, session: Session, now: datetime) -> list[RowWarning]:
        """Each invoice settled once, from all of its payments, whatever batches they were in."""
        settle_invoices(session, self.touched, now)
        return []

    def _invoice(self, column: str, value: str) -> str:
        number = invoice_number(column, value)
        if number not in self.invoices:
            raise Rejected("import.reject.unknown_invoice", value=number)
        return number

    def _match(self, fields: dict[str, object], claimed: set[int]) -> Stored | None:
        number, amount, paid_on, reference = _received(fields)
        if reference:
            found = self.by_reference.get((number, reference))
            if found is not None and found.id not in claimed:
                return found
        for candidate in self.by_day_amount.get((number, paid_on, amount), []):
            if candidate.id in claimed:
                continue
            if reference is None or candidate.fields["reference"] is None:
                return candidate
        return None

    def _check(self, fields: dict[str, object], match: Stored | None) -> None:
        number, amount, paid_on, _ = _received(fields)
        invoice = self.invoices[number]
        if paid_on < invoice.issued_on:
            raise Rejected(
                "import.reject.paid_before_issued",
                day=paid_on.isoformat(),
                issued=invoice.issued_on.isoformat(),
            )
        if paid_on > invoice.today:
            raise Rejected("import.reject.paid_in_future", day=paid_on.isoformat())
        others = self.paid[number] - (_received(match.fields).amount if match else Decimal("0"))
        if others + amount > invoice.amount:
            raise Rejected(
                "import.reject.over_payment",
                amount=Money(amount, invoice.currency),
                invoice=number,
                open=Money(max(invoice.amount - others, Decimal("0")), invoice.currency),
            )
        self.paid[number] = others + amount

    def _add(
        self,
        plan: Plan,
        line: int,
        key: str,
        fields: dict[str, object],
        match: Stored | None,
    ) -> None:
        if match is None:
            plan.creates.append(Change(line, key, fields))
            return
        changed = {
            column: value
            for column, value in fields.items()
            if value is not None and value != match.fields[column]
        }
        if changed:
            plan.updates.append(Change(line, key, changed, match))
        else:
            plan.unchanged += 1

    def _new_row(self, fields: dict[str, object], now: datetime) -> dict[str, object]:
        return _without_invoice(fields) | {
            "invoice_id": self.invoices[_received(fields).invoice_number].id,
            "recorded_by": ACTOR,
            "created_at": now,
        }


def natural_key(fields: dict[str, object]) -> str:
    """The invoice and the reference, else the invoice, day and amount."""
    if fields["reference"]:
        return f"{fields['invoice_number']} ref {fields['reference']}"
    return f"{fields['invoice_number']} {fields['paid_on']} {fields['amount']}"


def settle_invoices(session: Session, invoice_ids: set[int], now: datetime) -> None:
    """Recompute what is paid on these invoices from their payments; move the orders of those
    now paid in full from invoiced to paid. Each change is audited as the import's."""
    invoice, payment = table_of(Invoice), table_of(Payment)
    payments: dict[int, list[tuple[date, Decimal]]] = defaultdict(list)
    invoices: list[tuple[int, str, Decimal, Decimal, date | None, int | None]] = []
    for ids in _chunks(sorted(invoice_ids)):
        for invoice_id, paid_on, amount in session.execute(
            select(payment.c.invoice_id, payment.c.paid_on, payment.c.amount).where(
                payment.c.invoice_id.in_(ids)
            )
        ):
            payments[invoice_id].append((paid_on, amount))
        invoices += session.execute(
            select(
                invoice.c.id,
                invoice.c.number,
                invoice.c.amount,
                invoice.c.paid_amount,
                invoice.c.paid_in_full_on,
                invoice.c.order_id,
            ).where(invoice.c.id.in_(ids))
        ).all()
    changed, audits, paid_orders = [], [], {}
    for invoice_id, number, amount, paid, full_on, order_id in invoices:
        now_paid, now_full_on = settlement(amount, payments[invoice_id])
        if (now_paid, now_full_on) == (paid, full_on):
            continue
        changed.append({"id": invoice_id, "paid_amount": now_paid, "paid_in_full_on": now_full_on})
        before = {"paid_amount": str(paid), "paid_in_full_on": _iso(full_on)}
        after = {"paid_amount": str(now_paid), "paid_in_full_on": _iso(now_full_on)}
        audits.append(_audit("invoice", number, "import.settle", before, after, now))
        if now_full_on is not None and full_on is None and order_id is not None:
            paid_orders[order_id] = number
    update_rows(session, Invoice, changed)
    audits += _orders_to_paid(session, paid_orders, now)
    insert_rows(session, AuditEntry, audits)


def _orders_to_paid(session: Session, invoice_of: dict[int, str], now: datetime) -> list[dict]:
    """The invoiced ones among these orders with nothing open on any of their invoices."""
    order, invoice = table_of(SalesOrder), table_of(Invoice)
    invoiced: list[tuple[int, str]] = []
    for ids in _chunks(sorted(invoice_of)):
        still_open = select(invoice.c.order_id).where(
            invoice.c.order_id.in_(ids), invoice.c.paid_amount < invoice.c.amount
        )
        invoiced += session.execute(
            select(order.c.id, order.c.number).where(
                order.c.id.in_(ids), order.c.status == "invoiced", order.c.id.not_in(still_open)
            )
        ).all()
    update_rows(
        session,
        SalesOrder,
        [{"id": order_id, "status": "paid", "updated_at": now} for order_id, _ in invoiced],
    )
    steps = [
        dict(
            order_id=order_id,
            from_status="invoiced",
            to_status="paid",
            actor_id=None,
            source=PAID_SOURCE,
            note=paid_note(invoice_of[order_id]),
            at=now,
        )
        for order_id, _ in invoiced
    ]
    insert_rows(session, OrderStatusChange, steps)
    return [
        _audit(
            "order",
            number,
            "status",
            {"status": "invoiced"},
            {"status": "paid", "note": paid_note(invoice_of[order_id]), "source": PAID_SOURCE},
            now,
        )
        for order_id, number in invoiced
    ]


def _read_row(row: CsvRow, readers: dict[str, read.Reader]) -> dict[str, object]:
    fields: dict[str, object] = {}
    for column, reader in readers.items():
        value = row.cells.get(column)
        if value:
            fields[column] = reader(column, value)
        elif column == "reference":
            fields[column] = None
        else:
            raise Rejected("import.reject.missing_value", column=column)
    amount = fields["amount"]
    assert isinstance(amount, Decimal)  # read.amount
    fields["amount"] = amount.quantize(CENT)
    return fields


def _fields(number: str, amount: Decimal, paid_on: date, reference: str | None) -> dict:
    return {"invoice_number": number, "amount": amount, "paid_on": paid_on, "reference": reference}


def _received(fields: dict[str, object]) -> Received:
    """The fields of a payment typed: the readers (or the database) gave them these types."""
    number, amount, paid_on = fields["invoice_number"], fields["amount"], fields["paid_on"]
    reference = fields["reference"]
    assert isinstance(number, str) and isinstance(amount, Decimal) and isinstance(paid_on, date)
    assert reference is None or isinstance(reference, str)
    return Received(number, amount, paid_on, reference)


def _matched(change: Change) -> Stored:
    assert change.stored is not None  # an update always carries the payment it changes
    return change.stored


def _without_invoice(fields: dict[str, object]) -> dict[str, object]:
    return {column: value for column, value in fields.items() if column != "invoice_number"}


def _audit(entity: str, key: str, action: str, before: dict, after: dict, now: datetime) -> dict:
    return dict(
        at=now,
        actor=ACTOR,
        entity=entity,
        entity_key=key,
        action=action,
        before=before,
        after=after,
    )


def _zone(name: str, fallback: str) -> ZoneInfo:
    """A team's zone; a name no longer known (tzdata changes) falls back, then to UTC."""
    for candidate in (name, fallback):
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return ZoneInfo("UTC")


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), IN_CLAUSE):
        yield ids[start : start + IN_CLAUSE]
