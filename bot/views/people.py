"""Members added, deactivated and handed over: the replies and the DMs."""

from bot.i18n import t
from bot.views.blocks import clip, escape, notice, plain_section
from commands.handover import SHOWN_PER_KIND, Handover
from commands.people import Added, Reader


def role_label(role: str, locale: str) -> str:
    return t(locale, f"people.role.{role}")


def added_reply(added: Added, locale: str) -> dict:
    team = t(locale, "people.in_team", team=added.team) if added.team else ""
    key = "people.reactivated" if added.reactivated else "people.added"
    return notice(t(locale, key, name=added.name, role=role_label(added.role, locale), team=team))


def handover_reply(handover: Handover, locale: str) -> dict:
    return notice(handover_text(handover, locale, prefix="people"))


def handover_text(handover: Handover, locale: str, prefix: str) -> str:
    """What became of the member and their records; `prefix` picks the reply's wording
    ("people") or the terminal's ("people.cli")."""
    member = handover.member
    state = "deactivated" if handover.deactivated_now else "already_deactivated"
    lines = [t(locale, f"{prefix}.{state}", name=member.name, user=member.slack_user_id)]
    if handover.total:
        summary = records_summary(
            {kind: len(labels) for kind, labels in handover.records.items()},
            handover.records,
            locale,
        )
        lines.append(t(locale, f"{prefix}.handed_over", to=handover.to.name, summary=summary))
    else:
        nothing = "people.cli.nothing" if prefix == "people.cli" else "people.nothing_to_hand_over"
        lines.append(t(locale, nothing))
    return "\n".join(lines)


def records_summary(counts: dict[str, int], shown: dict[str, list[str]], locale: str) -> str:
    parts = []
    for kind, count in counts.items():
        labels = ", ".join(shown.get(kind, [])[:SHOWN_PER_KIND])
        if count > SHOWN_PER_KIND:
            labels += ", " + t(locale, "people.more")
        parts.append(t(locale, f"people.kind.{kind}", count=count, labels=labels))
    return t(locale, "list.separator").join(parts)


def _handover_received(params: dict, reader: Reader):
    locale = reader.locale
    by = t(locale, "people.notify.by", by=params["by"]) if params.get("by") else ""
    summary = records_summary(params["counts"], params["shown"], locale)
    text = t(
        locale, "people.notify.handover_received", member=params["member"], by=by, summary=summary
    )
    return _plain(text)


def _member_left(params: dict, reader: Reader):
    locale = reader.locale
    count = params["open_records"]
    records = (
        t(locale, "people.notify.open_records", count=count)
        if count
        else t(locale, "people.notify.no_open_records")
    )
    text = t(
        locale,
        "people.notify.member_left",
        member=params["member"],
        slack_user_id=params["slack_user_id"],
        records=records,
    )
    return _plain(text)


def _plain(text: str):
    return clip(escape(text), 3000), [plain_section(text).to_dict()]


NOTIFICATIONS = {"handover_received": _handover_received, "member_left": _member_left}
