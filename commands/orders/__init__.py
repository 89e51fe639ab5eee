"""The order desk: look up, list and move orders through their life cycle.

- reading.py: an order's card, lists of orders, who sees which;
- updates.py: a status change, audited, its rep told;
- lifecycle.py: which step may follow which, and when an order is late;
- text.py: the one-line grammar of `/order`.
"""

from commands.orders.reading import (
    CARD_BY_NUMBER,
    LIST_LIMIT,
    LastChange,
    OrderCard,
    OrderPage,
    list_orders,
    order_status,
    today_for,
)
from commands.orders.updates import StatusChanged, update_order_status

__all__ = [
    "CARD_BY_NUMBER",
    "LIST_LIMIT",
    "LastChange",
    "OrderCard",
    "OrderPage",
    "StatusChanged",
    "list_orders",
    "order_status",
    "today_for",
    "update_order_status",
]
