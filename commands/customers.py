"""Finding customers: who may see which, and a forgiving search over code and name."""

from dataclasses import dataclass

from sqlalchemy import case
from sqlmodel import Session, select

from commands.errors import NotFound
from commands.people import Actor
from storage.models import Customer, Member, fold

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
    if actor.role == "rep":
        return query.where(Customer.owner_id == actor.member_id)
    team_members = select(Member.id).where(Member.team_id == actor.team_id)
    return query.where(Customer.owner_id.in_(team_members))


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
            (Customer.search_text.like(f"{escaped} %", escape="\\"), 0),
            (Customer.search_text.like(f"% {escaped}%", escape="\\"), 1),
            else_=2,
        )
        query = query.where(Customer.search_text.like(f"%{escaped}%", escape="\\"))
        query = query.order_by(rank, Customer.name)
    else:
        query = query.order_by(Customer.name)
    rows = session.exec(query.limit(limit)).all()
    return [CustomerRef(*row) for row in rows]


def find_customer(session: Session, actor: Actor, customer_id: int) -> Customer:
    """The customer with this id, if `actor` may see it (else NotFound, as if it did not exist)."""
    query = visible_customers(select(Customer), actor).where(Customer.id == customer_id)
    customer = session.exec(query).first()
    if customer is None:
        raise NotFound("customer.error.not_found")
    return customer


def customer_by_code_or_name(session: Session, actor: Actor, text: str) -> list[CustomerRef]:
    """For one-line forms: an exact code or name wins; otherwise every partial match."""
    matches = search_customers(session, actor, text, limit=10)
    folded = fold(text.strip())
    exact = [c for c in matches if fold(c.code) == folded or fold(c.name) == folded]
    return exact[:1] or matches
