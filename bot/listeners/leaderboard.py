"""`/leaderboard [PERIOD] [METRIC] [TEAM]`: reps ranked by attainment %, as much of the board as
the asker may see (the team's leaderboard_privacy); answered in the ack (ephemeral)."""

from datetime import datetime
from zoneinfo import ZoneInfo

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.listeners.replies import ack_command, answer
from bot.settings import Settings
from bot.views import leaderboard as views
from commands.people import Actor
from commands.targets.leaderboard import (
    ShowLeaderboardHelp,
    leaderboards_for,
    parse_leaderboard_command,
    visible_record,
)
from storage.db import Database

COMMAND = "/leaderboard"


def leaderboard_command(
    ack: Ack,
    command: dict,
    actor: Actor,
    db: Database,
    settings: Settings,
    client: WebClient,
    respond: Respond,
) -> None:
    text = command.get("text", "")
    reply = answer(actor, lambda: leaderboard_reply(db, settings, actor, text))
    ack_command(ack, reply, command, client, actor, respond)


def leaderboard_reply(db: Database, settings: Settings, actor: Actor, text: str) -> dict:
    today = datetime.now(ZoneInfo(actor.timezone)).date()
    request = parse_leaderboard_command(text, today)
    if isinstance(request, ShowLeaderboardHelp):
        return views.leaderboard_help(actor.locale)
    with db.session() as session:
        boards = leaderboards_for(
            session, actor, request, today, settings.timezone, settings.locale
        )
        records = [visible_record(board) for board in boards]
    return views.leaderboard_reply(records, actor.locale)


def register(app: App) -> None:
    app.command(COMMAND)(leaderboard_command)
