"""The order life cycle of the back office: which step may follow which."""

from datetime import date

FORWARD = {
    "received": ("confirmed",),
    "confirmed": ("in_production", "ready_to_ship"),
    "in_production": ("ready_to_ship",),
    "ready_to_ship": ("shipped",),
    "shipped": ("delivered",),
    "delivered": ("invoiced",),
    "invoiced": ("paid",),
    "paid": (),
    "cancelled": (),
}
NOT_YET_SHIPPED = ("received", "confirmed", "in_production", "ready_to_ship")
SHIPPED_OR_CLOSED = ("shipped", "delivered", "invoiced", "paid", "cancelled")
CAN_HOLD = (*NOT_YET_SHIPPED, "shipped", "delivered", "invoiced")


def next_statuses(status: str, held_from: str | None = None) -> tuple[str, ...]:
    """The statuses an order may move to from `status`.

    An order on hold goes back to the step it was held at, or is cancelled if it never shipped.
    """
    if status == "on_hold":
        resume = (held_from,) if held_from else ()
        cancel = ("cancelled",) if held_from in NOT_YET_SHIPPED else ()
        return resume + cancel
    hold = ("on_hold",) if status in CAN_HOLD else ()
    cancel = ("cancelled",) if status in NOT_YET_SHIPPED else ()
    return FORWARD[status] + hold + cancel


def is_late(
    status: str, promised_ship_on: date | None, shipped_on: date | None, today: date
) -> bool:
    """Late: past its promised ship date and not shipped yet."""
    if status in SHIPPED_OR_CLOSED or shipped_on is not None or promised_ship_on is None:
        return False
    return promised_ship_on < today
