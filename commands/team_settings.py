"""Per-team settings: when the team's jobs run and the thresholds of its escalations.

Every threshold is a setting with a sensible default (DOMAIN.md): nothing is hard-coded.
"""

import re
from dataclasses import asdict, dataclass, fields, replace
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlmodel import Session, select

from commands.errors import Forbidden, InvalidInput, NotFound
from commands.people import Actor
from commands.records import audit
from storage.models import Team

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
}
_SLACK_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
_ROLES = ("desk", "manager", "admin")
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
        low, high = NUMBER_LIMITS[name]
        if not value.isdigit() or not low <= int(value) <= high:
            raise InvalidInput("settings.error.number", name=name, low=low, high=high)
        return int(value)
    if name in ("digest_time", "weekly_report_time"):
        match = _CLOCK.match(value)
        if match is None:
            raise InvalidInput("settings.error.clock", name=name, value=value[:60])
        return f"{int(match.group(1)):02d}:{match.group(2)}"
    if name == "weekly_report_day":
        if value.lower()[:3] not in WEEKDAYS:
            raise InvalidInput("settings.error.weekday", value=value[:60])
        return value.lower()[:3]
    if name == "aging_buckets":
        return _aging_buckets(value)
    if name == "legal_reviewers":
        return _id_list(value)
    if name == "contract_approver_roles":
        return _role_list(value)
    if name == "locale":
        if value not in ("en", "zh-CN"):
            raise InvalidInput("settings.error.locale", value=value[:60])
        return value
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


def _id_list(value: str) -> str:
    ids = [part.strip() for part in value.split(",") if part.strip()]
    bad = [user for user in ids if not _SLACK_ID.match(user)]
    if bad:
        raise InvalidInput("settings.error.user_ids", value=bad[0][:60])
    return ",".join(ids)


def _role_list(value: str) -> str:
    roles = [part.strip().lower() for part in value.split(",") if part.strip()]
    if not roles or any(role not in _ROLES for role in roles):
        raise InvalidInput("settings.error.roles", value=value[:60])
    return ",".join(roles)


def change_team_settings(
    session: Session, actor: Actor | None, team_name: str, changes: dict[str, str]
) -> TeamSettings:
    """Apply validated changes (all or nothing) and record them in the audit log.

    `actor` None means the operator at the command line.
    """
    if actor is not None and not actor.is_admin:
        raise Forbidden("settings.error.admins_only")
    team = session.exec(select(Team).where(Team.name == team_name)).first()
    if team is None:
        raise NotFound("settings.error.no_team", team=team_name[:100])
    typed = {name: validate_setting(name, value) for name, value in changes.items()}
    before = asdict(settings_of(team))
    if "timezone" in typed:
        team.timezone = typed.pop("timezone")
    if "digest_time" in typed:
        team.digest_time = typed.pop("digest_time")
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
