"""A contract loaded with what decides its steps (its customer, owner, team and the team's
settings), its history from the audit log, and the cards the other layers read."""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import func
from sqlmodel import Session, col, select

from commands.customers import visible_customers
from commands.errors import NotFound
from commands.people import Actor
from commands.team_settings import TeamSettings, settings_of
from storage.models import AuditEntry, Contract, Customer, Member, Team, as_utc, stored_id, utcnow
from storage.statuses import ContractStatus


@dataclass(frozen=True)
class Entry:
    """One line of a contract's history."""

    action: str  # draft, edit, submit, review, approve, reject, reopen, sign, archive
    by: str
    at: datetime
    note: str | None = None


@dataclass(frozen=True)
class ContractCard:
    id: int
    status: ContractStatus
    kind: str
    title: str
    customer_id: int
    customer_code: str
    customer_name: str
    owner_name: str
    owner_slack_id: str
    value: Decimal | None
    currency: str
    starts_on: date | None
    expires_on: date | None
    document_url: str | None
    reject_reason: str | None
    large: bool
    history: tuple[Entry, ...] = ()
    waiting_on: str | None = None  # review, approval or signature
    waiting_for: tuple[str, ...] = ()  # who may take that step

    def params(self) -> dict:
        """The card as notification parameters (JSON): what a message shows at sending time."""
        return {
            "contract_id": self.id,
            "status": self.status,
            "contract_kind": self.kind,
            "title": self.title,
            "customer": self.customer_name,
            "customer_code": self.customer_code,
            "owner": self.owner_name,
            "value": None if self.value is None else format(self.value, "f"),
            "currency": self.currency,
            "starts_on": iso(self.starts_on),
            "expires_on": iso(self.expires_on),
            "document_url": self.document_url,
            "reject_reason": self.reject_reason,
            "large": self.large,
            "waiting_on": self.waiting_on,
            "waiting_for": list(self.waiting_for),
            "history": [
                {"action": e.action, "by": e.by, "at": e.at.isoformat(), "note": e.note}
                for e in self.history
            ],
        }


@dataclass(frozen=True)
class ContractMoved:
    card: ContractCard
    step: str  # draft, edit or one of text.STEPS
    asked: tuple[str, ...] = ()  # names of the people asked to act next


@dataclass(frozen=True)
class ContractView:
    card: ContractCard
    actions: tuple[str, ...]  # what the viewer may do now


@dataclass(frozen=True)
class ContractPage:
    contracts: list[ContractCard]
    total: int
    scope: str
    customer_query: str | None = None


@dataclass
class Loaded:
    contract: Contract
    customer: Customer
    owner: Member
    team: Team | None
    settings: TeamSettings

    @property
    def id(self) -> int:
        return stored_id(self.contract)

    @property
    def large(self) -> bool:
        value = self.contract.value
        return value is not None and Decimal(value) > self.settings.large_contract_value


def load(session: Session, actor: Actor, contract_id: int, lock: bool = False) -> Loaded:
    query = select(Contract).where(Contract.id == contract_id)
    if lock:
        query = query.with_for_update()
    contract = session.exec(query).first()
    loaded = load_row(session, contract) if contract is not None else None
    if loaded is None or not may_see(session, actor, loaded):
        raise NotFound("contract.error.not_found", id=contract_id)
    return loaded


def load_row(session: Session, contract: Contract) -> Loaded:
    customer = session.get(Customer, contract.customer_id)
    owner = session.get(Member, contract.owner_id)
    if customer is None or owner is None:  # both are foreign keys: the schema keeps them
        raise ValueError(f"contract {contract.id} has lost its customer or its owner")
    team = session.get(Team, owner.team_id) if owner.team_id else None
    settings = settings_of(team) if team else TeamSettings()
    return Loaded(contract, customer, owner, team, settings)


def may_see(session: Session, actor: Actor, loaded: Loaded) -> bool:
    if actor.is_admin or actor.member_id == loaded.owner.id:
        return True
    managers = {
        loaded.owner.manager_slack_id,
        loaded.team.manager_slack_id if loaded.team else None,
    }
    if actor.slack_user_id in managers or actor.slack_user_id in loaded.settings.legal_reviewer_ids:
        return True
    query = visible_customers(select(Customer.id), actor).where(Customer.id == loaded.customer.id)
    return session.exec(query).first() is not None


def card_of(
    contract: Contract,
    customer: Customer,
    owner: Member,
    loaded: Loaded | None,
    history: tuple[Entry, ...] = (),
    awaited: str | None = None,
    waiting_for: tuple[str, ...] = (),
) -> ContractCard:
    return ContractCard(
        id=stored_id(contract),
        status=contract.status,
        kind=contract.kind,
        title=contract.title,
        customer_id=stored_id(customer),
        customer_code=customer.code,
        customer_name=customer.name,
        owner_name=owner.name,
        owner_slack_id=owner.slack_user_id,
        value=None if contract.value is None else Decimal(contract.value),
        currency=contract.currency,
        starts_on=contract.starts_on,
        expires_on=contract.expires_on,
        document_url=contract.document_url,
        reject_reason=contract.reject_reason,
        large=loaded.large if loaded else False,
        history=history,
        waiting_on=awaited,
        waiting_for=waiting_for,
    )


def history(session: Session, contract_id: int) -> tuple[Entry, ...]:
    """Who did what and when, from the audit log (the record of who did what)."""
    rows = session.exec(
        select(AuditEntry.action, col(AuditEntry.at), col(AuditEntry.after), col(Member.name))
        .join(Member, col(Member.slack_user_id) == col(AuditEntry.actor), isouter=True)
        .where(col(AuditEntry.entity) == "contract", col(AuditEntry.entity_key) == str(contract_id))
        .order_by(col(AuditEntry.id))
    ).all()
    return tuple(
        Entry(
            action,
            name or "—",
            as_utc(at),
            (after or {}).get("reason") or (after or {}).get("note"),
        )
        for action, at, after, name in rows
    )


def last_step(session: Session, contract_id: int, action: str) -> Entry | None:
    """The last time the step was taken; None when it was taken before the desk kept a record
    of it (a contract imported or loaded as it stands)."""
    found = [entry for entry in history(session, contract_id) if entry.action == action]
    return found[-1] if found else None


def count_steps(session: Session, contract_id: int, action: str) -> int:
    return session.exec(
        select(func.count()).where(
            col(AuditEntry.entity) == "contract",
            col(AuditEntry.entity_key) == str(contract_id),
            col(AuditEntry.action) == action,
        )
    ).one()


def reviewed_in_round(session: Session, loaded: Loaded) -> bool:
    """Whether the contract passed legal review since it was last submitted."""
    actions = session.exec(
        select(AuditEntry.action)
        .where(
            col(AuditEntry.entity) == "contract",
            col(AuditEntry.entity_key) == str(loaded.id),
            col(AuditEntry.action).in_(("submit", "review")),
        )
        .order_by(col(AuditEntry.id).desc())
        .limit(1)
    ).first()
    return actions == "review"


def awaiting_review(session: Session, loaded: Loaded) -> bool:
    """In legal review and not yet reviewed since it was last submitted."""
    in_review = loaded.contract.status == ContractStatus.legal_review
    return in_review and not reviewed_in_round(session, loaded)


def names_of(members: list[Member]) -> tuple[str, ...]:
    """Names for a message; the view joins them in the reader's language."""
    return tuple(dict.fromkeys(m.name for m in members))


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def utc(now: datetime | None) -> datetime:
    return (now or utcnow()).astimezone(UTC)
