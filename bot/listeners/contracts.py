"""`/contract`, its forms and the buttons of its messages (submit, review, approve, reject,
sign, archive, reopen, edit). Replies go to the asker only (ephemeral); forms confirm in place;
everyone else hears through the outbox."""

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
from bot.views import contracts as views
from commands import contract_text
from commands.contracts import (
    ContractMoved,
    ContractProblems,
    check_can_edit,
    check_can_reject,
    check_draft,
    contract_view,
    create_contract,
    list_contracts,
    take_step,
    update_contract,
)
from commands.errors import InvalidInput
from commands.people import Actor
from storage.db import Database
from storage.models import utcnow

COMMAND = "/contract"
FORM_FAILED = "contract.form_failed"


def register(app: App, db: Database, on_notify) -> None:
    @app.command(COMMAND)
    def contract_command(
        ack: Ack, command: dict, context: BoltContext, client: WebClient, respond: Respond
    ) -> None:
        actor: Actor = context["actor"]
        answer = answer_for(
            actor, lambda: answer_command(db, actor, command.get("text", "")), views.error_reply
        )
        ack_with(ack, answer, command, client, actor, respond, FORM_FAILED)
        on_notify()

    @app.view(views.FORM)
    def form_submitted(ack: Ack, view: dict, context: BoltContext) -> None:
        actor: Actor = context["actor"]
        reader = reader_of(actor)
        if answer_submission(
            ack,
            actor,
            "title",
            lambda: views.done_view(submit_form(db, actor, view), reader),
            lambda error: views.error_text(error, reader),
            lambda problems: views.form_errors(problems, reader),
        ):
            on_notify()

    @app.view(views.REJECT_FORM)
    def reject_submitted(ack: Ack, view: dict, context: BoltContext) -> None:
        actor: Actor = context["actor"]
        reader = reader_of(actor)
        reason = views.form_text(view.get("state", {}).get("values", {}), "reason")

        def reject() -> dict:
            contract_id = views.form_contract_id(view)
            if contract_id is None:
                raise InvalidInput("contract.error.bad_id", word="?")
            with db.session() as session:
                moved = take_step(session, actor, contract_id, "reject", reason)
            return views.done_view(moved, reader)

        if answer_submission(
            ack, actor, "reason", reject, lambda error: views.error_text(error, reader)
        ):
            on_notify()

    def button(step: str) -> None:
        """A button of a contract message: its value is the contract's id. What it does is told
        to the clicker alone; a step already taken is told politely, and nothing changes."""

        @app.action(views.ACTIONS[step])
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
                contract_id = contract_text.parse_contract_id(str(action.get("value") or ""))
                return answer_step(db, actor, step, contract_id, None)

            answer = answer_for(actor, produce, views.error_reply)
            reply_to_click(body, answer, client, actor, respond, FORM_FAILED)
            on_notify()

    for step in views.STEP_BUTTONS:
        button(step)

    @app.action(views.DOCUMENT_ACTION)
    def document_opened(ack: Ack) -> None:
        """A link button: Slack opens the link; the click only needs acknowledging."""
        ack()


def answer_command(db: Database, actor: Actor, text: str) -> dict | FormToOpen:
    request = contract_text.parse_contract_command(text)
    reader = reader_of(actor)
    if isinstance(request, contract_text.ShowHelp):
        return views.contract_help(actor.locale)
    if isinstance(request, contract_text.OpenForm):
        if request.contract_id is None:
            return FormToOpen(views.contract_form(actor.locale))
        return answer_step(db, actor, "edit", request.contract_id, None)
    with db.session() as session:
        if isinstance(request, contract_text.ListContracts):
            page = list_contracts(session, actor, request.scope, request.customer_query)
            return views.contract_page(page, reader)
        if isinstance(request, contract_text.ShowContract):
            return views.contract_card(contract_view(session, actor, request.contract_id), reader)
    return answer_step(db, actor, request.step, request.contract_id, request.note)


def answer_step(
    db: Database, actor: Actor, step: str, contract_id: int, note: str | None
) -> dict | FormToOpen:
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
        moved: ContractMoved = take_step(session, actor, contract_id, step, note)
    return views.moved_message(moved, reader_of(actor))


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
