"""How contracts look in Slack: the draft form, the reject form, replies, the card, the list and
the messages the outbox delivers, with the buttons of the next step. User text only ever goes
into plain_text; the document link only into a link button (checked to be http(s))."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    DatePickerElement,
    InputBlock,
    NumberInputElement,
    Option,
    PlainTextInputElement,
    StaticSelectElement,
    UrlInputElement,
)
from slack_sdk.models.views import View

from bot.i18n import day, moment, money, t
from bot.views.blocks import clip, context, escape, header, message, mrkdwn_section, plain_section
from bot.views.customer_select import customer_select_element, selected_customer_id
from bot.views.forms import (
    FIELD,
    TITLE_LIMIT,
    field_value,
    iso_day,
    modal,
    selected_value,
    short_list,
)
from commands.contracts import (
    ContractCard,
    ContractDraft,
    ContractMoved,
    ContractPage,
    ContractView,
    read_value,
)
from commands.contracts.text import KINDS, MAX_NOTE, MAX_TITLE
from commands.customers import CustomerRef
from commands.errors import DomainError, InvalidInput
from commands.people import Reader
from storage.statuses import ContractStatus

if TYPE_CHECKING:  # the renderer table imports this module
    from bot.views.notifications import Rendered

FORM = "contract_form"
REJECT_FORM = "contract_reject_form"
DONE_VIEW = "contract_done"
SIGN = "contract_sign"
SUBMIT = "contract_submit"
EDIT = "contract_edit"
REVIEW = "contract_review"
APPROVE = "contract_approve"
REJECT = "contract_reject"
ARCHIVE = "contract_archive"
REOPEN = "contract_reopen"
DOCUMENT_ACTION = "contract_document"
# The button of each step a card or a message offers.
STEP_ACTIONS = {
    "sign": SIGN,
    "submit": SUBMIT,
    "edit": EDIT,
    "review": REVIEW,
    "approve": APPROVE,
    "reject": REJECT,
    "archive": ARCHIVE,
    "reopen": REOPEN,
}
BUTTON_STYLES = {"approve": "primary", "review": "primary", "sign": "primary", "reject": "danger"}
CURRENCIES = ("CNY", "USD", "EUR", "GBP", "JPY", "HKD", "SGD", "AUD", "CAD", "CHF")
HISTORY_SHOWN = 8


def contract_help(locale: str) -> dict:
    return message(t(locale, "contract.help.title"), [mrkdwn_section(t(locale, "contract.help"))])


def kind_label(kind: str, locale: str) -> str:
    return t(locale, f"contract.kind.{kind}") if kind in KINDS else kind


def status_label(status: str, locale: str) -> str:
    return t(locale, f"contract.status.{status}")


# -- the draft form --------------------------------------------------------------------------


def contract_form(locale: str, card: ContractCard | None = None) -> dict:
    """The modal: empty for a new draft; filled in (and remembering its id) to edit one."""
    customer = (
        CustomerRef(card.customer_id, card.customer_code, card.customer_name) if card else None
    )
    currency = card.currency if card else CURRENCIES[0]
    blocks = [
        InputBlock(
            block_id="customer",
            label=t(locale, "contract.field.customer"),
            element=customer_select_element(locale, customer),
        ),
        InputBlock(
            block_id="kind",
            label=t(locale, "contract.field.kind"),
            element=_select(
                [(kind, kind_label(kind, locale)) for kind in KINDS],
                card.kind if card else None,
                t(locale, "contract.placeholder.kind"),
            ),
        ),
        InputBlock(
            block_id="title",
            label=t(locale, "contract.field.title"),
            element=PlainTextInputElement(
                action_id=FIELD,
                max_length=MAX_TITLE,
                placeholder=t(locale, "contract.placeholder.title"),
                initial_value=card.title if card else None,
            ),
        ),
        InputBlock(
            block_id="value",
            label=t(locale, "contract.field.value"),
            hint=t(locale, "contract.hint.value"),
            optional=True,
            element=NumberInputElement(
                action_id=FIELD,
                is_decimal_allowed=True,
                min_value="0",
                placeholder=t(locale, "contract.placeholder.value"),
                initial_value=format(card.value, "f") if card and card.value is not None else None,
            ),
        ),
        InputBlock(
            block_id="currency",
            label=t(locale, "contract.field.currency"),
            element=_select(
                [(code, code) for code in dict.fromkeys((*CURRENCIES, currency))], currency
            ),
        ),
        _date_input("starts_on", card.starts_on if card else None, locale),
        _date_input("expires_on", card.expires_on if card else None, locale),
        InputBlock(
            block_id="document",
            label=t(locale, "contract.field.document"),
            hint=t(locale, "contract.hint.document"),
            optional=True,
            element=UrlInputElement(
                action_id=FIELD,
                placeholder=t(locale, "contract.placeholder.document"),
                initial_value=card.document_url if card else None,
            ),
        ),
    ]
    title = t(locale, "contract.modal.edit_title", id=card.id) if card else None
    return _modal(
        FORM,
        title or t(locale, "contract.modal.title"),
        blocks,
        locale,
        submit=t(locale, "contract.modal.save" if card else "contract.modal.submit"),
        metadata=str(card.id) if card else None,
    )


def read_form(values: dict) -> tuple[ContractDraft, dict[str, DomainError]]:
    """The draft a submitted form describes, and what could not even be read."""
    unreadable: dict[str, DomainError] = {}
    value_text = str(field_value(values, "value", "value") or "").strip()
    value = read_value(value_text) if value_text else None
    if value_text and value is None:
        unreadable["value"] = InvalidInput("contract.error.bad_value", text=value_text[:40])
    dates = {}
    for block_id in ("starts_on", "expires_on"):
        text = str(field_value(values, block_id, "selected_date") or "")
        try:
            dates[block_id] = date.fromisoformat(text) if text else None
        except ValueError:
            dates[block_id] = None
            unreadable[block_id] = InvalidInput("contract.error.bad_date", text=text[:40])
    draft = ContractDraft(
        customer_id=selected_customer_id(values, "customer"),
        kind=selected_value(values, "kind"),
        title=str(field_value(values, "title", "value") or ""),
        value=value,
        currency=selected_value(values, "currency") or "",
        starts_on=dates["starts_on"],
        expires_on=dates["expires_on"],
        document_url=str(field_value(values, "document", "value") or "").strip() or None,
    )
    return draft, unreadable


def form_contract_id(view: dict) -> int | None:
    """The contract a form is about (kept in its private_metadata)."""
    value = str(view.get("private_metadata") or "")
    return int(value) if value.isdigit() else None


def reject_form(card: ContractCard, locale: str) -> dict:
    element = PlainTextInputElement(
        action_id=FIELD,
        multiline=True,
        max_length=MAX_NOTE,
        placeholder=t(locale, "contract.placeholder.reason"),
    )
    blocks = [
        plain_section(_about(card.params(), locale)),
        InputBlock(block_id="reason", label=t(locale, "contract.field.reason"), element=element),
    ]
    return _modal(
        REJECT_FORM,
        t(locale, "contract.reject.title", id=card.id),
        blocks,
        locale,
        submit=t(locale, "contract.reject.submit"),
        metadata=str(card.id),
    )


def form_text(values: dict, block_id: str) -> str:
    return str(field_value(values, block_id, "value") or "")


def done_view(moved: ContractMoved, reader: Reader) -> dict:
    """A form turned into its own confirmation (`response_action: update`)."""
    view = View(
        type="modal",
        callback_id=DONE_VIEW,
        title=clip(t(reader.locale, "contract.modal.done_title"), TITLE_LIMIT),
        close=t(reader.locale, "contract.modal.close"),
        blocks=_moved_blocks(moved, reader),
    )
    return view.to_dict()


def _date_input(block_id: str, initial: date | None, locale: str) -> InputBlock:
    return InputBlock(
        block_id=block_id,
        label=t(locale, f"contract.field.{block_id}"),
        optional=True,
        element=DatePickerElement(
            action_id=FIELD,
            placeholder=t(locale, "contract.placeholder.date"),
            initial_date=initial.isoformat() if initial else None,
        ),
    )


def _select(
    choices: list[tuple[str, str]], initial: str | None, placeholder: str | None = None
) -> StaticSelectElement:
    options = [Option(value=value, text=label) for value, label in choices]
    chosen = next((option for option in options if option.value == initial), None)
    return StaticSelectElement(
        action_id=FIELD, options=options, initial_option=chosen, placeholder=placeholder
    )


# -- replies ---------------------------------------------------------------------------------


def moved_text(moved: ContractMoved, locale: str) -> str:
    """What the person who took a step reads: done, and who has been asked or told."""
    card = moved.card
    names = short_list(moved.asked, locale) if moved.asked else t(locale, "contract.done.nobody")
    return t(
        locale,
        f"contract.done.{moved.step}",
        id=card.id,
        title=card.title,
        names=names,
        owner=card.owner_name,
    )


def moved_message(moved: ContractMoved, reader: Reader) -> dict:
    blocks = _moved_blocks(moved, reader)
    return message(moved_text(moved, reader.locale), blocks)


def _moved_blocks(moved: ContractMoved, reader: Reader) -> list[Block]:
    return [
        plain_section(moved_text(moved, reader.locale)),
        *_card_blocks(moved.card.params(), reader),
    ]


def contract_card(view: ContractView, reader: Reader) -> dict:
    """A contract with its history and the buttons of what the reader may do now."""
    params = view.card.params()
    blocks = [header(_title(params, reader.locale)), *_card_blocks(params, reader, view.actions)]
    return message(_title(params, reader.locale), blocks)


def contract_page(page: ContractPage, reader: Reader) -> dict:
    locale = reader.locale
    query = page.customer_query or ""
    if not page.contracts:
        text = t(locale, f"contract.list.empty.{page.scope}", query=query)
        return message(text, [plain_section(text)])
    title = t(locale, f"contract.list.title.{page.scope}", query=query, total=page.total)
    lines = [_list_line(card, locale) for card in page.contracts]
    blocks: list[Block] = [header(title), plain_section("\n".join(lines))]
    hidden = page.total - len(page.contracts)
    if hidden > 0:
        blocks.append(context(t(locale, "contract.list.more", count=hidden)))
    return message(title, blocks)


def _list_line(card: ContractCard, locale: str) -> str:
    params = card.params()
    return t(
        locale,
        "contract.list.line",
        id=card.id,
        title=card.title,
        customer=card.customer_name,
        kind=kind_label(card.kind, locale),
        status=status_label(card.status, locale),
        value=_value_text(params, locale),
        expires=day(card.expires_on, locale),
    )


# -- messages the outbox delivers --------------------------------------------------------------


def render_request(params: dict, reader: Reader) -> Rendered:
    """To a legal reviewer or an approver: the contract, with the buttons of their step."""
    locale = reader.locale
    lines = [t(locale, f"contract.notify.ask.{params['ask']}", owner=params["owner"])]
    if params.get("large") and params["ask"] == "approve":
        lines.append(t(locale, "contract.notify.large"))
    if params.get("fallback"):
        lines.append(t(locale, f"contract.notify.fallback.{params['ask']}"))
    return _rendered({**params, "waiting_for": []}, reader, lines)


def render_done(params: dict, reader: Reader) -> Rendered:
    """A message that asked for a step, updated in place: what became of the contract."""
    entry = _last_entry(params, reader)
    text = t(reader.locale, f"contract.notify.done.{entry['action']}", **entry)
    return _rendered({**params, "buttons": []}, reader, [text])


def render_news(params: dict, reader: Reader) -> Rendered:
    """To the owner (or the desk): a step someone took, and what comes next."""
    entry = _last_entry(params, reader)
    text = t(
        reader.locale,
        f"contract.notify.news.{params['step']}",
        id=params["contract_id"],
        title=params["title"],
        **{k: v for k, v in entry.items() if k != "action"},
    )
    return _rendered(params, reader, [text])


def render_expiring(params: dict, reader: Reader) -> Rendered:
    locale = reader.locale
    expires = date.fromisoformat(params["expires_on"])
    text = t(
        locale,
        f"contract.notify.expiring.{params['level']}",
        id=params["contract_id"],
        title=params["title"],
        customer=params["customer"],
        day=day(expires, locale),
        days=params["days_left"],
    )
    return _text_rendered(text)


def render_stalled(params: dict, reader: Reader) -> Rendered:
    locale = reader.locale
    waiting = params.get("waiting_on") or "review"
    since = datetime.fromisoformat(params["since"])
    text = t(
        locale,
        f"contract.notify.stalled.{waiting}",
        id=params["contract_id"],
        title=params["title"],
        customer=params["customer"],
        owner=params["owner"],
        since=moment(since, locale, reader.timezone),
        days=params["days"],
        names=short_list(params.get("waiting_for") or [], locale) or "—",
    )
    return _text_rendered(text)


NOTIFICATIONS = {
    "contract_request": render_request,
    "contract_done": render_done,
    "contract_news": render_news,
    "contract_expiring": render_expiring,
    "escalation_contract_review": render_stalled,
}


def _text_rendered(text: str) -> Rendered:
    return clip(escape(text), 3000), [plain_section(text).to_dict()]


def _rendered(params: dict, reader: Reader, lines: list[str]) -> Rendered:
    blocks: list[Block] = [header(_title(params, reader.locale))]
    blocks += [plain_section(line) for line in lines]
    blocks += _card_blocks(params, reader, params.get("buttons") or ())
    return clip(escape(lines[0]), 3000), [block.to_dict() for block in blocks]


def _card_blocks(params: dict, reader: Reader, actions=()) -> list[Block]:
    """The contract, its history, then the buttons of the next step and the document link."""
    locale = reader.locale
    blocks: list[Block] = [plain_section("\n".join(_detail_lines(params, locale)))]
    if params.get("reject_reason") and params["status"] == ContractStatus.rejected:
        blocks.append(
            plain_section(t(locale, "contract.line.reason", reason=params["reject_reason"]))
        )
    history = _history_lines(params, reader)
    if history:
        blocks.append(context(*history))
    buttons = [_button(params["contract_id"], action, locale) for action in actions]
    if params.get("document_url"):
        buttons.append(
            ButtonElement(
                text=t(locale, "contract.button.document"),
                action_id=DOCUMENT_ACTION,
                url=params["document_url"],
            )
        )
    if buttons:
        blocks.append(
            ActionsBlock(block_id=f"contract_actions_{params['contract_id']}", elements=buttons)
        )
    return blocks


def _detail_lines(params: dict, locale: str) -> list[str]:
    starts = iso_day(params.get("starts_on"), locale)
    expires = iso_day(params.get("expires_on"), locale)
    lines = [
        t(
            locale,
            "contract.line.customer",
            customer=params["customer"],
            code=params["customer_code"],
        ),
        t(locale, "contract.line.kind", kind=kind_label(params["contract_kind"], locale)),
        t(locale, "contract.line.value", value=_value_text(params, locale)),
        t(locale, "contract.line.term", starts=starts, expires=expires),
        t(locale, "contract.line.owner", owner=params["owner"]),
        t(locale, "contract.line.status", status=status_label(params["status"], locale)),
    ]
    if params.get("waiting_on") and params.get("waiting_for"):
        names = short_list(params["waiting_for"], locale)
        lines.append(t(locale, f"contract.line.waiting.{params['waiting_on']}", names=names))
    return lines


def _history_lines(params: dict, reader: Reader) -> list[str]:
    lines = []
    for entry in params.get("history", [])[-HISTORY_SHOWN:]:
        at = moment(datetime.fromisoformat(entry["at"]), reader.locale, reader.timezone)
        line = t(reader.locale, f"contract.history.{entry['action']}", by=entry["by"], at=at)
        if entry.get("note"):
            line += t(reader.locale, "contract.history.note", note=entry["note"])
        lines.append(line)
    return lines


def _last_entry(params: dict, reader: Reader) -> dict:
    history = params.get("history") or []
    if not history:
        return {"action": "draft", "by": "—", "at": "—", "reason": "—"}
    entry = history[-1]
    at = moment(datetime.fromisoformat(entry["at"]), reader.locale, reader.timezone)
    return {
        "action": entry["action"],
        "by": entry["by"],
        "at": at,
        "reason": entry.get("note") or "—",
    }


def _button(contract_id: int, action: str, locale: str) -> ButtonElement:
    return ButtonElement(
        text=t(locale, f"contract.button.{action}"),
        action_id=STEP_ACTIONS[action],
        value=str(contract_id),
        style=BUTTON_STYLES.get(action),
    )


def _about(params: dict, locale: str) -> str:
    return t(
        locale,
        "contract.form.about",
        id=params["contract_id"],
        title=params["title"],
        customer=params["customer"],
        owner=params["owner"],
    )


def _title(params: dict, locale: str) -> str:
    return t(locale, "contract.title", id=params["contract_id"], title=params["title"])


def _value_text(params: dict, locale: str) -> str:
    if params.get("value") is None:
        return "—"
    return money(Decimal(params["value"]), params["currency"], locale)


def _modal(
    callback_id: str,
    title: str,
    blocks: list[Block],
    locale: str,
    submit: str,
    metadata: str | None = None,
) -> dict:
    return modal(callback_id, title, blocks, t(locale, "contract.modal.cancel"), submit, metadata)
