"""Reading contracts: one with what its reader may do, and the lists."""

from datetime import datetime, timedelta

from sqlalchemy import func, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from commands.contracts.cards import ContractPage, ContractView, card_of, load, load_row
from commands.contracts.standing import actions_for, full_card
from commands.customers import visible_customers
from commands.orders import today_for
from commands.people import Actor
from commands.team_settings import TeamSettings, settings_of
from storage.models import Contract, Customer, Member, Team, fold, stored_id
from storage.statuses import ContractStatus

LIST_LIMIT = 15


def contract_view(session: Session, actor: Actor, contract_id: int) -> ContractView:
    loaded = load(session, actor, contract_id)
    return ContractView(full_card(session, loaded), actions_for(session, actor, loaded))


def list_contracts(
    session: Session,
    actor: Actor,
    scope: str,
    customer_query: str | None = None,
    now: datetime | None = None,
) -> ContractPage:
    """open (not archived), mine, expiring (approved or signed, expiring within the first
    reminder's days or already expired), waiting (for the actor's review or approval), or
    every contract of the customers matching `customer_query`."""
    owner = aliased(Member)
    query = (
        select(Contract, Customer, owner)
        .join(Customer, col(Contract.customer_id) == col(Customer.id))
        .join(owner, col(Contract.owner_id) == owner.id)
    )
    query = _visible(session, query, actor)
    order = [col(Contract.status_changed_at).desc(), col(Contract.id).desc()]
    if scope == "mine":
        query = query.where(
            col(Contract.status) != ContractStatus.archived,
            or_(
                col(Contract.owner_id) == actor.member_id, col(Customer.owner_id) == actor.member_id
            ),
        )
    elif scope == "expiring":
        horizon = today_for(actor, now) + timedelta(days=_expiry_horizon(session, actor))
        query = query.where(
            col(Contract.status).in_((ContractStatus.approved, ContractStatus.signed)),
            col(Contract.expires_on).is_not(None),
            col(Contract.expires_on) <= horizon,
        )
        order = [col(Contract.expires_on), col(Contract.id)]
    elif scope == "customer":
        query = query.where(_customer_matches(customer_query or ""))
    elif scope == "waiting":
        return _waiting_page(
            session, actor, query.where(Contract.status == ContractStatus.legal_review)
        )
    else:
        query = query.where(Contract.status != ContractStatus.archived)
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    rows = session.exec(query.order_by(*order).limit(LIST_LIMIT)).all()
    cards = [card_of(contract, customer, member, None) for contract, customer, member in rows]
    return ContractPage(cards, total, scope, customer_query)


def _waiting_page(session: Session, actor: Actor, query) -> ContractPage:
    cards = []
    for contract, _customer, _owner in session.exec(query.order_by(Contract.status_changed_at)):
        loaded = load_row(session, contract)
        if {"review", "approve"} & set(actions_for(session, actor, loaded)):
            cards.append(full_card(session, loaded))
    return ContractPage(cards[:LIST_LIMIT], len(cards), "waiting")


def _visible(session: Session, query, actor: Actor):
    if actor.is_admin:
        return query
    reports = select(Member.id).where(Member.manager_slack_id == actor.slack_user_id)
    seen = [
        col(Contract.customer_id).in_(visible_customers(select(Customer.id), actor)),
        col(Contract.owner_id) == actor.member_id,
        col(Contract.owner_id).in_(reports),
    ]
    reviewed_teams = _teams_reviewed_by(session, actor)
    if reviewed_teams:
        seen.append(
            col(Contract.owner_id).in_(
                select(Member.id).where(col(Member.team_id).in_(reviewed_teams))
            )
        )
    return query.where(or_(*seen))


def _teams_reviewed_by(session: Session, actor: Actor) -> list[int]:
    teams = session.exec(select(Team)).all()
    return [
        stored_id(team)
        for team in teams
        if actor.slack_user_id in settings_of(team).legal_reviewer_ids
    ]


def _expiry_horizon(session: Session, actor: Actor) -> int:
    team = session.get(Team, actor.team_id) if actor.team_id else None
    settings = settings_of(team) if team else TeamSettings()
    return max(settings.contract_expiry_first_days, settings.contract_expiry_second_days)


def _customer_matches(text: str):
    needle = fold(text.strip())
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return col(Customer.search_text).like(f"%{escaped}%", escape="\\")
