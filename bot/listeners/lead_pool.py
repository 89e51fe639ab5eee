"""`/lead pool [words]` (公海) and `/lead claim 12` (领取), the pool's Claim and More buttons,
and the manager's Reassign on a missed first contact. Answers go to the asker alone; a claim
someone else won, a stale button or a replay is told politely and changes nothing."""

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.listeners import leads
from bot.listeners.replies import answer, answer_click
from bot.views import lead_pool as views
from commands.errors import InvalidInput
from commands.leads.pool import claim, pool_page, reassign, reassign_next
from commands.leads.progress import read_lead_id
from commands.people import Actor
from storage.db import Database

POOL_WORDS = ("pool", "公海")
CLAIM_WORDS = ("claim", "领取")


def pool_typed(db: Database, actor: Actor, rest: str, offset: int = 0) -> dict:
    with db.session() as session:
        page = pool_page(session, actor, rest, offset)
    return views.pool_message(page, actor.reader)


def claim_typed(db: Database, actor: Actor, rest: str) -> dict:
    lead_id, _ = read_lead_id(rest, "lead_pool.usage.claim")
    with db.session() as session:
        claimed = claim(session, actor, lead_id)
    return views.claimed_message(claimed, actor.reader)


def reassign_chosen(db: Database, actor: Actor, value: str) -> dict:
    lead_id, from_owner, to_member = _reassign_value(value)
    with db.session() as session:
        done = reassign(session, actor, lead_id, from_owner, to_member)
    return views.reassigned_message(done, actor.locale)


def reassign_next_clicked_value(db: Database, actor: Actor, value: str) -> dict:
    parts = value.split(":")
    if len(parts) != 2 or not all(part.isdigit() for part in parts):
        raise InvalidInput("lead_pool.error.stale")
    with db.session() as session:
        done = reassign_next(session, actor, int(parts[0]), int(parts[1]))
    return views.reassigned_message(done, actor.locale)


def _reassign_value(value: str) -> tuple[int, int, int]:
    parts = value.split(":")
    if len(parts) != 3 or not all(part.isdigit() for part in parts):
        raise InvalidInput("lead_pool.error.stale")
    lead_id, from_owner, to_member = (int(part) for part in parts)
    return lead_id, from_owner, to_member


def more_clicked(
    ack: Ack,
    body: dict,
    action: dict,
    actor: Actor,
    db: Database,
    client: WebClient,
    respond: Respond,
) -> None:
    ack()
    offset, words = views.more_request(str(action.get("value") or ""))
    reply = answer(actor, lambda: pool_typed(db, actor, words, offset))
    answer_click(body, reply, client, actor, respond)


def register(app: App) -> None:
    for word in POOL_WORDS:
        leads.VERBS[word.casefold()] = pool_typed
    for word in CLAIM_WORDS:
        leads.VERBS[word.casefold()] = claim_typed
    app.action(views.CLAIM)(leads.clicked_as_typed(claim_typed))
    app.action(views.POOL_MORE)(more_clicked)
    app.action(views.REASSIGN)(leads.clicked_as_typed(reassign_chosen))
    app.action(views.REASSIGN_NEXT)(leads.clicked_as_typed(reassign_next_clicked_value))
