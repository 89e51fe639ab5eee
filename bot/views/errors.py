"""Domain errors rendered as polite replies."""

from bot.i18n import t
from bot.views.blocks import notice
from bot.views.orders import status_label
from commands.errors import DomainError

_STATUS_PARAMS = ("status", "current")


def error_reply(error: DomainError, locale: str) -> dict:
    return notice(error_text(error, locale))


def error_text(error: DomainError, locale: str) -> str:
    params = dict(error.params)
    for name in _STATUS_PARAMS:
        if name in params:
            params[name] = status_label(str(params[name]), locale)
    if "allowed" in params:
        labels = [status_label(status, locale) for status in params["allowed"]]
        params["allowed"] = t(locale, "list.separator").join(labels) or t(locale, "list.none")
    return t(locale, error.key, **params)
