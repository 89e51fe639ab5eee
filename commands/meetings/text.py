"""The one-line grammar of `/meeting`, in English and Chinese.

    /meeting TITLE; WHEN [; DURATION] [; @people] [; place or link] [; agenda]
    /meeting list | move ID WHEN [; DURATION] | cancel ID [reason] | minutes ID [text] | help

Parts are separated by ";" or "；". The title comes first and the time second; the other parts
may come in any order: a duration ("1h", "90分钟"), people (`<@U123>`, `@U123` or `@name`),
labelled parts ("customer: ACME", "客户：华联", "place: Room 5", "agenda: prices") and, unlabelled,
the place and then the agenda.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, time

from commands.errors import InvalidInput
from commands.when import parse_when

MAX_TEXT = 3000
MAX_DURATION_MINUTES = 24 * 60
_SEPARATOR = re.compile(r"[;；]")
_WORD = re.compile(r"^([^\s;；]+)(.*)$", re.DOTALL)
_MEETING_ID = re.compile(r"^[#＃]?(\d{1,9})$")
_SLACK_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
_ESCAPED_MENTION = re.compile(r"<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>")
_PEOPLE_SEPARATORS = re.compile(r"[\s,，、]+")
_LABEL = re.compile(r"^([^\s:：]{1,12})\s*[:：]\s*(.*)$", re.DOTALL)
_CLOCK = re.compile(r"\d{1,2}\s*[:：.]\s*\d{2}|midnight|12\s*am|零点|午夜|0点|十二点", re.I)

SUBCOMMANDS = {
    "help": "help",
    "帮助": "help",
    "list": "list",
    "ls": "list",
    "列表": "list",
    "我的会议": "list",
    "move": "move",
    "reschedule": "move",
    "改期": "move",
    "改时间": "move",
    "cancel": "cancel",
    "取消": "cancel",
    "minutes": "minutes",
    "纪要": "minutes",
    "会议纪要": "minutes",
}
LABELS = {
    "customer": "customer",
    "client": "customer",
    "客户": "customer",
    "place": "place",
    "where": "place",
    "location": "place",
    "link": "place",
    "地点": "place",
    "地址": "place",
    "链接": "place",
    "agenda": "agenda",
    "议程": "agenda",
    "with": "people",
    "attendees": "people",
    "参会人": "people",
    "与会者": "people",
}
_CN_DIGITS = dict(zip("零一二两三四五六七八九", (0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
_NUM = r"\d+(?:\.\d+)?|[零一二两三四五六七八九十]+"
_DURATION = re.compile(
    rf"^(?:(?P<hours>{_NUM})?个?(?P<half>半)?个?(?P<hour_unit>h|hr|hrs|hour|hours|小时|钟头))?"
    rf"(?:(?P<minutes>{_NUM})(?P<minute_unit>m|min|mins|minute|minutes|分钟|分)?)?$"
)
_HOURS_COLON_MINUTES = re.compile(r"^(\d{1,2})[:：](\d{2})$")


@dataclass(frozen=True)
class ShowHelp:
    pass


@dataclass(frozen=True)
class OpenBookingForm:
    pass


@dataclass(frozen=True)
class ListMeetings:
    pass


@dataclass(frozen=True)
class People:
    """Who was named: Slack user ids as mentioned, and `@name`s still to be looked up."""

    ids: tuple[str, ...] = ()
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class BookMeeting:
    title: str
    when: str
    duration_minutes: int | None = None
    people: People = People()
    customer: str | None = None
    place: str | None = None
    agenda: str | None = None


@dataclass(frozen=True)
class MoveMeeting:
    meeting_id: int
    when: str | None  # None: open the form
    duration_minutes: int | None = None


@dataclass(frozen=True)
class CancelMeeting:
    meeting_id: int
    reason: str | None = None


@dataclass(frozen=True)
class AddMinutes:
    meeting_id: int
    text: str | None  # None: open the form


MeetingCommand = (
    ShowHelp
    | OpenBookingForm
    | ListMeetings
    | BookMeeting
    | MoveMeeting
    | CancelMeeting
    | AddMinutes
)


def parse_meeting_command(text: str) -> MeetingCommand:
    text = (text or "").strip()
    if len(text) > MAX_TEXT:
        raise InvalidInput("error.text_too_long", limit=MAX_TEXT)
    if not text:
        return OpenBookingForm()
    head, _, rest = text.partition(" ")
    rest = rest.strip()
    verb = SUBCOMMANDS.get(head.lower())
    if verb is not None and _is_subcommand(verb, rest):
        return _parse_subcommand(verb, rest)
    return parse_booking(text)


def _is_subcommand(verb: str, rest: str) -> bool:
    """ "Cancel review; tomorrow 3pm" books a meeting titled "Cancel review"; "cancel 12" and
    "cancel" (which asks for a number) do not."""
    if not _SEPARATOR.search(rest):
        return True
    if verb in ("help", "list"):
        return False
    return _MEETING_ID.match(_first_word(rest)[0]) is not None


def _first_word(text: str) -> tuple[str, str]:
    """The first word (up to a space or a ";") and the rest."""
    match = _WORD.match(text)
    return (match.group(1), match.group(2).strip()) if match else ("", "")


def _parse_subcommand(verb: str, rest: str) -> MeetingCommand:
    if verb == "help":
        return ShowHelp()
    if verb == "list":
        if rest:
            raise InvalidInput("meeting.error.list_takes_nothing", word=rest[:60])
        return ListMeetings()
    if not rest:
        raise InvalidInput(f"meeting.error.{verb}_usage")
    first, tail = _first_word(rest)
    meeting_id = parse_meeting_id(first)
    if verb == "move":
        return _parse_move(meeting_id, tail)
    tail = tail.lstrip(";； ")
    if verb == "cancel":
        return CancelMeeting(meeting_id, _optional_text(tail, 500, "meeting.error.reason_too_long"))
    return AddMinutes(meeting_id, _optional_text(tail, 3000, "meeting.error.minutes_too_long"))


def _parse_move(meeting_id: int, tail: str) -> MoveMeeting:
    if not tail:
        return MoveMeeting(meeting_id, None)
    parts = [part.strip() for part in _SEPARATOR.split(tail)]
    when, extra = parts[0], [part for part in parts[1:] if part]
    if not when:
        raise InvalidInput("meeting.error.move_usage")
    if len(extra) > 1:
        raise InvalidInput("meeting.error.move_usage")
    return MoveMeeting(meeting_id, when, parse_duration(extra[0]) if extra else None)


def parse_meeting_id(word: str) -> int:
    match = _MEETING_ID.match(unicodedata.normalize("NFKC", word.strip()))
    if match is None:
        raise InvalidInput("meeting.error.bad_id", word=word[:60])
    return int(match.group(1))


def parse_booking(text: str) -> BookMeeting:
    parts = [part.strip() for part in _SEPARATOR.split(text)]
    title, rest = parts[0], [part for part in parts[1:] if part]
    if not title:
        raise InvalidInput("meeting.error.needs_title")
    if not rest:
        raise InvalidInput("meeting.error.needs_when", title=title[:200])
    when, fields = rest[0], _Fields()
    if _has_duration_unit(when):
        raise InvalidInput("meeting.error.when_second", text=when[:100])
    for part in rest[1:]:
        fields.take(part)
    return BookMeeting(
        title=title,
        when=when,
        duration_minutes=fields.duration,
        people=People(tuple(fields.ids), tuple(fields.names)),
        customer=fields.customer,
        place=fields.place,
        agenda=fields.agenda,
    )


class _Fields:
    """The parts after the title and time, sorted by what they look like."""

    def __init__(self) -> None:
        self.duration: int | None = None
        self.ids: list[str] = []
        self.names: list[str] = []
        self.customer: str | None = None
        self.place: str | None = None
        self.agenda: str | None = None

    def take(self, part: str) -> None:
        label = _label(part)
        if label is not None:
            self._set(*label)
        elif is_people(part):
            self._add_people(part)
        elif self.duration is None and _looks_like_duration(part):
            self.duration = parse_duration(part)
        elif self.place is None:
            self.place = part
        elif self.agenda is None:
            self.agenda = part
        else:
            raise InvalidInput("meeting.error.too_many_parts", part=part[:100])

    def _set(self, field: str, value: str) -> None:
        if field == "people":
            if value and not is_people(value):
                raise InvalidInput("meeting.error.bad_people", text=value[:100])
            self._add_people(value)
            return
        if not value:
            raise InvalidInput(f"meeting.error.empty_{field}")
        if getattr(self, field) is not None:
            raise InvalidInput(f"meeting.error.twice_{field}")
        setattr(self, field, value)

    def _add_people(self, text: str) -> None:
        people = parse_people(text)
        self.ids += [i for i in people.ids if i not in self.ids]
        self.names += [n for n in people.names if n not in self.names]


def _label(part: str) -> tuple[str, str] | None:
    match = _LABEL.match(part)
    if match is None:
        return None
    field = LABELS.get(match.group(1).lower())
    return (field, match.group(2).strip()) if field else None


def is_people(text: str) -> bool:
    escaped = _ESCAPED_MENTION.findall(text)
    words = _words(_ESCAPED_MENTION.sub(" ", text))
    return bool(escaped or words) and all(_is_mention(word) for word in words)


def parse_people(text: str) -> People:
    """`<@U123>`, `<@U123|name>` and `@U123` are Slack user ids; `@name` is a name to look up."""
    ids = _ESCAPED_MENTION.findall(text)
    names: list[str] = []
    for word in _words(_ESCAPED_MENTION.sub(" ", text)):
        if not _is_mention(word):
            raise InvalidInput("meeting.error.bad_people", text=word[:100])
        bare = word[1:]
        (ids if _SLACK_ID.match(bare) else names).append(bare)
    return People(tuple(dict.fromkeys(ids)), tuple(dict.fromkeys(names)))


def _words(text: str) -> list[str]:
    return [word for word in _PEOPLE_SEPARATORS.split(text.strip()) if word]


def _is_mention(word: str) -> bool:
    return len(word) > 1 and word[0] in "@＠"


def is_slack_user_id(text: str) -> bool:
    return bool(_SLACK_ID.match(text))


def _looks_like_duration(text: str) -> bool:
    compact = _compact(text)
    return bool(compact) and bool(_DURATION.match(compact) or _HOURS_COLON_MINUTES.match(compact))


def _has_duration_unit(text: str) -> bool:
    """ "1h" or "30分钟" in the time's place is a duration typed too early; "15:00" is a time."""
    match = _DURATION.match(_compact(text))
    return bool(match and (match["hour_unit"] or match["minute_unit"]))


def _compact(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def parse_duration(text: str) -> int:
    """Minutes in "30m", "1h", "1.5h", "1h30", "1:30", "90" (minutes), "90分钟", "1小时",
    "半小时", "一个半小时"; from 1 minute to 24 hours."""
    compact = _compact(text)
    colon = _HOURS_COLON_MINUTES.match(compact)
    match = _DURATION.match(compact) if compact else None
    if colon:
        total = int(colon.group(1)) * 60 + int(colon.group(2))
    elif match and (match["hour_unit"] or match["minutes"]):
        # The hours and the half only match together with an hour unit.
        hours = _number(match["hours"]) if match["hours"] else 0
        hours += 0.5 if match["half"] else 0
        if match["hour_unit"] and not hours and not match["hours"]:
            raise InvalidInput("meeting.error.bad_duration", text=text[:60])
        minutes = _number(match["minutes"]) if match["minutes"] else 0
        total = round(hours * 60 + minutes)
    else:
        raise InvalidInput("meeting.error.bad_duration", text=text[:60])
    return check_duration(total)


def check_duration(minutes: int) -> int:
    if minutes <= 0:
        raise InvalidInput("meeting.error.zero_duration")
    if minutes > MAX_DURATION_MINUTES:
        raise InvalidInput("meeting.error.duration_too_long", hours=MAX_DURATION_MINUTES // 60)
    return minutes


def _number(text: str) -> float:
    if text[0].isdigit():
        return float(text)
    if "十" not in text:
        if len(text) != 1:
            raise InvalidInput("meeting.error.bad_duration", text=text)
        return _CN_DIGITS[text]
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0))


def read_when(text: str, timezone: str, now: datetime) -> datetime:
    """A meeting's start as typed, in the typist's zone: a day alone is not enough."""
    when = parse_when(text, timezone, now, prefer="future")
    if when is None:
        raise InvalidInput("meeting.error.bad_when", text=text[:100])
    if when.time() == time(0) and not _CLOCK.search(text):
        raise InvalidInput("meeting.error.when_needs_time", text=text[:100])
    return when.replace(second=0, microsecond=0)


def _optional_text(text: str, limit: int, too_long_key: str) -> str | None:
    text = text.strip()
    if len(text) > limit:
        raise InvalidInput(too_long_key, limit=limit)
    return text or None
