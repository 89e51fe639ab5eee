"""`/order change …` (routed here from bot/listeners/orders.py), the change request form, and
the Accept / Decline buttons of the desk's messages with their small form for a note."""

from collections.abc import Callable

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.listeners.forms import (
    FormToOpen,
    ack_with,
    answer_for,
    answer_submission,
    reader_of,
    reply_to_click,
)
from bot.views import order_changes as views
from commands import order_text
from commands.errors import DomainError, InvalidInput
from commands.order_changes import (
    ChangeProblems,
    check_can_decide,
    check_draft,
    decide_change,
    list_changes,
    order_for_change,
    request_change,
)
from commands.people import Actor
from storage.db import Database
from storage.models import utcnow

FORM_FAILED = "order_change.form_failed"


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
    db: Database,
    actor: Actor,
    command: dict,
    ack: Ack,
    client: WebClient,
    respond: Respond,
    on_notify: Callable[[], None],
) -> None:
    """Answer in the ack, or ack and open the form."""
    answer = answer_for(
        actor, lambda: answer_command(db, actor, command.get("text", "")), views.error_reply
    )
    ack_with(ack, answer, command, client, actor, respond, FORM_FAILED)
    on_notify()


def register(app: App, db: Database, on_notify) -> None:
    @app.view(views.REQUEST_FORM)
    def request_submitted(ack: Ack, view: dict, context: BoltContext) -> None:
        actor: Actor = context["actor"]
        reader = reader_of(actor)

        def request() -> dict:
            requested = submit_request(db, actor, view)
            return views.done_view(views.requested_lines(requested, reader), actor.locale)

        if answer_submission(
            ack,
            actor,
            "description",
            request,
            lambda error: views.error_text(error, reader),
            lambda problems: views.form_errors(problems, reader),
        ):
            on_notify()

    @app.view(views.DECIDE_FORM)
    def decision_submitted(ack: Ack, view: dict, context: BoltContext) -> None:
        actor: Actor = context["actor"]
        reader = reader_of(actor)
        note = views.form_text(view.get("state", {}).get("values", {}), "note")

        def decide() -> dict:
            target = views.decide_form_target(view)
            if target is None:
                raise InvalidInput("order_change.error.decide_usage")
            accept, change_id = target
            with db.session() as session:
                decided = decide_change(session, actor, change_id, accept, note)
            return views.done_view(views.decided_lines(decided, reader), actor.locale)

        if answer_submission(
            ack, actor, "note", decide, lambda error: views.error_text(error, reader)
        ):
            on_notify()

    def button(verb: str) -> None:
        """Accept or Decline on a desk message: the form for a note, once it is clear the
        clicker decides for this order and the request still waits; else a polite word."""

        @app.action(views.ACTIONS[verb])
        def clicked(
            ack: Ack,
            body: dict,
            action: dict,
            context: BoltContext,
            client: WebClient,
            respond: Respond,
        ) -> None:
            ack()
            actor: Actor = context["actor"]

            def produce() -> FormToOpen:
                value = str(action.get("value") or "")
                if not value.isdigit() or len(value) > 10:
                    raise InvalidInput("order_change.error.decide_usage")
                with db.session() as session:
                    card = check_can_decide(session, actor, int(value))
                return FormToOpen(views.decide_form(card, verb == "accept", reader_of(actor)))

            answer = answer_for(actor, produce, views.error_reply)
            reply_to_click(body, answer, client, actor, respond, FORM_FAILED)

    button("accept")
    button("decline")


def answer_command(db: Database, actor: Actor, text: str) -> dict | FormToOpen:
    request = order_text.parse_order_command(text)
    reader = reader_of(actor)
    if isinstance(request, order_text.RequestChange):
        if request.number is None:
            return views.change_help(actor.locale)
        with db.session() as session:
            order = order_for_change(session, actor, request.number)
        return FormToOpen(views.request_form(order, actor.locale))
    if isinstance(request, order_text.ListChanges):
        with db.session() as session:
            return views.change_page(list_changes(session, actor, request.number), reader)
    with db.session() as session:
        decided = decide_change(session, actor, request.change_id, request.accept, request.note)
    return views.lines_message(views.decided_lines(decided, reader))


def submit_request(db: Database, actor: Actor, view: dict):
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
