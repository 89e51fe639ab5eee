"""Read a date or time the way a user types it, in English or Chinese, in their own time zone.

    parse_when(text, tz="UTC", now=None, *, prefer="future") -> aware datetime | None
    parse_date(text, tz="UTC", now=None, prefer="future") -> date | None

``tz`` is the user's IANA zone; ``now`` is an aware datetime (any zone; it is converted to
``tz``; a naive one is taken as wall time in ``tz``; default: the current time). The result is
always an aware datetime in ``tz`` (a ``ZoneInfo``), or None when the words are not understood.
Only bad *arguments* raise (``ValueError`` for an unknown ``tz``, a ``prefer`` other than
"future"/"past", a ``now`` that is not a datetime); no text ever does: anything odd, or
longer than 200 characters, reads as None.

How it reads
------------
A small grammar of our own reads the everyday forms, in both languages and mixed
("明天 3pm", "Tue Dec 3 下午3点"): a day part (today/明天/后天, weekdays, 12月3日, Dec 3,
12/3, 2026-12-03, 3号, 下个月5号), a part of the day (morning/上午/下午/晚上/今晚...), a clock
time (3pm, 15:00, 3点半, 十点一刻) and offsets (in 2 hours, 2 days ago, 半小时后, 3天前).
Values that make no sense (2月30日, 25点, 下午13点, 32号) give None straight away. Anything
the grammar does not recognise at all goes to dateparser (English; Chinese and English when the
text has Chinese characters), which covers the long tail: "3pm EST", "15:00 UTC", "next week",
"in 2 weeks and 3 days", "1 hour and 30 minutes ago", "december 3 at 3 in the afternoon".
Its answers are kept only when they name at least a day (a bare month or year, "5" or
"march", reads as None); bare numbers never reach it.

Rules
-----
- A day without a time ("tomorrow", "下周二", "Dec 3") is that day's local midnight; use
  ``parse_date`` for date fields. "now"/"现在" is ``now`` itself.
- Parts of the day without a clock time: morning/早上/上午 09:00, noon/中午 12:00,
  afternoon/下午 14:00, 傍晚 18:00, evening/tonight/晚上/今晚 20:00; "end of day"/"eod" 17:00
  (today unless a day is given). 凌晨 needs a clock time.
- Offsets: minutes, hours and seconds are elapsed time (DST-exact); days, weeks, months and
  years move the calendar and keep the wall-clock time ("3天后" = same time three days on).
  A day offset may carry a time: "3天后下午3点", "2 days ago at 4pm".
- Rolling, with prefer="future" (meetings, due dates):
  * a clock time with no day ("5pm", "at 5pm", "下午3点", "noon") that has passed today means
    tomorrow; with prefer="past" (logging visits) one still ahead today means yesterday;
  * a bare weekday ("Tuesday", "周五") is the nearest such day ahead (past: behind); today
    counts, unless a time is given and has passed (past: is still to come), then it is a week on;
  * a month and day without a year ("Dec 3", "12/3", "12月3日") that has passed this year is
    next year (past: still to come this year is last year); compared by date only, so
    "Nov 22 9am" said on Nov 22 at 10:30 is today;
  * a bare day of the month ("3号", "the 3rd") is this month's, or the next month that has it
    (past: this month's or the last one that has it).
  * explicit days never roll: today/今天, tomorrow, yesterday, "next Tue", 下周二, 这周五,
    2026-12-03, 下个月5号. "today 9am" said at 10:30 is today 09:00.
- Weeks run Monday to Sunday. 这周五/本周五 is the Friday of the current week, so said on a
  Sunday it is two days ago (in China Sunday ends the week; the coming one is 下周五);
  下周X/上周X are in the next/previous week, 下下周X/上上周X two weeks away. In English
  "next Tuesday" is the Tuesday of next week (said on Thursday, "next Friday" is eight days
  on), "last Tuesday" is the most recent one before today, "this Tuesday" is the same as
  "Tuesday", and "coming Tuesday" is always ahead.
- "weekend"/周末 is its Saturday ("this weekend", 这周末, 下周末 follow the weekday rules).
- Dates with slashes or dashes are month/day ("12/3" = 3 December, "12/3/2026" too). Dotted
  dates are written the Chinese and ISO way, year.month.day and month.day ("2026.12.3", "12.3",
  "12.03"); day.month.year is read only when the numbers allow one reading ("25.12.2026";
  "3.12.2026" is None). Right after a day or a part of the day a dotted pair is a clock time
  ("明天10.30", "下午3.30").

Deadlines
---------
A deadline reads as the last day of what it names, in the reader's zone; like any day without a
clock time it is that day's local midnight, and callers keep the date (``parse_date``): due
dates are dates, due by the end of that day, late from the next. A clock time is kept
("周五下午3点前" is Friday 15:00); "eod"/"end of day" stays 17:00.
- "by", "before", "until", "no later than", "due", 前/之前/以前/为止, 截止/最迟/不晚于 add
  nothing to a day: "周五前", "by Friday", "before Friday", "15号前", "by the 15th" are that day.
- Weeks end on Sunday: "本周内", "end of this week", "eow" are this week's Sunday; "下周内",
  "end of next week" next week's.
- Months: 月底/月末/月内, "end of month", "eom", "month end" are the last day; 月初, "early"/
  "beginning of" the 1st; 月中, "mid-month" the 15th; 上旬 the 10th, 中旬 the 20th, 下旬 the
  last day. 本月/下月/上月 and this/next/last fix the month; "12月底", "end of December" name one;
  alone they are this month's, or the next once passed (past: this or the last one).
- Years: 年底/年末/年内, "end of year", "year-end" are 31 December, 年初 1 January; with
  今年/明年/2027年 or this/next/last year; alone, this year's or the next once passed.
- "within 3 days", 3天内, 两周内, 半小时内 are offsets: the moment that much later.

Chinese public holidays
-----------------------
元旦, 春节 (过年, 年前/年后), 清明, 五一/劳动节, 端午, 中秋, 国庆/十一, and in English "New Year's
Day", "Chinese New Year"/"CNY"/"Spring Festival", "Qingming", "May Day"/"Labour Day", "Dragon
Boat Festival", "Mid-Autumn Festival", "National Day" (US "Labor Day" is not read as 五一).
Their dates come from ``chinese_calendar``, the State Council's published breaks (放假) and
make-up working days (调休): the name alone is its first day off; before it (前, "before", "by")
is the last working day before the break; after it (后, "after") is the first working day after
it. A make-up Saturday counts as a working day (春节前 2026 is Saturday 14 February). Without a
year (2026年, 明年) it is the next one not yet passed (past: the last one reached); a year the
package does not know yet reads as None rather than a guess.
- Chinese hours: "3点" alone is 03:00 (24-hour clock). With a part of the day it is a 12-hour
  clock: 下午/晚上 3 -> 15:00, 中午1点 -> 13:00, 凌晨2点 -> 02:00, 晚上12点 -> the next day's
  00:00. An hour of 13 or more with 下午 etc. is nonsense (明天下午13点 -> None); a 24-hour
  "HH:MM" is accepted when it agrees with the part of the day ("下午14:00").
- A weekday given with a date must agree with it ("Tue Dec 1" when Dec 1 is a Tuesday).
- Times that do not exist (the spring-forward gap) move forward by the gap (02:30 -> 03:30);
  ambiguous ones (the fall-back hour) take the first occurrence.

How it is built: ``words`` cleans the text and reads numbers, ``grammar`` turns tokens into
``Parts``, ``resolve`` tries one small resolver per kind of expression, ``holidays`` knows the
breaks, ``fallback`` asks dateparser.

Speed: the grammar answers in well under a millisecond. dateparser is imported lazily; its first
call costs a few hundred milliseconds (imports and language data), later ones a few ms. Its
settings objects and parsers are cached per (zone, preference, reference time, languages).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from commands.when.fallback import fallback
from commands.when.grammar import scan
from commands.when.resolve import localize, resolve
from commands.when.words import HAS_WORD, Invalid, clean

__all__ = ["MAX_TEXT_LENGTH", "parse_date", "parse_when", "warm_up"]

MAX_TEXT_LENGTH = 200


@lru_cache(maxsize=256)
def _zone(tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, TypeError, OSError) as exc:
        raise ValueError(f"unknown time zone: {tz!r}") from exc


def _local_now(now: datetime | None, zone: ZoneInfo) -> datetime:
    if now is None:
        return datetime.now(zone)
    if now.tzinfo is None or now.utcoffset() is None:
        return localize(now, zone)
    return now.astimezone(zone)


def parse_when(
    text: str, tz: str = "UTC", now: datetime | None = None, *, prefer: str = "future"
) -> datetime | None:
    """The moment ``text`` names, as an aware datetime in ``tz``; None if it names none.

    See the module docstring for the rules (what rolls forward, weeks, Chinese hours)."""
    if prefer not in ("future", "past"):
        raise ValueError(f"prefer must be 'future' or 'past', not {prefer!r}")
    if not isinstance(tz, str):
        raise ValueError(f"unknown time zone: {tz!r}")
    zone = _zone(tz)
    if now is not None and not isinstance(now, datetime):
        raise ValueError(f"now must be a datetime, not {type(now).__name__}")
    local_now = _local_now(now, zone)
    if not isinstance(text, str) or len(text) > MAX_TEXT_LENGTH:
        return None
    try:
        return _read(text, local_now, zone, prefer)
    except Exception:  # the promise: no text makes this raise
        return None


def _read(text: str, now: datetime, zone: ZoneInfo, prefer: str) -> datetime | None:
    cleaned = clean(text)
    if not cleaned:
        return None
    try:
        parts = scan(cleaned)
        if parts is not None:
            return resolve(parts, now, zone, prefer == "future").astimezone(zone)
    except (Invalid, ValueError, OverflowError):
        return None
    if not HAS_WORD.search(cleaned):
        return None
    return fallback(cleaned, now, zone, prefer)


def parse_date(
    text: str, tz: str = "UTC", now: datetime | None = None, prefer: str = "future"
) -> date | None:
    """The day ``text`` names, in ``tz`` (for needed-by and due dates); None if it names none."""
    when = parse_when(text, tz, now, prefer=prefer)
    return None if when is None else when.date()


def warm_up() -> None:
    """Load dateparser and its English and Chinese data, and the holiday tables, now (a few
    hundred ms), not on the first user's message. Optional."""
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    parse_when("a week from now", "UTC", moment)
    parse_when("一个星期以后吧", "UTC", moment)
    parse_when("国庆节后", "UTC", moment)
