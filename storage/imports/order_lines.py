"""Order lines by product, by order and SKU: order_number, sku, quantity, unit_price, and
optionally discount (a percentage: 5, 5% and 5.5 % read as 5 and 5.5; 0 to 100).

A line's product name is copied from the price list. The natural key spans two columns; the
importer keys each row by the sku column, which `load` rewrites into the whole key ("1234
SKU-1", the key lines are audited under; neither part holds a space) before the rows are
checked.

Orders and products are read once, by key: a file of millions of lines is checked without a
query per row. After the import, each order of the file whose lines no longer add up to its
amount is named in a warning: teams' exports often leave freight or rounding off the lines, so
such a row is imported all the same."""

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple, cast

from sqlalchemy import Row, select
from sqlmodel import Session

from storage.imports import fields as read
from storage.imports.bulk import insert_rows, table_of, update_rows
from storage.imports.csvfile import CsvTable
from storage.imports.products import sku as read_sku
from storage.imports.report import Money, Rejected, RowWarning
from storage.imports.upsert import Importer, Plan, Stored, chunks, value_of
from storage.models import OrderLine, Product, SalesOrder
from storage.vocabulary import order_number as written_order_number

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
MAX_QUANTITY = Decimal(10) ** 15  # the column holds 18 digits, 3 of them decimals
_QUANTITY = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,3})?")
_DISCOUNT = re.compile(r"(\d{1,3}(?:\.\d{1,2})?)\s*%?")
ZERO = Decimal(0)
IN_CLAUSE = 500  # order ids per query
FEW_ORDERS = 20 * IN_CLAUSE  # more: every line is read in one query instead


class OrderFacts(NamedTuple):
    id: int
    amount: Decimal
    currency: str


class ProductFacts(NamedTuple):
    id: int
    name: str


@dataclass
class OrderTotal:
    """What an order's lines add up to, as the import leaves them; whether a row of the file
    was imported into it."""

    total: Decimal
    touched: bool = False


def quantity(column: str, value: str) -> Decimal:
    """More than 0, at most 3 decimals (1,000.5 kg is written as it is read)."""
    parsed = Decimal(value.replace(",", "")) if _QUANTITY.fullmatch(value) else None
    if parsed is None or not 0 < parsed < MAX_QUANTITY:
        raise Rejected("import.reject.bad_quantity", value=read.shown(value))
    return parsed


def discount(column: str, value: str) -> Decimal:
    """A percentage from 0 to 100 with at most 2 decimals; the % sign may follow."""
    match = _DISCOUNT.fullmatch(unicodedata.normalize("NFKC", value))
    parsed = Decimal(match.group(1)) if match else None
    if parsed is None or parsed > HUNDRED:
        raise Rejected("import.reject.bad_discount", value=read.shown(value))
    return parsed


def line_value(quantity: Decimal, unit_price: Decimal, discount: Decimal) -> Decimal:
    """A line's worth, unrounded: quantity × unit price less the discount."""
    return quantity * unit_price * (HUNDRED - discount) / HUNDRED


def line_key(order_number: str, sku: str) -> str:
    return f"{order_number} {sku}"


class OrderLineImporter(Importer):
    entity = "order_line"
    model = OrderLine
    key = "sku"
    required = ("order_number", "sku", "quantity", "unit_price")
    optional = ("discount",)

    def load(self, session: Session, table: CsvTable) -> dict[str, Stored]:
        order, product = table_of(SalesOrder), table_of(Product)
        self.orders = {
            number: OrderFacts(order_id, amount, currency)
            for number, order_id, amount, currency in session.execute(
                select(order.c.number, order.c.id, order.c.amount, order.c.currency)
            )
        }
        self.products = {
            sku: ProductFacts(product_id, name)
            for sku, product_id, name in session.execute(
                select(product.c.sku, product.c.id, product.c.name_en)
            )
        }
        self.first_lines: dict[str, int] = {}  # the file's first line of each order
        numbers: dict[str, str] = {}  # as written -> as read: an order's lines come together
        for row in table.rows:
            cells = row.cells
            written = cells["order_number"]
            if written and cells["sku"]:
                number = numbers.get(written) or numbers.setdefault(
                    written, written_order_number(written) or written
                )
                self.first_lines.setdefault(number, row.line)
                cells["sku"] = line_key(number, cells["sku"])
        return self._stored(session)

    def _stored(self, session: Session) -> dict[str, Stored]:
        """The stored lines of the file's orders, and what each of those orders' lines total
        (lines without a product count too)."""
        numbers = {facts.id: number for number, facts in self.orders.items()}
        skus = {facts.id: sku for sku, facts in self.products.items()}
        in_file = {self.orders[n].id for n in self.first_lines if n in self.orders}
        self.totals: dict[str, OrderTotal] = {}
        stored = {}
        for line_id, order_id, product_id, name, *values in _stored_lines(session, in_file):
            number = numbers[order_id]
            total = self.totals.get(number) or self.totals.setdefault(number, OrderTotal(ZERO))
            total.total += line_value(*values)
            if product_id is not None:
                key = line_key(number, skus[product_id])
                quantity, unit_price, discount = values
                fields = {
                    "sku": key,
                    "order_number": number,
                    "quantity": quantity,
                    "unit_price": unit_price,
                    "discount": discount,
                    "product": name,
                }
                stored[key] = Stored(line_id, fields)
        return stored

    def readers(self) -> dict[str, read.Reader]:
        return {
            "sku": _as_keyed,
            "order_number": self._order,
            "quantity": quantity,
            "unit_price": read.amount,
            "discount": discount,
        }

    def check(self, fields: dict[str, object], stored: Stored | None) -> dict[str, object]:
        number = value_of(fields, "order_number", str)
        written_sku = _sku_of(value_of(fields, "sku", str))
        product = self.products.get(written_sku)
        if product is None:
            read_sku("sku", written_sku)  # a SKU that cannot be one is named as such
            raise Rejected("import.reject.unknown_sku", value=read.shown(written_sku))
        fields["product"] = product.name
        total = self.totals.get(number) or self.totals.setdefault(number, OrderTotal(ZERO))
        if stored is None:
            total.total += _value_of(fields, ZERO)
        else:
            before = stored.fields
            total.total += _value_of(fields, before["discount"]) - _value_of(before, ZERO)
        total.touched = True
        return fields

    def defaults(self, fields: dict[str, object]) -> dict[str, object]:
        return {"discount": Decimal(0)}

    def columns(self, fields: dict[str, object]) -> dict[str, object]:
        row: dict[str, object] = {
            column: fields[column]
            for column in ("quantity", "unit_price", "product")
            if column in fields
        }
        if "discount" in fields:
            row["discount_percent"] = fields["discount"]
        return row

    def new_row(self, fields: dict[str, object], now: datetime) -> dict[str, object]:
        number = value_of(fields, "order_number", str)
        sku = _sku_of(value_of(fields, "sku", str))
        return self.columns(fields) | {
            "order_id": self.orders[number].id,
            "product_id": self.products[sku].id,
            "spec": None,
        }

    def write(self, session: Session, plan: Plan, now: datetime) -> dict[str, int]:
        """Lines are keyed by two columns, not by one of the table's: no ids are read back."""
        for creates in chunks(plan.creates):
            insert_rows(
                session, OrderLine, [self.new_row(change.fields, now) for change in creates]
            )
        changed_rows = [
            {"id": change.record.id, **row}
            for change in plan.updates
            if (row := self.changed_row(change.fields, now))
        ]
        update_rows(session, OrderLine, changed_rows)
        return {}

    def finish(self, session: Session, now: datetime) -> list[RowWarning]:
        """Each order of the file whose lines' total, to the cent, is not its amount."""
        touched = [number for number, total in self.totals.items() if total.touched]
        return [
            warning
            for number in sorted(touched, key=self.first_lines.__getitem__)
            if (warning := self._mismatch(number))
        ]

    def _mismatch(self, number: str) -> RowWarning | None:
        order = self.orders[number]
        lines_total = self.totals[number].total.quantize(CENT, ROUND_HALF_UP)
        if lines_total == order.amount:
            return None
        return RowWarning(
            self.first_lines[number],
            "import.warning.lines_total_differs",
            {
                "order": number,
                "lines": Money(lines_total, order.currency),
                "amount": Money(order.amount, order.currency),
            },
        )

    def _order(self, column: str, value: str) -> str:
        number = read.order_number(column, value)
        if number not in self.orders:
            raise Rejected("import.reject.unknown_order", value=number)
        return number


def _value_of(fields: dict[str, object], discount: object) -> Decimal:
    """The line's worth from its fields; `discount` where they give none."""
    return line_value(
        cast(Decimal, fields["quantity"]),
        cast(Decimal, fields["unit_price"]),
        cast(Decimal, fields.get("discount", discount)),
    )


def _stored_lines(session: Session, order_ids: set[int]) -> Iterator[Row]:
    """The stored lines of these orders: all lines read at once when the file names many
    orders, else the lines of a few hundred orders at a time (by the index on order_id)."""
    line = table_of(OrderLine)
    query = select(
        line.c.id,
        line.c.order_id,
        line.c.product_id,
        line.c.product,
        line.c.quantity,
        line.c.unit_price,
        line.c.discount_percent,
    )
    if len(order_ids) > FEW_ORDERS:
        yield from (row for row in session.execute(query) if row.order_id in order_ids)
        return
    ids = sorted(order_ids)
    for start in range(0, len(ids), IN_CLAUSE):
        yield from session.execute(query.where(line.c.order_id.in_(ids[start : start + IN_CLAUSE])))


def _sku_of(key: str) -> str:
    """The SKU as written, from a line's key (the order number before it holds no space)."""
    return key.partition(" ")[2]


def _as_keyed(column: str, value: str) -> str:
    return value
