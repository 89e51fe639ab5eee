"""Reminders and escalations: one short message each, saying why and what resolves it."""

from bot.i18n import t
from commands.people import Reader


def delivery_failed(params: dict, reader: Reader) -> str:
    return t(
        reader.locale,
        "outbox.delivery_failed",
        kind=params["about"],
        channel=params["channel_of_message"],
        reason=params["reason"],
        attempts=params["attempts"],
    )
