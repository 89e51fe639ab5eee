"""Lead assignment in Slack: `/lead route …`, `/lead unassigned`, `/lead away …`,
`/lead back`, `/lead capacity …` (first words of /lead, in English and Chinese), and the
Accept / Pass buttons of an offered lead. An answered offer's message is replaced by what
happened; a click that changes nothing (someone else's offer, a stale button, a double click)
is told to the clicker alone."""

from collections.abc import Callable

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.listeners.leads import VERBS
from bot.listeners.replies import answer, answer_click
from bot.views import lead_assignment as views
from commands.errors import InvalidInput
from commands.leads.availability import back, set_away, set_capacity, team_capacity
from commands.leads.offers import accept_offer, pass_offer, read_button
from commands.leads.routing import (
    ADD_WORDS,
    LIST_WORDS,
    REMOVE_WORDS,
    add_rule,
    list_rules,
    remove_rule,
    unassigned_leads,
)
from commands.people import Actor
from storage.db import Database
from storage.models import fold, utcnow

FAILED = "error.internal"


def route_reply(db: Database, actor: Actor, text: str) -> dict:
    first, _, rest = text.strip().partition(" ")
    word = fold(first)
    with db.session() as session:
        if word in LIST_WORDS:
            return views.rules_message(list_rules(session, actor), actor.locale)
        if word in ADD_WORDS:
            return views.rule_added(add_rule(session, actor, rest), actor.locale)
        if word in REMOVE_WORDS:
            return views.rule_removed(remove_rule(session, actor, rest), actor.locale)
    raise InvalidInput("route.error.usage")


def unassigned_reply(db: Database, actor: Actor, text: str) -> dict:
    with db.session() as session:
        return views.unassigned_message(unassigned_leads(session, actor), actor.reader)


def away_reply(db: Database, actor: Actor, text: str) -> dict:
    with db.session() as session:
        return views.away_message(set_away(session, actor, text, utcnow()), actor.locale)


def back_reply(db: Database, actor: Actor, text: str) -> dict:
    with db.session() as session:
        return views.away_message(back(session, actor, utcnow()), actor.locale)


def capacity_reply(db: Database, actor: Actor, text: str) -> dict:
    with db.session() as session:
        if text.strip().startswith(("<@", "@")):
            return views.capacity_set(set_capacity(session, actor, text), actor.locale)
        shown = team_capacity(session, actor, text, utcnow())
        return views.team_capacity_message(shown, actor.locale)


ASSIGNMENT_VERBS = {
    "route": route_reply,
    "routes": route_reply,
    "routing": route_reply,
    "路由": route_reply,
    "分配规则": route_reply,
    "规则": route_reply,
    "unassigned": unassigned_reply,
    "未分配": unassigned_reply,
    "away": away_reply,
    "休假": away_reply,
    "外出": away_reply,
    "请假": away_reply,
    "back": back_reply,
    "回来": back_reply,
    "销假": back_reply,
    "capacity": capacity_reply,
    "容量": capacity_reply,
}


# -- the buttons of an offered lead --------------------------------------------------------


def accept_clicked(
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
    _answer_offer(body, action, actor, db, client, respond, accept_offer)
    notify()


def pass_clicked(
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
    _answer_offer(body, action, actor, db, client, respond, pass_offer)
    notify()


def _answer_offer(body, action, actor, db, client, respond, step) -> None:
    """The step taken: the offer's message replaced by what happened. Refused: the clicker
    alone is told why, and the message stays as it is."""
    done: list[dict] = []

    def take() -> dict:
        with db.session() as session:
            answered = step(session, actor, read_button(str(action.get("value") or "")))
        done.append(views.answered_message(answered, actor.reader))
        return done[0]

    reply = answer(actor, take)
    if done:
        respond(replace_original=True, text=reply["text"], blocks=reply["blocks"])
    else:
        answer_click(body, reply, client, actor, respond, FAILED)


def register(app: App) -> None:
    VERBS.update(ASSIGNMENT_VERBS)
    app.action(views.ACCEPT)(accept_clicked)
    app.action(views.PASS)(pass_clicked)
