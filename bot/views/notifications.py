"""Messages the outbox delivers, rendered for their reader (language and time zone) at sending
time. Each kind of notification has one renderer: `(params, reader) -> (fallback text, blocks)`.
"""

from collections.abc import Callable

from bot.views import alerts, digest, home
from bot.views.attainment import NOTIFICATIONS as ATTAINMENT_NOTIFICATIONS
from bot.views.blocks import clip, escape, plain_section, rendered
from bot.views.canvas import NOTIFICATIONS as CANVAS_NOTIFICATIONS
from bot.views.contracts import NOTIFICATIONS as CONTRACT_NOTIFICATIONS
from bot.views.lead_pool import NOTIFICATIONS as LEAD_POOL_NOTIFICATIONS
from bot.views.leaderboard import NOTIFICATIONS as LEADERBOARD_NOTIFICATIONS
from bot.views.leads import NOTIFICATIONS as LEAD_NOTIFICATIONS
from bot.views.meetings import NOTIFICATIONS as MEETING_NOTIFICATIONS
from bot.views.order_changes import NOTIFICATIONS as ORDER_CHANGE_NOTIFICATIONS
from bot.views.orders import NOTIFICATIONS as ORDER_NOTIFICATIONS
from bot.views.people import NOTIFICATIONS as PEOPLE_NOTIFICATIONS
from bot.views.quotes import NOTIFICATIONS as QUOTE_NOTIFICATIONS
from bot.views.receivables import NOTIFICATIONS as RECEIVABLE_NOTIFICATIONS
from bot.views.report_packs import NOTIFICATIONS as REPORT_PACK_NOTIFICATIONS
from bot.views.samples import NOTIFICATIONS as SAMPLE_NOTIFICATIONS
from bot.views.samples import escalation_sample_approval, sample_needed_soon
from bot.views.visits import NOTIFICATIONS as VISIT_NOTIFICATIONS
from commands.people import Reader

Rendered = tuple[str, list[dict]]


def render_notification(kind: str, params: dict, reader: Reader) -> Rendered:
    return RENDERERS[kind](params, reader)


def plain_message(text: str) -> Rendered:
    """A notification that is just text (user content included, so never parsed as mrkdwn)."""
    return clip(escape(text), 3000), [plain_section(text).to_dict()]


def _text(build: Callable[[dict, Reader], str]) -> Callable[[dict, Reader], Rendered]:
    return lambda params, reader: plain_message(build(params, reader))


RENDERERS: dict[str, Callable[[dict, Reader], Rendered]] = {
    "daily_digest": rendered(digest.daily_digest),
    "rep_brief": rendered(digest.rep_brief),
    "weekly_report": rendered(digest.weekly_report),
    "sample_needed_soon": _text(sample_needed_soon),
    "escalation_sample_approval": _text(escalation_sample_approval),
    "delivery_failed": _text(alerts.delivery_failed),
    **MEETING_NOTIFICATIONS,
    **VISIT_NOTIFICATIONS,
    "home_refresh": home.render_home,
    **SAMPLE_NOTIFICATIONS,
    **CONTRACT_NOTIFICATIONS,
    **ORDER_NOTIFICATIONS,
    **ORDER_CHANGE_NOTIFICATIONS,
    **RECEIVABLE_NOTIFICATIONS,
    **PEOPLE_NOTIFICATIONS,
    **LEADERBOARD_NOTIFICATIONS,
    **ATTAINMENT_NOTIFICATIONS,
    **LEAD_NOTIFICATIONS,
    **LEAD_POOL_NOTIFICATIONS,
    **QUOTE_NOTIFICATIONS,
    **REPORT_PACK_NOTIFICATIONS,
    **CANVAS_NOTIFICATIONS,
}
