"""Invoices falling due and overdue: a friendly reminder to the rep before the due date; once
overdue, the rep, then after `overdue_manager_days` more the manager. Each is sent once: its
outbox key names the invoice, its due date and the level, so a due date moved by a re-import is
a new occasion. Days are counted on the rep's own calendar, and messages go out from the
team's digest time on the rep's clock, not in the small hours.

An invoice's rep is its order's rep, else its customer's owner."""

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, select

from commands.team_settings import TeamSettings
from jobs.recipients import manager_of, working_days
from storage.models import Customer, Invoice, Member, SalesOrder, Team


def due_reminders(
    session: Session, team: Team, members: Iterable[Member], settings: TeamSettings, at: datetime
) -> list[dict]:
    """Open invoices falling due within `invoice_reminder_days` (today included) → the rep."""
    by_id = {member.id: member for member in members}
    days = working_days(by_id.values(), settings, at)
    if not days:
        return []
    rows = _open_invoices(session, days).where(
        Invoice.due_on >= min(days.values()),
        Invoice.due_on <= max(days.values()) + timedelta(days=settings.invoice_reminder_days),
    )
    planned = []
    for invoice, customer, rep_id in session.exec(rows).all():
        days_left = (invoice.due_on - days[rep_id]).days
        if 0 <= days_left <= settings.invoice_reminder_days:
            rep = by_id[rep_id]
            planned.append(
                _message(invoice, customer, rep, "due", rep.slack_user_id)
                | {"kind": "invoice_due_soon", "days_left": days_left}
            )
    return planned


def overdue_escalations(
    session: Session, team: Team, members: Iterable[Member], settings: TeamSettings, at: datetime
) -> list[dict]:
    """Open invoices past their due date → the rep; more than `overdue_manager_days` past it →
    the manager too."""
    by_id = {member.id: member for member in members}
    days = working_days(by_id.values(), settings, at)
    if not days:
        return []
    rows = _open_invoices(session, days).where(Invoice.due_on < max(days.values()))
    planned = []
    for invoice, customer, rep_id in session.exec(rows).all():
        overdue = (days[rep_id] - invoice.due_on).days
        if overdue <= 0:
            continue
        rep = by_id[rep_id]
        levels = [("rep", rep.slack_user_id)]
        manager = manager_of(rep, team)
        if overdue > settings.overdue_manager_days and manager:
            levels.append(("manager", manager))
        for level, reader in levels:
            planned.append(
                _message(invoice, customer, rep, level, reader)
                | {"kind": "invoice_overdue", "days_overdue": overdue}
            )
    return planned


def _open_invoices(session: Session, members: Iterable[int]):
    rep_id = func.coalesce(SalesOrder.rep_id, Customer.owner_id)
    return (
        select(Invoice, Customer.name, rep_id)
        .join(Customer, Invoice.customer_id == Customer.id)
        .join(SalesOrder, Invoice.order_id == SalesOrder.id, isouter=True)
        .where(rep_id.in_(list(members)), Invoice.paid_amount < Invoice.amount)
        .order_by(Invoice.due_on, Invoice.number)
    )


def _message(invoice: Invoice, customer: str, rep: Member, level: str, reader: str) -> dict:
    return {
        "key": f"invoice:{invoice.id}:{invoice.due_on}:{level}",
        "channel": reader,
        "level": level,
        "number": invoice.number,
        "customer": customer,
        "rep": rep.name,
        "open": str(invoice.amount - invoice.paid_amount),
        "currency": invoice.currency,
        "due_on": invoice.due_on.isoformat(),
    }
