"""The steps of the life cycle: each one checked, taken in one transaction with its audit entry,
and heard of by whom it concerns."""

from datetime import datetime

from sqlmodel import Session

from commands.contracts.cards import ContractCard, ContractMoved, Loaded, count_steps, load, utc
from commands.contracts.deciders import approvers_of, reviewers_of, team_desk_of
from commands.contracts.messages import ask, message_key, tell_owner, update_asks, update_owner_dm
from commands.contracts.rules import check_allowed
from commands.contracts.standing import check_status, full_card, refuse_if_done
from commands.contracts.text import check_note
from commands.errors import InvalidInput
from commands.people import Actor
from commands.records import audit, notify
from storage.statuses import ContractStatus

STEP_TO = {
    "submit": ContractStatus.legal_review,
    "approve": ContractStatus.approved,
    "reject": ContractStatus.rejected,
    "sign": ContractStatus.signed,
    "archive": ContractStatus.archived,
    "reopen": ContractStatus.draft,
}


def take_step(
    session: Session,
    actor: Actor,
    contract_id: int,
    step: str,
    note: str | None = None,
    now: datetime | None = None,
) -> ContractMoved:
    """submit, review, approve, reject (a reason needed), sign, archive or reopen."""
    note = check_note(note)
    if step == "reject" and not note:
        raise InvalidInput("contract.error.reason_missing", id=contract_id)
    loaded = load(session, actor, contract_id, lock=True)
    refuse_if_done(session, loaded, step)
    check_allowed(session, actor, loaded, step)
    check_status(session, loaded, step)
    if step == "submit" and not loaded.contract.document_url:
        raise InvalidInput("contract.error.no_document", id=contract_id)
    moment = utc(now)
    _move(session, actor, loaded, step, moment, note)
    return STEP_EFFECTS[step](session, actor, loaded, step)


def check_can_reject(session: Session, actor: Actor, contract_id: int) -> ContractCard:
    """Before the reject form opens: the actor may reject it now."""
    loaded = load(session, actor, contract_id)
    refuse_if_done(session, loaded, "reject")
    check_allowed(session, actor, loaded, "reject")
    check_status(session, loaded, "reject")
    return full_card(session, loaded)


def _move(
    session: Session, actor: Actor, loaded: Loaded, step: str, moment: datetime, note: str | None
):
    """Change the status (a review changes none), stamp it and audit it."""
    contract = loaded.contract
    before = contract.status
    after = STEP_TO.get(step, before)
    if after != before:
        contract.status = after
        contract.status_changed_at = moment
    if step == "reject":
        contract.reject_reason = note
    elif step == "reopen":
        contract.reject_reason = None
    session.add(contract)
    details = {"reason" if step == "reject" else "note": note} if note else {}
    audit(
        session,
        actor.slack_user_id,
        "contract",
        str(contract.id),
        step,
        {"status": before},
        {"status": after, **details},
    )
    session.flush()


def _submitted(session: Session, actor: Actor, loaded: Loaded, step: str) -> ContractMoved:
    reviewers, fallback = reviewers_of(session, loaded)
    card = full_card(session, loaded)
    round_ = count_steps(session, loaded.id, "submit")
    ask(session, loaded, round_, "review", reviewers, fallback, card)
    tell_owner(session, actor, loaded, card, f"{round_}:submitted")
    return ContractMoved(card, step, tuple(m.name for m in reviewers))


def _reviewed(session: Session, actor: Actor, loaded: Loaded, step: str) -> ContractMoved:
    card = full_card(session, loaded)
    round_ = count_steps(session, loaded.id, "submit")
    update_asks(session, loaded, round_, "review-ask", "reviewed", card)
    approvers, fallback = approvers_of(session, loaded)
    ask(session, loaded, round_, "approve", approvers, fallback, card)
    tell_owner(session, actor, loaded, card, f"{round_}:reviewed")
    return ContractMoved(card, step, tuple(m.name for m in approvers))


def _approved(session: Session, actor: Actor, loaded: Loaded, step: str) -> ContractMoved:
    card = full_card(session, loaded)
    round_ = count_steps(session, loaded.id, "submit")
    update_asks(session, loaded, round_, "approve-ask", "approved", card)
    notify(
        session,
        key=message_key(loaded, round_, "approved"),
        channel=loaded.owner.slack_user_id,
        kind="contract_news",
        step="approve",
        buttons=["sign"],
        **card.params(),
    )
    return ContractMoved(card, step, (loaded.owner.name,))


def _rejected(session: Session, actor: Actor, loaded: Loaded, step: str) -> ContractMoved:
    card = full_card(session, loaded)
    round_ = count_steps(session, loaded.id, "submit")
    update_asks(session, loaded, round_, "review-ask", "rejected", card)
    update_asks(session, loaded, round_, "approve-ask", "rejected", card)
    update_owner_dm(session, loaded, round_, "rejected", card)
    notify(
        session,
        key=message_key(loaded, round_, "rejected"),
        channel=loaded.owner.slack_user_id,
        kind="contract_news",
        step="reject",
        **card.params(),
    )
    return ContractMoved(card, step, (loaded.owner.name,))


def _signed(session: Session, actor: Actor, loaded: Loaded, step: str) -> ContractMoved:
    card = full_card(session, loaded)
    round_ = count_steps(session, loaded.id, "submit")
    update_owner_dm(session, loaded, round_, "signed", card)
    tell_owner(session, actor, loaded, card, f"{round_}:signed")
    desk = [
        m for m in team_desk_of(session, loaded) if m.id not in (actor.member_id, loaded.owner.id)
    ]
    for member in desk:
        notify(
            session,
            key=message_key(loaded, round_, "signed", member.slack_user_id),
            channel=member.slack_user_id,
            kind="contract_news",
            step="sign",
            **card.params(),
        )
    return ContractMoved(card, step, tuple(m.name for m in desk))


def _archived(session: Session, actor: Actor, loaded: Loaded, step: str) -> ContractMoved:
    card = full_card(session, loaded)
    tell_owner(session, actor, loaded, card, "archived")
    return ContractMoved(card, step)


def _reopened(session: Session, actor: Actor, loaded: Loaded, step: str) -> ContractMoved:
    card = full_card(session, loaded)
    tell_owner(session, actor, loaded, card, f"reopened:{count_steps(session, card.id, 'reopen')}")
    return ContractMoved(card, step)


STEP_EFFECTS = {
    "submit": _submitted,
    "review": _reviewed,
    "approve": _approved,
    "reject": _rejected,
    "sign": _signed,
    "archive": _archived,
    "reopen": _reopened,
}
