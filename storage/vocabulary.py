"""The words people use for orders, in English and Chinese, read the same way everywhere
(Slack, the console and CSV imports)."""

import re
import unicodedata
from functools import cache

from babel.core import get_global
from babel.numbers import get_territory_currencies

from storage.models import ORDER_STATUSES
from storage.statuses import OrderStatus

# The number, then what people add to it: 号 ("number", as in 1234号) and the full stop ending
# the sentence. The number is read as short as these allow: "1234." is 1234.
_ORDER_NUMBER = re.compile(r"^#?([A-Za-z0-9][A-Za-z0-9_./-]{0,39}?)号?[.。]*$")

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
    """The order (or invoice) number in `word`, or None if it cannot be one: "#1234",
    "1234号", "1234." and "1234。" read as 1234, and full-width "１２３４" as 1234 too."""
    match = _ORDER_NUMBER.match(unicodedata.normalize("NFKC", word).strip())
    return match.group(1) if match else None


def order_status(word: str) -> OrderStatus | None:
    """The status a word names ("shipped", "in production", "已发货"), or None."""
    lowered = word.strip().lower().replace("-", "_").replace(" ", "_")
    found = lowered if lowered in ORDER_STATUSES else STATUS_ALIASES.get(lowered)
    return None if found is None else OrderStatus(found)


LANGUAGES = ("en", "zh-CN")
# What people write for the yuan besides its ISO code. "¥" is also the yen's sign, but in a
# Chinese back office it means the yuan; the yen is written JPY (or 日元).
YUAN_WORDS = {"RMB", "人民币", "元", "¥", "CNH"}
OTHER_WORDS = {
    "美元": "USD",
    "欧元": "EUR",
    "日元": "JPY",
    "港币": "HKD",
    "港元": "HKD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
}


def language(code: str | None) -> str | None:
    """The language we speak for a locale code as Slack, a CSV file or a setting writes it:
    any English ("en-US", "en_GB") is en, any Chinese ("zh-TW", "zh-HK") is zh-CN; None for a
    language we do not speak (the caller falls back to its default and says so)."""
    if not code:
        return None
    lowered = code.strip().replace("_", "-").lower()
    if lowered == "en" or lowered.startswith("en-"):
        return "en"
    if lowered == "zh" or lowered.startswith("zh-"):
        return "zh-CN"
    return None


def currency(word: str) -> str | None:
    """The ISO 4217 code a currency is written as ("usd", "RMB", "人民币", "元", "¥" → CNY), or
    None if it names no currency in use."""
    text = unicodedata.normalize("NFKC", word).strip()
    if text in YUAN_WORDS or text.upper() in YUAN_WORDS:
        return "CNY"
    if text in OTHER_WORDS:
        return OTHER_WORDS[text]
    code = text.upper()
    return code if code in currencies_in_use() else None


@cache
def currencies_in_use() -> frozenset[str]:
    """Every ISO 4217 currency some territory uses as tender today (CLDR's data, via Babel)."""
    territories = get_global("territory_currencies")
    return frozenset(
        code for territory in territories for code in get_territory_currencies(territory)
    )
