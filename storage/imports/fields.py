"""Reading one CSV cell into the value stored; a bad value rejects its row with a reason."""

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import String, TypeDecorator
from sqlmodel import SQLModel

from storage.imports.bulk import table_of
from storage.imports.report import Rejected
from storage.models import ROLES, TIERS
from storage.vocabulary import currency as currency_code
from storage.vocabulary import order_number as read_order_number
from storage.vocabulary import order_status

Reader = Callable[[str, str], object]  # (column, cell) -> the value stored
SHOWN = 60  # at most this many characters of a bad value are repeated in a message
_USER_ID = re.compile(r"[UW][A-Z0-9]{2,31}")
_CHANNEL_ID = re.compile(r"[CGD][A-Z0-9]{2,31}")
# 2026-11-05, Excel's 2026/11/3 (with the midnight it may add), 2026.11.3 and 2026年11月3日
_DATE = re.compile(
    r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:\s+0?0:00(?::00)?)?|(\d{4})年(\d{1,2})月(\d{1,2})日"
)
_AMOUNT = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?")
MAX_AMOUNT = Decimal(10) ** 16  # the money columns hold 18 digits, 2 of them decimals
_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


def shown(value: str) -> str:
    return value if len(value) <= SHOWN else value[: SHOWN - 1] + "…"


@cache
def max_length(model: type[SQLModel], field: str) -> int:
    column_type = table_of(model).c[field].type
    if isinstance(column_type, TypeDecorator):  # SQLModel's AutoString wraps a String
        column_type = column_type.impl_instance
    assert isinstance(column_type, String) and column_type.length is not None  # text columns
    return column_type.length


def text(model: type[SQLModel], field: str | None = None) -> Reader:
    """A reader of text for `model.field` (by default the field named like the column)."""

    def read(column: str, value: str) -> str:
        limit = max_length(model, field or column)
        if len(value) > limit:
            raise Rejected("import.reject.too_long", column=column, limit=limit)
        return value

    return read


def user_id(column: str, value: str) -> str:
    if not _USER_ID.fullmatch(value.upper()):
        raise Rejected("import.reject.bad_user_id", column=column, value=shown(value))
    return value.upper()


def channel_id(column: str, value: str) -> str:
    if not _CHANNEL_ID.fullmatch(value.upper()):
        raise Rejected("import.reject.bad_channel_id", column=column, value=shown(value))
    return value.upper()


def role(column: str, value: str) -> str:
    if value.lower() not in ROLES:
        raise Rejected("import.reject.bad_role", value=shown(value))
    return value.lower()


def tier(column: str, value: str) -> str:
    if value.upper() not in TIERS:
        raise Rejected("import.reject.bad_tier", value=shown(value))
    return value.upper()


def status(column: str, value: str) -> str:
    found = order_status(value)
    if found is None:
        raise Rejected("import.reject.bad_status", value=shown(value))
    return found


def order_number(column: str, value: str) -> str:
    found = read_order_number(value)
    if found is None:
        raise Rejected("import.reject.bad_order_number", value=shown(value))
    return found


def iso_date(column: str, value: str) -> date:
    """YYYY-MM-DD, or YYYY/M/D as Excel writes it (also YYYY.M.D and YYYY年M月D日)."""
    match = _DATE.fullmatch(value)
    try:
        if match:
            parts = [part for part in match.groups() if part and part.isdigit()]
            return date(*(int(part) for part in parts))
    except ValueError:
        pass
    raise Rejected("import.reject.bad_date", column=column, value=shown(value))


def amount(column: str, value: str) -> Decimal:
    parsed = Decimal(value.replace(",", "")) if _AMOUNT.fullmatch(value) else None
    if parsed is None or parsed >= MAX_AMOUNT:
        raise Rejected("import.reject.bad_amount", value=shown(value))
    return parsed


def positive_amount(not_amount: str, not_positive: str) -> Reader:
    """A reader of amounts that must be more than 0 (an invoice's): something that is no amount
    rejects the row with the reason `not_amount`, 0 or a negative amount with `not_positive`,
    both saying what is wanted (never "0 or more")."""

    def read(column: str, value: str) -> Decimal:
        unsigned = value.removeprefix("-")
        if not _AMOUNT.fullmatch(unsigned):
            raise Rejected(not_amount, value=shown(value))
        parsed = Decimal(unsigned.replace(",", ""))
        if parsed == 0 or unsigned != value:
            raise Rejected(not_positive, value=shown(value))
        if parsed >= MAX_AMOUNT:
            raise Rejected(not_amount, value=shown(value))
        return parsed

    return read


def currency(column: str, value: str) -> str:
    """An ISO 4217 code in use, in any case; the yuan's other names (RMB, 人民币, 元, ¥) are CNY."""
    code = currency_code(value)
    if code is None:
        raise Rejected("import.reject.bad_currency", value=shown(value))
    return code


def timezone(column: str, value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise Rejected("import.reject.bad_timezone", value=shown(value)) from None
    return value


def time_of_day(column: str, value: str) -> str:
    match = _TIME.fullmatch(value)
    if match is None:
        raise Rejected("import.reject.bad_time", column=column, value=shown(value))
    return f"{int(match.group(1)):02d}:{match.group(2)}"
