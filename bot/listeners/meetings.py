"""`/meeting`: the booking, move and minutes forms, the one-line forms, the list and its
buttons, and the "Book anyway" / "Move anyway" answers to a clash. Replies are ephemeral."""

import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.i18n import t
from bot.listeners.forms import FormToOpen, ack_with, open_form
from bot.listeners.replies import reply_for
from bot.views import meetings as views
from bot.views.customer_select import selected_customer_id
from bot.views.errors import error_text
from commands import meeting_text
from commands.errors import DomainError, InvalidInput
from commands.meeting_text import read_when
from commands.meetings import (
    Held,
    MeetingClash,
    MeetingProblems,
    MeetingRequest,
    book_meeting,
    cancel_meeting,
    confirm_held,
    drop_held,
    meeting_for_minutes,
    meeting_to_change,
    move_meeting,
    record_minutes,
    request_from_text,
    upcoming_meetings,
)
from commands.people import Actor
from storage.db import Database
from storage.models import utcnow

COMMAND = "/meeting"

log = logging.getLogger(__name__)


def register(app: App, db: Database, on_notify) -> None:
    @app.command(COMMAND)
    def meeting_command(
        ack: Ack, command: dict, context: BoltContext, client: WebClient, respond: Respond
    ) -> None:
        actor: Actor = context["actor"]
        answer = meeting_reply(actor, lambda: answer_command(db, actor, command.get("text", "")))
        ack_with(ack, answer, command, client, actor, respond, "error.internal")
        on_notify()

    @app.view(views.BOOK_CALLBACK)
    def booking_submitted(ack: Ack, view: dict, context: BoltContext) -> None:
        actor: Actor = context["actor"]
        submit(
            ack,
            actor,
            views.BOOK_FIELDS,
            "meeting.field.book_anyway",
            lambda: booking(db, actor, view),
        )
        on_notify()

    @app.view(views.MOVE_CALLBACK)
    def move_submitted(ack: Ack, view: dict, context: BoltContext) -> None:
        actor: Actor = context["actor"]
        submit(
            ack,
            actor,
            ("when", "duration"),
            "meeting.field.move_anyway",
            lambda: moving(db, actor, view),
        )
        on_notify()

    @app.view(views.MINUTES_CALLBACK)
    def minutes_submitted(ack: Ack, view: dict, context: BoltContext) -> None:
        actor: Actor = context["actor"]
        submit(ack, actor, ("minutes",), "", lambda: writing_minutes(db, actor, view))
        on_notify()

    @app.action(views.BOOK_ANYWAY_ACTION)
    def book_anyway(ack: Ack, action: dict, context: BoltContext, respond: Respond) -> None:
        ack()
        actor: Actor = context["actor"]
        reply = reply_for(actor, lambda: confirm(db, actor, _meeting_id(action)))
        respond(replace_original=True, **reply)
        on_notify()

    @app.action(views.DROP_HELD_ACTION)
    def drop(ack: Ack, action: dict, context: BoltContext, respond: Respond) -> None:
        ack()
        actor: Actor = context["actor"]
        respond(replace_original=True, **reply_for(actor, lambda: dropping(db, actor, action)))

    @app.action(views.MOVE_ANYWAY_ACTION)
    def move_anyway(ack: Ack, action: dict, context: BoltContext, respond: Respond) -> None:
        ack()
        actor: Actor = context["actor"]
        reply = meeting_reply(actor, lambda: move_as_shown(db, actor, action.get("value") or ""))
        respond(replace_original=True, **reply)
        on_notify()

    @app.action(views.CANCEL_ACTION)
    def cancel_clicked(ack: Ack, action: dict, context: BoltContext, respond: Respond) -> None:
        ack()
        actor: Actor = context["actor"]
        respond(**reply_for(actor, lambda: cancelling(db, actor, _meeting_id(action), None)))
        on_notify()

    @app.action(views.OPEN_MOVE_ACTION)
    def open_move(
        ack: Ack, body: dict, action: dict, context: BoltContext, client: WebClient, respond
    ) -> None:
        ack()
        actor: Actor = context["actor"]
        answer = reply_for(actor, lambda: move_form(db, actor, _meeting_id(action)))
        show(client, body, respond, actor, answer)

    @app.action(views.OPEN_MINUTES_ACTION)
    def open_minutes(
        ack: Ack, body: dict, action: dict, context: BoltContext, client: WebClient, respond
    ) -> None:
        ack()
        actor: Actor = context["actor"]
        answer = reply_for(actor, lambda: minutes_form(db, actor, _meeting_id(action)))
        show(client, body, respond, actor, answer)


# -- the slash command ---------------------------------------------------------------------


def meeting_reply(actor: Actor, produce: Callable[[], object]):
    """Like reply_for, with every problem of a one-line booking listed at once."""

    def listed():
        try:
            return produce()
        except MeetingProblems as problems:
            return views.problems_reply(problems, actor.locale)

    return reply_for(actor, listed)


def answer_command(db: Database, actor: Actor, text: str) -> dict | FormToOpen:
    request = meeting_text.parse_meeting_command(text)
    locale, zone, now = actor.locale, actor.timezone, utcnow()
    if isinstance(request, meeting_text.ShowHelp):
        return views.meeting_help(locale)
    if isinstance(request, meeting_text.OpenBookingForm):
        return FormToOpen(views.booking_form(locale, actor.slack_user_id, now))
    if isinstance(request, meeting_text.MoveMeeting) and request.when is None:
        return move_form(db, actor, request.meeting_id)
    if isinstance(request, meeting_text.AddMinutes) and request.text is None:
        return minutes_form(db, actor, request.meeting_id)
    if isinstance(request, meeting_text.ListMeetings):
        with db.session() as session:
            page = upcoming_meetings(session, actor, now)
        return views.meeting_page(page, actor.slack_user_id, actor.is_admin, locale, zone, now)
    if isinstance(request, meeting_text.BookMeeting):
        with db.session() as session:
            wanted = request_from_text(session, actor, request, now)
            outcome = book_meeting(session, actor, wanted, on_clash="hold", now=now)
        if isinstance(outcome, Held):
            return views.held(outcome, locale, zone)
        return views.booked(outcome, locale, zone)
    if isinstance(request, meeting_text.MoveMeeting):
        starts_at = read_when(request.when, zone, now)
        return move(db, actor, request.meeting_id, starts_at, request.duration_minutes)
    if isinstance(request, meeting_text.CancelMeeting):
        return cancelling(db, actor, request.meeting_id, request.reason)
    with db.session() as session:
        saved = record_minutes(session, actor, request.meeting_id, request.text, append=True)
    return views.minutes_saved(saved, locale)


def move(db: Database, actor: Actor, meeting_id: int, starts_at, minutes, anyway=False) -> dict:
    """Move it; a clash answers with who is busy and a "Move anyway" button."""
    with db.session() as session:
        try:
            moved = move_meeting(session, actor, meeting_id, starts_at, minutes, anyway=anyway)
        except MeetingClash as clash:
            card = meeting_to_change(session, actor, meeting_id)
            length = minutes or card.duration_minutes
            start = starts_at.astimezone(UTC).replace(second=0, microsecond=0)
            return views.move_clash(
                card, start, length, clash.clashes, actor.locale, actor.timezone
            )
    return views.moved(moved, actor.locale, actor.timezone)


def cancelling(db: Database, actor: Actor, meeting_id: int, reason: str | None) -> dict:
    with db.session() as session:
        result = cancel_meeting(session, actor, meeting_id, reason)
    return views.cancelled(result, actor.locale)


def move_form(db: Database, actor: Actor, meeting_id: int) -> FormToOpen:
    with db.session() as session:
        card = meeting_to_change(session, actor, meeting_id)
    return FormToOpen(views.move_form(card, actor.locale, actor.timezone))


def minutes_form(db: Database, actor: Actor, meeting_id: int) -> FormToOpen:
    with db.session() as session:
        card = meeting_for_minutes(session, actor, meeting_id)
    return FormToOpen(views.minutes_form(card, actor.locale, actor.timezone))


# -- the forms -----------------------------------------------------------------------------


def submit(ack: Ack, actor: Actor, fields: tuple[str, ...], anyway_key: str, produce) -> None:
    """Run a form's action; every problem shows next to its field, a clash next to the time."""
    locale = actor.locale
    try:
        done = produce()
    except MeetingProblems as problems:
        ack(response_action="errors", errors=views.field_errors(problems.problems, locale, fields))
        return
    except MeetingClash as clash:
        text = views.clash_error(clash.clashes, locale, actor.timezone, anyway_key)
        ack(response_action="errors", errors={"when": text})
        return
    except DomainError as error:
        ack(response_action="errors", errors={fields[0]: error_text(error, actor.reader)})
        return
    except Exception:
        log.exception("meeting form failed for %s", actor.slack_user_id)
        ack(response_action="errors", errors={fields[0]: t(locale, "error.internal")})
        return
    ack(response_action="update", view=done)


def booking(db: Database, actor: Actor, view: dict) -> dict:
    values = views.form_values(view)
    request = MeetingRequest(
        title=values.get("title") or "",
        starts_at=values.get("when"),
        duration=values.get("duration") or None,
        attendees=values.get("attendees") or (),
        customer_id=selected_customer_id(view["state"]["values"], "customer"),
        place=values.get("place"),
        agenda=values.get("agenda"),
    )
    on_clash = "book" if values.get(views.ANYWAY) else "refuse"
    with db.session() as session:
        booked = book_meeting(session, actor, request, on_clash=on_clash)
    return views.booked_view(booked, actor.locale, actor.timezone)


def moving(db: Database, actor: Actor, view: dict) -> dict:
    values = views.form_values(view)
    meeting_id = _number(view.get("private_metadata"))
    with db.session() as session:
        moved = move_meeting(
            session,
            actor,
            meeting_id,
            values.get("when"),
            values.get("duration") or None,
            anyway=bool(values.get(views.ANYWAY)),
        )
    return views.done_view(views.moved(moved, actor.locale, actor.timezone), actor.locale)


def writing_minutes(db: Database, actor: Actor, view: dict) -> dict:
    values = views.form_values(view)
    meeting_id = _number(view.get("private_metadata"))
    with db.session() as session:
        saved = record_minutes(session, actor, meeting_id, values.get("minutes") or "")
    return views.done_view(views.minutes_saved(saved, actor.locale), actor.locale)


# -- buttons -------------------------------------------------------------------------------


def confirm(db: Database, actor: Actor, meeting_id: int) -> dict:
    with db.session() as session:
        booked = confirm_held(session, actor, meeting_id)
    return views.booked(booked, actor.locale, actor.timezone)


def dropping(db: Database, actor: Actor, action: dict) -> dict:
    with db.session() as session:
        title = drop_held(session, actor, _meeting_id(action))
    return views.dropped(title, actor.locale)


def move_as_shown(db: Database, actor: Actor, value: str) -> dict:
    """ "Move anyway": the time the clash message showed, not a new reading of the text."""
    try:
        shown = json.loads(value)
        meeting_id, minutes = int(shown["id"]), int(shown["minutes"])
        starts_at = datetime.fromtimestamp(int(shown["at"]), UTC)
    except (ValueError, TypeError, KeyError, OverflowError, OSError):
        raise InvalidInput("meeting.error.bad_id", word=value[:40]) from None
    return move(db, actor, meeting_id, starts_at, minutes, anyway=True)


def show(client: WebClient, body: dict, respond, actor: Actor, answer) -> None:
    """A form opens; an error answers where the button was (a message, or the home tab)."""
    in_a_message = bool(body.get("response_url"))
    if isinstance(answer, FormToOpen):
        open_form(client, body.get("trigger_id", ""), answer.view, actor, respond)
    elif in_a_message:
        respond(**answer)
    else:
        view = views.notice_view(answer, actor.locale)
        open_form(client, body.get("trigger_id", ""), view, actor, None)


def _meeting_id(action: dict) -> int:
    return _number(action.get("value"))


def _number(value) -> int:
    """A meeting id from a button or form; anything else reads as no meeting."""
    text = str(value or "")
    return int(text) if text.isdigit() and len(text) < 10 else 0
