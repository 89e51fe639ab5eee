"""Finding the one customer a typed name or code means: exact wins, several ask for a choice,
none offers the close matches (typos, a character off) so the user can pick instead of retyping.
"""

from dataclasses import dataclass

from sqlalchemy import and_, func, or_
from sqlmodel import Session, col, select

from commands.customers.finding import CustomerRef, search_customers, visible_customers
from commands.people import Actor
from storage.models import Customer, fold

CHOICE_LIMIT = 10
CLOSE_LIMIT = 5
CLOSE_ENOUGH = 0.5


@dataclass(frozen=True)
class CustomerMatches:
    """What a typed name found: `found` is the customer when exactly one is meant."""

    query: str
    matches: list[CustomerRef]
    more: bool = False  # more matches than listed
    close: bool = False  # nothing matched; `matches` are near misses

    @property
    def found(self) -> CustomerRef | None:
        return self.matches[0] if len(self.matches) == 1 and not self.close else None


def match_customers(session: Session, actor: Actor, text: str) -> CustomerMatches:
    query = text.strip()
    exact = exact_customer(session, actor, query)
    if exact:
        return CustomerMatches(query, [exact])
    matches = search_customers(session, actor, query, limit=CHOICE_LIMIT + 1)
    if matches:
        return CustomerMatches(query, matches[:CHOICE_LIMIT], more=len(matches) > CHOICE_LIMIT)
    return CustomerMatches(query, close_customers(session, actor, query), close=True)


def exact_customer(session: Session, actor: Actor, text: str) -> CustomerRef | None:
    """The visible customer whose code or whole name is `text` (any case or width), however
    many other names contain it."""
    folded = fold(text.strip())
    if not folded:
        return None
    query = visible_customers(select(Customer.id, Customer.code, Customer.name), actor).where(
        or_(
            col(Customer.search_text).startswith(folded + " ", autoescape=True),
            and_(
                col(Customer.search_text).endswith(" " + folded, autoescape=True),
                # the whole name, not its last words: "Acme", not "Best Acme"
                func.length(Customer.search_text) == func.length(Customer.code) + 1 + len(folded),
            ),
        )
    )
    for row in session.exec(query.order_by(Customer.code).limit(CHOICE_LIMIT)).all():
        customer = CustomerRef(*row)
        if folded in (fold(customer.code), fold(customer.name)):
            return customer
    return None


def close_customers(session: Session, actor: Actor, text: str) -> list[CustomerRef]:
    """Visible customers whose code or name shares most of the typed text's character pairs
    ("Nortwind" → Northwind, "华联机器" → 上海华联机械): works for both scripts without
    word boundaries. Only asked after a miss, so reading every visible name is affordable."""
    wanted = _pairs(fold(text.strip()))
    if not wanted:
        return []
    rows = session.exec(visible_customers(select(Customer.id, Customer.search_text), actor)).all()
    scored = []
    for customer_id, search_text in rows:
        compact = "".join(search_text.split())
        score = sum(pair in compact for pair in wanted) / len(wanted)
        if score >= CLOSE_ENOUGH:
            scored.append((-score, search_text, customer_id))
    best = [customer_id for *_, customer_id in sorted(scored)[:CLOSE_LIMIT]]
    if not best:
        return []
    found = session.exec(
        select(Customer.id, Customer.code, Customer.name).where(col(Customer.id).in_(best))
    ).all()
    by_id = {row[0]: CustomerRef(*row) for row in found}
    return [by_id[customer_id] for customer_id in best]


def _pairs(text: str) -> set[str]:
    compact = "".join(text.split())
    if len(compact) == 1:
        return {compact}
    return {compact[i : i + 2] for i in range(len(compact) - 1)}
