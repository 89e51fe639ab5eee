"""`/desk`: team settings for admins, from Slack."""

from dataclasses import asdict

from slack_bolt import Ack, App, BoltContext
from sqlmodel import select

from bot.i18n import t
from bot.listeners.replies import reply_for
from bot.settings import Settings
from bot.views.blocks import message, mrkdwn_section, notice, plain_section
from commands.errors import Forbidden, InvalidInput
from commands.people import Actor
from commands.team_settings import change_team_settings, settings_of
from storage.db import Database
from storage.models import Team

COMMAND = "/desk"


def register(app: App, db: Database, settings: Settings) -> None:
    @app.command(COMMAND)
    def desk_command(ack: Ack, command: dict, context: BoltContext) -> None:
        actor: Actor = context["actor"]
        ack(**reply_for(actor, lambda: answer(db, settings, actor, command.get("text", ""))))


def answer(db: Database, settings: Settings, actor: Actor, text: str) -> dict:
    words = text.split()
    locale = actor.locale
    if not words or words[0].lower() in ("help", "帮助"):
        return message(t(locale, "settings.help"), [mrkdwn_section(t(locale, "settings.help"))])
    if words[0].lower() in ("settings", "设置"):
        return _show(db, settings, actor)
    if words[0].lower() == "set":
        return _change(db, actor, words[1:])
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
    """`set TEAM NAME… name=value …`: the team is every word before the first name=value."""
    split = next((i for i, word in enumerate(words) if "=" in word), len(words))
    team, pairs = " ".join(words[:split]), words[split:]
    if not team or not pairs or any("=" not in pair for pair in pairs):
        raise InvalidInput("settings.error.usage")
    changes = dict(pair.split("=", 1) for pair in pairs)
    with db.session() as session:
        updated = asdict(change_team_settings(session, actor, team, changes))
    summary = ", ".join(f"{name}={updated[name]}" for name in changes)
    return message(
        summary, [plain_section(t(actor.locale, "settings.changed", team=team, changes=summary))]
    )
