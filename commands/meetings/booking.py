"""Booking a meeting, from a form or a line of text, and deciding on a held one-line booking:
"Book anyway" or "Don't book"."""

from datetime import datetime
from typing import Literal

from sqlmodel import Session, col, select

from commands.customers import match_customers
from commands.errors import DomainError, InvalidInput, NotFound
from commands.meetings.access import locked
from commands.meetings.cards import (
    START_GRACE,
    Booked,
    Held,
    MeetingCard,
    MeetingClash,
    MeetingProblems,
    MeetingRequest,
    attendee_ids,
    card_of,
    saved_id,
)
from commands.meetings.news import audited_state, notice_params, refresh_homes
from commands.meetings.reading import find_clashes
from commands.meetings.rules import checked, collect, current
from commands.meetings.text import BookMeeting, People, read_when
from commands.people import Actor
from commands.records import audit, notify
from storage.models import Meeting, MeetingAttendee, Member, as_utc, fold
from storage.statuses import MeetingStatus

OnClash = Literal["refuse", "hold", "book"]


def request_from_text(
    session: Session, actor: Actor, line: BookMeeting, now: datetime | None = None
) -> MeetingRequest:
    """A one-line booking read in the actor's zone, with names and the customer looked up."""
    problems: dict[str, DomainError] = {}
    starts_at = collect(
        problems, "when", lambda: read_when(line.when, actor.timezone, current(now))
    )
    people = collect(problems, "attendees", lambda: _people(session, line.people))
    customer_id = collect(problems, "customer", lambda: _customer_named(session, actor, line))
    if problems:
        raise MeetingProblems(problems)
    return MeetingRequest(
        title=line.title,
        starts_at=starts_at,
        duration=line.duration_minutes,
        attendees=people or (),
        customer_id=customer_id,
        place=line.place,
        agenda=line.agenda,
    )


def book_meeting(
    session: Session,
    actor: Actor,
    request: MeetingRequest,
    *,
    on_clash: OnClash = "refuse",
    now: datetime | None = None,
) -> Booked | Held:
    """Book it; on a clash refuse (MeetingClash), hold it as a draft, or book it anyway."""
    wanted = checked(session, actor, request, current(now))
    clashes = find_clashes(session, wanted.attendees, wanted.starts_at, wanted.ends_at)
    if clashes and on_clash == "refuse":
        raise MeetingClash(clashes)
    held = bool(clashes) and on_clash == "hold"
    meeting = Meeting(
        organiser_id=actor.member_id,
        title=wanted.title,
        customer_id=wanted.customer_id,
        starts_at=wanted.starts_at,
        ends_at=wanted.ends_at,
        place=wanted.place,
        agenda=wanted.agenda,
        status=MeetingStatus.draft if held else MeetingStatus.scheduled,
    )
    session.add(meeting)
    session.flush()
    session.add_all(
        MeetingAttendee(meeting_id=saved_id(meeting), slack_user_id=slack_id)
        for slack_id in wanted.attendees
    )
    session.flush()
    if held:
        return Held(card_of(session, meeting), clashes)
    return Booked(_announce_booking(session, actor, meeting), clashes)


def confirm_held(
    session: Session, actor: Actor, meeting_id: int, now: datetime | None = None
) -> Booked:
    """ "Book anyway" on a held one-line booking: booked once, a second click changes nothing."""
    meeting = _held(session, actor, meeting_id)
    moment = current(now)
    if as_utc(meeting.starts_at) < moment - START_GRACE:
        raise InvalidInput("meeting.error.held_in_past", title=meeting.title)
    meeting.status = MeetingStatus.scheduled
    meeting.updated_at = moment
    attendees = attendee_ids(session, saved_id(meeting))
    clashes = find_clashes(
        session, attendees, as_utc(meeting.starts_at), as_utc(meeting.ends_at), meeting.id
    )
    return Booked(_announce_booking(session, actor, meeting), clashes)


def drop_held(session: Session, actor: Actor, meeting_id: int) -> str:
    """ "Don't book" on a held one-line booking; returns its title."""
    meeting = _held(session, actor, meeting_id)
    meeting.status = MeetingStatus.dropped
    return meeting.title


def _announce_booking(session: Session, actor: Actor, meeting: Meeting) -> MeetingCard:
    card = card_of(session, meeting)
    audit(session, actor.slack_user_id, "meeting", str(card.id), "book", None, audited_state(card))
    for person in card.attendees:
        notify(
            session,
            key=f"meeting:{card.id}:invited:{person.slack_user_id}",
            channel=person.slack_user_id,
            kind="meeting_invited",
            for_organiser=person.slack_user_id == card.organiser.slack_user_id,
            **notice_params(card),
            agenda=card.agenda,
            attendees=[p.name or p.slack_user_id for p in card.attendees],
        )
    refresh_homes(session, card, f"meeting:{card.id}:booked")
    return card


def _held(session: Session, actor: Actor, meeting_id: int) -> Meeting:
    meeting = locked(session, meeting_id)
    if meeting is None or meeting.organiser_id != actor.member_id:
        raise NotFound("meeting.error.not_found", id=meeting_id)
    if meeting.status == MeetingStatus.scheduled:
        raise InvalidInput("meeting.error.already_booked", id=meeting.id, title=meeting.title)
    if meeting.status != MeetingStatus.draft:
        raise InvalidInput("meeting.error.already_dropped", title=meeting.title)
    return meeting


def _people(session: Session, people: People) -> tuple[str, ...]:
    """Mentioned ids as they are; each `@name` must name exactly one member."""
    found = list(people.ids)
    if not people.names:
        return tuple(found)
    members = session.exec(
        select(Member.slack_user_id, Member.name).where(col(Member.active).is_(True))
    ).all()
    named = [(slack_id, member_name) for slack_id, member_name in members]
    found += [_member_named(name, named) for name in people.names]
    return tuple(dict.fromkeys(found))


def _member_named(name: str, members: list[tuple[str, str]]) -> str:
    """The Slack id of the one active member `name` names: their whole name or Slack id, else
    one word of their name."""
    wanted = fold(name)
    exact = [m for m in members if wanted in (fold(m[1]), fold(m[0]))]
    matches = exact or [m for m in members if wanted in fold(m[1]).split()]
    if not matches:
        raise InvalidInput("meeting.error.unknown_person", name=name[:60])
    if len(matches) > 1:
        names = ", ".join(sorted(named for _, named in matches)[:5])
        raise InvalidInput("meeting.error.ambiguous_person", name=name[:60], names=names)
    return matches[0][0]


def _customer_named(session: Session, actor: Actor, line: BookMeeting) -> int | None:
    if line.customer is None:
        return None
    matches = match_customers(session, actor, line.customer)
    if matches.found is not None:
        return matches.found.id
    names = ", ".join(f"{c.code} {c.name}" for c in matches.matches)
    if matches.matches and not matches.close:
        raise InvalidInput("meeting.error.customer_ambiguous", query=line.customer, names=names)
    if matches.matches:
        raise InvalidInput("meeting.error.customer_close", query=line.customer, names=names)
    raise InvalidInput("meeting.error.customer_unknown", query=line.customer)
