"""`/deal`, its forms and the buttons of its card (move, won, lost). Replies are ephemeral;
forms confirm in place. A button checks the opportunity as it stands when clicked: a double
click, a stale button or a replay changes nothing and says why."""

import re

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from sqlmodel import Session

from bot.listeners import leads
from bot.listeners.replies import (
    Answer,
    FormToOpen,
    ack_command,
    answer,
    answer_click,
    answer_submission,
)
from bot.views import deals as views
from commands.deals import (
    create_deal,
    deal_card,
    draft_from_form,
    draft_from_line,
    list_deals,
    lose_deal,
    move_deal,
    set_next_step,
    stage_named,
    win_deal,
)
from commands.deals.access import find_deal
from commands.deals.moving import check_may_change
from commands.deals.text import (
    ListDeals,
    LoseDeal,
    MoveDeal,
    NewDeal,
    OpenForm,
    SetNextStep,
    ShowDeal,
    ShowHelp,
    WinDeal,
    parse_deal_command,
    parse_deal_id,
)
from commands.errors import InvalidInput
from commands.leads.conversion import convert_lead, read_convert
from commands.people import Actor
from storage.db import Database
from storage.statuses import OpportunityStage

COMMAND = "/deal"
FORM_FAILED = "deal.form_failed"
# `/lead convert 12 [AMOUNT]`, answered here: a lead becomes a customer and an opportunity.
CONVERT_WORDS = ("convert", "转化", "转换")


def deal_command(
    ack: Ack,
    command: dict,
    actor: Actor,
    db: Database,
    client: WebClient,
    respond: Respond,
) -> None:
    reply = answer(actor, lambda: command_reply(db, actor, command.get("text", "")))
    ack_command(ack, reply, command, client, actor, respond, FORM_FAILED)


def command_reply(db: Database, actor: Actor, text: str) -> Answer:
    request = parse_deal_command(text)
    match request:
        case ShowHelp():
            return views.deal_help(actor.locale)
        case OpenForm():
            return FormToOpen(views.deal_form(actor.locale))
        case LoseDeal(reason=None):
            return lost_form_for(db, actor, request.deal_id, None)
    with db.session() as session:
        if isinstance(request, NewDeal | ListDeals | ShowDeal):
            return _read_or_create(session, actor, request)
        return _change(session, actor, request)


def _read_or_create(session: Session, actor: Actor, request: NewDeal | ListDeals | ShowDeal):
    match request:
        case NewDeal():
            created = create_deal(session, actor, draft_from_line(session, actor, request))
            return views.created_message(created, actor.reader)
        case ListDeals():
            page = list_deals(session, actor, request.team, request.status)
            return views.deal_page(page, actor.reader)
        case ShowDeal():
            return views.deal_card(deal_card(session, actor, request.deal_id), actor.reader)
    raise AssertionError(f"unanswered {request!r}")


def _change(session: Session, actor: Actor, request: object) -> dict:
    match request:
        case MoveDeal():
            moved = move_deal(session, actor, request.deal_id, request.stage)
            return views.moved_message(moved, actor.reader)
        case SetNextStep():
            done = set_next_step(session, actor, request.deal_id, request.text)
            return views.next_step_message(done, actor.reader)
        case WinDeal():
            return views.won_message(win_deal(session, actor, request.deal_id), actor.reader)
        case LoseDeal():
            lost = lose_deal(session, actor, request.deal_id, request.reason, request.competitor)
            return views.moved_message(lost, actor.reader)
    raise AssertionError(f"unanswered {request!r}")


def lost_form_for(db: Database, actor: Actor, deal_id: int, seen_at: str | None) -> FormToOpen:
    """The lost form, for an opportunity that may still be lost (checked now, and again when
    the form is sent)."""
    with db.session() as session:
        deal = find_deal(session, actor, deal_id)
        check_may_change(session, deal, seen_at)
        return FormToOpen(views.lost_form(deal_id, deal.stage, deal.title, actor.locale))


# -- the forms ----------------------------------------------------------------------------------


def form_submitted(ack: Ack, view: dict, actor: Actor, db: Database) -> None:
    def save() -> dict:
        values = views.read_form(view.get("state", {}).get("values", {}))
        with db.session() as session:
            created = create_deal(session, actor, draft_from_form(session, actor, values))
        return views.done_view(views.created_message(created, actor.reader), actor.locale)

    answer_submission(ack, actor, save, views.FORM_FIELDS, views.FALLBACK_BLOCK)


def lost_submitted(ack: Ack, view: dict, actor: Actor, db: Database) -> None:
    def save() -> dict:
        deal_word, stage_word, reason, competitor = views.read_lost_form(view)
        deal_id, seen_at = parse_deal_id(deal_word), _seen_stage(stage_word)
        with db.session() as session:
            check_may_change(session, find_deal(session, actor, deal_id), seen_at)
            lost = lose_deal(session, actor, deal_id, reason, competitor)
        return views.done_view(views.moved_message(lost, actor.reader), actor.locale)

    answer_submission(ack, actor, save, views.LOST_FIELDS, "reason")


# -- the buttons of the card ---------------------------------------------------------------------


def move_clicked(
    ack: Ack,
    action: dict,
    body: dict,
    actor: Actor,
    db: Database,
    client: WebClient,
    respond: Respond,
) -> None:
    ack()

    def produce() -> Answer:
        deal_id, seen_at, target = _button_value(action, parts=3)
        stage = _seen_stage(target)
        if stage is None:
            raise InvalidInput("deal.error.bad_stage", word=target[:40])
        with db.session() as session:
            moved = move_deal(session, actor, deal_id, stage, seen_at)
        return views.moved_message(moved, actor.reader)

    answer_click(body, answer(actor, produce), client, actor, respond, FORM_FAILED)


def won_clicked(
    ack: Ack,
    action: dict,
    body: dict,
    actor: Actor,
    db: Database,
    client: WebClient,
    respond: Respond,
) -> None:
    ack()

    def produce() -> Answer:
        deal_id, seen_at, _ = _button_value(action, parts=2)
        with db.session() as session:
            won = win_deal(session, actor, deal_id, seen_at)
        return views.won_message(won, actor.reader)

    answer_click(body, answer(actor, produce), client, actor, respond, FORM_FAILED)


def lost_clicked(
    ack: Ack,
    action: dict,
    body: dict,
    actor: Actor,
    db: Database,
    client: WebClient,
    respond: Respond,
) -> None:
    ack()

    def produce() -> Answer:
        deal_id, seen_at, _ = _button_value(action, parts=2)
        return lost_form_for(db, actor, deal_id, seen_at)

    answer_click(body, answer(actor, produce), client, actor, respond, FORM_FAILED)


def convert_reply(db: Database, actor: Actor, text: str) -> dict:
    request = read_convert(text)
    with db.session() as session:
        return views.converted_message(convert_lead(session, actor, request), actor.reader)


def _button_value(action: dict, parts: int) -> tuple[int, OpportunityStage | None, str]:
    """`12:needs` (and the target stage, for a move): what the button was shown for."""
    words = str(action.get("value") or "").split(":")
    if len(words) != parts:
        raise InvalidInput("deal.error.bad_id", word=str(action.get("value") or "")[:40])
    return parse_deal_id(words[0]), _seen_stage(words[1]), words[-1]


def _seen_stage(word: str) -> OpportunityStage | None:
    return stage_named(word) if word else None


def register(app: App) -> None:
    app.command(COMMAND)(deal_command)
    app.view(views.FORM)(form_submitted)
    app.view(views.LOST_FORM)(lost_submitted)
    app.action(re.compile(f"^{views.MOVE_PREFIX}"))(move_clicked)
    app.action(views.WON)(won_clicked)
    app.action(views.LOST)(lost_clicked)
    for word in CONVERT_WORDS:
        leads.VERBS[word] = convert_reply
