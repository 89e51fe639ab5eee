"""Changing a booked meeting: moving it, cancelling it, writing its minutes. Each change is
audited and told to everyone on the meeting but whoever made it."""

from datetime import datetime, timedelta

from sqlmodel import Session

from commands.errors import DomainError, InvalidInput
from commands.meetings.access import changeable, minutes_allowed
from commands.meetings.cards import (
    MAX_MINUTES,
    MAX_REASON,
    Cancelled,
    MeetingClash,
    MeetingProblems,
    MinutesSaved,
    Moved,
    attendee_ids,
    card_of,
    saved_id,
)
from commands.meetings.news import notice_params, others, refresh_homes, stamp
from commands.meetings.reading import find_clashes
from commands.meetings.rules import collect, current, future_start, length
from commands.people import Actor
from commands.records import audit, notify
from storage.models import as_utc
from storage.statuses import MeetingStatus


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
    moment = current(now)
    meeting = changeable(session, actor, meeting_id, lock=True)
    before_start, before_end = as_utc(meeting.starts_at), as_utc(meeting.ends_at)
    was = int((before_end - before_start).total_seconds() // 60)
    problems: dict[str, DomainError] = {}
    start = collect(problems, "when", lambda: future_start(starts_at, moment))
    minutes = collect(problems, "duration", lambda: length(duration, was))
    if problems or start is None or minutes is None:
        raise MeetingProblems(problems)
    end = start + timedelta(minutes=minutes)
    if (start, end) == (before_start, before_end):
        raise InvalidInput("meeting.error.same_time", id=meeting.id)
    attendees = attendee_ids(session, saved_id(meeting))
    clashes = find_clashes(session, attendees, start, end, meeting.id)
    if clashes and not anyway:
        raise MeetingClash(clashes)
    meeting.starts_at, meeting.ends_at, meeting.updated_at = start, end, moment
    card = card_of(session, meeting)
    audit(
        session,
        actor.slack_user_id,
        "meeting",
        str(card.id),
        "move",
        {"starts_at": before_start.isoformat(), "ends_at": before_end.isoformat()},
        {"starts_at": start.isoformat(), "ends_at": end.isoformat()},
    )
    when = stamp(moment)
    for slack_id in others(card, actor):
        notify(
            session,
            key=f"meeting:{card.id}:moved:{when}:{slack_id}",
            channel=slack_id,
            kind="meeting_moved",
            **notice_params(card),
            from_starts_at=before_start.isoformat(),
            from_ends_at=before_end.isoformat(),
            by=actor.name,
        )
    refresh_homes(session, card, f"meeting:{card.id}:moved:{when}")
    return Moved(card, before_start, before_end, clashes)


def cancel_meeting(
    session: Session,
    actor: Actor,
    meeting_id: int,
    reason: str | None = None,
    now: datetime | None = None,
) -> Cancelled:
    moment = current(now)
    reason = (reason or "").strip() or None
    if reason and len(reason) > MAX_REASON:
        raise InvalidInput("meeting.error.reason_too_long", limit=MAX_REASON)
    meeting = changeable(session, actor, meeting_id, lock=True)
    if as_utc(meeting.ends_at) <= moment:
        raise InvalidInput("meeting.error.cancel_over", id=meeting.id, title=meeting.title)
    meeting.status, meeting.updated_at = MeetingStatus.cancelled, moment
    card = card_of(session, meeting)
    audit(
        session,
        actor.slack_user_id,
        "meeting",
        str(card.id),
        "cancel",
        {"status": MeetingStatus.scheduled},
        {"status": MeetingStatus.cancelled, "reason": reason},
    )
    for slack_id in others(card, actor):
        notify(
            session,
            key=f"meeting:{card.id}:cancelled:{slack_id}",
            channel=slack_id,
            kind="meeting_cancelled",
            **notice_params(card),
            by=actor.name,
            reason=reason,
        )
    refresh_homes(session, card, f"meeting:{card.id}:cancelled")
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
    moment = current(now)
    text = (text or "").strip()
    if not text:
        raise MeetingProblems({"minutes": InvalidInput("meeting.error.empty_minutes")})
    meeting = minutes_allowed(session, actor, meeting_id, moment, lock=True)
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
    card = card_of(session, meeting)
    audit(
        session,
        actor.slack_user_id,
        "meeting",
        str(card.id),
        "minutes",
        {"minutes": before},
        {"minutes": after},
    )
    when = stamp(moment)
    for slack_id in others(card, actor):
        notify(
            session,
            key=f"meeting:{card.id}:minutes:{when}:{slack_id}",
            channel=slack_id,
            kind="meeting_minutes",
            **notice_params(card),
            minutes=after,
            by=actor.name,
        )
    return MinutesSaved(card)
