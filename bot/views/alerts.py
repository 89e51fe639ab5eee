"""Reminders and escalations: one short message each, saying why and what resolves it."""

from datetime import date, datetime

from bot.i18n import day, t
from commands.people import Reader


def follow_up_due(params: dict, reader: Reader) -> str:
    return t(
        reader.locale, "remind.follow_up", customer=params["customer"], step=params["step"] or ""
    )


def sample_needed_soon(params: dict, reader: Reader) -> str:
    key = "remind.sample_ship" if params["status"] == "approved" else "remind.sample_approve"
    return t(
        reader.locale,
        key,
        id=params["sample_id"],
        product=params["product"],
        customer=params["customer"],
        needed_by=day(date.fromisoformat(params["needed_by"]), reader.locale),
    )


def escalation_sample_approval(params: dict, reader: Reader) -> str:
    return t(
        reader.locale,
        "escalate.sample_approval",
        id=params["sample_id"],
        rep=params["rep"],
        product=params["product"],
        customer=params["customer"],
        hours=params["hours"],
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
