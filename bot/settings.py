"""Settings read from the environment, validated once at start."""

import os
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

LOCALES = ("en", "zh-CN")
DEFAULT_SLACK_API_URL = "https://slack.com/api/"
DEFAULT_DATABASE_URL = "sqlite:///salesdesk.db"
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")


class SettingsError(Exception):
    """A setting is missing or malformed; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str = DEFAULT_SLACK_API_URL
    admins: frozenset[str] = field(default_factory=frozenset)
    timezone: str = "UTC"
    locale: str = "en"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Settings":
        env = os.environ if env is None else env

        def get(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        return cls(
            database_url=_database_url(get("DATABASE_URL")),
            slack_bot_token=_token(get("SLACK_BOT_TOKEN"), "SLACK_BOT_TOKEN", "xoxb-"),
            slack_signing_secret=get("SLACK_SIGNING_SECRET"),
            slack_app_token=_token(get("SLACK_APP_TOKEN"), "SLACK_APP_TOKEN", "xapp-"),
            slack_api_url=_api_url(get("SLACK_API_URL")),
            admins=_admins(get("SALESDESK_ADMINS")),
            timezone=_timezone(get("SALESDESK_TIMEZONE")),
            locale=_locale(get("SALESDESK_LOCALE")),
        )

    def require(self, *names: str) -> None:
        """Stop with a clear message when a setting a mode needs is absent."""
        values = {
            "SLACK_BOT_TOKEN": self.slack_bot_token,
            "SLACK_SIGNING_SECRET": self.slack_signing_secret,
            "SLACK_APP_TOKEN": self.slack_app_token,
        }
        for name in names:
            if not values[name]:
                raise SettingsError(f"{name} is not set: it is required for this command")


def _database_url(value: str | None) -> str:
    if value is None:
        return DEFAULT_DATABASE_URL
    if not re.match(r"^[a-z][a-z0-9+]*://", value):
        raise SettingsError(
            "DATABASE_URL is malformed: expected a SQLAlchemy URL such as "
            "sqlite:///salesdesk.db or postgresql+psycopg://user@host/db"
        )
    if value.startswith(("postgres://", "postgresql://")):
        value = "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def _token(value: str | None, name: str, prefix: str) -> str | None:
    if value is not None and not value.startswith(prefix):
        raise SettingsError(f"{name} is malformed: it should start with '{prefix}'")
    return value


def _api_url(value: str | None) -> str:
    if value is None:
        return DEFAULT_SLACK_API_URL
    if not re.match(r"^https?://[^/\s]+", value):
        raise SettingsError("SLACK_API_URL is malformed: expected an http(s) URL")
    return value if value.endswith("/") else value + "/"


def _admins(value: str | None) -> frozenset[str]:
    ids = [part.strip() for part in (value or "").split(",") if part.strip()]
    for user_id in ids:
        if not _USER_ID.match(user_id):
            raise SettingsError(
                f"SALESDESK_ADMINS is malformed: '{user_id}' is not a Slack user id "
                "(like U012ABCDEF)"
            )
    return frozenset(ids)


def _timezone(value: str | None) -> str:
    if value is None:
        return "UTC"
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise SettingsError(
            f"SALESDESK_TIMEZONE is malformed: '{value}' is not an IANA time zone "
            "(like Asia/Shanghai)"
        ) from None
    return value


def _locale(value: str | None) -> str:
    if value is None:
        return "en"
    for locale in LOCALES:
        if value.replace("_", "-").lower() == locale.lower():
            return locale
    raise SettingsError(f"SALESDESK_LOCALE is malformed: '{value}' is not one of en, zh-CN")
