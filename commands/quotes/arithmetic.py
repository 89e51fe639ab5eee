"""A quote's sums, in Decimal rounded half up to the cent, as a finance clerk would do them
by hand: each line rounded first, then the tax from the lines' sum.

Inclusive prices (含税) hold the tax already: tax = total × r / (100 + r). Exclusive prices
(不含税) have it added on top: tax = subtotal × r / 100."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def to_cent(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def line_total(quantity: Decimal, unit_price: Decimal, discount_percent: Decimal) -> Decimal:
    """qty × unit price × (1 − discount / 100), to the cent."""
    return to_cent(quantity * unit_price * (HUNDRED - discount_percent) / HUNDRED)


@dataclass(frozen=True)
class Totals:
    subtotal: Decimal  # without tax
    tax: Decimal
    total: Decimal  # what the customer pays


def totals(line_totals: Iterable[Decimal], tax_rate: Decimal, inclusive: bool) -> Totals:
    lines = sum(line_totals, Decimal("0.00"))
    if inclusive:
        tax = to_cent(lines * tax_rate / (HUNDRED + tax_rate))
        return Totals(lines - tax, tax, lines)
    tax = to_cent(lines * tax_rate / HUNDRED)
    return Totals(lines, tax, lines + tax)
