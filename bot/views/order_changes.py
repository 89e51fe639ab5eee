"""How order change requests look in Slack: the request form, the accept / decline form, the
replies, the list and the messages the outbox delivers. User text only ever goes into
plain_text."""

from datetime import date, datetime

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    DatePickerElement,
    InputBlock,
    Option,
    PlainTextInputElement,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot.i18n import day, moment, t
from bot.views.blocks import (
    SECTION_LIMIT,
    clip,
    context,
    escape,
    header,
    message,
    mrkdwn_section,
    plain_section,
)
from bot.views.forms import (
    FIELD,
    TITLE_LIMIT,
    field_value,
    iso_day,
    modal,
    short_list,
)
from bot.views.orders import status_label as order_status_label
from commands.errors import DomainError, InvalidInput
from commands.order_changes import (
    KINDS,
    MAX_ASKED_BY,
    MAX_DESCRIPTION,
    ChangeCard,
    ChangeDecided,
    ChangeDraft,
    ChangePage,
    ChangeRequested,
    OrderBrief,
)
from commands.orders.text import MAX_NOTE
from commands.people import Reader

REQUEST_FORM = "order_change_form"
DECIDE_FORM = "order_change_decide_form"
DONE_VIEW = "order_change_done"
ACCEPT = "order_change_accept"
DECLINE = "order_change_decline"
# A request's message names its buttons by verb (stored with the message): their action and style.
BUTTONS = {"accept": (ACCEPT, "primary"), "decline": (DECLINE, "danger")}
Rendered = tuple[str, list[dict]]


def change_help(locale: str) -> dict:
    return message(
        t(locale, "order_change.help.title"), [mrkdwn_section(t(locale, "order_change.help"))]
    )


def kind_label(kind: str, locale: str) -> str:
    return t(locale, f"order_change.kind.{kind}") if kind in KINDS else kind


# -- the forms -------------------------------------------------------------------------------


def request_form(order: OrderBrief, locale: str) -> dict:
    about = t(
        locale,
        "order_change.form.about",
        number=order.number,
        customer=order.customer_name,
        status=order_status_label(order.status, locale),
        promised=day(order.promised_ship_on, locale),
    )
    kinds = [Option(value=kind, text=kind_label(kind, locale)) for kind in KINDS]
    blocks = [
        plain_section(about),
        InputBlock(
            block_id="kind",
            label=t(locale, "order_change.field.kind"),
            element=StaticSelectElement(
                action_id=FIELD,
                options=kinds,
                placeholder=t(locale, "order_change.placeholder.kind"),
            ),
        ),
        _text_block("description", MAX_DESCRIPTION, locale, multiline=True),
        _text_block("reason", MAX_NOTE, locale, multiline=True, optional=True),
        _text_block("asked_by", MAX_ASKED_BY, locale),
        InputBlock(
            block_id="new_ship_on",
            label=t(locale, "order_change.field.new_ship_on"),
            hint=t(locale, "order_change.hint.new_ship_on"),
            optional=True,
            element=DatePickerElement(
                action_id=FIELD, placeholder=t(locale, "order_change.placeholder.date")
            ),
        ),
    ]
    return _modal(
        REQUEST_FORM,
        t(locale, "order_change.modal.title"),
        blocks,
        locale,
        t(locale, "order_change.modal.submit"),
        order.number,
    )


def read_request_form(values: dict) -> tuple[ChangeDraft, dict[str, DomainError]]:
    unreadable: dict[str, DomainError] = {}
    text = str(field_value(values, "new_ship_on", "selected_date") or "")
    new_date = None
    if text:
        try:
            new_date = date.fromisoformat(text)
        except ValueError:
            unreadable["new_ship_on"] = InvalidInput("order_change.error.bad_date", text=text[:40])
    option = field_value(values, "kind", "selected_option") or {}
    draft = ChangeDraft(
        kind=option.get("value") or None,
        description=str(field_value(values, "description", "value") or ""),
        reason=str(field_value(values, "reason", "value") or "") or None,
        asked_by=str(field_value(values, "asked_by", "value") or "") or None,
        new_promised_ship_on=new_date,
    )
    return draft, unreadable


def decide_form(card: ChangeCard, accept: bool, reader: Reader) -> dict:
    """Accept (with an optional note) or decline (with the reason) one change request."""
    locale = reader.locale
    verb = "accept" if accept else "decline"
    note = PlainTextInputElement(
        action_id=FIELD,
        multiline=True,
        max_length=MAX_NOTE,
        placeholder=t(locale, f"order_change.placeholder.note_{verb}"),
    )
    blocks: list[Block] = [
        *_detail_sections(card.params(), reader),
        InputBlock(
            block_id="note",
            label=t(locale, "order_change.field.note"),
            optional=accept,
            element=note,
        ),
    ]
    return _modal(
        DECIDE_FORM,
        t(locale, f"order_change.{verb}.title", id=card.id),
        blocks,
        locale,
        t(locale, f"order_change.{verb}.submit"),
        f"{verb}:{card.id}",
    )


def decide_form_target(view: dict) -> tuple[bool, int] | None:
    """(accept?, change id) from a decision form's private_metadata."""
    verb, _, value = str(view.get("private_metadata") or "").partition(":")
    if verb not in ("accept", "decline") or not value.isdigit():
        return None
    return verb == "accept", int(value)


def form_text(values: dict, block_id: str) -> str:
    return str(field_value(values, block_id, "value") or "")


def done_view(lines: list[str], locale: str) -> dict:
    view = View(
        type="modal",
        callback_id=DONE_VIEW,
        title=clip(t(locale, "order_change.modal.done_title"), TITLE_LIMIT),
        close=t(locale, "order_change.modal.close"),
        blocks=[plain_section(line) for line in lines],
    )
    return view.to_dict()


def _text_block(
    block_id: str, limit: int, locale: str, multiline: bool = False, optional: bool = False
) -> InputBlock:
    return InputBlock(
        block_id=block_id,
        label=t(locale, f"order_change.field.{block_id}"),
        optional=optional,
        element=PlainTextInputElement(
            action_id=FIELD,
            multiline=multiline,
            max_length=limit,
            placeholder=t(locale, f"order_change.placeholder.{block_id}"),
        ),
    )


# -- replies ---------------------------------------------------------------------------------


def requested_lines(result: ChangeRequested, reader: Reader) -> list[str]:
    card = result.card
    names = short_list(result.asked, reader.locale) or "—"
    headline = t(
        reader.locale,
        "order_change.done.requested",
        id=card.id,
        number=card.order_number,
        names=names,
    )
    return [headline, *_detail_lines(card.params(), reader)]


def decided_lines(result: ChangeDecided, reader: Reader) -> list[str]:
    card = result.card
    names = short_list(result.told, reader.locale) or "—"
    headline = t(
        reader.locale,
        f"order_change.done.{card.status}",
        id=card.id,
        number=card.order_number,
        names=names,
    )
    return [headline, *_detail_lines(card.params(), reader)]


def lines_message(lines: list[str]) -> dict:
    return message(lines[0], [plain_section(line) for line in lines])


def change_page(page: ChangePage, reader: Reader) -> dict:
    locale = reader.locale
    scope = "order" if page.number else "pending"
    if not page.changes:
        text = t(locale, f"order_change.list.empty.{scope}", number=page.number or "")
        return message(text, [plain_section(text)])
    title = t(
        locale, f"order_change.list.title.{scope}", number=page.number or "", total=page.total
    )
    lines = [_list_line(card, locale) for card in page.changes]
    blocks: list[Block] = [header(title), plain_section("\n".join(lines))]
    if page.total > len(page.changes):
        blocks.append(
            context(t(locale, "order_change.list.more", count=page.total - len(page.changes)))
        )
    return message(title, blocks)


def _list_line(card: ChangeCard, locale: str) -> str:
    return t(
        locale,
        "order_change.list.line",
        id=card.id,
        number=card.order_number,
        customer=card.customer_name,
        kind=kind_label(card.kind, locale),
        description=clip(card.description, 80),
        status=t(locale, f"order_change.status.{card.status}"),
    )


# -- messages the outbox delivers --------------------------------------------------------------


def render_request(params: dict, reader: Reader) -> Rendered:
    """To the desk: a change to decide, with Accept and Decline."""
    line = t(reader.locale, "order_change.notify.ask", requested_by=params["requested_by"])
    return _rendered(params, reader, line, params.get("buttons") or [])


def render_decided(params: dict, reader: Reader) -> Rendered:
    """The desk's message, updated in place: who decided what, when."""
    return _rendered(params, reader, _decision_line(params, reader, "decided"), [])


def render_outcome(params: dict, reader: Reader) -> Rendered:
    """To the requester, the order's rep and the customer's owner."""
    return _rendered(params, reader, _decision_line(params, reader, "outcome"), [])


NOTIFICATIONS = {
    "order_change_request": render_request,
    "order_change_decided": render_decided,
    "order_change_outcome": render_outcome,
}


def _decision_line(params: dict, reader: Reader, purpose: str) -> str:
    at = moment(datetime.fromisoformat(params["decided_at"]), reader.locale, reader.timezone)
    return t(
        reader.locale,
        f"order_change.notify.{purpose}.{params['status']}",
        id=params["change_id"],
        number=params["number"],
        by=params.get("decided_by") or "—",
        at=at,
    )


def _rendered(params: dict, reader: Reader, line: str, actions: list[str]) -> Rendered:
    title = t(reader.locale, "order_change.title", id=params["change_id"], number=params["number"])
    blocks: list[Block] = [header(title), plain_section(line), *_detail_sections(params, reader)]
    if actions:
        blocks.append(
            ActionsBlock(
                block_id=f"order_change_actions_{params['change_id']}",
                elements=[
                    ButtonElement(
                        text=t(reader.locale, f"order_change.button.{action}"),
                        action_id=BUTTONS[action][0],
                        value=str(params["change_id"]),
                        style=BUTTONS[action][1],
                    )
                    for action in actions
                ],
            )
        )
    return clip(escape(line), 3000), [block.to_dict() for block in blocks]


def _detail_sections(params: dict, reader: Reader) -> list[Block]:
    """The details in as few sections as fit: a long description, reason and note together
    would pass a section's limit and lose the desk's note at the end."""
    chunks: list[str] = []
    for line in _detail_lines(params, reader):
        if chunks and len(chunks[-1]) + 1 + len(line) <= SECTION_LIMIT:
            chunks[-1] += "\n" + line
        else:
            chunks.append(line)
    return [plain_section(chunk) for chunk in chunks]


def _detail_lines(params: dict, reader: Reader) -> list[str]:
    locale = reader.locale
    lines = [
        t(locale, "order_change.line.order", number=params["number"], customer=params["customer"]),
        t(
            locale,
            "order_change.line.what",
            kind=kind_label(params["change_kind"], locale),
            description=params["description"],
        ),
    ]
    if params.get("reason"):
        lines.append(t(locale, "order_change.line.reason", reason=params["reason"]))
    if params.get("asked_by"):
        lines.append(t(locale, "order_change.line.asked_by", asked_by=params["asked_by"]))
    if params.get("new_ship_on"):
        lines.append(
            t(
                locale,
                "order_change.line.ship_date",
                old=iso_day(params.get("old_ship_on"), locale),
                new=iso_day(params["new_ship_on"], locale),
            )
        )
    requested_at = datetime.fromisoformat(params["requested_at"])
    lines.append(
        t(
            locale,
            "order_change.line.requested",
            by=params["requested_by"],
            at=moment(requested_at, locale, reader.timezone),
        )
    )
    lines.append(
        t(
            locale,
            "order_change.line.status",
            status=t(locale, f"order_change.status.{params['status']}"),
        )
    )
    if params.get("decision_note"):
        lines.append(t(locale, "order_change.line.note", note=params["decision_note"]))
    return lines


def _modal(
    callback_id: str,
    title: str,
    blocks: list[Block],
    locale: str,
    submit: str,
    metadata: str | None = None,
) -> dict:
    return modal(
        callback_id, title, blocks, t(locale, "order_change.modal.cancel"), submit, metadata
    )
