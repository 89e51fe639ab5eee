"""The one-line grammar of `/target`, in English and Chinese:

    /target [mine|team] [PERIOD] [METRIC]     attainment and pace (default: mine, this month)
    /target 团队 本季度 回款
    /target set                               the form
    /target set WHO METRIC PERIOD AMOUNT [reason …]
    /target 设置 @王芳 订单 2026-11 50万 原因 客户提前下单
    /target split WHO METRIC PERIOD even|seasonal   a year into quarters, a quarter into months
    /target lock METRIC YEAR [TEAM]
    /target kpi [PERIOD] [@rep]                the monthly scorecard
    /target kpi set order_amount=40 collections=30:60-120 …   weights, and FLOOR-CAP percents

WHO is `team`/`团队` (your own team), a team's name (in quotes when it has spaces) or a person
as a mention. PERIOD is `2026`, `2026-Q4`, `Q4`, `2026-11`, `11月`, `2026年11月`,
`this month`/`本月`, `last month`/`上月`, `quarter`/`本季度`, `year`/`今年`. Amounts may use
thousands separators and 万/亿/k/m.
"""

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from commands.errors import InvalidInput
from commands.targets.periods import MONTH, QUARTER, YEAR, Period
from storage.statuses import Metric
from storage.targets import METRIC_WORDS  # shared with the targets import

MAX_TEXT = 3000
MAX_AMOUNT = Decimal(10) ** 15
FIRST_YEAR, LAST_YEAR = 2000, 2099

SUBCOMMANDS = {
    "help": "help",
    "?": "help",
    "帮助": "help",
    "用法": "help",
    "set": "set",
    "设置": "set",
    "设定": "set",
    "split": "split",
    "分解": "split",
    "拆分": "split",
    "lock": "lock",
    "锁定": "lock",
    "kpi": "kpi",
    "考核": "kpi",
    "绩效": "kpi",
    "scorecard": "kpi",
}
SCOPES = {
    "mine": "mine",
    "me": "mine",
    "我的": "mine",
    "我": "mine",
    "team": "team",
    "团队": "team",
}
METHODS = {
    "even": "even",
    "evenly": "even",
    "平均": "even",
    "均分": "even",
    "seasonal": "seasonal",
    "season": "seasonal",
    "按季节": "seasonal",
    "按去年": "seasonal",
    "季节性": "seasonal",
}
REASON_WORDS = ("reason:", "reason", "原因:", "原因：", "原因", "because")
RELATIVE_PERIODS = {
    "month": (MONTH, 0),
    "this month": (MONTH, 0),
    "本月": (MONTH, 0),
    "这个月": (MONTH, 0),
    "last month": (MONTH, -1),
    "上月": (MONTH, -1),
    "上个月": (MONTH, -1),
    "quarter": (QUARTER, 0),
    "this quarter": (QUARTER, 0),
    "本季度": (QUARTER, 0),
    "本季": (QUARTER, 0),
    "last quarter": (QUARTER, -1),
    "上季度": (QUARTER, -1),
    "year": (YEAR, 0),
    "this year": (YEAR, 0),
    "今年": (YEAR, 0),
    "本年": (YEAR, 0),
    "last year": (YEAR, -1),
    "去年": (YEAR, -1),
}
_CHINESE_MONTH = re.compile(r"^(?:(\d{4})年)?(1[0-2]|[1-9])月(?:份)?$")
_CHINESE_YEAR = re.compile(r"^(\d{4})年(?:度)?$")
_QUARTER = re.compile(r"^(?:(\d{4})[-\s]?)?Q([1-4])$|^(?:(\d{4})年)?(?:第)?([1-4一二三四])季度$")
_AMOUNT = re.compile(r"^([\d,]+(?:\.\d+)?)(万|亿|k|m)?(?:元)?$", re.IGNORECASE)
_MENTION = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$")
_SCALE = {
    "万": Decimal(10_000),
    "亿": Decimal(100_000_000),
    "k": Decimal(1000),
    "m": Decimal(10**6),
}
_CHINESE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4}


@dataclass(frozen=True)
class ShowHelp:
    pass


@dataclass(frozen=True)
class Holder:
    """Whose target: a team (`team` None: the asker's own) or a member (their Slack id, or
    an @name as typed)."""

    team: str | None = None
    member: str | None = None


@dataclass(frozen=True)
class ShowTargets:
    scope: str  # "mine" or "team"
    period: Period
    metric: Metric | None  # None: every metric with a target


@dataclass(frozen=True)
class OpenTargetForm:
    pass


@dataclass(frozen=True)
class SetTarget:
    holder: Holder
    metric: Metric
    period: Period
    amount: Decimal
    reason: str | None = None


@dataclass(frozen=True)
class SplitTarget:
    holder: Holder
    metric: Metric
    period: Period
    method: str  # "even" or "seasonal"


@dataclass(frozen=True)
class LockPlan:
    metric: Metric
    year: int
    team: str | None = None  # None: the asker's own team


@dataclass(frozen=True)
class IndicatorSpec:
    indicator: str
    weight: int
    floor_percent: int = 0
    cap_percent: int = 100


@dataclass(frozen=True)
class ShowScorecard:
    period: Period
    member: str | None = None  # a Slack id or @name; None: the asker (a manager: the team)


@dataclass(frozen=True)
class SetKpi:
    indicators: tuple[IndicatorSpec, ...]
    team: str | None = None


TargetRequest = (
    ShowHelp
    | ShowTargets
    | OpenTargetForm
    | SetTarget
    | SplitTarget
    | LockPlan
    | ShowScorecard
    | SetKpi
)


def parse_target_command(text: str, today: date) -> TargetRequest:
    """What `/target TEXT` asks for, with relative periods read from `today` (the asker's)."""
    if len(text) > MAX_TEXT:
        raise InvalidInput("error.text_too_long", limit=MAX_TEXT)
    words = split_words(text)
    sub = SUBCOMMANDS.get(words[0].lower()) if words else None
    rest = words[1:] if sub else words
    if sub == "help":
        return ShowHelp()
    if sub == "set":
        return _set(rest, today) if rest else OpenTargetForm()
    if sub == "split":
        return _split(rest, today)
    if sub == "lock":
        return _lock(rest, today)
    if sub == "kpi":
        return _kpi(rest, today)
    return _show(rest, today)


def split_words(text: str) -> list[str]:
    """Words, with a name in straight or curly quotes kept as one word."""
    return [
        quoted or plain
        for quoted, plain in re.findall(r"[\"“”「『]([^\"“”」』]+)[\"“”」』]|(\S+)", text.strip())
    ]


def read_period(words: list[str], today: date) -> tuple[Period | None, list[str]]:
    """The period named by one or two leading-or-anywhere words, and the words left over."""
    for size in (2, 1):
        for start in range(len(words) - size + 1):
            found = period_word(" ".join(words[start : start + size]), today)
            if found is not None:
                return found, words[:start] + words[start + size :]
    return None, words


def period_word(word: str, today: date) -> Period | None:
    lowered = word.lower()
    if lowered in RELATIVE_PERIODS:
        kind, step = RELATIVE_PERIODS[lowered]
        period = Period.containing(today, kind)
        return period.previous() if step else period
    try:
        period = Period.of(word)
    except ValueError:
        return _chinese_or_quarter(word.upper(), today)
    # An amount like 1000 or 5000 is no year of a sales plan.
    return period if FIRST_YEAR <= period.year <= LAST_YEAR else None


def _chinese_or_quarter(word: str, today: date) -> Period | None:
    if match := _CHINESE_MONTH.match(word):
        return Period(int(match.group(1) or today.year), MONTH, int(match.group(2)))
    if match := _CHINESE_YEAR.match(word):
        return Period(int(match.group(1)))
    if match := _QUARTER.match(word):
        year = match.group(1) or match.group(3) or today.year
        number = match.group(2) or match.group(4)
        return Period(int(year), QUARTER, _CHINESE_DIGITS.get(number) or int(number))
    return None


def read_metric(words: list[str]) -> tuple[Metric | None, list[str]]:
    for size in (2, 1):
        for start in range(len(words) - size + 1):
            word = " ".join(words[start : start + size]).lower()
            if word in METRIC_WORDS:
                return METRIC_WORDS[word], words[:start] + words[start + size :]
    return None, words


def read_amount(word: str) -> Decimal:
    """`1,000,000`, `50万`, `1.5亿`, `500k`: a non-negative amount with at most 2 decimals."""
    match = _AMOUNT.match(word.strip().replace("¥", "").replace("￥", ""))
    if match is None:
        raise InvalidInput("target.error.amount", value=word[:40])
    number, scale = match.groups()
    try:
        amount = Decimal(number.replace(",", "")) * _SCALE.get((scale or "").lower(), Decimal(1))
    except InvalidOperation:
        raise InvalidInput("target.error.amount", value=word[:40]) from None
    if amount >= MAX_AMOUNT or amount != amount.quantize(Decimal("0.01")):
        raise InvalidInput("target.error.amount", value=word[:40])
    return amount.quantize(Decimal("0.01"))


def read_holder(word: str) -> Holder:
    """A mention (<@U…>) or an @name is a person, `team`/`团队` the asker's team, anything
    else a team's name."""
    mention = _MENTION.match(word)
    if mention:
        return Holder(member=mention.group(1))
    if is_named_person(word):
        return Holder(member=word)
    if word.lower() in ("team", "团队", "本团队"):
        return Holder()
    return Holder(team=word)


def is_named_person(word: str) -> bool:
    """`@wang` or `＠王芳` as typed (Slack sends a real mention as <@U…>)."""
    return len(word) > 1 and word[0] in "@＠"


def _show(words: list[str], today: date) -> ShowTargets:
    period, words = read_period(words, today)
    metric, words = read_metric(words)
    scope = "mine"
    if words and words[0].lower() in SCOPES:
        scope = SCOPES[words.pop(0).lower()]
    if words:
        raise InvalidInput("target.error.unknown_words", words=" ".join(words)[:100])
    return ShowTargets(scope, period or Period.containing(today), metric)


def _set(words: list[str], today: date) -> SetTarget:
    words, reason = _reason(words)
    period, words = read_period(words, today)
    metric, words = read_metric(words)
    if period is None or metric is None or len(words) != 2:
        raise InvalidInput("target.error.set_usage")
    return SetTarget(read_holder(words[0]), metric, period, read_amount(words[1]), reason)


def _reason(words: list[str]) -> tuple[list[str], str | None]:
    for index, word in enumerate(words):
        for label in REASON_WORDS:
            if word.lower().startswith(label):
                first = word[len(label) :].lstrip(":： ")
                reason = " ".join([first, *words[index + 1 :]]).strip()
                return words[:index], reason or None
    return words, None


def _split(words: list[str], today: date) -> SplitTarget:
    period, words = read_period(words, today)
    metric, words = read_metric(words)
    method = next((METHODS[w.lower()] for w in words if w.lower() in METHODS), None)
    words = [w for w in words if w.lower() not in METHODS]
    if period is None or metric is None or method is None or len(words) != 1:
        raise InvalidInput("target.error.split_usage")
    if period.kind == MONTH:
        raise InvalidInput("target.error.split_month", period=period.key)
    return SplitTarget(read_holder(words[0]), metric, period, method)


def _lock(words: list[str], today: date) -> LockPlan:
    period, words = read_period(words, today)
    metric, words = read_metric(words)
    if period is None or metric is None or len(words) > 1:
        raise InvalidInput("target.error.lock_usage")
    team = read_holder(words[0]).team if words else None
    return LockPlan(metric, period.year, team)


def _kpi(words: list[str], today: date) -> ShowScorecard | SetKpi:
    if words and SUBCOMMANDS.get(words[0].lower()) == "set":
        return _kpi_set(words[1:])
    period, words = read_period(words, today)
    member = None
    if words and (mention := _MENTION.match(words[0])):
        member = mention.group(1)
        words = words[1:]
    elif words and is_named_person(words[0]):
        member = words.pop(0)
    if words:
        raise InvalidInput("target.error.unknown_words", words=" ".join(words)[:100])
    return ShowScorecard(period or Period.containing(today), member)


_INDICATOR = re.compile(r"^([a-z_]+)=(\d{1,3})%?(?::(\d{1,3})-(\d{1,4}))?$")


def _kpi_set(words: list[str]) -> SetKpi:
    """`order_amount=40 collections=30:60-120 …`, optionally after a team's name."""
    team = None
    if words and "=" not in words[0]:
        team = words.pop(0)
    specs = []
    for word in words:
        match = _INDICATOR.match(word.lower())
        if match is None:
            raise InvalidInput("target.error.kpi_usage", value=word[:60])
        name, weight, floor, cap = match.groups()
        specs.append(IndicatorSpec(name, int(weight), int(floor or 0), int(cap or 100)))
    if not specs:
        raise InvalidInput("target.error.kpi_usage", value="")
    return SetKpi(tuple(specs), team)
