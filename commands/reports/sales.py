"""The sales report: what was ordered in a period (orders by `ordered_on`, not cancelled,
credited to the order's rep, as targets count `order_amount`), by rep, customer, product and
region, against the period before and the same period a year before.

- amount, orders, customers and the average order, each with the period before and a year
  before; the customers that make 80 % of the amount (Pareto), largest first;
- gross margin over the order lines whose product has a cost (the share it covers noted);
- tables: by rep (a team's or the company's), customer contribution with its running share,
  product ranking (产品销售排行) from the order lines, by region, and the customers that moved
  most up and down against the period before.

Money is in the scope's reporting currency at each month's rate (commands.reports.money).
Percent cells are fractions: Decimal("0.25") is 25 %.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Numeric, case, func, literal, select, type_coerce
from sqlmodel import Session, col

from commands.reports.model import (
    COUNT,
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
from commands.reports.money import MonthlyConverter, month_case, rate_notes
from commands.reports.scope import REP, ReportScope
from storage.models import Customer, Member, OrderLine, Product, SalesOrder
from storage.statuses import OrderStatus

CENT = Decimal("0.01")
SHARE = Decimal("0.0001")
PARETO = Decimal("0.8")
MOVERS = 5


@dataclass
class Tally:
    """A group's orders and amount in the reporting currency."""

    name: str
    orders: int = 0
    amount: Decimal = Decimal(0)
    region: str = ""


@dataclass
class ProductTally:
    sku: str
    name: str
    quantity: Decimal = Decimal(0)
    amount: Decimal = Decimal(0)
    costed: Decimal = Decimal(0)  # the amount of the lines whose cost is known
    cost: Decimal = Decimal(0)

    @property
    def margin(self) -> Decimal | None:
        return self.costed - self.cost if self.costed else None


@dataclass
class Products:
    """The period's order lines by product, largest amount first."""

    ranked: list[ProductTally]
    converter: MonthlyConverter

    @property
    def costed(self) -> Decimal:
        return sum((t.costed for t in self.ranked), Decimal(0))

    @property
    def margin(self) -> Decimal:
        return sum((t.costed - t.cost for t in self.ranked), Decimal(0))

    @property
    def amount(self) -> Decimal:
        return sum((t.amount for t in self.ranked), Decimal(0))


@dataclass
class Sales:
    """A period's sales in one scope: by customer, and by rep."""

    customers: dict[int, Tally]
    reps: dict[int, Tally]
    converter: MonthlyConverter

    @property
    def amount(self) -> Decimal:
        return sum((t.amount for t in self.customers.values()), Decimal(0))

    @property
    def orders(self) -> int:
        return sum(t.orders for t in self.customers.values())

    @property
    def buyers(self) -> int:
        return sum(1 for t in self.customers.values() if t.orders)

    @property
    def average(self) -> Decimal | None:
        return (self.amount / self.orders).quantize(CENT, ROUND_HALF_UP) if self.orders else None


def sales_report(session: Session, scope: ReportScope, period: ReportPeriod) -> Report:
    now = _sales(session, scope, period)
    before = _sales(session, scope, period.previous())
    last_year = _sales(session, scope, period.same_last_year())
    products = _products(session, scope, period)
    report = Report("sales", period, scope.label)
    report.figures = _figures(now, before, last_year, products, scope.currency)
    report.tables = _tables(now, before, products, scope)
    report.notes = _notes(now, products, before, last_year)
    return report


# Reading


def _in_scope(scope: ReportScope, period: ReportPeriod) -> tuple[Any, ...]:
    return (
        col(SalesOrder.ordered_on) >= period.start,
        col(SalesOrder.ordered_on) <= period.end,
        col(SalesOrder.status) != OrderStatus.cancelled,
        scope.members(SalesOrder.rep_id),
    )


def _sales(session: Session, scope: ReportScope, period: ReportPeriod) -> Sales:
    month = month_case(col(SalesOrder.ordered_on), period)
    convert = MonthlyConverter(session, period, scope.currency)
    by_customer = (
        select(
            col(Customer.id),
            col(Customer.name),
            col(Customer.region),
            col(SalesOrder.currency),
            month,
            func.count(col(SalesOrder.id)),
            func.sum(col(SalesOrder.amount)),
        )
        .join(Customer, col(Customer.id) == col(SalesOrder.customer_id))
        .where(*_in_scope(scope, period))
        .group_by(col(Customer.id), col(Customer.name), col(Customer.region))
        .group_by(col(SalesOrder.currency), month)
    )
    by_rep = (
        select(
            col(Member.id),
            col(Member.name),
            literal(""),
            col(SalesOrder.currency),
            month,
            func.count(col(SalesOrder.id)),
            func.sum(col(SalesOrder.amount)),
        )
        .join(Member, col(Member.id) == col(SalesOrder.rep_id))
        .where(*_in_scope(scope, period))
        .group_by(col(Member.id), col(Member.name), col(SalesOrder.currency), month)
    )
    customers = _tallies(session.execute(by_customer), convert)
    reps = _tallies(session.execute(by_rep), convert)
    return Sales(customers, reps, convert)


def _tallies(rows: Iterable[Any], convert: MonthlyConverter) -> dict[int, Tally]:
    tallies: dict[int, Tally] = {}
    for key, name, region, currency, month, orders, amount in rows:
        tally = tallies.setdefault(key, Tally(name, region=region or ""))
        tally.orders += orders
        tally.amount += convert(_money(amount), currency, month)
    return tallies


def _products(session: Session, scope: ReportScope, period: ReportPeriod) -> Products:
    month = month_case(col(SalesOrder.ordered_on), period)
    line_amount = type_coerce(
        col(OrderLine.quantity)
        * col(OrderLine.unit_price)
        * (100 - col(OrderLine.discount_percent))
        / 100,
        Numeric(24, 4),
    )
    costed = col(Product.cost).is_not(None)
    unnamed = case((col(OrderLine.product_id).is_(None), col(OrderLine.product)), else_=None)
    query = (
        select(
            col(OrderLine.product_id),
            unnamed,
            col(SalesOrder.currency),
            col(Product.currency),
            month,
            func.sum(col(OrderLine.quantity)),
            func.sum(line_amount),
            func.sum(case((costed, line_amount), else_=0)),
            type_coerce(func.sum(col(OrderLine.quantity) * col(Product.cost)), Numeric(24, 4)),
        )
        .join(SalesOrder, col(SalesOrder.id) == col(OrderLine.order_id))
        .join(Product, col(Product.id) == col(OrderLine.product_id), isouter=True)
        .where(*_in_scope(scope, period))
        .group_by(col(OrderLine.product_id), unnamed, col(SalesOrder.currency))
        .group_by(col(Product.currency), month)
    )
    rows = session.execute(query).all()
    convert = MonthlyConverter(session, period, scope.currency)
    tallies = _product_tallies(session, rows, convert)
    ranked = sorted(tallies.values(), key=lambda t: (-t.amount, t.sku, t.name))
    return Products(ranked, convert)


def _product_tallies(
    session: Session, rows: Iterable[Any], convert: MonthlyConverter
) -> dict[object, ProductTally]:
    rows = list(rows)
    ids = {row[0] for row in rows if row[0] is not None}
    named = (
        {p.id: p for p in session.scalars(select(Product).where(col(Product.id).in_(ids)))}
        if ids
        else {}
    )
    tallies: dict[object, ProductTally] = {}
    for product_id, text, currency, cost_currency, month, quantity, amount, costed, cost in rows:
        product = named.get(product_id)
        key: object = product_id if product_id is not None else ("text", text)
        tally = tallies.setdefault(key, _product_tally(product, text))
        tally.quantity += Decimal(quantity or 0)
        tally.amount += convert(_money(amount), currency, month)
        if cost is not None:
            tally.costed += convert(_money(costed), currency, month)
            tally.cost += convert(_money(cost), cost_currency, month)
    return tallies


def _product_tally(product: Product | None, text: str | None) -> ProductTally:
    if product is None:
        return ProductTally("", text or "")
    names = [product.name_zh, product.name_en] if product.name_zh else [product.name_en]
    return ProductTally(product.sku, " ".join(n for n in names if n))


def _money(value: Any) -> Decimal:
    return Decimal(str(value or 0)).quantize(CENT, ROUND_HALF_UP)


# Figures


def _figures(
    now: Sales, before: Sales, last_year: Sales, products: Products, currency: str
) -> list[Figure]:
    def compared(key: str, kind: str, read: Any, money: bool = False) -> Figure:
        values = (read(now), read(before), read(last_year))
        return Figure(key, kind, *values, currency=currency if money else None)

    figures = [
        compared("amount", MONEY, lambda s: s.amount, money=True),
        compared("orders", COUNT, lambda s: s.orders),
        compared("customers", COUNT, lambda s: s.buyers),
        compared("average_order", MONEY, lambda s: s.average, money=True),
        Figure("pareto_customers", COUNT, _pareto_count(now)),
    ]
    if products.costed:
        figures.append(Figure("gross_margin", MONEY, products.margin, currency=currency))
        figures.append(
            Figure("gross_margin_percent", PERCENT, _share(products.margin, products.costed))
        )
    return figures


def _pareto_count(sales: Sales) -> int:
    """How many customers, largest first, make 80 % of the amount."""
    total, running = sales.amount, Decimal(0)
    if total <= 0:
        return 0
    for count, tally in enumerate(_ranked(sales.customers), start=1):
        running += tally.amount
        if running >= total * PARETO:
            return count
    return len(sales.customers)


def _share(part: Decimal, whole: Decimal) -> Decimal | None:
    return (part / whole).quantize(SHARE, ROUND_HALF_UP) if whole else None


def _change(now: Decimal, before: Decimal) -> Decimal | None:
    return ((now - before) / before).quantize(SHARE, ROUND_HALF_UP) if before else None


def _ranked(tallies: dict[int, Tally]) -> list[Tally]:
    return sorted(tallies.values(), key=lambda t: (-t.amount, -t.orders, t.name))


# Tables


def _tables(now: Sales, before: Sales, products: Products, scope: ReportScope) -> list[Table]:
    tables = [] if scope.kind == REP else [_by_rep(now, before, scope.currency)]
    tables += [
        _by_customer(now, scope.currency),
        _by_product(products, scope.currency),
        _by_region(now, scope.currency),
    ]
    tables += _movers(now, before, scope.currency)
    return tables


def _by_rep(now: Sales, before: Sales, currency: str) -> Table:
    total = now.amount
    names = {key: tally.name for key, tally in before.reps.items()}
    everyone = {**{k: Tally(n) for k, n in names.items()}, **now.reps}
    rows: list[list[Cell]] = []
    for key, tally in sorted(everyone.items(), key=lambda kv: (-kv[1].amount, kv[1].name)):
        previous = before.reps[key].amount if key in before.reps else Decimal(0)
        change = _change(tally.amount, previous)
        rows.append(
            [tally.name, tally.orders, tally.amount, _share(tally.amount, total), previous, change]
        )
    columns = [
        Column("rep"),
        Column("orders", COUNT),
        Column("amount", MONEY),
        Column("share", PERCENT),
        Column("previous_amount", MONEY),
        Column("change", PERCENT),
    ]
    total_row: list[Cell] = [
        None,
        now.orders,
        total,
        _share(total, total),
        before.amount,
        _change(total, before.amount),
    ]
    chart = Chart("bar", "rep", ("amount", "previous_amount"))
    return Table("sales_by_rep", columns, rows, currency, total_row, chart)


def _by_customer(now: Sales, currency: str) -> Table:
    total, running = now.amount, Decimal(0)
    rows: list[list[Cell]] = []
    for rank, tally in enumerate(_ranked(now.customers), start=1):
        running += tally.amount
        share, cumulative = _share(tally.amount, total), _share(running, total)
        rows.append([rank, tally.name, tally.region, tally.orders, tally.amount, share, cumulative])
    columns = [
        Column("rank", COUNT),
        Column("customer"),
        Column("region"),
        Column("orders", COUNT),
        Column("amount", MONEY),
        Column("share", PERCENT),
        Column("cumulative_share", PERCENT),
    ]
    total_row: list[Cell] = [None, None, None, now.orders, total, _share(total, total), None]
    chart = Chart("bar", "customer", ("amount",))
    return Table("sales_by_customer", columns, rows, currency, total_row, chart)


def _by_product(products: Products, currency: str) -> Table:
    total = products.amount
    rows: list[list[Cell]] = []
    for rank, tally in enumerate(products.ranked, start=1):
        margin = tally.margin
        margin_share = _share(margin, tally.costed) if margin is not None else None
        quantity = _plain(tally.quantity)
        share = _share(tally.amount, total)
        rows.append(
            [rank, tally.sku, tally.name, quantity, tally.amount, share, margin, margin_share]
        )
    columns = [
        Column("rank", COUNT),
        Column("sku"),
        Column("product"),
        Column("quantity", COUNT),
        Column("amount", MONEY),
        Column("share", PERCENT),
        Column("gross_margin", MONEY),
        Column("gross_margin_percent", PERCENT),
    ]
    margin = products.margin if products.costed else None
    margin_share = _share(products.margin, products.costed) if products.costed else None
    quantity = _plain(sum((t.quantity for t in products.ranked), Decimal(0)))
    total_row: list[Cell] = [
        None,
        None,
        None,
        quantity,
        total,
        _share(total, total),
        margin,
        margin_share,
    ]
    chart = Chart("bar", "product", ("amount",))
    return Table("sales_by_product", columns, rows, currency, total_row, chart)


def _by_region(now: Sales, currency: str) -> Table:
    regions: dict[str, list] = defaultdict(lambda: [0, 0, Decimal(0)])
    for tally in now.customers.values():
        region = regions[tally.region]
        region[0] += 1
        region[1] += tally.orders
        region[2] += tally.amount
    total = now.amount
    ordered = sorted(regions.items(), key=lambda kv: (-kv[1][2], kv[0]))
    rows: list[list[Cell]] = [
        [name, buyers, orders, amount, _share(amount, total)]
        for name, (buyers, orders, amount) in ordered
    ]
    columns = [
        Column("region"),
        Column("customers", COUNT),
        Column("orders", COUNT),
        Column("amount", MONEY),
        Column("share", PERCENT),
    ]
    total_row: list[Cell] = [None, now.buyers, now.orders, total, _share(total, total)]
    chart = Chart("pie", "region", ("amount",))
    return Table("sales_by_region", columns, rows, currency, total_row, chart)


def _movers(now: Sales, before: Sales, currency: str) -> list[Table]:
    """The customers whose amount rose most, and fell most, against the period before."""
    keys = now.customers.keys() | before.customers.keys()
    moves = []
    for key in keys:
        tally = now.customers.get(key) or before.customers[key]
        current = now.customers[key].amount if key in now.customers else Decimal(0)
        previous = before.customers[key].amount if key in before.customers else Decimal(0)
        moves.append((current - previous, tally.name, current, previous))
    columns = [
        Column("customer"),
        Column("amount", MONEY),
        Column("previous_amount", MONEY),
        Column("change_amount", MONEY),
    ]
    up = sorted((m for m in moves if m[0] > 0), key=lambda m: (-m[0], m[1]))[:MOVERS]
    down = sorted((m for m in moves if m[0] < 0), key=lambda m: (m[0], m[1]))[:MOVERS]
    return [
        Table(
            key, columns, [[name, cur, prev, delta] for delta, name, cur, prev in chosen], currency
        )
        for key, chosen in (("sales_movers_up", up), ("sales_movers_down", down))
    ]


def _plain(quantity: Decimal) -> int | Decimal:
    """A whole quantity as an int (12, not 12.000)."""
    return int(quantity) if quantity == quantity.to_integral_value() else quantity.normalize()


def _notes(now: Sales, products: Products, *others: Sales) -> list[tuple[str, dict]]:
    notes = rate_notes([now.converter, products.converter, *(s.converter for s in others)])
    if not now.orders:
        notes.insert(0, ("report.note.no_sales", {}))
    elif products.costed and products.costed < products.amount:
        covered = products.costed * 100 / products.amount
        notes.append(("report.note.margin_partial", {"share": f"{covered:.0f}"}))
    return notes
