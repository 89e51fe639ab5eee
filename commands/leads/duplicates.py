"""Duplicates (防撞单): the customer or open lead a new lead is the same business as.

How it scales. The lead's keys are computed once; then each comparison is narrowed by SQL
before any Python sees a row:

- open leads: equal `company_key`, `phone_key` or `email_key`, each an indexed column;
- customers' contacts: equal `phone_key` or `email_key`, each an indexed column (the same keys,
  storage.contact_keys, filled on every contact write);
- customers' names: the lead's company is cut into name grams (its words; for Chinese, runs
  of three characters; storage.match_keys), customers sharing any are found through the
  indexed `customer_name_gram` and ranked in SQL by how many they share, and only the best
  CANDIDATES are folded like the lead and compared: equal keys, else rapidfuzz's ratio at
  least FUZZY_THRESHOLD. The fuzzy work is bounded whatever the number of customers.

A phone or an e-mail is the strongest sign, then the same company key, then a similar name;
at equal strength a customer wins over a lead (the relationship is older).
"""

from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlalchemy import and_, func, or_, union
from sqlalchemy import select as sql_select
from sqlmodel import Session, col, select

from commands.leads.keys import LeadKeys, company_key
from storage.leads import OPEN_STATUSES
from storage.match_keys import name_grams
from storage.models import Contact, Customer, CustomerNameGram, Lead, Member

FUZZY_THRESHOLD = 88  # rapidfuzz ratio (0-100) of two company keys that name one company
CANDIDATES = 50  # customers compared by name at most, per lead
MAX_PROBES = 8
STRENGTH = {"phone": 0, "email": 0, "company": 1, "similar_company": 2}


@dataclass(frozen=True)
class Match:
    """The record a lead duplicates, whose owner it goes to, and why."""

    kind: str  # "customer" or "lead"
    record_id: int
    ref: str  # the customer's code, or the lead's number
    name: str
    owner_id: int
    customer_id: int | None
    reason: str  # phone, email, company or similar_company
    score: int = 100

    @property
    def note(self) -> str:
        """The assignment note stored with the lead, e.g. "same phone as customer C-1001
        华联贸易" (people read it rendered in their own language from these fields)."""
        what = {
            "phone": "same phone as",
            "email": "same e-mail as",
            "company": "same company as",
            "similar_company": f"company name {self.score}% like",
        }[self.reason]
        return f"{what} {self.kind} {self.ref} {self.name}"[:500]

    def rank(self) -> tuple[int, int, int]:
        return (STRENGTH[self.reason], 0 if self.kind == "customer" else 1, -self.score)


def find_match(
    session: Session, company: str, keys: LeadKeys, exclude_lead: int | None = None
) -> Match | None:
    """The record a lead for `company` with these keys duplicates, if any (the lead itself,
    once stored, left out)."""
    matches = [
        *_contact_matches(session, keys),
        *_lead_matches(session, keys, exclude_lead),
        *_name_matches(session, company, keys.company),
    ]
    return min(matches, key=Match.rank, default=None)


# -- customers, by their contacts' phones and e-mails -------------------------------------------


def _contact_matches(session: Session, keys: LeadKeys) -> list[Match]:
    conditions = []
    if keys.phone:
        conditions.append(col(Contact.phone_key) == keys.phone)
    if keys.email:
        conditions.append(col(Contact.email_key) == keys.email)
    if not conditions:
        return []
    query = (
        sql_select(
            col(Contact.phone_key),
            col(Customer.id),
            col(Customer.code),
            col(Customer.name),
            col(Customer.owner_id),
        )
        .join(Customer, col(Customer.id) == col(Contact.customer_id))
        .join(Member, col(Member.id) == col(Customer.owner_id))
        .where(col(Member.active), or_(*conditions))
        .limit(CANDIDATES)
    )
    found = []
    for contact_phone, customer_id, code, name, owner_id in session.execute(query).all():
        reason = "phone" if keys.phone and contact_phone == keys.phone else "email"
        found.append(Match("customer", customer_id, code, name, owner_id, customer_id, reason))
    return found


# -- open leads, by their keys -------------------------------------------------------------------


def _lead_matches(session: Session, keys: LeadKeys, exclude_lead: int | None) -> list[Match]:
    # One indexed look-up per key, united: an OR of the three lets a planner read every lead.
    same = [select(Lead.id).where(col(Lead.company_key) == keys.company)]
    if keys.phone:
        same.append(select(Lead.id).where(col(Lead.phone_key) == keys.phone))
    if keys.email:
        same.append(select(Lead.id).where(col(Lead.email_key) == keys.email))
    query = (
        select(Lead)
        .join(Member, col(Member.id) == col(Lead.owner_id))
        .where(
            col(Lead.id).in_(union(*same).subquery().select()),
            col(Lead.status).in_(OPEN_STATUSES),
            col(Member.active),
            col(Lead.id) != (exclude_lead or 0),
        )
        .order_by(col(Lead.id))
        .limit(CANDIDATES)
    )
    found = []
    for lead in session.exec(query).all():
        reason = _lead_reason(lead, keys)
        if lead.id is not None and lead.owner_id is not None:
            ref = f"#{lead.id}"
            found.append(
                Match("lead", lead.id, ref, lead.company, lead.owner_id, lead.customer_id, reason)
            )
    return found


def _lead_reason(lead: Lead, keys: LeadKeys) -> str:
    if keys.phone and lead.phone_key == keys.phone:
        return "phone"
    if keys.email and lead.email_key == keys.email:
        return "email"
    return "company"


# -- customers, by name --------------------------------------------------------------------------


def _name_matches(session: Session, company: str, key: str) -> list[Match]:
    probes = name_probes(company)
    if not probes:
        return []
    hits = func.count().label("hits")
    sharing = (
        sql_select(col(CustomerNameGram.customer_id), hits)
        .where(col(CustomerNameGram.gram).in_(probes))
        .group_by(col(CustomerNameGram.customer_id))
        .subquery()
    )
    query = (
        sql_select(col(Customer.id), col(Customer.code), col(Customer.name), col(Customer.owner_id))
        .join(sharing, sharing.c.customer_id == col(Customer.id))
        .join(Member, and_(col(Member.id) == col(Customer.owner_id), col(Member.active)))
        .order_by(sharing.c.hits.desc(), col(Customer.id))
        .limit(CANDIDATES)
    )
    found = []
    for customer_id, code, name, owner_id in session.execute(query).all():
        theirs = company_key(name)
        score = 100 if theirs == key else round(fuzz.ratio(key, theirs))
        if score >= FUZZY_THRESHOLD:
            reason = "company" if score == 100 else "similar_company"
            found.append(
                Match("customer", customer_id, code, name, owner_id, customer_id, reason, score)
            )
    return found


def name_probes(company: str) -> list[str]:
    """The name grams of a lead's company a customer's stored grams are looked up by: the
    longest first, a few at most."""
    return sorted(name_grams(company), key=lambda probe: (-len(probe), probe))[:MAX_PROBES]
