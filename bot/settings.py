"""Settings read from the environment, validated once at start."""

import os
import re
from dataclasses import dataclass, field
from functools import cache
from zoneinfo import available_timezones

from bot.i18n import t
from storage.vocabulary import language

LOCALES = ("en", "zh-CN")
DEFAULT_SLACK_API_URL = "https://slack.com/api/"
DEFAULT_DATABASE_URL = "sqlite:///salesdesk.db"
SUPPORTED_DATABASES = "sqlite:///FILE, postgresql+psycopg://USER@HOST/DB"
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
_URL_SCHEME = re.compile(r"^([a-z][a-z0-9+]*)://")


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
        """Every setting checked; all problems named in one message, in the operator's
        language (English while SALESDESK_LOCALE itself is the problem)."""
        env = os.environ if env is None else env

        def get(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        locale = operator_locale(env)
        problems: list[str] = []

        def read(reader, *args):
            try:
                return reader(*args)
            except SettingsError as problem:
                problems.append(str(problem))
                return None

        settings = cls(
            database_url=read(_database_url, get("DATABASE_URL"), locale),
            slack_bot_token=read(
                _token, get("SLACK_BOT_TOKEN"), "SLACK_BOT_TOKEN", "xoxb-", locale
            ),
            slack_signing_secret=get("SLACK_SIGNING_SECRET"),
            slack_app_token=read(
                _token, get("SLACK_APP_TOKEN"), "SLACK_APP_TOKEN", "xapp-", locale
            ),
            slack_api_url=read(_api_url, get("SLACK_API_URL"), locale),
            admins=read(_admins, get("SALESDESK_ADMINS"), locale),
            timezone=read(_timezone, get("SALESDESK_TIMEZONE"), locale),
            locale=read(_locale, get("SALESDESK_LOCALE")),
        )
        if problems:
            raise SettingsError(t(locale, "config.problems_joiner").join(problems))
        return settings

    def require(self, *names: str, why: str = "config.why.command") -> None:
        """Stop with one message naming every setting a mode needs that is absent; `why` is
        the catalog key of what needs them."""
        values = {
            "SLACK_BOT_TOKEN": self.slack_bot_token,
            "SLACK_SIGNING_SECRET": self.slack_signing_secret,
            "SLACK_APP_TOKEN": self.slack_app_token,
        }
        missing = [name for name in names if not values[name]]
        if len(missing) == 1:
            raise SettingsError(
                t(self.locale, "config.missing_one", name=missing[0], why=t(self.locale, why))
            )
        if missing:
            joined = t(self.locale, "list.separator").join(missing)
            raise SettingsError(
                t(self.locale, "config.missing_many", names=joined, why=t(self.locale, why))
            )


def operator_locale(env: dict[str, str] | None = None) -> str:
    """The language the terminal speaks: SALESDESK_LOCALE when it names one we speak."""
    env = os.environ if env is None else env
    return language(env.get("SALESDESK_LOCALE")) or "en"


def is_embedded_database(settings: Settings) -> bool:
    """True for the default SQLite file, the one the console may fill with demo data."""
    return settings.database_url == DEFAULT_DATABASE_URL


def _database_url(value: str | None, locale: str) -> str:
    if value is None:
        return DEFAULT_DATABASE_URL
    scheme = _URL_SCHEME.match(value)
    if not scheme:
        raise SettingsError(t(locale, "config.database_malformed", supported=SUPPORTED_DATABASES))
    if scheme.group(1) in ("postgres", "postgresql"):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    if scheme.group(1) not in ("sqlite", "postgresql+psycopg"):
        raise SettingsError(
            t(
                locale,
                "config.database_unsupported",
                scheme=scheme.group(1),
                supported=SUPPORTED_DATABASES,
            )
        )
    return value


def _token(value: str | None, name: str, prefix: str, locale: str) -> str | None:
    if value is not None and not value.startswith(prefix):
        raise SettingsError(t(locale, "config.token_malformed", name=name, prefix=prefix))
    return value


def _api_url(value: str | None, locale: str) -> str:
    if value is None:
        return DEFAULT_SLACK_API_URL
    if not re.match(r"^https?://[^/\s]+", value):
        raise SettingsError(t(locale, "config.api_url_malformed"))
    return value if value.endswith("/") else value + "/"


def _admins(value: str | None, locale: str) -> frozenset[str]:
    ids = [part.strip() for part in (value or "").split(",") if part.strip()]
    for user_id in ids:
        if not _USER_ID.match(user_id):
            raise SettingsError(t(locale, "config.admins_malformed", value=user_id))
    return frozenset(ids)


def _timezone(value: str | None, locale: str) -> str:
    """The zone's canonical IANA name, whatever the case it is written in."""
    if value is None:
        return "UTC"
    name = value if _is_zone(value) else _zones_by_folded_name().get(value.casefold())
    if name is None:
        raise SettingsError(t(locale, "config.timezone_malformed", value=value))
    return name


def _is_zone(name: str) -> bool:
    return name in _zones_by_folded_name().values()


@cache
def _zones_by_folded_name() -> dict[str, str]:
    return {name.casefold(): name for name in available_timezones()}


def _locale(value: str | None) -> str:
    if value is None:
        return "en"
    spoken = language(value)
    if spoken is None:
        raise SettingsError(t("en", "config.locale_malformed", value=value))
    return spoken
