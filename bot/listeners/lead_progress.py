"""`/lead contacted|qualify|disqualify|follow 12 …` (联系了、合格、无效、跟进) and the Contacted
button of a rep's lead messages. Each answers the asker alone; a step already taken (a double
click, a stale button, a replay) is told politely and changes nothing."""

from collections.abc import Callable
from datetime import datetime

from slack_bolt import App
from sqlmodel import Session

from bot.listeners import leads
from bot.views import lead_pool as views
from commands.leads.progress import (
    LeadStep,
    disqualify,
    follow,
    mark_contacted,
    qualify,
    read_lead_id,
)
from commands.people import Actor
from storage.db import Database

CONTACTED_WORDS = ("contacted", "contact", "联系", "联系了", "已联系")
QUALIFY_WORDS = ("qualify", "qualified", "合格")
DISQUALIFY_WORDS = ("disqualify", "disqualified", "无效")
FOLLOW_WORDS = ("follow", "followup", "follow-up", "跟进")


def contacted_typed(db: Database, actor: Actor, rest: str) -> dict:
    lead_id, note = read_lead_id(rest, "lead_pool.usage.contacted")
    return _step(db, actor, lambda session, now: mark_contacted(session, actor, lead_id, note, now))


def qualify_typed(db: Database, actor: Actor, rest: str) -> dict:
    lead_id, _ = read_lead_id(rest, "lead_pool.usage.qualify")
    return _step(db, actor, lambda session, now: qualify(session, actor, lead_id, now))


def disqualify_typed(db: Database, actor: Actor, rest: str) -> dict:
    lead_id, reason = read_lead_id(rest, "lead_pool.usage.disqualify")
    return _step(db, actor, lambda session, now: disqualify(session, actor, lead_id, reason, now))


def follow_typed(db: Database, actor: Actor, rest: str) -> dict:
    lead_id, note = read_lead_id(rest, "lead_pool.usage.follow")
    return _step(db, actor, lambda session, now: follow(session, actor, lead_id, note, now))


def _step(db: Database, actor: Actor, take: Callable[[Session, datetime | None], LeadStep]) -> dict:
    with db.session() as session:
        step = take(session, None)
    return views.step_message(step, actor.locale)


def register(app: App) -> None:
    for words, handler in (
        (CONTACTED_WORDS, contacted_typed),
        (QUALIFY_WORDS, qualify_typed),
        (DISQUALIFY_WORDS, disqualify_typed),
        (FOLLOW_WORDS, follow_typed),
    ):
        for word in words:
            leads.VERBS[word.casefold()] = handler
    app.action(views.CONTACTED)(leads.clicked_as_typed(contacted_typed))
