"""Reminders and escalations: one short message each, saying why and what resolves it."""

from datetime import datetime

from bot.i18n import day, t
from commands.people import Reader


def follow_up_due(params: dict, reader: Reader) -> str:
    return t(
        reader.locale, "remind.follow_up", customer=params["customer"], step=params["step"] or ""
    )


def escalation_cadence(params: dict, reader: Reader) -> str:
    last = params["last_contact"]
    since = (
        day(datetime.fromisoformat(last).date(), reader.locale)
        if last
        else t(reader.locale, "escalate.never")
    )
    return t(
        reader.locale,
        "escalate.cadence",
        customer=params["customer"],
        code=params["code"],
        tier=params["tier"],
        days=params["days"],
        since=since,
    )


def delivery_failed(params: dict, reader: Reader) -> str:
    return t(
        reader.locale,
        "outbox.delivery_failed",
        kind=params["about"],
        channel=params["channel_of_message"],
        reason=params["reason"],
        attempts=params["attempts"],
    )
