"""When a request fails before any listener can answer it (the database is down, most often):
a polite word in the person's language, never an empty HTTP 500."""

import json
import logging
from collections import OrderedDict
from threading import Lock

from slack_bolt import BoltContext, BoltResponse
from slack_sdk.errors import SlackClientError
from sqlalchemy.exc import SQLAlchemyError

from bot.i18n import t

log = logging.getLogger(__name__)
JSON = {"content-type": "application/json"}


class KnownLanguages:
    """The language of people seen recently, kept in memory so that a person can be answered
    in their own language while the database cannot say it."""

    def __init__(self, size: int = 10_000):
        self._size = size
        self._languages: OrderedDict[str, str] = OrderedDict()
        self._lock = Lock()

    def remember(self, user_id: str, locale: str) -> None:
        with self._lock:
            self._languages[user_id] = locale
            self._languages.move_to_end(user_id)
            if len(self._languages) > self._size:
                self._languages.popitem(last=False)

    def of(self, user_id: str | None) -> str | None:
        with self._lock:
            return self._languages.get(user_id) if user_id else None

    def middleware(self, context: BoltContext, next):
        """Remember the language of whoever the member resolver found."""
        actor = context.get("actor")
        if actor is not None:
            self.remember(actor.slack_user_id, actor.locale)
        return next()


def error_handler(languages: KnownLanguages, default_locale: str):
    def request_failed(error: Exception, body: dict, context: BoltContext, respond):
        log.error("request failed before it could be answered", exc_info=error)
        key = "error.unavailable" if isinstance(error, SQLAlchemyError) else "error.internal"
        actor = context.get("actor")
        locale = actor.locale if actor else languages.of(context.user_id)
        text = t(locale, key) if locale else _in_both_languages(key, default_locale)
        return _answer(body, respond, text, locale or default_locale)

    return request_failed


def _in_both_languages(key: str, default_locale: str) -> str:
    other = "zh-CN" if default_locale == "en" else "en"
    return f"{t(default_locale, key)}\n{t(other, key)}"


def _answer(body: dict, respond, text: str, locale: str) -> BoltResponse:
    """A slash command hears it in its reply, a form in a view pushed over it (so nothing typed
    is lost), a button through its response URL. An event is refused so Slack sends it again."""
    if "command" in body:
        reply = {"response_type": "ephemeral", "text": text}
        return BoltResponse(status=200, body=json.dumps(reply), headers=JSON)
    if body.get("type") == "view_submission":
        reply = {"response_action": "push", "view": _notice_view(text, locale)}
        return BoltResponse(status=200, body=json.dumps(reply), headers=JSON)
    if body.get("type") == "event_callback":
        return BoltResponse(status=500, body="")
    if body.get("response_url"):
        _tell(respond, text)
    return BoltResponse(status=200, body="")


def _notice_view(text: str, locale: str) -> dict:
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": t(locale, "error.unavailable_title")},
        "close": {"type": "plain_text", "text": t(locale, "error.unavailable_back")},
        "blocks": [{"type": "section", "text": {"type": "plain_text", "text": text}}],
    }


def _tell(respond, text: str) -> None:
    try:
        respond(text=text, response_type="ephemeral", replace_original=False)
    except (SlackClientError, OSError) as error:
        log.info("could not say the desk is unavailable: %s", error)
