"""Order escalations, planned for one team: an order late by more than
`order_late_rep_days` goes to its rep, late by `order_late_manager_days` more to the rep's
manager too. Days late are counted on the rep's calendar, from the team's digest time on the
rep's clock; once per order, promised date and level (a new promised date starts again)."""

from datetime import date, datetime, timedelta

from sqlmodel import Session, col, select

from commands.digest import LATE_STATUSES
from commands.team_settings import TeamSettings
from jobs.recipients import manager_of, working_days
from storage.models import Customer, Member, SalesOrder, Team


def late_orders(
    session: Session, team: Team, members: dict[int, Member], settings: TeamSettings, at: datetime
) -> list[dict]:
    days = working_days(members.values(), settings, at)
    if not days:
        return []
    rep_after = settings.order_late_rep_days
    planned = []
    for order, customer in _late_by_more_than(session, days, rep_after):
        days_late = (days[order.rep_id] - order.promised_ship_on).days
        if days_late <= rep_after:
            continue
        rep = members[order.rep_id]
        for level, reader in _readers(
            rep, team, days_late > rep_after + settings.order_late_manager_days
        ):
            planned.append(_escalation(order, customer, rep, level, reader, days_late))
    return planned


def _late_by_more_than(session: Session, days: dict[int, date], rep_after: int):
    """Unshipped orders of these reps promised before the latest of their days, less `rep_after`:
    each is then measured on its own rep's day."""
    return session.exec(
        select(SalesOrder, Customer.name)
        .join(Customer, col(SalesOrder.customer_id) == Customer.id)
        .where(
            col(SalesOrder.rep_id).in_(list(days)),
            col(SalesOrder.status).in_(LATE_STATUSES),
            col(SalesOrder.shipped_on).is_(None),
            col(SalesOrder.promised_ship_on) < max(days.values()) - timedelta(days=rep_after),
        )
    ).all()


def _readers(rep: Member, team: Team, to_manager: bool) -> list[tuple[str, str]]:
    levels = [("rep", rep.slack_user_id)]
    manager = manager_of(rep, team)
    if to_manager and manager:
        levels.append(("manager", manager))
    return levels


def _escalation(
    order: SalesOrder, customer: str, rep: Member, level: str, reader: str, days_late: int
) -> dict:
    return {
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
