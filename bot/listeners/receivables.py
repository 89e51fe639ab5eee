"""`/receivable`: open invoices and their aging, one invoice, and payments recorded; answered in
the ack (ephemeral). The rep hears about a payment through the outbox."""

from collections.abc import Callable

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from sqlmodel import Session

from bot.listeners.replies import ack_command, answer
from bot.views import receivables as views
from commands.errors import NotFound
from commands.people import Actor
from commands.receivables import (
    InvoiceCard,
    ListReceivables,
    RecordPayment,
    ShowHelp,
    ShowInvoice,
    invoice_card,
    list_receivables,
    parse_receivable_command,
    record_payment,
)
from storage.db import Database
from storage.vocabulary import order_number

COMMAND = "/receivable"


def receivable_command(
    ack: Ack,
    command: dict,
    actor: Actor,
    db: Database,
    notify: Callable[[], None],
    client: WebClient,
    respond: Respond,
) -> None:
    text = command.get("text", "")
    reply = answer(actor, lambda: receivable_reply(db, actor, text, notify))
    ack_command(ack, reply, command, client, actor, respond)


def receivable_reply(db: Database, actor: Actor, text: str, notify: Callable[[], None]) -> dict:
    request = parse_receivable_command(text)
    if isinstance(request, ShowHelp):
        return views.receivable_help(actor.locale)
    if isinstance(request, RecordPayment):
        with db.session() as session:
            recorded = record_payment(session, actor, request)
        notify()
        return views.payment_recorded(recorded, actor.locale)
    with db.session() as session:
        if isinstance(request, ShowInvoice):
            return views.invoice_card(invoice_card(session, actor, request.number), actor.locale)
        return receivables_listed(session, actor, request)


def receivables_listed(session: Session, actor: Actor, request: ListReceivables) -> dict:
    card = invoice_named(session, actor, request)
    if card is not None:
        return views.invoice_card(card, actor.locale)
    page = list_receivables(session, actor, request.scope, request.customer_query)
    return views.receivable_page(page, actor.locale)


def invoice_named(session: Session, actor: Actor, request: ListReceivables) -> InvoiceCard | None:
    """`/receivable INV-2024-001`: a single word that is the number of an invoice one may see
    shows that invoice; anything else searches customers."""
    query = request.customer_query or ""
    number = order_number(query)
    if request.scope != "customer" or " " in query or number is None:
        return None
    try:
        return invoice_card(session, actor, number)
    except NotFound:
        return None


def register(app: App) -> None:
    app.command(COMMAND)(receivable_command)
