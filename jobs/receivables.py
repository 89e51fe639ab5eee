"""Invoices falling due and overdue: a friendly reminder to the rep before the due date; once
overdue, the rep, then after `overdue_manager_days` more the manager. Each is sent once: its
outbox key names the invoice, its due date and the level, so a due date moved by a re-import is
a new occasion. Messages go out from the team's digest time on, not in the small hours.

An invoice's rep is its order's rep, else its customer's owner."""

from collections.abc import Iterable
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import Session, select

from commands.team_settings import TeamSettings
from jobs.targets import local_today, manager_of
from storage.models import Customer, Invoice, Member, SalesOrder, Team


def due_reminders(
    session: Session, team: Team, members: Iterable[Member], settings: TeamSettings, at: datetime
) -> list[dict]:
    """Open invoices falling due within `invoice_reminder_days` (today included) → the rep."""
    if not _working_hours(settings, at):
        return []
    today = local_today(at, settings.timezone)
    by_id = {member.id: member for member in members}
    rows = _open_invoices(session, by_id).where(
        Invoice.due_on >= today,
        Invoice.due_on <= today + timedelta(days=settings.invoice_reminder_days),
    )
    return [
        _message(invoice, customer, by_id[rep_id], "due", by_id[rep_id].slack_user_id)
        | {"kind": "invoice_due_soon", "days_left": (invoice.due_on - today).days}
        for invoice, customer, rep_id in session.exec(rows).all()
    ]


def overdue_escalations(
    session: Session, team: Team, members: Iterable[Member], settings: TeamSettings, at: datetime
) -> list[dict]:
    """Open invoices past their due date → the rep; more than `overdue_manager_days` past it →
    the manager too."""
    if not _working_hours(settings, at):
        return []
    today = local_today(at, settings.timezone)
    by_id = {member.id: member for member in members}
    rows = _open_invoices(session, by_id).where(Invoice.due_on < today)
    planned = []
    for invoice, customer, rep_id in session.exec(rows).all():
        rep = by_id[rep_id]
        days = (today - invoice.due_on).days
        levels = [("rep", rep.slack_user_id)]
        manager = manager_of(rep, team)
        if days > settings.overdue_manager_days and manager:
            levels.append(("manager", manager))
        for level, reader in levels:
            planned.append(
                _message(invoice, customer, rep, level, reader)
                | {"kind": "invoice_overdue", "days_overdue": days}
            )
    return planned


def _open_invoices(session: Session, members: dict[int, Member]):
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


def _working_hours(settings: TeamSettings, at: datetime) -> bool:
    hour, minute = map(int, settings.digest_time.split(":"))
    return at.astimezone(ZoneInfo(settings.timezone)).time() >= time(hour, minute)
