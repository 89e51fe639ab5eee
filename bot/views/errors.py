"""Domain errors in words, for their reader: one renderer for every feature.

A domain error carries a catalog key and parameters; each parameter is shown the way its type
is read: a moment in the reader's zone, a day and a number in their language, a status by its
label, a list of names joined. Several problems with one form are listed together."""

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from bot.i18n import day, moment, money, number, t
from bot.views.blocks import notice
from bot.views.forms import short_list
from commands.errors import DomainError, FormProblems
from commands.people import Reader
from storage.statuses import ChangeRequestStatus, ContractStatus, OrderStatus, SampleStatus

# The catalog prefix of each status's label: `{prefix}.{value}`.
STATUS_LABELS: dict[type[StrEnum], str] = {
    OrderStatus: "status",
    SampleStatus: "sample.status",
    ContractStatus: "contract.status",
    ChangeRequestStatus: "order_change.status",
}


def error_reply(error: DomainError, reader: Reader) -> dict:
    return notice(error_text(error, reader))


def error_text(error: DomainError, reader: Reader) -> str:
    if isinstance(error, FormProblems) and len(error.problems) > 1:
        lines = [t(reader.locale, error.heading)]
        lines += [f"• {error_text(problem, reader)}" for problem in error.problems.values()]
        return "\n".join(lines)
    return t(reader.locale, error.key, **shown_params(error.params, reader))


def shown_params(params: dict, reader: Reader) -> dict:
    shown_ = {name: shown(value, reader) for name, value in params.items()}
    if "allowed" in params:  # every step possible from here, or the end of the line
        steps = [str(shown(step, reader)) for step in params["allowed"]]
        separator = t(reader.locale, "list.separator")
        shown_["allowed"] = separator.join(steps) or t(reader.locale, "list.none")
    currency = params.get("currency")
    if isinstance(currency, str):  # an error that names a currency shows its amounts in it
        for name, value in params.items():
            if isinstance(value, Decimal):
                shown_[name] = money(value, currency, reader.locale)
    return shown_


def shown(value: object, reader: Reader) -> object:
    locale = reader.locale
    if isinstance(value, StrEnum):
        return status_label(value, locale)
    if isinstance(value, datetime):
        return moment(value, locale, reader.timezone)
    if isinstance(value, date):
        return day(value, locale)
    if isinstance(value, Decimal):
        return number(value, locale)
    if isinstance(value, tuple | list | frozenset | set):
        names = [str(shown(item, reader)) for item in value]
        return short_list(names, locale) if names else "—"
    return value


def status_label(status: StrEnum, locale: str) -> str:
    prefix = STATUS_LABELS.get(type(status))
    return t(locale, f"{prefix}.{status}") if prefix else str(status)
