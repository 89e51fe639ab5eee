"""Working days: Monday to Friday, or, on a Chinese calendar, the days China's State Council
publishes as working (public holidays off, make-up Saturdays and Sundays on).

For a year the calendar package does not know yet, a Chinese calendar falls back to weekends
only: a guess would be worse than the plain week, and `knows_year` lets callers say so.
"""

from datetime import date, timedelta
from functools import cache


def is_working_day(day: date, chinese: bool = False) -> bool:
    if chinese and knows_year(day.year):
        from chinese_calendar import is_workday  # on demand: most teams never need it

        return is_workday(day)
    return day.weekday() < 5


def working_days(first: date, last: date, chinese: bool = False) -> int:
    """How many working days from `first` to `last`, both included (0 if last < first)."""
    return sum(
        is_working_day(first + timedelta(days=offset), chinese)
        for offset in range((last - first).days + 1)
    )


@cache
def knows_year(year: int) -> bool:
    """Whether China's holidays for `year` are published in the calendar package."""
    from chinese_calendar import is_workday

    try:
        is_workday(date(year, 1, 1))
    except NotImplementedError:
        return False
    return True
