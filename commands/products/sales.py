"""Sales by product (产品销售排行): the lines of the orders ordered in a period, cancelled ones
left out, added up per product and currency in one aggregate query.

Lines without a product (written before the price list) count for no product. On SQLite the
sums are computed in floating point: they are rounded here to the cent (the quantity to the
thousandth), as exact as PostgreSQL's within those places."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import false, func, or_, select
from sqlmodel import Session, col

from commands.people import Actor
from storage.models import Customer, Member, OrderLine, Product, SalesOrder
from storage.statuses import OrderStatus, Role

CENT = Decimal("0.01")
THOUSANDTH = Decimal("0.001")


@dataclass(frozen=True)
class ProductSales:
    product_id: int
    sku: str
    name_en: str
    name_zh: str | None
    unit: str
    currency: str  # the orders': amounts in different currencies are not added together
    quantity: Decimal
    amount: Decimal  # Σ quantity × unit price × (1 − discount %), to the cent
    orders: int


LINE_AMOUNT = (
    col(OrderLine.quantity)
    * col(OrderLine.unit_price)
    * (100 - col(OrderLine.discount_percent))
    / 100
)
AMOUNT = func.sum(LINE_AMOUNT)


def sales_by_product(
    session: Session,
    first_day: date,
    last_day: date,
    team_id: int | None = None,
    actor: Actor | None = None,
) -> list[ProductSales]:
    """Each product sold on orders ordered from `first_day` to `last_day` (both included), by
    currency, the largest amount first. `team_id`: only the orders of that team's reps.
    `actor`: only the orders they may see, as on the order desk (admins everything, reps their
    customers' and their own, desk and managers their team's)."""
    query = (
        select(
            col(Product.id),
            col(Product.sku),
            col(Product.name_en),
            col(Product.name_zh),
            col(Product.unit),
            col(SalesOrder.currency),
            func.sum(col(OrderLine.quantity)),
            AMOUNT,
            func.count(func.distinct(col(SalesOrder.id))),
        )
        .select_from(OrderLine)
        .join(SalesOrder, col(SalesOrder.id) == col(OrderLine.order_id))
        .join(Product, col(Product.id) == col(OrderLine.product_id))
        .where(
            col(SalesOrder.status) != OrderStatus.cancelled,
            col(SalesOrder.ordered_on) >= first_day,
            col(SalesOrder.ordered_on) <= last_day,
        )
        .group_by(col(Product.id), col(SalesOrder.currency))
    )
    if team_id is not None:
        query = query.where(col(SalesOrder.rep_id).in_(_members_of(team_id)))
    if actor is not None:
        query = _visible(query, actor)
    sales = [_sales(*row) for row in session.execute(query)]
    return sorted(sales, key=lambda sold: (sold.currency, -sold.amount, sold.sku))


def _sales(
    product_id: int,
    sku: str,
    name_en: str,
    name_zh: str | None,
    unit: str,
    currency: str,
    quantity: Any,
    amount: Any,
    orders: int,
) -> ProductSales:
    return ProductSales(
        product_id,
        sku,
        name_en,
        name_zh,
        unit,
        currency,
        _rounded(quantity, THOUSANDTH),
        _rounded(amount, CENT),
        orders,
    )


def _rounded(value: Decimal | float, places: Decimal) -> Decimal:
    """A sum as PostgreSQL (Decimal) or SQLite (float) gives it, to `places`."""
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    return exact.quantize(places, ROUND_HALF_UP)


def _members_of(team_id: int) -> Any:
    return select(col(Member.id)).where(col(Member.team_id) == team_id)


def _visible(query: Any, actor: Actor) -> Any:
    """The orders `actor` may see: the order desk's rule."""
    if actor.is_admin:
        return query
    query = query.join(Customer, col(Customer.id) == col(SalesOrder.customer_id))
    if actor.role == Role.rep:
        mine = actor.member_id
        return query.where(or_(col(Customer.owner_id) == mine, col(SalesOrder.rep_id) == mine))
    if actor.team_id is None:
        return query.where(false())
    team = _members_of(actor.team_id)
    return query.where(or_(col(Customer.owner_id).in_(team), col(SalesOrder.rep_id).in_(team)))
