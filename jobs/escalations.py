"""Escalations: what has waited too long goes up, once per item and level, saying why."""

from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, select

from commands.team_settings import TeamSettings
from jobs import contracts, orders, samples
from jobs.receivables import overdue_escalations
from jobs.recipients import queue_new, team_members
from storage.models import Customer, Team, Visit, as_utc


def queue(session: Session, teams: list[tuple[Team, TeamSettings]], at: datetime) -> int:
    planned: list[dict] = []
    for team, settings in teams:
        members = {m.id: m for m in team_members(session, team)}
        planned += samples.waiting_for_approval(session, team, members, settings, at)
        planned += orders.late_orders(session, team, members, settings, at)
        planned += _quiet_key_accounts(session, members, settings, at)
        planned += contracts.stalled_reviews(session, team, members.values(), settings, at)
        planned += overdue_escalations(session, team, members.values(), settings, at)
    return queue_new(session, planned)


def _quiet_key_accounts(session, members, settings: TeamSettings, at) -> list[dict]:
    """Tier A and B customers not contacted within their cadence → their rep."""
    cadence = {"A": settings.cadence_a_days, "B": settings.cadence_b_days}
    last_contact = (
        select(Visit.customer_id, func.max(Visit.at).label("last"))
        .group_by(Visit.customer_id)
        .subquery()
    )
    rows = session.exec(
        select(Customer, last_contact.c.last)
        .join(last_contact, last_contact.c.customer_id == Customer.id, isouter=True)
        .where(Customer.owner_id.in_(list(members)), Customer.tier.in_(("A", "B")))
    ).all()
    planned = []
    for customer, last in rows:
        days = cadence[customer.tier]
        if last is not None and as_utc(last) >= at - timedelta(days=days):
            continue
        since = as_utc(last).date().isoformat() if last else "never"
        planned.append(
            {
                "key": f"escalation:cadence:{customer.id}:{since}",
                "channel": members[customer.owner_id].slack_user_id,
                "kind": "escalation_cadence",
                "customer": customer.name,
                "code": customer.code,
                "tier": customer.tier,
                "days": days,
                "last_contact": None if last is None else as_utc(last).isoformat(),
            }
        )
    return planned
