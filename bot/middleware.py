"""Global middleware: every request is resolved to a member before any listener runs."""

import json
import logging

from slack_bolt import BoltContext, BoltResponse
from slack_sdk import WebClient
from slack_sdk.errors import SlackClientError

from bot.i18n import normalise_locale, t
from bot.settings import Settings
from commands.people import actor_for, bootstrap_admin, find_member
from storage.db import Database

log = logging.getLogger(__name__)


def member_resolver(db: Database, settings: Settings):
    def resolve_member(context: BoltContext, body: dict, client: WebClient, respond, next):
        user_id = context.user_id
        if not user_id:
            return next()
        with db.session() as session:
            found = find_member(session, user_id)
            if found is None and user_id in settings.admins:
                found = (bootstrap_admin(session, user_id, body.get("user_name", "")), None)
            if found is None:
                return _not_a_member(body, respond, settings.locale)
            member, team = found
            if member.locale is None and member.slack_locale is None:
                member.slack_locale = _slack_locale(client, user_id, settings.locale)
            context["actor"] = actor_for(
                member,
                team,
                admins=settings.admins,
                default_locale=settings.locale,
                default_timezone=settings.timezone,
            )
        return next()

    return resolve_member


def _tell_quietly(respond, text: str) -> None:
    try:
        respond(text=text, response_type="ephemeral", replace_original=False)
    except (SlackClientError, OSError) as error:
        log.info("could not tell a non-member: %s", error)


def _slack_locale(client: WebClient, user_id: str, default: str) -> str | None:
    """Ask Slack once for the user's language (one we do not speak reads as the default);
    a failure means the default for now and another try next time."""
    try:
        user = client.users_info(user=user_id, include_locale=True)["user"]
    except (SlackClientError, OSError, KeyError) as error:
        log.info("could not read the Slack locale of %s: %s", user_id, error)
        return None
    return normalise_locale(user.get("locale")) or default


def _not_a_member(body: dict, respond, locale: str) -> BoltResponse:
    """A polite word and no data: in the reply to a command, through the response URL of a
    button or shortcut, and nothing at all for events such as opening the home tab."""
    text = t(locale, "error.not_a_member")
    if "command" not in body:
        if body.get("response_url"):
            _tell_quietly(respond, text)
        return BoltResponse(status=200, body="")
    reply = {"response_type": "ephemeral", "text": text}
    return BoltResponse(
        status=200, body=json.dumps(reply), headers={"content-type": "application/json"}
    )
