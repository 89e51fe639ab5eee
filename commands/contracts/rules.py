"""Who may take each step of a contract."""

from decimal import Decimal

from sqlmodel import Session

from commands.contracts.cards import Loaded, awaiting_review, names_of
from commands.contracts.deciders import approvers_of, reviewers_of
from commands.errors import Forbidden
from commands.people import Actor


def check_allowed(session: Session, actor: Actor, loaded: Loaded, step: str) -> None:
    contract_id = loaded.id
    if step in ("review", "approve") and actor.member_id == loaded.owner.id:
        raise Forbidden("contract.error.own_contract", id=contract_id)
    if step in ("submit", "edit", "reopen", "sign"):
        if not keeps(actor, loaded):
            raise Forbidden(
                f"contract.error.forbidden.{step}", id=contract_id, owner=loaded.owner.name
            )
    elif step == "archive":
        if not (actor.is_admin or on_team_desk(actor, loaded)):
            raise Forbidden("contract.error.forbidden.archive", id=contract_id)
    elif step == "review":
        _check_reviewer(session, actor, loaded)
    elif step == "approve":
        _check_approver(session, actor, loaded)
    elif step == "reject" and not may_reject(session, actor, loaded):
        deciders = approvers_of(session, loaded)[0]
        if awaiting_review(session, loaded):
            deciders = reviewers_of(session, loaded)[0] + deciders
        raise Forbidden("contract.error.forbidden.reject", id=contract_id, names=names_of(deciders))


def keeps(actor: Actor, loaded: Loaded) -> bool:
    """The owner, the desk or a manager of the owner's team, an admin."""
    return actor.is_admin or actor.member_id == loaded.owner.id or on_team_desk(actor, loaded)


def on_team_desk(actor: Actor, loaded: Loaded) -> bool:
    team_id = loaded.owner.team_id
    return actor.works_the_desk and team_id is not None and actor.team_id == team_id


def may_review(session: Session, actor: Actor, loaded: Loaded) -> bool:
    if actor.member_id == loaded.owner.id:
        return False
    reviewers, fallback = reviewers_of(session, loaded)
    return actor.member_id in {m.id for m in reviewers} or (fallback and actor.is_admin)


def may_approve(session: Session, actor: Actor, loaded: Loaded) -> bool:
    if actor.member_id == loaded.owner.id:
        return False
    approvers, _ = approvers_of(session, loaded)
    return actor.is_admin or actor.member_id in {m.id for m in approvers}


def may_reject(session: Session, actor: Actor, loaded: Loaded) -> bool:
    if awaiting_review(session, loaded) and may_review(session, actor, loaded):
        return True
    return may_approve(session, actor, loaded)


def _check_reviewer(session: Session, actor: Actor, loaded: Loaded) -> None:
    if may_review(session, actor, loaded):
        return
    reviewers, fallback = reviewers_of(session, loaded)
    key = (
        "contract.error.forbidden.review_fallback"
        if fallback
        else "contract.error.forbidden.review"
    )
    raise Forbidden(key, id=loaded.id, names=names_of(reviewers))


def _check_approver(session: Session, actor: Actor, loaded: Loaded) -> None:
    if may_approve(session, actor, loaded):
        return
    approvers, _ = approvers_of(session, loaded)
    if loaded.large:
        raise Forbidden(
            "contract.error.forbidden.approve_large",
            id=loaded.id,
            names=names_of(approvers),
            threshold=Decimal(loaded.settings.large_contract_value),
        )
    raise Forbidden("contract.error.forbidden.approve", id=loaded.id, names=names_of(approvers))
