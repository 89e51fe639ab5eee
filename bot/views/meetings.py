"""How meetings look in Slack: the forms, the replies, the list and the attendees' messages, in
the reader's language and time zone. User text only ever goes into plain_text."""

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time
from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    CheckboxesElement,
    ConfirmObject,
    DateTimePickerElement,
    InputBlock,
    Option,
    PlainTextInputElement,
    UserMultiSelectElement,
)
from slack_sdk.models.views import View

from bot.i18n import babel_locale, moment, t
from bot.views.blocks import context, header, message, mrkdwn_section, plain, plain_section
from bot.views.customer_select import customer_select_element
from bot.views.forms import FIELD
from commands.meetings import (
    MAX_AGENDA,
    MAX_ATTENDEES,
    MAX_MINUTES,
    MAX_PLACE,
    MAX_TITLE,
    Booked,
    Cancelled,
    Clash,
    Held,
    MeetingCard,
    MeetingPage,
    MinutesSaved,
    Moved,
    Person,
)
from commands.people import Reader

BOOK_CALLBACK = "meeting_book"
MOVE_CALLBACK = "meeting_move"
MINUTES_CALLBACK = "meeting_minutes"
ANYWAY = "anyway"
BOOK_ANYWAY = "meeting_book_anyway"
DROP_HELD = "meeting_drop_held"
MOVE_ANYWAY = "meeting_move_anyway"
OPEN_MOVE = "meeting_open_move"
OPEN_MINUTES = "meeting_open_minutes"
CANCEL = "meeting_cancel"
BOOK_FIELDS = ("title", "customer", "when", "duration", "attendees", "place", "agenda")
MOVE_FIELDS = ("when", "duration")
MINUTES_FIELDS = ("minutes",)
CLASH_LIMIT = 5
BUSY_LIMIT = 1800  # an inline error stays within 2,000 characters


def meeting_help(locale: str) -> dict:
    return message(t(locale, "meeting.help.title"), [mrkdwn_section(t(locale, "meeting.help"))])


# -- forms ---------------------------------------------------------------------------------


def booking_form(locale: str, organiser: str, now: datetime) -> dict:
    """The booking modal: starts at the next full hour, for an hour, with the organiser."""
    blocks = [
        _input("title", locale, _text_input(locale, "title", MAX_TITLE)),
        InputBlock(
            block_id="customer",
            label=t(locale, "meeting.field.customer"),
            element=customer_select_element(locale),
            optional=True,
        ),
        _input(
            "when",
            locale,
            DateTimePickerElement(
                action_id=FIELD, initial_date_time=int(_next_hour(now).timestamp())
            ),
        ),
        _input(
            "duration",
            locale,
            _text_input(locale, "duration", 20, initial=t(locale, "meeting.duration.default")),
            optional=True,
        ),
        _input(
            "attendees",
            locale,
            UserMultiSelectElement(
                action_id=FIELD,
                initial_users=[organiser],
                max_selected_items=MAX_ATTENDEES,
                placeholder=plain(t(locale, "meeting.placeholder.attendees")),
            ),
            optional=True,
        ),
        _input("place", locale, _text_input(locale, "place", MAX_PLACE), optional=True),
        _input(
            "agenda",
            locale,
            _text_input(locale, "agenda", MAX_AGENDA, multiline=True),
            optional=True,
        ),
        _anyway_block(locale, "meeting.field.book_anyway"),
    ]
    return _modal(BOOK_CALLBACK, locale, "meeting.form.book_title", "meeting.form.book", blocks)


def move_form(card: MeetingCard, reader: Reader) -> dict:
    locale = reader.locale
    blocks = [
        plain_section(card.title),
        context(span(card.starts_at, card.ends_at, reader)),
        _input(
            "when",
            locale,
            DateTimePickerElement(
                action_id=FIELD, initial_date_time=int(card.starts_at.timestamp())
            ),
        ),
        _input(
            "duration",
            locale,
            _text_input(
                locale, "duration", 20, initial=duration_text(card.duration_minutes, locale)
            ),
        ),
        _anyway_block(locale, "meeting.field.move_anyway"),
    ]
    return _modal(
        MOVE_CALLBACK, locale, "meeting.form.move_title", "meeting.form.move", blocks, card.id
    )


def minutes_form(card: MeetingCard, reader: Reader) -> dict:
    locale = reader.locale
    blocks = [
        plain_section(card.title),
        context(span(card.starts_at, card.ends_at, reader)),
        _input(
            "minutes",
            locale,
            _text_input(locale, "minutes", MAX_MINUTES, multiline=True, initial=card.minutes),
        ),
    ]
    return _modal(
        MINUTES_CALLBACK, locale, "meeting.form.minutes_title", "meeting.form.save", blocks, card.id
    )


def form_values(view: dict) -> dict:
    """The submitted values by block id: text, timestamps, user lists, ticked boxes."""
    values = {}
    for block_id, actions in view["state"]["values"].items():
        state = actions.get(FIELD) or {}
        kind = state.get("type")
        if kind == "datetimepicker":
            values[block_id] = _moment(state.get("selected_date_time"))
        elif kind == "multi_users_select":
            values[block_id] = tuple(state.get("selected_users") or ())
        elif kind == "checkboxes":
            values[block_id] = bool(state.get("selected_options"))
        else:
            values[block_id] = state.get("value")
    return values


def _moment(stamp) -> datetime | None:
    """A picked time; anything else (only a forged payload sends it) reads as none picked."""
    if isinstance(stamp, int | float) and 0 < stamp < 32503680000:
        return datetime.fromtimestamp(stamp, UTC)
    return None


def booked_view(result: Booked, reader: Reader) -> dict:
    """The form turned into its own confirmation (`response_action: update`)."""
    locale = reader.locale
    card = result.meeting
    blocks = [
        plain_section(t(locale, "meeting.booked", id=card.id, title=card.title)),
        plain_section(card_text(card, reader)),
        context(t(locale, "meeting.attendees_told")),
    ]
    return View(
        type="modal",
        callback_id=f"{BOOK_CALLBACK}_done",
        title=plain(t(locale, "meeting.form.booked_title")),
        close=plain(t(locale, "meeting.form.done")),
        blocks=blocks,
    ).to_dict()


def done_view(reply: dict, locale: str) -> dict:
    """A form turned into the reply its action would give in a message."""
    return _info_view(reply["blocks"], locale, "meeting.form.done_title")


def notice_view(reply: dict, locale: str) -> dict:
    """A reply shown in a small modal, for buttons that sit where no message can answer."""
    return _info_view(reply["blocks"], locale, "meeting.form.notice_title")


def _info_view(blocks: list[dict], locale: str, title_key: str) -> dict:
    return View(
        type="modal",
        title=plain(t(locale, title_key)),
        close=plain(t(locale, "meeting.form.done")),
        blocks=blocks,
    ).to_dict()


def busy_then(clashes: list[Clash], reader: Reader) -> str:
    """Who is busy with what, for a form's inline error (kept well within its length)."""
    lines = [clash_line(clash, reader) for clash in clashes[:CLASH_LIMIT]]
    if len(clashes) > CLASH_LIMIT:
        lines.append(t(reader.locale, "meeting.more", count=len(clashes) - CLASH_LIMIT))
    return "; ".join(lines)[:BUSY_LIMIT]


def _modal(callback_id, locale, title_key, submit_key, blocks, meeting_id=None) -> dict:
    return View(
        type="modal",
        callback_id=callback_id,
        title=plain(t(locale, title_key)),
        submit=plain(t(locale, submit_key)),
        close=plain(t(locale, "meeting.form.close")),
        private_metadata=str(meeting_id or ""),
        blocks=blocks,
    ).to_dict()


def _input(block_id: str, locale: str, element, optional: bool = False) -> InputBlock:
    return InputBlock(
        block_id=block_id,
        label=plain(t(locale, f"meeting.field.{block_id}")),
        element=element,
        optional=optional,
        hint=_hint(locale, block_id),
    )


def _hint(locale: str, block_id: str):
    hints = {"duration", "attendees"}
    return plain(t(locale, f"meeting.hint.{block_id}")) if block_id in hints else None


def _text_input(locale, name, limit, multiline=False, initial=None) -> PlainTextInputElement:
    return PlainTextInputElement(
        action_id=FIELD,
        multiline=multiline,
        max_length=limit,
        initial_value=initial or None,
        placeholder=plain(t(locale, f"meeting.placeholder.{name}")),
    )


def _anyway_block(locale: str, key: str) -> InputBlock:
    option = Option(value="yes", text=plain(t(locale, key)))
    return InputBlock(
        block_id=ANYWAY,
        label=plain(t(locale, "meeting.field.clashes")),
        element=CheckboxesElement(action_id=FIELD, options=[option]),
        optional=True,
    )


def _next_hour(now: datetime) -> datetime:
    return now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)


# -- replies -------------------------------------------------------------------------------


def booked(result: Booked, reader: Reader) -> dict:
    locale = reader.locale
    card = result.meeting
    text = t(locale, "meeting.booked", id=card.id, title=card.title)
    blocks = [plain_section(text), plain_section(card_text(card, reader))]
    if result.clashes:
        blocks.append(
            context(
                t(
                    locale,
                    "meeting.booked_despite",
                    clashes=_clashes(result.clashes, reader),
                )
            )
        )
    blocks.append(context(t(locale, "meeting.attendees_told")))
    return message(text, blocks)


def held(result: Held, reader: Reader) -> dict:
    locale = reader.locale
    card = result.meeting
    text = t(locale, "meeting.clash.title", title=card.title)
    blocks = [
        plain_section(text),
        plain_section(_clash_lines(result.clashes, reader)),
        plain_section(card_text(card, reader)),
        ActionsBlock(
            elements=[
                _button(locale, "meeting.button.book_anyway", BOOK_ANYWAY, card.id, "primary"),
                _button(locale, "meeting.button.drop", DROP_HELD, card.id),
            ]
        ),
    ]
    return message(text, blocks)


def move_clash(
    card: MeetingCard, starts_at: datetime, minutes: int, clashes: list[Clash], reader: Reader
) -> dict:
    locale = reader.locale
    text = t(locale, "meeting.clash.move_title", id=card.id, title=card.title)
    value = json.dumps({"id": card.id, "at": int(starts_at.timestamp()), "minutes": minutes})
    ends_at = starts_at + timedelta(minutes=minutes)
    blocks = [
        plain_section(text),
        plain_section(_clash_lines(clashes, reader)),
        context(t(locale, "meeting.clash.new_time", when=span(starts_at, ends_at, reader))),
        ActionsBlock(
            elements=[
                _button(locale, "meeting.button.move_anyway", MOVE_ANYWAY, value, "primary"),
            ]
        ),
    ]
    return message(text, blocks)


def moved(result: Moved, reader: Reader) -> dict:
    locale = reader.locale
    card = result.meeting
    text = t(
        locale,
        "meeting.moved",
        id=card.id,
        title=card.title,
        when=span(card.starts_at, card.ends_at, reader),
    )
    blocks = [plain_section(text)]
    if result.clashes:
        blocks.append(
            context(
                t(
                    locale,
                    "meeting.booked_despite",
                    clashes=_clashes(result.clashes, reader),
                )
            )
        )
    blocks.append(context(t(locale, "meeting.attendees_told")))
    return message(text, blocks)


def cancelled(result: Cancelled, locale: str) -> dict:
    text = t(locale, "meeting.cancelled", id=result.meeting.id, title=result.meeting.title)
    return message(text, [plain_section(text), context(t(locale, "meeting.attendees_told"))])


def minutes_saved(result: MinutesSaved, locale: str) -> dict:
    text = t(locale, "meeting.minutes_saved", id=result.meeting.id, title=result.meeting.title)
    return message(text, [plain_section(text), context(t(locale, "meeting.attendees_told"))])


def dropped(title: str, locale: str) -> dict:
    text = t(locale, "meeting.dropped", title=title)
    return message(text, [plain_section(text)])


def meeting_page(
    page: MeetingPage, viewer: str, is_admin: bool, reader: Reader, now: datetime
) -> dict:
    locale = reader.locale
    if not page.meetings:
        text = t(locale, "meeting.list.empty")
        return message(text, [plain_section(text)])
    title = t(locale, "meeting.list.title", total=page.total)
    blocks: list[Block] = [header(title)]
    for card in page.meetings:
        blocks.append(plain_section(list_line(card, reader)))
        buttons = _card_buttons(card, viewer, is_admin, locale, now)
        if buttons:
            blocks.append(ActionsBlock(block_id=f"meeting_{card.id}", elements=buttons))
    hidden = page.total - len(page.meetings)
    if hidden > 0:
        blocks.append(context(t(locale, "meeting.more", count=hidden)))
    return message(title, blocks)


def _card_buttons(card: MeetingCard, viewer, is_admin, locale, now) -> list[ButtonElement]:
    buttons = []
    if card.organiser.slack_user_id == viewer or is_admin:
        buttons.append(_button(locale, "meeting.button.move", OPEN_MOVE, card.id))
        cancel = _button(locale, "meeting.button.cancel", CANCEL, card.id, "danger")
        cancel.confirm = ConfirmObject(
            title=plain(t(locale, "meeting.confirm_cancel.title")),
            text=plain(t(locale, "meeting.confirm_cancel.text", title=card.title)[:300]),
            confirm=plain(t(locale, "meeting.confirm_cancel.yes")),
            deny=plain(t(locale, "meeting.confirm_cancel.no")),
        )
        buttons.append(cancel)
    if card.starts_at <= now:
        buttons.append(_button(locale, "meeting.button.minutes", OPEN_MINUTES, card.id))
    return buttons


def _button(locale, key, action_id, value, style=None) -> ButtonElement:
    return ButtonElement(
        text=plain(t(locale, key)), action_id=action_id, value=str(value), style=style
    )


# -- text pieces ---------------------------------------------------------------------------


def span(starts_at: datetime, ends_at: datetime, reader: Reader) -> str:
    """ "Tue Jan 15, 2030 3:00 PM – 4:00 PM (Asia/Shanghai)" in the reader's zone."""
    locale, timezone = reader.locale, reader.timezone
    zone = ZoneInfo(timezone)
    start, end = starts_at.astimezone(zone), ends_at.astimezone(zone)
    until = _clock(end, locale) if start.date() == end.date() else moment(end, locale, timezone)
    return t(
        locale,
        "meeting.span",
        weekday=format_date(start, "EEE", locale=babel_locale(locale)),
        start=moment(starts_at, locale, timezone),
        end=until,
        zone=timezone,
    )


def duration_text(minutes: int, locale: str) -> str:
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return t(locale, "meeting.duration.hours_minutes", hours=hours, minutes=rest)
    if hours:
        return t(locale, "meeting.duration.hours", hours=hours)
    return t(locale, "meeting.duration.minutes", minutes=rest)


def card_text(card: MeetingCard, reader: Reader) -> str:
    locale = reader.locale
    lines = [
        t(locale, "meeting.line.when", when=span(card.starts_at, card.ends_at, reader)),
        t(locale, "meeting.line.attendees", names=people(card.attendees, locale)),
    ]
    if card.customer:
        lines.append(t(locale, "meeting.line.customer", customer=card.customer))
    if card.place:
        lines.append(t(locale, "meeting.line.place", place=card.place))
    if card.agenda:
        lines.append(t(locale, "meeting.line.agenda", agenda=card.agenda))
    return "\n".join(lines)


def list_line(card: MeetingCard, reader: Reader) -> str:
    locale = reader.locale
    text = t(
        locale,
        "meeting.list.line",
        id=card.id,
        title=card.title,
        when=span(card.starts_at, card.ends_at, reader),
    )
    extras = [card.customer, card.place]
    if card.organiser.name:
        extras.append(t(locale, "meeting.list.organiser", name=card.organiser.name))
    return "\n".join([text, " · ".join(extra for extra in extras if extra)]).strip()


def people(persons: list[Person], locale: str) -> str:
    return t(locale, "list.separator").join(p.name or p.slack_user_id for p in persons)


def clash_line(clash: Clash, reader: Reader) -> str:
    return t(
        reader.locale,
        "meeting.clash.line",
        who=clash.person.name or clash.person.slack_user_id,
        title=clash.title,
        when=span(clash.starts_at, clash.ends_at, reader),
    )


def _clash_lines(clashes: list[Clash], reader: Reader) -> str:
    locale = reader.locale
    lines = [f"• {clash_line(clash, reader)}" for clash in clashes[:CLASH_LIMIT]]
    if len(clashes) > CLASH_LIMIT:
        lines.append(t(locale, "meeting.more", count=len(clashes) - CLASH_LIMIT))
    return "\n".join(lines)


def _clashes(clashes: list[Clash], reader: Reader) -> str:
    return "; ".join(clash_line(clash, reader) for clash in clashes[:CLASH_LIMIT])


def _clock(value: datetime, locale: str) -> str:
    return format_time(value, "short", locale=babel_locale(locale))


# -- what attendees are sent ---------------------------------------------------------------


def invited(params: dict, reader: Reader) -> str:
    locale = reader.locale
    key = "meeting.notify.booked" if params["for_organiser"] else "meeting.notify.invited"
    lines = [
        t(locale, key, organiser=params["organiser"], title=params["title"]),
        _when(params, reader),
        t(
            locale,
            "meeting.line.attendees",
            names=t(locale, "list.separator").join(params["attendees"]),
        ),
    ]
    lines += _details(params, locale)
    if params.get("agenda"):
        lines.append(t(locale, "meeting.line.agenda", agenda=params["agenda"]))
    lines.append(t(locale, "meeting.notify.footer", id=params["meeting_id"]))
    return "\n".join(lines)


def moved_notice(params: dict, reader: Reader) -> str:
    locale = reader.locale
    before = span(
        datetime.fromisoformat(params["from_starts_at"]),
        datetime.fromisoformat(params["from_ends_at"]),
        reader,
    )
    lines = [
        t(locale, "meeting.notify.moved", by=params["by"], title=params["title"]),
        _when(params, reader),
        t(locale, "meeting.line.was", when=before),
    ]
    return "\n".join(lines + _details(params, locale))


def cancelled_notice(params: dict, reader: Reader) -> str:
    locale = reader.locale
    lines = [
        t(locale, "meeting.notify.cancelled", by=params["by"], title=params["title"]),
        _when(params, reader),
    ]
    if params.get("reason"):
        lines.append(t(locale, "meeting.line.reason", reason=params["reason"]))
    return "\n".join(lines)


def minutes_notice(params: dict, reader: Reader) -> str:
    locale = reader.locale
    return "\n".join(
        [
            t(locale, "meeting.notify.minutes", by=params["by"], title=params["title"]),
            _when(params, reader),
            params["minutes"],
        ]
    )


def _when(params: dict, reader: Reader) -> str:
    starts_at = datetime.fromisoformat(params["starts_at"])
    ends_at = datetime.fromisoformat(params["ends_at"])
    return t(
        reader.locale,
        "meeting.line.when",
        when=span(starts_at, ends_at, reader),
    )


def _details(params: dict, locale: str) -> list[str]:
    lines = []
    if params.get("customer"):
        lines.append(t(locale, "meeting.line.customer", customer=params["customer"]))
    if params.get("place"):
        lines.append(t(locale, "meeting.line.place", place=params["place"]))
    return lines


def reminder(params: dict, reader: Reader) -> str:
    return t(
        reader.locale,
        "remind.meeting",
        title=params["title"],
        at=moment(datetime.fromisoformat(params["starts_at"]), reader.locale, reader.timezone),
        place=params["place"] or "—",
        customer=params["customer"] or "—",
    )


def render_reminder(params: dict, reader: Reader) -> tuple[str, list[dict]]:
    return _plain(reminder(params, reader))


def render_invited(params: dict, reader: Reader) -> tuple[str, list[dict]]:
    return _plain(invited(params, reader))


def render_moved(params: dict, reader: Reader) -> tuple[str, list[dict]]:
    return _plain(moved_notice(params, reader))


def render_cancelled(params: dict, reader: Reader) -> tuple[str, list[dict]]:
    return _plain(cancelled_notice(params, reader))


def render_minutes(params: dict, reader: Reader) -> tuple[str, list[dict]]:
    return _plain(minutes_notice(params, reader))


def _plain(text: str) -> tuple[str, list[dict]]:
    """A message that holds user text (titles, agendas): never parsed as mrkdwn."""
    reply = message(text, [plain_section(text)])
    return reply["text"], reply["blocks"]


# The outbox's renderer of each kind of meeting message (see bot.views.notifications).
NOTIFICATIONS: dict[str, Callable[[dict, Reader], tuple[str, list[dict]]]] = {
    "meeting_reminder": render_reminder,
    "meeting_invited": render_invited,
    "meeting_moved": render_moved,
    "meeting_cancelled": render_cancelled,
    "meeting_minutes": render_minutes,
}
