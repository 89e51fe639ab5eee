"""`/order change …` (routed here from bot/listeners/orders.py), the change request form, and
the Accept / Decline buttons of the desk's messages with their small form for a note."""

from collections.abc import Callable

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.listeners.replies import FormToOpen, ack_command, answer, answer_click, answer_submission
from bot.views import order_changes as views
from bot.views.order_changes import ACCEPT, DECIDE_FORM, DECLINE, REQUEST_FORM
from commands.errors import DomainError, InvalidInput
from commands.order_changes import (
    FORM_FIELDS,
    ChangeProblems,
    ChangeRequested,
    check_can_decide,
    check_draft,
    decide_change,
    list_changes,
    order_for_change,
    request_change,
)
from commands.orders import text as order_text
from commands.people import Actor
from storage.db import Database
from storage.models import utcnow

FORM_FAILED = "order_change.form_failed"
NOTE_FIELDS = ("note",)


def handles(text: str) -> bool:
    """Whether an `/order` line is about change requests."""
    try:
        request = order_text.parse_order_command(text)
    except DomainError:
        return False
    return isinstance(
        request, order_text.RequestChange | order_text.DecideChange | order_text.ListChanges
    )


def change_command(
    ack: Ack,
    command: dict,
    actor: Actor,
    db: Database,
    notify: Callable[[], None],
    client: WebClient,
    respond: Respond,
) -> None:
    """Answer in the ack, or ack and open the form."""
    reply = answer(actor, lambda: change_reply(db, actor, command.get("text", "")))
    ack_command(ack, reply, command, client, actor, respond, FORM_FAILED)
    notify()


def change_reply(db: Database, actor: Actor, text: str) -> dict | FormToOpen:
    request = order_text.parse_order_command(text)
    if isinstance(request, order_text.RequestChange):
        if request.number is None:
            return views.change_help(actor.locale)
        with db.session() as session:
            order = order_for_change(session, actor, request.number)
        return FormToOpen(views.request_form(order, actor.locale))
    if isinstance(request, order_text.ListChanges):
        with db.session() as session:
            return views.change_page(list_changes(session, actor, request.number), actor.reader)
    if isinstance(request, order_text.DecideChange):
        with db.session() as session:
            decided = decide_change(session, actor, request.change_id, request.accept, request.note)
        return views.lines_message(views.decided_lines(decided, actor.reader))
    return views.change_help(actor.locale)


def request_submitted(
    ack: Ack, view: dict, actor: Actor, db: Database, notify: Callable[[], None]
) -> None:
    def requested() -> dict:
        done = submit_request(db, actor, view)
        return views.done_view(views.requested_lines(done, actor.reader), actor.locale)

    if answer_submission(ack, actor, requested, FORM_FIELDS, "description"):
        notify()


def submit_request(db: Database, actor: Actor, view: dict) -> ChangeRequested:
    """Every problem with the form at once, each under its field; else the request, sent."""
    now = utcnow()
    draft, problems = views.read_request_form(view.get("state", {}).get("values", {}))
    try:
        check_draft(actor, draft, now)
    except ChangeProblems as found:
        problems = {**found.problems, **problems}
    if problems:
        raise ChangeProblems(problems)
    number = str(view.get("private_metadata") or "")
    with db.session() as session:
        return request_change(session, actor, order_text.parse_number(number), draft, now)


def decision_submitted(
    ack: Ack, view: dict, actor: Actor, db: Database, notify: Callable[[], None]
) -> None:
    note = views.form_text(view.get("state", {}).get("values", {}), "note")

    def decided() -> dict:
        target = views.decide_form_target(view)
        if target is None:
            raise InvalidInput("order_change.error.decide_usage")
        accept, change_id = target
        with db.session() as session:
            done = decide_change(session, actor, change_id, accept, note)
        return views.done_view(views.decided_lines(done, actor.reader), actor.locale)

    if answer_submission(ack, actor, decided, NOTE_FIELDS, "note"):
        notify()


def accept_clicked(
    ack: Ack,
    body: dict,
    action: dict,
    actor: Actor,
    db: Database,
    client: WebClient,
    respond: Respond,
) -> None:
    ack()
    reply = answer(actor, lambda: decide_form(db, actor, action, accept=True))
    answer_click(body, reply, client, actor, respond, FORM_FAILED)


def decline_clicked(
    ack: Ack,
    body: dict,
    action: dict,
    actor: Actor,
    db: Database,
    client: WebClient,
    respond: Respond,
) -> None:
    ack()
    reply = answer(actor, lambda: decide_form(db, actor, action, accept=False))
    answer_click(body, reply, client, actor, respond, FORM_FAILED)


def decide_form(db: Database, actor: Actor, action: dict, accept: bool) -> FormToOpen:
    """The form for a note, once it is clear the clicker decides for this order and the
    request still waits; else a polite word."""
    value = str(action.get("value") or "")
    if not value.isdigit() or len(value) > 10:
        raise InvalidInput("order_change.error.decide_usage")
    with db.session() as session:
        card = check_can_decide(session, actor, int(value))
    return FormToOpen(views.decide_form(card, accept, actor.reader))


def register(app: App) -> None:
    app.view(REQUEST_FORM)(request_submitted)
    app.view(DECIDE_FORM)(decision_submitted)
    app.action(ACCEPT)(accept_clicked)
    app.action(DECLINE)(decline_clicked)
