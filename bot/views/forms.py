"""What the modals share: how they are built and how their submitted values are read."""

from collections.abc import Callable
from datetime import date

from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from bot.i18n import day, t
from bot.views.blocks import clip
from commands.errors import DomainError

FIELD = "value"  # the action_id of every input but a customer select
TITLE_LIMIT = 24  # characters Slack allows in a modal's title
NAMES_SHOWN = 5


def modal(
    callback_id: str,
    title: str,
    blocks: list[Block],
    close: str,
    submit: str,
    metadata: str | None = None,
) -> dict:
    view = View(
        type="modal",
        callback_id=callback_id,
        title=clip(title, TITLE_LIMIT),
        submit=submit,
        close=close,
        blocks=blocks,
        private_metadata=metadata,
    )
    return view.to_dict()


def field_value(values: dict, block_id: str, key: str):
    """What the input `block_id` holds under `key` (value, selected_date, …) in a submission."""
    return (values.get(block_id, {}).get(FIELD) or {}).get(key)


def selected_value(values: dict, block_id: str) -> str | None:
    return (field_value(values, block_id, "selected_option") or {}).get("value") or None


def short_list(names, locale: str) -> str:
    """The first few names, joined in the reader's language; an ellipsis for the rest."""
    names = list(names)
    shown = t(locale, "list.separator").join(names[:NAMES_SHOWN])
    return shown + ("…" if len(names) > NAMES_SHOWN else "")


def iso_day(iso: str | None, locale: str) -> str:
    """A day kept as ISO text in a message's parameters, for the reader."""
    return day(date.fromisoformat(iso), locale) if iso else "—"


def errors_by_field(
    problems: dict[str, DomainError],
    fields,
    fallback: str,
    text: Callable[[DomainError], str],
) -> dict[str, str]:
    """Inline errors for `response_action: errors`, each under its own field; a problem with
    no field of its own goes under `fallback`."""
    return {
        name if name in fields else fallback: text(problem) for name, problem in problems.items()
    }
