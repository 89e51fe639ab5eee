"""`/desk`: team settings and exchange rates for admins, and people added and deactivated,
from Slack."""

from collections.abc import Callable
from dataclasses import asdict

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from sqlmodel import select

from bot.listeners import people
from bot.listeners.replies import ack_command, answer
from bot.settings import Settings
from bot.views import desk as views
from bot.views import target_plans as target_views
from commands.errors import Forbidden, InvalidInput
from commands.people import Actor
from commands.targets.rates import list_rates, read_month, read_set_rate, set_rate
from commands.team_settings import change_settings_as_typed, settings_of
from storage.db import Database
from storage.models import Team

COMMAND = "/desk"

HELP_WORDS = ("help", "帮助")
SETTINGS_WORDS = ("settings", "设置")
SET_WORDS = ("set",)
ADD_WORDS = ("add", "添加")
DEACTIVATE_WORDS = ("deactivate", "停用")
RATE_WORDS = ("rate", "汇率")
RATES_WORDS = ("rates", "汇率表")


def desk_command(
    ack: Ack,
    command: dict,
    actor: Actor,
    db: Database,
    settings: Settings,
    notify: Callable[[], None],
    client: WebClient,
    respond: Respond,
) -> None:
    text = command.get("text", "")
    reply = answer(actor, lambda: desk_reply(db, settings, actor, text, client, notify))
    ack_command(ack, reply, command, client, actor, respond)


def desk_reply(
    db: Database,
    settings: Settings,
    actor: Actor,
    text: str,
    client: WebClient,
    notify: Callable[[], None],
) -> dict:
    words = text.split()
    verb = words[0].lower() if words else ""
    rest = text.split(maxsplit=1)[1] if len(words) > 1 else ""
    if not verb or verb in HELP_WORDS:
        return views.desk_help(actor.locale)
    if verb in SETTINGS_WORDS:
        return settings_shown(db, settings, actor)
    if verb in SET_WORDS:
        return settings_changed(db, actor, " ".join(words[1:]))
    if verb in ADD_WORDS:
        return people.member_added(db, client, actor, rest)
    if verb in DEACTIVATE_WORDS:
        return people.member_deactivated(db, actor, rest, notify)
    if verb in RATE_WORDS + RATES_WORDS:
        return rates_reply(db, actor, words[1:], listing=verb in RATES_WORDS)
    raise InvalidInput("settings.error.usage")


def settings_shown(db: Database, settings: Settings, actor: Actor) -> dict:
    if not actor.is_admin:
        raise Forbidden("settings.error.admins_only")
    with db.session() as session:
        teams = [
            (team.name, asdict(settings_of(team, settings.timezone, settings.locale)))
            for team in session.exec(select(Team).order_by(Team.name))
        ]
    return views.team_settings_list(teams, actor.locale)


def settings_changed(db: Database, actor: Actor, typed: str) -> dict:
    """`set TEAM name=value …`, read by commands.team_settings.read_settings_text."""
    with db.session() as session:
        team, updated = change_settings_as_typed(session, actor, typed)
    return views.settings_changed(team, updated, actor.locale)


def rates_reply(db: Database, actor: Actor, words: list[str], listing: bool) -> dict:
    """`rate MONTH CUR TO RATE` sets a rate; `rates [MONTH]` (or `汇率 [月份]`) lists them."""
    if listing or len(words) <= 1:
        month = read_month(words[0]) if words else None
        with db.session() as session:
            return target_views.rates_message(list_rates(session, month), actor.locale)
    request = read_set_rate(words)
    with db.session() as session:
        return target_views.rate_set_message(set_rate(session, actor, request), actor.locale)


def register(app: App) -> None:
    app.command(COMMAND)(desk_command)
