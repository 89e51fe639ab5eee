"""The message catalog and locale-aware formatting of numbers, money and dates."""

import string
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_time
from babel.numbers import format_currency, format_decimal

from bot.i18n import en, zh_CN
from bot.i18n.catalog import area_messages
from storage.vocabulary import language

_AREAS = area_messages()
CATALOGS = {"en": en.MESSAGES | _AREAS["en"], "zh-CN": zh_CN.MESSAGES | _AREAS["zh-CN"]}
DEFAULT_LOCALE = "en"
_FORMATTER = string.Formatter()


def normalise_locale(value: str | None) -> str | None:
    """Map Slack's or a CSV's locale ('zh-CN', 'zh_CN', 'en-US', 'ZH') to one we speak."""
    return language(value)


def t(locale: str, key: str, **params: object) -> str:
    catalog = CATALOGS.get(locale, CATALOGS[DEFAULT_LOCALE])
    template = catalog.get(key) or CATALOGS[DEFAULT_LOCALE][key]
    if not params:
        return template
    return _filled(template, params) if "}." in template else template.format(**params)


def _filled(template: str, params: dict) -> str:
    """A value that ends with a full stop ("Pacific Rim Trading Co., Ltd.") ends the sentence
    itself: the template's full stop after it is dropped, so no "Ltd.." is ever written."""
    parts: list[str] = []
    for literal, field, spec, conversion in _FORMATTER.parse(template):
        if literal.startswith(".") and parts and parts[-1].endswith("."):
            literal = literal[1:]
        parts.append(literal)
        if field is not None:
            value = _FORMATTER.convert_field(_FORMATTER.get_value(field, (), params), conversion)
            parts.append(_FORMATTER.format_field(value, spec or ""))
    return "".join(parts)


# Parsed once: Babel parses a locale given by name again on every call.
_BABEL_LOCALES = {"zh-CN": Locale.parse("zh_Hans_CN"), "en": Locale.parse("en_US")}


def babel_locale(locale: str) -> Locale:
    return _BABEL_LOCALES.get(locale, _BABEL_LOCALES["en"])


def money(amount: Decimal, currency: str, locale: str) -> str:
    return format_currency(amount, currency, locale=babel_locale(locale))


def number(value: Decimal | int, locale: str) -> str:
    return format_decimal(value, locale=babel_locale(locale))


def day(value: date | None, locale: str) -> str:
    if value is None:
        return "—"
    return format_date(value, format="medium", locale=babel_locale(locale))


def moment(value: datetime, locale: str, timezone: str) -> str:
    local = value.astimezone(ZoneInfo(timezone))
    speaks = babel_locale(locale)
    return f"{format_date(local, 'medium', locale=speaks)} {format_time(local, 'short', locale=speaks)}"
