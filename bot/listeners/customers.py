"""`/customer NAME|CODE`: a customer's card, only for those who may see the customer, only to
the asker; a name matching several customers offers a button per customer."""

import re

from slack_bolt import Ack, App, BoltContext, Respond

from bot.listeners.replies import reply_for
from bot.views import customers as views
from commands.customer_card import card_for_text, customer_card
from commands.customer_lookup import CustomerMatches
from commands.errors import InvalidInput, NotFound
from commands.people import Actor
from storage.db import Database

COMMAND = "/customer"
HELP_WORDS = ("help", "?", "帮助", "用法")
MAX_QUERY = 200


def register(app: App, db: Database, on_notify) -> None:
    @app.command(COMMAND)
    def customer_command(ack: Ack, command: dict, context: BoltContext) -> None:
        actor: Actor = context["actor"]
        ack(**reply_for(actor, lambda: answer(db, actor, command.get("text", ""))))

    @app.action(re.compile(rf"^{views.OPEN_ACTION}_\d+$"))
    def customer_chosen(ack: Ack, action: dict, context: BoltContext, respond: Respond) -> None:
        ack()
        actor: Actor = context["actor"]
        reply = reply_for(actor, lambda: card_by_id(db, actor, action.get("value") or ""))
        respond(replace_original=True, **reply)


def answer(db: Database, actor: Actor, text: str) -> dict:
    text = " ".join((text or "").split())
    if not text or text.lower() in HELP_WORDS:
        return views.customer_help(actor.locale)
    if len(text) > MAX_QUERY:
        raise InvalidInput("error.text_too_long", limit=MAX_QUERY)
    with db.session() as session:
        found = card_for_text(session, actor, text)
    if isinstance(found, CustomerMatches):
        return views.customer_choice(found, actor.locale)
    return views.customer_card(found, actor.locale, actor.timezone)


def card_by_id(db: Database, actor: Actor, value: str) -> dict:
    if not value.isdigit():
        raise NotFound("customer.error.not_found")
    with db.session() as session:
        card = customer_card(session, actor, int(value))
    return views.customer_card(card, actor.locale, actor.timezone)
