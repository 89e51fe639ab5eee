"""`/quote`, its forms, the product type-ahead, and the manager's Approve / Reject buttons.

Replies go to the asker only (ephemeral). A quote's PDF and XLSX are made and uploaded to the
opportunity rep's DM after the ack (they take longer than Slack's three seconds allow): the
client retries what Slack fails, and what still fails is told, never raised."""

import logging
from collections.abc import Callable

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.i18n import t
from bot.listeners.replies import (
    Answer,
    FormToOpen,
    ack_command,
    answer,
    answer_click,
    answer_submission,
)
from bot.views import quotes as views
from commands.errors import InvalidInput
from commands.people import Actor, Reader, reader_for
from commands.products import find_products
from commands.quotes import (
    QuoteCard,
    accept_quote,
    approve_quote,
    check_can_decide,
    files_failed,
    make_quote,
    opportunity_quotes,
    quote_card,
    quote_files,
    quote_target,
    reject_quote,
    send_quote,
)
from commands.quotes import text as grammar
from storage.db import Database
from storage.models import utcnow

log = logging.getLogger(__name__)

COMMAND = "/quote"
FORM_FAILED = "quote.error.form_failed"
UPLOAD_ATTEMPTS = 2  # each on top of the client's own retries of 5xx, 429 and lost connections
Files = list[QuoteCard]  # quotes whose documents go out once the request is answered


# -- the command -----------------------------------------------------------------------------


def quote_command(
    ack: Ack,
    command: dict,
    actor: Actor,
    db: Database,
    notify: Callable[[], None],
    client: WebClient,
    respond: Respond,
) -> None:
    files: Files = []
    reply = answer(actor, lambda: answer_command(db, actor, command.get("text", ""), files))
    ack_command(ack, reply, command, client, actor, respond, FORM_FAILED)
    deliver_files(client, db, actor, files)
    notify()


def answer_command(db: Database, actor: Actor, typed: str, files: Files) -> Answer:
    now = utcnow()
    request = grammar.parse_quote_command(typed, actor.timezone, now)
    if isinstance(request, grammar.ShowHelp):
        return views.quote_help(actor.locale)
    if isinstance(request, grammar.OpenForm):
        return form_for(db, actor, request.opportunity_id)
    if isinstance(request, grammar.ShowQuote):
        with db.session() as session:
            return views.quote_message(quote_card(session, actor, request.number), actor.reader)
    if isinstance(request, grammar.ListQuotes):
        with db.session() as session:
            target = quote_target(session, actor, request.opportunity_id)
            cards = opportunity_quotes(session, actor, request.opportunity_id)
        return views.quote_list(cards, (target.id, target.title), actor.locale)
    if isinstance(request, grammar.QuickQuote):
        with db.session() as session:
            made = make_quote(
                session, actor, request.opportunity_id, request.lines, request.valid_until, now
            )
        files += [made.card] if made.card.has_files else []
        return views.made_message(made, actor.reader)
    return step(db, actor, request, files)


def step(db: Database, actor: Actor, request: grammar.QuoteStep, files: Files) -> Answer:
    if request.step == "reject" and not request.reason:
        return reason_form(db, actor, request.number)
    with db.session() as session:
        if request.step == "send":
            moved = send_quote(session, actor, request.number)
        elif request.step == "accept":
            moved = accept_quote(session, actor, request.number)
        elif request.step == "approve":
            moved = approve_quote(session, actor, request.number)
        else:
            moved = reject_quote(session, actor, request.number, request.reason)
    if moved.step in ("send", "approve"):
        files.append(moved.card)
    return views.moved_message(moved, actor.reader, moved.card.owner_name)


def form_for(db: Database, actor: Actor, opportunity_id: int) -> FormToOpen:
    with db.session() as session:
        target = quote_target(session, actor, opportunity_id, to_quote=True)
    about = t(
        actor.locale,
        "quote.modal.about",
        id=target.id,
        title=target.title,
        customer=target.customer,
        currency=target.currency,
    )
    return FormToOpen(views.quote_form(about, target.id, actor.locale))


def reason_form(db: Database, actor: Actor, number: str) -> FormToOpen:
    with db.session() as session:
        card = check_can_decide(session, actor, number)
    return FormToOpen(views.reject_form(card, actor.reader))


# -- the forms ---------------------------------------------------------------------------------


def quote_submitted(
    ack: Ack,
    view: dict,
    actor: Actor,
    db: Database,
    notify: Callable[[], None],
    client: WebClient,
) -> None:
    files: Files = []

    def make() -> dict:
        lines, valid_until = views.read_quote_form(submitted_values(view))
        if not lines:
            raise InvalidInput("quote.error.no_product")
        opportunity_id = grammar.parse_opportunity_id(view.get("private_metadata") or "")
        with db.session() as session:
            made = make_quote(session, actor, opportunity_id, lines, valid_until)
        files.extend([made.card] if made.card.has_files else [])
        return views.made_view(made, actor.reader)

    if answer_submission(ack, actor, make, (), "product_1"):
        deliver_files(client, db, actor, files)
        notify()


def reason_submitted(
    ack: Ack, view: dict, actor: Actor, db: Database, notify: Callable[[], None]
) -> None:
    def reject() -> dict:
        number = grammar.parse_quote_number(view.get("private_metadata") or "")
        reason = (submitted_values(view).get("reason", {}).get("value") or {}).get("value") or ""
        with db.session() as session:
            moved = reject_quote(session, actor, number, reason)
        text = views.moved_text(moved, actor.locale, moved.card.owner_name)
        return views.done_view(
            t(actor.locale, "quote.reject.title", number=number),
            views.quote_blocks(moved.card, actor.reader, [text]),
            actor.locale,
        )

    if answer_submission(ack, actor, reject, ("reason",), "reason"):
        notify()


def submitted_values(view: dict) -> dict:
    return view.get("state", {}).get("values", {})


def product_suggestions(ack: Ack, payload: dict, actor: Actor, db: Database) -> None:
    """The price list as the person types: SKU or part of either name, at most 50."""
    try:
        with db.session() as session:
            entries = find_products(session, (payload.get("value") or "")[:100])
        ack(options=[views.product_option(entry) for entry in entries])
    except Exception:
        log.exception("product suggestions failed for %s", actor.slack_user_id)
        ack(options=[])


# -- the buttons of the manager's message: the value is the quote's number -------------------


def approve_clicked(
    ack: Ack,
    body: dict,
    action: dict,
    actor: Actor,
    db: Database,
    notify: Callable[[], None],
    client: WebClient,
    respond: Respond,
) -> None:
    ack()
    files: Files = []
    request = grammar.QuoteStep("approve", str(action.get("value") or ""))
    reply = answer(actor, lambda: step(db, actor, checked(request), files))
    answer_click(body, reply, client, actor, respond, FORM_FAILED)
    deliver_files(client, db, actor, files)
    notify()


def reject_clicked(
    ack: Ack,
    body: dict,
    action: dict,
    actor: Actor,
    db: Database,
    client: WebClient,
    respond: Respond,
) -> None:
    ack()
    number = str(action.get("value") or "")
    reply = answer(actor, lambda: reason_form(db, actor, grammar.parse_quote_number(number)))
    answer_click(body, reply, client, actor, respond, FORM_FAILED)


def checked(request: grammar.QuoteStep) -> grammar.QuoteStep:
    """A button's value as typed: a replayed or forged value is read like any number."""
    return grammar.QuoteStep(request.step, grammar.parse_quote_number(request.number))


# -- the documents -----------------------------------------------------------------------------


def deliver_files(client: WebClient, db: Database, actor: Actor, cards: Files) -> None:
    """Each quote's PDF and XLSX to its opportunity rep's DM, in the rep's language; a
    failure is told to whoever asked, through the outbox (which waits out Slack)."""
    for card in cards:
        try:
            delivered = upload(client, db, actor, card)
        except Exception:
            log.exception("quote %s: its files could not be made", card.number)
            delivered = False
        if not delivered:
            with db.session() as session:
                files_failed(session, actor.slack_user_id, card.number, utcnow())


def upload(client: WebClient, db: Database, actor: Actor, card: QuoteCard) -> bool:
    with db.session() as session:
        reader = reader_for(session, card.owner_slack_id, actor.locale, actor.timezone)
    files = quote_files(card, views.document_labels(reader.locale, card.tax_inclusive))
    for attempt in range(1, UPLOAD_ATTEMPTS + 1):
        try:
            send_files(client, card, reader, files)
            return True
        except (SlackApiError, SlackClientError, OSError) as error:
            log.warning("quote %s files not uploaded (attempt %d): %s", card.number, attempt, error)
    return False


def send_files(client: WebClient, card: QuoteCard, reader: Reader, files) -> None:
    opened = client.conversations_open(users=card.owner_slack_id)
    channel = opened["channel"]["id"]
    client.files_upload_v2(
        channel=channel,
        initial_comment=views.files_comment(card, reader.locale),
        file_uploads=[
            {"file": files.pdf, "filename": files.pdf_name, "title": files.pdf_name},
            {"file": files.xlsx, "filename": files.xlsx_name, "title": files.xlsx_name},
        ],
    )


def register(app: App) -> None:
    app.command(COMMAND)(quote_command)
    app.view(views.QUOTE_FORM)(quote_submitted)
    app.view(views.REJECT_FORM)(reason_submitted)
    app.options(views.PRODUCT_SELECT)(product_suggestions)
    app.action(views.APPROVE)(approve_clicked)
    app.action(views.REJECT)(reject_clicked)
