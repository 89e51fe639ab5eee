"""An amount with its currency as people type it: "120000 CNY", "USD 8,500.50", "12万 元",
"¥50000"; a bare number is in the team's reporting currency."""

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from commands.errors import InvalidInput
from storage.vocabulary import currency

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal(10) ** 16  # money columns are Numeric(18, 2)
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
TEN_THOUSAND = "万"


def read_amount(text: str, default_currency: str) -> tuple[Decimal, str]:
    """(amount, ISO currency) from `text`; InvalidInput naming what is wrong."""
    written = unicodedata.normalize("NFKC", text or "").strip()
    match = _NUMBER.search(written)
    if match is None:
        raise InvalidInput("deal.error.amount", value=written[:40])
    before, after = written[: match.start()].strip(), written[match.end() :].strip()
    if before.endswith("-"):
        raise InvalidInput("deal.error.amount", value=written[:40])
    amount = _number(match.group(0), written)
    if after.startswith(TEN_THOUSAND):
        amount, after = amount * 10_000, after[1:].strip()
    words = [word for word in (before, after) if word]
    if len(words) > 1:
        raise InvalidInput("deal.error.amount", value=written[:40])
    code = currency(words[0]) if words else default_currency
    if code is None:
        raise InvalidInput("deal.error.currency", value=words[0][:20])
    return _checked(amount, written), code


def _number(digits: str, written: str) -> Decimal:
    try:
        return Decimal(digits.replace(",", ""))
    except InvalidOperation:
        raise InvalidInput("deal.error.amount", value=written[:40]) from None


def _checked(amount: Decimal, written: str) -> Decimal:
    if amount != amount.quantize(CENT) or amount >= MAX_AMOUNT:
        raise InvalidInput("deal.error.amount", value=written[:40])
    return amount.quantize(CENT)
