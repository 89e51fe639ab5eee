"""Escalations: what has waited too long goes up, once per item and level, saying why."""

from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, select

from commands.digest import LATE_STATUSES
from commands.team_settings import TeamSettings
from jobs import contracts
from jobs.receivables import overdue_escalations
from jobs.recipients import manager_of, queue_new, team_members, working_days
from storage.models import Customer, SalesOrder, SampleRequest, Team, Visit, as_utc


def queue(session: Session, teams: list[tuple[Team, TeamSettings]], at: datetime) -> int:
    planned: list[dict] = []
    for team, settings in teams:
        members = {m.id: m for m in team_members(session, team)}
        planned += _samples_waiting(session, team, members, settings, at)
        planned += _late_orders(session, team, members, settings, at)
        planned += _quiet_key_accounts(session, members, settings, at)
        planned += contracts.stalled_reviews(session, team, members.values(), settings, at)
        planned += overdue_escalations(session, team, members.values(), settings, at)
    return queue_new(session, planned)


def _samples_waiting(session, team, members, settings: TeamSettings, at) -> list[dict]:
    cutoff = at - timedelta(hours=settings.sample_approval_hours)
    rows = session.exec(
        select(SampleRequest, Customer.name)
        .join(Customer, SampleRequest.customer_id == Customer.id)
        .where(
            SampleRequest.rep_id.in_(list(members)),
            SampleRequest.status == "requested",
            SampleRequest.created_at < cutoff,
        )
    ).all()
    planned = []
    for sample, customer in rows:
        manager = manager_of(members[sample.rep_id], team)
        if manager:
            planned.append(
                {
                    "key": f"escalation:sample-approval:{sample.id}:manager",
                    "channel": manager,
                    "kind": "escalation_sample_approval",
                    "sample_id": sample.id,
                    "customer": customer,
                    "product": sample.product,
                    "rep": members[sample.rep_id].name,
                    "hours": settings.sample_approval_hours,
                }
            )
    return planned


def _late_orders(session, team, members, settings: TeamSettings, at) -> list[dict]:
    """Late by more than the rep's threshold → the rep; by the manager's on top → the manager.
    Days late are counted on the rep's calendar, from the team's digest time on the rep's clock."""
    days = working_days(members.values(), settings, at)
    if not days:
        return []
    rep_after = settings.order_late_rep_days
    manager_after = rep_after + settings.order_late_manager_days
    rows = session.exec(
        select(SalesOrder, Customer.name)
        .join(Customer, SalesOrder.customer_id == Customer.id)
        .where(
            SalesOrder.rep_id.in_(list(days)),
            SalesOrder.status.in_(LATE_STATUSES),
            SalesOrder.shipped_on.is_(None),
            SalesOrder.promised_ship_on < max(days.values()) - timedelta(days=rep_after),
        )
    ).all()
    planned = []
    for order, customer in rows:
        days_late = (days[order.rep_id] - order.promised_ship_on).days
        if days_late <= rep_after:
            continue
        rep = members[order.rep_id]
        levels = [("rep", rep.slack_user_id)]
        if days_late > manager_after and manager_of(rep, team):
            levels.append(("manager", manager_of(rep, team)))
        for level, reader in levels:
            planned.append(
                {
                    "key": f"escalation:order-late:{order.id}:{order.promised_ship_on}:{level}",
                    "channel": reader,
                    "kind": "escalation_order_late",
                    "level": level,
                    "number": order.number,
                    "customer": customer,
                    "rep": rep.name,
                    "days_late": days_late,
                    "promised_ship_on": order.promised_ship_on.isoformat(),
                }
            )
    return planned


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
