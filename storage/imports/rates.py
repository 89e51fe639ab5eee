"""Exchange rates, by month and currency pair: month (2026-11), currency, to_currency, rate
(how many units of to_currency one unit of currency was worth that month: more than 0, at
most 8 decimals).

The natural key spans three columns; the importer keys each row by the month column, which
`load` rewrites into the whole key ("2026-11/USD/CNY", the key rates are audited under)
before the rows are checked."""

from datetime import datetime
from decimal import Decimal

from sqlmodel import Session, select

from storage.imports import fields as read
from storage.imports.csvfile import CsvTable
from storage.imports.report import Rejected
from storage.imports.upsert import ACTOR, Importer, Stored, saved, value_of
from storage.models import ExchangeRate
from storage.targets import month_key, plain_rate, rate_key, read_rate
from storage.vocabulary import currency


class RateImporter(Importer):
    entity = "exchange_rate"
    model = ExchangeRate
    key = "month"
    required = ("month", "currency", "to_currency", "rate")

    def load(self, session: Session, table: CsvTable) -> dict[str, Stored]:
        self.written: dict[str, str] = {}
        for row in table.rows:
            if row.cells["month"]:
                key = rate_key(
                    month_key(row.cells["month"]) or row.cells["month"],
                    currency(row.cells["currency"]) or row.cells["currency"],
                    currency(row.cells["to_currency"]) or row.cells["to_currency"],
                )
                self.written[key] = row.cells["month"]
                row.cells["month"] = key
        return {
            rate_key(rate.month, rate.currency, rate.to_currency): Stored(
                saved(rate.id),
                {
                    "month": rate.month,
                    "currency": rate.currency,
                    "to_currency": rate.to_currency,
                    "rate": plain_rate(rate.rate),
                },
            )
            for rate in session.exec(select(ExchangeRate)).all()
        }

    def readers(self) -> dict[str, read.Reader]:
        return {
            "month": _as_keyed,
            "currency": read.currency,
            "to_currency": read.currency,
            "rate": _rate,
        }

    def check(self, fields: dict[str, object], stored: Stored | None) -> dict[str, object]:
        written = self.written[value_of(fields, "month", str)]
        month = month_key(written)
        if month is None:
            raise Rejected("import.reject.bad_month", value=read.shown(written))
        if fields["currency"] == fields["to_currency"]:
            raise Rejected("import.reject.same_currency", currency=fields["currency"])
        return fields | {"month": month}

    def new_row(self, fields: dict[str, object], now: datetime) -> dict[str, object]:
        return self.columns(fields) | {"updated_at": now, "updated_by": ACTOR}

    def changed_row(self, fields: dict[str, object], now: datetime) -> dict[str, object]:
        return self.columns(fields) | {"updated_at": now, "updated_by": ACTOR}


def _as_keyed(column: str, value: str) -> str:
    return value


def _rate(column: str, value: str) -> Decimal:
    rate = read_rate(value)
    if rate is None:
        raise Rejected("import.reject.bad_rate", value=read.shown(value))
    return rate
