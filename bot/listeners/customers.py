"""`/customer NAME|CODE`: a customer's card, only for those who may see the customer, only to
the asker; a name matching several customers offers a button per customer."""

from slack_bolt import Ack, App, Respond

from bot.listeners.replies import answer
from bot.views import customers as views
from commands.customers import CustomerMatches, card_for_text, customer_card
from commands.errors import InvalidInput, NotFound
from commands.people import Actor
from storage.db import Database

COMMAND = "/customer"
HELP_WORDS = ("help", "?", "帮助", "用法")
MAX_QUERY = 200


def customer_command(ack: Ack, command: dict, actor: Actor, db: Database) -> None:
    ack(**answer(actor, lambda: command_reply(db, actor, command.get("text", ""))))


def customer_chosen(ack: Ack, action: dict, actor: Actor, db: Database, respond: Respond) -> None:
    ack()
    reply = answer(actor, lambda: card_by_id(db, actor, action.get("value") or ""))
    respond(replace_original=True, **reply)


def command_reply(db: Database, actor: Actor, text: str) -> dict:
    text = " ".join((text or "").split())
    if not text or text.lower() in HELP_WORDS:
        return views.customer_help(actor.locale)
    if len(text) > MAX_QUERY:
        raise InvalidInput("error.text_too_long", limit=MAX_QUERY)
    with db.session() as session:
        found = card_for_text(session, actor, text)
    if isinstance(found, CustomerMatches):
        return views.customer_choice(found, actor.locale)
    return views.customer_card(found, actor.reader)


def card_by_id(db: Database, actor: Actor, value: str) -> dict:
    if not value.isdigit():
        raise NotFound("customer.error.not_found")
    with db.session() as session:
        card = customer_card(session, actor, int(value))
    return views.customer_card(card, actor.reader)


def register(app: App) -> None:
    app.command(COMMAND)(customer_command)
    app.action(views.OPEN_BUTTON)(customer_chosen)
