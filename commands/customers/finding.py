"""Finding customers: who may see which, and a forgiving search over code and name."""

from dataclasses import dataclass

from sqlalchemy import case
from sqlmodel import Session, col, select

from commands.errors import NotFound
from commands.people import Actor
from storage.models import Customer, Member, fold
from storage.statuses import Role

SEARCH_LIMIT = 100


@dataclass(frozen=True)
class CustomerRef:
    id: int
    code: str
    name: str


def visible_customers(query, actor: Actor):
    """Limit a query that selects from Customer to the customers `actor` may see."""
    if actor.is_admin:
        return query
    if actor.role == Role.rep:
        return query.where(Customer.owner_id == actor.member_id)
    team_members = select(Member.id).where(Member.team_id == actor.team_id)
    return query.where(col(Customer.owner_id).in_(team_members))


def search_customers(
    session: Session, actor: Actor, text: str, limit: int = SEARCH_LIMIT
) -> list[CustomerRef]:
    """Customers whose code or name contains `text` (any case, full- or half-width): an exact
    code first, then names that start with it, then the rest, alphabetically."""
    needle = fold(text.strip())
    query = visible_customers(select(Customer.id, Customer.code, Customer.name), actor)
    if needle:
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rank = case(
            (col(Customer.search_text).like(f"{escaped} %", escape="\\"), 0),
            (col(Customer.search_text).like(f"% {escaped}%", escape="\\"), 1),
            else_=2,
        )
        query = query.where(col(Customer.search_text).like(f"%{escaped}%", escape="\\"))
        query = query.order_by(rank, Customer.name)
    else:
        query = query.order_by(Customer.name)
    rows = session.exec(query.limit(limit)).all()
    return [CustomerRef(*row) for row in rows]


def find_customer(session: Session, actor: Actor, customer_id: int | None) -> Customer:
    """The customer with this id, if `actor` may see it (else NotFound, as if it did not exist;
    no id at all finds none either)."""
    query = visible_customers(select(Customer), actor).where(Customer.id == customer_id)
    customer = session.exec(query).first()
    if customer is None:
        raise NotFound("customer.error.not_found")
    return customer
