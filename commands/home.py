"""What a member's App Home shows, by role, and how it is kept fresh.

A rep sees their late orders, follow-ups due, today's meetings, samples under way, their open
leads with the first-contact clock, and their open opportunities with this month's weighted
forecast; a manager
the samples waiting for their approval and the team's late orders and overdue follow-ups; the
desk the team's late orders and the samples to ship; an admin a summary of everything. Everyone
sees their meetings today.

After a change that concerns a member, `refresh_home` queues a "home_refresh" notification; the
outbox delivers it by publishing that member's home again, built from the data as it is then.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_
from sqlmodel import Session, col, select

from commands.orders import OrderPage, list_orders, today_for
from commands.people import Actor, Reader, actor_for, find_member
from commands.pipeline.report import pipeline_report
from commands.targets.progress import MonthTargets, own_month_targets
from storage.models import (
    Customer,
    Lead,
    Meeting,
    MeetingAttendee,
    Member,
    SampleRequest,
    Team,
    Visit,
    as_utc,
    stored_id,
    utcnow,
)
from storage.statuses import LeadStatus, MeetingStatus, Role, SampleStatus

HOME_LIMIT = 5
LEAD_LIMIT = 10  # one block each on the Home, with its Contacted button
OPEN_LEADS = (LeadStatus.assigned, LeadStatus.contacted, LeadStatus.qualified)
SAMPLES_UNDER_WAY = (SampleStatus.requested, SampleStatus.approved, SampleStatus.shipped)


@dataclass(frozen=True)
class Listing:
    items: list
    total: int


@dataclass(frozen=True)
class MeetingLine:
    id: int
    title: str
    starts_at: datetime
    ends_at: datetime
    customer: str | None
    place: str | None


@dataclass(frozen=True)
class FollowUpLine:
    visit_id: int
    customer: str
    step: str | None
    due: date
    rep: str


@dataclass(frozen=True)
class SampleLine:
    id: int
    product: str
    customer: str
    status: str
    rep: str
    needed_by: date | None


@dataclass(frozen=True)
class LeadLine:
    id: int
    company: str
    status: str
    contactable: bool  # assigned, not yet contacted
    due_at: datetime | None  # when its first contact is due, if the clock runs
    overdue: bool = False


@dataclass(frozen=True)
class DealsSummary:
    """A rep's open opportunities and their weighted forecast for the month, in the team's
    reporting currency (amounts without a rate left out, `missing_rates` says so)."""

    open_count: int
    open_amount: Decimal
    month: str
    forecast: Decimal
    currency: str
    missing_rates: bool


@dataclass(frozen=True)
class Summary:
    late_orders: int
    overdue_follow_ups: int
    samples_to_approve: int
    samples_to_ship: int
    meetings_today: int


@dataclass(frozen=True)
class Dashboard:
    name: str
    role: str
    locale: str
    timezone: str
    today: date
    meetings_today: Listing
    late_orders: OrderPage | None = None
    follow_ups: Listing | None = None  # rep: due today or before; manager: overdue
    samples: Listing | None = None  # rep: their samples under way
    approvals: Listing | None = None  # manager
    samples_to_ship: Listing | None = None  # desk
    summary: Summary | None = None  # admin
    targets: MonthTargets | None = None  # one's own targets this month, with pace
    leads: Listing | None = None  # rep: their open leads, newest first
    deals: DealsSummary | None = None  # rep in a team: their open opportunities


def member_dashboard(
    session: Session,
    slack_user_id: str,
    defaults: Reader,
    admins: frozenset[str] = frozenset(),
    now: datetime | None = None,
) -> Dashboard | None:
    """The dashboard of a member by Slack id (None for people who are not members)."""
    found = find_member(session, slack_user_id)
    if found is None:
        return None
    actor = actor_for(
        *found,
        admins=admins,
        default_locale=defaults.locale,
        default_timezone=defaults.timezone,
    )
    return dashboard(session, actor, now)


def dashboard(session: Session, actor: Actor, now: datetime | None = None) -> Dashboard:
    now = now or utcnow()
    today = today_for(actor, now)
    board = Dashboard(
        name=actor.name,
        role=actor.role,
        locale=actor.locale,
        timezone=actor.timezone,
        today=today,
        meetings_today=_meetings_today(session, actor, today),
        targets=own_month_targets(session, actor, today, actor.timezone),
    )
    if actor.role == Role.rep:
        return _with(
            board,
            late_orders=list_orders(session, actor, "late", now=now),
            follow_ups=_follow_ups(session, _reps_own(actor), today, include_today=True),
            samples=_samples(session, SampleRequest.rep_id == actor.member_id, SAMPLES_UNDER_WAY),
            leads=_open_leads(session, actor, now),
            deals=_own_deals(session, actor, now),
        )
    if actor.role == Role.manager:
        return _with(
            board,
            approvals=_samples(session, _managed_by(actor), (SampleStatus.requested,)),
            late_orders=list_orders(session, actor, "late", now=now),
            follow_ups=_follow_ups(session, _team(actor), today, include_today=False),
        )
    if actor.role == Role.desk:
        return _with(
            board,
            late_orders=list_orders(session, actor, "late", now=now),
            samples_to_ship=_samples(session, _team(actor), (SampleStatus.approved,)),
        )
    return _with(board, summary=_summary(session, actor, now, today))


def _with(board: Dashboard, **sections) -> Dashboard:
    return Dashboard(**{**board.__dict__, **sections})


def _meetings_today(session: Session, actor: Actor, today: date) -> Listing:
    start, end = _day_bounds(today, actor.timezone)
    query = (
        select(Meeting, Customer.name)
        .join(MeetingAttendee, col(MeetingAttendee.meeting_id) == col(Meeting.id))
        .join(Customer, col(Meeting.customer_id) == col(Customer.id), isouter=True)
        .where(
            MeetingAttendee.slack_user_id == actor.slack_user_id,
            Meeting.status == MeetingStatus.scheduled,
            Meeting.starts_at >= start,
            Meeting.starts_at < end,
        )
    )
    total = _count(session, query)
    rows = session.exec(
        query.order_by(col(Meeting.starts_at), col(Meeting.id)).limit(HOME_LIMIT)
    ).all()
    lines = [
        MeetingLine(
            stored_id(m), m.title, as_utc(m.starts_at), as_utc(m.ends_at), customer, m.place
        )
        for m, customer in rows
    ]
    return Listing(lines, total)


def _follow_ups(session: Session, whose, today: date, include_today: bool) -> Listing:
    next_step_due = col(Visit.next_step_due)
    due = next_step_due <= today if include_today else next_step_due < today
    query = (
        select(Visit, Customer.name, Member.name)
        .join(Customer, col(Visit.customer_id) == col(Customer.id))
        .join(Member, col(Visit.rep_id) == col(Member.id))
        .where(whose, col(Visit.follow_up_done).is_(False), next_step_due.is_not(None), due)
    )
    total = _count(session, query)
    rows = session.exec(query.order_by(next_step_due, col(Visit.id)).limit(HOME_LIMIT)).all()
    lines = [_follow_up_line(visit, customer, rep) for visit, customer, rep in rows]
    return Listing(lines, total)


def _follow_up_line(visit: Visit, customer: str, rep: str) -> FollowUpLine:
    due = visit.next_step_due
    assert due is not None  # the query keeps only follow-ups with a due day
    return FollowUpLine(stored_id(visit), customer, visit.next_step, due, rep)


def _samples(session: Session, whose, statuses: tuple[SampleStatus, ...]) -> Listing:
    query = (
        select(SampleRequest, Customer.name, Member.name)
        .join(Customer, col(SampleRequest.customer_id) == col(Customer.id))
        .join(Member, col(SampleRequest.rep_id) == col(Member.id))
        .join(Team, col(Member.team_id) == col(Team.id), isouter=True)
        .where(whose, col(SampleRequest.status).in_(statuses))
    )
    total = _count(session, query)
    order = (col(SampleRequest.needed_by).asc().nulls_last(), col(SampleRequest.id))
    rows = session.exec(query.order_by(*order).limit(HOME_LIMIT)).all()
    lines = [
        SampleLine(stored_id(s), s.product, customer, s.status, rep, s.needed_by)
        for s, customer, rep in rows
    ]
    return Listing(lines, total)


def _open_leads(session: Session, actor: Actor, now: datetime) -> Listing:
    query = select(Lead).where(
        col(Lead.owner_id) == actor.member_id, col(Lead.status).in_(OPEN_LEADS)
    )
    total = _count(session, query)
    newest = (col(Lead.created_at).desc(), col(Lead.id).desc())
    rows = session.exec(query.order_by(*newest).limit(LEAD_LIMIT)).all()
    return Listing([_lead_line(lead, now) for lead in rows], total)


def _lead_line(lead: Lead, now: datetime) -> LeadLine:
    waiting = lead.status == LeadStatus.assigned and lead.first_contact_at is None
    due = as_utc(lead.sla_due_at) if waiting and lead.sla_due_at else None
    overdue = due is not None and due <= now
    return LeadLine(stored_id(lead), lead.company, lead.status, waiting, due, overdue)


def _own_deals(session: Session, actor: Actor, now: datetime) -> DealsSummary | None:
    """The rep's part of the funnel (`/pipeline` as they would see it)."""
    report = pipeline_report(session, actor, None, now)
    if not report.teams:
        return None
    funnel = report.teams[0]
    stages = funnel.stages.values()
    return DealsSummary(
        open_count=sum(figures.count for figures in stages),
        open_amount=sum((figures.amount for figures in stages), Decimal(0)),
        month=report.month.key,
        forecast=funnel.forecast.month,
        currency=funnel.currency,
        missing_rates=bool(funnel.missing),
    )


def _summary(session: Session, actor: Actor, now: datetime, today: date) -> Summary:
    start, end = _day_bounds(today, actor.timezone)

    def count(model, *conditions) -> int:
        return session.exec(select(func.count()).select_from(model).where(*conditions)).one()

    return Summary(
        late_orders=list_orders(session, actor, "late", now=now).total,
        overdue_follow_ups=count(
            Visit,
            col(Visit.follow_up_done).is_(False),
            col(Visit.next_step_due).is_not(None),
            col(Visit.next_step_due) < today,
        ),
        samples_to_approve=count(SampleRequest, SampleRequest.status == SampleStatus.requested),
        samples_to_ship=count(SampleRequest, SampleRequest.status == SampleStatus.approved),
        meetings_today=count(
            Meeting,
            Meeting.status == MeetingStatus.scheduled,
            Meeting.starts_at >= start,
            Meeting.starts_at < end,
        ),
    )


def _reps_own(actor: Actor):
    """Visits a rep logged, or of the rep's own customers."""
    return or_(col(Visit.rep_id) == actor.member_id, col(Customer.owner_id) == actor.member_id)


def _team(actor: Actor):
    return Member.team_id == actor.team_id


def _managed_by(actor: Actor):
    """Requests of reps whose manager is the actor (or, lacking one, whose team's is)."""
    return or_(
        col(Member.manager_slack_id) == actor.slack_user_id,
        and_(
            col(Member.manager_slack_id).is_(None),
            col(Team.manager_slack_id) == actor.slack_user_id,
        ),
    )


def _count(session: Session, query) -> int:
    return session.exec(select(func.count()).select_from(query.subquery())).one()


def _day_bounds(day: date, timezone: str) -> tuple[datetime, datetime]:
    zone = ZoneInfo(timezone)
    start = datetime.combine(day, time(0), zone).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), zone).astimezone(UTC)
    return start, end
