"""How orders look in Slack, in the reader's language: cards, lists, updates, and the messages
the outbox delivers about them (a status change to the rep, a late order to rep and manager)."""

from datetime import date

from slack_sdk.models.blocks import MarkdownTextObject, SectionBlock

from bot.i18n import day, moment, money, t
from bot.views.blocks import (
    clip,
    context,
    escape,
    header,
    message,
    mrkdwn_section,
    plain_section,
)
from commands.orders import OrderCard, OrderPage, StatusChanged
from commands.people import Reader


def status_label(status: str, locale: str) -> str:
    return t(locale, f"status.{status}")


def order_card(card: OrderCard, reader: Reader) -> dict:
    locale = reader.locale
    title = t(locale, "order.card.title", number=card.number, customer=card.customer_name)
    fields = [
        _field(t(locale, "order.field.status"), _status_text(card, locale)),
        _field(t(locale, "order.field.amount"), money(card.amount, card.currency, locale)),
        _field(t(locale, "order.field.ordered"), day(card.ordered_on, locale)),
        _field(t(locale, "order.field.promised"), day(card.promised_ship_on, locale)),
        _field(t(locale, "order.field.shipped"), day(card.shipped_on, locale)),
        _field(t(locale, "order.field.delivered"), day(card.delivered_on, locale)),
    ]
    notes = [
        t(locale, "order.card.customer", code=card.customer_code, rep=card.rep_name),
        _last_change_text(card, reader),
    ]
    blocks = [header(title), SectionBlock(fields=fields), context(*notes)]
    return message(title, blocks)


def order_page(page: OrderPage, locale: str) -> dict:
    title = t(locale, f"order.list.title.{page.scope}", query=page.customer_query or "")
    if not page.orders:
        text = t(locale, f"order.list.empty.{page.scope}", query=page.customer_query or "")
        return message(text, [plain_section(text)])
    lines = [_list_line(card, locale) for card in page.orders]
    blocks = [header(t(locale, "order.list.header", title=title, total=page.total))]
    blocks.append(plain_section("\n".join(lines)))
    hidden = page.total - len(page.orders)
    if hidden > 0:
        blocks.append(context(t(locale, "order.list.more", count=hidden)))
    return message(title, blocks)


def status_changed(change: StatusChanged, locale: str) -> dict:
    text = t(
        locale,
        "order.updated",
        number=change.order.number,
        customer=change.order.customer_name,
        before=status_label(change.from_status, locale),
        after=status_label(change.to_status, locale),
        rep=change.order.rep_name,
    )
    return message(text, [plain_section(text)])


def order_help(locale: str) -> dict:
    return message(t(locale, "order.help.title"), [mrkdwn_section(t(locale, "order.help"))])


# -- messages the outbox delivers ------------------------------------------------------------

Rendered = tuple[str, list[dict]]


def status_change_notice(params: dict, reader: Reader) -> Rendered:
    """To the order's rep: who moved it, from what to what, and their note."""
    locale = reader.locale
    text = t(
        locale,
        "notify.order_status_changed",
        number=params["number"],
        customer=params["customer"],
        before=status_label(params["from_status"], locale),
        after=status_label(params["to_status"], locale),
        by=params["by"],
    )
    if params.get("note"):
        text += "\n" + t(locale, "notify.note", note=params["note"])
    return _plain(text)


def late_order_escalation(params: dict, reader: Reader) -> Rendered:
    """To the rep, then the manager: an order this many days past its promised ship date."""
    return _plain(
        t(
            reader.locale,
            f"escalate.order_late.{params['level']}",
            number=params["number"],
            customer=params["customer"],
            rep=params["rep"],
            days=params["days_late"],
            promised=day(date.fromisoformat(params["promised_ship_on"]), reader.locale),
        )
    )


NOTIFICATIONS = {
    "order_status_changed": status_change_notice,
    "escalation_order_late": late_order_escalation,
}


def _plain(text: str) -> Rendered:
    """User content included, so never parsed as mrkdwn."""
    return clip(escape(text), 3000), [plain_section(text).to_dict()]


def _field(label: str, value: str) -> MarkdownTextObject:
    return MarkdownTextObject(text=f"*{label}*\n{value}")


def _status_text(card: OrderCard, locale: str) -> str:
    label = status_label(card.status, locale)
    return t(locale, "order.late_badge", status=label) if card.is_late else label


def _last_change_text(card: OrderCard, reader: Reader) -> str:
    locale = reader.locale
    change = card.last_change
    if change is None:
        return t(locale, "order.card.no_changes")
    text = t(
        locale,
        "order.card.last_change",
        by=change.by or t(locale, "order.card.by_import"),
        at=moment(change.at, locale, reader.timezone),
        status=status_label(change.to_status, locale),
    )
    return text + (t(locale, "order.card.note", note=change.note) if change.note else "")


def _list_line(card: OrderCard, locale: str) -> str:
    key = "order.list.line_late" if card.is_late else "order.list.line"
    return t(
        locale,
        "order.list.line_shipped" if card.shipped_on else key,
        number=card.number,
        customer=card.customer_name,
        status=status_label(card.status, locale),
        amount=money(card.amount, card.currency, locale),
        promised=day(card.promised_ship_on, locale),
        shipped=day(card.shipped_on, locale),
    )
