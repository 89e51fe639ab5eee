"""dateparser, for what the grammar does not know ("3pm EST", "in 2 weeks and 3 days")."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from commands.when.resolve import localize
from commands.when.words import HAS_CJK


@lru_cache(maxsize=16)
def _settings(tz: str, prefer: str):
    from dateparser.conf import settings as defaults  # slow to import: on demand

    chosen = {
        "TIMEZONE": tz,
        "TO_TIMEZONE": tz,
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PREFER_DATES_FROM": prefer,
        "DATE_ORDER": "MDY",
        "PREFER_LOCALE_DATE_ORDER": False,
        # No Unix timestamps, no "1530" read as a year or a time.
        "PARSERS": ["relative-time", "absolute-time"],
    }
    return defaults.replace(mod_settings=chosen, **chosen)


@lru_cache(maxsize=64)
def _parser(tz: str, prefer: str, base: datetime, languages: tuple[str, ...]):
    from dateparser.date import DateDataParser

    settings = _settings(tz, prefer).replace(RELATIVE_BASE=base)
    return DateDataParser(languages=list(languages), settings=settings)


def fallback(text: str, now: datetime, zone: ZoneInfo, prefer: str) -> datetime | None:
    """dateparser's reading, kept only when it names at least a day."""
    languages = ("zh", "en") if HAS_CJK.search(text) else ("en",)
    parser = _parser(zone.key, prefer, now.replace(tzinfo=None), languages)
    data = parser.get_date_data(text)
    found = data.date_obj
    if found is None or data.period in ("month", "year", "quarter"):
        return None
    if "day" not in (data.parts or ("day",)) and data.period not in ("week", "time"):
        return None
    if abs(found.year - now.year) > 100:
        return None
    if found.tzinfo is None:
        return localize(found, zone)
    return found.astimezone(zone)
