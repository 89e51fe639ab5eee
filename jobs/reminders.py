"""Reminders: meetings shortly before they start, follow-ups on their due day, samples whose
needed-by date is close. Each is sent once: its outbox key names the item and the occasion."""

from datetime import datetime, timedelta

from sqlmodel import Session, select

from commands.team_settings import TeamSettings
from jobs import contracts
from jobs.receivables import due_reminders
from jobs.recipients import queue_new, team_members, working_days
from storage.models import Customer, Meeting, MeetingAttendee, Member, SampleRequest, Team, Visit


def queue(session: Session, teams: list[tuple[Team, TeamSettings]], at: datetime) -> int:
    planned: list[dict] = []
    for team, settings in teams:
        members = team_members(session, team)
        planned += _meetings(session, members, settings, at)
        planned += _follow_ups(session, members, settings, at)
        planned += _samples(session, members, settings, at)
        planned += contracts.expiry_reminders(session, team, members, settings, at)
        planned += due_reminders(session, team, members, settings, at)
    return queue_new(session, planned)


def _meetings(session, members: list[Member], settings: TeamSettings, at: datetime) -> list[dict]:
    """Each attendee who is on this team, `meeting_reminder_minutes` before the start."""
    window = timedelta(minutes=settings.meeting_reminder_minutes)
    slack_ids = [m.slack_user_id for m in members]
    rows = session.exec(
        select(Meeting, MeetingAttendee.slack_user_id, Customer.name)
        .join(MeetingAttendee, MeetingAttendee.meeting_id == Meeting.id)
        .join(Customer, Meeting.customer_id == Customer.id, isouter=True)
        .where(
            MeetingAttendee.slack_user_id.in_(slack_ids),
            Meeting.status == "scheduled",
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


def _follow_ups(session, members, settings: TeamSettings, at: datetime) -> list[dict]:
    """Follow-ups due on each rep's own day, from the team's digest time on the rep's clock."""
    days = working_days(members, settings, at)
    if not days:
        return []
    reps = {m.id: m.slack_user_id for m in members}
    rows = session.exec(
        select(Visit, Customer.name)
        .join(Customer, Visit.customer_id == Customer.id)
        .where(
            Visit.rep_id.in_(list(days)),
            Visit.follow_up_done.is_(False),
            Visit.next_step_due.in_(set(days.values())),
        )
    ).all()
    return [
        {
            "key": f"follow-up:{visit.id}:{visit.next_step_due}",
            "channel": reps[visit.rep_id],
            "kind": "follow_up_due",
            "customer": customer,
            "step": visit.next_step,
            "due": visit.next_step_due.isoformat(),
        }
        for visit, customer in rows
        if visit.next_step_due == days[visit.rep_id]
    ]


def _samples(session, members, settings: TeamSettings, at: datetime) -> list[dict]:
    """Samples not shipped yet whose needed-by date is close on their rep's calendar: the rep,
    and the desk once approved (the desk ships them), from the team's digest time on the rep's
    clock."""
    days = working_days(members, settings, at)
    if not days:
        return []
    soon = timedelta(days=settings.sample_needed_soon_days)
    reps = {m.id: m.slack_user_id for m in members}
    desk = [m.slack_user_id for m in members if m.role == "desk"]
    rows = session.exec(
        select(SampleRequest, Customer.name)
        .join(Customer, SampleRequest.customer_id == Customer.id)
        .where(
            SampleRequest.rep_id.in_(list(days)),
            SampleRequest.status.in_(("requested", "approved")),
            SampleRequest.needed_by.is_not(None),
            SampleRequest.needed_by <= max(days.values()) + soon,
        )
    ).all()
    planned = []
    for sample, customer in rows:
        if sample.needed_by > days[sample.rep_id] + soon:
            continue
        readers = [reps[sample.rep_id]] + (desk if sample.status == "approved" else [])
        for reader in readers:
            planned.append(
                {
                    "key": f"sample-needed-soon:{sample.id}:{sample.needed_by}:{reader}",
                    "channel": reader,
                    "kind": "sample_needed_soon",
                    "sample_id": sample.id,
                    "customer": customer,
                    "product": sample.product,
                    "status": sample.status,
                    "needed_by": sample.needed_by.isoformat(),
                }
            )
    return planned
