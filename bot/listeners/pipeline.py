"""`/pipeline` (漏斗): acknowledged at once ("counting…"), the funnel computed after the ack and
sent through the command's response_url, so a large team's figures never hold up Slack's
three seconds. Help and a period that is no period are answered in the ack."""

import logging

from slack_bolt import Ack, App, Respond

from bot.listeners.replies import answer
from bot.views import pipeline as views
from commands.people import Actor
from commands.pipeline import (
    ShowHelp,
    ShowPipeline,
    parse_pipeline_command,
    pipeline_report,
    today_on,
)
from storage.db import Database

COMMAND = "/pipeline"
log = logging.getLogger(__name__)


def pipeline_command(ack: Ack, command: dict, actor: Actor, db: Database, respond: Respond) -> None:
    text = command.get("text", "")
    asked: list[ShowPipeline] = []

    def first_answer() -> dict:
        """The help, or that the figures are on their way."""
        request = parse_pipeline_command(text, today_on(actor))
        if isinstance(request, ShowHelp):
            return views.pipeline_help(actor.locale)
        asked.append(request)
        return views.working(actor.locale)

    ack(**answer(actor, first_answer))
    if not asked:
        return
    reply = answer(actor, lambda: _report(db, actor, asked[0]))
    try:
        respond(**reply)
    except Exception:
        log.exception("could not send the pipeline to %s", actor.slack_user_id)


def _report(db: Database, actor: Actor, request: ShowPipeline) -> dict:
    with db.session() as session:
        report = pipeline_report(session, actor, request.period)
    return views.pipeline_message(report, actor.locale)


def register(app: App) -> None:
    app.command(COMMAND)(pipeline_command)
