"""One module per Slack surface; each registers its own listeners."""

from collections.abc import Callable

from slack_bolt import App

from bot.listeners import (
    contracts,
    customer_select,
    customers,
    deals,
    desk,
    home,
    lead_assignment,
    lead_pool,
    lead_progress,
    leaderboard,
    leads,
    meetings,
    order_changes,
    orders,
    people,
    pipeline,
    quotes,
    receivables,
    reports,
    samples,
    target_plans,
    targets,
    visits,
)
from bot.settings import Settings
from storage.db import Database

SLASH_COMMANDS = (
    orders.COMMAND,
    desk.COMMAND,
    visits.COMMAND,
    customers.COMMAND,
    meetings.COMMAND,
    samples.COMMAND,
    contracts.COMMAND,
    receivables.COMMAND,
    targets.COMMAND,
    leaderboard.COMMAND,
    leads.COMMAND,
    deals.COMMAND,
    pipeline.COMMAND,
    quotes.COMMAND,
    reports.COMMAND,
)


def register(app: App, db: Database, on_notify: Callable[[], None], settings: Settings) -> None:
    orders.register(app)
    visits.register(app)
    customers.register(app)
    customer_select.register(app)
    meetings.register(app)
    samples.register(app)
    home.register(app)
    contracts.register(app)
    order_changes.register(app)
    receivables.register(app)
    desk.register(app)
    people.register(app)
    targets.register(app)
    target_plans.register(app)
    leaderboard.register(app)
    leads.register(app)
    lead_assignment.register(app)
    lead_progress.register(app)
    lead_pool.register(app)
    deals.register(app)
    pipeline.register(app)
    quotes.register(app)
    reports.register(app)
