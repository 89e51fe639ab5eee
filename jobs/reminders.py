"""Reminders: meetings shortly before they start, follow-ups on their due day, samples whose
needed-by date is close; and leads an import left unscreened, screened. Each is sent once: its
outbox key names the item and the occasion."""

from datetime import datetime

from sqlmodel import Session

from commands.leads import offer_waiting, screen_waiting
from commands.team_settings import TeamSettings
from jobs import contracts, meetings, samples, visits
from jobs.receivables import due_reminders
from jobs.recipients import queue_new, team_members
from storage.models import Team


def queue(session: Session, teams: list[tuple[Team, TeamSettings]], at: datetime) -> int:
    # Leads a CSV import wrote but could not screen (stopped between its two transactions):
    # their owners hear of them within minutes, not at the next import.
    screen_waiting(session)
    offer_waiting(session, at)  # leads that waited for a rep, offered once one is free
    planned: list[dict] = []
    for team, settings in teams:
        members = team_members(session, team)
        planned += meetings.upcoming_reminders(session, members, settings, at)
        planned += visits.follow_up_reminders(session, team, members, settings, at)
        planned += samples.needed_soon_reminders(session, members, settings, at)
        planned += contracts.expiry_reminders(session, team, members, settings, at)
        planned += due_reminders(session, team, members, settings, at)
    return queue_new(session, planned)
