"""Messages the outbox delivers, rendered in the recipient's language at sending time."""

from bot.i18n import t
from bot.views.blocks import clip, escape, plain_section
from bot.views.orders import status_label


def render_notification(kind: str, params: dict, locale: str) -> tuple[str, list[dict]]:
    """Return the fallback text and the blocks of one notification."""
    text = _RENDERERS[kind](params, locale)
    return clip(escape(text), 3000), [plain_section(text).to_dict()]


def _order_status_changed(params: dict, locale: str) -> str:
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
    return text


_RENDERERS = {"order_status_changed": _order_status_changed}
