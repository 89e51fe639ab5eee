"""How a customer card looks in Slack, and the choice offered when a name matches several.
Everything that comes from the records (names, summaries, places) goes into plain_text."""

import re

from slack_sdk.models.blocks import ActionsBlock, ButtonElement, DividerBlock, SectionBlock

from bot.i18n import day, moment, money, number, t
from bot.views.blocks import clip, context, header, message, mrkdwn_section, plain, plain_section
from bot.views.customer_select import customer_label
from bot.views.orders import status_label
from bot.views.visits import channel_label, due_day
from commands.customers import (
    CustomerCard,
    CustomerMatches,
    Listed,
    OpenOrder,
    PendingSample,
    UpcomingMeeting,
)
from commands.people import Reader
from commands.visits import VisitLine
from storage.statuses import SampleStatus

OPEN_ACTION = "customer_card_open"  # one per button: customer_card_open_0, _1, ...
OPEN_BUTTON = re.compile(rf"^{OPEN_ACTION}_\d+$")
KEY_TIERS = ("A", "B")
SUMMARY_CLIP = 200


def customer_help(locale: str) -> dict:
    return message(t(locale, "customer.help.title"), [mrkdwn_section(t(locale, "customer.help"))])


def customer_card(card: CustomerCard, reader: Reader) -> dict:
    locale = reader.locale
    title = t(locale, "customer.card.title", code=card.code, name=card.name)
    blocks = [header(title), SectionBlock(fields=_facts(card, locale)), DividerBlock()]
    blocks += _section(locale, "contacts", None, [_contact(c) for c in card.contacts])
    blocks += _listed(locale, "visits", card.visits, lambda v: _visit(v, reader))
    blocks += _listed(locale, "orders", card.orders, lambda o: _order(o, locale))
    blocks += _listed(locale, "samples", card.samples, lambda s: _sample(s, locale))
    blocks += _listed(locale, "meetings", card.meetings, lambda m: _meeting(m, reader))
    return message(title, blocks)


def customer_choice(matches: CustomerMatches, locale: str) -> dict:
    """Several matches (or near misses): a button per customer, each opening its card."""
    if matches.close or not matches.matches:
        text = t(locale, "customer.choice.none", query=matches.query)
        if matches.matches:
            text += "\n" + t(locale, "customer.choice.close")
    else:
        text = t(locale, "customer.choice.several", query=matches.query)
    blocks = [plain_section(text)]
    if matches.matches:
        buttons = [
            ButtonElement(
                text=customer_label(customer),
                action_id=f"{OPEN_ACTION}_{index}",
                value=str(customer.id),
            )
            for index, customer in enumerate(matches.matches)
        ]
        blocks.append(ActionsBlock(block_id="customer_choice", elements=buttons))
    if matches.more:
        blocks.append(context(t(locale, "customer.choice.more", count=len(matches.matches))))
    return message(text, blocks)


def _facts(card: CustomerCard, locale: str) -> list:
    tier = card.tier or "—"
    if card.tier in KEY_TIERS:
        tier = t(locale, "customer.tier.key", tier=card.tier)
    kind = t(locale, "customer.kind.prospect" if card.is_prospect else "customer.kind.existing")
    facts = [
        ("tier", tier),
        ("owner", card.owner_name),
        ("region", card.region or "—"),
        ("industry", card.industry or "—"),
        ("kind", kind),
    ]
    return [
        plain(t(locale, "customer.field.line", label=t(locale, f"customer.field.{name}"), value=v))
        for name, v in facts
    ]


def _listed(locale: str, name: str, listed: Listed, line) -> list:
    lines = [line(item) for item in listed.items]
    if listed.hidden > 0:
        lines.append(t(locale, "customer.more", count=listed.hidden))
    return _section(locale, name, listed.total, lines)


def _section(locale: str, name: str, total: int | None, lines: list[str]) -> list:
    heading = t(locale, f"customer.section.{name}", total=total)
    body = "\n".join(lines) if lines else t(locale, f"customer.none.{name}")
    return [mrkdwn_section(f"*{heading}*"), plain_section(body)]


def _contact(contact) -> str:
    name = f"{contact.name} ({contact.title})" if contact.title else contact.name
    return " · ".join(part for part in (name, contact.phone, contact.email) if part)


def _visit(visit: VisitLine, reader: Reader) -> str:
    locale = reader.locale
    summary = clip(" ".join(visit.summary.split()), SUMMARY_CLIP)
    text = t(
        locale,
        "customer.visit.line",
        at=moment(visit.at, locale, reader.timezone),
        channel=channel_label(visit.channel, locale),
        rep=visit.rep_name,
        summary=summary,
    )
    if not visit.effective:
        text += t(locale, "customer.visit.not_effective")
    if visit.next_step and visit.next_step_due:
        due = due_day(visit.next_step_due, locale)
        text += "\n" + t(locale, "customer.visit.next", step=visit.next_step, due=due)
    return text


def _order(order: OpenOrder, locale: str) -> str:
    key = "customer.order.line_late" if order.is_late else "customer.order.line"
    return t(
        locale,
        "customer.order.line_shipped" if order.shipped_on else key,
        number=order.number,
        status=status_label(order.status, locale),
        amount=money(order.amount, order.currency, locale),
        promised=day(order.promised_ship_on, locale),
        shipped=day(order.shipped_on, locale),
    )


def _sample(sample: PendingSample, locale: str) -> str:
    return t(
        locale,
        "customer.sample.line",
        product=sample.product,
        quantity=number(sample.quantity, locale),
        status=_sample_status(sample.status, locale),
        needed=day(sample.needed_by, locale),
    )


def _sample_status(status: SampleStatus, locale: str) -> str:
    return t(locale, f"customer.sample_status.{status}")


def _meeting(meeting: UpcomingMeeting, reader: Reader) -> str:
    locale = reader.locale
    text = t(
        locale,
        "customer.meeting.line",
        at=moment(meeting.starts_at, locale, reader.timezone),
        title=meeting.title,
    )
    if meeting.place:
        text += t(locale, "customer.meeting.place", place=meeting.place)
    return text
