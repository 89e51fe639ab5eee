"""The order life cycle of the back office: which step may follow which."""

from datetime import date

from storage.statuses import OrderStatus

FORWARD: dict[str, tuple[OrderStatus, ...]] = {
    OrderStatus.received: (OrderStatus.confirmed,),
    OrderStatus.confirmed: (OrderStatus.in_production, OrderStatus.ready_to_ship),
    OrderStatus.in_production: (OrderStatus.ready_to_ship,),
    OrderStatus.ready_to_ship: (OrderStatus.shipped,),
    OrderStatus.shipped: (OrderStatus.delivered,),
    OrderStatus.delivered: (OrderStatus.invoiced,),
    OrderStatus.invoiced: (OrderStatus.paid,),
    OrderStatus.paid: (),
    OrderStatus.cancelled: (),
}
NOT_YET_SHIPPED = (
    OrderStatus.received,
    OrderStatus.confirmed,
    OrderStatus.in_production,
    OrderStatus.ready_to_ship,
)
SHIPPED_OR_CLOSED = (
    OrderStatus.shipped,
    OrderStatus.delivered,
    OrderStatus.invoiced,
    OrderStatus.paid,
    OrderStatus.cancelled,
)
CAN_HOLD = (
    *NOT_YET_SHIPPED,
    OrderStatus.shipped,
    OrderStatus.delivered,
    OrderStatus.invoiced,
)
# Not a status: "back to the step the order was held at", read from its history.
RESUME = "resume"


def next_statuses(
    status: str,
    held_from: str | None = None,
    shipped_on: date | None = None,
    delivered_on: date | None = None,
) -> tuple[str, ...]:
    """The statuses an order may move to from `status`.

    An order on hold resumes at any step its dates allow (and at the step it was held at, when
    its history says so), or is cancelled if it never shipped.
    """
    if status == OrderStatus.on_hold:
        return resume_steps(held_from, shipped_on, delivered_on)
    hold = (OrderStatus.on_hold,) if status in CAN_HOLD else ()
    cancel = (OrderStatus.cancelled,) if status in NOT_YET_SHIPPED else ()
    return FORWARD[status] + hold + cancel


def resume_steps(
    held_from: str | None, shipped_on: date | None, delivered_on: date | None
) -> tuple[str, ...]:
    """Where an order on hold may go. Its dates say how far it got: without a ship date it is at
    most about to ship (resuming as shipped stamps today), with one it has left the shelves, and
    with a delivery date it has arrived. It is cancelled only if it never shipped."""
    reached: tuple[OrderStatus, ...]
    if delivered_on is not None:
        reached = (OrderStatus.delivered, OrderStatus.invoiced)
    elif shipped_on is not None:
        reached = (OrderStatus.shipped, OrderStatus.delivered)
    else:
        reached = (*NOT_YET_SHIPPED, OrderStatus.shipped)
    held = (held_from,) if held_from in CAN_HOLD else ()
    steps = tuple(step for step in CAN_HOLD if step in reached or step in held)
    never_shipped = shipped_on is None and held_from not in SHIPPED_OR_CLOSED
    return steps + ((OrderStatus.cancelled,) if never_shipped else ())


def is_late(
    status: str, promised_ship_on: date | None, shipped_on: date | None, today: date
) -> bool:
    """Late: past its promised ship date and not shipped yet."""
    if status in SHIPPED_OR_CLOSED or shipped_on is not None or promised_ship_on is None:
        return False
    return promised_ship_on < today
