"""One module per Slack surface; each registers its own listeners."""

from collections.abc import Callable

from slack_bolt import App

from bot.listeners import orders
from storage.db import Database

SLASH_COMMANDS = (orders.COMMAND,)


def register(app: App, db: Database, on_notify: Callable[[], None]) -> None:
    orders.register(app, db, on_notify)
