"""`/contract`, its forms and the buttons of its messages (submit, review, approve, reject,
sign, archive, reopen, edit). Replies go to the asker only (ephemeral); forms confirm in place;
everyone else hears through the outbox."""

from collections.abc import Callable

from slack_bolt import Ack, App, Respond
from slack_bolt.kwargs_injection.args import Args
from slack_sdk import WebClient

from bot.listeners.replies import (
    Answer,
    FormToOpen,
    ack_command,
    answer,
    answer_click,
    answer_submission,
)
from bot.views import contracts as views
from commands.contracts import (
    FORM_FIELDS,
    ContractMoved,
    ContractProblems,
    check_can_edit,
    check_can_reject,
    check_draft,
    contract_view,
    create_contract,
    list_contracts,
    take_step,
    text,
    update_contract,
)
from commands.errors import InvalidInput
from commands.people import Actor
from storage.db import Database
from storage.models import utcnow

COMMAND = "/contract"
FORM_FAILED = "contract.form_failed"


# -- the command -----------------------------------------------------------------------------


def contract_command(
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
    request = text.parse_contract_command(typed)
    if isinstance(request, text.ShowHelp):
        return views.contract_help(actor.locale)
    if isinstance(request, text.OpenForm):
        if request.contract_id is None:
            return FormToOpen(views.contract_form(actor.locale))
        return answer_step(db, actor, "edit", request.contract_id, None)
    with db.session() as session:
        if isinstance(request, text.ListContracts):
            page = list_contracts(session, actor, request.scope, request.customer_query)
            return views.contract_page(page, actor.reader)
        if isinstance(request, text.ShowContract):
            card = contract_view(session, actor, request.contract_id)
            return views.contract_card(card, actor.reader)
    return answer_step(db, actor, request.step, request.contract_id, request.note)


def answer_step(
    db: Database, actor: Actor, step: str, contract_id: int, note: str | None
) -> Answer:
    """A step done at once, or the form it needs: edit, and reject without a reason."""
    if step == "edit":
        with db.session() as session:
            card = check_can_edit(session, actor, contract_id)
        return FormToOpen(views.contract_form(actor.locale, card))
    if step == "reject" and not note:
        with db.session() as session:
            card = check_can_reject(session, actor, contract_id)
        return FormToOpen(views.reject_form(card, actor.locale))
    with db.session() as session:
        moved = take_step(session, actor, contract_id, step, note)
    return views.moved_message(moved, actor.reader)


# -- the forms -------------------------------------------------------------------------------


def form_submitted(
    ack: Ack, view: dict, actor: Actor, db: Database, notify: Callable[[], None]
) -> None:
    def save() -> dict:
        return views.done_view(submit_form(db, actor, view), actor.reader)

    if answer_submission(ack, actor, save, FORM_FIELDS, "title"):
        notify()


def submit_form(db: Database, actor: Actor, view: dict) -> ContractMoved:
    """Every problem with the form at once, each under its field; else the draft, saved."""
    now = utcnow()
    draft, problems = views.read_form(view.get("state", {}).get("values", {}))
    try:
        check_draft(actor, draft, now)
    except ContractProblems as found:
        problems = {**found.problems, **problems}
    if problems:
        raise ContractProblems(problems)
    contract_id = views.form_contract_id(view)
    with db.session() as session:
        if contract_id is None:
            return create_contract(session, actor, draft, now)
        return update_contract(session, actor, contract_id, draft, now)


def reject_submitted(
    ack: Ack, view: dict, actor: Actor, db: Database, notify: Callable[[], None]
) -> None:
    reason = views.form_text(view.get("state", {}).get("values", {}), "reason")

    def reject() -> dict:
        contract_id = views.form_contract_id(view)
        if contract_id is None:
            raise InvalidInput("contract.error.bad_id", word="?")
        with db.session() as session:
            moved = take_step(session, actor, contract_id, "reject", reason)
        return views.done_view(moved, actor.reader)

    if answer_submission(ack, actor, reject, ("reason",), "reason"):
        notify()


# -- the buttons of contract messages ----------------------------------------------------------


def step_clicked(step: str, args: Args) -> None:
    """A button of a contract message: its value is the contract's id. What it does is told to
    the clicker alone; a step already taken is told politely, and nothing changes."""
    args.ack()
    actor: Actor = args.context["actor"]
    db: Database = args.context["db"]

    def produce() -> Answer:
        contract_id = text.parse_contract_id(str((args.action or {}).get("value") or ""))
        return answer_step(db, actor, step, contract_id, None)

    answer_click(args.body, answer(actor, produce), args.client, actor, args.respond, FORM_FAILED)
    args.context["notify"]()


def sign_clicked(args: Args) -> None:
    step_clicked("sign", args)


def submit_clicked(args: Args) -> None:
    step_clicked("submit", args)


def edit_clicked(args: Args) -> None:
    step_clicked("edit", args)


def review_clicked(args: Args) -> None:
    step_clicked("review", args)


def approve_clicked(args: Args) -> None:
    step_clicked("approve", args)


def reject_clicked(args: Args) -> None:
    step_clicked("reject", args)


def archive_clicked(args: Args) -> None:
    step_clicked("archive", args)


def reopen_clicked(args: Args) -> None:
    step_clicked("reopen", args)


def document_opened(ack: Ack) -> None:
    """A link button: Slack opens the link; the click only needs acknowledging."""
    ack()


def register(app: App) -> None:
    app.command(COMMAND)(contract_command)
    app.view(views.FORM)(form_submitted)
    app.view(views.REJECT_FORM)(reject_submitted)
    app.action(views.SIGN)(sign_clicked)
    app.action(views.SUBMIT)(submit_clicked)
    app.action(views.EDIT)(edit_clicked)
    app.action(views.REVIEW)(review_clicked)
    app.action(views.APPROVE)(approve_clicked)
    app.action(views.REJECT)(reject_clicked)
    app.action(views.ARCHIVE)(archive_clicked)
    app.action(views.REOPEN)(reopen_clicked)
    app.action(views.DOCUMENT_ACTION)(document_opened)
