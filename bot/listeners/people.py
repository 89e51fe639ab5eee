"""People coming and going: `/desk add` and `/desk deactivate`, and Slack telling us that an
account was deactivated (the `user_change` event)."""

import logging
from collections.abc import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.settings import Settings
from bot.views.people import added_reply, handover_reply
from commands.errors import InvalidInput
from commands.handover import deactivate, mark_left
from commands.people import Actor, SlackProfile, add_member, not_yet_a_member
from commands.people_text import member_named, read_add, read_deactivate
from storage.db import Database
from storage.models import utcnow
from storage.vocabulary import language

log = logging.getLogger(__name__)


def user_changed(event: dict, db: Database, settings: Settings, notify: Callable[[], None]) -> None:
    """Slack deactivated an account: the member is inactive from now on, and whoever must act on
    their open records is told."""
    user = event.get("user") or {}
    if not user.get("deleted") or not user.get("id"):
        return
    with db.session() as session:
        told = mark_left(session, user["id"], settings.admins, utcnow())
    if told:
        log.info("member %s was deactivated in Slack", user["id"])
        notify()


def member_added(db: Database, client: WebClient, actor: Actor, text: str) -> dict:
    request = read_add(text)
    with db.session() as session:
        slack_id = member_named(session, request.person)
        not_yet_a_member(session, slack_id)
    profile = slack_profile(client, slack_id)
    with db.session() as session:
        added = add_member(session, actor, profile, request.role, request.team)
    return added_reply(added, actor.locale)


def member_deactivated(db: Database, actor: Actor, text: str, notify: Callable[[], None]) -> dict:
    leaving, taking_over = read_deactivate(text)
    with db.session() as session:
        handover = deactivate(
            session,
            actor,
            member_named(session, leaving),
            member_named(session, taking_over, active_only=True),
            utcnow(),
        )
    if handover.total:
        notify()
    return handover_reply(handover, actor.locale)


def slack_profile(client: WebClient, slack_id: str) -> SlackProfile:
    """Who Slack says `slack_id` is; a bot, a deactivated account or no such user is refused."""
    try:
        user = client.users_info(user=slack_id, include_locale=True)["user"]
    except SlackApiError as error:
        if error.response.get("error") == "user_not_found":
            raise InvalidInput("people.error.no_such_slack_user", user=slack_id) from None
        log.warning("users.info for %s failed: %s", slack_id, error)
        raise InvalidInput("people.error.slack_unreachable", user=slack_id) from None
    except (SlackClientError, OSError) as error:
        log.warning("users.info for %s failed: %s", slack_id, error)
        raise InvalidInput("people.error.slack_unreachable", user=slack_id) from None
    if user.get("is_bot") or user.get("deleted"):
        raise InvalidInput("people.error.not_a_person", user=slack_id)
    profile = user.get("profile") or {}
    name = user.get("real_name") or profile.get("real_name") or user.get("name") or slack_id
    return SlackProfile(slack_id, name, language(user.get("locale")), _zone(user.get("tz")))


def _zone(name: str | None) -> str | None:
    try:
        return name if name and ZoneInfo(name) else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def register(app: App) -> None:
    app.event("user_change")(user_changed)
