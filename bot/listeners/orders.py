"""`/order`: status, list and update, answered in the ack (ephemeral)."""

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.listeners import order_changes
from bot.listeners.replies import reply_for
from bot.views import orders as views
from commands import order_text
from commands.orders import list_orders, order_status, update_order_status
from commands.people import Actor
from storage.db import Database

COMMAND = "/order"


def register(app: App, db: Database, on_notify) -> None:
    @app.command(COMMAND)
    def order_command(
        ack: Ack, command: dict, context: BoltContext, client: WebClient, respond: Respond
    ) -> None:
        actor: Actor = context["actor"]
        if order_changes.handles(command.get("text", "")):
            order_changes.change_command(db, actor, command, ack, client, respond, on_notify)
            return
        ack(**reply_for(actor, lambda: answer(db, actor, command.get("text", ""), on_notify)))


def answer(db: Database, actor: Actor, text: str, on_notify) -> dict:
    request = order_text.parse_order_command(text)
    locale = actor.locale
    if isinstance(request, order_text.ShowHelp):
        return views.order_help(locale)
    if isinstance(request, order_text.ShowStatus):
        with db.reading() as connection:
            card = order_status(connection, actor, request.number)
        return views.order_card(card, locale, actor.timezone)
    with db.session() as session:
        if isinstance(request, order_text.ListOrders):
            page = list_orders(session, actor, request.scope, request.customer_query)
            return views.order_page(page, locale)
        change = update_order_status(session, actor, request.number, request.status, request.note)
    on_notify()
    return views.status_changed(change, locale)
