"""Escalations: what has waited too long goes up, once per item and level, saying why."""

from datetime import datetime

from sqlmodel import Session

from commands.team_settings import TeamSettings
from jobs import contracts, orders, samples, visits
from jobs.receivables import overdue_escalations
from jobs.recipients import queue_new, team_members
from storage.models import Team


def queue(session: Session, teams: list[tuple[Team, TeamSettings]], at: datetime) -> int:
    planned: list[dict] = []
    for team, settings in teams:
        members = {m.id: m for m in team_members(session, team)}
        planned += samples.waiting_for_approval(session, team, members, settings, at)
        planned += orders.late_orders(session, team, members, settings, at)
        planned += visits.quiet_key_accounts(session, team, members.values(), settings, at)
        planned += contracts.stalled_reviews(session, team, members.values(), settings, at)
        planned += overdue_escalations(session, team, members.values(), settings, at)
    return queue_new(session, planned)
