"""The next order number and customer code: one more than the largest of the plain numbers
in use ("1240" → "1241"; codes "C-1003" → "C-1004"), so what the desk creates reads like what it
imported. Another writer may take the same one at the same moment: callers insert in a
savepoint and ask again (`with_next`)."""

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from storage.models import Customer, SalesOrder

FIRST_ORDER = 1001
FIRST_CUSTOMER = 1001
CUSTOMER_PREFIX = "C-"
ATTEMPTS = 5
T = TypeVar("T")


def next_order_number(session: Session) -> str:
    largest = _largest(session, col(SalesOrder.number), "")
    return str(largest + 1 if largest else FIRST_ORDER)


def next_customer_code(session: Session) -> str:
    largest = _largest(session, col(Customer.code), CUSTOMER_PREFIX)
    return f"{CUSTOMER_PREFIX}{max(largest + 1, FIRST_CUSTOMER)}"


def with_next(session: Session, create: Callable[[], T]) -> T:
    """`create()` (which adds and flushes a record under a fresh number) in a savepoint,
    tried again while another writer took the number first."""
    for attempt in range(ATTEMPTS):
        try:
            with session.begin_nested():
                return create()
        except IntegrityError:
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _largest(session: Session, column: Any, prefix: str) -> int:
    """The largest number written as `prefix` and digits only in `column`, or 0. Longest
    first, then by text: digits of one length sort as their numbers do."""
    digits = func.substr(column, len(prefix) + 1)
    query = select(column).where(col(column).startswith(prefix, autoescape=True))
    query = query.where(_only_digits(session, digits))
    query = query.order_by(func.length(column).desc(), col(column).desc()).limit(1)
    found = session.exec(query).first()
    return int(found[len(prefix) :]) if found else 0


def _only_digits(session: Session, text: Any) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return text.op("~")("^[0-9]+$")
    return ~text.op("GLOB")("*[^0-9]*") & (func.length(text) > 0)
