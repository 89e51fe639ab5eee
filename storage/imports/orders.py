"""Orders, by number: number, customer_code, status, amount, currency, ordered_on,
promised_ship_on, shipped_on, delivered_on, rep_slack_id, note."""

from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import inspect
from sqlmodel import Session, select

from storage.imports import fields as read
from storage.imports.bulk import insert_rows
from storage.imports.csvfile import CsvTable
from storage.imports.report import Rejected
from storage.imports.upsert import ACTOR, Importer, Plan, Stored, chunks, value_of
from storage.models import Customer, Member, OrderStatusChange, SalesOrder

DATES = ("ordered_on", "promised_ship_on", "shipped_on", "delivered_on")
COLUMNS = ("number", "status", "amount", "currency", *DATES, "note")
COLUMN_SET = frozenset(COLUMNS)
DEFAULT_CURRENCY = "CNY"


class OrderImporter(Importer):
    """A new order's rep is its customer's owner unless the file names one. Each new order,
    and each status the import changes, leaves a step in the order's history."""

    entity = "order"
    model = SalesOrder
    key = "number"
    required = ("number", "customer_code", "status", "amount")
    optional = ("currency", *DATES, "rep_slack_id", "note")
    also_written = (OrderStatusChange,)

    def load(self, session: Session, table: CsvTable) -> dict[str, Stored]:
        self.member_ids = dict(session.exec(select(Member.slack_user_id, Member.id)).all())
        slack_ids = {member_id: slack_id for slack_id, member_id in self.member_ids.items()}
        customers = session.exec(select(Customer.code, Customer.id, Customer.owner_id)).all()
        self.customer_ids = {code: customer_id for code, customer_id, _ in customers}
        self.owners = {code: slack_ids[owner_id] for code, _, owner_id in customers}
        codes = {customer_id: code for code, customer_id in self.customer_ids.items()}
        order = inspect(SalesOrder).local_table
        orders = session.execute(
            select(order.c.id, order.c.customer_id, order.c.rep_id, *(order.c[c] for c in COLUMNS))
        )
        stored = {}
        for order_id, customer_id, rep_id, *values in orders:
            fields = dict(zip(COLUMNS, values, strict=True))
            fields["customer_code"] = codes[customer_id]
            fields["rep_slack_id"] = slack_ids[rep_id]
            stored[fields["number"]] = Stored(order_id, fields)
        return stored

    def readers(self) -> dict[str, read.Reader]:
        return {
            "number": read.order_number,
            "customer_code": self._customer,
            "status": read.status,
            "amount": read.amount,
            "currency": read.currency,
            **dict.fromkeys(DATES, read.iso_date),
            "rep_slack_id": self._rep,
            "note": read.text(SalesOrder),
        }

    def defaults(self, fields: dict[str, object]) -> dict[str, object]:
        blank = super().defaults(fields)
        blank["currency"] = DEFAULT_CURRENCY
        blank["rep_slack_id"] = self.owners[value_of(fields, "customer_code", str)]
        return blank

    def columns(self, fields: dict[str, object]) -> dict[str, object]:
        row = {column: value for column, value in fields.items() if column in COLUMN_SET}
        if "customer_code" in fields:
            row["customer_id"] = self.customer_ids[value_of(fields, "customer_code", str)]
        if "rep_slack_id" in fields:
            row["rep_id"] = self.member_ids[value_of(fields, "rep_slack_id", str)]
        return row

    def new_row(self, fields: dict[str, object], now: datetime) -> dict[str, object]:
        row = self.columns(fields)
        row["urgent"] = False
        row["created_at"] = row["updated_at"] = now
        return row

    def changed_row(self, fields: dict[str, object], now: datetime) -> dict[str, object]:
        row = self.columns(fields)
        row["updated_at"] = now
        return row

    def write(self, session: Session, plan: Plan, now: datetime) -> dict[str, int]:
        created = super().write(session, plan, now)
        for steps in chunks(_steps(plan, created, now)):
            insert_rows(session, OrderStatusChange, steps)
        return created

    def _customer(self, column: str, value: str) -> str:
        if value not in self.customer_ids:
            raise Rejected("import.reject.unknown_customer", value=read.shown(value))
        return value

    def _rep(self, column: str, value: str) -> str:
        slack_id = read.user_id(column, value)
        if slack_id not in self.member_ids:
            raise Rejected("import.reject.unknown_member", column=column, value=slack_id)
        return slack_id


def _steps(plan: Plan, created: dict[str, int], now: datetime) -> Iterator[dict[str, object]]:
    """The order history's first step of each new order, and a step for each status changed."""
    for change in plan.creates:
        yield _step(created[change.key], None, value_of(change.fields, "status", str), now)
    for change in plan.updates:
        if "status" in change.fields:
            before = value_of(change.record.fields, "status", str)
            after = value_of(change.fields, "status", str)
            yield _step(change.record.id, before, after, now)


def _step(order_id: int, before: str | None, after: str, now: datetime) -> dict[str, object]:
    return dict(
        order_id=order_id, from_status=before, to_status=after, actor_id=None, source=ACTOR, at=now
    )
