"""Routing rules (分配规则): which team a lead goes to before the round robin picks its rep.

A rule names a team and any of region, industry and source; a field the rule leaves empty
matches anything, region and industry are compared folded (全角/半角, any case). The first
rule by position that matches wins; with none, the only team if there is one, else the lead
waits for the desk (`/lead unassigned`).

    /lead route add region=华东 industry=机械 source=website team="华东 East"
    /lead route list
    /lead route remove 2

An admin manages every team's rules, a manager their own team's; nobody else.
"""

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, or_
from sqlmodel import Session, col, select

from commands.errors import Forbidden, InvalidInput, NotFound
from commands.people import Actor
from commands.records import audit
from commands.team_settings import QUOTES, find_team
from storage.leads import LEAD_SOURCES, lead_source
from storage.models import Lead, LeadRoutingRule, Team, as_utc, fold, stored_id
from storage.statuses import LeadStatus, Role

FIELDS = ("region", "industry", "source")
FIELD_WORDS = {
    "region": "region",
    "地区": "region",
    "区域": "region",
    "industry": "industry",
    "行业": "industry",
    "source": "source",
    "来源": "source",
    "渠道": "source",
    "team": "team",
    "团队": "team",
}
ADD_WORDS = {"add", "new", "添加", "新增", "加"}
LIST_WORDS = {"", "list", "ls", "show", "列表", "查看", "列出"}
REMOVE_WORDS = {"remove", "rm", "delete", "del", "删除", "移除"}
ONLY_TEAM = "the only team"
_PAIR = re.compile(r"^([^\s=＝]+)[=＝](.*)$")
MAX_RULES = 200
WAITING_SHOWN = 20


@dataclass(frozen=True)
class RuleLine:
    position: int
    team_name: str
    region: str | None
    industry: str | None
    source: str | None


@dataclass(frozen=True)
class Route:
    """Where a lead goes: a team (None: no rule matches and there are several teams) and why."""

    team_id: int | None
    note: str


class Router:
    """The rules and teams, read once for any number of leads (an import routes thousands)."""

    def __init__(self, session: Session):
        self.rules = list(
            session.exec(select(LeadRoutingRule).order_by(col(LeadRoutingRule.position)))
        )
        team_ids = list(session.exec(select(Team.id).limit(2)))
        self.only_team = team_ids[0] if len(team_ids) == 1 else None

    def route(self, lead: Lead) -> Route:
        for rule in self.rules:
            if rule_matches(rule, lead):
                return Route(rule.team_id, rule_note(rule))
        return Route(self.only_team, ONLY_TEAM if self.only_team else "")


def rule_matches(rule: LeadRoutingRule, lead: Lead) -> bool:
    return (
        _same(rule.region, lead.region)
        and _same(rule.industry, lead.industry)
        and (not rule.source or rule.source == lead.source)
    )


def rule_note(rule: LeadRoutingRule) -> str:
    """Why a lead went to the rule's team, for the audit and the rep: "routing rule 2: region
    华东, source website"."""
    parts = [f"{name} {getattr(rule, name)}" for name in FIELDS if getattr(rule, name)]
    return f"routing rule {rule.position}: {', '.join(parts) or 'any lead'}"


def _same(wanted: str | None, given: str | None) -> bool:
    return not wanted or _folded(wanted) == _folded(given or "")


def _folded(text: str) -> str:
    return fold(text).strip()


# -- managing the rules ----------------------------------------------------------------------


def add_rule(session: Session, actor: Actor, text: str) -> RuleLine:
    """`region=华东 industry=机械 source=website team="华东 East"`: a rule at the end of the
    list. A manager who names no team adds one for their own."""
    values = read_pairs(text)
    team = _rule_team(session, actor, values.pop("team", ""))
    source = values.get("source")
    if source is not None and lead_source(source) is None:
        raise InvalidInput("route.error.bad_source", value=source[:60], sources=_sources())
    count = session.exec(select(func.count()).select_from(LeadRoutingRule)).one()
    if count >= MAX_RULES:
        raise InvalidInput("route.error.too_many", limit=MAX_RULES)
    rule = LeadRoutingRule(
        team_id=stored_id(team),
        position=count + 1,
        region=values.get("region"),
        industry=values.get("industry"),
        source=lead_source(source) if source else None,
        created_by=actor.slack_user_id,
    )
    session.add(rule)
    session.flush()
    audit(session, actor.slack_user_id, "lead_route", str(rule.id), "route.add", None, _row(rule))
    return _line(rule, team.name)


def list_rules(session: Session, actor: Actor) -> list[RuleLine]:
    if not actor.works_the_desk:
        raise Forbidden("route.error.not_allowed")
    rows = session.exec(
        select(LeadRoutingRule, Team)
        .join(Team, col(Team.id) == col(LeadRoutingRule.team_id))
        .order_by(col(LeadRoutingRule.position))
    ).all()
    return [_line(rule, team.name) for rule, team in rows]


def remove_rule(session: Session, actor: Actor, text: str) -> RuleLine:
    """The rule at position N removed; those after it move up one."""
    if not actor.is_admin and actor.role != Role.manager:
        raise Forbidden("route.error.not_allowed")
    written = fold(text).strip().lstrip("#")
    if not written.isdigit():
        raise InvalidInput("route.error.remove_usage")
    rules = list(session.exec(select(LeadRoutingRule).order_by(col(LeadRoutingRule.position))))
    found = next((rule for rule in rules if rule.position == int(written)), None)
    if found is None:
        raise NotFound("route.error.no_rule", position=int(written), count=len(rules))
    team = session.get(Team, found.team_id)
    assert team is not None, "a rule's team exists"
    _check_may_manage(actor, team)
    audit(
        session, actor.slack_user_id, "lead_route", str(found.id), "route.remove", _row(found), None
    )
    session.delete(found)
    session.flush()
    for rule in rules:
        if rule.position > found.position:
            rule.position -= 1
            session.add(rule)
    session.flush()
    return _line(found, team.name)


def read_pairs(text: str) -> dict[str, str]:
    """name=value pairs, the names in either language; a value runs on to the next name=
    (so `team=华东 East` needs no quotes, though quotes work too)."""
    values: dict[str, list[str]] = {}
    name = None
    for word in text.split():
        pair = _PAIR.match(word)
        if pair is not None:
            name = FIELD_WORDS.get(fold(pair.group(1)))
            if name is None:
                raise InvalidInput("route.error.unknown_field", name=pair.group(1)[:30])
            values[name] = [pair.group(2)]
        elif name is None:
            raise InvalidInput("route.error.add_usage", extra=word[:60])
        else:
            values[name].append(word)
    return {name: _value(name, words) for name, words in values.items() if _value(name, words)}


def _value(name: str, words: list[str]) -> str:
    value = " ".join(words).strip(QUOTES + " ")
    if len(value) > 100:
        raise InvalidInput("route.error.too_long", name=name, limit=100)
    return value


def _rule_team(session: Session, actor: Actor, team_name: str) -> Team:
    if not actor.is_admin and actor.role != Role.manager:
        raise Forbidden("route.error.not_allowed")
    if team_name:
        team: Team | None = find_team(session, team_name)
    elif actor.role == Role.manager and actor.team_id is not None:
        team = session.get(Team, actor.team_id)
    else:
        raise InvalidInput("route.error.no_team")
    assert team is not None, "an actor's team exists"
    _check_may_manage(actor, team)
    return team


def _check_may_manage(actor: Actor, team: Team) -> None:
    if not actor.is_admin and actor.team_id != team.id:
        raise Forbidden("route.error.other_team", team=team.name)


def _sources() -> str:
    return ", ".join(LEAD_SOURCES)


def _line(rule: LeadRoutingRule, team_name: str) -> RuleLine:
    return RuleLine(rule.position, team_name, rule.region, rule.industry, rule.source)


def _row(rule: LeadRoutingRule) -> dict:
    return {
        "team_id": rule.team_id,
        "position": rule.position,
        **{name: getattr(rule, name) for name in FIELDS if getattr(rule, name)},
    }


# -- leads nobody has yet ----------------------------------------------------------------------


@dataclass(frozen=True)
class WaitingLead:
    lead_id: int
    company: str
    team_name: str | None
    note: str | None
    created_at: datetime


@dataclass(frozen=True)
class WaitingPage:
    leads: list[WaitingLead]
    total: int


def unassigned_leads(session: Session, actor: Actor) -> WaitingPage:
    """Leads still new and unowned, oldest first: every team's for the desk and admins; a
    manager's own team's and those no team took."""
    if not actor.works_the_desk:
        raise Forbidden("route.error.unassigned_not_allowed")
    where: list[ColumnElement[bool]] = [
        col(Lead.status) == LeadStatus.new,
        col(Lead.owner_id).is_(None),
    ]
    if actor.role == Role.manager and not actor.is_admin:
        where.append(or_(col(Lead.team_id).is_(None), col(Lead.team_id) == actor.team_id))
    total = session.exec(select(func.count()).select_from(Lead).where(*where)).one()
    rows = session.exec(
        select(Lead, Team)
        .join(Team, col(Team.id) == col(Lead.team_id), isouter=True)
        .where(*where)
        .order_by(col(Lead.id))
        .limit(WAITING_SHOWN)
    ).all()
    lines = [
        WaitingLead(
            stored_id(lead),
            lead.company,
            team.name if team else None,
            lead.assignment_note,
            as_utc(lead.created_at),
        )
        for lead, team in rows
    ]
    return WaitingPage(lines, total)
