"""`/visit`, the "Log as visit" message shortcut, the visit form and the buttons of a one-line
visit that named several customers. Replies are ephemeral; forms confirm in place."""

from collections.abc import Callable
from datetime import UTC, datetime

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.listeners.replies import FormToOpen, ack_command, answer, answer_submission, open_form
from bot.views import visits as views
from commands.customers import match_customers
from commands.errors import InvalidInput
from commands.people import Actor
from commands.visits import (
    ListVisits,
    OpenForm,
    ShowHelp,
    VisitLogged,
    VisitProblems,
    check_draft,
    log_quick_visit,
    log_visit,
    parse_visit_command,
    recent_visits,
)
from storage.db import Database
from storage.models import utcnow
from storage.statuses import Role

COMMAND = "/visit"
SHORTCUT = "log_as_visit"
FORM_FAILED = "visit.form_failed"


def visit_command(
    ack: Ack,
    command: dict,
    actor: Actor,
    db: Database,
    notify: Callable[[], None],
    client: WebClient,
    respond: Respond,
) -> None:
    reply = answer(actor, lambda: command_reply(db, actor, command.get("text", "")))
    ack_command(ack, reply, command, client, actor, respond, FORM_FAILED)
    notify()


def log_as_visit_chosen(
    ack: Ack, shortcut: dict, actor: Actor, client: WebClient, respond: Respond
) -> None:
    ack()
    posted = shortcut.get("message") or {}
    view = views.visit_form(
        actor.locale,
        posted_at(posted.get("ts")),
        summary=views.message_summary(str(posted.get("text") or "")),
    )
    open_form(client, shortcut.get("trigger_id", ""), view, actor, respond, FORM_FAILED)


def visit_form_submitted(
    ack: Ack, view: dict, actor: Actor, db: Database, notify: Callable[[], None]
) -> None:
    def logged_view() -> dict:
        logged = submit_form(db, actor, view.get("state", {}).get("values", {}))
        return views.logged_view(logged, actor.reader)

    if answer_submission(ack, actor, logged_view, views.BLOCK_IDS, views.FALLBACK_BLOCK):
        notify()


def visit_customer_picked(
    ack: Ack,
    action: dict,
    actor: Actor,
    db: Database,
    notify: Callable[[], None],
    respond: Respond,
) -> None:
    ack()
    reply = answer(actor, lambda: log_picked(db, actor, action.get("value") or ""))
    respond(replace_original=True, **reply)
    notify()


def visit_choice_cancelled(ack: Ack, actor: Actor, respond: Respond) -> None:
    ack()
    respond(replace_original=True, **views.cancelled(actor.locale))


def command_reply(db: Database, actor: Actor, text: str) -> dict | FormToOpen:
    now = utcnow()
    request = parse_visit_command(text, actor.timezone, now)
    if isinstance(request, ShowHelp):
        return views.visit_help(actor.locale)
    if isinstance(request, OpenForm):
        return form_for(db, actor, request.customer_text, now)
    with db.session() as session:
        if isinstance(request, ListVisits):
            page = recent_visits(session, actor, request.customer_query)
            return views.visit_page(page, actor.reader, actor.role == Role.rep)
        outcome = log_quick_visit(session, actor, request, now)
    if isinstance(outcome, VisitLogged):
        return views.logged_message(outcome, actor.reader)
    return views.choice_message(outcome, actor.locale)


def submit_form(db: Database, actor: Actor, values: dict) -> VisitLogged:
    """Every problem with the form at once, each under its field; else the visit, logged."""
    now = utcnow()
    draft, problems = views.read_form(values, now)
    try:
        check_draft(actor, draft, now)
    except VisitProblems as found:
        problems = {**found.problems, **problems}
    if problems:
        raise VisitProblems(problems)
    with db.session() as session:
        return log_visit(session, actor, draft, now)


def log_picked(db: Database, actor: Actor, value: str) -> dict:
    draft = views.draft_from_value(value)
    if draft is None:
        raise InvalidInput("visit.error.stale_choice")
    with db.session() as session:
        logged = log_visit(session, actor, draft)
    return views.logged_message(logged, actor.reader)


def form_for(db: Database, actor: Actor, customer_text: str | None, now: datetime) -> FormToOpen:
    """The form; with a customer named, that customer chosen when the name is clear. A name
    that matches nothing is more likely a one-line visit missing its semicolons."""
    customer = None
    if customer_text:
        with db.session() as session:
            matches = match_customers(session, actor, customer_text)
        if not matches.matches or matches.close:
            raise InvalidInput("visit.error.no_parts", text=customer_text)
        customer = matches.found
    return FormToOpen(views.visit_form(actor.locale, now, customer=customer))


def posted_at(ts: object) -> datetime:
    """When the message was posted: the likeliest time of what it reports (never later than
    now)."""
    now = utcnow()
    try:
        posted = datetime.fromtimestamp(float(str(ts)), UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return now
    return min(posted, now)


def register(app: App) -> None:
    app.command(COMMAND)(visit_command)
    app.message_shortcut(SHORTCUT)(log_as_visit_chosen)
    app.view(views.CALLBACK_ID)(visit_form_submitted)
    app.action(views.PICK_BUTTON)(visit_customer_picked)
    app.action(views.CANCEL_ACTION)(visit_choice_cancelled)
