"""The words people use for orders, in English and Chinese, read the same way everywhere
(Slack, the console and CSV imports)."""

import re

from storage.models import ORDER_STATUSES

_ORDER_NUMBER = re.compile(r"^#?([A-Za-z0-9][A-Za-z0-9_./-]{0,39})$")

STATUS_ALIASES = {
    "接收": "received",
    "已接收": "received",
    "确认": "confirmed",
    "已确认": "confirmed",
    "审核确认": "confirmed",
    "生产中": "in_production",
    "采购中": "in_production",
    "生产": "in_production",
    "待发货": "ready_to_ship",
    "发货": "shipped",
    "已发货": "shipped",
    "送达": "delivered",
    "已送达": "delivered",
    "开票": "invoiced",
    "已开票": "invoiced",
    "回款": "paid",
    "已回款": "paid",
    "暂停": "on_hold",
    "异常": "on_hold",
    "取消": "cancelled",
    "已取消": "cancelled",
    "canceled": "cancelled",
    "hold": "on_hold",
    "production": "in_production",
}


def order_number(word: str) -> str | None:
    """The order number in `word` ("#1234" reads as 1234), or None if it cannot be one."""
    match = _ORDER_NUMBER.match(word.strip())
    return match.group(1) if match else None


def order_status(word: str) -> str | None:
    """The status a word names ("shipped", "in production", "已发货"), or None."""
    lowered = word.strip().lower().replace("-", "_").replace(" ", "_")
    if lowered in ORDER_STATUSES:
        return lowered
    return STATUS_ALIASES.get(lowered)
