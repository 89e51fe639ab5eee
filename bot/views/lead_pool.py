"""How the first-contact clock, lead progress and the pool (公海) look in Slack: the replies to
`/lead contacted|qualify|disqualify|follow|pool|claim`, the pool's pages with Claim buttons,
and the messages the outbox delivers (the rep's reminder with a Contacted button, the
manager's missed-deadline message with a Reassign, a lead returned to the pool or handed on,
and the admins' note about a year China's calendar does not know). Times are shown on the
reader's clock; user text only ever goes into plain_text."""

import json
from datetime import datetime

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    Option,
    SectionBlock,
    StaticSelectElement,
)

from bot.i18n import moment, t
from bot.views.blocks import clip, context, header, message, plain, plain_section, rendered
from commands.leads.pool import Claimed, PoolPage, Reassigned
from commands.leads.progress import LeadStep
from commands.people import Reader

CONTACTED = "lead_contacted"
CLAIM = "lead_claim"
POOL_MORE = "lead_pool_more"
REASSIGN = "lead_reassign"
REASSIGN_NEXT = "lead_reassign_next"
BUTTON_TEXT = 75
OPTION_TEXT = 75
WORDS_KEPT = 150  # of the pool's search words, in the More button's value (255 at most)


# -- replies -------------------------------------------------------------------------------------


def step_message(step: LeadStep, locale: str) -> dict:
    named = {"id": step.lead_id, "company": step.company}
    if step.step == "contacted" and step.hours is not None:
        text = t(locale, "lead_pool.contacted.hours", hours=f"{step.hours:.1f}", **named)
    else:
        text = t(locale, f"lead_pool.{step.step}", **named)
    return message(text, [plain_section(text)])


def claimed_message(claimed: Claimed, reader: Reader) -> dict:
    due = _when(claimed.due_at, reader)
    text = t(
        reader.locale,
        "lead_pool.claimed",
        id=claimed.lead_id,
        company=claimed.company,
        due=due,
        held=claimed.held,
        cap=claimed.cap,
    )
    return message(text, [plain_section(text), _contacted_buttons(claimed.lead_id, reader.locale)])


def reassigned_message(reassigned: Reassigned, locale: str) -> dict:
    text = t(
        locale,
        "lead_pool.reassigned",
        id=reassigned.lead_id,
        company=reassigned.company,
        name=reassigned.to_name,
    )
    return message(text, [plain_section(text)])


def pool_message(page: PoolPage, reader: Reader) -> dict:
    locale = reader.locale
    if not page.leads:
        key = "lead_pool.pool.empty_words" if page.words else "lead_pool.pool.empty"
        text = t(locale, key, words=page.words)
        return message(text, [plain_section(text)])
    first, last = page.offset + 1, page.offset + len(page.leads)
    title = t(locale, "lead_pool.pool.header", first=first, last=last, total=page.total)
    blocks: list[Block] = [header(title)]
    blocks += [_pool_line(line, reader) for line in page.leads]
    if last < page.total:
        value = json.dumps({"offset": last, "words": page.words[:WORDS_KEPT]}, ensure_ascii=False)
        more = t(locale, "lead_pool.pool.more", count=page.total - last)
        blocks.append(context(more))
        blocks.append(
            ActionsBlock(
                block_id="lead_pool_more",
                elements=[
                    ButtonElement(
                        text=clip(t(locale, "lead_pool.button.more"), BUTTON_TEXT),
                        action_id=POOL_MORE,
                        value=value[:255],
                    )
                ],
            )
        )
    blocks.append(context(t(locale, "lead_pool.pool.hint")))
    return message(title, blocks)


def _pool_line(line, reader: Reader) -> SectionBlock:
    locale = reader.locale
    where = " · ".join(part for part in (line.region, line.industry) if part)
    lines = [f"#{line.lead_id} {line.company}" + (f" · {where}" if where else "")]
    if line.need:
        lines.append(clip(line.need, 300))
    if line.pooled_at:
        lines.append(
            t(locale, "lead_pool.pool.since", at=moment(line.pooled_at, locale, reader.timezone))
        )
    return SectionBlock(
        text=plain("\n".join(lines)),
        accessory=ButtonElement(
            text=clip(t(locale, "lead_pool.button.claim"), BUTTON_TEXT),
            action_id=CLAIM,
            value=str(line.lead_id),
        ),
    )


def more_request(value: str) -> tuple[int, str]:
    """The offset and words a More button carries; the first page for anything else."""
    try:
        read = json.loads(value)
        return max(int(read.get("offset", 0)), 0), str(read.get("words", ""))[:WORDS_KEPT]
    except (ValueError, TypeError, AttributeError):
        return 0, ""


def _contacted_buttons(lead_id: int, locale: str) -> ActionsBlock:
    return ActionsBlock(
        block_id=f"lead_contact_{lead_id}",
        elements=[
            ButtonElement(
                text=clip(t(locale, "lead_pool.button.contacted"), BUTTON_TEXT),
                action_id=CONTACTED,
                value=str(lead_id),
                style="primary",
            )
        ],
    )


def _when(iso: datetime | str | None, reader: Reader) -> str:
    if iso is None:
        return "—"
    at = datetime.fromisoformat(iso) if isinstance(iso, str) else iso
    return moment(at, reader.locale, reader.timezone)


# -- messages the outbox delivers -------------------------------------------------------------


def sla_remind(params: dict, reader: Reader) -> tuple[str, list[Block]]:
    locale = reader.locale
    title = t(
        locale,
        "lead_pool.notify.remind",
        id=params["lead_id"],
        company=params["company"],
        due=_when(params.get("due"), reader),
        hours=params["hours"],
    )
    reach = " · ".join(
        str(params[name]) for name in ("contact_name", "phone", "email") if params.get(name)
    )
    blocks: list[Block] = [plain_section(title)]
    if reach:
        blocks.append(context(reach))
    blocks.append(_contacted_buttons(params["lead_id"], locale))
    return title, blocks


def sla_due(params: dict, reader: Reader) -> tuple[str, list[Block]]:
    locale = reader.locale
    title = t(
        locale,
        "lead_pool.notify.due",
        id=params["lead_id"],
        company=params["company"],
        rep=params["rep"],
        hours=params["hours"],
        due=_when(params.get("due"), reader),
        back=_when(params.get("return_at"), reader),
    )
    blocks: list[Block] = [plain_section(title)]
    reps = params.get("reps") or []
    if not reps:
        blocks.append(context(t(locale, "lead_pool.notify.no_other_rep")))
        return title, blocks
    options = [
        Option(
            text=plain(clip(str(name), OPTION_TEXT)),
            value=f"{params['lead_id']}:{params['owner_id']}:{rep_id}",
        )
        for rep_id, name in reps
    ]
    blocks.append(
        ActionsBlock(
            block_id=f"lead_reassign_{params['lead_id']}",
            elements=[
                ButtonElement(
                    text=clip(t(locale, "lead_pool.button.reassign_next"), BUTTON_TEXT),
                    action_id=REASSIGN_NEXT,
                    value=f"{params['lead_id']}:{params['owner_id']}",
                    style="primary",
                ),
                StaticSelectElement(
                    action_id=REASSIGN,
                    placeholder=plain(clip(t(locale, "lead_pool.button.reassign"), BUTTON_TEXT)),
                    options=options,
                ),
            ],
        )
    )
    return title, blocks


def lead_returned(params: dict, reader: Reader) -> tuple[str, list[Block]]:
    key = (
        "lead_pool.notify.returned_sla"
        if params["why"] == "sla"
        else "lead_pool.notify.returned_idle"
    )
    text = t(
        reader.locale, key, id=params["lead_id"], company=params["company"], days=params["days"]
    )
    return text, [plain_section(text)]


def lead_reassigned(params: dict, reader: Reader) -> tuple[str, list[Block]]:
    locale = reader.locale
    named = {"id": params["lead_id"], "company": params["company"], "by": params["by"]}
    if params["role"] == "to":
        text = t(
            locale, "lead_pool.notify.reassigned_to", due=_when(params.get("due"), reader), **named
        )
        return text, [plain_section(text), _contacted_buttons(params["lead_id"], locale)]
    text = t(locale, "lead_pool.notify.reassigned_from", to=params["to"], **named)
    return text, [plain_section(text)]


def calendar_unknown(params: dict, reader: Reader) -> tuple[str, list[Block]]:
    text = t(
        reader.locale,
        "lead_pool.notify.calendar_unknown",
        year=params["year"],
        teams=t(reader.locale, "list.separator").join(params["teams"]),
    )
    return text, [plain_section(text)]


NOTIFICATIONS = {
    "lead_sla_remind": rendered(sla_remind),
    "lead_sla_due": rendered(sla_due),
    "lead_returned": rendered(lead_returned),
    "lead_reassigned": rendered(lead_reassigned),
    "work_calendar_unknown": rendered(calendar_unknown),
}
