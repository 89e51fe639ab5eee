"""Meeting reminders, planned for one team: each attendee who is on the team hears
`meeting_reminder_minutes` before a scheduled meeting starts, once (the outbox key names the
meeting, the attendee and the start, so a moved meeting is reminded again)."""

from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from commands.team_settings import TeamSettings
from storage.models import Customer, Meeting, MeetingAttendee, Member
from storage.statuses import MeetingStatus


def upcoming_reminders(
    session: Session, members: list[Member], settings: TeamSettings, at: datetime
) -> list[dict]:
    window = timedelta(minutes=settings.meeting_reminder_minutes)
    slack_ids = [m.slack_user_id for m in members]
    rows = session.exec(
        select(Meeting, MeetingAttendee.slack_user_id, Customer.name)
        .join(MeetingAttendee, col(MeetingAttendee.meeting_id) == col(Meeting.id))
        .join(Customer, col(Meeting.customer_id) == col(Customer.id), isouter=True)
        .where(
            col(MeetingAttendee.slack_user_id).in_(slack_ids),
            Meeting.status == MeetingStatus.scheduled,
            Meeting.starts_at > at,
            Meeting.starts_at <= at + window,
        )
    ).all()
    return [
        {
            "key": f"meeting-reminder:{meeting.id}:{who}:{meeting.starts_at:%Y%m%dT%H%M}",
            "channel": who,
            "kind": "meeting_reminder",
            "title": meeting.title,
            "starts_at": meeting.starts_at.isoformat(),
            "place": meeting.place,
            "customer": customer,
        }
        for meeting, who, customer in rows
    ]
