"""How targets and exchange rates are written, read the same way by `/target`, `/desk rate`
and the CSV imports: the words for each metric, period and month keys, rates, and the key a
target or a rate is audited under."""

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from storage.statuses import Metric

METRIC_WORDS: dict[str, Metric] = {
    "order_amount": Metric.order_amount,
    "orders": Metric.order_amount,
    "order": Metric.order_amount,
    "sales": Metric.order_amount,
    "订单": Metric.order_amount,
    "订单额": Metric.order_amount,
    "销售额": Metric.order_amount,
    "业绩": Metric.order_amount,
    "shipped_amount": Metric.shipped_amount,
    "shipped": Metric.shipped_amount,
    "shipments": Metric.shipped_amount,
    "发货": Metric.shipped_amount,
    "发货额": Metric.shipped_amount,
    "collections": Metric.collections,
    "collected": Metric.collections,
    "payments": Metric.collections,
    "回款": Metric.collections,
    "收款": Metric.collections,
    "new_customers": Metric.new_customers,
    "new": Metric.new_customers,
    "customers": Metric.new_customers,
    "新客户": Metric.new_customers,
    "新客": Metric.new_customers,
    "effective_visits": Metric.effective_visits,
    "visits": Metric.effective_visits,
    "拜访": Metric.effective_visits,
    "有效拜访": Metric.effective_visits,
}
CENT = Decimal("0.01")
ONE = Decimal(1)
# exchange_rate.rate is Numeric(18, 8): ten whole digits, eight decimals.
RATE_DECIMALS = 8
MAX_RATE = Decimal(10) ** 10
_PERIOD = re.compile(r"^(\d{4})(?:\s*[-/]?\s*Q([1-4])|\s*[-/.]\s*(\d{1,2}))?$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})$")


def metric_named(word: str) -> Metric | None:
    """The metric a word names: its own name or an English or Chinese word for it."""
    return METRIC_WORDS.get(unicodedata.normalize("NFKC", word).strip().lower())


def unit_of(metric: Metric) -> Decimal:
    """The smallest step of a target: a cent of money, or one customer or visit."""
    return CENT if metric.is_money else ONE


def period_key(text: str) -> str | None:
    """The key of the period `text` writes ("2026", "2026-Q4", "2026q4", "2026-11",
    "2026/1"), or None."""
    match = _PERIOD.match(unicodedata.normalize("NFKC", text).strip())
    if match is None:
        return None
    year, quarter, month = match.groups()
    if quarter:
        return f"{year}-Q{quarter}"
    if month:
        return f"{year}-{int(month):02d}" if 1 <= int(month) <= 12 else None
    return year


def month_key(text: str) -> str | None:
    """ "2026-11" (also "2026/11", "2026-1") for a month, else None."""
    match = _MONTH.match(unicodedata.normalize("NFKC", text).strip())
    if match is None or not 1 <= int(match.group(2)) <= 12:
        return None
    return f"{match.group(1)}-{int(match.group(2)):02d}"


def read_rate(text: str) -> Decimal | None:
    """A rate as written ("7.1234", "0.13850000"): more than 0, at most 8 decimals and 10
    whole digits; None for anything else."""
    try:
        rate = Decimal(unicodedata.normalize("NFKC", text).strip().replace(",", ""))
    except InvalidOperation:
        return None
    if not rate.is_finite() or rate <= 0 or rate >= MAX_RATE:
        return None
    if rate != rate.quantize(Decimal(1).scaleb(-RATE_DECIMALS)):
        return None
    return plain_rate(rate)


def plain_rate(rate: Decimal) -> Decimal:
    """A rate without the zeros its column pads it with: 7.12340000 is 7.1234, 100 stays 100."""
    return Decimal(format(rate.normalize(), "f"))


def target_key(team: str, member_slack_id: str | None, metric: str, period: str) -> str:
    """What a target is audited under: "East/U123/order_amount/2026-11", or without the
    member for the team's own."""
    return "/".join([team, *([member_slack_id] if member_slack_id else []), metric, period])


def rate_key(month: str, currency: str, to_currency: str) -> str:
    return f"{month}/{currency}/{to_currency}"
