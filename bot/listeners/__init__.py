"""One module per Slack surface; each registers its own listeners."""

from collections.abc import Callable

from slack_bolt import App

from bot.listeners import desk, orders
from bot.settings import Settings
from storage.db import Database

SLASH_COMMANDS = (orders.COMMAND, desk.COMMAND)


def register(app: App, db: Database, on_notify: Callable[[], None], settings: Settings) -> None:
    orders.register(app, db, on_notify)
    desk.register(app, db, settings)
