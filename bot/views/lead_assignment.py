"""How lead assignment looks in Slack: the offer DM with Accept / Pass and what became of it,
where a lead entered went, the manager's note about leads waiting, routing rules, leads nobody
has, time away and capacity. User text only ever goes into plain_text."""

from datetime import datetime

from slack_sdk.models.blocks import ActionsBlock, Block, ButtonElement

from bot.i18n import day, moment, number, t
from bot.views.blocks import (
    SECTION_LIMIT,
    clip,
    context,
    escape,
    grouped_lines,
    header,
    message,
    mrkdwn_section,
    plain_section,
)
from commands.leads import LeadSaved
from commands.leads.availability import AwaySet, CapacitySet, TeamCapacity
from commands.leads.offers import OfferAnswered, button_value
from commands.leads.routing import RuleLine, WaitingPage
from commands.people import Reader
from storage.leads import LEAD_SOURCES

ACCEPT = "lead_offer_accept"
PASS = "lead_offer_pass"
BUTTON_LIMIT = 75

Rendered = tuple[str, list[dict]]


def assign_help(locale: str) -> dict:
    return message(t(locale, "assign.help"), [mrkdwn_section(t(locale, "assign.help"))])


# -- where a lead entered went ---------------------------------------------------------------


def placed_text(saved: LeadSaved, locale: str) -> str:
    """A lead that is neither a duplicate nor the enterer's own: offered, waiting in a team,
    or waiting for the desk."""
    named = {"id": saved.lead_id, "company": saved.company}
    if saved.owner_name is not None:
        return t(
            locale,
            "assign.saved.offered",
            owner=saved.owner_name,
            team=saved.team_name or "—",
            note=saved.note or "",
            **named,
        )
    if saved.team_name is not None:
        return t(locale, "assign.saved.waiting_in_team", team=saved.team_name, **named)
    return t(locale, "assign.saved.no_team", **named)


# -- the offer ---------------------------------------------------------------------------------


def render_lead_offer(params: dict, reader: Reader) -> Rendered:
    locale = reader.locale
    source = params["source"]
    intro = t(
        locale,
        "offer.intro",
        id=params["lead_id"],
        company=params["company"],
        source=t(locale, f"lead.source.{source}") if source in LEAD_SOURCES else source,
    )
    lines = [intro]
    details = (
        ("contact_name", "lead.notify.contact", "contact"),
        ("phone", "lead.notify.phone", "phone"),
        ("email", "lead.notify.email", "email"),
        ("region", "offer.region", "region"),
        ("industry", "offer.industry", "industry"),
        ("score", "offer.score", "score"),
        ("need", "lead.notify.need", "need"),
        ("note", "offer.why", "note"),
    )
    for field, key, name in details:
        if params.get(field) is not None and params.get(field) != "":
            lines.append(t(locale, key, **{name: params[field]}))
    if params.get("due_at"):
        due = moment(datetime.fromisoformat(params["due_at"]), locale, reader.timezone)
        lines.append(t(locale, "offer.due", due=due))
    value = button_value(params["lead_id"], params["member_id"], params["stamp"])
    blocks: list[Block] = [plain_section("\n".join(lines)), _buttons(value, locale)]
    return clip(escape(intro), SECTION_LIMIT), [block.to_dict() for block in blocks]


def _buttons(value: str, locale: str) -> ActionsBlock:
    return ActionsBlock(
        block_id="lead_offer",
        elements=[
            ButtonElement(
                text=clip(t(locale, "offer.accept"), BUTTON_LIMIT),
                action_id=ACCEPT,
                value=value,
                style="primary",
            ),
            ButtonElement(
                text=clip(t(locale, "offer.pass"), BUTTON_LIMIT), action_id=PASS, value=value
            ),
        ],
    )


def answered_message(answered: OfferAnswered, reader: Reader) -> dict:
    """What the offer's message says once answered (its buttons gone)."""
    text = answered_text(answered, reader)
    return message(text, [plain_section(text)])


def answered_text(answered: OfferAnswered, reader: Reader) -> str:
    locale = reader.locale
    named = {"id": answered.lead_id, "company": answered.company}
    if answered.accepted and answered.due_at is not None:
        due = moment(answered.due_at, locale, reader.timezone)
        return t(locale, "offer.accepted_due", due=due, **named)
    if answered.accepted:
        return t(locale, "offer.accepted", **named)
    if answered.next_owner is not None:
        return t(locale, "offer.passed_on", owner=answered.next_owner, **named)
    if answered.team_name is not None:
        return t(locale, "offer.passed_waiting", team=answered.team_name, **named)
    return t(locale, "offer.passed_no_team", **named)


def render_lead_waiting(params: dict, reader: Reader) -> Rendered:
    text = t(
        reader.locale,
        "waiting.notify",
        team=params["team"],
        id=params["lead_id"],
        company=params["company"],
        reps=params["reps"],
        away=params["away"],
        full=params["full"],
    )
    return clip(escape(text), SECTION_LIMIT), [plain_section(text).to_dict()]


NOTIFICATIONS = {"lead_offer": render_lead_offer, "lead_waiting": render_lead_waiting}


# -- routing rules -----------------------------------------------------------------------------


def rules_message(rules: list[RuleLine], locale: str) -> dict:
    if not rules:
        text = t(locale, "route.list.empty")
        return message(text, [mrkdwn_section(text)])
    lines = [_rule_line(rule, locale) for rule in rules]
    blocks: list[Block] = [header(t(locale, "route.list.header", count=len(rules)))]
    blocks += [plain_section("\n".join(group)) for group in grouped_lines(lines)]
    return message(t(locale, "route.list.title"), blocks[:50])


def rule_added(rule: RuleLine, locale: str) -> dict:
    text = t(locale, "route.added", **_rule_words(rule, locale))
    return message(text, [plain_section(text)])


def rule_removed(rule: RuleLine, locale: str) -> dict:
    text = t(locale, "route.removed", **_rule_words(rule, locale))
    return message(text, [plain_section(text)])


def _rule_line(rule: RuleLine, locale: str) -> str:
    return t(locale, "route.list.line", **_rule_words(rule, locale))


def _rule_words(rule: RuleLine, locale: str) -> dict:
    fields = [
        t(locale, f"route.field.{name}", value=_field_value(name, value, locale))
        for name, value in (
            ("region", rule.region),
            ("industry", rule.industry),
            ("source", rule.source),
        )
        if value
    ]
    return {
        "position": rule.position,
        "team": rule.team_name,
        "fields": t(locale, "list.separator").join(fields) or t(locale, "route.any"),
    }


def _field_value(name: str, value: str, locale: str) -> str:
    if name == "source" and value in LEAD_SOURCES:
        return t(locale, f"lead.source.{value}")
    return value


# -- leads nobody has yet ----------------------------------------------------------------------


def unassigned_message(page: WaitingPage, reader: Reader) -> dict:
    locale = reader.locale
    if not page.leads:
        text = t(locale, "unassigned.empty")
        return message(text, [plain_section(text)])
    lines = [
        t(
            locale,
            "unassigned.line",
            id=lead.lead_id,
            company=lead.company,
            where=t(locale, "unassigned.in_team", team=lead.team_name)
            if lead.team_name
            else t(locale, "unassigned.no_team"),
            day=day(lead.created_at.date(), locale),
        )
        for lead in page.leads
    ]
    blocks: list[Block] = [header(t(locale, "unassigned.header", total=page.total))]
    blocks += [plain_section("\n".join(group)) for group in grouped_lines(lines)]
    hidden = page.total - len(page.leads)
    if hidden > 0:
        blocks.append(context(t(locale, "unassigned.more", count=number(hidden, locale))))
    return message(t(locale, "unassigned.title"), blocks)


# -- away and capacity -------------------------------------------------------------------------


def away_message(away: AwaySet, locale: str) -> dict:
    if away.until is not None:
        text = t(locale, "away.set", day=day(away.until, locale))
    elif away.offered:
        text = t(locale, "away.back_offered", count=number(away.offered, locale))
    else:
        text = t(locale, "away.back")
    return message(text, [mrkdwn_section(text)])


def capacity_set(done: CapacitySet, locale: str) -> dict:
    key = "capacity.set" if done.own else "capacity.set_default"
    text = t(locale, key, name=done.name, capacity=number(done.capacity, locale))
    return message(text, [plain_section(text)])


def team_capacity_message(team: TeamCapacity, locale: str) -> dict:
    if not team.reps:
        text = t(locale, "capacity.none", team=team.team_name)
        return message(text, [plain_section(text)])
    lines = [
        t(
            locale,
            "capacity.line",
            name=rep.name,
            assigned=number(rep.assigned, locale),
            capacity=number(rep.capacity, locale),
            state=_state(rep.away, rep.full, rep.away_until, locale),
        )
        for rep in team.reps
    ]
    title = t(locale, "capacity.header", team=team.team_name, capacity=team.team_capacity)
    blocks: list[Block] = [header(title)]
    blocks += [plain_section("\n".join(group)) for group in grouped_lines(lines)]
    return message(t(locale, "capacity.title", team=team.team_name), blocks[:50])


def _state(away: bool, full: bool, until, locale: str) -> str:
    state = t(locale, "capacity.away", day=day(until, locale)) if away else ""
    return state + (t(locale, "capacity.full") if full else "")
