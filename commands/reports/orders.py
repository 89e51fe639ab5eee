"""The orders report (订单): how long each life-cycle step took, shipments against their
promised day, what was put on hold and why, and the changes customers asked for.

- Step time: for each status change made in the period, the days since the order's change
  before it (even one before the period), by the status it moved to; average and median. An
  order's first change starts its clock and is not a step.
- Late shipment: an order shipped in the period after its promised ship day (orders with no
  promised day are counted apart); the rate is late ÷ shipped with a promised day.
- On hold: changes to on_hold in the period, by the note given with them.
- Change requests made in the period, by kind and outcome.
An order counts for its rep; moments are read on the scope's clock.
"""

from collections import defaultdict
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

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
from storage.models import (
    Customer,
    Member,
    OrderChangeRequest,
    OrderStatusChange,
    SalesOrder,
    as_utc,
)
from storage.statuses import ChangeRequestStatus, OrderStatus

TENTH = Decimal("0.1")
SECONDS_A_DAY = Decimal(86400)
LATE_LISTED = 10
STEP_ORDER = {status.value: index for index, status in enumerate(OrderStatus)}


def orders_report(session: Session, scope: ReportScope, period: ReportPeriod) -> Report:
    compared = [period, period.previous(), period.same_last_year()]
    received = [_received(session, scope, p) for p in compared]
    shipped = [_shipments(session, scope, p) for p in compared]
    steps = _step_days(session, scope, period)
    holds = _hold_notes(session, scope, period)
    changes = _change_requests(session, scope, period)
    report = Report("orders", period, scope.label)
    late = [_late_rate(s) for s in shipped]
    report.figures = [
        _compared("orders_received", COUNT, received),
        _compared("orders_shipped", COUNT, [len(s) for s in shipped]),
        _compared("late_shipments", COUNT, [sum(1 for r in s if _is_late(r)) for s in shipped]),
        _compared("late_rate", PERCENT, late),
        Figure("put_on_hold", COUNT, sum(holds.values())),
        Figure("change_requests", COUNT, sum(sum(c.values()) for c in changes.values())),
    ]
    report.tables = [
        _steps_table(steps),
        _late_table(shipped[0]),
        _holds_table(holds),
        _changes_table(changes),
    ]
    if not received[0] and not shipped[0] and not steps:
        report.notes.append(("report.note.no_orders", {}))
    return report


def _compared(key: str, kind: str, values: list) -> Figure:
    """This period's figure, the period before's and a year before's."""
    return Figure(key, kind, values[0], values[1], values[2])


def _received(session: Session, scope: ReportScope, period: ReportPeriod) -> int:
    query = select(func.count(col(SalesOrder.id))).where(
        col(SalesOrder.ordered_on).between(period.start, period.end),
        col(SalesOrder.status) != OrderStatus.cancelled,
        scope.members(SalesOrder.rep_id),
    )
    return session.exec(query).one()


def _shipments(session: Session, scope: ReportScope, period: ReportPeriod) -> list[tuple]:
    """(number, customer, rep, promised, shipped) of the orders shipped in the period."""
    query = (
        select(SalesOrder, col(Customer.name), col(Member.name))
        .join(Customer, col(Customer.id) == col(SalesOrder.customer_id))
        .join(Member, col(Member.id) == col(SalesOrder.rep_id))
        .where(
            col(SalesOrder.shipped_on).between(period.start, period.end),
            scope.members(SalesOrder.rep_id),
        )
    )
    return [
        (order.number, customer, rep, order.promised_ship_on, order.shipped_on)
        for order, customer, rep in session.exec(query)
    ]


def _is_late(row: tuple) -> bool:
    promised, shipped = row[3], row[4]
    return promised is not None and shipped > promised


def _late_rate(shipped: list[tuple]) -> Decimal | None:
    promised = [row for row in shipped if row[3] is not None]
    return rate(Decimal(sum(1 for row in promised if _is_late(row))), Decimal(len(promised)))


def _step_days(session: Session, scope: ReportScope, period: ReportPeriod) -> dict[str, list]:
    """to_status → the days each step of the period took."""
    since, until = moments(period, scope.timezone)
    changed = select(col(OrderStatusChange.order_id)).where(
        col(OrderStatusChange.at) >= since, col(OrderStatusChange.at) < until
    )
    query = (
        select(OrderStatusChange)
        .join(SalesOrder, col(SalesOrder.id) == col(OrderStatusChange.order_id))
        .where(
            col(OrderStatusChange.order_id).in_(changed),
            col(OrderStatusChange.at) < until,
            scope.members(SalesOrder.rep_id),
        )
        .order_by(col(OrderStatusChange.order_id), col(OrderStatusChange.at))
        .order_by(col(OrderStatusChange.id))
    )
    steps: dict[str, list[Decimal]] = defaultdict(list)
    previous: tuple[int, datetime] | None = None
    for change in session.exec(query):
        at = as_utc(change.at)
        if previous and previous[0] == change.order_id and at >= since:
            steps[str(change.to_status)].append(_days(previous[1], at))
        previous = (change.order_id, at)
    return steps


def _days(since: datetime, until: datetime) -> Decimal:
    return Decimal((until - since).total_seconds()) / SECONDS_A_DAY


def _tenth(value: Decimal) -> Decimal:
    return value.quantize(TENTH, ROUND_HALF_UP)


def _median(days: list[Decimal]) -> Decimal:
    return _tenth(median(days))


def _steps_table(steps: dict[str, list[Decimal]]) -> Table:
    rows: list[list[Cell]] = [
        [
            f"status.{step}",
            len(days),
            _tenth(sum(days, Decimal(0)) / len(days)),
            _tenth(median(days)),
        ]
        for step, days in sorted(steps.items(), key=lambda item: STEP_ORDER.get(item[0], 99))
    ]
    return Table(
        "step_times",
        [
            Column("step", LABEL),
            Column("changes", COUNT),
            Column("average_days", DAYS),
            Column("median_days", DAYS),
        ],
        rows,
        chart=Chart("bar", "step", ("average_days", "median_days")),
        summary_rows=10,
    )


def _late_table(shipped: list[tuple]) -> Table:
    late = sorted((row for row in shipped if _is_late(row)), key=lambda r: (r[3] - r[4], r[0]))
    rows: list[list[Cell]] = [
        [number, customer, rep, promised, shipped_on, (shipped_on - promised).days]
        for number, customer, rep, promised, shipped_on in late[:LATE_LISTED]
    ]
    return Table(
        "late_shipments",
        [
            Column("order"),
            Column("customer"),
            Column("rep"),
            Column("promised_on", DATE),
            Column("shipped_on", DATE),
            Column("days_late", DAYS),
        ],
        rows,
    )


def _hold_notes(session: Session, scope: ReportScope, period: ReportPeriod) -> dict[str, int]:
    since, until = moments(period, scope.timezone)
    reason = func.coalesce(func.trim(OrderStatusChange.note), "")
    query = (
        select(reason, func.count())
        .join(SalesOrder, col(SalesOrder.id) == col(OrderStatusChange.order_id))
        .where(
            col(OrderStatusChange.to_status) == OrderStatus.on_hold,
            col(OrderStatusChange.at) >= since,
            col(OrderStatusChange.at) < until,
            scope.members(SalesOrder.rep_id),
        )
        .group_by(reason)
    )
    found: dict[str, int] = defaultdict(int)
    for note, count in session.exec(query):
        found[note or "—"] += count
    return found


def _holds_table(holds: dict[str, int]) -> Table:
    total = sum(holds.values())
    rows: list[list[Cell]] = [
        [note, count, rate(Decimal(count), Decimal(total))]
        for note, count in sorted(holds.items(), key=lambda item: (-item[1], item[0]))
    ]
    return Table(
        "on_hold_reasons",
        [Column("reason"), Column("times", COUNT), Column("share", PERCENT)],
        rows,
        total=[None, total, rate(Decimal(total), Decimal(total))] if total else None,
    )


def _change_requests(
    session: Session, scope: ReportScope, period: ReportPeriod
) -> dict[str, dict[str, int]]:
    since, until = moments(period, scope.timezone)
    request = OrderChangeRequest
    query = (
        select(col(request.kind), col(request.status), func.count())
        .join(SalesOrder, col(SalesOrder.id) == col(request.order_id))
        .where(
            col(request.created_at) >= since,
            col(request.created_at) < until,
            scope.members(SalesOrder.rep_id),
        )
        .group_by(col(request.kind), col(request.status))
    )
    found: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for kind, status, count in session.exec(query):
        found[kind][str(status)] += count
    return found


def _changes_table(changes: dict[str, dict[str, int]]) -> Table:
    outcomes = [s.value for s in (ChangeRequestStatus.accepted, ChangeRequestStatus.declined)]
    outcomes.append(ChangeRequestStatus.pending.value)
    rows: list[list[Cell]] = [
        [f"order_change.kind.{kind}", sum(by.values()), *(by[o] for o in outcomes)]
        for kind, by in sorted(changes.items())
    ]
    return Table(
        "change_requests",
        [
            Column("change_kind", LABEL),
            Column("requests", COUNT),
            Column("accepted", COUNT),
            Column("declined", COUNT),
            Column("pending", COUNT),
        ],
        rows,
        chart=Chart("bar", "change_kind", ("requests",)),
    )
