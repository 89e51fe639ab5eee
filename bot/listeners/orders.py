"""`/order`: status, list and update, answered in the ack (ephemeral). `/order change …` lines
go to the change requests (bot/listeners/order_changes.py)."""

from collections.abc import Callable

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.listeners import order_changes
from bot.listeners.replies import ack_command, answer
from bot.views import orders as views
from commands.orders import list_orders, order_status, update_order_status
from commands.orders import text as order_text
from commands.people import Actor
from storage.db import Database

COMMAND = "/order"


def order_command(
    ack: Ack,
    command: dict,
    actor: Actor,
    db: Database,
    notify: Callable[[], None],
    client: WebClient,
    respond: Respond,
) -> None:
    text = command.get("text", "")
    if order_changes.handles(text):
        order_changes.change_command(ack, command, actor, db, notify, client, respond)
        return
    reply = answer(actor, lambda: order_reply(db, actor, text, notify))
    ack_command(ack, reply, command, client, actor, respond)


def order_reply(db: Database, actor: Actor, text: str, notify: Callable[[], None]) -> dict:
    request = order_text.parse_order_command(text)
    if isinstance(request, order_text.ShowHelp):
        return views.order_help(actor.locale)
    if isinstance(request, order_text.ShowStatus):
        with db.reading() as connection:
            card = order_status(connection, actor, request.number)
        return views.order_card(card, actor.reader)
    with db.session() as session:
        if isinstance(request, order_text.ListOrders):
            page = list_orders(session, actor, request.scope, request.customer_query)
            return views.order_page(page, actor.locale)
        change = update_order_status(session, actor, request.number, request.status, request.note)
    notify()
    return views.status_changed(change, actor.locale)


def register(app: App) -> None:
    app.command(COMMAND)(order_command)
