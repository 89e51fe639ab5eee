"""`/lead`, the "Create lead" message shortcut and the lead form. Replies are ephemeral; the
form confirms in place. An owner a duplicate goes to hears of it through the outbox."""

from collections.abc import Callable

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.listeners.replies import (
    FormToOpen,
    ack_command,
    answer,
    answer_click,
    answer_submission,
    open_form,
)
from bot.views import leads as views
from commands.leads import (
    ListMine,
    OpenForm,
    ShowHelp,
    Verb,
    create_in_slack,
    my_open_leads,
    parse_lead_command,
    read_draft,
)
from commands.people import Actor
from storage.db import Database

COMMAND = "/lead"
SHORTCUT = "create_lead"
FORM_FAILED = "lead.form_failed"

LeadVerb = Callable[[Database, Actor, str], dict | FormToOpen]
TypedAnswer = Callable[[Database, Actor, str], dict]
# The first words of `/lead` the other lead modules answer (`pool`, `公海`, `claim` …), each
# added by that module's register(): folded word → (db, actor, the text after it) → reply.
VERBS: dict[str, LeadVerb] = {}


def lead_command(
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


def create_lead_chosen(
    ack: Ack, shortcut: dict, actor: Actor, client: WebClient, respond: Respond
) -> None:
    ack()
    posted = shortcut.get("message") or {}
    need = views.message_need(str(posted.get("text") or ""))
    view = views.lead_form(actor.locale, need=need or None)
    open_form(client, shortcut.get("trigger_id", ""), view, actor, respond, FORM_FAILED)


def lead_form_submitted(
    ack: Ack, view: dict, actor: Actor, db: Database, notify: Callable[[], None]
) -> None:
    def saved_view() -> dict:
        values = views.read_form(view.get("state", {}).get("values", {}))
        draft = read_draft(values)
        with db.session() as session:
            saved = create_in_slack(session, actor, draft)
        return views.saved_view(saved, actor.locale)

    if answer_submission(ack, actor, saved_view, views.BLOCK_IDS, views.FALLBACK_BLOCK):
        notify()


def command_reply(db: Database, actor: Actor, text: str) -> dict | FormToOpen:
    request = parse_lead_command(text, VERBS.keys())
    if isinstance(request, Verb):
        return VERBS[request.word](db, actor, request.rest)
    if isinstance(request, ShowHelp):
        return views.lead_help(actor.locale)
    if isinstance(request, OpenForm):
        return FormToOpen(views.lead_form(actor.locale, company=request.company))
    if isinstance(request, ListMine):
        with db.session() as session:
            return views.my_leads(my_open_leads(session, actor), actor.reader)
    draft = read_draft(request.values)
    with db.session() as session:
        saved = create_in_slack(session, actor, draft)
    return views.saved_message(saved, actor.locale)


def clicked_as_typed(typed: TypedAnswer) -> Callable[..., None]:
    """The listener of a button (or menu) whose value is what a person would type after a
    /lead verb: answered to the clicker as the typed verb is, then the outbox woken."""

    def clicked(
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
        chosen = (action.get("selected_option") or {}).get("value")
        value = str(chosen or action.get("value") or "")
        reply = answer(actor, lambda: typed(db, actor, value))
        answer_click(body, reply, client, actor, respond)
        notify()

    return clicked


def register(app: App) -> None:
    app.command(COMMAND)(lead_command)
    app.message_shortcut(SHORTCUT)(create_lead_chosen)
    app.view(views.CALLBACK_ID)(lead_form_submitted)
