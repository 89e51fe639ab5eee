"""How visits look in Slack: the form, its confirmation, the one-line replies and the list,
in the reader's language and time zone. User text only ever goes into plain_text."""

import json
import re
from datetime import UTC, date, datetime

from babel.dates import format_skeleton
from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    DatePickerElement,
    DateTimePickerElement,
    InputBlock,
    Option,
    PlainTextInputElement,
    RadioButtonsElement,
)
from slack_sdk.models.views import View

from bot.i18n import babel_locale, day, moment, t
from bot.views.blocks import (
    SECTION_LIMIT,
    clip,
    context,
    escape,
    header,
    message,
    mrkdwn_section,
    plain,
    plain_section,
)
from bot.views.customer_select import (
    customer_label,
    customer_select_element,
    selected_customer_id,
)
from bot.views.forms import FIELD, TITLE_LIMIT, field_value, selected_value
from commands.customers import CustomerRef
from commands.errors import DomainError, InvalidInput
from commands.people import Reader
from commands.visits import (
    CHANNELS,
    MAX_NEXT_STEP,
    MAX_SUMMARY,
    CustomerChoice,
    VisitDraft,
    VisitLine,
    VisitLogged,
    VisitPage,
)

CALLBACK_ID = "visit_log"
PICK_ACTION = "visit_pick"  # one per button: visit_pick_0, visit_pick_1, ...
PICK_BUTTON = re.compile(rf"^{PICK_ACTION}_\d+$")
CANCEL_ACTION = "visit_cancel"
BLOCK_IDS = ("customer", "when", "channel", "summary", "effective", "next_step", "next_step_due")
FALLBACK_BLOCK = "summary"  # where a problem with no field of its own is shown
BUTTON_VALUE_LIMIT = 2000

Rendered = tuple[str, list[dict]]  # a notification's fallback text and its blocks


def visit_help(locale: str) -> dict:
    return message(t(locale, "visit.help.title"), [mrkdwn_section(t(locale, "visit.help"))])


# -- the form ------------------------------------------------------------------------------


def visit_form(
    locale: str,
    at: datetime,
    customer: CustomerRef | None = None,
    summary: str | None = None,
) -> dict:
    """The modal; `at` is the time it starts at (now, or when a message was posted)."""
    blocks = [
        InputBlock(
            block_id="customer",
            label=t(locale, "visit.field.customer"),
            element=customer_select_element(locale, customer),
        ),
        InputBlock(
            block_id="when",
            label=t(locale, "visit.field.when"),
            element=DateTimePickerElement(action_id=FIELD, initial_date_time=int(at.timestamp())),
        ),
        InputBlock(
            block_id="channel",
            label=t(locale, "visit.field.channel"),
            element=RadioButtonsElement(
                action_id=FIELD,
                options=[_option(t(locale, f"visit.channel.{c}"), c) for c in CHANNELS],
                initial_option=_option(t(locale, "visit.channel.visit"), "visit"),
            ),
        ),
        InputBlock(
            block_id="summary",
            label=t(locale, "visit.field.summary"),
            element=PlainTextInputElement(
                action_id=FIELD,
                multiline=True,
                max_length=MAX_SUMMARY,
                placeholder=t(locale, "visit.placeholder.summary"),
                initial_value=clip(summary, MAX_SUMMARY) if summary else None,
            ),
        ),
        InputBlock(
            block_id="effective",
            label=t(locale, "visit.field.effective"),
            element=RadioButtonsElement(
                action_id=FIELD,
                options=_effect_options(locale),
                initial_option=_effect_options(locale)[0],
            ),
        ),
        InputBlock(
            block_id="next_step",
            label=t(locale, "visit.field.next_step"),
            optional=True,
            hint=t(locale, "visit.hint.next_step"),
            element=PlainTextInputElement(
                action_id=FIELD,
                max_length=MAX_NEXT_STEP,
                placeholder=t(locale, "visit.placeholder.next_step"),
            ),
        ),
        InputBlock(
            block_id="next_step_due",
            label=t(locale, "visit.field.next_step_due"),
            optional=True,
            element=DatePickerElement(
                action_id=FIELD, placeholder=t(locale, "visit.placeholder.due")
            ),
        ),
    ]
    view = View(
        type="modal",
        callback_id=CALLBACK_ID,
        title=clip(t(locale, "visit.modal.title"), TITLE_LIMIT),
        submit=t(locale, "visit.modal.submit"),
        close=t(locale, "visit.modal.cancel"),
        blocks=blocks,
    )
    return view.to_dict()


def read_form(values: dict, now: datetime) -> tuple[VisitDraft, dict[str, DomainError]]:
    """The draft a submitted form describes, and what could not even be read (only a forged or
    broken payload gets there: Slack's pickers send well-formed values)."""
    unreadable: dict[str, DomainError] = {}
    epoch = field_value(values, "when", "selected_date_time")
    if isinstance(epoch, int | float) and 0 < epoch < 32503680000:
        at = datetime.fromtimestamp(epoch, UTC)
    else:
        at = now
        unreadable["when"] = InvalidInput("visit.error.no_when")
    due_text = field_value(values, "next_step_due", "selected_date")
    due = None
    if due_text:
        try:
            due = date.fromisoformat(str(due_text))
        except ValueError:
            unreadable["next_step_due"] = InvalidInput(
                "visit.error.bad_due", text=str(due_text)[:40]
            )
    draft = VisitDraft(
        customer_id=selected_customer_id(values, "customer"),
        at=at,
        channel=str(selected_value(values, "channel") or ""),
        summary=str(field_value(values, "summary", "value") or ""),
        effective=selected_value(values, "effective") != "no",
        next_step=str(field_value(values, "next_step", "value") or "") or None,
        next_step_due=due,
    )
    return draft, unreadable


def logged_view(logged: VisitLogged, reader: Reader) -> dict:
    """The form turned into its own confirmation (`response_action: update`)."""
    locale = reader.locale
    view = View(
        type="modal",
        callback_id=f"{CALLBACK_ID}_done",
        title=clip(t(locale, "visit.logged.title"), TITLE_LIMIT),
        close=t(locale, "visit.logged.done"),
        blocks=[plain_section(line) for line in _logged_lines(logged, reader)],
    )
    return view.to_dict()


def logged_message(logged: VisitLogged, reader: Reader) -> dict:
    lines = _logged_lines(logged, reader)
    return message(lines[0], [plain_section(line) for line in lines])


def message_summary(text: str) -> str:
    """A Slack message's text as a summary: its escaped characters read as typed."""
    unescaped = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return clip(unescaped.strip(), MAX_SUMMARY)


# -- a one-line visit naming no single customer -----------------------------------------------


def choice_message(choice: CustomerChoice, locale: str) -> dict:
    matches = choice.matches
    if matches.close or not matches.matches:
        lines = [t(locale, "visit.choice.none", query=matches.query)]
        if matches.matches:
            lines.append(t(locale, "visit.choice.close"))
    else:
        lines = [t(locale, "visit.choice.several", query=matches.query)]
    blocks = [plain_section("\n".join(lines))]
    buttons = _pick_buttons(choice)
    if buttons:
        cancel = ButtonElement(
            text=t(locale, "visit.choice.cancel"), action_id=CANCEL_ACTION, value="cancel"
        )
        blocks.append(ActionsBlock(block_id="visit_choice", elements=[*buttons, cancel]))
    elif matches.matches:
        names = "\n".join(customer_label(c) for c in matches.matches)
        blocks.append(plain_section(names))
        blocks.append(context(t(locale, "visit.choice.retype", code=matches.matches[0].code)))
    if matches.more:
        blocks.append(context(t(locale, "visit.choice.more", count=len(matches.matches))))
    if not matches.matches:
        blocks.append(context(t(locale, "visit.choice.none_hint")))
    return message(lines[0], blocks)


def draft_value(draft: VisitDraft, customer_id: int) -> str:
    return json.dumps(
        {
            "c": customer_id,
            "at": int(draft.at.timestamp()),
            "ch": draft.channel,
            "s": draft.summary,
            "e": draft.effective,
            "n": draft.next_step,
            "d": draft.next_step_due.isoformat() if draft.next_step_due else None,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def draft_from_value(value: str) -> VisitDraft | None:
    """The draft a pick button carries, or None when it is not one of ours."""
    try:
        data = json.loads(value)
        return VisitDraft(
            customer_id=int(data["c"]),
            at=datetime.fromtimestamp(int(data["at"]), UTC),
            channel=str(data["ch"]),
            summary=str(data["s"]),
            effective=bool(data["e"]),
            next_step=str(data["n"]) if data["n"] else None,
            next_step_due=date.fromisoformat(data["d"]) if data["d"] else None,
        )
    except (ValueError, TypeError, KeyError, OverflowError):
        return None


def cancelled(locale: str) -> dict:
    text = t(locale, "visit.choice.cancelled")
    return message(text, [plain_section(text)])


# -- the list --------------------------------------------------------------------------------


def visit_page(page: VisitPage, reader: Reader, is_rep: bool) -> dict:
    locale = reader.locale
    if page.customer_query:
        title = t(locale, "visit.list.title.customer", query=page.customer_query)
    else:
        title = t(locale, "visit.list.title.rep" if is_rep else "visit.list.title.team")
    if not page.visits:
        if page.customer_query:
            text = t(locale, "visit.list.empty_customer", query=page.customer_query)
        else:
            text = t(locale, "visit.list.empty")
        return message(text, [plain_section(text)])
    blocks = [header(t(locale, "visit.list.header", title=title, total=page.total))]
    blocks += [plain_section(_list_entry(visit, reader)) for visit in page.visits]
    hidden = page.total - len(page.visits)
    if hidden > 0:
        blocks.append(context(t(locale, "visit.list.more", count=hidden)))
    return message(title, blocks)


def channel_label(channel: str, locale: str) -> str:
    return t(locale, f"visit.channel.{channel}") if channel in CHANNELS else channel


def due_day(value: date, locale: str) -> str:
    return format_skeleton("yMMMEd", value, locale=babel_locale(locale))


# -- the rep's notice when someone else logs a visit for them ---------------------------------


def render_visit_logged_for_you(params: dict, reader: Reader) -> Rendered:
    locale = reader.locale
    text = t(
        locale,
        "notify.visit_logged_for_you",
        by=params["by"],
        customer=params["customer"],
        code=params["code"],
        channel=channel_label(params["channel_kind"], locale),
        at=moment(datetime.fromisoformat(params["at"]), locale, reader.timezone),
        summary=params["summary"],
    )
    if params.get("next_step") and params.get("next_step_due"):
        due = due_day(date.fromisoformat(params["next_step_due"]), locale)
        text += "\n" + t(locale, "notify.visit_next_step", step=params["next_step"], due=due)
    return _plain(text)


# -- reminders and escalations about visits ---------------------------------------------------


def follow_up_due(params: dict, reader: Reader) -> Rendered:
    text = t(
        reader.locale, "remind.follow_up", customer=params["customer"], step=params["step"] or ""
    )
    return _plain(text)


def escalation_cadence(params: dict, reader: Reader) -> Rendered:
    last = params["last_contact"]
    since = (
        day(datetime.fromisoformat(last).date(), reader.locale)
        if last
        else t(reader.locale, "escalate.never")
    )
    text = t(
        reader.locale,
        "escalate.cadence",
        customer=params["customer"],
        code=params["code"],
        tier=params["tier"],
        days=params["days"],
        since=since,
    )
    return _plain(text)


NOTIFICATIONS = {
    "visit_logged_for_you": render_visit_logged_for_you,
    "follow_up_due": follow_up_due,
    "escalation_cadence": escalation_cadence,
}


# -- helpers ---------------------------------------------------------------------------------


def _plain(text: str) -> Rendered:
    """A notification that is just text (user content included, so never parsed as mrkdwn)."""
    return clip(escape(text), SECTION_LIMIT), [plain_section(text).to_dict()]


def _logged_lines(logged: VisitLogged, reader: Reader) -> list[str]:
    locale = reader.locale
    visit = logged.visit
    lines = [
        t(
            locale,
            "visit.logged.headline",
            channel=channel_label(visit.channel, locale),
            customer=visit.customer_name,
            code=visit.customer_code,
            at=moment(visit.at, locale, reader.timezone),
        ),
        t(locale, "visit.logged.summary", summary=visit.summary),
        t(locale, "visit.logged.effective", effective=_effect_label(visit.effective, locale)),
    ]
    if visit.next_step and visit.next_step_due:
        key = (
            "visit.logged.next_step_other"
            if logged.for_someone_else
            else "visit.logged.next_step_self"
        )
        due = due_day(visit.next_step_due, locale)
        lines.append(t(locale, key, step=visit.next_step, due=due, rep=visit.rep_name))
    else:
        lines.append(t(locale, "visit.logged.no_next_step"))
    if logged.for_someone_else:
        lines.append(t(locale, "visit.logged.for_rep", rep=visit.rep_name))
    return lines


def _list_entry(visit: VisitLine, reader: Reader) -> str:
    locale = reader.locale
    head = t(
        locale,
        "visit.list.line",
        at=moment(visit.at, locale, reader.timezone),
        channel=channel_label(visit.channel, locale),
        customer=visit.customer_name,
        rep=visit.rep_name,
    )
    if not visit.effective:
        head += " · " + t(locale, "visit.list.not_effective")
    lines = [head, clip(visit.summary, 300)]
    if visit.next_step and visit.next_step_due:
        due = due_day(visit.next_step_due, locale)
        lines.append(t(locale, "visit.list.next", step=visit.next_step, due=due))
    return "\n".join(lines)


def _pick_buttons(choice: CustomerChoice) -> list[ButtonElement]:
    buttons = []
    for index, customer in enumerate(choice.matches.matches):
        value = draft_value(choice.draft, customer.id)
        if len(value) > BUTTON_VALUE_LIMIT:
            return []
        buttons.append(
            ButtonElement(
                text=customer_label(customer), action_id=f"{PICK_ACTION}_{index}", value=value
            )
        )
    return buttons


def _option(text: str, value: str) -> Option:
    return Option(text=plain(text), value=value)


def _effect_options(locale: str) -> list[Option]:
    return [
        _option(t(locale, "visit.effective.yes"), "yes"),
        _option(t(locale, "visit.effective.no"), "no"),
    ]


def _effect_label(effective: bool, locale: str) -> str:
    return t(locale, "visit.effective.yes" if effective else "visit.effective.no")
