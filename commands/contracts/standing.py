"""Where a contract stands: what is done, what it waits for, what a reader may do now."""

from sqlmodel import Session

from commands.contracts.cards import (
    ContractCard,
    Loaded,
    awaiting_review,
    card_of,
    history,
    last_step,
    load_row,
    names_of,
    reviewed_in_round,
)
from commands.contracts.deciders import approvers_of, reviewers_of
from commands.contracts.rules import keeps, may_approve, may_reject, may_review, on_team_desk
from commands.errors import InvalidInput
from commands.people import Actor
from storage.models import Contract
from storage.statuses import ContractStatus

LIFE = (
    ContractStatus.draft,
    ContractStatus.legal_review,
    ContractStatus.approved,
    ContractStatus.signed,
    ContractStatus.archived,
)


# The status each step needs, and where it leads.
STEP_FROM = {
    "submit": (ContractStatus.draft,),
    "review": (ContractStatus.legal_review,),
    "approve": (ContractStatus.legal_review,),
    "reject": (ContractStatus.legal_review, ContractStatus.approved),
    "sign": (ContractStatus.approved,),
    "archive": (ContractStatus.signed,),
    "reopen": (ContractStatus.rejected,),
    "edit": (ContractStatus.draft,),
}


def refuse_if_done(session: Session, loaded: Loaded, step: str) -> None:
    """A step already taken (a second click, a stale button, a replay) is told, not redone."""
    contract = loaded.contract
    if _already(session, loaded, step):
        _refuse_as_done(session, loaded, step)
    if contract.status == ContractStatus.rejected and step in ("review", "approve", "sign"):
        _refuse_as_done(session, loaded, "reject")


def _refuse_as_done(session: Session, loaded: Loaded, step: str) -> None:
    """Who took the step and when, as recorded; nothing about them when nobody is known."""
    entry = last_step(session, loaded.id, step)
    if entry is None:
        raise InvalidInput(f"contract.error.already_unrecorded.{step}", id=loaded.id)
    raise InvalidInput(
        f"contract.error.already.{step}",
        id=loaded.id,
        by=entry.by,
        at=entry.at,
        reason=entry.note or "—",
    )


def _already(session: Session, loaded: Loaded, step: str) -> bool:
    status = loaded.contract.status
    later = {
        "submit": LIFE[1:],
        "review": LIFE[2:],
        "approve": LIFE[2:],
        "sign": LIFE[3:],
        "archive": LIFE[4:],
        "reject": (ContractStatus.rejected,),
    }.get(step, ())
    reviewed = (
        step == "review"
        and status == ContractStatus.legal_review
        and reviewed_in_round(session, loaded)
    )
    return status in later or reviewed


def check_status(session: Session, loaded: Loaded, step: str) -> None:
    contract = loaded.contract
    if contract.status == ContractStatus.rejected and step in ("submit", "edit"):
        raise InvalidInput("contract.error.reopen_first", id=contract.id)
    if contract.status not in STEP_FROM[step]:
        raise InvalidInput(f"contract.error.cannot.{step}", id=contract.id, state=contract.status)
    if step == "approve" and not reviewed_in_round(session, loaded):
        reviewers, _ = reviewers_of(session, loaded)
        raise InvalidInput("contract.error.not_reviewed", id=contract.id, names=names_of(reviewers))


def full_card(session: Session, loaded: Loaded) -> ContractCard:
    awaited, waiting_for = awaited_step(session, loaded)
    return card_of(
        loaded.contract,
        loaded.customer,
        loaded.owner,
        loaded,
        history(session, loaded.id),
        awaited,
        waiting_for,
    )


def awaited_step(session: Session, loaded: Loaded) -> tuple[str | None, tuple[str, ...]]:
    status = loaded.contract.status
    if awaiting_review(session, loaded):
        return "review", tuple(m.name for m in reviewers_of(session, loaded)[0])
    if status == ContractStatus.legal_review:
        return "approval", tuple(m.name for m in approvers_of(session, loaded)[0])
    if status == ContractStatus.approved:
        return "signature", (loaded.owner.name,)
    return None, ()


def waiting_on(session: Session, contract: Contract) -> tuple[str | None, tuple[str, ...]]:
    """For the jobs: which step a contract waits for, and the names of who may take it."""
    return awaited_step(session, load_row(session, contract))


def actions_for(session: Session, actor: Actor, loaded: Loaded) -> tuple[str, ...]:
    status = loaded.contract.status
    actions = []
    if status == ContractStatus.draft and keeps(actor, loaded):
        actions += ["submit", "edit"]
    if status == ContractStatus.legal_review:
        reviewed = reviewed_in_round(session, loaded)
        if not reviewed and may_review(session, actor, loaded):
            actions.append("review")
        if reviewed and may_approve(session, actor, loaded):
            actions.append("approve")
    if status in (ContractStatus.legal_review, ContractStatus.approved) and may_reject(
        session, actor, loaded
    ):
        actions.append("reject")
    if status == ContractStatus.approved and keeps(actor, loaded):
        actions.insert(0, "sign")
    if status == ContractStatus.signed and (actor.is_admin or on_team_desk(actor, loaded)):
        actions.append("archive")
    if status == ContractStatus.rejected and keeps(actor, loaded):
        actions.append("reopen")
    return tuple(actions)
