"""`/receivable`: open invoices and their aging, one invoice, and payments recorded; answered in
the ack (ephemeral). The rep hears about a payment through the outbox."""

from slack_bolt import Ack, App, BoltContext

from bot.listeners.replies import reply_for
from bot.views import receivables as views
from commands import receivable_text
from commands.errors import DomainError, NotFound
from commands.people import Actor
from commands.receivables import invoice_card, list_receivables, record_payment
from storage.db import Database
from storage.vocabulary import order_number

COMMAND = "/receivable"


def register(app: App, db: Database, on_notify) -> None:
    @app.command(COMMAND)
    def receivable_command(ack: Ack, command: dict, context: BoltContext) -> None:
        actor: Actor = context["actor"]
        ack(**reply_for(actor, lambda: answer(db, actor, command.get("text", ""), on_notify)))


def answer(db: Database, actor: Actor, text: str, on_notify) -> dict:
    locale = actor.locale
    try:
        request = receivable_text.parse_receivable_command(text)
        if isinstance(request, receivable_text.ShowHelp):
            return views.receivable_help(locale)
        if isinstance(request, receivable_text.RecordPayment):
            with db.session() as session:
                recorded = record_payment(session, actor, request)
            on_notify()
            return views.payment_recorded(recorded, locale)
        with db.session() as session:
            if isinstance(request, receivable_text.ShowInvoice):
                return views.invoice_card(invoice_card(session, actor, request.number), locale)
            card = _invoice_named(session, actor, request)
            if card is not None:
                return views.invoice_card(card, locale)
            page = list_receivables(session, actor, request.scope, request.customer_query)
            return views.receivable_page(page, locale)
    except DomainError as error:
        return views.receivable_error(error, locale)


def _invoice_named(session, actor: Actor, request: receivable_text.ListReceivables):
    """`/receivable INV-2024-001`: a single word that is the number of an invoice one may see
    shows that invoice; anything else searches customers."""
    query = request.customer_query or ""
    if request.scope != "customer" or " " in query or order_number(query) is None:
        return None
    try:
        return invoice_card(session, actor, order_number(query))
    except NotFound:
        return None
