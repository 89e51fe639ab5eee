"""The App Home tab: a member's dashboard by role, with buttons straight to the forms."""

from datetime import datetime
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import ActionsBlock, Block, ButtonElement, DividerBlock, SectionBlock

from bot.i18n import day, moment, money, t
from bot.views.attainment import month_blocks
from bot.views.blocks import clip, context, header, plain, plain_section
from bot.views.lead_pool import BUTTON_TEXT, CONTACTED
from bot.views.orders import status_label
from commands.home import HOME_LIMIT, Dashboard, DealsSummary, LeadLine, Listing
from commands.orders import OrderPage
from commands.people import Reader
from storage.statuses import Role

LOG_VISIT = "home_log_visit"
REQUEST_SAMPLE = "home_request_sample"
BOOK_MEETING = "home_book_meeting"
# A lead's line on the Home: its Contacted button is the lead messages' (same action), told
# apart by this block id so the Home is published again with the answer.
LEAD_BLOCK = "home_lead_"
# Each opens the same form as its slash command (/visit, /sample, /meeting).
BUTTONS = (
    (LOG_VISIT, "home.button.visit"),
    (REQUEST_SAMPLE, "home.button.sample"),
    (BOOK_MEETING, "home.button.meeting"),
)


def home_view(board: Dashboard, updated_at: datetime, notice: str | None = None) -> dict:
    """The Home as a view; `notice` (what a click on it did) goes first."""
    blocks = [block.to_dict() for block in home_blocks(board, updated_at)]
    if notice:
        blocks.insert(1, context(notice).to_dict())
    return {"type": "home", "blocks": blocks}


def render_home(params: dict, reader: Reader) -> tuple[str, list[dict]]:
    """The outbox's "home_refresh": the blocks of the dashboard it built at delivery time."""
    board: Dashboard = params["dashboard"]
    blocks = home_blocks(board, params["at"])
    return t(reader.locale, "home.title", name=board.name), [block.to_dict() for block in blocks]


def home_blocks(board: Dashboard, updated_at: datetime) -> list[Block]:
    locale = board.locale
    blocks: list[Block] = [
        header(t(locale, "home.title", name=board.name)),
        context(
            t(locale, f"home.role.{board.role}"),
            t(locale, "home.updated", at=moment(updated_at, locale, board.timezone)),
        ),
        ActionsBlock(block_id="home_actions", elements=_buttons(locale)),
        DividerBlock(),
    ]
    if board.targets is not None:
        blocks += month_blocks(board.targets.records, board.targets.currency, locale, "home")
    if board.summary is not None:
        blocks += _summary(board)
    if board.approvals is not None:
        blocks += _section(board, "approvals", board.approvals, _sample_line, "home.hint.approve")
    if board.samples_to_ship is not None:
        blocks += _section(board, "to_ship", board.samples_to_ship, _sample_line, "home.hint.ship")
    if board.late_orders is not None:
        blocks += _late_orders(board, board.late_orders)
    if board.follow_ups is not None:
        kind = "follow_ups" if board.role == Role.rep else "overdue_follow_ups"
        blocks += _section(board, kind, board.follow_ups, _follow_up_line, "home.hint.visit")
    blocks += _section(board, "meetings", board.meetings_today, _meeting_line, "home.hint.meeting")
    if board.samples is not None:
        blocks += _section(board, "samples", board.samples, _sample_line)
    # Shown once there is something in them: a team that keeps no leads sees no empty lists.
    if board.leads is not None and board.leads.total:
        blocks += _leads(board, board.leads)
    if board.deals is not None and (board.deals.open_count or board.deals.forecast):
        blocks += _deals(board.deals, board.locale)
    return blocks


def _leads(board: Dashboard, listing: Listing) -> list[Block]:
    """One section per lead (at most LEAD_LIMIT), a Contacted button on those whose first
    contact is still due."""
    locale = board.locale
    blocks: list[Block] = [header(t(locale, "home.leads.title", count=listing.total))]
    blocks += [_lead_block(lead, board) for lead in listing.items]
    notes = [t(locale, "home.hint.leads")]
    if listing.total > len(listing.items):
        notes.insert(0, t(locale, "home.more", count=listing.total - len(listing.items)))
    return [*blocks, context(*notes)]


def _lead_block(lead: LeadLine, board: Dashboard) -> SectionBlock:
    locale = board.locale
    text = t(
        locale,
        "home.lead_line",
        id=lead.id,
        company=lead.company,
        status=t(locale, f"lead.status.{lead.status}"),
    )
    block_id = f"{LEAD_BLOCK}{lead.id}"
    if not lead.contactable:
        return SectionBlock(block_id=block_id, text=plain(text))
    if lead.due_at is not None:
        when = moment(lead.due_at, locale, board.timezone)
        text += " · " + t(locale, "home.lead_overdue" if lead.overdue else "home.lead_due", at=when)
    button = ButtonElement(
        text=plain(clip(t(locale, "lead_pool.button.contacted"), BUTTON_TEXT)),
        action_id=CONTACTED,
        value=str(lead.id),
        style="primary",
    )
    return SectionBlock(block_id=block_id, text=plain(text), accessory=button)


def _deals(deals: DealsSummary, locale: str) -> list[Block]:
    text = t(
        locale,
        "home.deals.line",
        count=deals.open_count,
        amount=money(deals.open_amount, deals.currency, locale),
        month=deals.month,
        forecast=money(deals.forecast, deals.currency, locale),
    )
    notes = [t(locale, "home.hint.deals")]
    if deals.missing_rates:
        notes.insert(0, t(locale, "home.deals.missing_rates"))
    return [header(t(locale, "home.deals.title")), plain_section(text), context(*notes)]


def _buttons(locale: str) -> list[ButtonElement]:
    return [
        ButtonElement(text=plain(t(locale, key)), action_id=action_id, value=action_id)
        for action_id, key in BUTTONS
    ]


def _section(board: Dashboard, name: str, listing: Listing, line, hint: str | None = None):
    locale = board.locale
    blocks: list[Block] = [header(t(locale, f"home.{name}.title", count=listing.total))]
    if not listing.items:
        return [*blocks, plain_section(t(locale, f"home.{name}.empty"))]
    lines = [line(item, board) for item in listing.items]
    blocks.append(plain_section("\n".join(f"• {text}" for text in lines)))
    notes = []
    if listing.total > len(listing.items):
        notes.append(t(locale, "home.more", count=listing.total - len(listing.items)))
    if hint:
        notes.append(t(locale, hint))
    if notes:
        blocks.append(context(*notes))
    return blocks


def _late_orders(board: Dashboard, page: OrderPage) -> list[Block]:
    listing = Listing(page.orders[:HOME_LIMIT], page.total)
    return _section(board, "late_orders", listing, _order_line, "home.hint.orders")


def _order_line(card, board: Dashboard) -> str:
    locale = board.locale
    return t(
        locale,
        "home.order_line",
        number=card.number,
        customer=card.customer_name,
        status=status_label(card.status, locale),
        promised=day(card.promised_ship_on, locale),
        rep=card.rep_name,
    )


def _follow_up_line(item, board: Dashboard) -> str:
    locale = board.locale
    step = item.step or t(locale, "home.no_step")
    text = t(
        locale, "home.follow_up_line", customer=item.customer, step=step, due=day(item.due, locale)
    )
    return text if board.role == Role.rep else t(locale, "home.by_rep", text=text, rep=item.rep)


def _sample_line(item, board: Dashboard) -> str:
    locale = board.locale
    text = t(
        locale,
        "home.sample_line",
        id=item.id,
        product=item.product,
        customer=item.customer,
        status=t(locale, f"home.sample_status.{item.status}"),
    )
    if item.needed_by:
        text += t(locale, "home.needed_by", day=day(item.needed_by, locale))
    return text if board.role == Role.rep else t(locale, "home.by_rep", text=text, rep=item.rep)


def _meeting_line(item, board: Dashboard) -> str:
    locale = board.locale
    zone = ZoneInfo(board.timezone)
    start, end = item.starts_at.astimezone(zone), item.ends_at.astimezone(zone)
    until = end.strftime("%H:%M") if start.date() == end.date() else day(end.date(), locale)
    text = t(
        locale,
        "home.meeting_line",
        id=item.id,
        title=item.title,
        start=start.strftime("%H:%M"),
        end=until,
    )
    extras = [extra for extra in (item.customer, item.place) if extra]
    return " · ".join([text, *extras])


def _summary(board: Dashboard) -> list[Block]:
    locale, summary = board.locale, board.summary
    lines = [
        t(locale, "home.summary.late_orders", count=summary.late_orders),
        t(locale, "home.summary.overdue_follow_ups", count=summary.overdue_follow_ups),
        t(locale, "home.summary.samples_to_approve", count=summary.samples_to_approve),
        t(locale, "home.summary.samples_to_ship", count=summary.samples_to_ship),
        t(locale, "home.summary.meetings_today", count=summary.meetings_today),
    ]
    return [
        header(t(locale, "home.summary.title")),
        plain_section("\n".join(f"• {line}" for line in lines)),
        context(t(locale, "home.hint.summary")),
    ]
