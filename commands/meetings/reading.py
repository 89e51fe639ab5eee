"""Reading meetings: someone's upcoming ones, one to change or to write the minutes of, and who
is busy when."""

from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from commands.meetings.access import changeable, minutes_allowed
from commands.meetings.cards import (
    LIST_LIMIT,
    Clash,
    MeetingCard,
    MeetingPage,
    Person,
    card_of,
    names_of,
    saved_id,
)
from commands.meetings.rules import current
from commands.people import Actor
from storage.models import Meeting, MeetingAttendee, as_utc
from storage.statuses import MeetingStatus


def upcoming_meetings(
    session: Session, actor: Actor, now: datetime | None = None, limit: int = LIST_LIMIT
) -> MeetingPage:
    """The actor's scheduled meetings that have not ended yet, soonest first."""
    query = (
        select(Meeting)
        .join(MeetingAttendee, col(MeetingAttendee.meeting_id) == col(Meeting.id))
        .where(
            MeetingAttendee.slack_user_id == actor.slack_user_id,
            Meeting.status == MeetingStatus.scheduled,
            Meeting.ends_at > current(now),
        )
    )
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    ordered = query.order_by(col(Meeting.starts_at), col(Meeting.id)).limit(limit)
    meetings = session.exec(ordered).all()
    return MeetingPage([card_of(session, meeting) for meeting in meetings], total)


def meeting_to_change(session: Session, actor: Actor, meeting_id: int) -> MeetingCard:
    """The meeting as the move form shows it, if the actor may change it."""
    return card_of(session, changeable(session, actor, meeting_id, lock=False))


def meeting_for_minutes(
    session: Session, actor: Actor, meeting_id: int, now: datetime | None = None
) -> MeetingCard:
    """The meeting as the minutes form shows it, if the actor may write its minutes now."""
    meeting = minutes_allowed(session, actor, meeting_id, current(now), lock=False)
    return card_of(session, meeting)


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
        .join(MeetingAttendee, col(MeetingAttendee.meeting_id) == col(Meeting.id))
        .where(
            col(MeetingAttendee.slack_user_id).in_(list(slack_user_ids)),
            Meeting.status == MeetingStatus.scheduled,
            Meeting.starts_at < as_utc(ends_at),
            Meeting.ends_at > as_utc(starts_at),
        )
        .order_by(col(Meeting.starts_at), col(Meeting.id))
    )
    if excluding is not None:
        query = query.where(Meeting.id != excluding)
    rows = session.exec(query).all()
    names = names_of(session, [slack_id for _, slack_id in rows])
    order = {slack_id: i for i, slack_id in enumerate(slack_user_ids)}
    clashes = [
        Clash(
            Person(slack_id, names.get(slack_id)),
            saved_id(meeting),
            meeting.title,
            as_utc(meeting.starts_at),
            as_utc(meeting.ends_at),
        )
        for meeting, slack_id in rows
    ]
    return sorted(clashes, key=lambda clash: order.get(clash.person.slack_user_id, 0))
