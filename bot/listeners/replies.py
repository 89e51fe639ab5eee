"""How every listener answers, in one place.

- `answer(actor, produce)`: run a command; a domain error becomes its message, anything else a
  polite apology (and the traceback in the log).
- `ack_command`: a slash command's answer in its ack, or a form opened right after it.
- `answer_click`: a button's answer, ephemeral to whoever clicked, or a form to open.
- `answer_submission`: a modal's submission turned into its confirmation, or what is wrong,
  each problem under its own field.
"""

import logging
from collections.abc import Callable

from slack_bolt import Ack, Respond
from slack_sdk import WebClient

from bot.i18n import t
from bot.views.blocks import notice
from bot.views.errors import error_reply, error_text
from bot.views.forms import errors_by_field
from commands.errors import DomainError, FormProblems
from commands.people import Actor

log = logging.getLogger(__name__)

FORM_FAILED = "error.internal"


class FormToOpen:
    """An answer that is a form, opened after the ack (with a note to read, maybe)."""

    def __init__(self, view: dict, note: dict | None = None):
        self.view = view
        self.note = note


Answer = dict | FormToOpen


def answer(actor: Actor, produce: Callable[[], Answer]) -> Answer:
    """Run `produce`; a domain error becomes its message (moments in the actor's zone),
    anything else a polite apology."""
    try:
        return produce()
    except DomainError as error:
        return error_reply(error, actor.reader)
    except Exception:
        log.exception("request failed for %s", actor.slack_user_id)
        return notice(t(actor.locale, "error.internal"))


def ack_command(
    ack: Ack,
    reply: Answer,
    command: dict,
    client: WebClient,
    actor: Actor,
    respond: Respond,
    failed_key: str = FORM_FAILED,
) -> None:
    """Answer a slash command: the reply itself, or a form opened after the ack."""
    if isinstance(reply, FormToOpen):
        ack(**(reply.note or {}))
        open_form(client, command.get("trigger_id", ""), reply.view, actor, respond, failed_key)
    else:
        ack(**reply)


def answer_click(
    body: dict,
    reply: Answer,
    client: WebClient,
    actor: Actor,
    respond: Respond,
    failed_key: str = FORM_FAILED,
) -> None:
    """Answer a button: a form to open, or an ephemeral reply to whoever clicked."""
    if isinstance(reply, FormToOpen):
        open_form(client, body.get("trigger_id", ""), reply.view, actor, respond, failed_key)
    else:
        tell(body, reply, client, respond)


def answer_submission(
    ack: Ack,
    actor: Actor,
    produce: Callable[[], dict],
    fields: tuple[str, ...],
    fallback: str,
) -> bool:
    """Answer a form's submission with the view `produce` returns (the form turned into its
    confirmation), or with what is wrong: each problem of a form under its own field (one of
    `fields`), any other domain error or an apology under `fallback`. True when the submission
    went through."""
    reader = actor.reader
    try:
        done = produce()
    except FormProblems as problems:
        errors = errors_by_field(
            problems.problems, fields, fallback, lambda problem: error_text(problem, reader)
        )
        ack(response_action="errors", errors=errors)
        return False
    except DomainError as error:
        ack(response_action="errors", errors={fallback: error_text(error, reader)})
        return False
    except Exception:
        log.exception("a form failed for %s (field %s)", actor.slack_user_id, fallback)
        ack(response_action="errors", errors={fallback: t(actor.locale, "error.internal")})
        return False
    ack(response_action="update", view=done)
    return True


def open_form(
    client: WebClient,
    trigger_id: str,
    view: dict,
    actor: Actor,
    respond: Respond | None,
    failed_key: str = FORM_FAILED,
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
