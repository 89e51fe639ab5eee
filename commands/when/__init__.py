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
- Dates with slashes or dashes are month/day ("12/3" = 3 December, "12/3/2026" too).
- Chinese hours: "3点" alone is 03:00 (24-hour clock). With a part of the day it is a 12-hour
  clock: 下午/晚上 3 -> 15:00, 中午1点 -> 13:00, 凌晨2点 -> 02:00, 晚上12点 -> the next day's
  00:00. An hour of 13 or more with 下午 etc. is nonsense (明天下午13点 -> None); a 24-hour
  "HH:MM" is accepted when it agrees with the part of the day ("下午14:00").
- A weekday given with a date must agree with it ("Tue Dec 1" when Dec 1 is a Tuesday).
- Times that do not exist (the spring-forward gap) move forward by the gap (02:30 -> 03:30);
  ambiguous ones (the fall-back hour) take the first occurrence.

Speed: the grammar answers in well under a millisecond. dateparser is imported lazily; its first
call costs a few hundred milliseconds (imports and language data), later ones a few ms. Its
settings objects and parsers are cached per (zone, preference, reference time, languages).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["MAX_TEXT_LENGTH", "parse_date", "parse_when", "warm_up"]

MAX_TEXT_LENGTH = 200

# ---------------------------------------------------------------------------------------------
# Arguments


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
        return _localize(now, zone)
    return now.astimezone(zone)


def _localize(naive: datetime, zone: ZoneInfo) -> datetime:
    """Wall time in ``zone``: a time in the spring-forward gap moves on by the gap."""
    return naive.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)


# ---------------------------------------------------------------------------------------------
# Text clean-up

_TRADITIONAL = str.maketrans("後週號兩個點時鐘現這禮幾間過", "后周号两个点时钟现这礼几间过")
_EDGE_PUNCT = " \t\r\n.,;:!?。，；：！？、~～…\"'“”‘’()（）[]【】"
_HAS_CJK = re.compile(r"[\u3400-\u9fff]")
_HAS_WORD = re.compile(r"[a-z\u3400-\u9fff]")


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_TRADITIONAL).lower()
    text = " ".join(text.split())
    return text.strip(_EDGE_PUNCT)


# ---------------------------------------------------------------------------------------------
# Numbers


def _table(spec: str) -> dict[str, str]:
    """ "a=x b=y" -> {"a": "x", "b": "y"}"""
    return dict(item.split("=") for item in spec.split())


def _index(spec: str) -> dict[str, int]:
    """ "a b c" -> {"a": 0, "b": 1, "c": 2}"""
    return {word: i for i, word in enumerate(spec.split())}


_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_EN_NUMBERS = _index("a one two three four five six seven eight nine ten eleven twelve")
_EN_NUMBERS["a"] = _EN_NUMBERS["an"] = 1
NUM = r"(?:[0-9]{1,4}|[零〇一二两三四五六七八九十]{1,5})"


class _Invalid(Exception):
    """The words were recognised but name no real time (2月30日, 25点)."""


def _int(s: str) -> int:
    """Arabic or Chinese numerals up to 99 (十一, 二十三, 两) or digit by digit (二零二六)."""
    if s.isascii() and s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        if "十" in ones or len(tens) > 1 or len(ones) > 1:
            raise _Invalid(s)
        hi = 1 if not tens else _CN_DIGITS.get(tens, 0)
        lo = 0 if not ones else _CN_DIGITS.get(ones, 0)
        if hi == 0 or (ones and lo == 0):
            raise _Invalid(s)
        return hi * 10 + lo
    return int("".join(str(_CN_DIGITS[c]) for c in s))


# ---------------------------------------------------------------------------------------------
# Parts of the day: default time, 12-hour reading of an hour, and the 24-hour span it covers.

_DEFAULT_TIME = {
    "early": None, "morning": (9, 0), "noon": (12, 0), "afternoon": (14, 0), "dusk": (18, 0),
    "night": (20, 0),
}  # fmt: skip
_SPAN = {
    "early": (0, 6), "morning": (5, 11), "noon": (11, 14), "afternoon": (12, 18),
    "dusk": (16, 20), "night": (17, 23),
}  # fmt: skip
_CN_PERIODS = _table(
    "凌晨=early 早上=morning 早晨=morning 清晨=morning 上午=morning 早=morning 中午=noon "
    "正午=noon 午间=noon 下午=afternoon 午后=afternoon 傍晚=dusk 黄昏=dusk 晚上=night "
    "晚间=night 夜里=night 夜间=night 夜晚=night 晚=night"
)
_EN_PERIODS = {"morning": "morning", "afternoon": "afternoon", "evening": "night", "night": "night"}


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
    raise _Invalid(period)


# ---------------------------------------------------------------------------------------------
# What the grammar collects


@dataclass
class _Parts:
    now: bool = False
    offset: tuple[float, str] | None = None  # (signed amount, unit)
    rel_days: int | None = None  # today 0, tomorrow 1 ...
    year: int | None = None
    year_rel: int | None = None  # 今年 0, 明年 1
    month_day: tuple[int, int] | None = None
    month_rel: tuple[int, int] | None = None  # (months on, day)
    day_only: int | None = None
    weekday: tuple[int, str, int] | None = None  # (0=Mon, mode, weeks on)
    period: str | None = None
    clock: tuple[int, int, str] | None = None  # (hour, minute, "ampm" | "hm" | "cn")
    eod: bool = False

    def set(self, name: str, value: object) -> None:
        if getattr(self, name) not in (None, False):
            raise _Invalid(f"two {name}")
        setattr(self, name, value)


_EN_WEEKDAYS = _index("mon tue wed thu fri sat sun")
_CN_WEEKDAYS = _index("一 二 三 四 五 六 日") | _index("1 2 3 4 5 6 7") | {"天": 6, "末": 5}
_MONTHS = _index("- jan feb mar apr may jun jul aug sep oct nov dec")
_UNITS = _table(
    "sec=seconds s=seconds 秒=seconds 秒钟=seconds min=minutes m=minutes 分=minutes "
    "分钟=minutes hour=hours hr=hours h=hours 小时=hours 钟头=hours day=days d=days 天=days "
    "日=days week=weeks wk=weeks w=weeks 周=weeks 星期=weeks 礼拜=weeks month=months "
    "mo=months 个月=months year=years yr=years y=years 年=years"
)


def _unit(word: str) -> str:
    word = word.rstrip("s") or "s"
    for key in (word, word[:3], word[:2]):
        if key in _UNITS:
            return _UNITS[key]
    raise _Invalid(word)


# --- token handlers --------------------------------------------------------------------------


def _on_now(m: re.Match, p: _Parts) -> None:
    p.set("now", True)


def _on_offset_en(m: re.Match, p: _Parts) -> None:
    qty, unit, direction = m["qty"], _unit(m["unit"]), m["dir"]
    if qty.startswith("half"):
        amount: float = 0.5
    elif "couple" in qty:
        amount = 2
    elif qty in _EN_NUMBERS:
        amount = _EN_NUMBERS[qty]
    else:
        amount = float(qty)
    if direction in ("ago", "earlier", "before"):
        amount = -amount
    p.set("offset", (amount, unit))


def _on_offset_cn(m: re.Match, p: _Parts) -> None:
    unit = _UNITS[m["unit"]]
    half = bool(m["half"] or m["half2"])
    amount: float = _int(m["n"]) if m["n"] else 0
    if half:
        if unit != "hours":
            raise _Invalid("半 with " + unit)
        amount += 0.5
    if m["dir"].endswith("前"):
        amount = -amount
    p.set("offset", (amount, unit))


_EN_REL_DAYS = {
    "today": (0, None), "tonight": (0, "night"), "tomorrow": (1, None), "tomorow": (1, None),
    "tmr": (1, None), "tmrw": (1, None), "yesterday": (-1, None),
    "day after tomorrow": (2, None), "day before yesterday": (-2, None),
    "this morning": (0, "morning"), "this afternoon": (0, "afternoon"),
    "this evening": (0, "night"),
}  # fmt: skip
_CN_REL_DAYS = {
    "大后天": (3, None), "大前天": (-3, None), "后天": (2, None), "前天": (-2, None),
    "今天": (0, None), "今日": (0, None), "今儿个": (0, None), "今儿": (0, None),
    "明天": (1, None), "明日": (1, None), "明儿个": (1, None), "明儿": (1, None),
    "昨天": (-1, None), "昨日": (-1, None), "昨儿": (-1, None),
    "今早": (0, "morning"), "今晨": (0, "morning"), "明早": (1, "morning"), "明晨": (1, "morning"),
    "今晚": (0, "night"), "今夜": (0, "night"), "明晚": (1, "night"), "昨晚": (-1, "night"),
}  # fmt: skip


def _on_rel_day(m: re.Match, p: _Parts) -> None:
    word = " ".join(m[0].split()).removeprefix("the ")
    days, period = _EN_REL_DAYS.get(word) or _CN_REL_DAYS[word]
    p.set("rel_days", days)
    if period:
        p.set("period", period)


def _on_year_rel(m: re.Match, p: _Parts) -> None:
    p.set("year_rel", {"今年": 0, "明年": 1, "后年": 2, "去年": -1, "前年": -2}[m[0]])


def _year(text: str) -> int:
    year = _int(text)
    if year < 100:
        year += 2000
    if not 1900 <= year <= 2199:
        raise _Invalid(text)
    return year


def _set_month_day(p: _Parts, month: int, day: int, year: str | None) -> None:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2024, month)[1]:
        raise _Invalid(f"{month}/{day}")
    p.set("month_day", (month, day))
    if year:
        p.set("year", _year(year))


def _on_cn_date(m: re.Match, p: _Parts) -> None:
    _set_month_day(p, _int(m["m"]), _int(m["d"]), m["y"])


def _on_month_rel(m: re.Match, p: _Parts) -> None:
    word = m["rel"]
    months = 0 if word in ("这个月", "本月", "这月") else (1 if word.startswith("下") else -1)
    day = _int(m["d"])
    if not 1 <= day <= 31:
        raise _Invalid(m[0])
    p.set("month_rel", (months, day))


def _on_cn_weekday(m: re.Match, p: _Parts) -> None:
    rel = (m["rel"] or "").replace("个", "")
    weekday = _CN_WEEKDAYS[m["wd"]]
    if not rel:
        p.set("weekday", (weekday, "bare", 0))
        return
    weeks = {"这": 0, "本": 0, "下": 1, "下下": 2, "上": -1, "上上": -2}[rel]
    p.set("weekday", (weekday, "week", weeks))


def _on_en_weekday(m: re.Match, p: _Parts) -> None:
    rel = " ".join((m["rel"] or "").split())
    weekday = 5 if m["wd"] == "weekend" else _EN_WEEKDAYS[m["wd"][:3]]
    mode = {
        "": "bare",
        "this": "bare",
        "next": "next",
        "last": "last",
        "previous": "last",
        "coming": "coming",
        "this coming": "coming",
    }[rel]
    p.set("weekday", (weekday, mode, 1 if mode == "next" else 0))


def _on_iso_date(m: re.Match, p: _Parts) -> None:
    _set_month_day(p, int(m["m"]), int(m["d"]), m["y"])


def _on_month_name(m: re.Match, p: _Parts) -> None:
    _set_month_day(p, _MONTHS[m["mon"][:3]], int(m["d"]), m["y"])


def _on_day_only(m: re.Match, p: _Parts) -> None:
    day = _int(m["d"])
    if not 1 <= day <= 31:
        raise _Invalid(m[0])
    p.set("day_only", day)


def _on_cn_period(m: re.Match, p: _Parts) -> None:
    p.set("period", _CN_PERIODS[m[0]])


def _on_en_period(m: re.Match, p: _Parts) -> None:
    p.set("period", _EN_PERIODS[m["p"]])


def _on_named_time(m: re.Match, p: _Parts) -> None:
    word = m[0]
    if word in ("noon", "midday"):
        p.set("clock", (12, 0, "ampm"))
    elif word == "midnight":
        p.set("clock", (0, 0, "ampm"))
    else:
        p.set("eod", True)


def _on_cn_clock(m: re.Match, p: _Parts) -> None:
    hour = _int(m["h"])
    if m["half"]:
        minute = 30
    elif m["q1"]:
        minute = 15
    elif m["q3"]:
        minute = 45
    elif m["min"]:
        minute = _int(m["min"])
    else:
        minute = 0
    if hour > 23 or minute > 59:
        raise _Invalid(m[0])
    p.set("clock", (hour, minute, "cn"))


def _on_hm_clock(m: re.Match, p: _Parts) -> None:
    hour, minute = int(m["h"]), int(m["min"] or 0)
    second = int(m["s"] or 0)
    ampm = (m["ampm"] or "").replace(".", "")
    if minute > 59 or second > 59:
        raise _Invalid(m[0])
    if ampm:
        if not 1 <= hour <= 12:
            raise _Invalid(m[0])
        hour = hour % 12 + (12 if ampm == "pm" else 0)
        p.set("clock", (hour, minute, "ampm"))
    else:
        if hour > 23:
            raise _Invalid(m[0])
        p.set("clock", (hour, minute, "hm"))


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_EN_QTY = (
    r"(?P<qty>[0-9]{1,4}(?:\.[0-9]+)?|half\s+an?|half|a\s+couple\s+of|couple\s+of|"
    + _alt(_EN_NUMBERS)
    + r")"
)
_EN_UNIT = (
    r"(?P<unit>seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|"
    r"months?|mos?|years?|yrs?|y)"
)
_WD = (
    r"(?P<wd>weekend|monday|mon|tuesday|tues|tue|wednesday|weds|wed|thursday|thurs|thur|thu|"
    r"friday|fri|saturday|sat|sunday|sun)"
)
_MON = (
    r"(?P<mon>january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|"
    r"september|sept|sep|october|oct|november|nov|december|dec)\.?"
)
_YEAR_TAIL = r"(?:,?\s*(?P<y>[0-9]{4})\b(?!:))?"
_FLAGS = re.ASCII


# Tried in this order at each position; the first that matches takes the token.
_TOKENS: list[tuple[re.Pattern[str], Callable[[re.Match[str], _Parts], None]]] = [
    (re.compile(r"(?:right\s+now|now)\b|现在|此刻|马上|立刻|立即", _FLAGS), _on_now),
    (re.compile(rf"in\s+{_EN_QTY}\s*{_EN_UNIT}\b(?P<dir>)", _FLAGS), _on_offset_en),
    (
        re.compile(
            rf"{_EN_QTY}\s*{_EN_UNIT}\s+"
            r"(?P<dir>ago|from\s+(?:now|today)|later|hence|earlier|before)\b",
            _FLAGS,
        ),
        _on_offset_en,
    ),
    (
        re.compile(
            rf"(?:(?P<n>{NUM})\s*个?\s*(?P<half>半)?|(?P<half2>半)\s*个?)\s*"
            r"(?P<unit>小时|钟头|分钟|分|秒钟|秒|天|日|周|星期|礼拜|个月|年)\s*"
            r"(?P<dir>以后|之后|过后|后|以前|之前|前)",
            _FLAGS,
        ),
        _on_offset_cn,
    ),
    (
        re.compile(
            r"(?:the\s+)?day\s+after\s+tomorrow\b|(?:the\s+)?day\s+before\s+yesterday\b|"
            r"(?:today|tonight|tomorrow|tomorow|tmrw|tmr|yesterday|this\s+morning|"
            r"this\s+afternoon|this\s+evening)\b|" + _alt(_CN_REL_DAYS),
            _FLAGS,
        ),
        _on_rel_day,
    ),
    (re.compile(r"今年|明年|后年|去年|前年", _FLAGS), _on_year_rel),
    (
        re.compile(
            rf"(?:(?P<y>{NUM})\s*年\s*)?(?P<m>{NUM})\s*月\s*(?P<d>{NUM})\s*"
            r"(?:日|号|(?!\s*(?:点|时|分|:)))",
            _FLAGS,
        ),
        _on_cn_date,
    ),
    (
        re.compile(
            rf"(?P<rel>这个月|这月|本月|下个?月|上个?月)\s*(?P<d>{NUM})\s*(?:日|号)", _FLAGS
        ),
        _on_month_rel,
    ),
    (
        re.compile(
            r"(?P<rel>这个|这|本|下下个|下下|下个|下|上上个|上上|上个|上)?\s*(?:周|星期|礼拜)"
            r"\s*(?P<wd>[一二三四五六日天末1-7])",
            _FLAGS,
        ),
        _on_cn_weekday,
    ),
    (
        re.compile(
            r"(?:(?P<rel>this\s+coming|this|next|last|previous|coming)\s+)?" + _WD + r"\b\.?",
            _FLAGS,
        ),
        _on_en_weekday,
    ),
    (
        re.compile(r"(?P<y>[0-9]{4})[-/.](?P<m>[0-9]{1,2})[-/.](?P<d>[0-9]{1,2})(?![0-9])", _FLAGS),
        _on_iso_date,
    ),
    (
        re.compile(
            r"(?P<m>[0-9]{1,2})/(?P<d>[0-9]{1,2})/(?P<y>[0-9]{4}|[0-9]{2})(?![0-9])", _FLAGS
        ),
        _on_iso_date,
    ),
    (
        re.compile(r"(?P<m>[0-9]{1,2})[-/](?P<d>[0-9]{1,2})(?![0-9/-])(?P<y>)", _FLAGS),
        _on_iso_date,
    ),
    (
        re.compile(_MON + r"\s*(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?\b" + _YEAR_TAIL, _FLAGS),
        _on_month_name,
    ),
    (
        re.compile(
            r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?\s*(?:of\s+)?" + _MON + r"\b" + _YEAR_TAIL,
            _FLAGS,
        ),
        _on_month_name,
    ),
    (re.compile(r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)\b", _FLAGS), _on_day_only),
    (
        re.compile(
            rf"(?P<h>{NUM})\s*(?:点钟|点|时)(?:\s*(?:(?P<half>半)|(?P<q1>一刻|1刻)|"
            rf"(?P<q3>三刻|3刻)|整|过?\s*(?P<min>{NUM})"
            r"(?!\s*(?:号|日|月|天|周|年|小时|个|钟头))\s*分?))?",
            _FLAGS,
        ),
        _on_cn_clock,
    ),
    (re.compile(rf"(?P<d>{NUM})\s*(?:号|日)", _FLAGS), _on_day_only),
    (re.compile(_alt(_CN_PERIODS), _FLAGS), _on_cn_period),
    (
        re.compile(r"(?:in\s+the\s+|at\s+)?(?P<p>morning|afternoon|evening|night)\b", _FLAGS),
        _on_en_period,
    ),
    (
        re.compile(
            r"(?:noon|midday|midnight|eod|cob|close\s+of\s+business|"
            r"end\s+of\s+(?:the\s+)?(?:business\s+|work\s+)?day)\b",
            _FLAGS,
        ),
        _on_named_time,
    ),
    (
        re.compile(
            r"(?P<h>[0-9]{1,2}):(?P<min>[0-9]{2})(?::(?P<s>[0-9]{2}))?"
            r"(?:\s*(?P<ampm>a\.?m\.?|p\.?m\.?))?(?![a-z0-9:])",
            _FLAGS,
        ),
        _on_hm_clock,
    ),
    (
        re.compile(
            r"(?P<h>[0-9]{1,2})(?P<min>)(?P<s>)\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?![a-z0-9])", _FLAGS
        ),
        _on_hm_clock,
    ),
]
# Between tokens: spaces, commas and a few words that add nothing ("at", "on", "by", 在, 的).
_SKIP = re.compile(
    r"(?:[\s,;、]+|(?:at|on|by|around|about|the)\b|@|[在于的约]|t(?=[0-9]))+", _FLAGS
)


def _scan(text: str) -> _Parts | None:
    """The parts the grammar finds, None if some of the text is not ours; raises _Invalid."""
    parts, pos, found = _Parts(), 0, False
    while True:
        skip = _SKIP.match(text, pos)
        if skip:
            pos = skip.end()
        if pos >= len(text):
            return parts if found else None
        for pattern, handler in _TOKENS:
            match = pattern.match(text, pos)
            if match and match.end() > pos:
                handler(match, parts)
                pos, found = match.end(), True
                break
        else:
            return None


# ---------------------------------------------------------------------------------------------
# From parts to a datetime


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _real_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise _Invalid(f"{year}-{month}-{day}") from exc


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


def _time_of_day(p: _Parts) -> tuple[int, int, int] | None:
    """(hour, minute, days to add) or None for a date alone."""
    if p.clock and p.eod:
        raise _Invalid("two times")
    if p.clock:
        hour, minute, form = p.clock
        if p.period is None:
            return hour, minute, 0
        if form == "ampm" or (form == "hm" and hour >= 13):
            if p.period == "night" and hour == 0:
                return 0, minute, 1
            low, high = _SPAN[p.period]
            if low <= hour <= high:
                return hour, minute, 0
            raise _Invalid("time outside its part of the day")
        hour, days = _twelve_hour(p.period, hour)
        return hour, minute, days
    if p.eod:
        if p.period:
            raise _Invalid("eod with a part of the day")
        return 17, 0, 0
    if p.period:
        default = _DEFAULT_TIME[p.period]
        if default is None:
            raise _Invalid(p.period)
        return default[0], default[1], 0
    return None


def _resolve(p: _Parts, now: datetime, zone: ZoneInfo, future: bool) -> datetime:
    if p.now:
        if p != _Parts(now=True):
            raise _Invalid("now with more")
        return now
    tod = _time_of_day(p)
    today = now.date()

    def at(day: date) -> datetime:
        if tod is None:
            return _localize(datetime.combine(day, time()), zone)
        hour, minute, days = tod
        return _localize(datetime.combine(day + timedelta(days=days), time(hour, minute)), zone)

    dated = [x for x in (p.rel_days, p.month_day, p.month_rel, p.day_only) if x is not None]
    if len(dated) > 1 or (p.year is not None and p.year_rel is not None):
        raise _Invalid("two dates")
    if (p.year is not None or p.year_rel is not None) and p.month_day is None:
        raise _Invalid("a year alone")

    if p.offset:
        if dated or p.weekday:
            raise _Invalid("offset with a date")
        amount, unit = p.offset
        if unit in ("seconds", "minutes", "hours"):
            if tod is not None:
                raise _Invalid("offset in hours with a time")
            return (now.astimezone(UTC) + timedelta(**{unit: amount})).astimezone(zone)
        if amount != int(amount):
            raise _Invalid("fractional days")
        moved = _shift(now.replace(tzinfo=None), unit, int(amount))
        return at(moved.date()) if tod is not None else _localize(moved, zone)

    day: date | None = None
    if p.rel_days is not None:
        day = today + timedelta(days=p.rel_days)
    elif p.month_day is not None:
        month, dom = p.month_day
        year = p.year
        if p.year_rel is not None:
            year = today.year + p.year_rel
        if year is not None:
            day = _real_date(year, month, dom)
        else:
            day = _roll_year(today, month, dom, future)
    elif p.month_rel is not None:
        months, dom = p.month_rel
        day = _real_date(*_add_months(today.year, today.month, months), dom)
    elif p.day_only is not None:
        day = _roll_month(today, p.day_only, future)

    if p.weekday is not None:
        weekday, mode, weeks = p.weekday
        if day is not None:
            if day.weekday() != weekday:
                raise _Invalid("weekday does not match the date")
        elif mode in ("week", "next"):
            day = today + timedelta(days=weekday - today.weekday(), weeks=weeks)
        elif mode == "last":
            day = today - timedelta(days=(today.weekday() - weekday - 1) % 7 + 1)
        elif mode == "coming" or future:
            day = today + timedelta(days=(weekday - today.weekday()) % 7 or 7 * (mode == "coming"))
            if tod is not None and at(day) < now:
                day += timedelta(days=7)
        else:
            day = today - timedelta(days=(today.weekday() - weekday) % 7)
            if tod is not None and at(day) > now:
                day -= timedelta(days=7)

    if day is not None or p.eod:
        return at(day or today)
    if tod is None:
        raise _Invalid("nothing to read")
    # A clock time alone: today's, or the next (previous) day's once it has passed (is ahead).
    moment = at(today)
    if future and moment < now:
        moment = at(today + timedelta(days=1))
    elif not future and moment > now:
        moment = at(today - timedelta(days=1))
    return moment


def _roll_year(today: date, month: int, day: int, future: bool) -> date:
    step = 1 if future else -1
    for k in range(9):  # 29 February waits for a leap year
        year = today.year + k * step
        if _is_date(year, month, day):
            candidate = date(year, month, day)
            if (candidate >= today) if future else (candidate <= today):
                return candidate
    raise _Invalid(f"{month}/{day}")


def _roll_month(today: date, day: int, future: bool) -> date:
    step = 1 if future else -1
    for k in range(13):
        year, month = _add_months(today.year, today.month, k * step)
        if _is_date(year, month, day):
            candidate = date(year, month, day)
            if (candidate >= today) if future else (candidate <= today):
                return candidate
    raise _Invalid(f"day {day}")


# ---------------------------------------------------------------------------------------------
# dateparser, for what the grammar does not know


@lru_cache(maxsize=16)
def _dateparser_settings(tz: str, prefer: str):
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
def _dateparser(tz: str, prefer: str, base: datetime, languages: tuple[str, ...]):
    from dateparser.date import DateDataParser

    settings = _dateparser_settings(tz, prefer).replace(RELATIVE_BASE=base)
    return DateDataParser(languages=list(languages), settings=settings)


def _fallback(text: str, now: datetime, zone: ZoneInfo, prefer: str) -> datetime | None:
    languages = ("zh", "en") if _HAS_CJK.search(text) else ("en",)
    parser = _dateparser(zone.key, prefer, now.replace(tzinfo=None), languages)
    data = parser.get_date_data(text)
    found = data.date_obj
    if found is None or data.period in ("month", "year", "quarter"):
        return None
    if "day" not in (data.parts or ("day",)) and data.period not in ("week", "time"):
        return None
    if abs(found.year - now.year) > 100:
        return None
    if found.tzinfo is None:
        return _localize(found, zone)
    return found.astimezone(zone)


# ---------------------------------------------------------------------------------------------
# The API


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
    cleaned = _clean(text)
    if not cleaned:
        return None
    try:
        parts = _scan(cleaned)
        if parts is not None:
            return _resolve(parts, now, zone, prefer == "future").astimezone(zone)
    except (_Invalid, ValueError, OverflowError):
        return None
    if not _HAS_WORD.search(cleaned):
        return None
    return _fallback(cleaned, now, zone, prefer)


def parse_date(
    text: str, tz: str = "UTC", now: datetime | None = None, prefer: str = "future"
) -> date | None:
    """The day ``text`` names, in ``tz`` (for needed-by and due dates); None if it names none."""
    when = parse_when(text, tz, now, prefer=prefer)
    return None if when is None else when.date()


def warm_up() -> None:
    """Load dateparser and its English and Chinese data now (a few hundred ms), not on the
    first user's message. Optional."""
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    parse_when("a week from now", "UTC", moment)
    parse_when("一个星期以后吧", "UTC", moment)
