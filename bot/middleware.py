"""Global middleware: a slash command's text is made plain, and every request is resolved to
a member, before any listener runs."""

import json
import logging
import re
import unicodedata

from slack_bolt import BoltContext, BoltResponse
from slack_sdk import WebClient
from slack_sdk.errors import SlackClientError

from bot.i18n import normalise_locale, t
from bot.settings import Settings
from commands.people import Actor, actor_for, bootstrap_admin, find_actor, find_member
from storage.db import Database

log = logging.getLogger(__name__)
# Events whose user is the one they are about, not someone acting.
SUBJECT_EVENTS = ("user_change",)
# Any run of whitespace but a line break: spaces, tabs, the ideographic and no-break spaces.
_SPACES = re.compile(r"[^\S\n]+")


def services(**values: object):
    """What listeners need besides the request (the database, the outbox's wake-up, the
    settings), put in the context: Bolt passes each context value to a listener that names it
    as an argument, so a listener asks for `db` or `notify` the way it asks for `ack`."""

    def provide_services(context: BoltContext, next):
        context.update(values)
        return next()

    return provide_services


def plain_command_text(body: dict, next):
    """A slash command's text as its author meant it, for every listener alike."""
    if "command" in body and isinstance(body.get("text"), str):
        body["text"] = plain_text(body["text"])
    return next()


def plain_text(text: str) -> str:
    """Full-width letters, digits and signs read as their ASCII selves (NFKC: "ｓｔａｔｕｓ"
    is "status"), each run of spaces (the ideographic space too) one space, none at either end.
    Line breaks stay, for notes written on several lines."""
    lines = unicodedata.normalize("NFKC", text).replace("\u3000", " ").split("\n")
    return "\n".join(_SPACES.sub(" ", line).strip() for line in lines).strip()


def member_resolver(db: Database, settings: Settings):
    def resolve_member(context: BoltContext, body: dict, client: WebClient, respond, next):
        user_id = context.user_id
        if not user_id or body.get("event", {}).get("type") in SUBJECT_EVENTS:
            return next()
        with db.reading() as connection:
            actor = find_actor(
                connection,
                user_id,
                admins=settings.admins,
                default_locale=settings.locale,
                default_timezone=settings.timezone,
            )
        actor = actor or _complete_member(db, settings, user_id, body, client)
        if actor is None:
            return _not_a_member(body, respond, settings.locale)
        context["actor"] = actor
        return next()

    return resolve_member


def _complete_member(
    db: Database, settings: Settings, user_id: str, body: dict, client: WebClient
) -> Actor | None:
    """The slower path, taken until a member is complete: an admin named in the settings
    becomes a member, and a member's language is asked of Slack."""
    with db.session() as session:
        found = find_member(session, user_id)
        if found is None and user_id in settings.admins:
            admin = bootstrap_admin(session, user_id, body.get("user_name", ""))
            found = (admin, None) if admin else None
        if found is None:
            return None
        member, team = found
        if member.locale is None and member.slack_locale is None:
            member.slack_locale = _slack_locale(client, user_id, settings.locale)
        return actor_for(
            member,
            team,
            admins=settings.admins,
            default_locale=settings.locale,
            default_timezone=settings.timezone,
        )


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
