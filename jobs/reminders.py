"""Reminders: meetings shortly before they start, follow-ups on their due day, samples whose
needed-by date is close. Each is sent once: its outbox key names the item and the occasion."""

from datetime import datetime

from sqlmodel import Session, select

from commands.team_settings import TeamSettings
from jobs import contracts, meetings, samples
from jobs.receivables import due_reminders
from jobs.recipients import queue_new, team_members, working_days
from storage.models import Customer, Team, Visit


def queue(session: Session, teams: list[tuple[Team, TeamSettings]], at: datetime) -> int:
    planned: list[dict] = []
    for team, settings in teams:
        members = team_members(session, team)
        planned += meetings.upcoming_reminders(session, members, settings, at)
        planned += _follow_ups(session, members, settings, at)
        planned += samples.needed_soon_reminders(session, members, settings, at)
        planned += contracts.expiry_reminders(session, team, members, settings, at)
        planned += due_reminders(session, team, members, settings, at)
    return queue_new(session, planned)


def _follow_ups(session, members, settings: TeamSettings, at: datetime) -> list[dict]:
    """Follow-ups due on each rep's own day, from the team's digest time on the rep's clock."""
    days = working_days(members, settings, at)
    if not days:
        return []
    reps = {m.id: m.slack_user_id for m in members}
    rows = session.exec(
        select(Visit, Customer.name)
        .join(Customer, Visit.customer_id == Customer.id)
        .where(
            Visit.rep_id.in_(list(days)),
            Visit.follow_up_done.is_(False),
            Visit.next_step_due.in_(set(days.values())),
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
