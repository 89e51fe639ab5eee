"""`/meeting`: the booking, move and minutes forms, the one-line forms, the list and its
buttons, and the "Book anyway" / "Move anyway" answers to a clash. Replies are ephemeral."""

import json
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.i18n import t
from bot.listeners.replies import (
    Answer,
    FormToOpen,
    ack_command,
    answer,
    answer_click,
    answer_submission,
    open_form,
)
from bot.views import meetings as views
from bot.views.customer_select import selected_customer_id
from commands.errors import InvalidInput
from commands.meetings import (
    AddMinutes,
    BookMeeting,
    CancelMeeting,
    Held,
    ListMeetings,
    MeetingClash,
    MeetingProblems,
    MeetingRequest,
    MoveMeeting,
    OpenBookingForm,
    ShowHelp,
    book_meeting,
    cancel_meeting,
    confirm_held,
    drop_held,
    meeting_for_minutes,
    meeting_to_change,
    move_meeting,
    parse_meeting_command,
    read_when,
    record_minutes,
    request_from_text,
    upcoming_meetings,
)
from commands.people import Actor
from storage.db import Database
from storage.models import utcnow

COMMAND = "/meeting"


# -- the slash command ---------------------------------------------------------------------


def meeting_command(
    ack: Ack,
    command: dict,
    actor: Actor,
    db: Database,
    notify: Callable[[], None],
    client: WebClient,
    respond: Respond,
) -> None:
    reply = answer(actor, lambda: answer_command(db, actor, command.get("text", "")))
    ack_command(ack, reply, command, client, actor, respond)
    notify()


def answer_command(db: Database, actor: Actor, text: str) -> Answer:
    request = parse_meeting_command(text)
    if isinstance(request, ShowHelp):
        return views.meeting_help(actor.locale)
    if isinstance(request, OpenBookingForm):
        return FormToOpen(views.booking_form(actor.locale, actor.slack_user_id, utcnow()))
    if isinstance(request, ListMeetings):
        return listing(db, actor)
    if isinstance(request, BookMeeting):
        return booking_in_one_line(db, actor, request)
    if isinstance(request, MoveMeeting):
        return moving_in_one_line(db, actor, request)
    if isinstance(request, CancelMeeting):
        return cancelling(db, actor, request.meeting_id, request.reason)
    return minutes_in_one_line(db, actor, request)


def listing(db: Database, actor: Actor) -> dict:
    now = utcnow()
    with db.session() as session:
        page = upcoming_meetings(session, actor, now)
    return views.meeting_page(page, actor.slack_user_id, actor.is_admin, actor.reader, now)


def booking_in_one_line(db: Database, actor: Actor, line: BookMeeting) -> dict:
    now = utcnow()
    with db.session() as session:
        wanted = request_from_text(session, actor, line, now)
        outcome = book_meeting(session, actor, wanted, on_clash="hold", now=now)
    if isinstance(outcome, Held):
        return views.held(outcome, actor.reader)
    return views.booked(outcome, actor.reader)


def moving_in_one_line(db: Database, actor: Actor, request: MoveMeeting) -> Answer:
    """`move ID` opens the form; `move ID WHEN [; LENGTH]` moves it."""
    if request.when is None:
        return move_form(db, actor, request.meeting_id)
    starts_at = read_when(request.when, actor.timezone, utcnow())
    return move(db, actor, request.meeting_id, starts_at, request.duration_minutes)


def minutes_in_one_line(db: Database, actor: Actor, request: AddMinutes) -> Answer:
    """`minutes ID` opens the form; `minutes ID TEXT` adds a paragraph."""
    if request.text is None:
        return minutes_form(db, actor, request.meeting_id)
    with db.session() as session:
        saved = record_minutes(session, actor, request.meeting_id, request.text, append=True)
    return views.minutes_saved(saved, actor.locale)


def move(
    db: Database,
    actor: Actor,
    meeting_id: int,
    starts_at: datetime,
    minutes: int | None,
    anyway: bool = False,
) -> dict:
    """Move it; a clash answers with who is busy and a "Move anyway" button."""
    with db.session() as session:
        try:
            moved = move_meeting(session, actor, meeting_id, starts_at, minutes, anyway=anyway)
        except MeetingClash as clash:
            card = meeting_to_change(session, actor, meeting_id)
            length = minutes or card.duration_minutes
            start = starts_at.astimezone(UTC).replace(second=0, microsecond=0)
            return views.move_clash(card, start, length, clash.clashes, actor.reader)
    return views.moved(moved, actor.reader)


def cancelling(db: Database, actor: Actor, meeting_id: int, reason: str | None) -> dict:
    with db.session() as session:
        result = cancel_meeting(session, actor, meeting_id, reason)
    return views.cancelled(result, actor.locale)


def move_form(db: Database, actor: Actor, meeting_id: int) -> FormToOpen:
    with db.session() as session:
        card = meeting_to_change(session, actor, meeting_id)
    return FormToOpen(views.move_form(card, actor.reader))


def minutes_form(db: Database, actor: Actor, meeting_id: int) -> FormToOpen:
    with db.session() as session:
        card = meeting_for_minutes(session, actor, meeting_id)
    return FormToOpen(views.minutes_form(card, actor.reader))


# -- the forms -----------------------------------------------------------------------------


def booking_submitted(
    ack: Ack, view: dict, actor: Actor, db: Database, notify: Callable[[], None]
) -> None:
    produce = clash_under_time(
        partial(booking, db, actor, view), actor, "meeting.field.book_anyway"
    )
    answer_submission(ack, actor, produce, views.BOOK_FIELDS, fallback="title")
    notify()


def move_submitted(
    ack: Ack, view: dict, actor: Actor, db: Database, notify: Callable[[], None]
) -> None:
    produce = clash_under_time(partial(moving, db, actor, view), actor, "meeting.field.move_anyway")
    answer_submission(ack, actor, produce, views.MOVE_FIELDS, fallback="when")
    notify()


def minutes_submitted(
    ack: Ack, view: dict, actor: Actor, db: Database, notify: Callable[[], None]
) -> None:
    produce = partial(writing_minutes, db, actor, view)
    answer_submission(ack, actor, produce, views.MINUTES_FIELDS, fallback="minutes")
    notify()


def clash_under_time(
    produce: Callable[[], dict], actor: Actor, anyway_key: str
) -> Callable[[], dict]:
    """`produce`, with a clash turned into a problem with the form's time: who is busy with
    what, and which box to tick to go ahead anyway."""

    def produced() -> dict:
        try:
            return produce()
        except MeetingClash as clash:
            busy = views.busy_then(clash.clashes, actor.reader)
            anyway = t(actor.locale, anyway_key)
            problem = InvalidInput("meeting.clash.form", clashes=busy, anyway=anyway)
            raise MeetingProblems({"when": problem}) from None

    return produced


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
    return views.booked_view(booked, actor.reader)


def moving(db: Database, actor: Actor, view: dict) -> dict:
    values = views.form_values(view)
    meeting_id = number_in(view.get("private_metadata"))
    with db.session() as session:
        moved = move_meeting(
            session,
            actor,
            meeting_id,
            values.get("when"),
            values.get("duration") or None,
            anyway=bool(values.get(views.ANYWAY)),
        )
    return views.done_view(views.moved(moved, actor.reader), actor.locale)


def writing_minutes(db: Database, actor: Actor, view: dict) -> dict:
    values = views.form_values(view)
    meeting_id = number_in(view.get("private_metadata"))
    with db.session() as session:
        saved = record_minutes(session, actor, meeting_id, values.get("minutes") or "")
    return views.done_view(views.minutes_saved(saved, actor.locale), actor.locale)


# -- buttons -------------------------------------------------------------------------------


def book_anyway_clicked(
    ack: Ack,
    action: dict,
    actor: Actor,
    db: Database,
    notify: Callable[[], None],
    respond: Respond,
) -> None:
    ack()
    respond(replace_original=True, **answer(actor, lambda: confirm(db, actor, action)))
    notify()


def drop_held_clicked(ack: Ack, action: dict, actor: Actor, db: Database, respond: Respond) -> None:
    ack()
    respond(replace_original=True, **answer(actor, lambda: dropping(db, actor, action)))


def move_anyway_clicked(
    ack: Ack,
    action: dict,
    actor: Actor,
    db: Database,
    notify: Callable[[], None],
    respond: Respond,
) -> None:
    ack()
    reply = answer(actor, lambda: move_as_shown(db, actor, action.get("value") or ""))
    respond(replace_original=True, **reply)
    notify()


def cancel_clicked(
    ack: Ack,
    action: dict,
    actor: Actor,
    db: Database,
    notify: Callable[[], None],
    respond: Respond,
) -> None:
    ack()
    meeting_id = number_in(action.get("value"))
    respond(**answer(actor, lambda: cancelling(db, actor, meeting_id, None)))
    notify()


def open_move_clicked(
    ack: Ack,
    body: dict,
    action: dict,
    actor: Actor,
    db: Database,
    client: WebClient,
    respond: Respond,
) -> None:
    ack()
    reply = answer(actor, lambda: move_form(db, actor, number_in(action.get("value"))))
    answer_anywhere(body, reply, client, actor, respond)


def open_minutes_clicked(
    ack: Ack,
    body: dict,
    action: dict,
    actor: Actor,
    db: Database,
    client: WebClient,
    respond: Respond,
) -> None:
    ack()
    reply = answer(actor, lambda: minutes_form(db, actor, number_in(action.get("value"))))
    answer_anywhere(body, reply, client, actor, respond)


def confirm(db: Database, actor: Actor, action: dict) -> dict:
    with db.session() as session:
        booked = confirm_held(session, actor, number_in(action.get("value")))
    return views.booked(booked, actor.reader)


def dropping(db: Database, actor: Actor, action: dict) -> dict:
    with db.session() as session:
        title = drop_held(session, actor, number_in(action.get("value")))
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


def answer_anywhere(
    body: dict, reply: Answer, client: WebClient, actor: Actor, respond: Respond
) -> None:
    """A button's answer (see replies.answer_click); where no message can answer (the home
    tab), a reply shows in a small modal."""
    if isinstance(reply, dict) and not body.get("response_url"):
        notice = views.notice_view(reply, actor.locale)
        open_form(client, body.get("trigger_id", ""), notice, actor, None)
    else:
        answer_click(body, reply, client, actor, respond)


def number_in(value: object) -> int:
    """A meeting id from a button or form; anything else reads as no meeting."""
    text = str(value or "")
    return int(text) if text.isdigit() and len(text) < 10 else 0


def register(app: App) -> None:
    app.command(COMMAND)(meeting_command)
    app.view(views.BOOK_CALLBACK)(booking_submitted)
    app.view(views.MOVE_CALLBACK)(move_submitted)
    app.view(views.MINUTES_CALLBACK)(minutes_submitted)
    app.action(views.BOOK_ANYWAY)(book_anyway_clicked)
    app.action(views.DROP_HELD)(drop_held_clicked)
    app.action(views.MOVE_ANYWAY)(move_anyway_clicked)
    app.action(views.CANCEL)(cancel_clicked)
    app.action(views.OPEN_MOVE)(open_move_clicked)
    app.action(views.OPEN_MINUTES)(open_minutes_clicked)
