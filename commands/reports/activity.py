"""The activity report (活动): the visits and contacts reps logged, how well the key accounts
were kept in touch with, and the samples asked for and whether they turned into orders.

- Visits: each visit or contact logged in the period (its moment on the scope's clock), by
  rep and channel (visit, call, wechat, email, meeting), how many were effective and the
  share; the customers contacted. Every rep of the scope has a row, none visited or not.
- Coverage, over the customers the scope's members own, by tier, as the period closes:
  an A or B customer is covered when its last contact (by anyone) came within its team's
  cadence (`cadence_a_days`, `cadence_b_days`) before the close — the customers the
  cadence reminder would flag at that moment are the uncovered ones; tier C has no cadence
  setting, so a C customer is covered when it was contacted at all in the period. Tier D
  and customers with no tier are not counted.
- Samples requested in the period, by their rep: one turned into an order when the same
  customer ordered (any rep, not cancelled) on the request's day or within SAMPLE_WINDOW_DAYS
  after it; the conversion is over the requests not rejected. Orders after the period's
  close count while the window is open, so a recent period's conversion may still rise.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import Session, col, select

from commands.reports.collections import rate
from commands.reports.model import (
    COUNT,
    DATE,
    DAYS,
    LABEL,
    PERCENT,
    Cell,
    Chart,
    Column,
    Figure,
    Report,
    ReportPeriod,
    Table,
)
from commands.reports.scope import ReportScope
from commands.reports.span import moments
from commands.team_settings import TeamSettings, settings_of
from commands.visits.drafts import CHANNELS
from storage.models import Customer, Member, SalesOrder, SampleRequest, Team, Visit, as_utc
from storage.statuses import OrderStatus, Role, SampleStatus

SAMPLE_WINDOW_DAYS = 90
TIERS = ("A", "B", "C")
KEY_TIERS = ("A", "B")
OFF_CADENCE_LISTED = 20


# Visits


@dataclass
class RepVisits:
    name: str
    channels: Counter[str] = field(default_factory=Counter)
    effective: int = 0

    @property
    def total(self) -> int:
        return sum(self.channels.values())


@dataclass
class Visits:
    reps: dict[int, RepVisits]
    customers: int  # contacted at least once

    @property
    def total(self) -> int:
        return sum(r.total for r in self.reps.values())

    @property
    def effective(self) -> int:
        return sum(r.effective for r in self.reps.values())

    @property
    def effective_rate(self) -> Decimal | None:
        return rate(Decimal(self.effective), Decimal(self.total))


def _visits(session: Session, scope: ReportScope, period: ReportPeriod) -> Visits:
    since, until = moments(period, scope.timezone)
    in_period = (
        col(Visit.at) >= since,
        col(Visit.at) < until,
        scope.members(Visit.rep_id),
    )
    query = (
        select(col(Member.id), col(Member.name), col(Visit.channel), col(Visit.effective))
        .add_columns(func.count())
        .join(Member, col(Member.id) == col(Visit.rep_id))
        .where(*in_period)
        .group_by(col(Member.id), col(Member.name), col(Visit.channel), col(Visit.effective))
    )
    reps: dict[int, RepVisits] = {}
    for rep_id, name, channel, effective, count in session.execute(query):
        tally = reps.setdefault(rep_id, RepVisits(name))
        tally.channels[channel] += count
        tally.effective += count if effective else 0
    customers = select(func.count(func.distinct(col(Visit.customer_id)))).where(*in_period)
    return Visits(reps, session.exec(customers).one())


def _with_idle_reps(session: Session, scope: ReportScope, visits: Visits) -> dict[int, RepVisits]:
    """The scope's reps who logged nothing are rows too (a rep's own report: just them)."""
    reps = dict(visits.reps)
    query = select(col(Member.id), col(Member.name)).where(
        col(Member.role) == Role.rep, scope.members(Member.id)
    )
    for rep_id, name in session.exec(query):
        if rep_id is not None:
            reps.setdefault(rep_id, RepVisits(name))
    return reps


def _visits_table(session: Session, scope: ReportScope, visits: Visits) -> Table:
    reps = _with_idle_reps(session, scope, visits)
    ordered = sorted(reps.values(), key=lambda r: (-r.total, -r.effective, r.name))
    rows: list[list[Cell]] = [
        [
            rep.name,
            rep.total,
            *(rep.channels[c] for c in CHANNELS),
            rep.effective,
            rate(Decimal(rep.effective), Decimal(rep.total)),
        ]
        for rep in ordered
    ]
    channels = Counter[str]()
    for rep in reps.values():
        channels.update(rep.channels)
    total: list[Cell] = [
        None,
        visits.total,
        *(channels[c] for c in CHANNELS),
        visits.effective,
        visits.effective_rate,
    ]
    columns = [
        Column("rep"),
        Column("visits", COUNT),
        *(Column(f"channel_{c}", COUNT) for c in CHANNELS),
        Column("effective", COUNT),
        Column("effective_rate", PERCENT),
    ]
    chart = Chart("bar", "rep", ("visits", "effective"))
    return Table("visits_by_rep", columns, rows, total=total, chart=chart, summary_rows=10)


# Coverage


@dataclass(frozen=True)
class Cover:
    name: str
    tier: str
    owner: str
    cadence: int | None  # days; None for tier C
    last: datetime | None  # the last contact before the close
    covered: bool


def _coverage(session: Session, scope: ReportScope, period: ReportPeriod) -> list[Cover]:
    since, until = moments(period, scope.timezone)
    owned = select(col(Customer.id)).where(scope.members(Customer.owner_id))
    last_contact = (
        select(col(Visit.customer_id), func.max(col(Visit.at)).label("last"))
        .where(col(Visit.at) < until, col(Visit.customer_id).in_(owned))
        .group_by(col(Visit.customer_id))
        .subquery()
    )
    query = (
        select(col(Customer.name), col(Customer.tier), col(Member.name), col(Member.team_id))
        .add_columns(last_contact.c.last)
        .join(Member, col(Member.id) == col(Customer.owner_id))
        .join(last_contact, last_contact.c.customer_id == col(Customer.id), isouter=True)
        .where(col(Customer.tier).in_(TIERS), scope.members(Customer.owner_id))
    )
    rows = session.execute(query).all()
    cadences = _cadences(session, {row[3] for row in rows})
    covers = []
    for name, tier, owner, team_id, last in rows:
        last = as_utc(last) if last is not None else None
        cadence = cadences.get(team_id, _default_cadence())[tier] if tier in KEY_TIERS else None
        start = until - timedelta(days=cadence) if cadence is not None else since
        covered = last is not None and last >= start
        covers.append(Cover(name, tier, owner, cadence, last, covered))
    return covers


def _default_cadence() -> dict[str, int]:
    """An owner with no team: the settings' defaults."""
    return {"A": TeamSettings.cadence_a_days, "B": TeamSettings.cadence_b_days}


def _cadences(session: Session, team_ids: set[int | None]) -> dict[int | None, dict[str, int]]:
    wanted = [team_id for team_id in team_ids if team_id is not None]
    teams = session.exec(select(Team).where(col(Team.id).in_(wanted))).all() if wanted else []
    found: dict[int | None, dict[str, int]] = {}
    for team in teams:
        settings = settings_of(team)
        found[team.id] = {"A": settings.cadence_a_days, "B": settings.cadence_b_days}
    return found


def _key_coverage(covers: list[Cover]) -> Decimal | None:
    key = [c for c in covers if c.tier in KEY_TIERS]
    return rate(Decimal(sum(1 for c in key if c.covered)), Decimal(len(key)))


def _coverage_table(covers: list[Cover]) -> Table:
    rows: list[list[Cell]] = []
    for tier in TIERS:
        of_tier = [c for c in covers if c.tier == tier]
        cadences = {c.cadence for c in of_tier}
        cadence = cadences.pop() if len(cadences) == 1 else None  # teams may differ
        covered = sum(1 for c in of_tier if c.covered)
        rows.append([tier, cadence, len(of_tier), covered, _rate(covered, len(of_tier))])
    covered = sum(1 for c in covers if c.covered)
    columns = [
        Column("tier"),
        Column("cadence_days", DAYS),
        Column("customers", COUNT),
        Column("covered", COUNT),
        Column("coverage", PERCENT),
    ]
    total: list[Cell] = [None, None, len(covers), covered, _rate(covered, len(covers))]
    chart = Chart("bar", "tier", ("customers", "covered"))
    return Table("coverage", columns, rows, total=total, chart=chart)


def _off_cadence_table(covers: list[Cover], close: datetime, timezone: str) -> Table:
    """The key accounts not covered, the longest without contact first (never contacted
    before all), at most OFF_CADENCE_LISTED of them."""
    zone = ZoneInfo(timezone)
    missed = [c for c in covers if c.tier in KEY_TIERS and not c.covered]
    missed.sort(key=lambda c: (c.last is not None, c.last or close, c.tier, c.name))
    rows: list[list[Cell]] = [
        [
            c.name,
            c.tier,
            c.owner,
            c.cadence,
            c.last.astimezone(zone).date() if c.last else None,
            (close - c.last).days if c.last else None,
        ]
        for c in missed[:OFF_CADENCE_LISTED]
    ]
    columns = [
        Column("customer"),
        Column("tier"),
        Column("owner"),
        Column("cadence_days", DAYS),
        Column("last_contact", DATE),
        Column("days_without_contact", DAYS),
    ]
    return Table("off_cadence", columns, rows)


# Samples


@dataclass(frozen=True)
class SampleLine:
    rep_id: int
    rep: str
    customer: str
    product: str
    requested_on: date
    status: str
    first_order_on: date | None

    @property
    def rejected(self) -> bool:
        return self.status == SampleStatus.rejected.value

    @property
    def converted(self) -> bool:
        return self.first_order_on is not None and not self.rejected


@dataclass
class Samples:
    lines: list[SampleLine]

    @property
    def requested(self) -> int:
        return len(self.lines)

    @property
    def converted(self) -> int:
        return sum(1 for s in self.lines if s.converted)

    @property
    def conversion(self) -> Decimal | None:
        kept = sum(1 for s in self.lines if not s.rejected)
        return rate(Decimal(self.converted), Decimal(kept))


def _samples(session: Session, scope: ReportScope, period: ReportPeriod) -> Samples:
    since, until = moments(period, scope.timezone)
    zone = ZoneInfo(scope.timezone)
    query = (
        select(SampleRequest, col(Member.name), col(Customer.name))
        .join(Member, col(Member.id) == col(SampleRequest.rep_id))
        .join(Customer, col(Customer.id) == col(SampleRequest.customer_id))
        .where(
            col(SampleRequest.created_at) >= since,
            col(SampleRequest.created_at) < until,
            scope.members(SampleRequest.rep_id),
        )
        .order_by(col(SampleRequest.created_at), col(SampleRequest.id))
    )
    found = [
        (sample, rep, customer, as_utc(sample.created_at).astimezone(zone).date())
        for sample, rep, customer in session.exec(query)
    ]
    orders = _order_days(session, {s.customer_id for s, *_ in found}, period)
    lines = [
        SampleLine(
            sample.rep_id,
            rep,
            customer,
            sample.product,
            day,
            str(sample.status),
            None if rejected else _first_order(orders.get(sample.customer_id, []), day),
        )
        for sample, rep, customer, day in found
        for rejected in [sample.status == SampleStatus.rejected]
    ]
    return Samples(lines)


def _order_days(
    session: Session, customer_ids: set[int], period: ReportPeriod
) -> dict[int, list[date]]:
    """The days each customer ordered on, from the period's start (a day early: a request's
    day on the scope's clock may be the day before in another) to the last window's end."""
    if not customer_ids:
        return {}
    query = (
        select(col(SalesOrder.customer_id), col(SalesOrder.ordered_on))
        .where(
            col(SalesOrder.customer_id).in_(customer_ids),
            col(SalesOrder.status) != OrderStatus.cancelled,
            col(SalesOrder.ordered_on) >= period.start - timedelta(days=1),
            col(SalesOrder.ordered_on) <= period.end + timedelta(days=SAMPLE_WINDOW_DAYS),
        )
        .distinct()
    )
    days: dict[int, list[date]] = defaultdict(list)
    for customer_id, ordered_on in session.exec(query):
        if ordered_on is not None:
            days[customer_id].append(ordered_on)
    return days


def _first_order(days: list[date], requested_on: date) -> date | None:
    last = requested_on + timedelta(days=SAMPLE_WINDOW_DAYS)
    return min((d for d in days if requested_on <= d <= last), default=None)


def _samples_by_rep_table(samples: Samples) -> Table:
    reps: dict[int, list[SampleLine]] = defaultdict(list)
    for line in samples.lines:
        reps[line.rep_id].append(line)
    rows: list[list[Cell]] = []
    for lines in sorted(reps.values(), key=lambda ls: (-len(ls), ls[0].rep)):
        of_rep = Samples(lines)
        rejected = sum(1 for s in lines if s.rejected)
        rows.append([lines[0].rep, len(lines), rejected, of_rep.converted, of_rep.conversion])
    rejected = sum(1 for s in samples.lines if s.rejected)
    total: list[Cell] = [
        None,
        samples.requested,
        rejected,
        samples.converted,
        samples.conversion,
    ]
    columns = [
        Column("rep"),
        Column("samples_requested", COUNT),
        Column("rejected", COUNT),
        Column("converted", COUNT),
        Column("sample_conversion", PERCENT),
    ]
    chart = Chart("bar", "rep", ("samples_requested", "converted"))
    return Table("samples_by_rep", columns, rows, total=total if rows else None, chart=chart)


def _samples_table(samples: Samples) -> Table:
    rows: list[list[Cell]] = [
        [
            s.requested_on,
            s.customer,
            s.product,
            s.rep,
            f"sample.status.{s.status}",
            s.first_order_on,
            (s.first_order_on - s.requested_on).days if s.converted and s.first_order_on else None,
        ]
        for s in samples.lines
    ]
    columns = [
        Column("requested_on", DATE),
        Column("customer"),
        Column("product"),
        Column("rep"),
        Column("sample_status", LABEL),
        Column("first_order_on", DATE),
        Column("days_to_order", DAYS),
    ]
    return Table("samples", columns, rows)


# The report


def activity_report(session: Session, scope: ReportScope, period: ReportPeriod) -> Report:
    compared = [period, period.previous(), period.same_last_year()]
    visits = [_visits(session, scope, p) for p in compared]
    covers = [_coverage(session, scope, p) for p in compared]
    samples = [_samples(session, scope, p) for p in compared]
    report = Report("activity", period, scope.label)
    report.figures = [
        _compared("visits", COUNT, [v.total for v in visits]),
        _compared("effective_visits", COUNT, [v.effective for v in visits]),
        _compared("effective_rate", PERCENT, [v.effective_rate for v in visits]),
        _compared("customers_contacted", COUNT, [v.customers for v in visits]),
        _compared("key_coverage", PERCENT, [_key_coverage(c) for c in covers]),
        _compared("samples_requested", COUNT, [s.requested for s in samples]),
        _compared("samples_converted", COUNT, [s.converted for s in samples]),
        _compared("sample_conversion", PERCENT, [s.conversion for s in samples]),
    ]
    close = moments(period, scope.timezone)[1]
    report.tables = [
        _visits_table(session, scope, visits[0]),
        _coverage_table(covers[0]),
        _off_cadence_table(covers[0], close, scope.timezone),
        _samples_by_rep_table(samples[0]),
        _samples_table(samples[0]),
    ]
    if not visits[0].total and not samples[0].requested:
        report.notes.append(("report.note.no_activity", {}))
    report.notes.append(("report.note.activity_rules", {"window": SAMPLE_WINDOW_DAYS}))
    return report


def _compared(key: str, kind: str, values: list) -> Figure:
    return Figure(key, kind, values[0], values[1], values[2])


def _rate(part: int, whole: int) -> Decimal | None:
    return rate(Decimal(part), Decimal(whole))
