"""Booking meetings with customers or colleagues, and changing them afterwards.

The organiser is always an attendee. A meeting overlapping another scheduled meeting of any
attendee is a clash: it is booked only when the organiser says "book anyway". A one-line booking
that clashes is kept as a draft (status "draft": never listed, never reminded) until the
organiser confirms or drops it. Only the organiser or an admin moves or cancels a meeting;
minutes are for the organiser, the attendees and admins, once the meeting has started.
Times are stored in UTC.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import func
from sqlmodel import Session, select

from commands.customer_lookup import match_customers
from commands.customers import find_customer
from commands.errors import DomainError, Forbidden, FormProblems, InvalidInput, NotFound
from commands.home import refresh_home
from commands.meeting_text import (
    BookMeeting,
    check_duration,
    is_slack_user_id,
    parse_duration,
    read_when,
)
from commands.people import Actor
from commands.records import audit, notify
from storage.models import Customer, Meeting, MeetingAttendee, Member, as_utc, fold, utcnow

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
OnClash = Literal["refuse", "hold", "book"]


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
    status: str
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
    place, agenda), so a form can show each next to its field; reads as the first one."""


class MeetingClash(DomainError):
    """Attendees already have a meeting then; nothing was booked or moved."""

    def __init__(self, clashes: list[Clash]):
        super().__init__("meeting.error.clash", count=len(clashes))
        self.clashes = clashes


# -- booking -------------------------------------------------------------------------------


def request_from_text(
    session: Session, actor: Actor, line: BookMeeting, now: datetime | None = None
) -> MeetingRequest:
    """A one-line booking read in the actor's zone, with names and the customer looked up."""
    problems: dict[str, DomainError] = {}
    starts_at = _collect(problems, "when", lambda: read_when(line.when, actor.timezone, _now(now)))
    people = _collect(problems, "attendees", lambda: _people(session, line.people))
    customer_id = _collect(problems, "customer", lambda: _customer_named(session, actor, line))
    if problems:
        raise MeetingProblems(problems)
    return MeetingRequest(
        title=line.title,
        starts_at=starts_at,
        duration=line.duration_minutes,
        attendees=people,
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
    checked = _check(session, actor, request, _now(now))
    clashes = find_clashes(session, checked.attendees, checked.starts_at, checked.ends_at)
    if clashes and on_clash == "refuse":
        raise MeetingClash(clashes)
    held = bool(clashes) and on_clash == "hold"
    meeting = Meeting(
        organiser_id=actor.member_id,
        title=checked.title,
        customer_id=checked.customer_id,
        starts_at=checked.starts_at,
        ends_at=checked.ends_at,
        place=checked.place,
        agenda=checked.agenda,
        status="draft" if held else "scheduled",
    )
    session.add(meeting)
    session.flush()
    session.add_all(
        MeetingAttendee(meeting_id=meeting.id, slack_user_id=slack_id)
        for slack_id in checked.attendees
    )
    session.flush()
    if held:
        return Held(_card(session, meeting), clashes)
    return Booked(_announce_booking(session, actor, meeting, _now(now)), clashes)


def confirm_held(
    session: Session, actor: Actor, meeting_id: int, now: datetime | None = None
) -> Booked:
    """ "Book anyway" on a held one-line booking: booked once, a second click changes nothing."""
    meeting = _held(session, actor, meeting_id)
    moment = _now(now)
    if as_utc(meeting.starts_at) < moment - START_GRACE:
        raise InvalidInput("meeting.error.held_in_past", title=meeting.title)
    meeting.status = "scheduled"
    meeting.updated_at = moment
    attendees = _attendee_ids(session, meeting.id)
    clashes = find_clashes(
        session, attendees, as_utc(meeting.starts_at), as_utc(meeting.ends_at), meeting.id
    )
    return Booked(_announce_booking(session, actor, meeting, moment), clashes)


def drop_held(session: Session, actor: Actor, meeting_id: int) -> str:
    """ "Don't book" on a held one-line booking; returns its title."""
    meeting = _held(session, actor, meeting_id)
    meeting.status = "dropped"
    return meeting.title


def _announce_booking(
    session: Session, actor: Actor, meeting: Meeting, moment: datetime
) -> MeetingCard:
    card = _card(session, meeting)
    audit(session, actor.slack_user_id, "meeting", str(meeting.id), "book", None, _state(card))
    for person in card.attendees:
        notify(
            session,
            key=f"meeting:{meeting.id}:invited:{person.slack_user_id}",
            channel=person.slack_user_id,
            kind="meeting_invited",
            for_organiser=person.slack_user_id == card.organiser.slack_user_id,
            **_params(card),
            agenda=card.agenda,
            attendees=[p.name or p.slack_user_id for p in card.attendees],
        )
    _refresh_homes(session, card, f"meeting:{meeting.id}:booked")
    return card


def _held(session: Session, actor: Actor, meeting_id: int) -> Meeting:
    meeting = _locked(session, meeting_id)
    if meeting is None or meeting.organiser_id != actor.member_id:
        raise NotFound("meeting.error.not_found", id=meeting_id)
    if meeting.status == "scheduled":
        raise InvalidInput("meeting.error.already_booked", id=meeting.id, title=meeting.title)
    if meeting.status != "draft":
        raise InvalidInput("meeting.error.already_dropped", title=meeting.title)
    return meeting


# -- reading -------------------------------------------------------------------------------


def upcoming_meetings(
    session: Session, actor: Actor, now: datetime | None = None, limit: int = LIST_LIMIT
) -> MeetingPage:
    """The actor's scheduled meetings that have not ended yet, soonest first."""
    query = (
        select(Meeting)
        .join(MeetingAttendee, MeetingAttendee.meeting_id == Meeting.id)
        .where(
            MeetingAttendee.slack_user_id == actor.slack_user_id,
            Meeting.status == "scheduled",
            Meeting.ends_at > _now(now),
        )
    )
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    meetings = session.exec(query.order_by(Meeting.starts_at, Meeting.id).limit(limit)).all()
    return MeetingPage([_card(session, meeting) for meeting in meetings], total)


def meeting_to_change(session: Session, actor: Actor, meeting_id: int) -> MeetingCard:
    """The meeting as the move form shows it, if the actor may change it."""
    return _card(session, _changeable(session, actor, meeting_id, lock=False))


def meeting_for_minutes(
    session: Session, actor: Actor, meeting_id: int, now: datetime | None = None
) -> MeetingCard:
    """The meeting as the minutes form shows it, if the actor may write its minutes now."""
    return _card(session, _minutes_allowed(session, actor, meeting_id, _now(now), lock=False))


def find_clashes(
    session: Session,
    slack_user_ids: tuple[str, ...] | list[str],
    starts_at: datetime,
    ends_at: datetime,
    excluding: int | None = None,
) -> list[Clash]:
    """Other scheduled meetings of these people that overlap [starts_at, ends_at)."""
    query = (
        select(Meeting, MeetingAttendee.slack_user_id)
        .join(MeetingAttendee, MeetingAttendee.meeting_id == Meeting.id)
        .where(
            MeetingAttendee.slack_user_id.in_(list(slack_user_ids)),
            Meeting.status == "scheduled",
            Meeting.starts_at < as_utc(ends_at),
            Meeting.ends_at > as_utc(starts_at),
        )
        .order_by(Meeting.starts_at, Meeting.id)
    )
    if excluding is not None:
        query = query.where(Meeting.id != excluding)
    rows = session.exec(query).all()
    names = _names(session, [slack_id for _, slack_id in rows])
    order = {slack_id: i for i, slack_id in enumerate(slack_user_ids)}
    clashes = [
        Clash(
            Person(slack_id, names.get(slack_id)),
            meeting.id,
            meeting.title,
            as_utc(meeting.starts_at),
            as_utc(meeting.ends_at),
        )
        for meeting, slack_id in rows
    ]
    return sorted(clashes, key=lambda clash: order.get(clash.person.slack_user_id, 0))


# -- changing ------------------------------------------------------------------------------


def move_meeting(
    session: Session,
    actor: Actor,
    meeting_id: int,
    starts_at: datetime | None,
    duration: int | str | None = None,
    *,
    anyway: bool = False,
    now: datetime | None = None,
) -> Moved:
    """A new start (and length, else the same); clashes are refused unless `anyway`."""
    moment = _now(now)
    meeting = _changeable(session, actor, meeting_id, lock=True)
    before_start, before_end = as_utc(meeting.starts_at), as_utc(meeting.ends_at)
    length = int((before_end - before_start).total_seconds() // 60)
    problems: dict[str, DomainError] = {}
    start = _collect(problems, "when", lambda: _future_start(starts_at, moment))
    minutes = _collect(problems, "duration", lambda: _duration(duration, length))
    if problems:
        raise MeetingProblems(problems)
    end = start + timedelta(minutes=minutes)
    if (start, end) == (before_start, before_end):
        raise InvalidInput("meeting.error.same_time", id=meeting.id)
    attendees = _attendee_ids(session, meeting.id)
    clashes = find_clashes(session, attendees, start, end, meeting.id)
    if clashes and not anyway:
        raise MeetingClash(clashes)
    meeting.starts_at, meeting.ends_at, meeting.updated_at = start, end, moment
    card = _card(session, meeting)
    audit(
        session,
        actor.slack_user_id,
        "meeting",
        str(meeting.id),
        "move",
        {"starts_at": before_start.isoformat(), "ends_at": before_end.isoformat()},
        {"starts_at": start.isoformat(), "ends_at": end.isoformat()},
    )
    stamp = _stamp(moment)
    for slack_id in _others(card, actor):
        notify(
            session,
            key=f"meeting:{meeting.id}:moved:{stamp}:{slack_id}",
            channel=slack_id,
            kind="meeting_moved",
            **_params(card),
            from_starts_at=before_start.isoformat(),
            from_ends_at=before_end.isoformat(),
            by=actor.name,
        )
    _refresh_homes(session, card, f"meeting:{meeting.id}:moved:{stamp}")
    return Moved(card, before_start, before_end, clashes)


def cancel_meeting(
    session: Session,
    actor: Actor,
    meeting_id: int,
    reason: str | None = None,
    now: datetime | None = None,
) -> Cancelled:
    moment = _now(now)
    reason = (reason or "").strip() or None
    if reason and len(reason) > MAX_REASON:
        raise InvalidInput("meeting.error.reason_too_long", limit=MAX_REASON)
    meeting = _changeable(session, actor, meeting_id, lock=True)
    if as_utc(meeting.ends_at) <= moment:
        raise InvalidInput("meeting.error.cancel_over", id=meeting.id, title=meeting.title)
    meeting.status, meeting.updated_at = "cancelled", moment
    card = _card(session, meeting)
    audit(
        session,
        actor.slack_user_id,
        "meeting",
        str(meeting.id),
        "cancel",
        {"status": "scheduled"},
        {"status": "cancelled", "reason": reason},
    )
    for slack_id in _others(card, actor):
        notify(
            session,
            key=f"meeting:{meeting.id}:cancelled:{slack_id}",
            channel=slack_id,
            kind="meeting_cancelled",
            **_params(card),
            by=actor.name,
            reason=reason,
        )
    _refresh_homes(session, card, f"meeting:{meeting.id}:cancelled")
    return Cancelled(card, reason)


def record_minutes(
    session: Session,
    actor: Actor,
    meeting_id: int,
    text: str,
    *,
    append: bool = False,
    now: datetime | None = None,
) -> MinutesSaved:
    """Write the minutes (the form edits them whole; the one-line form adds a paragraph)."""
    moment = _now(now)
    text = (text or "").strip()
    if not text:
        raise MeetingProblems({"minutes": InvalidInput("meeting.error.empty_minutes")})
    meeting = _minutes_allowed(session, actor, meeting_id, moment, lock=True)
    before = meeting.minutes
    after = f"{before}\n\n{text}" if append and before else text
    if len(after) > MAX_MINUTES:
        key = (
            "meeting.error.minutes_full" if append and before else "meeting.error.minutes_too_long"
        )
        raise MeetingProblems({"minutes": InvalidInput(key, limit=MAX_MINUTES)})
    if after == before:
        raise InvalidInput("meeting.error.minutes_unchanged", id=meeting.id)
    meeting.minutes, meeting.updated_at = after, moment
    card = _card(session, meeting)
    audit(
        session,
        actor.slack_user_id,
        "meeting",
        str(meeting.id),
        "minutes",
        {"minutes": before},
        {"minutes": after},
    )
    stamp = _stamp(moment)
    for slack_id in _others(card, actor):
        notify(
            session,
            key=f"meeting:{meeting.id}:minutes:{stamp}:{slack_id}",
            channel=slack_id,
            kind="meeting_minutes",
            **_params(card),
            minutes=after,
            by=actor.name,
        )
    return MinutesSaved(card)


def _changeable(session: Session, actor: Actor, meeting_id: int, lock: bool) -> Meeting:
    meeting = _visible(session, actor, meeting_id, lock)
    if meeting.organiser_id != actor.member_id and not actor.is_admin:
        organiser = session.get(Member, meeting.organiser_id)
        raise Forbidden("meeting.error.organiser_only", id=meeting.id, organiser=organiser.name)
    if meeting.status == "cancelled":
        raise InvalidInput("meeting.error.is_cancelled", id=meeting.id, title=meeting.title)
    return meeting


def _minutes_allowed(
    session: Session, actor: Actor, meeting_id: int, moment: datetime, lock: bool
) -> Meeting:
    meeting = _visible(session, actor, meeting_id, lock)
    if meeting.status == "cancelled":
        raise InvalidInput("meeting.error.is_cancelled", id=meeting.id, title=meeting.title)
    if as_utc(meeting.starts_at) > moment:
        raise InvalidInput("meeting.error.minutes_too_early", id=meeting.id, title=meeting.title)
    return meeting


def _visible(session: Session, actor: Actor, meeting_id: int, lock: bool) -> Meeting:
    """A scheduled or cancelled meeting the actor attends (admins: any); else NotFound."""
    meeting = _locked(session, meeting_id) if lock else session.get(Meeting, meeting_id)
    if meeting is None or meeting.status not in ("scheduled", "cancelled"):
        raise NotFound("meeting.error.not_found", id=meeting_id)
    attends = actor.slack_user_id in _attendee_ids(session, meeting.id)
    if not (attends or meeting.organiser_id == actor.member_id or actor.is_admin):
        raise NotFound("meeting.error.not_found", id=meeting_id)
    return meeting


def _locked(session: Session, meeting_id: int) -> Meeting | None:
    if not 0 < meeting_id < 2**31:
        return None
    query = select(Meeting).where(Meeting.id == meeting_id).with_for_update()
    return session.exec(query).first()


# -- checking ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Checked:
    title: str
    starts_at: datetime
    ends_at: datetime
    attendees: tuple[str, ...]  # the organiser first
    customer_id: int | None
    place: str | None
    agenda: str | None


def _check(session: Session, actor: Actor, request: MeetingRequest, now: datetime) -> _Checked:
    problems: dict[str, DomainError] = {}
    title = _collect(problems, "title", lambda: _text(request.title, MAX_TITLE, "title", True))
    _collect(problems, "customer", lambda: _customer(session, actor, request.customer_id))
    starts_at = _collect(problems, "when", lambda: _future_start(request.starts_at, now))
    minutes = _collect(problems, "duration", lambda: _duration(request.duration, DEFAULT_MINUTES))
    attendees = _collect(problems, "attendees", lambda: _attendees(actor, request.attendees))
    place = _collect(problems, "place", lambda: _text(request.place, MAX_PLACE, "place"))
    agenda = _collect(problems, "agenda", lambda: _text(request.agenda, MAX_AGENDA, "agenda"))
    if problems:
        raise MeetingProblems(problems)
    return _Checked(
        title,
        starts_at,
        starts_at + timedelta(minutes=minutes),
        attendees,
        request.customer_id,
        place,
        agenda,
    )


def _collect(problems: dict[str, DomainError], name: str, read):
    try:
        return read()
    except MeetingProblems as error:
        problems.update(error.problems)
    except DomainError as error:
        problems[name] = error
    return None


def _text(value: str | None, limit: int, name: str, required: bool = False) -> str | None:
    value = (value or "").strip()
    if required and not value:
        raise InvalidInput(f"meeting.error.needs_{name}")
    if len(value) > limit:
        raise InvalidInput(f"meeting.error.{name}_too_long", limit=limit)
    return value or None


def _duration(value: int | str | None, default: int) -> int:
    if isinstance(value, str):
        return parse_duration(value) if value.strip() else default
    return check_duration(default if value is None else value)


def _future_start(starts_at: datetime | None, now: datetime) -> datetime:
    if starts_at is None:
        raise InvalidInput("meeting.error.needs_when_field")
    start = as_utc(starts_at).replace(second=0, microsecond=0)
    if start < now - START_GRACE:
        raise InvalidInput("meeting.error.in_the_past")
    return start


def _customer(session: Session, actor: Actor, customer_id: int | None) -> None:
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


def _people(session: Session, people) -> tuple[str, ...]:
    """Mentioned ids as they are; each `@name` must name exactly one member."""
    found = list(people.ids)
    if not people.names:
        return tuple(found)
    members = session.exec(
        select(Member.slack_user_id, Member.name).where(Member.active.is_(True))
    ).all()
    for name in people.names:
        wanted = fold(name)
        exact = [m for m in members if wanted in (fold(m.name), fold(m.slack_user_id))]
        matches = exact or [m for m in members if wanted in fold(m.name).split()]
        if not matches:
            raise InvalidInput("meeting.error.unknown_person", name=name[:60])
        if len(matches) > 1:
            names = ", ".join(sorted(m.name for m in matches)[:5])
            raise InvalidInput("meeting.error.ambiguous_person", name=name[:60], names=names)
        found.append(matches[0].slack_user_id)
    return tuple(dict.fromkeys(found))


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


# -- shared --------------------------------------------------------------------------------


def _card(session: Session, meeting: Meeting) -> MeetingCard:
    attendees = _attendee_ids(session, meeting.id)
    organiser = session.get(Member, meeting.organiser_id)
    names = _names(session, [*attendees, organiser.slack_user_id])
    customer = session.get(Customer, meeting.customer_id) if meeting.customer_id else None
    return MeetingCard(
        id=meeting.id,
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


def _attendee_ids(session: Session, meeting_id: int) -> tuple[str, ...]:
    rows = session.exec(
        select(MeetingAttendee.slack_user_id)
        .where(MeetingAttendee.meeting_id == meeting_id)
        .order_by(MeetingAttendee.id)
    ).all()
    return tuple(rows)


def _names(session: Session, slack_ids: list[str]) -> dict[str, str]:
    if not slack_ids:
        return {}
    rows = session.exec(
        select(Member.slack_user_id, Member.name).where(
            Member.slack_user_id.in_(sorted(set(slack_ids)))
        )
    ).all()
    return dict(rows)


def _params(card: MeetingCard) -> dict:
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


def _state(card: MeetingCard) -> dict:
    return {
        "title": card.title,
        "starts_at": card.starts_at.isoformat(),
        "ends_at": card.ends_at.isoformat(),
        "customer": card.customer,
        "attendees": [p.slack_user_id for p in card.attendees],
        "place": card.place,
        "agenda": card.agenda,
    }


def _others(card: MeetingCard, actor: Actor) -> list[str]:
    """Everyone on the meeting but whoever made the change (they see the reply)."""
    return [p.slack_user_id for p in card.attendees if p.slack_user_id != actor.slack_user_id]


def _refresh_homes(session: Session, card: MeetingCard, reason: str) -> None:
    for person in card.attendees:
        if person.name is not None:
            refresh_home(session, person.slack_user_id, reason)


def _now(now: datetime | None) -> datetime:
    return as_utc(now or utcnow())


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S%f")
