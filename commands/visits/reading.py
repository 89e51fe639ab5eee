"""Reading visits back: a rep's own latest, or those of every customer the reader may see."""

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from commands.customers.finding import visible_customers
from commands.people import Actor
from commands.visits.lines import VisitLine, visit_line
from storage.models import Customer, Member, Visit, fold
from storage.statuses import Role

LIST_LIMIT = 10


@dataclass(frozen=True)
class VisitPage:
    visits: list[VisitLine]
    total: int
    customer_query: str | None


def recent_visits(
    session: Session, actor: Actor, customer_query: str | None = None, limit: int = LIST_LIMIT
) -> VisitPage:
    """A rep's own latest visits; desk, managers and admins see those of every customer they
    may see. `customer_query` narrows to customers whose code or name contains it."""
    query = visible_customers(
        select(Visit, Customer, Member)
        .join(Customer, col(Visit.customer_id) == Customer.id)
        .join(Member, col(Visit.rep_id) == Member.id),
        actor,
    )
    if actor.role == Role.rep:
        query = query.where(Visit.rep_id == actor.member_id)
    if customer_query:
        query = query.where(
            col(Customer.search_text).contains(fold(customer_query.strip()), autoescape=True)
        )
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    rows = session.exec(
        query.order_by(col(Visit.at).desc(), col(Visit.id).desc()).limit(limit)
    ).all()
    return VisitPage([visit_line(*row) for row in rows], total, customer_query)
