"""`/target`: attainment and pace, targets set and split, plans locked, KPI scorecards;
answered in the ack (ephemeral), the form opened after it."""

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.listeners.attainment import targets_reply
from bot.listeners.replies import Answer, ack_command, answer
from bot.listeners.scorecards import kpi_set_reply, scorecard_reply
from bot.listeners.target_plans import (
    lock_reply,
    set_reply,
    split_reply,
    target_form,
    target_help,
)
from commands.people import Actor
from commands.targets.text import (
    LockPlan,
    OpenTargetForm,
    SetKpi,
    SetTarget,
    ShowHelp,
    ShowScorecard,
    ShowTargets,
    SplitTarget,
    parse_target_command,
)
from storage.db import Database

COMMAND = "/target"
FORM_FAILED = "target.form_failed"


def target_command(
    ack: Ack,
    command: dict,
    actor: Actor,
    db: Database,
    notify: Callable[[], None],
    client: WebClient,
    respond: Respond,
) -> None:
    reply = answer(actor, lambda: target_reply(db, actor, command.get("text", "")))
    ack_command(ack, reply, command, client, actor, respond, FORM_FAILED)
    notify()


def target_reply(db: Database, actor: Actor, text: str) -> Answer:
    today = datetime.now(ZoneInfo(actor.timezone)).date()
    request = parse_target_command(text, today)
    match request:
        case ShowHelp():
            return target_help(actor)
        case ShowTargets():
            return targets_reply(db, actor, request)
        case OpenTargetForm():
            return target_form(db, actor)
        case SetTarget():
            return set_reply(db, actor, request)
        case SplitTarget():
            return split_reply(db, actor, request)
        case LockPlan():
            return lock_reply(db, actor, request)
        case ShowScorecard():
            return scorecard_reply(db, actor, request)
        case SetKpi():
            return kpi_set_reply(db, actor, request)


def register(app: App) -> None:
    app.command(COMMAND)(target_command)
