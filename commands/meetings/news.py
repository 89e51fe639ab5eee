"""What a change to a meeting tells the people on it: the notification's common parameters,
who hears (everyone but whoever made the change) and whose home tab is refreshed."""

from datetime import datetime

from sqlmodel import Session

from commands.home_refresh import refresh_home
from commands.meetings.cards import MeetingCard
from commands.people import Actor


def notice_params(card: MeetingCard) -> dict:
    """What every notification about a meeting carries (times rendered per reader)."""
    return {
        "meeting_id": card.id,
        "title": card.title,
        "starts_at": card.starts_at.isoformat(),
        "ends_at": card.ends_at.isoformat(),
        "customer": card.customer,
        "place": card.place,
        "organiser": card.organiser.name,
    }


def audited_state(card: MeetingCard) -> dict:
    return {
        "title": card.title,
        "starts_at": card.starts_at.isoformat(),
        "ends_at": card.ends_at.isoformat(),
        "customer": card.customer,
        "attendees": [p.slack_user_id for p in card.attendees],
        "place": card.place,
        "agenda": card.agenda,
    }


def others(card: MeetingCard, actor: Actor) -> list[str]:
    """Everyone on the meeting but whoever made the change (they see the reply)."""
    return [p.slack_user_id for p in card.attendees if p.slack_user_id != actor.slack_user_id]


def refresh_homes(session: Session, card: MeetingCard, reason: str) -> None:
    for person in card.attendees:
        if person.name is not None:
            refresh_home(session, person.slack_user_id, reason)


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S%f")
