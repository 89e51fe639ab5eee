"""The App Home tab: published when a member opens it (and again by the outbox after changes
that concern them, see commands.home.refresh_home); its buttons open the same forms as the
slash commands. A lead's Contacted button on it does what the lead messages' does, and the Home
is published again with the answer (a Home has no thread to answer in)."""

import logging
import re
from collections.abc import Callable

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.listeners.lead_progress import contacted_typed
from bot.listeners.replies import answer, open_form
from bot.views import home as views
from bot.views.lead_pool import CONTACTED
from bot.views.meetings import booking_form
from bot.views.samples import request_form
from bot.views.visits import visit_form
from commands.home import dashboard
from commands.home_refresh import publishing_home
from commands.people import Actor
from storage.db import Database
from storage.models import utcnow

log = logging.getLogger(__name__)


def home_opened(event: dict, actor: Actor, db: Database, client: WebClient) -> None:
    if event.get("tab", "home") != "home":
        return
    publish_home(db, client, actor)


def book_meeting_clicked(ack: Ack, body: dict, actor: Actor, client: WebClient) -> None:
    ack()
    form = booking_form(actor.locale, actor.slack_user_id, utcnow())
    open_form(client, body.get("trigger_id", ""), form, actor, None)


def log_visit_clicked(ack: Ack, body: dict, actor: Actor, client: WebClient) -> None:
    ack()
    open_form(client, body.get("trigger_id", ""), visit_form(actor.locale, utcnow()), actor, None)


def request_sample_clicked(ack: Ack, body: dict, actor: Actor, client: WebClient) -> None:
    ack()
    open_form(client, body.get("trigger_id", ""), request_form(actor.locale), actor, None)


def lead_contacted_clicked(
    ack: Ack,
    action: dict,
    actor: Actor,
    db: Database,
    notify: Callable[[], None],
    client: WebClient,
) -> None:
    """`/lead contacted N` from the Home; a stale button or a second click is told why."""
    ack()
    value = str(action.get("value") or "")
    with publishing_home(actor.slack_user_id):
        reply = answer(actor, lambda: contacted_typed(db, actor, value))
    publish_home(db, client, actor, notice=reply["text"])
    notify()


def publish_home(db: Database, client: WebClient, actor: Actor, notice: str | None = None) -> None:
    now = utcnow()
    try:
        with db.session() as session:
            board = dashboard(session, actor, now)
        view = views.home_view(board, now, notice)
        client.views_publish(user_id=actor.slack_user_id, view=view)
    except Exception:
        # Nobody is waiting on a reply: the tab keeps what it showed last.
        log.exception("could not publish the home tab of %s", actor.slack_user_id)


def register(app: App) -> None:
    app.event("app_home_opened")(home_opened)
    app.action(views.BOOK_MEETING)(book_meeting_clicked)
    app.action(views.LOG_VISIT)(log_visit_clicked)
    app.action(views.REQUEST_SAMPLE)(request_sample_clicked)
    # Registered before the lead messages' listener of the same action, which answers in a
    # thread the Home does not have.
    home_lead = re.compile(f"^{views.LEAD_BLOCK}")
    app.action({"action_id": CONTACTED, "block_id": home_lead})(lead_contacted_clicked)
