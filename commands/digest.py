"""What a team's morning stand-up and each rep's brief contain, gathered in a fixed number of
queries per team however many orders, visits or reps it has."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from commands.leads.standup import PipelineDay, pipeline_day
from commands.orders.lifecycle import NOT_YET_SHIPPED
from commands.receivables import OverdueInvoice, overdue_invoices
from commands.targets.progress import team_month_targets
from commands.team_settings import settings_of
from storage.models import (
    Customer,
    Meeting,
    MeetingAttendee,
    Member,
    SalesOrder,
    SampleRequest,
    Team,
    Visit,
    stored_id,
)
from storage.statuses import MeetingStatus, OrderStatus, Role, SampleStatus

LATE_STATUSES = (*NOT_YET_SHIPPED, OrderStatus.on_hold)


@dataclass
class OrderLine:
    number: str
    customer: str
    rep: str
    status: str
    promised_ship_on: str | None


@dataclass
class MeetingLine:
    id: int
    title: str
    starts_at: str
    customer: str | None


@dataclass
class RepBrief:
    slack_user_id: str
    late_orders: list[OrderLine] = field(default_factory=list)
    follow_ups: list[dict] = field(default_factory=list)
    meetings: list[MeetingLine] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.late_orders or self.follow_ups or self.meetings)


@dataclass
class TeamDigest:
    team: str
    day: str
    new_orders: list[OrderLine]
    shipped: list[OrderLine]
    delivered: list[OrderLine]
    late: list[OrderLine]
    on_hold: list[OrderLine]
    visits_per_rep: dict[str, int]
    samples_to_approve: int
    samples_to_ship: int
    meetings_today: list[MeetingLine]
    briefs: list[RepBrief]
    overdue_invoices: list[OverdueInvoice] = field(default_factory=list)
    # Month-to-date attainment and pace per metric with a team target (attainment_record).
    targets: list[dict] = field(default_factory=list)
    targets_currency: str = ""
    # New and waiting leads, missed first-contact deadlines, stalled opportunities.
    pipeline: PipelineDay = field(default_factory=PipelineDay)

    def is_all_clear(self) -> bool:
        lists = (self.new_orders, self.shipped, self.delivered, self.late, self.on_hold)
        return (
            not any(lists)
            and not self.visits_per_rep
            and not self.meetings_today
            and not (self.samples_to_approve or self.samples_to_ship)
            and not self.overdue_invoices
            and self.pipeline.is_empty()
        )


def local_day_bounds(day: date, timezone: str) -> tuple[datetime, datetime]:
    zone = ZoneInfo(timezone)
    start = datetime.combine(day, time(0), zone)
    return start, datetime.combine(day + timedelta(days=1), time(0), zone)


def team_digest(session: Session, team: Team, day: date, timezone: str) -> TeamDigest:
    """The stand-up for `day` (the team's local date): yesterday's movements, today's agenda."""
    yesterday = day - timedelta(days=1)
    members = session.exec(select(Member).where(Member.team_id == team.id)).all()
    member_ids = [stored_id(m) for m in members]
    names = {stored_id(m): m.name for m in members}
    orders = _orders_touching(session, member_ids, yesterday, day)
    visits = _visits_per_rep(session, member_ids, *local_day_bounds(yesterday, timezone))
    meetings = _meetings(session, members, *local_day_bounds(day, timezone))
    reps = [m for m in members if m.role == Role.rep and m.active]
    targets = team_month_targets(session, team, day, settings_of(team, timezone))
    return TeamDigest(
        team=team.name,
        day=day.isoformat(),
        new_orders=[_line(o, c, names) for o, c in orders if o.ordered_on == yesterday],
        shipped=[_line(o, c, names) for o, c in orders if o.shipped_on == yesterday],
        delivered=[_line(o, c, names) for o, c in orders if o.delivered_on == yesterday],
        late=[_line(o, c, names) for o, c in orders if _late(o, day)],
        on_hold=[_line(o, c, names) for o, c in orders if o.status == OrderStatus.on_hold],
        visits_per_rep={names[rep_id]: n for rep_id, n in visits.items()},
        samples_to_approve=_samples(session, member_ids, SampleStatus.requested),
        samples_to_ship=_samples(session, member_ids, SampleStatus.approved),
        meetings_today=[line for line, _ in meetings],
        briefs=_briefs(session, reps, orders, meetings, day, names),
        overdue_invoices=overdue_invoices(session, member_ids, day),
        targets=list(targets.records),
        targets_currency=targets.currency,
        pipeline=pipeline_day(session, team, *local_day_bounds(yesterday, timezone)),
    )


def _late(order: SalesOrder, day: date) -> bool:
    return (
        order.status in LATE_STATUSES
        and order.shipped_on is None
        and order.promised_ship_on is not None
        and order.promised_ship_on < day
    )


def _orders_touching(session, member_ids, yesterday: date, day: date):
    """Orders of the team's reps that moved yesterday, are late, or are on hold."""
    query = (
        select(SalesOrder, Customer.name)
        .join(Customer, col(SalesOrder.customer_id) == col(Customer.id))
        .where(col(SalesOrder.rep_id).in_(member_ids))
        .where(
            or_(
                col(SalesOrder.ordered_on) == yesterday,
                col(SalesOrder.shipped_on) == yesterday,
                col(SalesOrder.delivered_on) == yesterday,
                col(SalesOrder.status) == OrderStatus.on_hold,
                col(SalesOrder.status).in_(LATE_STATUSES)
                & (col(SalesOrder.promised_ship_on) < day),
            )
        )
        .order_by(col(SalesOrder.promised_ship_on), col(SalesOrder.number))
    )
    return session.exec(query).all()


def _visits_per_rep(session, member_ids, start: datetime, end: datetime) -> Counter:
    rows = session.exec(
        select(col(Visit.rep_id), func.count())
        .where(col(Visit.rep_id).in_(member_ids), col(Visit.at) >= start, col(Visit.at) < end)
        .group_by(col(Visit.rep_id))
    ).all()
    return Counter(dict(rows))


def _samples(session, member_ids, status: SampleStatus) -> int:
    return session.exec(
        select(func.count())
        .select_from(SampleRequest)
        .where(col(SampleRequest.rep_id).in_(member_ids), col(SampleRequest.status) == status)
    ).one()


def _meetings(session, members, start: datetime, end: datetime):
    """Today's scheduled meetings any team member attends, with who attends them."""
    slack_ids = {m.slack_user_id: m for m in members}
    rows = session.exec(
        select(Meeting, MeetingAttendee.slack_user_id, Customer.name)
        .join(MeetingAttendee, col(MeetingAttendee.meeting_id) == col(Meeting.id))
        .join(Customer, col(Meeting.customer_id) == col(Customer.id), isouter=True)
        .where(
            col(MeetingAttendee.slack_user_id).in_(slack_ids),
            col(Meeting.status) == MeetingStatus.scheduled,
            col(Meeting.starts_at) >= start,
            col(Meeting.starts_at) < end,
        )
        .order_by(col(Meeting.starts_at))
    ).all()
    attendees: dict[int, set[str]] = defaultdict(set)
    lines: dict[int, MeetingLine] = {}
    for meeting, slack_id, customer in rows:
        attendees[meeting.id].add(slack_id)
        lines[meeting.id] = MeetingLine(
            meeting.id, meeting.title, meeting.starts_at.isoformat(), customer
        )
    return [(lines[i], attendees[i]) for i in lines]


def _briefs(session, reps, orders, meetings, day: date, names) -> list[RepBrief]:
    briefs = {rep.id: RepBrief(rep.slack_user_id) for rep in reps}
    for order, customer in orders:
        if order.rep_id in briefs and _late(order, day):
            briefs[order.rep_id].late_orders.append(_line(order, customer, names))
    for rep in reps:
        briefs[rep.id].meetings = [line for line, who in meetings if rep.slack_user_id in who]
    follow_ups = session.exec(
        select(Visit, Customer.name)
        .join(Customer, col(Visit.customer_id) == col(Customer.id))
        .where(
            col(Visit.rep_id).in_(list(briefs)),
            col(Visit.follow_up_done).is_(False),
            col(Visit.next_step_due).is_not(None),
            col(Visit.next_step_due) <= day,
        )
        .order_by(col(Visit.next_step_due))
    ).all()
    for visit, customer in follow_ups:
        briefs[visit.rep_id].follow_ups.append(
            {"customer": customer, "step": visit.next_step, "due": visit.next_step_due.isoformat()}
        )
    return list(briefs.values())


def _line(order: SalesOrder, customer: str, names: dict[int, str]) -> OrderLine:
    promised = order.promised_ship_on.isoformat() if order.promised_ship_on else None
    return OrderLine(order.number, customer, names.get(order.rep_id, ""), order.status, promised)
