"""Products of the price list (产品/价目表), by SKU: sku, name_en (or `name`), list_price, and
optionally name_zh, unit, currency, cost, active.

A SKU is compared as written (after trimming): letters, digits and - _ . / only, 64 at most.
`active` reads yes/no, true/false, 1/0, active/retired and 在售/停售; a new product is active
unless the file says otherwise."""

import re
import unicodedata
from datetime import datetime

from sqlmodel import Session, select

from storage.imports import fields as read
from storage.imports.csvfile import CsvTable
from storage.imports.report import ImportFileError, Rejected
from storage.imports.upsert import Importer, Stored, saved
from storage.models import Product

COLUMNS = ("sku", "name_en", "name_zh", "unit", "list_price", "currency", "cost", "active")
NAME_ALIAS = "name"  # what most price lists call the (English) name
DEFAULT_UNIT = "pcs"
DEFAULT_CURRENCY = "CNY"
_SKU = re.compile(r"[A-Za-z0-9._/-]{1,64}")
ACTIVE_WORDS = {
    **dict.fromkeys(("yes", "y", "true", "1", "active", "在售", "是", "有效"), True),
    **dict.fromkeys(("no", "n", "false", "0", "retired", "inactive", "停售", "否", "停用"), False),
}


def sku(column: str, value: str) -> str:
    if not _SKU.fullmatch(value):
        raise Rejected("import.reject.bad_sku", value=read.shown(value))
    return value


def active(column: str, value: str) -> bool:
    found = ACTIVE_WORDS.get(unicodedata.normalize("NFKC", value).casefold())
    if found is None:
        raise Rejected("import.reject.bad_active", value=read.shown(value))
    return found


class ProductImporter(Importer):
    """Prices and costs are amounts of the product's currency: 0 or more, at most 2 decimals."""

    entity = "product"
    model = Product
    key = "sku"
    required = ("sku", "list_price")
    optional = ("name_en", NAME_ALIAS, "name_zh", "unit", "currency", "cost", "active")

    def load(self, session: Session, table: CsvTable) -> dict[str, Stored]:
        _name_from_alias(table)
        stored = {}
        for product in session.exec(select(Product)).all():
            fields = product.model_dump(include=set(COLUMNS))
            stored[product.sku] = Stored(saved(product.id), fields)
        return stored

    def readers(self) -> dict[str, read.Reader]:
        return {
            "sku": sku,
            "name_en": read.text(Product),
            "name_zh": read.text(Product),
            "unit": read.text(Product),
            "list_price": read.amount,
            "currency": read.currency,
            "cost": read.amount,
            "active": active,
        }

    def check(self, fields: dict[str, object], stored: Stored | None) -> dict[str, object]:
        if "name_en" not in fields:
            raise Rejected("import.reject.missing_value", column="name_en")
        return fields

    def defaults(self, fields: dict[str, object]) -> dict[str, object]:
        return {
            "name_zh": None,
            "unit": DEFAULT_UNIT,
            "currency": DEFAULT_CURRENCY,
            "cost": None,
            "active": True,
        }

    def new_row(self, fields: dict[str, object], now: datetime) -> dict[str, object]:
        return self.columns(fields) | {"updated_at": now}

    def changed_row(self, fields: dict[str, object], now: datetime) -> dict[str, object]:
        return self.columns(fields) | {"updated_at": now}


def _name_from_alias(table: CsvTable) -> None:
    """A file naming its column `name` gives name_en; a file with neither cannot be imported."""
    columns = set(table.rows[0].cells) if table.rows else set()
    if table.rows and "name_en" not in columns and NAME_ALIAS not in columns:
        raise ImportFileError("import.error.product_names", columns="name_en")
    for row in table.rows:
        alias = row.cells.pop(NAME_ALIAS, "")
        if not row.cells.get("name_en"):
            row.cells["name_en"] = alias
