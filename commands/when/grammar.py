"""The grammar: tokens in both languages and the parts of a date or time they collect.

``scan`` walks the text token by token (the first pattern that matches at a position takes it)
and fills a ``Parts``; it gives None when some of the text is not ours, and raises ``Invalid``
when the words are ours but name nothing real (2月30日, 25点)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass

from commands.when import holidays
from commands.when.words import (
    EN_NUMBERS,
    NUM,
    Invalid,
    alternatives,
    index,
    number,
    table,
    year,
)


@dataclass(frozen=True)
class Edge:
    """The start, middle or end of a week, month or year: 月底, 下月初, end of next week."""

    unit: str  # "week" | "month" | "year"
    position: str  # "start" | "mid" | "end" | "xun1" | "xun2" (end of 上旬, 中旬)
    shift: int | None = None  # 0 this, 1 next, -1 last; None: the nearest (rolls)
    month: int | None = None  # a named month: 12月底, end of December


@dataclass
class Parts:
    now: bool = False
    offset: tuple[float, str] | None = None  # (signed amount, unit)
    rel_days: int | None = None  # today 0, tomorrow 1 ...
    year: int | None = None
    year_rel: int | None = None  # 今年 0, 明年 1
    month_day: tuple[int, int] | None = None
    month_rel: tuple[int, int] | None = None  # (months on, day)
    day_only: int | None = None
    weekday: tuple[int, str, int] | None = None  # (0=Mon, mode, weeks on)
    edge: Edge | None = None
    holiday: tuple[str, str] | None = None  # (name, "day" | "before" | "after")
    period: str | None = None
    clock: tuple[int, int, str] | None = None  # (hour, minute, "ampm" | "hm" | "cn")
    eod: bool = False
    by: bool = False  # a deadline word: by, before, 前, 之前, 截止

    def set(self, name: str, value: object) -> None:
        if getattr(self, name) not in (None, False):
            raise Invalid(f"two {name}")
        setattr(self, name, value)

    def names_a_day(self) -> bool:
        days = (self.rel_days, self.month_day, self.month_rel, self.day_only, self.weekday)
        return any(x is not None for x in days) or bool(self.edge or self.holiday)


EN_WEEKDAYS = index("mon tue wed thu fri sat sun")
_CN_WEEKDAYS = index("一 二 三 四 五 六 日") | index("1 2 3 4 5 6 7") | {"天": 6, "末": 5}
MONTHS = index("- jan feb mar apr may jun jul aug sep oct nov dec")
_UNITS = table(
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
    raise Invalid(word)


# ---------------------------------------------------------------------------------------------
# Parts of the day: the words, and the 12-hour reading of an hour said with one

CN_PERIODS = table(
    "凌晨=early 早上=morning 早晨=morning 清晨=morning 上午=morning 早=morning 中午=noon "
    "正午=noon 午间=noon 下午=afternoon 午后=afternoon 傍晚=dusk 黄昏=dusk 晚上=night "
    "晚间=night 夜里=night 夜间=night 夜晚=night 晚=night"
)
_EN_PERIODS = {"morning": "morning", "afternoon": "afternoon", "evening": "night", "night": "night"}


# ---------------------------------------------------------------------------------------------
# Token handlers


def _on_now(m: re.Match, p: Parts) -> None:
    p.set("now", True)


def _on_deadline_word(m: re.Match, p: Parts) -> None:
    p.by = True


def _on_offset_en(m: re.Match, p: Parts) -> None:
    qty, unit, direction = m["qty"], _unit(m["unit"]), m["dir"]
    if qty.startswith("half"):
        amount: float = 0.5
    elif "couple" in qty:
        amount = 2
    elif qty in EN_NUMBERS:
        amount = EN_NUMBERS[qty]
    else:
        amount = float(qty)
    if direction in ("ago", "earlier", "before"):
        amount = -amount
    p.set("offset", (amount, unit))


def _on_offset_cn(m: re.Match, p: Parts) -> None:
    unit = _UNITS[m["unit"]]
    half = bool(m["half"] or m["half2"])
    amount: float = number(m["n"]) if m["n"] else 0
    if half:
        if unit != "hours":
            raise Invalid("半 with " + unit)
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


def _on_rel_day(m: re.Match, p: Parts) -> None:
    word = " ".join(m[0].split()).removeprefix("the ")
    days, period = _EN_REL_DAYS.get(word) or _CN_REL_DAYS[word]
    p.set("rel_days", days)
    if period:
        p.set("period", period)


_CN_YEAR_REL = {"今年": 0, "明年": 1, "后年": 2, "去年": -1, "前年": -2}


def _set_year(m: re.Match, p: Parts) -> None:
    """The year named in a token, as digits (2026年) or a word (明年), if any."""
    if m["y"]:
        p.set("year", year(m["y"]))
    elif m["yrel"]:
        p.set("year_rel", _CN_YEAR_REL[m["yrel"]])


def _on_year_rel(m: re.Match, p: Parts) -> None:
    p.set("year_rel", _CN_YEAR_REL[m[0]])


def _set_month_day(p: Parts, month: int, day: int, year_text: str | None) -> None:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2024, month)[1]:
        raise Invalid(f"{month}/{day}")
    p.set("month_day", (month, day))
    if year_text:
        p.set("year", year(year_text))


def _on_cn_date(m: re.Match, p: Parts) -> None:
    _set_month_day(p, number(m["m"]), number(m["d"]), m["y"])


def _on_month_rel(m: re.Match, p: Parts) -> None:
    word = m["rel"]
    months = 0 if word in ("这个月", "本月", "这月") else (1 if word.startswith("下") else -1)
    day = number(m["d"])
    if not 1 <= day <= 31:
        raise Invalid(m[0])
    p.set("month_rel", (months, day))


def _on_cn_weekday(m: re.Match, p: Parts) -> None:
    rel = (m["rel"] or "").replace("个", "")
    weekday = _CN_WEEKDAYS[m["wd"]]
    if not rel:
        p.set("weekday", (weekday, "bare", 0))
        return
    weeks = {"这": 0, "本": 0, "下": 1, "下下": 2, "上": -1, "上上": -2}[rel]
    p.set("weekday", (weekday, "week", weeks))


def _on_en_weekday(m: re.Match, p: Parts) -> None:
    rel = " ".join((m["rel"] or "").split())
    weekday = 5 if m["wd"] == "weekend" else EN_WEEKDAYS[m["wd"][:3]]
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


def _on_iso_date(m: re.Match, p: Parts) -> None:
    _set_month_day(p, int(m["m"]), int(m["d"]), m["y"])


def _on_dotted_with_year(m: re.Match, p: Parts) -> None:
    """3.12.2026 is 3 December to some writers and 12 March to others: read only when the
    numbers leave one reading (25.12.2026, 12.25.2026, 3.3.2026)."""
    first, second = int(m["a"]), int(m["b"])
    if first == second or first > 12 >= second:
        month, day = second, first
    elif second > 12 >= first:
        month, day = first, second
    else:
        raise Invalid(f"ambiguous {m[0]}")
    _set_month_day(p, month, day, m["y"])


def _on_dotted(m: re.Match, p: Parts) -> None:
    """12.3 is month.day; after a day or a part of the day, 10.30 is a clock time (明天10.30)."""
    left, right = int(m["a"]), int(m["b"])
    if p.clock is None and (p.names_a_day() or p.period) and len(m["b"]) == 2:
        if left > 23 or right > 59:
            raise Invalid(m[0])
        p.set("clock", (left, right, "cn"))
        return
    _set_month_day(p, left, right, None)


def _on_month_name(m: re.Match, p: Parts) -> None:
    _set_month_day(p, MONTHS[m["mon"][:3]], int(m["d"]), m["y"])


def _on_day_only(m: re.Match, p: Parts) -> None:
    day = number(m["d"])
    if not 1 <= day <= 31:
        raise Invalid(m[0])
    p.set("day_only", day)


def _on_cn_period(m: re.Match, p: Parts) -> None:
    p.set("period", CN_PERIODS[m[0]])


def _on_en_period(m: re.Match, p: Parts) -> None:
    p.set("period", _EN_PERIODS[m["p"]])


def _on_named_time(m: re.Match, p: Parts) -> None:
    word = m[0]
    if word in ("noon", "midday"):
        p.set("clock", (12, 0, "ampm"))
    elif word == "midnight":
        p.set("clock", (0, 0, "ampm"))
    else:
        p.set("eod", True)


def _on_cn_clock(m: re.Match, p: Parts) -> None:
    hour = number(m["h"])
    if m["half"]:
        minute = 30
    elif m["q1"]:
        minute = 15
    elif m["q3"]:
        minute = 45
    elif m["min"]:
        minute = number(m["min"])
    else:
        minute = 0
    if hour > 23 or minute > 59:
        raise Invalid(m[0])
    p.set("clock", (hour, minute, "cn"))


def _on_hm_clock(m: re.Match, p: Parts) -> None:
    hour, minute = int(m["h"]), int(m["min"] or 0)
    second = int(m["s"] or 0)
    ampm = (m["ampm"] or "").replace(".", "")
    if minute > 59 or second > 59:
        raise Invalid(m[0])
    if ampm:
        if not 1 <= hour <= 12:
            raise Invalid(m[0])
        hour = hour % 12 + (12 if ampm == "pm" else 0)
        p.set("clock", (hour, minute, "ampm"))
    else:
        if hour > 23:
            raise Invalid(m[0])
        p.set("clock", (hour, minute, "hm"))


# --- edges of a week, month or year -----------------------------------------------------------

_CN_EDGE = table(
    "底=end 末=end 内=end 之内=end 以内=end 初=start 中=mid 上旬=xun1 中旬=xun2 下旬=end"
)
_EN_EDGE = table("end=end late=end start=start beginning=start early=start middle=mid mid=mid")
_SHIFT = {"this": 0, "next": 1, "last": -1, "coming": 1, None: None}


def _cn_shift(word: str | None) -> int | None:
    if not word:
        return None
    word = word.replace("个", "")
    if word.startswith("下下"):
        return 2
    return 1 if word.startswith("下") else (-1 if word.startswith("上") else 0)


def _on_cn_month_edge(m: re.Match, p: Parts) -> None:
    month = number(m["m"]) if m["m"] else None
    if month is not None and not 1 <= month <= 12:
        raise Invalid(m[0])
    if month is not None and m["y"]:
        p.set("year", year(m["y"]))
    position = _CN_EDGE[m["pos"] or m["xun"]]
    p.set("edge", Edge("month", position, _cn_shift(m["rel"]), month))


def _on_cn_week_edge(m: re.Match, p: Parts) -> None:
    p.set("edge", Edge("week", "end", _cn_shift(m["rel"]) or 0))


def _on_cn_year_edge(m: re.Match, p: Parts) -> None:
    _set_year(m, p)
    p.set("edge", Edge("year", _CN_EDGE[m["pos"] or m["pos2"]]))


_EDGE_UNITS = table("w=week m=month y=year week=week month=month year=year")


def _on_en_edge(m: re.Match, p: Parts) -> None:
    found = {name: value for name, value in m.groupdict().items() if value}
    unit = _EDGE_UNITS[found.get("unit") or found["unit2"]]
    shift = _SHIFT[found.get("rel") or found.get("rel2")]
    if unit == "year":
        if shift is not None:
            p.set("year_rel", shift)
        shift = None
    p.set("edge", Edge(unit, _EN_EDGE[found.get("pos", "end")], shift))


def _on_en_month_name_edge(m: re.Match, p: Parts) -> None:
    if m["y"]:
        p.set("year", year(m["y"]))
    p.set("edge", Edge("month", _EN_EDGE[m["pos"]], None, MONTHS[m["mon"][:3]]))


# --- public holidays --------------------------------------------------------------------------

_CN_HOLIDAYS = {
    "元旦": holidays.NEW_YEAR, "春节": holidays.SPRING_FESTIVAL,
    "过年": holidays.SPRING_FESTIVAL, "农历新年": holidays.SPRING_FESTIVAL,
    "清明节": holidays.TOMB_SWEEPING, "清明": holidays.TOMB_SWEEPING,
    "五一劳动节": holidays.LABOUR_DAY, "劳动节": holidays.LABOUR_DAY, "五一": holidays.LABOUR_DAY,
    "端午节": holidays.DRAGON_BOAT, "端午": holidays.DRAGON_BOAT,
    "中秋节": holidays.MID_AUTUMN, "中秋": holidays.MID_AUTUMN,
    "国庆节": holidays.NATIONAL_DAY, "国庆": holidays.NATIONAL_DAY, "十一": holidays.NATIONAL_DAY,
}  # fmt: skip
_EN_HOLIDAYS = [
    (r"chinese\s+new\s+year|lunar\s+new\s+year|spring\s+festival|cny", holidays.SPRING_FESTIVAL),
    (r"new\s+year(?:['’]?s)?(?:\s+day)?", holidays.NEW_YEAR),
    (r"qingming(?:\s+festival)?|tomb[-\s]?sweeping(?:\s+day|\s+festival)?", holidays.TOMB_SWEEPING),
    (r"may\s+day|labour\s+day", holidays.LABOUR_DAY),
    (r"dragon\s+boat\s+festival|duanwu(?:\s+festival)?", holidays.DRAGON_BOAT),
    (r"mid[-\s]?autumn(?:\s+festival)?|moon\s+festival", holidays.MID_AUTUMN),
    (r"national\s+day", holidays.NATIONAL_DAY),
]


def _en_holiday(words: str) -> str:
    for pattern, name in _EN_HOLIDAYS:
        if re.fullmatch(pattern, words):
            return name
    raise Invalid(words)


def _on_cn_holiday(m: re.Match, p: Parts) -> None:
    _set_year(m, p)
    if m["turn"]:  # 年前, 年后: before or after the Spring Festival
        relation = "after" if m["turn"].endswith("后") else "before"
        p.set("holiday", (holidays.SPRING_FESTIVAL, relation))
        return
    p.set("holiday", (_CN_HOLIDAYS[m["name"]], "after" if m["after"] else "day"))


def _on_en_holiday(m: re.Match, p: Parts) -> None:
    if m["y"]:
        p.set("year", year(m["y"]))
    p.set("holiday", (_en_holiday(m["name"]), "after" if m["after"] else "day"))


# ---------------------------------------------------------------------------------------------
# Tokens

_EN_QTY = (
    r"(?P<qty>[0-9]{1,4}(?:\.[0-9]+)?|half\s+an?|half|a\s+couple\s+of|couple\s+of|"
    + alternatives(EN_NUMBERS)
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
_CN_YEAR = (
    r"(?:(?P<y>[0-9]{4}|[零〇一二两三四五六七八九]{4})\s*年|(?P<yrel>今年|明年|后年|去年|前年))"
)
_CN_REL = r"这个|这|本|当|下下个|下下|下个|下|上上个|上上|上个|上"
_EN_EDGE_WORD = r"(?P<pos>end|late|start|beginning|early|middle|mid)"
_FLAGS = re.ASCII

Handler = Callable[[re.Match[str], Parts], None]


def _token(pattern: str, handler: Handler) -> tuple[re.Pattern[str], Handler]:
    return re.compile(pattern, _FLAGS), handler


# Tried in this order at each position; the first that matches takes the token.
_TOKENS: list[tuple[re.Pattern[str], Handler]] = [
    _token(r"(?:right\s+now|now)\b|现在|此刻|马上|立刻|立即", _on_now),
    _token(rf"(?:in|within)\s+{_EN_QTY}\s*{_EN_UNIT}\b(?P<dir>)", _on_offset_en),
    _token(
        rf"{_EN_QTY}\s*{_EN_UNIT}\s+"
        r"(?P<dir>ago|from\s+(?:now|today)|later|hence|earlier|before)\b",
        _on_offset_en,
    ),
    _token(
        rf"(?:(?P<n>{NUM})\s*个?\s*(?P<half>半)?|(?P<half2>半)\s*个?)\s*"
        r"(?P<unit>小时|钟头|分钟|分|秒钟|秒|天|日|周|星期|礼拜|个月|年)\s*"
        r"(?P<dir>以后|之后|过后|后|以前|之前|前|以内|之内|内)",
        _on_offset_cn,
    ),
    _token(
        r"(?:the\s+)?day\s+after\s+tomorrow\b|(?:the\s+)?day\s+before\s+yesterday\b|"
        r"(?:today|tonight|tomorrow|tomorow|tmrw|tmr|yesterday|this\s+morning|"
        r"this\s+afternoon|this\s+evening)\b|" + alternatives(_CN_REL_DAYS),
        _on_rel_day,
    ),
    _token(
        rf"{_CN_YEAR}\s*年?\s*(?P<pos>底|末|初|之内|以内|内)|年\s*(?P<pos2>底|末|初|之内|以内|内)",
        _on_cn_year_edge,
    ),
    _token(
        rf"{_CN_YEAR}?\s*(?:(?P<turn>年前|年后)|(?P<name>{alternatives(_CN_HOLIDAYS)})"
        r"(?!\s*(?:月|日|号|点|时|分|:|[0-9]))(?:小长假|长假|假期|放假)?"
        r"\s*(?P<after>以后|之后|过后|后)?)",
        _on_cn_holiday,
    ),
    _token(r"今年|明年|后年|去年|前年", _on_year_rel),
    _token(
        rf"(?:(?P<rel>这个月|这月|本月|当月|下下个?月|下个?月|上个?月)|"
        rf"(?:(?P<y>{NUM})\s*年\s*)?(?P<m>{NUM})\s*月|月)\s*"
        r"(?P<pos>上旬|中旬|下旬|底|末|初|中|之内|以内|内)|(?P<xun>上旬|中旬|下旬)",
        _on_cn_month_edge,
    ),
    _token(
        rf"(?:(?P<y>{NUM})\s*年\s*)?(?P<m>{NUM})\s*月\s*(?P<d>{NUM})\s*"
        r"(?:日|号|(?!\s*(?:点|时|分|:)))",
        _on_cn_date,
    ),
    _token(rf"(?P<rel>这个月|这月|本月|下个?月|上个?月)\s*(?P<d>{NUM})\s*(?:日|号)", _on_month_rel),
    _token(rf"(?P<rel>{_CN_REL})?\s*(?:周|星期|礼拜)\s*(?:之内|以内|内)", _on_cn_week_edge),
    _token(
        r"(?P<rel>这个|这|本|下下个|下下|下个|下|上上个|上上|上个|上)?\s*(?:周|星期|礼拜)"
        r"\s*(?P<wd>[一二三四五六日天末1-7])",
        _on_cn_weekday,
    ),
    _token(
        r"(?:(?P<after>after|post)\s+)?(?:the\s+)?(?P<name>"
        + "|".join(pattern for pattern, _ in _EN_HOLIDAYS)
        + r")(?:\s+(?:holidays?|break|vacation))?\b"
        + _YEAR_TAIL,
        _on_en_holiday,
    ),
    _token(
        rf"{_EN_EDGE_WORD}(?:\s*-\s*|\s+of\s+(?:the\s+)?|\s+)"
        r"(?:(?P<rel>this|next|last|coming)\s+)?(?P<unit>week|month|year)\b|"
        r"(?:(?P<rel2>this|next|last)\s+)?(?P<unit2>month|year)[-\s]?end\b",
        _on_en_edge,
    ),
    _token(
        r"eo(?P<unit>w|m|y)\b|within\s+(?:the\s+|(?P<rel>this|next)\s+)?(?P<unit2>week|month|year)\b",
        _on_en_edge,
    ),
    _token(
        rf"{_EN_EDGE_WORD}(?:\s*-\s*|\s+of\s+|\s+){_MON}(?:\s+(?P<y>[0-9]{{4}}))?\b",
        _on_en_month_name_edge,
    ),
    _token(
        r"(?:(?P<rel>this\s+coming|this|next|last|previous|coming)\s+)?" + _WD + r"\b\.?",
        _on_en_weekday,
    ),
    _token(r"(?P<y>[0-9]{4})[-/.](?P<m>[0-9]{1,2})[-/.](?P<d>[0-9]{1,2})(?![0-9])", _on_iso_date),
    _token(r"(?P<m>[0-9]{1,2})/(?P<d>[0-9]{1,2})/(?P<y>[0-9]{4}|[0-9]{2})(?![0-9])", _on_iso_date),
    _token(r"(?P<m>[0-9]{1,2})[-/](?P<d>[0-9]{1,2})(?![0-9/-])(?P<y>)", _on_iso_date),
    _token(r"(?P<a>[0-9]{1,2})\.(?P<b>[0-9]{1,2})\.(?P<y>[0-9]{4})(?![0-9])", _on_dotted_with_year),
    _token(r"(?P<a>[0-9]{1,2})\.(?P<b>[0-9]{1,2})(?![0-9]|\.[0-9])", _on_dotted),
    _token(_MON + r"\s*(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?\b" + _YEAR_TAIL, _on_month_name),
    _token(
        r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?\s*(?:of\s+)?" + _MON + r"\b" + _YEAR_TAIL,
        _on_month_name,
    ),
    _token(r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)\b", _on_day_only),
    _token(
        rf"(?P<h>{NUM})\s*(?:点钟|点|时)(?:\s*(?:(?P<half>半)|(?P<q1>一刻|1刻)|"
        rf"(?P<q3>三刻|3刻)|整|过?\s*(?P<min>{NUM})"
        r"(?!\s*(?:号|日|月|天|周|年|小时|个|钟头))\s*分?))?",
        _on_cn_clock,
    ),
    _token(rf"(?P<d>{NUM})\s*(?:号|日)", _on_day_only),
    _token(alternatives(CN_PERIODS), _on_cn_period),
    _token(r"(?:in\s+the\s+|at\s+)?(?P<p>morning|afternoon|evening|night)\b", _on_en_period),
    _token(
        r"(?:noon|midday|midnight|eod|cob|close\s+of\s+business|"
        r"end\s+of\s+(?:the\s+)?(?:business\s+|work\s+)?day)\b",
        _on_named_time,
    ),
    _token(
        r"(?P<h>[0-9]{1,2}):(?P<min>[0-9]{2})(?::(?P<s>[0-9]{2}))?"
        r"(?:\s*(?P<ampm>a\.?m\.?|p\.?m\.?))?(?![a-z0-9:])",
        _on_hm_clock,
    ),
    _token(
        r"(?P<h>[0-9]{1,2})(?P<min>)(?P<s>)\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?![a-z0-9])",
        _on_hm_clock,
    ),
    _token(
        r"(?:by|before|until|till|no\s+later\s+than|due(?:\s+(?:by|on))?)\b|"
        r"截止到?|截至|最迟|最晚|不晚于",
        _on_deadline_word,
    ),
    _token(r"之前|以前|前|为止|之内|以内|内", _on_deadline_word),
]
# Between tokens: spaces, commas and a few words that add nothing ("at", "on", 在, 的).
_SKIP = re.compile(r"(?:[\s,;、]+|(?:at|on|around|about|the)\b|@|[在于的约]|t(?=[0-9]))+", _FLAGS)


def scan(text: str) -> Parts | None:
    """The parts the grammar finds, None if some of the text is not ours; raises Invalid."""
    parts, pos, found = Parts(), 0, False
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
