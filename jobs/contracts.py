"""Contract reminders and escalations, planned for one team (its members own the contracts):

- before a signed contract expires, its owner (and the customer's owner, if someone else) hears
  at `contract_expiry_first_days` and again at `contract_expiry_second_days`, days counted on
  the owner's calendar from the team's digest time on the owner's clock: once per level,
  the outbox key naming the contract, its expiry date and the level (a new expiry date after a
  renewal starts again);
- a contract waiting in legal review (for its review or its approval) longer than
  `contract_review_stall_days` goes to the owner's manager, once per stall (per submission).
"""

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, col, select

from commands.contracts import waiting_on
from commands.team_settings import TeamSettings
from jobs.recipients import manager_of, working_days
from storage.models import Contract, Customer, Member, Team
from storage.statuses import ContractStatus


def expiry_reminders(
    session: Session, team: Team, members: Iterable[Member], settings: TeamSettings, at: datetime
) -> list[dict]:
    owners = {m.id: m for m in members}
    days = working_days(owners.values(), settings, at)
    if not days:
        return []
    first = max(settings.contract_expiry_first_days, settings.contract_expiry_second_days)
    second = min(settings.contract_expiry_first_days, settings.contract_expiry_second_days)
    rows = session.exec(
        select(Contract, Customer)
        .join(Customer, col(Contract.customer_id) == col(Customer.id))
        .where(
            col(Contract.owner_id).in_(list(days)),
            col(Contract.status) == ContractStatus.signed,
            col(Contract.expires_on).is_not(None),
            col(Contract.expires_on) >= min(days.values()),
            col(Contract.expires_on) <= max(days.values()) + timedelta(days=first),
        )
    ).all()
    planned = []
    for contract, customer in rows:
        expires = contract.expires_on
        if expires is None:  # the query asks for an expiry date
            continue
        days_left = (expires - days[contract.owner_id]).days
        if not 0 <= days_left <= first:
            continue
        level = "second" if days_left <= second else "first"
        for reader in _readers(session, owners[contract.owner_id], customer):
            planned.append(
                {
                    "key": f"contract-expiry:{contract.id}:{expires}:{level}:{reader}",
                    "channel": reader,
                    "kind": "contract_expiring",
                    "level": level,
                    "contract_id": contract.id,
                    "title": contract.title,
                    "customer": customer.name,
                    "expires_on": expires.isoformat(),
                    "days_left": days_left,
                }
            )
    return planned


def stalled_reviews(
    session: Session, team: Team, members: Iterable[Member], settings: TeamSettings, at: datetime
) -> list[dict]:
    owners = {m.id: m for m in members}
    cutoff = at - timedelta(days=settings.contract_review_stall_days)
    rows = session.exec(
        select(Contract, Customer)
        .join(Customer, col(Contract.customer_id) == col(Customer.id))
        .where(
            col(Contract.owner_id).in_(list(owners)),
            col(Contract.status) == ContractStatus.legal_review,
            col(Contract.status_changed_at) < cutoff,
        )
    ).all()
    planned = []
    for contract, customer in rows:
        owner = owners[contract.owner_id]
        manager = manager_of(owner, team)
        if not manager or manager == owner.slack_user_id:
            continue
        stage, names = waiting_on(session, contract)
        since = contract.status_changed_at
        since = since if since.tzinfo else since.replace(tzinfo=UTC)
        planned.append(
            {
                "key": f"escalation:contract-review:{contract.id}:{since:%Y%m%dT%H%M%S}:manager",
                "channel": manager,
                "kind": "escalation_contract_review",
                "contract_id": contract.id,
                "title": contract.title,
                "customer": customer.name,
                "owner": owner.name,
                "since": since.isoformat(),
                "days": settings.contract_review_stall_days,
                "waiting_on": stage,
                "waiting_for": list(names),
            }
        )
    return planned


def _readers(session: Session, owner: Member, customer: Customer) -> list[str]:
    readers = [owner.slack_user_id]
    if customer.owner_id != owner.id:
        account_owner = session.get(Member, customer.owner_id)
        if account_owner is not None:
            readers.append(account_owner.slack_user_id)
    return readers
