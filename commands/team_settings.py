"""Per-team settings: when the team's jobs run and the thresholds of its escalations.

Every threshold is a setting with a sensible default (DOMAIN.md): nothing is hard-coded.
"""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, replace
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlmodel import Session, col, select

from commands.errors import Forbidden, InvalidInput, NotFound
from commands.people import Actor
from commands.records import audit
from storage.models import Member, Team
from storage.statuses import Metric, OpportunityStage, Role
from storage.vocabulary import currency, language

_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class TeamSettings:
    timezone: str = "UTC"
    locale: str = "en"
    digest_time: str = "08:30"
    weekly_report_day: str = "mon"
    weekly_report_time: str = "09:00"
    sample_approval_hours: int = 24
    order_late_rep_days: int = 2
    order_late_manager_days: int = 2
    cadence_a_days: int = 30
    cadence_b_days: int = 60
    meeting_reminder_minutes: int = 15
    sample_needed_soon_days: int = 3
    catch_up_hours: int = 3
    aging_buckets: str = "30,60,90"
    invoice_reminder_days: int = 3
    overdue_manager_days: int = 7
    contract_expiry_first_days: int = 60
    contract_expiry_second_days: int = 30
    contract_review_stall_days: int = 3
    large_contract_value: int = 1_000_000
    contract_approver_roles: str = "manager"
    legal_reviewers: str = ""
    reporting_currency: str = "CNY"
    work_calendar: str = "auto"
    target_milestones: str = "50,90,100"
    projection_alert_percent: int = 90
    projection_alert_day: int = 15
    leaderboard_privacy: str = "top3"
    leaderboard_metric: str = "order_amount"
    # The pipeline: first contact within `lead_sla_hours` business hours, the rep reminded,
    # the manager told and the lead returned to the pool at these shares of it.
    lead_sla_hours: int = 2
    business_hours: str = "09:00-18:00"
    sla_remind_percent: int = 75
    sla_escalate_percent: int = 100
    sla_return_percent: int = 150
    lead_capacity: int = 30  # leads a rep is given per 30 days, unless the rep has their own
    lead_pool_cap: int = 10  # open leads claimed from the pool a rep may hold at once
    lead_reclaim_days: int = 7  # before the rep who lost a lead to the pool may claim it back
    lead_recycle_days: int = 14  # a lead without a follow-up this long goes to the pool
    stage_probabilities: str = "qualification=10,needs=25,proposal=50,negotiation=75"
    opportunity_stall_days: int = 14
    quote_tax_rate: str = "13"
    quote_tax_display: str = "inclusive"
    quote_discount_threshold: int = 10  # percent: a deeper discount needs the manager
    quote_valid_days: int = 30

    @property
    def aging_limits(self) -> tuple[int, ...]:
        """The upper bounds of the aging buckets: (30, 60, 90) makes 0-30/31-60/61-90/90+."""
        return tuple(int(part) for part in self.aging_buckets.split(","))

    @property
    def legal_reviewer_ids(self) -> tuple[str, ...]:
        return tuple(part for part in self.legal_reviewers.split(",") if part)

    @property
    def approver_roles(self) -> tuple[str, ...]:
        return tuple(self.contract_approver_roles.split(","))

    @property
    def milestone_percents(self) -> tuple[int, ...]:
        return tuple(int(part) for part in self.target_milestones.split(","))

    @property
    def business_day(self) -> tuple[str, str]:
        """The start and end of a business day on the team's clock: ("09:00", "18:00")."""
        start, end = self.business_hours.split("-")
        return start, end

    @property
    def stage_probability(self) -> dict[str, int]:
        """Each open stage's probability in percent, for the weighted forecast."""
        pairs = (part.split("=") for part in self.stage_probabilities.split(","))
        return {stage: int(percent) for stage, percent in pairs}

    @property
    def tax_rate(self) -> Decimal:
        return Decimal(self.quote_tax_rate)

    @property
    def chinese_calendar(self) -> bool:
        """Whether working days follow China's public holidays and make-up days: `cn`, or
        `auto` for a team whose zone is in mainland China."""
        if self.work_calendar == "auto":
            return self.timezone in CHINA_ZONES
        return self.work_calendar == "cn"


NUMBER_LIMITS = {
    "sample_approval_hours": (1, 24 * 30),
    "order_late_rep_days": (0, 365),
    "order_late_manager_days": (0, 365),
    "cadence_a_days": (1, 365),
    "cadence_b_days": (1, 365),
    "meeting_reminder_minutes": (1, 24 * 60),
    "sample_needed_soon_days": (0, 60),
    "catch_up_hours": (0, 72),
    "invoice_reminder_days": (0, 60),
    "overdue_manager_days": (0, 365),
    "contract_expiry_first_days": (1, 730),
    "contract_expiry_second_days": (1, 730),
    "contract_review_stall_days": (1, 90),
    "large_contract_value": (0, 10**12),
    "projection_alert_percent": (1, 1000),
    "projection_alert_day": (1, 28),
    "lead_sla_hours": (1, 240),
    "sla_remind_percent": (1, 1000),
    "sla_escalate_percent": (1, 1000),
    "sla_return_percent": (1, 1000),
    "lead_capacity": (0, 10_000),
    "lead_pool_cap": (0, 10_000),
    "lead_reclaim_days": (0, 365),
    "lead_recycle_days": (1, 365),
    "opportunity_stall_days": (1, 365),
    "quote_discount_threshold": (0, 100),
    "quote_valid_days": (1, 365),
}
CHINA_ZONES = frozenset({"Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "Asia/Urumqi", "PRC"})
CALENDARS = ("auto", "cn", "weekends")
LEADERBOARD_PRIVACY = ("everyone", "top3", "none")
OPEN_STAGES = tuple(stage.value for stage in OpportunityStage)[:4]
_SLACK_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
# How Slack sends a mention in a command's text: <@U012ABCDEF> or <@U012ABCDEF|wang>.
_MENTION = re.compile(r"^<@([^|>]+)(?:\|([^>]*))?>$")
_SETTING = re.compile(r"^[A-Za-z_]+=")
# Straight quotes, and the curly ones Slack's autocorrect makes of them.
QUOTES = "\"'“”‘’„‟«»「」『』"
_ROLES = (Role.desk, Role.manager, Role.admin)
SETTING_NAMES = tuple(field.name for field in fields(TeamSettings))


def settings_of(team: Team, default_timezone: str = "UTC", default_locale: str = "en"):
    stored = {k: v for k, v in (team.settings or {}).items() if k in SETTING_NAMES}
    base = TeamSettings(
        timezone=team.timezone or default_timezone,
        locale=default_locale,
        digest_time=team.digest_time or TeamSettings.digest_time,
    )
    return replace(base, **stored)


def validate_setting(name: str, value: str) -> object:
    """The typed value of one setting, or InvalidInput saying what is wrong."""
    value = value.strip()
    if name not in SETTING_NAMES:
        raise InvalidInput("settings.error.unknown", name=name[:60], names=", ".join(SETTING_NAMES))
    if name in NUMBER_LIMITS:
        return _number(name, value)
    if name in CLOCK_SETTINGS:
        return _clock(name, value)
    return _VALUE_READERS.get(name, _timezone)(value)


CLOCK_SETTINGS = ("digest_time", "weekly_report_time")


def _number(name: str, value: str) -> int:
    low, high = NUMBER_LIMITS[name]
    if not value.isdigit() or not low <= int(value) <= high:
        raise InvalidInput("settings.error.number", name=name, low=low, high=high)
    return int(value)


def _clock(name: str, value: str) -> str:
    match = _CLOCK.match(value)
    if match is None:
        raise InvalidInput("settings.error.clock", name=name, value=value[:60])
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def _weekday(value: str) -> str:
    if value.lower()[:3] not in WEEKDAYS:
        raise InvalidInput("settings.error.weekday", value=value[:60])
    return value.lower()[:3]


def _locale(value: str) -> str:
    spoken = language(value)
    if spoken is None:
        raise InvalidInput("settings.error.locale", value=value[:60])
    return spoken


def _timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise InvalidInput("settings.error.timezone", value=value[:60]) from None
    return value


def _aging_buckets(value: str) -> str:
    parts = [part.strip() for part in value.split(",")]
    if not all(part.isdigit() for part in parts) or len(parts) > 8:
        raise InvalidInput("settings.error.buckets", value=value[:60])
    limits = [int(part) for part in parts]
    if limits != sorted(set(limits)) or limits[0] < 1:
        raise InvalidInput("settings.error.buckets", value=value[:60])
    return ",".join(map(str, limits))


def _currency(value: str) -> str:
    code = currency(value)
    if code is None:
        raise InvalidInput("settings.error.currency", value=value[:60])
    return code


def _one_of(name: str, choices: tuple[str, ...]) -> Callable[[str], str]:
    def read(value: str) -> str:
        if value.lower() not in choices:
            raise InvalidInput(
                "settings.error.choice", name=name, value=value[:60], choices=", ".join(choices)
            )
        return value.lower()

    return read


def _percents(value: str) -> str:
    parts = [part.strip() for part in value.split(",")]
    if not all(part.isdigit() for part in parts) or len(parts) > 8:
        raise InvalidInput("settings.error.percents", value=value[:60])
    percents = [int(part) for part in parts]
    if percents != sorted(set(percents)) or percents[0] < 1 or percents[-1] > 1000:
        raise InvalidInput("settings.error.percents", value=value[:60])
    return ",".join(map(str, percents))


def _id_list(value: str) -> str:
    return ",".join(user for user, _ in _people(value))


def _people(value: str) -> list[tuple[str, str]]:
    """Each person of a list as (Slack user id, how to name them): ids, or mentions as Slack
    sends them ("<@U012ABCDEF|wang>" is named @wang), separated by commas."""
    people = []
    for part in (part.strip() for part in value.split(",")):
        mention = _MENTION.match(part)
        user = mention.group(1) if mention else part
        if part and not _SLACK_ID.match(user):
            raise InvalidInput("settings.error.user_ids", value=part[:60])
        if part:
            people.append((user, f"@{mention.group(2)}" if mention and mention.group(2) else user))
    return people


def _check_members(session: Session, value: str) -> None:
    """Everyone named must be an active member: a stranger could not do the work."""
    people = _people(value)
    known = set(
        session.exec(
            select(Member.slack_user_id).where(
                col(Member.slack_user_id).in_([user for user, _ in people]), Member.active
            )
        )
    )
    for user, shown in people:
        if user not in known:
            raise InvalidInput("settings.error.not_a_member", who=shown[:60])


def _role_list(value: str) -> str:
    roles = [part.strip().lower() for part in value.split(",") if part.strip()]
    if not roles or any(role not in _ROLES for role in roles):
        raise InvalidInput("settings.error.roles", value=value[:60])
    return ",".join(roles)


def _business_hours(value: str) -> str:
    start, _, end = value.replace("–", "-").replace(" ", "").partition("-")
    if not (_CLOCK.match(start) and _CLOCK.match(end)):
        raise InvalidInput("settings.error.business_hours", value=value[:60])
    start, end = _clock("business_hours", start), _clock("business_hours", end)
    if start >= end:
        raise InvalidInput("settings.error.business_hours", value=value[:60])
    return f"{start}-{end}"


def _stage_probabilities(value: str) -> str:
    """`qualification=10,needs=25,proposal=50,negotiation=75`: every open stage once, each a
    whole percentage from 0 to 100."""
    read: dict[str, int] = {}
    for part in (part.strip() for part in value.split(",") if part.strip()):
        stage, _, percent = part.partition("=")
        stage = stage.strip().lower()
        if stage not in OPEN_STAGES or not percent.strip().isdigit() or int(percent) > 100:
            raise InvalidInput("settings.error.probabilities", value=value[:80])
        read[stage] = int(percent)
    if set(read) != set(OPEN_STAGES):
        raise InvalidInput("settings.error.probabilities", value=value[:80])
    return ",".join(f"{stage}={read[stage]}" for stage in OPEN_STAGES)


def _tax_rate(value: str) -> str:
    try:
        rate = Decimal(value.strip().rstrip("%％"))
    except InvalidOperation:
        rate = Decimal(-1)
    if not rate.is_finite() or not Decimal(0) <= rate <= Decimal(100) or rate != round(rate, 2):
        raise InvalidInput("settings.error.tax_rate", value=value[:60])
    return str(rate.normalize() if rate == rate.to_integral() else rate)


# How each setting that is neither a number nor a time of day is read (any other: a zone).
_VALUE_READERS: dict[str, Callable[[str], str]] = {
    "weekly_report_day": _weekday,
    "aging_buckets": _aging_buckets,
    "legal_reviewers": _id_list,
    "contract_approver_roles": _role_list,
    "locale": _locale,
    "reporting_currency": _currency,
    "work_calendar": _one_of("work_calendar", CALENDARS),
    "target_milestones": _percents,
    "leaderboard_privacy": _one_of("leaderboard_privacy", LEADERBOARD_PRIVACY),
    "leaderboard_metric": _one_of("leaderboard_metric", tuple(Metric)),
    "business_hours": _business_hours,
    "stage_probabilities": _stage_probabilities,
    "quote_tax_rate": _tax_rate,
    "quote_tax_display": _one_of("quote_tax_display", ("inclusive", "exclusive")),
}


def change_team_settings(
    session: Session, actor: Actor | None, team_name: str, changes: dict[str, str]
) -> TeamSettings:
    """Apply validated changes (all or nothing) and record them in the audit log.

    `actor` None means the operator at the command line.
    """
    if actor is not None and not actor.is_admin:
        raise Forbidden("settings.error.admins_only")
    return _apply(session, actor, find_team(session, team_name), changes)


def _apply(
    session: Session, actor: Actor | None, team: Team, changes: dict[str, str]
) -> TeamSettings:
    """Every change validated before any is made; nothing changes if one is wrong."""
    typed = {name: validate_setting(name, value) for name, value in changes.items()}
    if "legal_reviewers" in changes:
        _check_members(session, changes["legal_reviewers"])
    before = asdict(settings_of(team))
    if "timezone" in typed:
        team.timezone = str(typed.pop("timezone"))
    if "digest_time" in typed:
        team.digest_time = str(typed.pop("digest_time"))
    team.settings = {**(team.settings or {}), **typed}
    after = asdict(settings_of(team))
    changed = {k: after[k] for k in after if after[k] != before[k]}
    audit(
        session,
        actor.slack_user_id if actor else "cli",
        "team",
        team.name,
        "settings",
        {k: before[k] for k in changed},
        changed,
    )
    return settings_of(team)


def change_settings_as_typed(
    session: Session, actor: Actor, text: str
) -> tuple[str, dict[str, object]]:
    """`/desk set TEAM name=value …` as typed: the team's name and the values now set."""
    if not actor.is_admin:
        raise Forbidden("settings.error.admins_only")
    team_name, changes = read_settings_text(text)
    team = find_team(session, team_name)
    updated = asdict(_apply(session, actor, team, changes))
    return team.name, {name: updated[name] for name in changes}


def read_settings_text(text: str) -> tuple[str, dict[str, str]]:
    """`TEAM name=value …`: the team is every word before the first name=value, in quotes
    or not; a value runs on to the next name=value, so "legal_reviewers=<@U1>, <@U2>" is one."""
    words = text.split()
    first = next((i for i, word in enumerate(words) if _SETTING.match(word)), len(words))
    team = " ".join(words[:first]).strip(QUOTES + " ")
    changes: dict[str, list[str]] = {}
    for word in words[first:]:
        if _SETTING.match(word):
            name, value = word.split("=", 1)
            changes[name.lower()] = [value]
        else:
            changes[name.lower()].append(word)
    if not team or not changes:
        raise InvalidInput("settings.error.usage")
    return team, {name: " ".join(parts).strip(QUOTES + " ") for name, parts in changes.items()}


def find_team(session: Session, name: str) -> Team:
    """The team called `name`, or the one team whose name holds it in any case ("east" and
    "华东" find "East 华东"); several such teams are named back and none is chosen."""
    wanted = _folded(name)
    teams = session.exec(select(Team).order_by(Team.name)).all()
    for matches in (
        [team for team in teams if team.name == name],
        [team for team in teams if _folded(team.name) == wanted],
        [team for team in teams if wanted in _folded(team.name)],
    ):
        if len(matches) == 1:
            return matches[0]
        if matches:
            names = " / ".join(team.name for team in matches)
            raise InvalidInput("settings.error.several_teams", team=name[:100], teams=names)
    raise NotFound("settings.error.no_team", team=name[:100])


def _folded(name: str) -> str:
    return unicodedata.normalize("NFKC", name).casefold().strip()
