"""What the listeners with forms share: an answer that is a form to open after the ack, opening
it, answering a form's submission, and ephemeral replies to whoever clicked a button."""

import logging
from collections.abc import Callable

from slack_bolt import Ack, Respond
from slack_sdk import WebClient

from bot.i18n import t
from bot.views.blocks import notice
from commands.errors import DomainError, FormProblems
from commands.people import Actor, Reader

log = logging.getLogger(__name__)


class FormToOpen:
    """An answer that is a form, opened after the ack (with a note to read, maybe)."""

    def __init__(self, view: dict, note: dict | None = None):
        self.view = view
        self.note = note


def reader_of(actor: Actor) -> Reader:
    return Reader(actor.locale, actor.timezone)


def answer_for(
    actor: Actor,
    produce: Callable[[], dict | FormToOpen],
    error_reply: Callable[[DomainError, Reader], dict],
) -> dict | FormToOpen:
    """Run `produce`; a domain error becomes its message (moments in the actor's zone),
    anything else a polite apology."""
    try:
        return produce()
    except DomainError as error:
        return error_reply(error, reader_of(actor))
    except Exception:
        log.exception("request failed for %s", actor.slack_user_id)
        return notice(t(actor.locale, "error.internal"))


def open_form(
    client: WebClient,
    trigger_id: str,
    view: dict,
    actor: Actor,
    respond: Respond | None,
    failed_key: str = "error.internal",
) -> None:
    """Open a modal; if Slack refuses, say so where the person is (if anywhere we can)."""
    try:
        client.views_open(trigger_id=trigger_id, view=view)
    except Exception:
        log.exception("could not open form %s for %s", view.get("callback_id"), actor.slack_user_id)
        if respond is None:
            return
        try:
            respond(**notice(t(actor.locale, failed_key)), replace_original=False)
        except Exception:
            log.exception("could not tell %s the form failed", actor.slack_user_id)


def tell(body: dict, reply: dict, client: WebClient, respond: Respond) -> None:
    """An ephemeral reply to whoever clicked: through the message's response_url, else
    posted ephemerally in its channel."""
    try:
        if body.get("response_url"):
            respond(
                text=reply["text"],
                blocks=reply["blocks"],
                response_type="ephemeral",
                replace_original=False,
            )
            return
        channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get(
            "channel_id"
        )
        if channel:
            client.chat_postEphemeral(
                channel=channel, user=body["user"]["id"], text=reply["text"], blocks=reply["blocks"]
            )
    except Exception:
        log.exception("could not reply to %s", (body.get("user") or {}).get("id"))


def ack_with(
    ack,
    answer: dict | FormToOpen,
    command: dict,
    client: WebClient,
    actor: Actor,
    respond,
    failed_key: str,
) -> None:
    """Answer a slash command: the reply itself, or a form opened after the ack."""
    if isinstance(answer, FormToOpen):
        ack(**(answer.note or {}))
        trigger_id = command.get("trigger_id", "")
        open_form(client, trigger_id, answer.view, actor, respond, failed_key)
    else:
        ack(**answer)


def reply_to_click(
    body: dict, answer: dict | FormToOpen, client: WebClient, actor: Actor, respond, failed_key: str
) -> None:
    """Answer a button: a form to open, or an ephemeral reply to whoever clicked."""
    if isinstance(answer, FormToOpen):
        open_form(client, body.get("trigger_id", ""), answer.view, actor, respond, failed_key)
    else:
        tell(body, answer, client, respond)


def answer_submission(
    ack: Ack,
    actor: Actor,
    field: str,
    produce: Callable[[], dict],
    error_text: Callable[[DomainError], str],
    field_errors: Callable[[dict[str, DomainError]], dict[str, str]] | None = None,
) -> bool:
    """Answer a form's submission with the view `produce` returns (the form turned into its
    confirmation), or with what is wrong: the problems of a form each under its own field when
    `field_errors` places them, any other domain error or an apology under `field`. True when
    the submission went through."""
    try:
        done = produce()
    except DomainError as error:
        if isinstance(error, FormProblems) and field_errors is not None:
            errors = field_errors(error.problems)
        else:
            errors = {field: error_text(error)}
        ack(response_action="errors", errors=errors)
        return False
    except Exception:
        log.exception("a form failed for %s (field %s)", actor.slack_user_id, field)
        ack(response_action="errors", errors={field: t(actor.locale, "error.internal")})
        return False
    ack(response_action="update", view=done)
    return True
