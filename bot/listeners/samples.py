"""`/sample`, its forms and the buttons of its messages (approve, reject, ship, deliver,
feedback). Replies go to the asker only (ephemeral); forms confirm in place; everyone else
hears through the outbox."""

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
from bot.views import samples as views
from bot.views.blocks import message, plain_section
from commands import sample_text
from commands.customers import match_customers
from commands.errors import InvalidInput
from commands.people import Actor
from commands.samples import (
    CustomerChoice,
    SampleMoved,
    SampleProblems,
    SampleRequested,
    approve_sample,
    check_can_decide,
    check_can_give_feedback,
    check_can_ship,
    check_draft,
    mark_delivered,
    open_samples,
    record_feedback,
    reject_sample,
    request_quick_sample,
    request_sample,
    sample_view,
    ship_sample,
)
from storage.db import Database
from storage.models import utcnow

COMMAND = "/sample"
FORM_FAILED = "sample.form_failed"


def register(app: App, db: Database, on_notify) -> None:
    @app.command(COMMAND)
    def sample_command(
        ack: Ack, command: dict, context: BoltContext, client: WebClient, respond: Respond
    ) -> None:
        actor: Actor = context["actor"]
        answer = answer_for(
            actor, lambda: answer_command(db, actor, command.get("text", "")), views.error_reply
        )
        ack_with(ack, answer, command, client, actor, respond, FORM_FAILED)
        on_notify()

    @app.view(views.REQUEST_FORM)
    def request_submitted(ack: Ack, view: dict, context: BoltContext) -> None:
        actor: Actor = context["actor"]
        reader = reader_of(actor)

        def request() -> dict:
            requested = submit_request(db, actor, view.get("state", {}).get("values", {}))
            return views.requested_view(requested, *reader_pair(actor))

        if answer_submission(
            ack,
            actor,
            "product",
            request,
            lambda error: views.error_text(error, reader),
            lambda problems: views.form_errors(problems, reader),
        ):
            on_notify()

    def step_form(callback_id: str, block_id: str, step: Callable) -> None:
        """A step's form (reason, tracking number, feedback): done in place, or the problem
        shown under its field."""

        @app.view(callback_id)
        def step_submitted(ack: Ack, view: dict, context: BoltContext) -> None:
            actor: Actor = context["actor"]
            reader = reader_of(actor)
            text = views.form_text(view.get("state", {}).get("values", {}), block_id)

            def move_sample() -> dict:
                sample_id = views.form_sample_id(view)
                if sample_id is None:
                    raise InvalidInput("sample.error.bad_id", word="?")
                with db.session() as session:
                    moved = step(session, actor, sample_id, text)
                done = views.moved_text(moved, actor.slack_user_id, actor.locale)
                title = views.status_label(moved.card.status, actor.locale)
                return views.done_view(title, [done], actor.locale)

            if answer_submission(
                ack, actor, block_id, move_sample, lambda error: views.error_text(error, reader)
            ):
                on_notify()

    step_form(views.REJECT_FORM, "reason", reject_sample)
    step_form(views.SHIP_FORM, "tracking", ship_sample)
    step_form(views.FEEDBACK_FORM, "feedback", record_feedback)

    def button(name: str, act: Callable[[Actor, int], dict | FormToOpen]) -> None:
        """A button of a sample message: its value is the sample's id. What it does is told
        to the clicker alone; a step already taken is told politely, and nothing changes."""

        @app.action(views.ACTIONS[name])
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

            def produce() -> dict | FormToOpen:
                return act(actor, sample_text.parse_sample_id(str(action.get("value") or "")))

            answer = answer_for(actor, produce, views.error_reply)
            reply_to_click(body, answer, client, actor, respond, FORM_FAILED)
            on_notify()

    button("approve", lambda actor, sample_id: decide(db, actor, sample_id))
    button("reject", lambda actor, sample_id: ask(db, actor, sample_id, "reject"))
    button("ship", lambda actor, sample_id: ask(db, actor, sample_id, "ship"))
    button("deliver", lambda actor, sample_id: deliver(db, actor, sample_id))
    button("feedback", lambda actor, sample_id: ask(db, actor, sample_id, "feedback"))


def answer_command(db: Database, actor: Actor, text: str) -> dict | FormToOpen:
    now = utcnow()
    request = sample_text.parse_sample_command(text, actor.timezone, now)
    reader = reader_of(actor)
    if isinstance(request, sample_text.ShowHelp):
        return views.sample_help(actor.locale)
    if isinstance(request, sample_text.OpenForm):
        return _form_for(db, actor, request.customer_text)
    if isinstance(request, sample_text.ListSamples):
        with db.session() as session:
            return views.sample_page(open_samples(session, actor), actor.locale)
    if isinstance(request, sample_text.ShowSample):
        with db.session() as session:
            return views.sample_card(sample_view(session, actor, request.sample_id), reader)
    if isinstance(request, sample_text.QuickSample):
        with db.session() as session:
            outcome = request_quick_sample(session, actor, request, now)
        return _requested_or_choice(outcome, actor)
    return _step(db, actor, request)


def _step(db: Database, actor: Actor, request) -> dict | FormToOpen:
    """approve / reject / ship / delivered / feedback: done when complete, else its form."""
    sample_id = request.sample_id
    if isinstance(request, sample_text.Approve):
        return decide(db, actor, sample_id)
    if isinstance(request, sample_text.Deliver):
        return deliver(db, actor, sample_id)
    if isinstance(request, sample_text.Reject) and request.reason:
        return _moved(db, actor, lambda s: reject_sample(s, actor, sample_id, request.reason))
    if isinstance(request, sample_text.Ship) and request.tracking_no:
        return _moved(db, actor, lambda s: ship_sample(s, actor, sample_id, request.tracking_no))
    if isinstance(request, sample_text.Feedback) and request.text:
        return _moved(db, actor, lambda s: record_feedback(s, actor, sample_id, request.text))
    step = {sample_text.Reject: "reject", sample_text.Ship: "ship"}.get(type(request))
    return ask(db, actor, sample_id, step or "feedback")


def decide(db: Database, actor: Actor, sample_id: int) -> dict:
    return _moved(db, actor, lambda session: approve_sample(session, actor, sample_id))


def deliver(db: Database, actor: Actor, sample_id: int) -> dict:
    return _moved(db, actor, lambda session: mark_delivered(session, actor, sample_id))


def ask(db: Database, actor: Actor, sample_id: int, step: str) -> FormToOpen:
    """The form of a step that needs words (reason, tracking number, feedback), once it is
    clear the actor may take that step now."""
    check, form = {
        "reject": (check_can_decide, views.reject_form),
        "ship": (check_can_ship, views.ship_form),
        "feedback": (check_can_give_feedback, views.feedback_form),
    }[step]
    with db.session() as session:
        card = check(session, actor, sample_id)
    return FormToOpen(form(card, actor.locale))


def submit_request(db: Database, actor: Actor, values: dict) -> SampleRequested:
    """Every problem with the form at once, each under its field; else the request, sent."""
    now = utcnow()
    draft, problems = views.read_request_form(values)
    try:
        check_draft(actor, draft, now)
    except SampleProblems as found:
        problems = {**found.problems, **problems}
    if problems:
        raise SampleProblems(problems)
    with db.session() as session:
        return request_sample(session, actor, draft, now)


def _moved(db: Database, actor: Actor, change: Callable) -> dict:
    with db.session() as session:
        moved: SampleMoved = change(session)
    return views.moved_message(moved, actor.slack_user_id, actor.locale)


def _requested_or_choice(outcome: SampleRequested | CustomerChoice, actor: Actor):
    if isinstance(outcome, SampleRequested):
        return views.requested_message(outcome, *reader_pair(actor))
    text = views.choice_text(outcome.matches, actor.locale)
    note = message(text, [plain_section(text)])
    if outcome.matches.close or not outcome.matches.matches:
        return note
    return FormToOpen(views.request_form(actor.locale, draft=outcome.draft), note)


def _form_for(db: Database, actor: Actor, customer_text: str | None) -> FormToOpen:
    """The form; with a customer named, that customer chosen. A name that matches no single
    customer is more likely a one-line request missing its semicolons."""
    customer = None
    if customer_text:
        with db.session() as session:
            matches = match_customers(session, actor, customer_text)
        if matches.found is None:
            raise InvalidInput("sample.error.no_parts", text=customer_text[:100])
        customer = matches.found
    return FormToOpen(views.request_form(actor.locale, customer=customer))


def reader_pair(actor: Actor) -> tuple[str, str]:
    return actor.locale, actor.timezone
