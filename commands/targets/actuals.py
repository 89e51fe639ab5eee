"""What a team and each of its members actually reached in a period, per metric.

Every figure is read by aggregate queries grouped by (rep, currency, month): a constant number
of queries per call, whatever the number of reps. Money is converted into the team's reporting
currency at the rate of the amount's own month (`exchange_rate`); a missing rate is never
guessed: the amount is left out and the (month, currency) named, so the figure shows as
incomplete.

- order_amount: orders by `ordered_on`, not cancelled, credited to the order's rep.
- shipped_amount: orders by `shipped_on`, not cancelled.
- collections: payments by `paid_on`, in the invoice's currency, credited to the rep of the
  invoice's order, else the customer's owner.
- new_customers: customers whose first non-cancelled order falls in the period, credited to the
  rep of that order.
- effective_visits: effective visits whose moment falls in the period on the team's clock.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, func, literal, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from commands.targets.periods import MONTH, Period
from commands.team_settings import TeamSettings
from storage.models import (
    Customer,
    ExchangeRate,
    Invoice,
    Member,
    Payment,
    SalesOrder,
    Team,
    Visit,
    stored_id,
)
from storage.statuses import Metric, OrderStatus

CENT = Decimal("0.01")
# Confirmed but not yet shipped: what a projection of shipments may count on.
DUE_TO_SHIP = (OrderStatus.confirmed, OrderStatus.in_production, OrderStatus.ready_to_ship)


@dataclass(frozen=True)
class UsedRate:
    month: str
    currency: str
    to_currency: str
    rate: Decimal


@dataclass(frozen=True)
class MissingRate:
    month: str
    currency: str
    to_currency: str


@dataclass(frozen=True)
class Actual:
    value: Decimal  # in the reporting currency (money) or a count
    used: tuple[UsedRate, ...] = ()
    missing: tuple[MissingRate, ...] = ()

    @property
    def complete(self) -> bool:
        return not self.missing


NOTHING = Actual(Decimal(0))


@dataclass(frozen=True)
class _Row:
    """One group of an aggregate query: a member's amount in one currency and month (counts
    have no currency)."""

    member_id: int
    currency: str | None
    month: str
    amount: Decimal


def actuals_by_member(
    session: Session,
    team: Team,
    metric: Metric,
    period: Period,
    settings: TeamSettings,
    through: date | None = None,
) -> dict[int, Actual]:
    """member id -> Actual, for every member of the team with any activity in the period (up
    to `through` when given: the figure as it stood that day)."""
    rows = _rows(session, team, metric, period, settings, through=through)
    rates = _rates(session, rows, settings.reporting_currency)
    by_member: dict[int, list[_Row]] = defaultdict(list)
    for row in rows:
        by_member[row.member_id].append(row)
    return {
        member_id: _actual(member_rows, rates, settings.reporting_currency)
        for member_id, member_rows in by_member.items()
    }


def actuals_by_team(
    session: Session,
    teams: Sequence[tuple[Team, TeamSettings]],
    metric: Metric,
    period: Period,
    through: date | None = None,
) -> dict[int, dict[int, Actual]]:
    """team id -> (member id -> Actual), for many teams at once: the queries of
    `actuals_by_member` over the members of them all (for visits, one set per time zone among
    the teams: they count on each team's clock), so their number does not grow with the teams."""
    by_zone: dict[str, list[tuple[Team, TeamSettings]]] = defaultdict(list)
    on_team_clock = metric == Metric.effective_visits  # only visits are moments, not days
    for team, settings in teams:
        by_zone[settings.timezone if on_team_clock else ""].append((team, settings))
    found: dict[int, dict[int, Actual]] = {}
    for same_zone in by_zone.values():
        found.update(_actuals_of_teams(session, same_zone, metric, period, through))
    return found


def _actuals_of_teams(
    session: Session,
    teams: Sequence[tuple[Team, TeamSettings]],
    metric: Metric,
    period: Period,
    through: date | None,
) -> dict[int, dict[int, Actual]]:
    team_ids = [stored_id(team) for team, _ in teams]
    members = select(col(Member.id)).where(col(Member.team_id).in_(team_ids))
    last = min(through, period.end) if through else period.end
    queries = _MANY_TEAMS_QUERIES.get(metric, _QUERIES[metric])
    rows = _read(session, queries, members, period, teams[0][1], last)
    rows_by_team = _by_team(session, rows, team_ids)
    found = {}
    for team, settings in teams:
        currency = settings.reporting_currency
        team_rows = rows_by_team[stored_id(team)]
        rates = _rates(session, team_rows, currency)
        by_member: dict[int, list[_Row]] = defaultdict(list)
        for row in team_rows:
            by_member[row.member_id].append(row)
        found[stored_id(team)] = {
            member_id: _actual(member_rows, rates, currency)
            for member_id, member_rows in by_member.items()
        }
    return found


def _by_team(session: Session, rows: list[_Row], team_ids: list[int]) -> dict[int, list[_Row]]:
    """The rows of each team, by its members' team: one query."""
    team_of: dict[int, int] = {}
    for member_id, team_id in session.exec(
        select(col(Member.id), col(Member.team_id)).where(col(Member.team_id).in_(team_ids))
    ):
        if member_id is not None and team_id is not None:
            team_of[member_id] = team_id
    grouped: dict[int, list[_Row]] = defaultdict(list)
    for row in rows:
        grouped[team_of[row.member_id]].append(row)
    return grouped


def team_actual(
    session: Session,
    team: Team,
    metric: Metric,
    period: Period,
    settings: TeamSettings,
    through: date | None = None,
) -> Actual:
    """The whole team's figure: every member's activity, converted group by group."""
    rows = _rows(session, team, metric, period, settings, through=through)
    return _actual(
        rows, _rates(session, rows, settings.reporting_currency), settings.reporting_currency
    )


def monthly_actuals(
    session: Session,
    team: Team,
    metric: Metric,
    year: int,
    settings: TeamSettings,
    member_id: int | None = None,
) -> dict[str, Actual]:
    """ "2026-01".."2026-12" -> the team's (or one member's) Actual in that month."""
    rows = _rows(session, team, metric, Period(year), settings, member_id)
    rates = _rates(session, rows, settings.reporting_currency)
    by_month: dict[str, list[_Row]] = defaultdict(list)
    for row in rows:
        by_month[row.month].append(row)
    return {
        month.key: _actual(by_month[month.key], rates, settings.reporting_currency)
        for month in Period(year).months()
    }


def due_to_ship_by_member(
    session: Session, team: Team, period: Period, today: date, settings: TeamSettings
) -> dict[int, Actual]:
    """member id -> confirmed orders not yet shipped that are promised to ship by the period's
    end, converted at the rate of the month they are to ship in (today's, for one already
    late): what a projection of shipped_amount counts on. One query."""
    ship_month = case(
        (col(SalesOrder.promised_ship_on) < today.replace(day=1), literal(_month_key(today))),
        else_=_month_case(col(SalesOrder.promised_ship_on), _months_until(today, period.end)),
    )
    query = (
        select(
            col(SalesOrder.rep_id),
            col(SalesOrder.currency),
            ship_month,
            func.sum(col(SalesOrder.amount)),
        )
        .where(
            col(SalesOrder.rep_id).in_(_team_members(team)),
            col(SalesOrder.status).in_(DUE_TO_SHIP),
            col(SalesOrder.shipped_on).is_(None),
            col(SalesOrder.promised_ship_on) <= period.end,
        )
        .group_by(col(SalesOrder.rep_id), col(SalesOrder.currency), ship_month)
    )
    rows = [
        _Row(rep, currency, month, amount) for rep, currency, month, amount in session.exec(query)
    ]
    rates = _rates(session, rows, settings.reporting_currency)
    by_member: dict[int, list[_Row]] = defaultdict(list)
    for row in rows:
        by_member[row.member_id].append(row)
    return {
        member_id: _actual(member_rows, rates, settings.reporting_currency)
        for member_id, member_rows in by_member.items()
    }


def combine(actuals: Iterable[Actual]) -> Actual:
    """Several Actuals as one: values added, rates used and missing each named once."""
    parts = list(actuals)
    return Actual(
        sum((part.value for part in parts), Decimal(0)),
        tuple(sorted({rate for part in parts for rate in part.used}, key=_rate_order)),
        tuple(sorted({rate for part in parts for rate in part.missing}, key=_rate_order)),
    )


def _rate_order(rate: UsedRate | MissingRate) -> tuple[str, str]:
    return rate.month, rate.currency


def _team_members(team: Team) -> Any:
    """The ids of the team's members, as a subquery: someone who left still counts for what
    they did while on the team."""
    return select(col(Member.id)).where(col(Member.team_id) == team.id)


def _rows(
    session: Session,
    team: Team,
    metric: Metric,
    period: Period,
    settings: TeamSettings,
    member_id: int | None = None,
    through: date | None = None,
) -> list[_Row]:
    """The groups of the period's activity, up to `through` (a day) when given."""
    last = min(through, period.end) if through else period.end
    members = _team_members(team)
    if member_id is not None:
        members = members.where(col(Member.id) == member_id)
    return _read(session, _QUERIES[metric], members, period, settings, last)


def _read(
    session: Session,
    queries: Sequence[Any],
    members: Any,
    period: Period,
    settings: TeamSettings,
    last: date,
) -> list[_Row]:
    return [
        _Row(member, currency, month, Decimal(amount))
        for query in queries
        for member, currency, month, amount in session.exec(query(members, period, settings, last))
    ]


def _order_query(on: Any) -> Any:
    def query(members: Any, period: Period, _settings: TeamSettings, last: date) -> Any:
        month = _month_case(on, period.months())
        return (
            select(
                col(SalesOrder.rep_id),
                col(SalesOrder.currency),
                month,
                func.sum(col(SalesOrder.amount)),
            )
            .where(
                col(SalesOrder.rep_id).in_(members),
                on >= period.start,
                on <= last,
                col(SalesOrder.status) != OrderStatus.cancelled,
            )
            .group_by(col(SalesOrder.rep_id), col(SalesOrder.currency), month)
        )

    return query


def _collections_query(members: Any, period: Period, _settings: TeamSettings, last: date) -> Any:
    """Payments on invoices of the team's orders, credited to the order's rep; those on
    invoices without an order are read by `_orderless_collections_query`. Read from the reps'
    orders, not from every payment of the period: a team's share of those is small."""
    month = _month_case(col(Payment.paid_on), period.months())
    return (
        select(col(SalesOrder.rep_id), col(Invoice.currency), month, func.sum(col(Payment.amount)))
        .select_from(SalesOrder)
        .join(Invoice, col(Invoice.order_id) == col(SalesOrder.id))
        .join(Payment, col(Payment.invoice_id) == col(Invoice.id))
        .where(
            col(SalesOrder.rep_id).in_(members),
            col(Payment.paid_on) >= period.start,
            col(Payment.paid_on) <= last,
        )
        .group_by(col(SalesOrder.rep_id), col(Invoice.currency), month)
    )


def _period_collections_query(
    members: Any, period: Period, _settings: TeamSettings, last: date
) -> Any:
    """Both kinds of collections at once (the order's rep, else the customer's owner), read from
    the period's payments: for many teams at once, those are fewer than all the teams' orders.
    The payments are taken first (a materialised CTE), so no planner starts from the orders."""
    paid = (
        select(col(Payment.invoice_id), col(Payment.paid_on), col(Payment.amount))
        .where(col(Payment.paid_on) >= period.start, col(Payment.paid_on) <= last)
        .cte("paid")
        .prefix_with("MATERIALIZED")
    )
    credited = func.coalesce(col(SalesOrder.rep_id), col(Customer.owner_id))
    month = _month_case(paid.c.paid_on, period.months())
    return (
        select(credited, col(Invoice.currency), month, func.sum(paid.c.amount))
        .select_from(paid)
        .join(Invoice, col(Invoice.id) == paid.c.invoice_id)
        .join(Customer, col(Customer.id) == col(Invoice.customer_id))
        .outerjoin(SalesOrder, col(SalesOrder.id) == col(Invoice.order_id))
        .where(credited.in_(members))
        .group_by(credited, col(Invoice.currency), month)
    )


def _orderless_collections_query(
    members: Any, period: Period, _settings: TeamSettings, last: date
) -> Any:
    """Payments on invoices without an order, credited to the customer's owner."""
    month = _month_case(col(Payment.paid_on), period.months())
    return (
        select(col(Customer.owner_id), col(Invoice.currency), month, func.sum(col(Payment.amount)))
        .select_from(Customer)
        .join(Invoice, col(Invoice.customer_id) == col(Customer.id))
        .join(Payment, col(Payment.invoice_id) == col(Invoice.id))
        .where(
            col(Customer.owner_id).in_(members),
            col(Invoice.order_id).is_(None),
            col(Payment.paid_on) >= period.start,
            col(Payment.paid_on) <= last,
        )
        .group_by(col(Customer.owner_id), col(Invoice.currency), month)
    )


def _new_customers_query(members: Any, period: Period, _settings: TeamSettings, last: date) -> Any:
    """Each order of the team in the period that is its customer's first non-cancelled order
    (the earlier id first on the same day), counted per rep and month."""
    earlier = aliased(SalesOrder)
    first_of_customer = ~(
        select(col(earlier.id))
        .where(
            col(earlier.customer_id) == col(SalesOrder.customer_id),
            col(earlier.status) != OrderStatus.cancelled,
            or_(
                col(earlier.ordered_on) < col(SalesOrder.ordered_on),
                and_(
                    col(earlier.ordered_on) == col(SalesOrder.ordered_on),
                    col(earlier.id) < col(SalesOrder.id),
                ),
            ),
        )
        .exists()
    )
    month = _month_case(col(SalesOrder.ordered_on), period.months())
    return (
        select(col(SalesOrder.rep_id), literal(None), month, func.count(col(SalesOrder.id)))
        .where(
            col(SalesOrder.rep_id).in_(members),
            col(SalesOrder.ordered_on) >= period.start,
            col(SalesOrder.ordered_on) <= last,
            col(SalesOrder.status) != OrderStatus.cancelled,
            first_of_customer,
        )
        .group_by(col(SalesOrder.rep_id), month)
    )


def _visits_query(members: Any, period: Period, settings: TeamSettings, last: date) -> Any:
    """Moments are stored in UTC: the period's days are the team's, so its bounds (and each
    month's) are the team's midnights."""
    zone = ZoneInfo(settings.timezone)
    month = _month_case(col(Visit.at), period.months(), zone)
    return (
        select(col(Visit.rep_id), literal(None), month, func.count(col(Visit.id)))
        .where(
            col(Visit.rep_id).in_(members),
            col(Visit.at) >= _midnight(period.start, zone),
            col(Visit.at) < _midnight(last + timedelta(days=1), zone),
            col(Visit.effective),
        )
        .group_by(col(Visit.rep_id), month)
    )


# The queries each metric is read by: one, or two for collections.
_QUERIES = {
    Metric.order_amount: (_order_query(col(SalesOrder.ordered_on)),),
    Metric.shipped_amount: (_order_query(col(SalesOrder.shipped_on)),),
    Metric.collections: (_collections_query, _orderless_collections_query),
    Metric.new_customers: (_new_customers_query,),
    Metric.effective_visits: (_visits_query,),
}
# For many teams at once, where the per-team way would read each team's whole history.
_MANY_TEAMS_QUERIES = {Metric.collections: (_period_collections_query,)}


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(), zone).astimezone(UTC)


def _month_case(column: Any, months: Sequence[Period], zone: ZoneInfo | None = None) -> Any:
    """The month key ("2026-11") of each row, as a CASE over the months' bounds: portable
    between databases, and a moment's month is the team's when `zone` is given."""
    if len(months) == 1:
        return literal(months[0].key)
    bounds = [(column < _after(month, zone), literal(month.key)) for month in months[:-1]]
    return case(*bounds, else_=literal(months[-1].key))


def _after(month: Period, zone: ZoneInfo | None) -> date | datetime:
    """Where a month ends: the next day, or its midnight on the team's clock for moments."""
    next_day = month.end + timedelta(days=1)
    return _midnight(next_day, zone) if zone else next_day


def _months_until(today: date, end: date) -> tuple[Period, ...]:
    """The months from today's to `end`'s (today's alone when `end` is before it)."""
    months = [Period.containing(today, MONTH)]
    while months[-1].end < end:
        months.append(Period.containing(months[-1].end + timedelta(days=1), MONTH))
    return tuple(months)


def _month_key(day: date) -> str:
    return Period.containing(day, MONTH).key


def _rates(
    session: Session, rows: Sequence[_Row], to_currency: str
) -> dict[tuple[str, str], Decimal]:
    """(month, currency) -> rate into `to_currency`, for the pairs the rows need: one query."""
    needed = {(row.month, row.currency) for row in rows if row.currency not in (None, to_currency)}
    if not needed:
        return {}
    found = session.exec(
        select(col(ExchangeRate.month), col(ExchangeRate.currency), col(ExchangeRate.rate)).where(
            col(ExchangeRate.to_currency) == to_currency,
            col(ExchangeRate.month).in_({month for month, _ in needed}),
            col(ExchangeRate.currency).in_({currency for _, currency in needed}),
        )
    )
    return {(month, currency): rate for month, currency, rate in found}


def _actual(
    rows: Sequence[_Row], rates: dict[tuple[str, str], Decimal], to_currency: str
) -> Actual:
    value = Decimal(0)
    used: set[UsedRate] = set()
    missing: set[MissingRate] = set()
    for row in rows:
        if row.currency is None or row.currency == to_currency:
            value += row.amount
            continue
        rate = rates.get((row.month, row.currency))
        if rate is None:
            missing.add(MissingRate(row.month, row.currency, to_currency))
            continue
        value += row.amount * rate
        used.add(UsedRate(row.month, row.currency, to_currency, rate))
    money = any(row.currency is not None for row in rows)
    return Actual(
        value.quantize(CENT, ROUND_HALF_UP) if money else value,
        tuple(sorted(used, key=_rate_order)),
        tuple(sorted(missing, key=_rate_order)),
    )
