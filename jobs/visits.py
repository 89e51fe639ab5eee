"""Visit reminders and escalations, planned for one team:

- a follow-up (a visit's next step) is due: its rep hears on the due day, from the team's digest
  time on the rep's clock, once per visit and due date;
- a key account (tier A or B) not contacted within its cadence (`cadence_a_days`,
  `cadence_b_days`): its owner hears, once per customer and last contact.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from commands.team_settings import TeamSettings
from jobs.recipients import working_days
from storage.models import Customer, Member, Team, Visit, as_utc

KEY_TIERS = ("A", "B")


def follow_up_reminders(
    session: Session, team: Team, members: Iterable[Member], settings: TeamSettings, at: datetime
) -> list[dict]:
    """Follow-ups due on each rep's own day, from the team's digest time on the rep's clock."""
    members = list(members)
    reps = {m.id: m.slack_user_id for m in members}
    days = working_days(members, settings, at)
    if not days:
        return []
    rows = session.exec(
        select(Visit, Customer.name)
        .join(Customer, col(Visit.customer_id) == Customer.id)
        .where(
            col(Visit.rep_id).in_(list(days)),
            col(Visit.follow_up_done).is_(False),
            col(Visit.next_step_due).in_(set(days.values())),
        )
    ).all()
    return [
        {
            "key": f"follow-up:{visit.id}:{visit.next_step_due}",
            "channel": reps[visit.rep_id],
            "kind": "follow_up_due",
            "customer": customer,
            "step": visit.next_step,
            "due": visit.next_step_due.isoformat(),
        }
        for visit, customer in rows
        if visit.next_step_due == days[visit.rep_id]
    ]


def quiet_key_accounts(
    session: Session, team: Team, members: Iterable[Member], settings: TeamSettings, at: datetime
) -> list[dict]:
    """Tier A and B customers not contacted within their cadence → their rep."""
    owners = {m.id: m for m in members}
    cadence: dict[str | None, int] = {"A": settings.cadence_a_days, "B": settings.cadence_b_days}
    last_contact = (
        select(Visit.customer_id, func.max(Visit.at).label("last"))
        .group_by(col(Visit.customer_id))
        .subquery()
    )
    rows = session.exec(
        select(Customer, last_contact.c.last)
        .join(last_contact, last_contact.c.customer_id == Customer.id, isouter=True)
        .where(col(Customer.owner_id).in_(list(owners)), col(Customer.tier).in_(KEY_TIERS))
    ).all()
    planned = []
    for customer, last in rows:
        days = cadence[customer.tier]
        if last is not None and as_utc(last) >= at - timedelta(days=days):
            continue
        planned.append(_cadence_escalation(customer, last, days, owners[customer.owner_id]))
    return planned


def _cadence_escalation(customer: Customer, last: datetime | None, days: int, owner: Member):
    since = as_utc(last).date().isoformat() if last else "never"
    return {
        "key": f"escalation:cadence:{customer.id}:{since}",
        "channel": owner.slack_user_id,
        "kind": "escalation_cadence",
        "customer": customer.name,
        "code": customer.code,
        "tier": customer.tier,
        "days": days,
        "last_contact": None if last is None else as_utc(last).isoformat(),
    }
