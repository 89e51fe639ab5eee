"""`/visit`, the "Log as visit" message shortcut, the visit form and the buttons of a one-line
visit that named several customers. Replies are ephemeral; forms confirm in place."""

import re
from datetime import UTC, datetime

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.listeners.forms import FormToOpen, ack_with, answer_submission, open_form
from bot.listeners.replies import reply_for
from bot.views import visits as views
from bot.views.errors import error_text
from commands import visit_text
from commands.customer_lookup import match_customers
from commands.errors import InvalidInput
from commands.people import Actor
from commands.visits import (
    VisitLogged,
    VisitProblems,
    check_draft,
    log_quick_visit,
    log_visit,
    recent_visits,
)
from storage.db import Database
from storage.models import utcnow

COMMAND = "/visit"
FORM_FAILED = "visit.form_failed"
SHORTCUT = "log_as_visit"


def register(app: App, db: Database, on_notify) -> None:
    @app.command(COMMAND)
    def visit_command(
        ack: Ack, command: dict, context: BoltContext, client: WebClient, respond: Respond
    ) -> None:
        actor: Actor = context["actor"]
        answer = reply_for(actor, lambda: answer_command(db, actor, command.get("text", "")))
        ack_with(ack, answer, command, client, actor, respond, FORM_FAILED)
        on_notify()

    @app.message_shortcut(SHORTCUT)
    def log_as_visit(
        ack: Ack, shortcut: dict, context: BoltContext, client: WebClient, respond: Respond
    ) -> None:
        ack()
        actor: Actor = context["actor"]
        posted = shortcut.get("message") or {}
        view = views.visit_form(
            actor.locale,
            _posted_at(posted.get("ts")),
            summary=views.message_summary(str(posted.get("text") or "")),
        )
        open_form(client, shortcut.get("trigger_id", ""), view, actor, respond, FORM_FAILED)

    @app.view(views.CALLBACK_ID)
    def visit_submitted(ack: Ack, view: dict, context: BoltContext) -> None:
        actor: Actor = context["actor"]

        def log_visit() -> dict:
            logged = submit_form(db, actor, view.get("state", {}).get("values", {}))
            return views.logged_view(logged, actor.locale, actor.timezone)

        if answer_submission(
            ack,
            actor,
            "summary",
            log_visit,
            lambda error: error_text(error, actor.reader),
            lambda problems: views.form_errors(problems, actor.locale),
        ):
            on_notify()

    @app.action(re.compile(rf"^{views.PICK_ACTION}_\d+$"))
    def visit_customer_picked(
        ack: Ack, action: dict, context: BoltContext, respond: Respond
    ) -> None:
        ack()
        actor: Actor = context["actor"]
        reply = reply_for(actor, lambda: log_picked(db, actor, action.get("value") or ""))
        respond(replace_original=True, **reply)
        on_notify()

    @app.action(views.CANCEL_ACTION)
    def visit_choice_cancelled(ack: Ack, context: BoltContext, respond: Respond) -> None:
        ack()
        respond(replace_original=True, **views.cancelled(context["actor"].locale))


def answer_command(db: Database, actor: Actor, text: str) -> dict | FormToOpen:
    now = utcnow()
    request = visit_text.parse_visit_command(text, actor.timezone, now)
    locale = actor.locale
    if isinstance(request, visit_text.ShowHelp):
        return views.visit_help(locale)
    if isinstance(request, visit_text.OpenForm):
        return _form_for(db, actor, request.customer_text, now)
    with db.session() as session:
        if isinstance(request, visit_text.ListVisits):
            page = recent_visits(session, actor, request.customer_query)
            return views.visit_page(page, locale, actor.timezone, actor.role == "rep")
        outcome = log_quick_visit(session, actor, request, now)
    if isinstance(outcome, VisitLogged):
        return views.logged_message(outcome, locale, actor.timezone)
    return views.choice_message(outcome, locale)


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
    return views.logged_message(logged, actor.locale, actor.timezone)


def _form_for(db: Database, actor: Actor, customer_text: str | None, now: datetime):
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


def _posted_at(ts: object) -> datetime:
    """When the message was posted: the likeliest time of what it reports (never later than
    now)."""
    now = utcnow()
    try:
        posted = datetime.fromtimestamp(float(str(ts)), UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return now
    return min(posted, now)
