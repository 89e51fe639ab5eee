"""Invoices, by number: number, order_number, customer_code, amount, currency, issued_on,
due_on."""

from datetime import date, datetime
from decimal import Decimal
from typing import NamedTuple

from sqlalchemy import inspect, select
from sqlmodel import Session, col

from storage.imports import fields as read
from storage.imports.csvfile import CsvTable
from storage.imports.payments import invoice_number, settle_invoices
from storage.imports.report import Rejected
from storage.imports.upsert import Importer, Plan, Stored, value_of
from storage.models import Customer, Invoice, SalesOrder

COLUMNS = ("number", "amount", "currency", "issued_on", "due_on")
DEFAULT_CURRENCY = "CNY"


class OrderFacts(NamedTuple):
    id: int
    customer_code: str
    currency: str


class InvoiceImporter(Importer):
    """An invoice of an order is its customer's: customer_code may be left out then, and when
    given it must be the order's customer. The currency defaults to the order's, else CNY. An
    amount may not drop below what has been paid on the invoice already."""

    entity = "invoice"
    model = Invoice
    key = "number"
    required = ("number", "amount", "issued_on", "due_on")
    optional = ("order_number", "customer_code", "currency")

    def load(self, session: Session, table: CsvTable) -> dict[str, Stored]:
        codes_and_ids = select(col(Customer.code), col(Customer.id))
        self.customer_ids = dict(session.execute(codes_and_ids).all())
        codes = {customer_id: code for code, customer_id in self.customer_ids.items()}
        order = inspect(SalesOrder).local_table
        self.orders = {
            number: OrderFacts(order_id, codes[customer_id], currency)
            for number, order_id, customer_id, currency in session.execute(
                select(order.c.number, order.c.id, order.c.customer_id, order.c.currency)
            )
        }
        order_numbers = {facts.id: number for number, facts in self.orders.items()}
        invoice = inspect(Invoice).local_table
        rows = session.execute(
            select(
                invoice.c.id,
                invoice.c.order_id,
                invoice.c.customer_id,
                invoice.c.paid_amount,
                *(invoice.c[column] for column in COLUMNS),
            )
        )
        self.paid: dict[str, Decimal] = {}
        stored = {}
        for invoice_id, order_id, customer_id, paid, *values in rows:
            fields = dict(zip(COLUMNS, values, strict=True))
            fields["order_number"] = order_numbers.get(order_id)
            fields["customer_code"] = codes[customer_id]
            self.paid[fields["number"]] = paid
            stored[fields["number"]] = Stored(invoice_id, fields)
        return stored

    def readers(self) -> dict[str, read.Reader]:
        return {
            "number": invoice_number,
            "order_number": self._order,
            "customer_code": self._customer,
            "amount": read.positive_amount(
                "import.reject.bad_invoice_amount", "import.reject.invoice_amount_not_positive"
            ),
            "currency": read.currency,
            "issued_on": read.iso_date,
            "due_on": read.iso_date,
        }

    def check(self, fields: dict[str, object], stored: Stored | None) -> dict[str, object]:
        merged = (stored.fields if stored else {}) | fields
        order_number = merged.get("order_number")
        if order_number:
            customer = self.orders[order_number].customer_code
            if fields.get("customer_code", customer) != customer:
                raise Rejected(
                    "import.reject.invoice_customer_mismatch",
                    value=fields["customer_code"],
                    order=order_number,
                    customer=customer,
                )
            fields["customer_code"] = customer
        elif not merged.get("customer_code"):
            raise Rejected("import.reject.invoice_needs_customer")
        amount = value_of(fields, "amount", Decimal)
        due_on, issued_on = value_of(fields, "due_on", date), value_of(fields, "issued_on", date)
        if due_on < issued_on:
            raise Rejected(
                "import.reject.due_before_issued",
                due=due_on.isoformat(),
                issued=issued_on.isoformat(),
            )
        paid = self.paid.get(value_of(fields, "number", str), Decimal("0"))
        if amount < paid:
            raise Rejected(
                "import.reject.invoice_below_paid",
                amount=amount,
                paid=paid,
                currency=merged.get("currency") or DEFAULT_CURRENCY,
            )
        return fields

    def defaults(self, fields: dict[str, object]) -> dict[str, object]:
        order = self.orders.get(fields.get("order_number") or "")
        currency = order.currency if order else DEFAULT_CURRENCY
        return super().defaults(fields) | {"currency": currency}

    def columns(self, fields: dict[str, object]) -> dict[str, object]:
        row = {column: value for column, value in fields.items() if column in COLUMNS}
        if "order_number" in fields:
            order = self.orders.get(fields["order_number"] or "")
            row["order_id"] = order.id if order else None
        if "customer_code" in fields:
            row["customer_id"] = self.customer_ids[fields["customer_code"]]
        return row

    def new_row(self, fields: dict[str, object], now: datetime) -> dict[str, object]:
        return self.columns(fields) | {
            "paid_amount": Decimal("0"),
            "paid_in_full_on": None,
            "created_at": now,
        }

    def write(self, session: Session, plan: Plan, now: datetime) -> dict[str, int]:
        created = super().write(session, plan, now)
        repriced = {change.record.id for change in plan.updates if "amount" in change.fields}
        settle_invoices(session, repriced, now)
        return created

    def _order(self, column: str, value: str) -> str:
        number = read.order_number(column, value)
        if number not in self.orders:
            raise Rejected("import.reject.unknown_order", value=number)
        return number

    def _customer(self, column: str, value: str) -> str:
        if value not in self.customer_ids:
            raise Rejected("import.reject.unknown_customer", value=read.shown(value))
        return value
