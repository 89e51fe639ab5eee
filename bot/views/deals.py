"""How opportunities look in Slack: the form, the lost form, the card with the buttons that
move it, lists, and what became of each change. User text only ever goes into plain_text."""

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    DatePickerElement,
    InputBlock,
    PlainTextInputElement,
)
from slack_sdk.models.views import View

from bot.i18n import day, moment, money, t
from bot.views.blocks import clip, context, header, message, mrkdwn_section, plain_section
from bot.views.customer_select import customer_select_element, selected_customer_id
from bot.views.forms import FIELD, field_value, modal
from bot.views.forms import TITLE_LIMIT as MODAL_TITLE_LIMIT
from commands.deals import (
    OPEN_STAGES,
    DealCard,
    DealCreated,
    DealLine,
    DealMoved,
    DealPage,
    DealWon,
    NextStepSet,
)
from commands.deals.creating import NEXT_STEP_LIMIT, TITLE_LIMIT
from commands.deals.moving import COMPETITOR_LIMIT, REASON_LIMIT
from commands.leads.conversion import LeadConverted
from commands.people import Reader
from storage.statuses import OpportunityStage

FORM = "deal_form"
LOST_FORM = "deal_lost_form"
DONE_VIEW = "deal_done"
MOVE_PREFIX = "deal_move_"
WON = "deal_won"
LOST = "deal_lost"
FORM_FIELDS = ("customer", "title", "amount", "currency", "close_on", "next_step")
FALLBACK_BLOCK = "title"
LOST_FIELDS = ("reason", "competitor")


def deal_help(locale: str) -> dict:
    return message(t(locale, "deal.help.title"), [mrkdwn_section(t(locale, "deal.help"))])


def stage_label(stage: str, locale: str) -> str:
    return t(locale, f"deal.stage.{stage}")


# -- the forms --------------------------------------------------------------------------------


def deal_form(locale: str) -> dict:
    blocks = [
        InputBlock(
            block_id="customer",
            label=t(locale, "deal.field.customer"),
            element=customer_select_element(locale),
        ),
        _text("title", locale, TITLE_LIMIT),
        _text("amount", locale, 40, hint=True),
        _text("currency", locale, 20, optional=True, hint=True),
        InputBlock(
            block_id="close_on",
            label=t(locale, "deal.field.close_on"),
            optional=True,
            element=DatePickerElement(action_id=FIELD),
        ),
        _text("next_step", locale, NEXT_STEP_LIMIT, optional=True),
    ]
    return modal(
        FORM,
        t(locale, "deal.modal.title"),
        blocks,
        close=t(locale, "deal.modal.cancel"),
        submit=t(locale, "deal.modal.submit"),
    )


def read_form(values: dict) -> dict[str, str | None]:
    found: dict[str, str | None] = {
        name: field_value(values, name, "value")
        for name in ("title", "amount", "currency", "next_step")
    }
    customer = selected_customer_id(values, "customer")
    found["customer"] = str(customer) if customer else None
    found["close_on"] = field_value(values, "close_on", "selected_date")
    return found


def lost_form(deal_id: int, stage: str, title: str, locale: str) -> dict:
    blocks = [
        plain_section(t(locale, "deal.lost_form.intro", id=deal_id, title=title)),
        _text("reason", locale, REASON_LIMIT, prefix="deal.lost_form"),
        _text("competitor", locale, COMPETITOR_LIMIT, optional=True, prefix="deal.lost_form"),
    ]
    return modal(
        LOST_FORM,
        t(locale, "deal.lost_form.title"),
        blocks,
        close=t(locale, "deal.modal.cancel"),
        submit=t(locale, "deal.lost_form.submit"),
        metadata=f"{deal_id}:{stage}",
    )


def read_lost_form(view: dict) -> tuple[str, str, str | None, str | None]:
    """(deal id, the stage it was at, reason, competitor) as the lost form sent them."""
    deal_id, _, stage = str(view.get("private_metadata") or "").partition(":")
    values = view.get("state", {}).get("values", {})
    reason = field_value(values, "reason", "value")
    competitor = field_value(values, "competitor", "value")
    return deal_id, stage, reason, competitor


def done_view(reply: dict, locale: str) -> dict:
    """A form turned into its own confirmation (`response_action: update`)."""
    view = View(
        type="modal",
        callback_id=DONE_VIEW,
        title=clip(t(locale, "deal.modal.saved"), MODAL_TITLE_LIMIT),
        close=t(locale, "deal.modal.done"),
        blocks=[plain_section(reply["blocks"][0]["text"]["text"])],
    )
    return view.to_dict()


def _text(
    name: str,
    locale: str,
    limit: int,
    optional: bool = False,
    hint: bool = False,
    prefix: str = "deal.field",
) -> InputBlock:
    return InputBlock(
        block_id=name,
        label=t(locale, f"{prefix}.{name}"),
        optional=optional,
        hint=t(locale, f"deal.hint.{name}") if hint else None,
        element=PlainTextInputElement(action_id=FIELD, max_length=limit),
    )


# -- replies ----------------------------------------------------------------------------------


def created_message(created: DealCreated, reader: Reader) -> dict:
    locale = reader.locale
    text = t(
        locale,
        "deal.created",
        id=created.deal_id,
        title=created.title,
        customer=created.customer_name,
        owner=created.owner_name,
        amount=money(created.amount, created.currency, locale),
        close=day(created.close_on, locale),
    )
    return message(text, [plain_section(text)])


def moved_message(moved: DealMoved, reader: Reader) -> dict:
    locale = reader.locale
    if moved.to_stage == OpportunityStage.lost:
        text = t(locale, "deal.lost", id=moved.deal_id, title=moved.title)
    else:
        text = t(
            locale,
            "deal.moved",
            id=moved.deal_id,
            title=moved.title,
            before=stage_label(moved.from_stage, locale),
            after=stage_label(moved.to_stage, locale),
        )
    return message(text, [plain_section(text)])


def won_message(won: DealWon, reader: Reader) -> dict:
    locale = reader.locale
    named = {"id": won.deal_id, "title": won.title, "order": won.order_number}
    if won.quote_number:
        text = t(locale, "deal.won_with_lines", lines=won.lines, quote=won.quote_number, **named)
    else:
        text = t(locale, "deal.won", **named)
    return message(text, [plain_section(text)])


def next_step_message(done: NextStepSet, reader: Reader) -> dict:
    text = t(
        reader.locale, "deal.next_step_set", id=done.deal_id, title=done.title, step=done.next_step
    )
    return message(text, [plain_section(text)])


# -- lists and the card -----------------------------------------------------------------------


def deal_page(page: DealPage, reader: Reader) -> dict:
    locale = reader.locale
    scope = "team" if page.team else "mine"
    if not page.lines:
        empty = t(locale, f"deal.list.empty.{scope}.{page.status}")
        return message(empty, [plain_section(empty)])
    title = t(locale, f"deal.list.header.{scope}.{page.status}", total=page.total)
    blocks: list[Block] = [header(title)]
    blocks += [plain_section(_line_text(line, page.team, locale)) for line in page.lines]
    hidden = page.total - len(page.lines)
    if hidden > 0:
        blocks.append(context(t(locale, "deal.list.more", count=hidden)))
    return message(title, blocks)


def _line_text(line: DealLine, team: bool, locale: str) -> str:
    text = t(
        locale,
        "deal.list.line",
        id=line.deal_id,
        title=line.title,
        customer=line.customer_name,
        amount=money(line.amount, line.currency, locale),
        stage=stage_label(line.stage, locale),
        close=day(line.close_on, locale),
    )
    return f"{text} · {line.owner_name}" if team else text


def deal_card(card: DealCard, reader: Reader) -> dict:
    locale = reader.locale
    title = t(locale, "deal.card.title", id=card.deal_id, title=card.title)
    blocks: list[Block] = [header(title), plain_section(_details(card, reader))]
    if card.history:
        lines = [_history_line(entry, reader) for entry in card.history]
        blocks.append(plain_section("\n".join([t(locale, "deal.card.history"), *lines])))
    if card.stage in OPEN_STAGES:
        blocks.append(_buttons(card, locale))
    return message(title, blocks)


def _details(card: DealCard, reader: Reader) -> str:
    locale = reader.locale
    stage = stage_label(card.stage, locale)
    if card.probability is not None:
        stage = t(locale, "deal.card.stage_probability", stage=stage, percent=card.probability)
    lines = [
        t(locale, "deal.card.customer", code=card.customer_code, name=card.customer_name),
        t(locale, "deal.card.owner", owner=card.owner_name),
        t(locale, "deal.card.amount", amount=money(card.amount, card.currency, locale)),
        t(locale, "deal.card.stage", stage=stage),
        t(locale, "deal.card.close", day=day(card.close_on, locale)),
        t(locale, "deal.card.next_step", step=card.next_step or "—"),
        t(
            locale,
            "deal.card.activity",
            moment=moment(card.last_activity_at, locale, reader.timezone),
        ),
    ]
    if card.order_number:
        lines.append(t(locale, "deal.card.order", order=card.order_number))
    if card.stage == OpportunityStage.lost:
        lines.append(t(locale, "deal.card.lost_reason", reason=card.lost_reason or "—"))
        lines.append(t(locale, "deal.card.competitor", competitor=card.competitor or "—"))
    return "\n".join(lines)


def _history_line(entry, reader: Reader) -> str:
    locale = reader.locale
    when = moment(entry.at, locale, reader.timezone)
    after = stage_label(entry.to_stage, locale)
    if entry.from_stage is None:
        return t(locale, "deal.card.history_created", when=when, stage=after, by=entry.by)
    before = stage_label(entry.from_stage, locale)
    return t(locale, "deal.card.history_line", when=when, before=before, after=after, by=entry.by)


def _buttons(card: DealCard, locale: str) -> ActionsBlock:
    seen = f"{card.deal_id}:{card.stage}"
    buttons = [
        ButtonElement(
            text=t(locale, "deal.button.move", stage=stage_label(stage, locale)),
            action_id=f"{MOVE_PREFIX}{stage}",
            value=f"{seen}:{stage}",
        )
        for stage in OPEN_STAGES
        if stage != card.stage
    ]
    buttons.append(
        ButtonElement(text=t(locale, "deal.button.won"), action_id=WON, value=seen, style="primary")
    )
    buttons.append(
        ButtonElement(
            text=t(locale, "deal.button.lost"), action_id=LOST, value=seen, style="danger"
        )
    )
    return ActionsBlock(block_id=f"deal_actions_{card.deal_id}", elements=buttons)


def converted_message(done: LeadConverted, reader: Reader) -> dict:
    locale = reader.locale
    text = t(
        locale,
        "deal.convert.done_new" if done.new_customer else "deal.convert.done_existing",
        id=done.lead_id,
        company=done.company,
        code=done.customer_code,
        name=done.customer_name,
        deal=done.deal_id,
        title=done.title,
        amount=money(done.amount, done.currency, locale),
    )
    return message(text, [plain_section(text)])
