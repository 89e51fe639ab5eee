"""Reading the price list: products found by SKU or by part of either name, in any case and
full- or half-width, the retired ones only when asked for.

Names are folded here rather than stored folded: a price list holds hundreds or thousands of
products, which are folded in a few milliseconds."""

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlmodel import Session, col

from commands.errors import NotFound
from storage.models import Product, fold

SEARCH_LIMIT = 50


@dataclass(frozen=True)
class PriceListEntry:
    id: int
    sku: str
    name_en: str
    name_zh: str | None
    unit: str
    list_price: Decimal
    currency: str
    cost: Decimal | None
    active: bool


ENTRY_COLUMNS = tuple(col(getattr(Product, name)) for name in PriceListEntry.__dataclass_fields__)


def find_products(
    session: Session, text: str, include_retired: bool = False, limit: int = SEARCH_LIMIT
) -> list[PriceListEntry]:
    """Products whose SKU or English or Chinese name holds `text`: the SKU itself first, then
    SKUs and names that start with it, then the rest, each group by SKU. Empty text lists the
    price list."""
    needle = fold(text.strip())
    query = select(*ENTRY_COLUMNS)
    if not include_retired:
        query = query.where(col(Product.active).is_(True))
    entries = [PriceListEntry(*row) for row in session.execute(query)]
    ranked = [(rank, entry) for entry in entries if (rank := _rank(entry, needle)) is not None]
    ranked.sort(key=lambda ranked_entry: (ranked_entry[0], ranked_entry[1].sku))
    return [entry for _, entry in ranked[:limit]]


def product_by_sku(session: Session, sku: str) -> PriceListEntry:
    """The product with exactly this SKU (retired or not)."""
    row = session.execute(select(*ENTRY_COLUMNS).where(col(Product.sku) == sku.strip())).first()
    if row is None:
        raise NotFound("product.error.not_found", sku=sku.strip())
    return PriceListEntry(*row)


def _rank(entry: PriceListEntry, needle: str) -> int | None:
    """0: the SKU; 1: a SKU or name starting with the text; 2: holding it; None: neither."""
    sku = fold(entry.sku)
    if sku == needle:
        return 0
    texts = (sku, fold(entry.name_en), fold(entry.name_zh or ""))
    if any(text.startswith(needle) for text in texts):
        return 1
    if any(needle in text for text in texts):
        return 2
    return None
