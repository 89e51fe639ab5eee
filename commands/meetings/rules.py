"""What a meeting must be before it is booked or moved: a title, a start that has not passed,
a length from a minute to a day, attendees who are Slack users (the organiser first), a
customer the organiser may see, and texts within their limits."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from sqlmodel import Session

from commands.customers import find_customer
from commands.errors import DomainError, InvalidInput
from commands.meetings.cards import (
    DEFAULT_MINUTES,
    MAX_AGENDA,
    MAX_ATTENDEES,
    MAX_PLACE,
    MAX_TITLE,
    START_GRACE,
    MeetingProblems,
    MeetingRequest,
)
from commands.meetings.text import check_duration, is_slack_user_id, parse_duration
from commands.people import Actor
from storage.models import as_utc, utcnow

Value = TypeVar("Value")


@dataclass(frozen=True)
class CheckedRequest:
    title: str
    starts_at: datetime
    ends_at: datetime
    attendees: tuple[str, ...]  # the organiser first
    customer_id: int | None
    place: str | None
    agenda: str | None


def checked(
    session: Session, actor: Actor, request: MeetingRequest, now: datetime
) -> CheckedRequest:
    """The request as it will be booked; every problem at once (MeetingProblems)."""
    problems: dict[str, DomainError] = {}
    title = collect(problems, "title", lambda: text_within(request.title, MAX_TITLE, "title", True))
    collect(problems, "customer", lambda: _check_customer(session, actor, request.customer_id))
    starts_at = collect(problems, "when", lambda: future_start(request.starts_at, now))
    minutes = collect(problems, "duration", lambda: length(request.duration, DEFAULT_MINUTES))
    attendees = collect(problems, "attendees", lambda: _attendees(actor, request.attendees))
    place = collect(problems, "place", lambda: text_within(request.place, MAX_PLACE, "place"))
    agenda = collect(problems, "agenda", lambda: text_within(request.agenda, MAX_AGENDA, "agenda"))
    if problems or title is None or starts_at is None or minutes is None or attendees is None:
        raise MeetingProblems(problems)
    return CheckedRequest(
        title,
        starts_at,
        starts_at + timedelta(minutes=minutes),
        attendees,
        request.customer_id,
        place,
        agenda,
    )


def collect(problems: dict[str, DomainError], name: str, read: Callable[[], Value]) -> Value | None:
    """What `read` gives, or None with its problem (or problems) added under `name`."""
    try:
        return read()
    except MeetingProblems as error:
        problems.update(error.problems)
    except DomainError as error:
        problems[name] = error
    return None


def text_within(value: str | None, limit: int, name: str, required: bool = False) -> str | None:
    value = (value or "").strip()
    if required and not value:
        raise InvalidInput(f"meeting.error.needs_{name}")
    if len(value) > limit:
        raise InvalidInput(f"meeting.error.{name}_too_long", limit=limit)
    return value or None


def length(value: int | str | None, default: int) -> int:
    """Minutes, as given or as typed ("1h"); nothing given: `default`."""
    if isinstance(value, str):
        return parse_duration(value) if value.strip() else default
    return check_duration(default if value is None else value)


def future_start(starts_at: datetime | None, now: datetime) -> datetime:
    if starts_at is None:
        raise InvalidInput("meeting.error.needs_when_field")
    start = as_utc(starts_at).replace(second=0, microsecond=0)
    if start < now - START_GRACE:
        raise InvalidInput("meeting.error.in_the_past")
    return start


def current(now: datetime | None) -> datetime:
    return as_utc(now or utcnow())


def _check_customer(session: Session, actor: Actor, customer_id: int | None) -> None:
    if customer_id is not None:
        find_customer(session, actor, customer_id)


def _attendees(actor: Actor, slack_ids: tuple[str, ...]) -> tuple[str, ...]:
    bad = [slack_id for slack_id in slack_ids if not is_slack_user_id(slack_id)]
    if bad:
        raise InvalidInput("meeting.error.bad_attendee", who=bad[0][:40])
    everyone = tuple(dict.fromkeys((actor.slack_user_id, *slack_ids)))
    if len(everyone) > MAX_ATTENDEES:
        raise InvalidInput("meeting.error.too_many_attendees", limit=MAX_ATTENDEES)
    return everyone
