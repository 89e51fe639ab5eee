"""How sample requests look in Slack: the request form and the small forms of later steps
(reason, tracking number, feedback), replies, the card, the list and the messages the outbox
delivers, with the button of the next step. User text only ever goes into plain_text."""

from datetime import date, datetime
from decimal import Decimal

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    DatePickerElement,
    InputBlock,
    NumberInputElement,
    PlainTextInputElement,
)
from slack_sdk.models.views import View

from bot.i18n import day, moment, number, t
from bot.views.blocks import clip, context, escape, header, message, mrkdwn_section, plain_section
from bot.views.customer_select import customer_label, customer_select_element
from bot.views.customer_select import selected_customer_id as _selected_customer
from bot.views.forms import FIELD, TITLE_LIMIT, field_value, modal, short_list
from commands.customers import CustomerMatches, CustomerRef
from commands.errors import DomainError, InvalidInput
from commands.people import Reader
from commands.samples import (
    SampleCard,
    SampleDraft,
    SampleMoved,
    SamplePage,
    SampleRequested,
    SampleView,
)
from commands.samples.text import (
    MAX_FEEDBACK,
    MAX_PRODUCT,
    MAX_PURPOSE,
    MAX_REASON,
    MAX_TRACKING,
    read_quantity,
)
from storage.statuses import SampleStatus

REQUEST_FORM = "sample_request_form"
REJECT_FORM = "sample_reject_form"
SHIP_FORM = "sample_ship_form"
FEEDBACK_FORM = "sample_feedback_form"
DONE_FORM = "sample_done"
APPROVE = "sample_approve"
REJECT = "sample_reject"
SHIP = "sample_ship"
DELIVER = "sample_deliver"
FEEDBACK = "sample_feedback"
# A message's buttons are kept by step name in its parameters: each step's button.
BUTTON_OF_STEP = {
    "approve": APPROVE,
    "reject": REJECT,
    "ship": SHIP,
    "deliver": DELIVER,
    "feedback": FEEDBACK,
}
BUTTON_STYLES = {"approve": "primary", "reject": "danger", "ship": "primary"}
REQUEST_FIELDS = ("customer", "product", "quantity", "purpose", "needed_by")


def sample_help(locale: str) -> dict:
    return message(t(locale, "sample.help.title"), [mrkdwn_section(t(locale, "sample.help"))])


# -- the request form ----------------------------------------------------------------------


def request_form(
    locale: str, customer: CustomerRef | None = None, draft: SampleDraft | None = None
) -> dict:
    """The modal; a one-line request whose customer was unclear comes back in it, filled in."""
    quantity = draft.quantity if draft and draft.quantity and draft.quantity > 0 else None
    blocks = [
        InputBlock(
            block_id="customer",
            label=t(locale, "sample.field.customer"),
            element=customer_select_element(locale, customer),
        ),
        InputBlock(
            block_id="product",
            label=t(locale, "sample.field.product"),
            element=PlainTextInputElement(
                action_id=FIELD,
                max_length=MAX_PRODUCT,
                placeholder=t(locale, "sample.placeholder.product"),
                initial_value=clip(draft.product, MAX_PRODUCT) if draft else None,
            ),
        ),
        InputBlock(
            block_id="quantity",
            label=t(locale, "sample.field.quantity"),
            hint=t(locale, "sample.hint.quantity"),
            element=NumberInputElement(
                action_id=FIELD,
                is_decimal_allowed=True,
                placeholder=t(locale, "sample.placeholder.quantity"),
                initial_value=format(quantity.normalize(), "f") if quantity else None,
            ),
        ),
        InputBlock(
            block_id="purpose",
            label=t(locale, "sample.field.purpose"),
            optional=True,
            element=PlainTextInputElement(
                action_id=FIELD,
                multiline=True,
                max_length=MAX_PURPOSE,
                placeholder=t(locale, "sample.placeholder.purpose"),
                initial_value=clip(draft.purpose, MAX_PURPOSE) if draft and draft.purpose else None,
            ),
        ),
        InputBlock(
            block_id="needed_by",
            label=t(locale, "sample.field.needed_by"),
            optional=True,
            hint=t(locale, "sample.hint.needed_by"),
            element=DatePickerElement(
                action_id=FIELD,
                placeholder=t(locale, "sample.placeholder.needed_by"),
                initial_date=draft.needed_by.isoformat() if draft and draft.needed_by else None,
            ),
        ),
    ]
    return _modal(
        REQUEST_FORM,
        t(locale, "sample.modal.title"),
        blocks,
        locale,
        submit=t(locale, "sample.modal.submit"),
    )


def read_request_form(values: dict) -> tuple[SampleDraft, dict[str, DomainError]]:
    """The draft a submitted form describes, and what could not even be read."""
    unreadable: dict[str, DomainError] = {}
    quantity_text = str(field_value(values, "quantity", "value") or "").strip()
    quantity = read_quantity(quantity_text) if quantity_text else None
    if quantity_text and quantity is None:
        unreadable["quantity"] = InvalidInput("sample.error.bad_quantity", text=quantity_text[:40])
    needed_text = field_value(values, "needed_by", "selected_date")
    needed_by = None
    if needed_text:
        try:
            needed_by = date.fromisoformat(str(needed_text))
        except ValueError:
            unreadable["needed_by"] = InvalidInput("sample.error.bad_date", text=str(needed_text))
    draft = SampleDraft(
        customer_id=_selected_customer(values, "customer"),
        product=str(field_value(values, "product", "value") or ""),
        quantity=quantity,
        purpose=str(field_value(values, "purpose", "value") or "") or None,
        needed_by=needed_by,
    )
    return draft, unreadable


def requested_view(result: SampleRequested, locale: str) -> dict:
    """The form turned into its own confirmation (`response_action: update`)."""
    lines = _requested_lines(result, locale)
    return done_view(t(locale, "sample.requested.title"), lines, locale)


def requested_message(result: SampleRequested, locale: str) -> dict:
    lines = _requested_lines(result, locale)
    return message(lines[0], [plain_section(line) for line in lines])


def _requested_lines(result: SampleRequested, locale: str) -> list[str]:
    card = result.card
    names = short_list(result.approvers, locale)
    # Someone who would decide their own request is told so, not that they lack a manager.
    own = f".{result.own_role}" if result.own_role else ""
    if not result.approvers:
        headline = t(locale, f"sample.requested.to_nobody{own}", id=card.id)
    elif result.to_admins:
        headline = t(locale, f"sample.requested.to_admins{own}", id=card.id, names=names)
    else:
        headline = t(locale, "sample.requested.to_manager", id=card.id, names=names)
    return [headline, *_detail_lines(card.params(), locale)]


# -- the forms of later steps --------------------------------------------------------------


def reject_form(card: SampleCard, locale: str) -> dict:
    return _step_form(
        REJECT_FORM,
        card,
        locale,
        t(locale, "sample.reject.title", id=card.id),
        t(locale, "sample.reject.submit"),
        _text_input(
            "reason", "sample.field.reason", "sample.placeholder.reason", MAX_REASON, locale
        ),
    )


def ship_form(card: SampleCard, locale: str) -> dict:
    element = PlainTextInputElement(
        action_id=FIELD,
        max_length=MAX_TRACKING,
        placeholder=t(locale, "sample.placeholder.tracking"),
    )
    block = InputBlock(
        block_id="tracking", label=t(locale, "sample.field.tracking"), element=element
    )
    title = t(locale, "sample.ship.title", id=card.id)
    return _step_form(SHIP_FORM, card, locale, title, t(locale, "sample.ship.submit"), block)


def feedback_form(card: SampleCard, locale: str) -> dict:
    return _step_form(
        FEEDBACK_FORM,
        card,
        locale,
        t(locale, "sample.feedback.title", id=card.id),
        t(locale, "sample.feedback.submit"),
        _text_input(
            "feedback", "sample.field.feedback", "sample.placeholder.feedback", MAX_FEEDBACK, locale
        ),
    )


def form_sample_id(view: dict) -> int | None:
    """The sample a step form is about (kept in its private_metadata)."""
    value = str(view.get("private_metadata") or "")
    return int(value) if value.isdigit() else None


def form_text(values: dict, block_id: str) -> str:
    return str(field_value(values, block_id, "value") or "")


def done_view(title: str, lines: list[str], locale: str) -> dict:
    view = View(
        type="modal",
        callback_id=DONE_FORM,
        title=clip(title, TITLE_LIMIT),
        close=t(locale, "sample.modal.close"),
        blocks=[plain_section(line) for line in lines],
    )
    return view.to_dict()


def _step_form(
    callback_id: str, card: SampleCard, locale: str, title: str, submit: str, field: Block
) -> dict:
    about = t(
        locale,
        "sample.form.about",
        product=card.product,
        quantity=_quantity(card.params()["quantity"], locale),
        customer=card.customer_name,
        rep=card.rep_name,
    )
    blocks = [plain_section(about), field]
    return _modal(callback_id, title, blocks, locale, submit=submit, metadata=str(card.id))


def _text_input(block_id: str, label: str, placeholder: str, limit: int, locale: str) -> Block:
    element = PlainTextInputElement(
        action_id=FIELD, multiline=True, max_length=limit, placeholder=t(locale, placeholder)
    )
    return InputBlock(block_id=block_id, label=t(locale, label), element=element)


# -- replies -------------------------------------------------------------------------------


def moved_text(moved: SampleMoved, actor_slack_id: str, locale: str) -> str:
    """What the person who took a step reads: done, and who has been told."""
    card = moved.card
    if card.status == SampleStatus.delivered and card.rep_slack_id == actor_slack_id:
        return t(locale, "sample.done.delivered_self", id=card.id)
    return t(
        locale,
        f"sample.done.{card.status}",
        id=card.id,
        rep=card.rep_name,
        tracking=card.tracking_no or "—",
    )


def moved_view(moved: SampleMoved, actor_slack_id: str, locale: str) -> dict:
    """A step's form turned into its own confirmation."""
    done = moved_text(moved, actor_slack_id, locale)
    return done_view(status_label(moved.card.status, locale), [done], locale)


def moved_message(moved: SampleMoved, actor_slack_id: str, locale: str) -> dict:
    text = moved_text(moved, actor_slack_id, locale)
    return message(text, [plain_section(text)])


def sample_card(view: SampleView, reader: Reader) -> dict:
    """A sample with its history and the buttons of what the reader may do now."""
    title, blocks = _sample_blocks(view.card.params(), reader, None, list(view.actions))
    return message(title, blocks)


def sample_page(page: SamplePage, locale: str) -> dict:
    if not page.samples:
        text = t(locale, "sample.list.empty")
        return message(text, [plain_section(text)])
    title = t(locale, "sample.list.title", total=page.total)
    lines = [_list_line(card, locale) for card in page.samples]
    blocks: list[Block] = [header(title), plain_section("\n".join(lines))]
    hidden = page.total - len(page.samples)
    if hidden > 0:
        blocks.append(context(t(locale, "sample.list.more", count=hidden)))
    return message(title, blocks)


def choice_text(matches: CustomerMatches, locale: str) -> str:
    names = t(locale, "list.separator").join(customer_label(c) for c in matches.matches)
    if matches.close and matches.matches:
        return t(locale, "sample.choice.close", query=matches.query, names=names)
    if not matches.matches:
        return t(locale, "sample.choice.none", query=matches.query)
    more = t(locale, "sample.choice.more") if matches.more else ""
    return t(locale, "sample.choice.several", query=matches.query, names=names + more)


def _list_line(card: SampleCard, locale: str) -> str:
    needed = (
        t(locale, "sample.list.needed", day=day(card.needed_by, locale))
        if card.needed_by
        else t(locale, "sample.list.no_deadline")
    )
    return t(
        locale,
        "sample.list.line",
        id=card.id,
        customer=card.customer_name,
        product=card.product,
        quantity=_quantity(card.params()["quantity"], locale),
        status=status_label(card.status, locale),
        needed=needed,
    )


# -- messages the outbox delivers ----------------------------------------------------------


def approval_request(params: dict, reader: Reader) -> tuple[str, list[dict]]:
    """To the requester's manager (or the admins): the request, with Approve and Reject."""
    locale = reader.locale
    lines = [t(locale, "sample.notify.ask", rep=params["rep"], customer=params["customer"])]
    if params.get("to_admins"):
        own = f".{params['own_role']}" if params.get("own_role") else ""
        lines.append(t(locale, f"sample.notify.ask_as_admin{own}", rep=params["rep"]))
    # Its reader is the one it waits for: no need to say so.
    return _rendered({**params, "waiting_for": []}, reader, lines)


def decided(params: dict, reader: Reader) -> tuple[str, list[dict]]:
    """The request message to the manager, updated in place: who decided what when."""
    rejected = params["status"] == SampleStatus.rejected
    step = _step(params, "reject" if rejected else "approve", reader)
    key = "sample.notify.decided.rejected" if rejected else "sample.notify.decided.approved"
    return _rendered(params, reader, [t(reader.locale, key, **step)])


def decision(params: dict, reader: Reader) -> tuple[str, list[dict]]:
    """To the requester: approved (the desk will ship it) or rejected, with the reason."""
    rejected = params["status"] == SampleStatus.rejected
    step = _step(params, "reject" if rejected else "approve", reader)
    key = "sample.notify.decision.rejected" if rejected else "sample.notify.decision.approved"
    text = t(
        reader.locale,
        key,
        id=params["sample_id"],
        product=params["product"],
        customer=params["customer"],
        by=step["by"],
    )
    return _rendered(params, reader, [text])


def to_ship(params: dict, reader: Reader) -> tuple[str, list[dict]]:
    """To the desk: an approved sample to ship, with the Ship button."""
    step = _step(params, "approve", reader)
    text = t(
        reader.locale,
        "sample.notify.to_ship",
        id=params["sample_id"],
        customer=params["customer"],
        by=step["by"],
    )
    return _rendered(params, reader, [text])


def progress(params: dict, reader: Reader) -> tuple[str, list[dict]]:
    """A message that carried a step's button, updated once the step is done."""
    status = params["status"]
    step = _step(params, _STEP_OF[status], reader)
    text = t(
        reader.locale,
        f"sample.notify.progress.{status}",
        tracking=params.get("tracking_no") or "—",
        **step,
    )
    return _rendered(params, reader, [text])


def shipped(params: dict, reader: Reader) -> tuple[str, list[dict]]:
    step = _step(params, "ship", reader)
    text = t(
        reader.locale,
        "sample.notify.shipped",
        id=params["sample_id"],
        product=params["product"],
        customer=params["customer"],
        by=step["by"],
        tracking=params.get("tracking_no") or "—",
    )
    return _rendered(params, reader, [text])


def delivered(params: dict, reader: Reader) -> tuple[str, list[dict]]:
    text = t(
        reader.locale,
        "sample.notify.delivered",
        id=params["sample_id"],
        product=params["product"],
        customer=params["customer"],
    )
    return _rendered(params, reader, [text])


def feedback(params: dict, reader: Reader) -> tuple[str, list[dict]]:
    step = _step(params, "feedback", reader)
    text = t(
        reader.locale,
        "sample.notify.feedback",
        id=params["sample_id"],
        product=params["product"],
        customer=params["customer"],
        by=step["by"],
    )
    return _rendered(params, reader, [text])


def sample_needed_soon(params: dict, reader: Reader) -> str:
    """A reminder: needed soon and not shipped yet (to the rep; to the desk once approved)."""
    approved = params["status"] == SampleStatus.approved
    key = "remind.sample_ship" if approved else "remind.sample_approve"
    return t(
        reader.locale,
        key,
        id=params["sample_id"],
        product=params["product"],
        customer=params["customer"],
        needed_by=day(date.fromisoformat(params["needed_by"]), reader.locale),
    )


def escalation_sample_approval(params: dict, reader: Reader) -> str:
    """To the rep's manager: a request has waited too long for a decision."""
    return t(
        reader.locale,
        "escalate.sample_approval",
        id=params["sample_id"],
        rep=params["rep"],
        product=params["product"],
        customer=params["customer"],
        hours=params["hours"],
    )


NOTIFICATIONS = {
    "sample_approval_request": approval_request,
    "sample_decided": decided,
    "sample_decision": decision,
    "sample_to_ship": to_ship,
    "sample_progress": progress,
    "sample_shipped": shipped,
    "sample_delivered": delivered,
    "sample_feedback": feedback,
}
_STEP_OF = {
    SampleStatus.shipped: "ship",
    SampleStatus.delivered: "deliver",
    SampleStatus.feedback: "feedback",
}


def _rendered(params: dict, reader: Reader, lines: list[str]) -> tuple[str, list[dict]]:
    _title, blocks = _sample_blocks(params, reader, lines, params.get("buttons") or [])
    return clip(escape(lines[0]), 3000), [block.to_dict() for block in blocks]


def _sample_blocks(
    params: dict, reader: Reader, lines: list[str] | None, actions: list[str]
) -> tuple[str, list[Block]]:
    """Headline, the request, its history, then the buttons of the next step."""
    locale = reader.locale
    title = t(locale, "sample.title", id=params["sample_id"], customer=params["customer"])
    blocks: list[Block] = [header(title)]
    blocks += [plain_section(line) for line in lines or []]
    blocks.append(plain_section("\n".join(_detail_lines(params, locale))))
    for key, value in (("reason", params.get("reject_reason")), ("feedback", params["feedback"])):
        if value:
            blocks.append(plain_section(t(locale, f"sample.line.{key}", **{key: value})))
    blocks.append(context(*_history(params, reader)))
    if actions:
        blocks.append(_buttons(params["sample_id"], actions, locale))
    return title, blocks


def _detail_lines(params: dict, locale: str) -> list[str]:
    needed_by = params.get("needed_by")
    lines = [
        t(
            locale,
            "sample.line.product",
            product=params["product"],
            quantity=_quantity(params["quantity"], locale),
        ),
        t(
            locale,
            "sample.line.customer",
            customer=params["customer"],
            code=params["customer_code"],
        ),
        t(locale, "sample.line.needed_by", day=day(date.fromisoformat(needed_by), locale))
        if needed_by
        else t(locale, "sample.line.no_deadline"),
    ]
    if params.get("purpose"):
        lines.append(t(locale, "sample.line.purpose", purpose=params["purpose"]))
    lines.append(t(locale, "sample.line.status", status=status_label(params["status"], locale)))
    if params["status"] == SampleStatus.requested and params.get("waiting_for"):
        names = short_list(params["waiting_for"], locale)
        lines.append(t(locale, "sample.line.waiting_for", names=names))
    return lines


def _history(params: dict, reader: Reader) -> list[str]:
    locale = reader.locale
    requested = datetime.fromisoformat(params["requested_at"])
    lines = [
        t(
            locale,
            "sample.line.requested_by",
            rep=params["rep"],
            at=moment(requested, locale, reader.timezone),
        )
    ]
    for action in ("approve", "reject", "ship", "deliver", "feedback"):
        if action in params.get("steps", {}):
            step = _step(params, action, reader)
            tracking = params.get("tracking_no") or "—"
            lines.append(t(locale, f"sample.history.{action}", tracking=tracking, **step))
    return lines


def _buttons(sample_id: int, actions: list[str], locale: str) -> ActionsBlock:
    return ActionsBlock(
        block_id=f"sample_actions_{sample_id}",
        elements=[
            ButtonElement(
                text=t(locale, f"sample.button.{action}"),
                action_id=BUTTON_OF_STEP[action],
                value=str(sample_id),
                style=BUTTON_STYLES.get(action),
            )
            for action in actions
        ],
    )


def _step(params: dict, action: str, reader: Reader) -> dict:
    step = params.get("steps", {}).get(action)
    if not step:
        return {"by": "—", "at": "—"}
    at = moment(datetime.fromisoformat(step["at"]), reader.locale, reader.timezone)
    return {"by": step["by"], "at": at}


def status_label(status: str, locale: str) -> str:
    return t(locale, f"sample.status.{status}")


def _quantity(value: str, locale: str) -> str:
    return number(Decimal(value), locale)


def _modal(
    callback_id: str,
    title: str,
    blocks: list[Block],
    locale: str,
    submit: str,
    metadata: str | None = None,
) -> dict:
    return modal(callback_id, title, blocks, t(locale, "sample.modal.cancel"), submit, metadata)
