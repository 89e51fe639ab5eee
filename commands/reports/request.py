"""What `/report` (报表) is asked, read from its text, in English or Chinese:

    /report                                   help
    /report sales [PERIOD] [TEAM | @rep | company]
    /report subscribe monthly sales #channel [TEAM]
    /report unsubscribe monthly sales #channel [TEAM]
    /report subscriptions

A PERIOD is a key ("2026-11", "2026-Q4", "2026", "2026-W48") or a word counted on the asker's
clock: this/last week, month, quarter, year (本周/上周/本月/上月/本季度/上季度/今年/去年).
The default is last month: the month a monthly pack covers.
"""

import re
from dataclasses import dataclass
from datetime import date

from commands.errors import InvalidInput
from commands.reports.model import WEEK, ReportPeriod
from commands.targets.periods import MONTH, QUARTER, YEAR
from storage.models import fold

KIND_WORDS = {
    "sales": "sales",
    "销售": "sales",
    "collections": "collections",
    "collection": "collections",
    "回款": "collections",
    "orders": "orders",
    "order": "orders",
    "订单": "orders",
    "activity": "activity",
    "activities": "activity",
    "活动": "activity",
    "pipeline": "pipeline",
    "funnel": "pipeline",
    "漏斗": "pipeline",
}
KINDS = ("sales", "collections", "orders", "activity", "pipeline")

WEEKLY, MONTHLY, QUARTERLY, YEARLY = "weekly", "monthly", "quarterly", "yearly"
CADENCES = (WEEKLY, MONTHLY, QUARTERLY, YEARLY)
ASKED = "asked"  # a report someone asked for with /report, not a pack on schedule
CADENCE_PERIOD = {WEEKLY: WEEK, MONTHLY: MONTH, QUARTERLY: QUARTER, YEARLY: YEAR}
CADENCE_WORDS = {
    "weekly": WEEKLY,
    "week": WEEKLY,
    "每周": WEEKLY,
    "周报": WEEKLY,
    "monthly": MONTHLY,
    "month": MONTHLY,
    "每月": MONTHLY,
    "月报": MONTHLY,
    "quarterly": QUARTERLY,
    "quarter": QUARTERLY,
    "每季度": QUARTERLY,
    "季报": QUARTERLY,
    "yearly": YEARLY,
    "year": YEARLY,
    "annual": YEARLY,
    "每年": YEARLY,
    "年报": YEARLY,
}

# word → (period kind, how many periods back from the one containing today)
PERIOD_WORDS = {
    "this-week": (WEEK, 0),
    "week": (WEEK, 0),
    "本周": (WEEK, 0),
    "last-week": (WEEK, 1),
    "上周": (WEEK, 1),
    "this-month": (MONTH, 0),
    "month": (MONTH, 0),
    "本月": (MONTH, 0),
    "last-month": (MONTH, 1),
    "上月": (MONTH, 1),
    "上个月": (MONTH, 1),
    "this-quarter": (QUARTER, 0),
    "quarter": (QUARTER, 0),
    "本季度": (QUARTER, 0),
    "last-quarter": (QUARTER, 1),
    "上季度": (QUARTER, 1),
    "this-year": (YEAR, 0),
    "year": (YEAR, 0),
    "今年": (YEAR, 0),
    "last-year": (YEAR, 1),
    "去年": (YEAR, 1),
}
HELP_WORDS = frozenset({"", "help", "帮助", "?"})
SUBSCRIBE_WORDS = frozenset({"subscribe", "订阅"})
UNSUBSCRIBE_WORDS = frozenset({"unsubscribe", "退订", "取消订阅"})
LIST_WORDS = frozenset({"subscriptions", "订阅列表", "我的订阅"})
TWO_WORD_PERIOD = re.compile(r"\b(this|last)\s+(week|month|quarter|year)\b", re.IGNORECASE)
PERIOD_KEY = re.compile(r"^\d{4}(-(\d{1,2}|Q[1-4]|W\d{1,2}))?$", re.IGNORECASE)
CHANNEL = re.compile(r"^<#([CG][A-Z0-9]{2,30})(\|[^>]*)?>$")


@dataclass(frozen=True)
class ShowHelp:
    pass


@dataclass(frozen=True)
class MakeReport:
    kind: str
    period: ReportPeriod
    target: str | None  # a team, a rep (<@U…>) or "company"; None: the asker's own


@dataclass(frozen=True)
class Subscribe:
    cadence: str
    kind: str
    channel_id: str
    team: str | None


@dataclass(frozen=True)
class Unsubscribe(Subscribe):
    pass


@dataclass(frozen=True)
class ListSubscriptions:
    pass


ReportRequest = ShowHelp | MakeReport | Subscribe | Unsubscribe | ListSubscriptions


def parse_report_command(text: str, today: date) -> ReportRequest:
    """The request `text` makes; InvalidInput with a catalog key for any word it cannot read."""
    words = TWO_WORD_PERIOD.sub(lambda m: f"{m[1]}-{m[2]}", text.strip()).split()
    first = fold(words[0]) if words else ""
    if first in HELP_WORDS:
        return ShowHelp()
    if first in LIST_WORDS:
        return ListSubscriptions()
    if first in SUBSCRIBE_WORDS or first in UNSUBSCRIBE_WORDS:
        request = _subscription(words[1:])
        return Unsubscribe(**vars(request)) if first in UNSUBSCRIBE_WORDS else request
    kind = report_kind(words[0])
    period, rest = _period_among(words[1:], today)
    return MakeReport(kind, period or last_month(today), " ".join(rest) or None)


def report_kind(word: str) -> str:
    kind = KIND_WORDS.get(fold(word))
    if kind is None:
        raise InvalidInput("report.slack.unknown_kind", word=word[:40], kinds=", ".join(KINDS))
    return kind


def last_month(today: date) -> ReportPeriod:
    return ReportPeriod.containing(today, MONTH).previous()


def period_named(word: str, today: date) -> ReportPeriod | None:
    """The period a word names, or None when it names none."""
    named = PERIOD_WORDS.get(fold(word))
    if named is not None:
        kind, back = named
        period = ReportPeriod.containing(today, kind)
        return period.previous() if back else period
    if PERIOD_KEY.match(word):
        try:
            return ReportPeriod.of(word)
        except ValueError:
            raise InvalidInput("report.slack.bad_period", period=word[:20]) from None
    return None


def period_due(cadence: str, today: date) -> ReportPeriod:
    """The period a pack of `cadence` sent today covers: the one that just ended."""
    return ReportPeriod.containing(today, CADENCE_PERIOD[cadence]).previous()


def _period_among(words: list[str], today: date) -> tuple[ReportPeriod | None, list[str]]:
    for index, word in enumerate(words):
        period = period_named(word, today)
        if period is not None:
            return period, words[:index] + words[index + 1 :]
    return None, words


def _subscription(words: list[str]) -> Subscribe:
    if len(words) < 3:
        raise InvalidInput("report.slack.subscribe_usage")
    cadence = CADENCE_WORDS.get(fold(words[0]))
    if cadence is None:
        raise InvalidInput("report.slack.bad_cadence", word=words[0][:40])
    channel = CHANNEL.match(words[2])
    if channel is None:
        raise InvalidInput("report.slack.bad_channel", word=words[2][:60])
    team = " ".join(words[3:]) or None
    return Subscribe(cadence, report_kind(words[1]), channel[1], team)
