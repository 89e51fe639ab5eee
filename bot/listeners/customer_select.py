"""The customer type-ahead: options for every modal's `customer_select` external_select, from
the customers the person typing may see (at most 100, best matches first)."""

import logging

from slack_bolt import Ack, App

from bot.views.customer_select import ACTION_ID, customer_options
from commands.customers import search_customers
from commands.people import Actor
from storage.db import Database

log = logging.getLogger(__name__)


def customer_suggestions(ack: Ack, payload: dict, actor: Actor, db: Database) -> None:
    ack(options=suggestions(db, actor, payload.get("value") or ""))


def suggestions(db: Database, actor: Actor, typed: str) -> list[dict]:
    try:
        with db.session() as session:
            return customer_options(search_customers(session, actor, typed[:200]))
    except Exception:
        # An empty list reads as "no matches" in Slack; an error would read as a broken form.
        log.exception("customer suggestions failed for %s", actor.slack_user_id)
        return []


def register(app: App) -> None:
    app.options(ACTION_ID)(customer_suggestions)
