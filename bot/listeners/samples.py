"""`/sample`, its forms and the buttons of its messages (approve, reject, ship, deliver,
feedback). Replies go to the asker only (ephemeral); forms confirm in place; everyone else
hears through the outbox."""

from collections.abc import Callable

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from sqlmodel import Session

from bot.listeners.replies import (
    Answer,
    FormToOpen,
    ack_command,
    answer,
    answer_click,
    answer_submission,
)
from bot.views import samples as views
from bot.views.blocks import notice
from commands.customers import match_customers
from commands.errors import InvalidInput
from commands.people import Actor
from commands.samples import (
    CustomerChoice,
    SampleCard,
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
    text,
)
from storage.db import Database
from storage.models import utcnow

COMMAND = "/sample"
FORM_FAILED = "sample.form_failed"


# -- the command -----------------------------------------------------------------------------


def sample_command(
    ack: Ack,
    command: dict,
    actor: Actor,
    db: Database,
    notify: Callable[[], None],
    client: WebClient,
    respond: Respond,
) -> None:
    reply = answer(actor, lambda: answer_command(db, actor, command.get("text", "")))
    ack_command(ack, reply, command, client, actor, respond, FORM_FAILED)
    notify()


def answer_command(db: Database, actor: Actor, typed: str) -> Answer:
    now = utcnow()
    request = text.parse_sample_command(typed, actor.timezone, now)
    if isinstance(request, text.ShowHelp):
        return views.sample_help(actor.locale)
    if isinstance(request, text.OpenForm):
        return form_for(db, actor, request.customer_text)
    if isinstance(request, text.ListSamples):
        with db.session() as session:
            return views.sample_page(open_samples(session, actor), actor.locale)
    if isinstance(request, text.ShowSample):
        with db.session() as session:
            return views.sample_card(sample_view(session, actor, request.sample_id), actor.reader)
    if isinstance(request, text.QuickSample):
        with db.session() as session:
            outcome = request_quick_sample(session, actor, request, now)
        return requested_or_choice(outcome, actor)
    return step_typed(db, actor, request)


def step_typed(db: Database, actor: Actor, request: text.StepCommand) -> Answer:
    """approve / reject / ship / delivered / feedback: done when complete, else its form."""
    if isinstance(request, text.Approve):
        return decide(db, actor, request.sample_id)
    if isinstance(request, text.Deliver):
        return deliver(db, actor, request.sample_id)
    if isinstance(request, text.Reject):
        if request.reason:
            return reject(db, actor, request.sample_id, request.reason)
        return reason_form(db, actor, request.sample_id)
    if isinstance(request, text.Ship):
        if request.tracking_no:
            return ship(db, actor, request.sample_id, request.tracking_no)
        return tracking_form(db, actor, request.sample_id)
    if request.text:
        return give_feedback(db, actor, request.sample_id, request.text)
    return feedback_form(db, actor, request.sample_id)


def form_for(db: Database, actor: Actor, customer_text: str | None) -> FormToOpen:
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


def requested_or_choice(outcome: SampleRequested | CustomerChoice, actor: Actor) -> Answer:
    """A one-line request sent; or, its customer unclear, the matches (and the form, filled in,
    when there is a choice to make)."""
    if isinstance(outcome, SampleRequested):
        return views.requested_message(outcome, actor.locale)
    note = notice(views.choice_text(outcome.matches, actor.locale))
    if outcome.matches.close or not outcome.matches.matches:
        return note
    return FormToOpen(views.request_form(actor.locale, draft=outcome.draft), note)


# -- the request form ------------------------------------------------------------------------


def request_submitted(
    ack: Ack, view: dict, actor: Actor, db: Database, notify: Callable[[], None]
) -> None:
    def request() -> dict:
        requested = submit_request(db, actor, submitted_values(view))
        return views.requested_view(requested, actor.locale)

    if answer_submission(ack, actor, request, views.REQUEST_FIELDS, "product"):
        notify()


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


# -- the forms of steps that need words --------------------------------------------------------


def reason_submitted(
    ack: Ack, view: dict, actor: Actor, db: Database, notify: Callable[[], None]
) -> None:
    submit_step(ack, view, actor, db, notify, "reason", reject_sample)


def tracking_submitted(
    ack: Ack, view: dict, actor: Actor, db: Database, notify: Callable[[], None]
) -> None:
    submit_step(ack, view, actor, db, notify, "tracking", ship_sample)


def feedback_submitted(
    ack: Ack, view: dict, actor: Actor, db: Database, notify: Callable[[], None]
) -> None:
    submit_step(ack, view, actor, db, notify, "feedback", record_feedback)


def submit_step(
    ack: Ack,
    view: dict,
    actor: Actor,
    db: Database,
    notify: Callable[[], None],
    field: str,
    step: Callable[[Session, Actor, int, str], SampleMoved],
) -> None:
    """A step's form (reason, tracking number, feedback): done in place, or the problem
    shown under its field."""

    def move_sample() -> dict:
        sample_id = views.form_sample_id(view)
        if sample_id is None:
            raise InvalidInput("sample.error.bad_id", word="?")
        words = views.form_text(submitted_values(view), field)
        with db.session() as session:
            moved = step(session, actor, sample_id, words)
        return views.moved_view(moved, actor.slack_user_id, actor.locale)

    if answer_submission(ack, actor, move_sample, (field,), field):
        notify()


def submitted_values(view: dict) -> dict:
    return view.get("state", {}).get("values", {})


# -- the buttons of sample messages: the value of each is the sample's id --------------------
# What a button does is told to the clicker alone; a step already taken is told politely, and
# nothing changes.


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
    reply = answer(actor, lambda: decide(db, actor, clicked_sample(action)))
    answer_click(body, reply, client, actor, respond, FORM_FAILED)
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
    reply = answer(actor, lambda: reason_form(db, actor, clicked_sample(action)))
    answer_click(body, reply, client, actor, respond, FORM_FAILED)


def ship_clicked(
    ack: Ack,
    body: dict,
    action: dict,
    actor: Actor,
    db: Database,
    client: WebClient,
    respond: Respond,
) -> None:
    ack()
    reply = answer(actor, lambda: tracking_form(db, actor, clicked_sample(action)))
    answer_click(body, reply, client, actor, respond, FORM_FAILED)


def deliver_clicked(
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
    reply = answer(actor, lambda: deliver(db, actor, clicked_sample(action)))
    answer_click(body, reply, client, actor, respond, FORM_FAILED)
    notify()


def feedback_clicked(
    ack: Ack,
    body: dict,
    action: dict,
    actor: Actor,
    db: Database,
    client: WebClient,
    respond: Respond,
) -> None:
    ack()
    reply = answer(actor, lambda: feedback_form(db, actor, clicked_sample(action)))
    answer_click(body, reply, client, actor, respond, FORM_FAILED)


def clicked_sample(action: dict) -> int:
    return text.parse_sample_id(str(action.get("value") or ""))


# -- the steps, typed or clicked -------------------------------------------------------------


def decide(db: Database, actor: Actor, sample_id: int) -> dict:
    with db.session() as session:
        moved = approve_sample(session, actor, sample_id)
    return views.moved_message(moved, actor.slack_user_id, actor.locale)


def reject(db: Database, actor: Actor, sample_id: int, reason: str) -> dict:
    with db.session() as session:
        moved = reject_sample(session, actor, sample_id, reason)
    return views.moved_message(moved, actor.slack_user_id, actor.locale)


def ship(db: Database, actor: Actor, sample_id: int, tracking_no: str) -> dict:
    with db.session() as session:
        moved = ship_sample(session, actor, sample_id, tracking_no)
    return views.moved_message(moved, actor.slack_user_id, actor.locale)


def deliver(db: Database, actor: Actor, sample_id: int) -> dict:
    with db.session() as session:
        moved = mark_delivered(session, actor, sample_id)
    return views.moved_message(moved, actor.slack_user_id, actor.locale)


def give_feedback(db: Database, actor: Actor, sample_id: int, words: str) -> dict:
    with db.session() as session:
        moved = record_feedback(session, actor, sample_id, words)
    return views.moved_message(moved, actor.slack_user_id, actor.locale)


# The form of a step that needs words, once it is clear the actor may take that step now.


def reason_form(db: Database, actor: Actor, sample_id: int) -> FormToOpen:
    with db.session() as session:
        card: SampleCard = check_can_decide(session, actor, sample_id)
    return FormToOpen(views.reject_form(card, actor.locale))


def tracking_form(db: Database, actor: Actor, sample_id: int) -> FormToOpen:
    with db.session() as session:
        card = check_can_ship(session, actor, sample_id)
    return FormToOpen(views.ship_form(card, actor.locale))


def feedback_form(db: Database, actor: Actor, sample_id: int) -> FormToOpen:
    with db.session() as session:
        card = check_can_give_feedback(session, actor, sample_id)
    return FormToOpen(views.feedback_form(card, actor.locale))


def register(app: App) -> None:
    app.command(COMMAND)(sample_command)
    app.view(views.REQUEST_FORM)(request_submitted)
    app.view(views.REJECT_FORM)(reason_submitted)
    app.view(views.SHIP_FORM)(tracking_submitted)
    app.view(views.FEEDBACK_FORM)(feedback_submitted)
    app.action(views.APPROVE)(approve_clicked)
    app.action(views.REJECT)(reject_clicked)
    app.action(views.SHIP)(ship_clicked)
    app.action(views.DELIVER)(deliver_clicked)
    app.action(views.FEEDBACK)(feedback_clicked)
