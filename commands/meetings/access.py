"""Who may do what with a meeting: only its attendees (and admins) see it, only the organiser
(or an admin) moves or cancels it, and minutes are written once it has started. A meeting
someone may not see reads as not found."""

from datetime import datetime

from sqlmodel import Session, select

from commands.errors import Forbidden, InvalidInput, NotFound
from commands.meetings.cards import attendee_ids, saved_id
from commands.people import Actor
from storage.models import Meeting, Member, as_utc
from storage.statuses import MeetingStatus


def changeable(session: Session, actor: Actor, meeting_id: int, lock: bool) -> Meeting:
    meeting = visible(session, actor, meeting_id, lock)
    if meeting.organiser_id != actor.member_id and not actor.is_admin:
        organiser = session.get_one(Member, meeting.organiser_id)
        raise Forbidden("meeting.error.organiser_only", id=meeting.id, organiser=organiser.name)
    if meeting.status == MeetingStatus.cancelled:
        raise InvalidInput("meeting.error.is_cancelled", id=meeting.id, title=meeting.title)
    return meeting


def minutes_allowed(
    session: Session, actor: Actor, meeting_id: int, moment: datetime, lock: bool
) -> Meeting:
    meeting = visible(session, actor, meeting_id, lock)
    if meeting.status == MeetingStatus.cancelled:
        raise InvalidInput("meeting.error.is_cancelled", id=meeting.id, title=meeting.title)
    if as_utc(meeting.starts_at) > moment:
        raise InvalidInput("meeting.error.minutes_too_early", id=meeting.id, title=meeting.title)
    return meeting


def visible(session: Session, actor: Actor, meeting_id: int, lock: bool) -> Meeting:
    """A scheduled or cancelled meeting the actor attends (admins: any); else NotFound."""
    meeting = locked(session, meeting_id) if lock else session.get(Meeting, meeting_id)
    if meeting is None or meeting.status not in (MeetingStatus.scheduled, MeetingStatus.cancelled):
        raise NotFound("meeting.error.not_found", id=meeting_id)
    attends = actor.slack_user_id in attendee_ids(session, saved_id(meeting))
    if not (attends or meeting.organiser_id == actor.member_id or actor.is_admin):
        raise NotFound("meeting.error.not_found", id=meeting_id)
    return meeting


def locked(session: Session, meeting_id: int) -> Meeting | None:
    if not 0 < meeting_id < 2**31:
        return None
    query = select(Meeting).where(Meeting.id == meeting_id).with_for_update()
    return session.exec(query).first()
