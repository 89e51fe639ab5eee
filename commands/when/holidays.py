"""China's public holidays as the State Council publishes them, from ``chinese_calendar``: each
year's official break (休假) and the working days around it, make-up working days (调休) included.

A break is a run of consecutive days off; it belongs to the year of its last day (元旦 2024 ran
from 30 December 2023). A year the package does not know has no breaks here: the caller reads the
word as None rather than guess."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

NEW_YEAR = "New Year's Day"
SPRING_FESTIVAL = "Spring Festival"
TOMB_SWEEPING = "Tomb-sweeping Day"
LABOUR_DAY = "Labour Day"
DRAGON_BOAT = "Dragon Boat Festival"
MID_AUTUMN = "Mid-autumn Festival"
NATIONAL_DAY = "National Day"


@dataclass(frozen=True)
class Break:
    first: date
    last: date
    starts: dict[str, date]  # each holiday in the break -> its first day off


@cache
def _breaks() -> tuple[Break, ...]:
    from chinese_calendar.constants import holidays  # on demand: not every reading needs it

    runs: list[list[tuple[date, str]]] = []
    for day, name in sorted(holidays.items()):
        if runs and runs[-1][-1][0] + timedelta(days=1) == day:
            runs[-1].append((day, name))
        else:
            runs.append([(day, name)])
    return tuple(_break(run) for run in runs)


def _break(run: list[tuple[date, str]]) -> Break:
    starts: dict[str, date] = {}
    for day, name in run:
        starts.setdefault(name, day)
    return Break(run[0][0], run[-1][0], starts)


@cache
def known_years() -> frozenset[int]:
    return frozenset(b.last.year for b in _breaks())


def holiday_day(name: str, year: int, relation: str) -> date | None:
    """For the break of holiday ``name`` in ``year``: its first day off ("day"), the last working
    day before it ("before") or the first working day after it ("after"); None if unknown."""
    found = next((b for b in _breaks() if name in b.starts and b.last.year == year), None)
    if found is None:
        return None
    if relation == "before":
        return _working_day(found.first, -1)
    if relation == "after":
        return _working_day(found.last, 1)
    return found.starts[name]


def _working_day(edge: date, step: int) -> date | None:
    """The first working day beyond ``edge`` going ``step`` days at a time (a make-up Saturday
    counts; a plain weekend does not)."""
    from chinese_calendar import is_workday

    day = edge + timedelta(days=step)
    try:
        while not is_workday(day):
            day += timedelta(days=step)
    except NotImplementedError:  # ran into a year the package does not know
        return None
    return day
