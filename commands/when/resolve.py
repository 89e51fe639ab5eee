"""From the parts the grammar found to a moment: one small resolver per kind of expression,
tried in order; the first that recognises its parts gives the answer."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from commands.when import holidays
from commands.when.grammar import Edge, Parts
from commands.when.words import Invalid

# Parts of the day: the time each means alone, and the 24-hour span it covers.
_DEFAULT_TIME = {
    "early": None, "morning": (9, 0), "noon": (12, 0), "afternoon": (14, 0), "dusk": (18, 0),
    "night": (20, 0),
}  # fmt: skip
_SPAN = {
    "early": (0, 6), "morning": (5, 11), "noon": (11, 14), "afternoon": (12, 18),
    "dusk": (16, 20), "night": (17, 23),
}  # fmt: skip
END_OF_DAY = (17, 0)


def localize(naive: datetime, zone: ZoneInfo) -> datetime:
    """Wall time in ``zone``: a time in the spring-forward gap moves on by the gap."""
    return naive.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)


@dataclass(frozen=True)
class _Reading:
    parts: Parts
    now: datetime
    zone: ZoneInfo
    future: bool
    clock: tuple[int, int, int] | None  # (hour, minute, days to add), None: a day alone

    @property
    def today(self) -> date:
        return self.now.date()

    def at(self, day: date) -> datetime:
        if self.clock is None:
            return localize(datetime.combine(day, time()), self.zone)
        hour, minute, days = self.clock
        return localize(datetime.combine(day + timedelta(days=days), time(hour, minute)), self.zone)

    def ahead(self, day: date) -> bool:
        """Whether ``day`` lies the way the reading prefers (today counts either way)."""
        return day >= self.today if self.future else day <= self.today


def resolve(p: Parts, now: datetime, zone: ZoneInfo, future: bool) -> datetime:
    if p.now:
        if p != Parts(now=True):
            raise Invalid("now with more")
        return now
    _check_combination(p)
    reading = _Reading(p, now, zone, future, _time_of_day(p))
    for resolver in _RESOLVERS:
        moment = resolver(reading)
        if moment is not None:
            return moment
    raise Invalid("nothing to read")


def _check_combination(p: Parts) -> None:
    days: list[object] = [
        x for x in (p.rel_days, p.month_day, p.month_rel, p.day_only) if x is not None
    ]
    days += [x for x in (p.edge, p.holiday) if x]
    if len(days) > 1 or (p.year is not None and p.year_rel is not None):
        raise Invalid("two dates")
    if p.weekday and (p.edge or p.holiday):
        raise Invalid("a weekday with a span")
    takes_a_year = p.month_day or p.holiday or (p.edge and (p.edge.unit == "year" or p.edge.month))
    if (p.year is not None or p.year_rel is not None) and not takes_a_year:
        raise Invalid("a year alone")
    if p.offset and (days or p.weekday):
        raise Invalid("offset with a date")


def _time_of_day(p: Parts) -> tuple[int, int, int] | None:
    """(hour, minute, days to add) or None for a date alone."""
    if p.clock and p.eod:
        raise Invalid("two times")
    if p.clock:
        return _clock_time(p.clock, p.period)
    if p.eod:
        if p.period:
            raise Invalid("eod with a part of the day")
        return (*END_OF_DAY, 0)
    if p.period:
        default = _DEFAULT_TIME[p.period]
        if default is None:
            raise Invalid(p.period)
        return default[0], default[1], 0
    return None


def _clock_time(clock: tuple[int, int, str], period: str | None) -> tuple[int, int, int]:
    hour, minute, form = clock
    if period is None:
        return hour, minute, 0
    if form == "ampm" or (form == "hm" and hour >= 13):
        if period == "night" and hour == 0:
            return 0, minute, 1
        low, high = _SPAN[period]
        if low <= hour <= high:
            return hour, minute, 0
        raise Invalid("time outside its part of the day")
    hour, days = _twelve_hour(period, hour)
    return hour, minute, days


def _twelve_hour(period: str, hour: int) -> tuple[int, int]:
    """(24-hour hour, days to add) for an hour said with a part of the day, 12-hour style."""
    if period == "early" and (hour <= 6 or hour == 12):
        return (0 if hour == 12 else hour), 0
    if period == "morning" and 1 <= hour <= 11:
        return hour, 0
    if period == "noon" and (hour in (11, 12) or 1 <= hour <= 2):
        return (hour + 12 if hour <= 2 else hour), 0
    if period == "afternoon" and 1 <= hour <= 12:
        return (hour if hour == 12 else hour + 12), 0
    if period == "dusk" and 4 <= hour <= 8:
        return hour + 12, 0
    if period == "night" and (5 <= hour <= 12 or hour == 0):
        return (0, 1) if hour in (0, 12) else (hour + 12, 0)
    raise Invalid(period)


# ---------------------------------------------------------------------------------------------
# The resolvers, in the order they are tried


def _after_an_offset(r: _Reading) -> datetime | None:
    """In 2 hours, 3天后, within 3 days: hours are elapsed time, days move the calendar."""
    if not r.parts.offset:
        return None
    amount, unit = r.parts.offset
    if unit in ("seconds", "minutes", "hours"):
        if r.clock is not None:
            raise Invalid("offset in hours with a time")
        return (r.now.astimezone(UTC) + timedelta(**{unit: amount})).astimezone(r.zone)
    if amount != int(amount):
        raise Invalid("fractional days")
    moved = _shift(r.now.replace(tzinfo=None), unit, int(amount))
    return r.at(moved.date()) if r.clock is not None else localize(moved, r.zone)


def _around_a_holiday(r: _Reading) -> datetime | None:
    """国庆节后, before Chinese New Year, 元旦: the holiday's first day off, or the last working
    day before its break, or the first one after it."""
    if not r.parts.holiday:
        return None
    name, relation = r.parts.holiday
    if relation == "day" and r.parts.by:
        relation = "before"
    year = _named_year(r.parts, r.today)
    if year is not None:
        return r.at(_holiday_in(name, year, relation))
    step, first = 1, r.today.year
    if not r.future:  # a break in January can end a day that is now in December
        step, first = -1, r.today.year + (r.today.year + 1 in holidays.known_years())
    for year in (first, first + step, first + 2 * step):
        day = _holiday_in(name, year, relation)
        if r.ahead(day):
            return r.at(day)
    raise Invalid(name)


def _holiday_in(name: str, year: int, relation: str) -> date:
    day = holidays.holiday_day(name, year, relation)
    if day is None:
        raise Invalid(f"{name} {year} is not known")
    return day


def _at_an_edge(r: _Reading) -> datetime | None:
    """月底, 下月初, 本周内, 12月底, end of next week, by end of month, 年底: the day it names."""
    edge = r.parts.edge
    if not edge:
        return None
    year = _named_year(r.parts, r.today)
    if edge.unit == "year" and year is not None:
        return r.at(_edge_day(edge, date(year, 1, 1)))
    if edge.month and year is not None:
        return r.at(_edge_day(edge, date(year, edge.month, 1)))
    if edge.month:
        anchor = date(r.today.year, edge.month, 1)
        return r.at(_nearest_edge(r, edge, anchor, lambda d, n: d.replace(year=d.year + n)))
    move = _UNIT_MOVES[edge.unit]
    if edge.shift is not None:
        return r.at(_edge_day(edge, move(r.today, edge.shift)))
    return r.at(_nearest_edge(r, edge, r.today, move))


def _nearest_edge(r: _Reading, edge: Edge, anchor: date, move: Callable[[date, int], date]) -> date:
    """This one, or the next (previous) one once it has passed (is still ahead)."""
    day = _edge_day(edge, anchor)
    if not r.ahead(day):
        day = _edge_day(edge, move(anchor, 1 if r.future else -1))
    return day


def _edge_day(edge: Edge, anchor: date) -> date:
    if edge.unit == "week":
        monday = anchor - timedelta(days=anchor.weekday())
        return monday + timedelta(days={"start": 0, "mid": 2}.get(edge.position, 6))
    if edge.unit == "year":
        return {"start": date(anchor.year, 1, 1), "mid": date(anchor.year, 6, 30)}.get(
            edge.position, date(anchor.year, 12, 31)
        )
    last = calendar.monthrange(anchor.year, anchor.month)[1]
    day = {"start": 1, "xun1": 10, "mid": 15, "xun2": 20}.get(edge.position, last)
    return anchor.replace(day=day)


def _month_on(day: date, months: int) -> date:
    year, month = _add_months(day.year, day.month, months)
    return date(year, month, 1)


_UNIT_MOVES: dict[str, Callable[[date, int], date]] = {
    "week": lambda day, n: day + timedelta(weeks=n),
    "month": _month_on,
    "year": lambda day, n: date(day.year + n, 1, 1),
}


def _on_a_named_day(r: _Reading) -> datetime | None:
    """Today, 12月3日, Dec 3, 下个月5号, 3号; a weekday said with it must agree."""
    day = _named_day(r)
    if day is None:
        return None
    if r.parts.weekday is not None and day.weekday() != r.parts.weekday[0]:
        raise Invalid("weekday does not match the date")
    return r.at(day)


def _named_day(r: _Reading) -> date | None:
    p = r.parts
    if p.rel_days is not None:
        return r.today + timedelta(days=p.rel_days)
    if p.month_day is not None:
        month, day = p.month_day
        year = _named_year(p, r.today)
        if year is not None:
            return _real_date(year, month, day)
        return _roll_year(r.today, month, day, r.future)
    if p.month_rel is not None:
        months, day = p.month_rel
        return _real_date(*_add_months(r.today.year, r.today.month, months), day)
    if p.day_only is not None:
        return _roll_month(r.today, p.day_only, r.future)
    return None


def _on_a_weekday(r: _Reading) -> datetime | None:
    """Friday, 下周三, next Tuesday, last Friday, this weekend (see the rules on weeks)."""
    if r.parts.weekday is None:
        return None
    weekday, mode, weeks = r.parts.weekday
    today = r.today
    if mode in ("week", "next"):
        return r.at(today + timedelta(days=weekday - today.weekday(), weeks=weeks))
    if mode == "last":
        return r.at(today - timedelta(days=(today.weekday() - weekday - 1) % 7 + 1))
    if mode == "coming" or r.future:
        day = today + timedelta(days=(weekday - today.weekday()) % 7 or 7 * (mode == "coming"))
        if r.clock is not None and r.at(day) < r.now:
            day += timedelta(days=7)
        return r.at(day)
    day = today - timedelta(days=(today.weekday() - weekday) % 7)
    if r.clock is not None and r.at(day) > r.now:
        day -= timedelta(days=7)
    return r.at(day)


def _end_of_today(r: _Reading) -> datetime | None:
    return r.at(r.today) if r.parts.eod else None


def _a_clock_time_alone(r: _Reading) -> datetime | None:
    """5pm, 下午3点: today's, or the next (previous) day's once it has passed (is ahead)."""
    if r.clock is None:
        return None
    moment = r.at(r.today)
    if r.future and moment < r.now:
        return r.at(r.today + timedelta(days=1))
    if not r.future and moment > r.now:
        return r.at(r.today - timedelta(days=1))
    return moment


_RESOLVERS: tuple[Callable[[_Reading], datetime | None], ...] = (
    _after_an_offset,
    _around_a_holiday,
    _at_an_edge,
    _on_a_named_day,
    _on_a_weekday,
    _end_of_today,
    _a_clock_time_alone,
)


# ---------------------------------------------------------------------------------------------
# Calendar arithmetic


def _named_year(p: Parts, today: date) -> int | None:
    if p.year_rel is not None:
        return today.year + p.year_rel
    return p.year


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _real_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise Invalid(f"{year}-{month}-{day}") from exc


def _is_date(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _shift(moment: datetime, unit: str, amount: int) -> datetime:
    """Calendar arithmetic on a naive wall time; month ends are clamped (Jan 31 + 1 month)."""
    if unit in ("days", "weeks"):
        return moment + timedelta(**{unit: amount})
    months = amount * (12 if unit == "years" else 1)
    year, month = _add_months(moment.year, moment.month, months)
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def _roll_year(today: date, month: int, day: int, future: bool) -> date:
    step = 1 if future else -1
    for k in range(9):  # 29 February waits for a leap year
        year = today.year + k * step
        if _is_date(year, month, day):
            candidate = date(year, month, day)
            if (candidate >= today) if future else (candidate <= today):
                return candidate
    raise Invalid(f"{month}/{day}")


def _roll_month(today: date, day: int, future: bool) -> date:
    step = 1 if future else -1
    for k in range(13):
        year, month = _add_months(today.year, today.month, k * step)
        if _is_date(year, month, day):
            candidate = date(year, month, day)
            if (candidate >= today) if future else (candidate <= today):
                return candidate
    raise Invalid(f"day {day}")
