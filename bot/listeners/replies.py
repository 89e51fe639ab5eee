"""Turning a domain action into a reply, with every failure a polite message."""

import logging
from collections.abc import Callable

from bot.i18n import t
from bot.views.blocks import notice
from bot.views.errors import error_reply
from commands.errors import DomainError
from commands.people import Actor

log = logging.getLogger(__name__)


def reply_for(actor: Actor, produce: Callable[[], dict]) -> dict:
    """Run `produce`; a domain error becomes its message, anything else a polite apology."""
    try:
        return produce()
    except DomainError as error:
        return error_reply(error, actor.locale)
    except Exception:
        log.exception("request failed for %s", actor.slack_user_id)
        return notice(t(actor.locale, "error.internal"))
