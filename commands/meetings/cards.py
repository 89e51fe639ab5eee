"""Meetings as the other layers see them: requests, cards, clashes and the outcome of each
action, the errors they raise, and how a stored meeting becomes its card."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from commands.errors import DomainError, FormProblems
from storage.models import Customer, Meeting, MeetingAttendee, Member, as_utc
from storage.statuses import MeetingStatus

MAX_TITLE = 200
MAX_PLACE = 500
MAX_AGENDA = 3000
MAX_MINUTES = 3000
MAX_REASON = 500
MAX_ATTENDEES = 50
DEFAULT_MINUTES = 60
LIST_LIMIT = 10
# A start a little behind the clock still counts as now: typing and picking take time.
START_GRACE = timedelta(minutes=2)


@dataclass(frozen=True)
class MeetingRequest:
    """A meeting as a form or a one-line command gives it, before it is checked."""

    title: str
    starts_at: datetime | None
    duration: int | str | None = DEFAULT_MINUTES  # minutes, or as typed ("1h"); None: default
    attendees: tuple[str, ...] = ()
    customer_id: int | None = None
    place: str | None = None
    agenda: str | None = None


@dataclass(frozen=True)
class Person:
    slack_user_id: str
    name: str | None  # None: not a member


@dataclass(frozen=True)
class MeetingCard:
    id: int
    title: str
    organiser: Person
    customer: str | None
    starts_at: datetime
    ends_at: datetime
    place: str | None
    agenda: str | None
    minutes: str | None
    status: MeetingStatus
    attendees: list[Person]

    @property
    def duration_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


@dataclass(frozen=True)
class Clash:
    person: Person
    meeting_id: int
    title: str
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True)
class Booked:
    meeting: MeetingCard
    clashes: list[Clash] = field(default_factory=list)  # booked anyway


@dataclass(frozen=True)
class Held:
    """A one-line booking that clashes, kept as a draft until the organiser decides."""

    meeting: MeetingCard
    clashes: list[Clash]


@dataclass(frozen=True)
class Moved:
    meeting: MeetingCard
    from_starts_at: datetime
    from_ends_at: datetime
    clashes: list[Clash] = field(default_factory=list)


@dataclass(frozen=True)
class Cancelled:
    meeting: MeetingCard
    reason: str | None


@dataclass(frozen=True)
class MinutesSaved:
    meeting: MeetingCard


@dataclass(frozen=True)
class MeetingPage:
    meetings: list[MeetingCard]
    total: int


class MeetingProblems(FormProblems):
    """Everything wrong with a request, by field (title, customer, when, duration, attendees,
    place, agenda, minutes), so a form can show each next to its field; reads as the first
    one."""


class MeetingClash(DomainError):
    """Attendees already have a meeting then; nothing was booked or moved."""

    def __init__(self, clashes: list[Clash]):
        super().__init__("meeting.error.clash", count=len(clashes))
        self.clashes = clashes


def saved_id(meeting: Meeting) -> int:
    """The id of a meeting read from the database or flushed to it."""
    if meeting.id is None:
        raise ValueError("the meeting has not been flushed yet")
    return meeting.id


def card_of(session: Session, meeting: Meeting) -> MeetingCard:
    attendees = attendee_ids(session, saved_id(meeting))
    organiser = session.get_one(Member, meeting.organiser_id)
    names = names_of(session, [*attendees, organiser.slack_user_id])
    customer = session.get(Customer, meeting.customer_id) if meeting.customer_id else None
    return MeetingCard(
        id=saved_id(meeting),
        title=meeting.title,
        organiser=Person(organiser.slack_user_id, organiser.name),
        customer=customer.name if customer else None,
        starts_at=as_utc(meeting.starts_at),
        ends_at=as_utc(meeting.ends_at),
        place=meeting.place,
        agenda=meeting.agenda,
        minutes=meeting.minutes,
        status=meeting.status,
        attendees=[Person(slack_id, names.get(slack_id)) for slack_id in attendees],
    )


def attendee_ids(session: Session, meeting_id: int) -> tuple[str, ...]:
    rows = session.exec(
        select(MeetingAttendee.slack_user_id)
        .where(MeetingAttendee.meeting_id == meeting_id)
        .order_by(col(MeetingAttendee.id))
    ).all()
    return tuple(rows)


def names_of(session: Session, slack_ids: list[str]) -> dict[str, str]:
    if not slack_ids:
        return {}
    rows = session.exec(
        select(Member.slack_user_id, Member.name).where(
            col(Member.slack_user_id).in_(sorted(set(slack_ids)))
        )
    ).all()
    return dict(rows)
