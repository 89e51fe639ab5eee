"""How leads look in Slack: the form, what became of a lead entered, one's open leads and the
owner's message about a duplicate that came to them. User text only ever goes into plain_text."""

from slack_sdk.models.blocks import (
    InputBlock,
    NumberInputElement,
    Option,
    PlainTextInputElement,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot.i18n import day, t
from bot.views.blocks import (
    SECTION_LIMIT,
    clip,
    context,
    escape,
    header,
    message,
    mrkdwn_section,
    plain,
    plain_section,
)
from bot.views.forms import FIELD, TITLE_LIMIT, field_value, modal, selected_value
from bot.views.lead_assignment import NOTIFICATIONS as ASSIGNMENT_NOTIFICATIONS
from bot.views.lead_assignment import placed_text
from commands.leads import LeadPage, LeadSaved, Match
from commands.leads.drafts import LIMITS, MAX_SCORE
from commands.people import Reader
from storage.leads import LEAD_SOURCES

CALLBACK_ID = "lead_create"
TEXT_BLOCKS = ("company", "contact_name", "phone", "email", "region", "industry", "need")
BLOCK_IDS = (*TEXT_BLOCKS, "source", "score")
FALLBACK_BLOCK = "company"  # where a problem with no field of its own is shown
OPTIONAL = ("contact_name", "phone", "email", "region", "industry", "need", "score")
FORM_SOURCE = "slack"

Rendered = tuple[str, list[dict]]  # a notification's fallback text and its blocks


def lead_help(locale: str) -> dict:
    sections = [mrkdwn_section(t(locale, key)) for key in ("lead.help", "assign.help")]
    return message(t(locale, "lead.help.title"), sections)


# -- the form ------------------------------------------------------------------------------


def lead_form(locale: str, company: str | None = None, need: str | None = None) -> dict:
    initial = {"company": company, "need": need}
    blocks = [_text_input(locale, name, initial.get(name)) for name in TEXT_BLOCKS]
    sources = [_source_option(source, locale) for source in LEAD_SOURCES]
    blocks.append(
        InputBlock(
            block_id="source",
            label=t(locale, "lead.field.source"),
            element=StaticSelectElement(
                action_id=FIELD, options=sources, initial_option=_source_option(FORM_SOURCE, locale)
            ),
        )
    )
    blocks.append(
        InputBlock(
            block_id="score",
            label=t(locale, "lead.field.score"),
            optional=True,
            element=NumberInputElement(
                action_id=FIELD,
                is_decimal_allowed=False,
                min_value="0",
                max_value=str(MAX_SCORE),
            ),
        )
    )
    return modal(
        CALLBACK_ID,
        t(locale, "lead.modal.title"),
        blocks,
        close=t(locale, "lead.modal.cancel"),
        submit=t(locale, "lead.modal.submit"),
    )


def read_form(values: dict) -> dict[str, str]:
    """What a submitted form holds, field by field, for commands.leads.read_draft."""
    found = {name: field_value(values, name, "value") for name in (*TEXT_BLOCKS, "score")}
    found["source"] = selected_value(values, "source")
    return {name: value for name, value in found.items() if value}


def message_need(text: str) -> str:
    """A Slack message's text as a lead's need: its escaped characters read as typed."""
    unescaped = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return clip(unescaped.strip(), LIMITS["need"])


def _text_input(locale: str, name: str, initial: str | None) -> InputBlock:
    return InputBlock(
        block_id=name,
        label=t(locale, f"lead.field.{name}"),
        optional=name in OPTIONAL,
        hint=t(locale, "lead.hint.reach") if name == "phone" else None,
        element=PlainTextInputElement(
            action_id=FIELD,
            multiline=name == "need",
            max_length=LIMITS[name],
            initial_value=clip(initial, LIMITS[name]) if initial else None,
        ),
    )


def _source_option(source: str, locale: str) -> Option:
    return Option(text=plain(t(locale, f"lead.source.{source}")), value=source)


# -- what became of a lead entered ----------------------------------------------------------


def saved_view(saved: LeadSaved, locale: str) -> dict:
    """The form turned into its own confirmation (`response_action: update`)."""
    view = View(
        type="modal",
        callback_id=f"{CALLBACK_ID}_done",
        title=clip(t(locale, "lead.modal.saved"), TITLE_LIMIT),
        close=t(locale, "lead.modal.done"),
        blocks=[plain_section(saved_text(saved, locale))],
    )
    return view.to_dict()


def saved_message(saved: LeadSaved, locale: str) -> dict:
    text = saved_text(saved, locale)
    return message(text, [plain_section(text)])


def saved_text(saved: LeadSaved, locale: str) -> str:
    named = {"id": saved.lead_id, "company": saved.company}
    if saved.match is not None and not saved.mine:
        match = match_text(saved.match, locale)
        return t(locale, "lead.saved.to_owner", match=match, owner=saved.owner_name, **named)
    if saved.match is not None:
        match = match_text(saved.match, locale)
        return t(locale, "lead.saved.yours_duplicate", match=match, **named)
    if saved.mine:
        return t(locale, "lead.saved.yours", **named)
    return placed_text(saved, locale)


def match_text(match: Match, locale: str) -> str:
    return _match_words(match.kind, match.ref, match.name, match.reason, match.score, locale)


def _match_words(kind: str, ref: str, name: str, reason: str, score: int, locale: str) -> str:
    return t(
        locale,
        f"lead.match.{reason}",
        kind=t(locale, f"lead.kind.{kind}"),
        ref=ref,
        name=name,
        score=score,
    )


# -- one's open leads -----------------------------------------------------------------------


def my_leads(page: LeadPage, reader: Reader) -> dict:
    locale = reader.locale
    if not page.leads:
        return message(t(locale, "lead.mine.empty"), [plain_section(t(locale, "lead.mine.empty"))])
    blocks = [header(t(locale, "lead.mine.header", total=page.total))]
    for lead in page.leads:
        line = t(
            locale,
            "lead.mine.line",
            id=lead.lead_id,
            company=lead.company,
            status=t(locale, f"lead.status.{lead.status}"),
            day=day(lead.created_at.date(), locale),
        )
        reach = " · ".join(part for part in (lead.contact_name, lead.phone, lead.email) if part)
        blocks.append(plain_section("\n".join(part for part in (line, reach) if part)))
    hidden = page.total - len(page.leads)
    if hidden > 0:
        blocks.append(context(t(locale, "lead.mine.more", count=hidden)))
    return message(t(locale, "lead.mine.title"), blocks)


# -- the owner's message about a duplicate that came to them ---------------------------------


def render_lead_duplicate(params: dict, reader: Reader) -> Rendered:
    locale = reader.locale
    match = _match_words(
        params["match_kind"],
        params["match_ref"],
        params["match_name"],
        params["reason"],
        params.get("score") or 100,
        locale,
    )
    source = params["source"]
    lines = [
        t(
            locale,
            "lead.notify.duplicate",
            id=params["lead_id"],
            company=params["company"],
            source=t(locale, f"lead.source.{source}") if source in LEAD_SOURCES else source,
            match=match,
        )
    ]
    details = (
        ("contact_name", "lead.notify.contact", "contact"),
        ("phone", "lead.notify.phone", "phone"),
        ("email", "lead.notify.email", "email"),
        ("need", "lead.notify.need", "need"),
    )
    for field, key, name in details:
        if params.get(field):
            lines.append(t(locale, key, **{name: params[field]}))
    text = "\n".join(lines)
    return clip(escape(lines[0]), SECTION_LIMIT), [plain_section(text).to_dict()]


NOTIFICATIONS = {"lead_duplicate": render_lead_duplicate, **ASSIGNMENT_NOTIFICATIONS}
