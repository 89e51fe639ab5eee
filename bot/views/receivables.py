"""How receivables look in Slack: open invoices and their aging, one invoice with its payments,
a payment recorded, and the messages the rep and manager get. Customer names and references go
into plain text only."""

from datetime import date
from decimal import Decimal

from slack_sdk.models.blocks import MarkdownTextObject, SectionBlock

from bot.i18n import day, money, number, t
from bot.views.blocks import (
    clip,
    context,
    escape,
    header,
    message,
    mrkdwn_section,
    plain_section,
)
from bot.views.orders import status_label
from commands.people import Reader
from commands.receivables import (
    CurrencyAging,
    InvoiceCard,
    InvoiceLine,
    PaymentRecorded,
    ReceivablePage,
)
from storage.statuses import OrderStatus

MAX_FIELDS = 10  # Slack's limit of fields in one section


def receivable_help(locale: str) -> dict:
    return message(
        t(locale, "receivable.help.title"), [mrkdwn_section(t(locale, "receivable.help"))]
    )


def receivable_page(page: ReceivablePage, locale: str) -> dict:
    query = page.customer_query or ""
    title = t(locale, f"receivable.list.title.{page.scope}", query=query)
    if not page.invoices:
        text = t(locale, f"receivable.list.empty.{page.scope}", query=query)
        return message(text, [plain_section(text)])
    blocks = [header(t(locale, "receivable.list.header", title=title, total=page.total))]
    blocks.append(plain_section("\n".join(_list_line(line, locale) for line in page.invoices)))
    hidden = page.total - len(page.invoices)
    if hidden > 0:
        blocks.append(context(t(locale, "receivable.list.more", count=hidden)))
    for aging in page.aging:
        blocks += aging_blocks(aging, locale)
    if len(page.aging) > 1:
        blocks.append(context(t(locale, "receivable.aging.per_currency")))
    return message(title, blocks)


def aging_blocks(aging: CurrencyAging, locale: str) -> list:
    """One currency's aging: a title line and a field per bucket (zero ones too)."""
    title = t(
        locale,
        "receivable.aging.title",
        currency=aging.currency,
        count=aging.count,
        total=money(aging.total, aging.currency, locale),
        overdue=money(aging.overdue, aging.currency, locale),
    )
    fields = [
        MarkdownTextObject(
            text=f"*{bucket_label(bucket.low, bucket.high, locale)}*\n"
            f"{money(amount, aging.currency, locale)}"
        )
        for bucket, amount in aging.by_bucket
    ]
    return [mrkdwn_section(title), SectionBlock(fields=fields[:MAX_FIELDS])]


def invoice_card(card: InvoiceCard, locale: str) -> dict:
    line = card.invoice
    title = t(locale, "receivable.card.title", number=line.number, customer=line.customer_name)
    fields = [
        _field(t(locale, "receivable.field.amount"), money(line.amount, line.currency, locale)),
        _field(t(locale, "receivable.field.paid"), money(line.paid, line.currency, locale)),
        _field(t(locale, "receivable.field.open"), _open_text(line, locale)),
        _field(t(locale, "receivable.field.issued"), day(line.issued_on, locale)),
        _field(t(locale, "receivable.field.due"), day(line.due_on, locale)),
        _field(t(locale, "receivable.field.order"), escape(line.order_number or "—")),
    ]
    blocks = [header(title), SectionBlock(fields=fields)]
    notes = [t(locale, "receivable.card.customer", code=line.customer_code, rep=line.rep_name)]
    if line.open_amount > 0:
        notes.append(
            t(
                locale,
                "receivable.card.bucket",
                bucket=bucket_label(card.bucket.low, card.bucket.high, locale),
            )
        )
    blocks.append(context(*notes))
    if card.payments:
        lines = [_payment_line(payment, line.currency, locale) for payment in card.payments]
        blocks.append(mrkdwn_section(f"*{t(locale, 'receivable.card.payments')}*"))
        blocks.append(plain_section("\n".join(lines)))
    else:
        blocks.append(context(t(locale, "receivable.card.no_payments")))
    return message(title, blocks)


def payment_recorded(result: PaymentRecorded, locale: str) -> dict:
    line = result.invoice
    texts = [
        t(
            locale,
            "receivable.paid.recorded",
            amount=money(result.amount, line.currency, locale),
            day=day(result.paid_on, locale),
            number=line.number,
            customer=line.customer_name,
        )
    ]
    if result.reference:
        texts[0] += t(locale, "receivable.paid.reference", reference=result.reference)
    if result.paid_in_full:
        texts.append(t(locale, "receivable.paid.in_full", number=line.number))
    else:
        texts.append(
            t(
                locale,
                "receivable.paid.still_open",
                open=money(line.open_amount, line.currency, locale),
                total=money(line.amount, line.currency, locale),
                due=day(line.due_on, locale),
            )
        )
    order_text = _order_outcome(
        result.paid_in_full, result.order_number, result.order_status, result.order_moved, locale
    )
    if order_text:
        texts.append(order_text)
    text = "\n".join(texts)
    return message(text, [plain_section(text)])


def bucket_label(low: int | None, high: int | None, locale: str) -> str:
    if low is None:
        return t(locale, "receivable.bucket.not_due")
    if high is None:
        return t(locale, "receivable.bucket.over", days=low - 1)
    return t(locale, "receivable.bucket.range", low=low, high=high)


def age_text(days_overdue: int, locale: str) -> str:
    """ "3 days overdue", "due today", "due in 5 days"."""
    if days_overdue == 0:
        return t(locale, "receivable.age.due_today")
    if days_overdue == 1:
        return t(locale, "receivable.age.overdue_one")
    if days_overdue > 1:
        return t(locale, "receivable.age.overdue", days=days_overdue)
    if days_overdue == -1:
        return t(locale, "receivable.age.due_tomorrow")
    return t(locale, "receivable.age.due_in", days=-days_overdue)


# --- the stand-up and the weekly review -------------------------------------------------------


def overdue_digest(invoices: list[dict], locale: str) -> tuple[str, list[str]]:
    """The stand-up's overdue invoices: a title with the total per currency, and a line each."""
    totals: dict[str, Decimal] = {}
    for invoice in invoices:
        currency = invoice["currency"]
        totals[currency] = totals.get(currency, Decimal("0")) + Decimal(invoice["open_amount"])
    title = t(
        locale,
        "receivable.digest.title",
        count=len(invoices),
        totals=_join(locale, (money(v, c, locale) for c, v in sorted(totals.items()))),
    )
    lines = [
        t(
            locale,
            "receivable.digest.line",
            number=invoice["number"],
            customer=invoice["customer"],
            rep=invoice["rep"],
            open=money(Decimal(invoice["open_amount"]), invoice["currency"], locale),
            age=age_text(invoice["days_overdue"], locale),
        )
        for invoice in invoices
    ]
    return title, lines


def weekly_receivables(collections: list[dict], overdue: list[dict], locale: str) -> list:
    """Collections against what fell due in the week (回款率), and what is overdue at its end by
    aging bucket; per currency, never added across currencies."""
    if not collections and not overdue:
        return [mrkdwn_section(t(locale, "receivable.weekly.nothing"))]
    blocks = []
    if collections:
        lines = [_collection_line(figures, locale) for figures in collections]
        blocks += [
            mrkdwn_section(f"*{t(locale, 'receivable.weekly.collections')}*"),
            plain_section("\n".join(lines)),
        ]
    if overdue:
        lines = [_overdue_line(figures, locale) for figures in overdue]
        blocks += [
            mrkdwn_section(f"*{t(locale, 'receivable.weekly.overdue')}*"),
            plain_section("\n".join(lines)),
        ]
    return blocks


def _collection_line(figures: dict, locale: str) -> str:
    currency = figures["currency"]
    collected = money(Decimal(figures["collected"]), currency, locale)
    if figures["rate"] is None:
        return t(
            locale,
            "receivable.weekly.collected_nothing_due",
            currency=currency,
            collected=collected,
        )
    return t(
        locale,
        "receivable.weekly.collected",
        currency=currency,
        collected=collected,
        fell_due=money(Decimal(figures["fell_due"]), currency, locale),
        rate=number(Decimal(figures["rate"]), locale),
    )


def _overdue_line(figures: dict, locale: str) -> str:
    currency = figures["currency"]
    buckets = _join(
        locale,
        (
            t(
                locale,
                "receivable.weekly.bucket",
                bucket=bucket_label(b["low"], b["high"], locale),
                amount=money(Decimal(b["amount"]), currency, locale),
            )
            for b in figures["buckets"]
        ),
    )
    return t(
        locale,
        "receivable.weekly.overdue_line",
        currency=currency,
        total=money(Decimal(figures["total"]), currency, locale),
        buckets=buckets,
    )


# --- notifications ----------------------------------------------------------------------------


def _payment_notice(params: dict, reader: Reader) -> tuple[str, list]:
    locale = reader.locale
    currency = params["currency"]
    text = t(
        locale,
        "receivable.notify.payment",
        customer=params["customer"],
        amount=money(Decimal(params["amount"]), currency, locale),
        number=params["number"],
        day=day(date.fromisoformat(params["paid_on"]), locale),
        by=params["by"],
    )
    open_amount = Decimal(params["open"])
    if open_amount > 0:
        text += " " + t(
            locale,
            "receivable.notify.still_open",
            open=money(open_amount, currency, locale),
            total=money(Decimal(params["total"]), currency, locale),
        )
    else:
        text += " " + t(locale, "receivable.notify.in_full")
    order_text = _order_outcome(
        open_amount == 0,
        params["order_number"],
        params["order_status"],
        params["order_moved"],
        locale,
    )
    return _plain(text + (" " + order_text if order_text else ""))


def _due_soon(params: dict, reader: Reader) -> tuple[str, list]:
    locale = reader.locale
    due = date.fromisoformat(params["due_on"])
    text = t(
        locale,
        "receivable.remind.due_soon",
        number=params["number"],
        customer=params["customer"],
        when=age_text(-params["days_left"], locale),
        due=day(due, locale),
        open=money(Decimal(params["open"]), params["currency"], locale),
    )
    return _plain(text)


def _overdue(params: dict, reader: Reader) -> tuple[str, list]:
    locale = reader.locale
    text = t(
        locale,
        f"receivable.escalate.{params['level']}",
        number=params["number"],
        customer=params["customer"],
        rep=params["rep"],
        age=age_text(params["days_overdue"], locale),
        due=day(date.fromisoformat(params["due_on"]), locale),
        open=money(Decimal(params["open"]), params["currency"], locale),
    )
    return _plain(text)


NOTIFICATIONS = {
    "invoice_payment": _payment_notice,
    "invoice_due_soon": _due_soon,
    "invoice_overdue": _overdue,
}


def _plain(text: str) -> tuple[str, list]:
    return clip(escape(text), 3000), [plain_section(text).to_dict()]


def _order_outcome(
    paid_in_full: bool, order: str | None, status: str | None, moved: bool, locale: str
) -> str | None:
    if not paid_in_full or order is None:
        return None
    if moved:
        return t(locale, "receivable.order.moved", order=order)
    if status == OrderStatus.paid:
        return t(locale, "receivable.order.already_paid", order=order)
    if status == OrderStatus.invoiced:  # not moved: another of its invoices is still open
        return t(locale, "receivable.order.waiting", order=order)
    return t(locale, "receivable.order.left", order=order, status=status_label(status, locale))


def _list_line(line: InvoiceLine, locale: str) -> str:
    amount = money(line.amount, line.currency, locale)
    if line.paid > 0:
        owed = t(
            locale,
            "receivable.list.partly_paid",
            open=money(line.open_amount, line.currency, locale),
            amount=amount,
        )
    else:
        owed = t(locale, "receivable.list.unpaid", open=amount)
    key = "receivable.list.line_overdue" if line.is_overdue else "receivable.list.line"
    return t(
        locale,
        key,
        number=line.number,
        customer=line.customer_name,
        owed=owed,
        due=day(line.due_on, locale),
        age=age_text(line.days_overdue, locale),
    )


def _open_text(line: InvoiceLine, locale: str) -> str:
    if line.open_amount == 0 and line.paid_in_full_on:
        return t(locale, "receivable.card.paid_in_full", day=day(line.paid_in_full_on, locale))
    open_amount = money(line.open_amount, line.currency, locale)
    return f"{open_amount} · {age_text(line.days_overdue, locale)}"


def _payment_line(payment, currency: str, locale: str) -> str:
    text = t(
        locale,
        "receivable.card.payment",
        day=day(payment.paid_on, locale),
        amount=money(payment.amount, currency, locale),
        by=payment.recorded_by or t(locale, "receivable.card.by_import"),
    )
    if payment.reference:
        text += t(locale, "receivable.paid.reference", reference=payment.reference)
    return text


def _field(label: str, value: str) -> MarkdownTextObject:
    return MarkdownTextObject(text=f"*{label}*\n{value}")


def _join(locale: str, parts) -> str:
    return t(locale, "receivable.separator").join(parts)
