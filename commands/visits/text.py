"""The one-line grammar of `/visit`, in English and Chinese, easy to type on a phone:

    /visit ACME; call; discussed Q3 pricing; next: send quote by Friday
    /visit 华联; 电话; 沟通三季度报价; 下一步:周五前发报价

Parts are separated by ";" or "；". The customer (code or part of the name) comes first; the
other parts come in any order and are told apart by what they are:

- a channel word: visit/call/wechat/email/meeting, 拜访/电话/微信/邮件/会议 (default: visit);
- a date and time on its own ("yesterday 3pm", "昨天下午3点"), or labelled "when:"/"时间:"
  (default: now; a bare day or weekday reads backwards, as visits are logged afterwards);
- "not effective"/"无效" (or "effective"/"有效", the default);
- "next: STEP by DATE" / "下一步:DATE前STEP" (the due date can also be its own "due:"/"截止:" part);
- anything else is the summary (several such parts are joined).
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from commands.errors import InvalidInput
from commands.when import parse_date, parse_when

MAX_TEXT = 3000
SEPARATORS = re.compile(r"[;；]")

SUBCOMMANDS = {
    "help": "help",
    "?": "help",
    "帮助": "help",
    "用法": "help",
    "list": "list",
    "ls": "list",
    "recent": "list",
    "列表": "list",
    "记录": "list",
    "最近": "list",
}
CHANNEL_WORDS = {
    "visit": "visit",
    "visited": "visit",
    "in person": "visit",
    "onsite": "visit",
    "on-site": "visit",
    "拜访": "visit",
    "上门": "visit",
    "走访": "visit",
    "面访": "visit",
    "见面": "visit",
    "call": "call",
    "called": "call",
    "phone": "call",
    "phone call": "call",
    "电话": "call",
    "打电话": "call",
    "致电": "call",
    "通话": "call",
    "来电": "call",
    "wechat": "wechat",
    "weixin": "wechat",
    "wx": "wechat",
    "微信": "wechat",
    "email": "email",
    "e-mail": "email",
    "mail": "email",
    "emailed": "email",
    "邮件": "email",
    "电邮": "email",
    "meeting": "meeting",
    "video call": "meeting",
    "会议": "meeting",
    "开会": "meeting",
    "视频会议": "meeting",
    "线上会议": "meeting",
}
EFFECT_WORDS = {
    "effective": True,
    "有效": True,
    "not effective": False,
    "ineffective": False,
    "no effect": False,
    "no result": False,
    "无效": False,
    "没效果": False,
    "无效果": False,
    "未见效": False,
}
LABELS = {
    "next": "next_step",
    "next step": "next_step",
    "follow up": "next_step",
    "follow-up": "next_step",
    "followup": "next_step",
    "todo": "next_step",
    "下一步": "next_step",
    "下步": "next_step",
    "跟进": "next_step",
    "后续": "next_step",
    "待办": "next_step",
    "when": "when",
    "at": "when",
    "time": "when",
    "date": "when",
    "时间": "when",
    "日期": "when",
    "due": "due",
    "by": "due",
    "deadline": "due",
    "截止": "due",
    "截至": "due",
    "期限": "due",
    "summary": "summary",
    "notes": "summary",
    "note": "summary",
    "纪要": "summary",
    "内容": "summary",
    "摘要": "summary",
    "小结": "summary",
    "备注": "summary",
    "channel": "channel",
    "via": "channel",
    "方式": "channel",
    "渠道": "channel",
}
# "下一步周五前发报价" reads naturally without a colon; other labels need one, so a summary
# that merely starts with 跟进 or "time" stays a summary.
UNCOLONED_LABELS = ("下一步",)
_EN_DUE_MARKER = re.compile(r"\s+(?:by|before|due(?:\s+on|\s+by)?|until|no later than)\s+", re.I)
_CN_DUE_SUFFIX = re.compile(r"(?:之前|以前|前)")
_CN_DUE_MARKER = re.compile(r"(?:截止到?|截至|期限|最迟|最晚)")
_LABEL = re.compile(r"(?P<label>[^:：]{1,20})[:：](?P<value>.*)", re.S)
_EDGES = " ,，、.。:："
_DANGLING = re.compile(r"(?:\s+(?:on|at|in|by|before|due|until))+$", re.I)


@dataclass(frozen=True)
class ShowHelp:
    pass


@dataclass(frozen=True)
class OpenForm:
    """Bare `/visit`, or a customer alone: the form, with that customer chosen if it is one."""

    customer_text: str | None = None


@dataclass(frozen=True)
class ListVisits:
    customer_query: str | None = None


@dataclass(frozen=True)
class QuickVisit:
    customer_text: str
    at: datetime
    channel: str
    summary: str
    effective: bool
    next_step: str | None
    next_step_due: date | None


VisitRequest = ShowHelp | OpenForm | ListVisits | QuickVisit


def parse_visit_command(text: str, tz: str, now: datetime) -> VisitRequest:
    text = (text or "").strip()
    if len(text) > MAX_TEXT:
        raise InvalidInput("error.text_too_long", limit=MAX_TEXT)
    if not text:
        return OpenForm()
    if not SEPARATORS.search(text):
        head, _, rest = text.partition(" ")
        verb = SUBCOMMANDS.get(_folded(head))
        if verb == "help":
            return ShowHelp()
        if verb == "list":
            return ListVisits(rest.strip() or None)
        return OpenForm(text)
    customer, *parts = (part.strip() for part in SEPARATORS.split(text))
    if not customer:
        raise InvalidInput("visit.error.no_customer_first")
    return _quick_visit(customer, [part for part in parts if part], tz, now)


def _quick_visit(customer: str, parts: list[str], tz: str, now: datetime) -> QuickVisit:
    found: dict[str, Any] = {}  # field → its reading: a moment, a channel, a flag, a step and day
    summary: list[str] = []
    for part in parts:
        field, value = _read_part(part, tz, now)
        if field == "summary":
            summary.append(value)
        elif field in found and found[field] != value:
            raise InvalidInput(f"visit.error.two_{field}", part=part)
        else:
            found[field] = value
    next_step, due = found.get("next_step") or (None, None)
    if "due" in found:
        due = found["due"]
    if not summary:
        raise InvalidInput("visit.error.no_summary_in_line")
    if next_step and due is None:
        raise InvalidInput("visit.error.next_step_needs_due_in_line", step=next_step)
    return QuickVisit(
        customer_text=customer,
        at=found.get("when", now),
        channel=found.get("channel", "visit"),
        summary="; ".join(summary),
        effective=found.get("effective", True),
        next_step=next_step,
        next_step_due=due,
    )


def _read_part(part: str, tz: str, now: datetime) -> tuple[str, Any]:
    labelled = _labelled(part)
    if labelled:
        field, value = labelled
        return field, _read_labelled(field, value, part, tz, now)
    folded = _folded(part)
    if folded in CHANNEL_WORDS:
        return "channel", CHANNEL_WORDS[folded]
    if folded in EFFECT_WORDS:
        return "effective", EFFECT_WORDS[folded]
    when = parse_when(part, tz, now, prefer="past")
    if when is not None:
        return "when", when
    return "summary", part


def _read_labelled(field: str, value: str, part: str, tz: str, now: datetime) -> object:
    if not value:
        raise InvalidInput("visit.error.empty_label", part=part)
    if field == "when":
        when = parse_when(value, tz, now, prefer="past")
        if when is None:
            raise InvalidInput("visit.error.bad_when", text=value)
        return when
    if field == "due":
        due = parse_date(value, tz, now, prefer="future")
        if due is None:
            raise InvalidInput("visit.error.bad_due", text=value)
        return due
    if field == "channel":
        channel = CHANNEL_WORDS.get(_folded(value))
        if channel is None:
            raise InvalidInput("visit.error.unknown_channel", word=value)
        return channel
    if field == "next_step":
        return split_due(value, tz, now)
    return value


def _labelled(part: str) -> tuple[str, str] | None:
    match = _LABEL.match(part)
    if match and _folded(match["label"]) in LABELS:
        return LABELS[_folded(match["label"])], match["value"].strip()
    for label in UNCOLONED_LABELS:
        if part.startswith(label):
            return LABELS[label], part[len(label) :].strip(_EDGES)
    return None


def split_due(text: str, tz: str, now: datetime) -> tuple[str, date | None]:
    """A next step and the date it is due by, when the text names one:
    "send quote by Friday", "周五前发报价", "发报价,周五前", "发报价 截止周五", "明天发报价"."""
    for step, when in _due_readings(text):
        step = _DANGLING.sub("", step.strip(_EDGES)).strip(_EDGES)
        due = parse_date(when, tz, now, prefer="future") if step and when.strip() else None
        if due is not None:
            return step, due
    return text, None


def _due_readings(text: str):
    """Every (step, date text) split of `text` worth trying, most explicit first."""
    for marker in reversed(list(_EN_DUE_MARKER.finditer(text))):
        yield text[: marker.start()], text[marker.end() :]
    for marker in _CN_DUE_MARKER.finditer(text):
        yield text[: marker.start()], text[marker.end() :]
    for suffix in _CN_DUE_SUFFIX.finditer(text):
        yield text[suffix.end() :], text[: suffix.start()]
        head, _, when = _last_clause(text[: suffix.start()])
        yield head + text[suffix.end() :], when
    words = text.split()
    for size in range(min(4, len(words) - 1), 0, -1):
        yield " ".join(words[:-size]), " ".join(words[-size:])
        yield " ".join(words[size:]), " ".join(words[:size])
    if len(words) == 1:
        for size in range(min(8, len(text) - 1), 1, -1):
            yield text[size:], text[:size]


def _last_clause(text: str) -> tuple[str, str, str]:
    for separator in (",", "，", "、", " "):
        if separator in text:
            return text.rpartition(separator)
    return "", "", text


def _folded(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())
