"""How quotes read in Slack: the help, a quote's card, an opportunity's list, the replies to
each step, the manager's Approve / Reject message and what it becomes, the forms, and the
words of the PDF and XLSX (in the reader's language)."""

from datetime import date, datetime
from decimal import Decimal

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    DatePickerElement,
    ExternalDataSelectElement,
    InputBlock,
    NumberInputElement,
    Option,
    PlainTextInputElement,
    PlainTextObject,
)
from slack_sdk.models.views import View

from bot.i18n import day, moment, money, number, t
from bot.views.blocks import (
    clip,
    context,
    escape,
    grouped_lines,
    header,
    message,
    mrkdwn_section,
    plain_section,
)
from bot.views.forms import FIELD, TITLE_LIMIT, field_value, modal, short_list
from commands.people import Reader
from commands.products import PriceListEntry
from commands.quotes import LABELS, QuoteCard, QuoteMade, QuoteMoved
from commands.quotes.steps import MAX_REASON
from commands.quotes.text import LineRequest, check_discount, check_quantity
from storage.statuses import QuoteStatus

APPROVE = "quote_approve"
REJECT = "quote_reject"
PRODUCT_SELECT = "quote_product_select"
QUOTE_FORM = "quote_form"
REJECT_FORM = "quote_reject_form"
DONE_FORM = "quote_done"
FORM_ROWS = 5  # product lines a form offers
OPTION_TEXT_LIMIT = 75
BUTTONS = {"approve": APPROVE, "reject": REJECT}
BUTTON_STYLES = {"approve": "primary", "reject": "danger"}


def quote_help(locale: str) -> dict:
    return message(t(locale, "quote.help.title"), [mrkdwn_section(t(locale, "quote.help"))])


def document_labels(locale: str, inclusive: bool) -> dict[str, str]:
    labels = {name: t(locale, f"quote.doc.{name}") for name in LABELS if name != "prices"}
    shown = "inclusive" if inclusive else "exclusive"
    return {**labels, "prices": t(locale, f"quote.doc.prices.{shown}")}


# -- a quote's card --------------------------------------------------------------------------


def quote_blocks(card: QuoteCard, reader: Reader, lines: list[str] | None = None) -> list[Block]:
    locale = reader.locale
    blocks: list[Block] = [header(_title(card, locale))]
    blocks += [plain_section(line) for line in lines or []]
    blocks.append(plain_section("\n".join(_summary(card, locale))))
    blocks += [plain_section("\n".join(group)) for group in grouped_lines(_items(card, locale))]
    blocks.append(context(*_history(card, reader)))
    return blocks


def quote_message(card: QuoteCard, reader: Reader) -> dict:
    return message(_title(card, reader.locale), quote_blocks(card, reader))


def _title(card: QuoteCard, locale: str) -> str:
    return t(locale, "quote.title", number=card.number, customer=card.customer_name)


def _summary(card: QuoteCard, locale: str) -> list[str]:
    sums = "inclusive" if card.tax_inclusive else "exclusive"
    lines = [
        t(locale, "quote.line.opportunity", id=card.opportunity_id, title=card.opportunity_title),
        t(
            locale,
            f"quote.line.sums.{sums}",
            subtotal=_money(card.subtotal, card, locale),
            tax=_money(card.tax_amount, card, locale),
            total=_money(card.total, card, locale),
            rate=number(card.tax_rate.normalize(), locale),
        ),
        t(locale, "quote.line.valid_until", day=day(card.valid_until, locale)),
        t(locale, "quote.line.status", status=status_label(card.status, locale)),
    ]
    if card.status == QuoteStatus.pending_approval and card.waiting_for:
        lines.append(
            t(locale, "quote.line.waiting_for", names=short_list(card.waiting_for, locale))
        )
    if card.decision_note:
        lines.append(t(locale, "quote.line.reason", reason=card.decision_note))
    return lines


def _items(card: QuoteCard, locale: str) -> list[str]:
    return [
        t(
            locale,
            "quote.line.item",
            sku=line.sku,
            product=line.product,
            quantity=number(line.quantity.normalize(), locale),
            unit=line.unit,
            price=_money(line.unit_price, card, locale),
            discount=t(
                locale,
                "quote.line.discount",
                percent=number(line.discount_percent.normalize(), locale),
            )
            if line.discount_percent
            else "",
            total=_money(line.line_total, card, locale),
        )
        for line in card.lines
    ]


def _history(card: QuoteCard, reader: Reader) -> list[str]:
    locale, zone = reader.locale, reader.timezone
    lines = [
        t(locale, "quote.line.made_by", rep=card.rep_name, at=moment(card.created_at, locale, zone))
    ]
    if card.decided_at and card.decided_by:
        decided = "rejected" if card.status == QuoteStatus.rejected else "approved"
        at = moment(card.decided_at, locale, zone)
        lines.append(t(locale, f"quote.line.decided.{decided}", by=card.decided_by, at=at))
    if card.sent_at:
        lines.append(t(locale, "quote.line.sent", at=moment(card.sent_at, locale, zone)))
    return lines


def _money(value: Decimal, card: QuoteCard, locale: str) -> str:
    return money(value, card.currency, locale)


def status_label(status: str, locale: str) -> str:
    return t(locale, f"quote.status.{status}")


def quote_list(cards: list[QuoteCard], opportunity: tuple[int, str], locale: str) -> dict:
    opportunity_id, title = opportunity
    heading = t(locale, "quote.list.title", id=opportunity_id, title=title)
    if not cards:
        return message(
            heading,
            [header(heading), plain_section(t(locale, "quote.list.empty", id=opportunity_id))],
        )
    lines = [
        t(
            locale,
            "quote.list.line",
            number=card.number,
            status=status_label(card.status, locale),
            total=_money(card.total, card, locale),
            day=day(card.valid_until, locale),
        )
        for card in cards
    ]
    blocks: list[Block] = [header(heading)]
    blocks += [plain_section("\n".join(group)) for group in grouped_lines(lines)]
    return message(heading, blocks)


# -- replies to each step ---------------------------------------------------------------------


def made_text(made: QuoteMade, locale: str) -> str:
    card = made.card
    params = {
        "number": card.number,
        "customer": card.customer_name,
        "total": _money(card.total, card, locale),
        "discount": number(card.max_discount_percent.normalize(), locale),
        "threshold": number(made.threshold or Decimal(0), locale),
        "names": short_list(made.approvers, locale),
        "owner": card.owner_name,
    }
    if card.status != QuoteStatus.pending_approval:
        return t(locale, "quote.made.draft", **params)
    if not made.approvers:
        return t(locale, "quote.made.to_nobody", **params)
    return t(
        locale, "quote.made.to_admins" if made.to_admins else "quote.made.to_manager", **params
    )


def made_message(made: QuoteMade, reader: Reader) -> dict:
    text = made_text(made, reader.locale)
    return message(text, quote_blocks(made.card, reader, [text]))


def made_view(made: QuoteMade, reader: Reader) -> dict:
    text = made_text(made, reader.locale)
    return done_view(
        t(reader.locale, "quote.made.title"), quote_blocks(made.card, reader, [text]), reader.locale
    )


def moved_text(moved: QuoteMoved, locale: str, owner: str) -> str:
    card = moved.card
    text = t(locale, f"quote.done.{moved.step}", number=card.number, rep=card.rep_name, owner=owner)
    if moved.superseded:
        text += " " + t(locale, "quote.done.superseded", numbers=", ".join(moved.superseded))
    return text


def moved_message(moved: QuoteMoved, reader: Reader, owner: str) -> dict:
    text = moved_text(moved, reader.locale, owner)
    return message(text, quote_blocks(moved.card, reader, [text]))


def files_comment(card: QuoteCard, locale: str) -> str:
    return t(
        locale,
        "quote.files.comment",
        number=card.number,
        customer=card.customer_name,
        total=_money(card.total, card, locale),
        day=day(card.valid_until, locale),
    )


# -- messages the outbox delivers --------------------------------------------------------------


def approval_request(params: dict, reader: Reader) -> tuple[str, list[dict]]:
    """To the team's manager (or the admins): the quote, with Approve and Reject."""
    locale = reader.locale
    lines = [
        t(
            locale,
            "quote.notify.ask",
            rep=params["rep"],
            number=params["number"],
            customer=params["customer"],
            discount=number(Decimal(params["max_discount"]).normalize(), locale),
            threshold=number(Decimal(params["threshold"]), locale),
        )
    ]
    if params.get("to_admins"):
        own = f".{params['own_role']}" if params.get("own_role") else ""
        lines.append(t(locale, f"quote.notify.ask_as_admin{own}", rep=params["rep"]))
    return _notification(params, reader, lines)


def decided(params: dict, reader: Reader) -> tuple[str, list[dict]]:
    """The Approve / Reject message, updated in place: who decided, and when."""
    status = "rejected" if params["status"] == QuoteStatus.rejected else "approved"
    at = _at(params, reader)
    text = t(reader.locale, f"quote.notify.decided.{status}", by=params["decided_by"], at=at)
    return _notification({**params, "buttons": []}, reader, [text])


def decision(params: dict, reader: Reader) -> tuple[str, list[dict]]:
    """To the rep: the manager's decision."""
    status = "rejected" if params["status"] == QuoteStatus.rejected else "approved"
    text = t(
        reader.locale,
        f"quote.notify.decision.{status}",
        number=params["number"],
        customer=params["customer"],
        by=params["decided_by"],
    )
    lines = [text]
    if params.get("reason"):
        lines.append(t(reader.locale, "quote.line.reason", reason=params["reason"]))
    return _notification(params, reader, lines)


def _at(params: dict, reader: Reader) -> str:
    decided_at = params.get("decided_at")
    if not decided_at:
        return "—"
    return moment(datetime.fromisoformat(decided_at), reader.locale, reader.timezone)


def _notification(params: dict, reader: Reader, lines: list[str]) -> tuple[str, list[dict]]:
    locale = reader.locale
    currency = params["currency"]
    title = t(locale, "quote.title", number=params["number"], customer=params["customer"])
    items = [
        f"{line['sku']} {line['product']} × {number(Decimal(line['quantity']).normalize(), locale)}"
        + (
            f" (−{number(Decimal(line['discount']).normalize(), locale)}%)"
            if Decimal(line["discount"])
            else ""
        )
        + f" = {money(Decimal(line['line_total']), currency, locale)}"
        for line in params["lines"]
    ]
    summary = [
        t(
            locale,
            "quote.line.opportunity",
            id=params["opportunity_id"],
            title=params["opportunity"],
        ),
        t(locale, "quote.doc.total") + f": {money(Decimal(params['total']), currency, locale)}",
        t(
            locale,
            "quote.line.valid_until",
            day=day(date.fromisoformat(params["valid_until"]), locale),
        ),
    ]
    blocks: list[Block] = [header(title), *[plain_section(line) for line in lines]]
    blocks.append(plain_section("\n".join(summary)))
    blocks += [plain_section("\n".join(group)) for group in grouped_lines(items)]
    if params.get("buttons"):
        blocks.append(_buttons(params["number"], params["buttons"], locale))
    return clip(escape(lines[0]), 3000), [block.to_dict() for block in blocks]


def _buttons(quote_number: str, actions: list[str], locale: str) -> ActionsBlock:
    return ActionsBlock(
        block_id=f"quote_actions_{quote_number}",
        elements=[
            ButtonElement(
                text=t(locale, f"quote.button.{action}"),
                action_id=BUTTONS[action],
                value=quote_number,
                style=BUTTON_STYLES.get(action),
            )
            for action in actions
        ],
    )


def files_failed(params: dict, reader: Reader) -> tuple[str, list[dict]]:
    text = t(reader.locale, "quote.files.failed", number=params["number"])
    return clip(escape(text), 3000), [plain_section(text).to_dict()]


NOTIFICATIONS = {
    "quote_files_failed": files_failed,
    "quote_approval_request": approval_request,
    "quote_decided": decided,
    "quote_decision": decision,
}


# -- the forms ---------------------------------------------------------------------------------


def product_option(entry: PriceListEntry) -> dict:
    name = entry.name_zh or entry.name_en
    label = clip(f"{entry.sku} · {name} · {entry.list_price} {entry.currency}", OPTION_TEXT_LIMIT)
    return Option(text=PlainTextObject(text=label), value=entry.sku[:150]).to_dict()


def quote_form(card_about: str, opportunity_id: int, locale: str) -> dict:
    blocks: list[Block] = [plain_section(card_about)]
    for row in range(1, FORM_ROWS + 1):
        blocks += _line_inputs(row, locale)
    blocks.append(
        InputBlock(
            block_id="valid_until",
            label=t(locale, "quote.field.valid_until"),
            optional=True,
            hint=t(locale, "quote.hint.valid_until"),
            element=DatePickerElement(action_id=FIELD),
        )
    )
    return modal(
        QUOTE_FORM,
        t(locale, "quote.modal.title"),
        blocks,
        t(locale, "quote.modal.cancel"),
        t(locale, "quote.modal.submit"),
        str(opportunity_id),
    )


def _line_inputs(row: int, locale: str) -> list[Block]:
    optional = row > 1
    return [
        InputBlock(
            block_id=f"product_{row}",
            label=f"{t(locale, 'quote.field.product')} {row}",
            optional=optional,
            element=ExternalDataSelectElement(
                action_id=PRODUCT_SELECT,
                placeholder=PlainTextObject(text=t(locale, "quote.placeholder.product")),
                min_query_length=0,
            ),
        ),
        InputBlock(
            block_id=f"quantity_{row}",
            label=f"{t(locale, 'quote.field.quantity')} {row}",
            optional=optional,
            element=NumberInputElement(action_id=FIELD, is_decimal_allowed=True, min_value="0"),
        ),
        InputBlock(
            block_id=f"discount_{row}",
            label=f"{t(locale, 'quote.field.discount')} {row}",
            optional=True,
            element=NumberInputElement(
                action_id=FIELD, is_decimal_allowed=True, min_value="0", max_value="99.99"
            ),
        ),
    ]


def read_quote_form(values: dict) -> tuple[tuple[LineRequest, ...], date | None]:
    """The lines a submitted form describes (rows without a product skipped) and its date;
    InvalidInput for the first thing wrong (raised by the checks, with its field in `field`)."""
    lines = []
    for row in range(1, FORM_ROWS + 1):
        selected = (values.get(f"product_{row}", {}).get(PRODUCT_SELECT) or {}).get(
            "selected_option"
        )
        if not selected:
            continue
        quantity = Decimal(field_value(values, f"quantity_{row}", "value") or "0")
        discount = Decimal(field_value(values, f"discount_{row}", "value") or "0")
        lines.append(
            LineRequest(selected["value"], check_quantity(quantity), check_discount(discount))
        )
    valid = field_value(values, "valid_until", "selected_date")
    return tuple(lines), date.fromisoformat(valid) if valid else None


def reject_form(card: QuoteCard, reader: Reader) -> dict:
    locale = reader.locale
    blocks: list[Block] = [
        *quote_blocks(card, reader)[1:3],
        InputBlock(
            block_id="reason",
            label=t(locale, "quote.field.reason"),
            optional=True,
            element=PlainTextInputElement(
                action_id=FIELD,
                multiline=True,
                max_length=MAX_REASON,
                placeholder=t(locale, "quote.placeholder.reason"),
            ),
        ),
    ]
    return modal(
        REJECT_FORM,
        t(locale, "quote.reject.title", number=card.number),
        blocks,
        t(locale, "quote.modal.cancel"),
        t(locale, "quote.reject.submit"),
        card.number,
    )


def done_view(title: str, blocks: list[Block], locale: str) -> dict:
    """A form turned into its confirmation: nothing more to submit."""
    view = View(
        type="modal",
        callback_id=DONE_FORM,
        title=clip(title, TITLE_LIMIT),
        close=t(locale, "quote.modal.close"),
        blocks=blocks,
    )
    return view.to_dict()
