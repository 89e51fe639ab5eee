"""`/desk`: team settings for admins, and people added and deactivated, from Slack."""

from collections.abc import Callable
from dataclasses import asdict

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from sqlmodel import select

from bot.i18n import t
from bot.listeners import people
from bot.listeners.replies import reply_for
from bot.settings import Settings
from bot.views.blocks import message, mrkdwn_section, notice, plain_section
from commands.errors import Forbidden, InvalidInput
from commands.people import Actor
from commands.team_settings import change_settings_as_typed, settings_of
from storage.db import Database
from storage.models import Team

COMMAND = "/desk"


ADD_WORDS = ("add", "添加")
DEACTIVATE_WORDS = ("deactivate", "停用")


def register(
    app: App, db: Database, settings: Settings, on_notify: Callable[[], None] = lambda: None
) -> None:
    @app.command(COMMAND)
    def desk_command(ack: Ack, command: dict, context: BoltContext, client: WebClient) -> None:
        actor: Actor = context["actor"]
        text = command.get("text", "")
        ack(**reply_for(actor, lambda: answer(db, settings, actor, text, client, on_notify)))

    people.register(app, db, settings, on_notify)


def answer(
    db: Database,
    settings: Settings,
    actor: Actor,
    text: str,
    client: WebClient | None = None,
    on_notify: Callable[[], None] = lambda: None,
) -> dict:
    words = text.split()
    locale = actor.locale
    if not words or words[0].lower() in ("help", "帮助"):
        help_text = t(locale, "settings.help") + "\n\n" + t(locale, "people.help")
        return message(help_text, [mrkdwn_section(help_text)])
    if words[0].lower() in ("settings", "设置"):
        return _show(db, settings, actor)
    if words[0].lower() == "set":
        return _change(db, actor, words[1:])
    rest = text.split(maxsplit=1)[1] if len(words) > 1 else ""
    if words[0].lower() in ADD_WORDS:
        return people.add(db, client, actor, rest)
    if words[0].lower() in DEACTIVATE_WORDS:
        return people.deactivate_member(db, actor, rest, on_notify)
    raise InvalidInput("settings.error.usage")


def _show(db: Database, settings: Settings, actor: Actor) -> dict:
    if not actor.is_admin:
        raise Forbidden("settings.error.admins_only")
    lines = []
    with db.session() as session:
        for team in session.exec(select(Team).order_by(Team.name)):
            values = asdict(settings_of(team, settings.timezone, settings.locale))
            lines.append(t(actor.locale, "settings.title", team=team.name))
            lines += [f"  {name} = {value}" for name, value in values.items()]
    return notice("\n".join(lines))


def _change(db: Database, actor: Actor, words: list[str]) -> dict:
    """`set TEAM name=value …`, read by commands.team_settings.read_settings_text."""
    with db.session() as session:
        team, updated = change_settings_as_typed(session, actor, " ".join(words))
    summary = ", ".join(f"{name}={value}" for name, value in updated.items())
    return message(
        summary, [plain_section(t(actor.locale, "settings.changed", team=team, changes=summary))]
    )
