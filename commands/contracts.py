"""Contracts (合同) and their life cycle:

    draft ─submit→ legal_review ─(legal review, then approval)→ approved ─sign→ signed ─archive→
    archived; legal_review or approved ─reject (with a reason)→ rejected ─reopen→ draft

The team is the contract owner's (whoever drafted it); its settings say who reviews and who
approves. Who may take each step:

- draft, edit, submit, reopen, sign: the owner, the desk or a manager of the owner's team, an
  admin; archive: the desk or a manager of the owner's team, an admin.
- legal review: the team's legal reviewers (`legal_reviewers`); a team that names none: its
  managers, or an admin.
- approve (only once reviewed): a manager of the owner's team, or an admin; where
  `contract_approver_roles` includes desk, also the team's desk, except for a large contract
  (value above `large_contract_value`, in the contract's own currency), which needs a manager
  or an admin.
- reject: while in legal review, whoever may review or approve it; once approved (not yet
  signed), whoever may approve it.

Nobody reviews or approves their own contract. Every step is one transaction with an audit
entry (the audit log is the contract's history: who did what, when, with which note), the
owner told through the outbox, and the next people to act asked, with buttons; the messages
that asked are updated in place once the step is done, so a stale button only ever meets an
"already done" answer.

Who sees a contract: whoever may see its customer (as for customers), its owner, the owner's
manager and the legal reviewers of the owner's team. A contract one may not see reads as one
that does not exist.
"""

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

from sqlalchemy import func, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from commands.contract_text import KINDS, MAX_TITLE, MAX_URL, check_note
from commands.customers import visible_customers
from commands.errors import DomainError, Forbidden, FormProblems, InvalidInput, NotFound
from commands.orders import today_for
from commands.people import Actor
from commands.records import audit, notify
from commands.team_settings import TeamSettings, settings_of
from storage.models import (
    AuditEntry,
    Contract,
    Customer,
    Member,
    Notification,
    Team,
    as_utc,
    fold,
    utcnow,
)

STATUSES = ("draft", "legal_review", "approved", "signed", "archived", "rejected")
LIFE = ("draft", "legal_review", "approved", "signed", "archived")
NEEDS_VALUE = ("sales_agreement", "agency")
FORM_FIELDS = (
    "customer",
    "kind",
    "title",
    "value",
    "currency",
    "starts_on",
    "expires_on",
    "document",
)
MAX_VALUE = Decimal("1e16")
LIST_LIMIT = 15
_CURRENCY = re.compile(r"^[A-Z]{3}$")
# The status each step needs, and where it leads.
STEP_FROM = {
    "submit": ("draft",),
    "review": ("legal_review",),
    "approve": ("legal_review",),
    "reject": ("legal_review", "approved"),
    "sign": ("approved",),
    "archive": ("signed",),
    "reopen": ("rejected",),
    "edit": ("draft",),
}
STEP_TO = {
    "submit": "legal_review",
    "approve": "approved",
    "reject": "rejected",
    "sign": "signed",
    "archive": "archived",
    "reopen": "draft",
}


@dataclass(frozen=True)
class ContractDraft:
    """What the form says about a contract, before it is checked."""

    customer_id: int | None
    kind: str | None
    title: str
    value: Decimal | None
    currency: str
    starts_on: date | None
    expires_on: date | None
    document_url: str | None


class ContractProblems(FormProblems):
    """Everything wrong with a draft, by form field (FORM_FIELDS), so the form shows each next
    to its field; reads as the first one."""

    heading = "contract.problems"


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
    status: str
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
            "starts_on": _iso(self.starts_on),
            "expires_on": _iso(self.expires_on),
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
    step: str  # draft, edit or one of contract_text.STEPS
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
class _Loaded:
    contract: Contract
    customer: Customer
    owner: Member
    team: Team | None
    settings: TeamSettings

    @property
    def large(self) -> bool:
        value = self.contract.value
        return value is not None and Decimal(value) > self.settings.large_contract_value


# ---------------------------------------------------------------------------------------------
# Drafting and editing


def check_draft(actor: Actor, draft: ContractDraft, now: datetime | None = None) -> None:
    """Raise ContractProblems naming every field that is wrong; change nothing."""
    problems: dict[str, DomainError] = {}
    if draft.customer_id is None:
        problems["customer"] = InvalidInput("contract.error.no_customer")
    if draft.kind not in KINDS:
        problems["kind"] = InvalidInput("contract.error.no_kind")
    title = draft.title.strip()
    if not title:
        problems["title"] = InvalidInput("contract.error.no_title")
    elif len(title) > MAX_TITLE:
        problems["title"] = InvalidInput("contract.error.title_too_long", limit=MAX_TITLE)
    value_problem = _value_problem(draft)
    if value_problem:
        problems["value"] = value_problem
    if not _CURRENCY.match(draft.currency or ""):
        problems["currency"] = InvalidInput("contract.error.bad_currency")
    if draft.starts_on and draft.expires_on and draft.expires_on <= draft.starts_on:
        problems["expires_on"] = InvalidInput(
            "contract.error.expiry_before_start", starts=draft.starts_on, expires=draft.expires_on
        )
    elif draft.expires_on and draft.expires_on < today_for(actor, now):
        problems["expires_on"] = InvalidInput(
            "contract.error.expiry_past", expires=draft.expires_on
        )
    url_problem = _url_problem(draft.document_url)
    if url_problem:
        problems["document"] = url_problem
    if problems:
        raise ContractProblems(problems)


def read_value(text: str) -> Decimal | None:
    """A typed amount ("1,200,000.50" or "1200000"), or None if it is not a number."""
    cleaned = text.strip().replace(",", "").replace("，", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def create_contract(
    session: Session, actor: Actor, draft: ContractDraft, now: datetime | None = None
) -> ContractMoved:
    check_draft(actor, draft, now)
    customer = _visible_customer(session, actor, draft.customer_id)
    # Serialise drafts for one customer, so a double submit finds the first one.
    session.exec(select(Customer.id).where(Customer.id == customer.id).with_for_update()).one()
    _refuse_duplicate(session, actor, customer, draft)
    moment = _utc(now)
    contract = Contract(
        customer_id=customer.id,
        owner_id=actor.member_id,
        status="draft",
        status_changed_at=moment,
        created_at=moment,
        **_fields(draft),
    )
    session.add(contract)
    session.flush()
    audit(
        session,
        actor.slack_user_id,
        "contract",
        str(contract.id),
        "draft",
        None,
        _audited(contract),
    )
    loaded = _load_row(session, contract)
    return ContractMoved(_card(session, loaded), "draft")


def check_can_edit(session: Session, actor: Actor, contract_id: int) -> ContractCard:
    """Before the edit form opens: the actor may edit it and it is still a draft."""
    loaded = _load(session, actor, contract_id)
    _check_allowed(session, actor, loaded, "edit")
    _check_status(session, loaded, "edit")
    return _card(session, loaded)


def update_contract(
    session: Session,
    actor: Actor,
    contract_id: int,
    draft: ContractDraft,
    now: datetime | None = None,
) -> ContractMoved:
    check_draft(actor, draft, now)
    loaded = _load(session, actor, contract_id, lock=True)
    _check_allowed(session, actor, loaded, "edit")
    _check_status(session, loaded, "edit")
    customer = _visible_customer(session, actor, draft.customer_id)
    contract = loaded.contract
    before = _audited(contract)
    contract.customer_id = customer.id
    for name, value in _fields(draft).items():
        setattr(contract, name, value)
    after = _audited(contract)
    changed = [name for name in after if after[name] != before[name]]
    if not changed:
        raise InvalidInput("contract.error.nothing_changed", id=contract.id)
    session.add(contract)
    audit(
        session,
        actor.slack_user_id,
        "contract",
        str(contract.id),
        "edit",
        {name: before[name] for name in changed},
        {name: after[name] for name in changed},
    )
    session.flush()
    loaded = _load_row(session, contract)
    card = _card(session, loaded)
    _tell_owner(session, actor, loaded, card, f"edit:{_count(session, contract.id, 'edit')}")
    return ContractMoved(card, "edit")


def _value_problem(draft: ContractDraft) -> DomainError | None:
    value = draft.value
    if value is None:
        return InvalidInput("contract.error.no_value") if draft.kind in NEEDS_VALUE else None
    if value < 0:
        return InvalidInput("contract.error.value_negative")
    if value >= MAX_VALUE:
        return InvalidInput("contract.error.value_too_large")
    if value != value.quantize(Decimal("0.01")):
        return InvalidInput("contract.error.value_decimals")
    return None


def _url_problem(url: str | None) -> DomainError | None:
    if not url:
        return None
    if len(url) > MAX_URL:
        return InvalidInput("contract.error.url_too_long", limit=MAX_URL)
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or re.search(r"\s", url):
        return InvalidInput("contract.error.bad_url")
    return None


def _visible_customer(session: Session, actor: Actor, customer_id: int | None) -> Customer:
    query = visible_customers(select(Customer), actor).where(Customer.id == customer_id)
    customer = session.exec(query).first()
    if customer is None:
        raise ContractProblems({"customer": InvalidInput("contract.error.unknown_customer")})
    return customer


def _refuse_duplicate(session: Session, actor: Actor, customer: Customer, draft: ContractDraft):
    """The same draft sent twice (a double click, a replayed form) is one contract."""
    same = session.exec(
        select(Contract.id).where(
            Contract.owner_id == actor.member_id,
            Contract.customer_id == customer.id,
            Contract.kind == draft.kind,
            Contract.title == draft.title.strip(),
            Contract.status == "draft",
        )
    ).first()
    if same is not None:
        raise ContractProblems({"title": InvalidInput("contract.error.already_drafted", id=same)})


def _fields(draft: ContractDraft) -> dict:
    return {
        "kind": draft.kind,
        "title": draft.title.strip(),
        "value": draft.value,
        "currency": draft.currency,
        "starts_on": draft.starts_on,
        "expires_on": draft.expires_on,
        "document_url": (draft.document_url or "").strip() or None,
    }


# ---------------------------------------------------------------------------------------------
# The steps of the life cycle


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
    loaded = _load(session, actor, contract_id, lock=True)
    _refuse_if_done(session, loaded, step)
    _check_allowed(session, actor, loaded, step)
    _check_status(session, loaded, step)
    if step == "submit" and not loaded.contract.document_url:
        raise InvalidInput("contract.error.no_document", id=contract_id)
    moment = _utc(now)
    _move(session, actor, loaded, step, moment, note)
    return STEP_EFFECTS[step](session, actor, loaded, step)


def check_can_reject(session: Session, actor: Actor, contract_id: int) -> ContractCard:
    """Before the reject form opens: the actor may reject it now."""
    loaded = _load(session, actor, contract_id)
    _refuse_if_done(session, loaded, "reject")
    _check_allowed(session, actor, loaded, "reject")
    _check_status(session, loaded, "reject")
    return _card(session, loaded)


def _move(
    session: Session, actor: Actor, loaded: _Loaded, step: str, moment: datetime, note: str | None
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


def _submitted(session: Session, actor: Actor, loaded: _Loaded, step: str) -> ContractMoved:
    reviewers, fallback = _reviewers(session, loaded)
    card = _card(session, loaded)
    round_ = _count(session, loaded.contract.id, "submit")
    _ask(session, loaded, round_, "review", reviewers, fallback, card)
    _tell_owner(session, actor, loaded, card, f"{round_}:submitted")
    return ContractMoved(card, step, tuple(m.name for m in reviewers))


def _ask(
    session: Session,
    loaded: _Loaded,
    round_: int,
    ask: str,
    members: list[Member],
    fallback: bool,
    card: ContractCard,
) -> None:
    """Ask each of `members` to review or approve, with the buttons to do it or reject."""
    for member in members:
        notify(
            session,
            key=_key(loaded, round_, f"{ask}-ask", member.slack_user_id),
            channel=member.slack_user_id,
            kind="contract_request",
            ask=ask,
            fallback=fallback,
            buttons=[ask, "reject"],
            **card.params(),
        )


def _reviewed(session: Session, actor: Actor, loaded: _Loaded, step: str) -> ContractMoved:
    card = _card(session, loaded)
    round_ = _count(session, loaded.contract.id, "submit")
    _update_asks(session, loaded, round_, "review-ask", "reviewed", card)
    approvers, fallback = _approvers(session, loaded)
    _ask(session, loaded, round_, "approve", approvers, fallback, card)
    _tell_owner(session, actor, loaded, card, f"{round_}:reviewed")
    return ContractMoved(card, step, tuple(m.name for m in approvers))


def _approved(session: Session, actor: Actor, loaded: _Loaded, step: str) -> ContractMoved:
    card = _card(session, loaded)
    round_ = _count(session, loaded.contract.id, "submit")
    _update_asks(session, loaded, round_, "approve-ask", "approved", card)
    notify(
        session,
        key=_key(loaded, round_, "approved"),
        channel=loaded.owner.slack_user_id,
        kind="contract_news",
        step="approve",
        buttons=["sign"],
        **card.params(),
    )
    return ContractMoved(card, step, (loaded.owner.name,))


def _rejected(session: Session, actor: Actor, loaded: _Loaded, step: str) -> ContractMoved:
    card = _card(session, loaded)
    round_ = _count(session, loaded.contract.id, "submit")
    _update_asks(session, loaded, round_, "review-ask", "rejected", card)
    _update_asks(session, loaded, round_, "approve-ask", "rejected", card)
    _update_owner_dm(session, loaded, round_, "rejected", card)
    notify(
        session,
        key=_key(loaded, round_, "rejected"),
        channel=loaded.owner.slack_user_id,
        kind="contract_news",
        step="reject",
        **card.params(),
    )
    return ContractMoved(card, step, (loaded.owner.name,))


def _signed(session: Session, actor: Actor, loaded: _Loaded, step: str) -> ContractMoved:
    card = _card(session, loaded)
    round_ = _count(session, loaded.contract.id, "submit")
    _update_owner_dm(session, loaded, round_, "signed", card)
    _tell_owner(session, actor, loaded, card, f"{round_}:signed")
    desk = [
        m for m in _team_desk(session, loaded) if m.id not in (actor.member_id, loaded.owner.id)
    ]
    for member in desk:
        notify(
            session,
            key=_key(loaded, round_, "signed", member.slack_user_id),
            channel=member.slack_user_id,
            kind="contract_news",
            step="sign",
            **card.params(),
        )
    return ContractMoved(card, step, tuple(m.name for m in desk))


def _archived(session: Session, actor: Actor, loaded: _Loaded, step: str) -> ContractMoved:
    card = _card(session, loaded)
    _tell_owner(session, actor, loaded, card, "archived")
    return ContractMoved(card, step)


def _reopened(session: Session, actor: Actor, loaded: _Loaded, step: str) -> ContractMoved:
    card = _card(session, loaded)
    _tell_owner(session, actor, loaded, card, f"reopened:{_count(session, card.id, 'reopen')}")
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


def _tell_owner(session: Session, actor: Actor, loaded: _Loaded, card: ContractCard, what: str):
    """The owner hears of every step someone else takes (their own they just saw)."""
    if actor.member_id == loaded.owner.id:
        return
    step = card.history[-1].action if card.history else "edit"
    notify(
        session,
        key=_key(loaded, what, "owner"),
        channel=loaded.owner.slack_user_id,
        kind="contract_news",
        step=step,
        **card.params(),
    )


def _update_asks(
    session: Session, loaded: _Loaded, round_: int, asked: str, outcome: str, card: ContractCard
):
    """Replace the buttons of every message that asked for a step by what became of it."""
    for key, channel in _sent(session, _key(loaded, round_, asked, "%")):
        notify(
            session,
            key=_key(loaded, round_, asked, outcome, channel),
            channel=channel,
            kind="contract_done",
            updates_key=key,
            **card.params(),
        )


def _update_owner_dm(
    session: Session, loaded: _Loaded, round_: int, outcome: str, card: ContractCard
):
    """The owner's "approved, sign it" message loses its Sign button once that is moot."""
    key = _key(loaded, round_, "approved")
    for sent, channel in _sent(session, key):
        notify(
            session,
            key=_key(loaded, round_, "approved", outcome),
            channel=channel,
            kind="contract_done",
            updates_key=sent,
            **card.params(),
        )


# ---------------------------------------------------------------------------------------------
# Who may do what


def _check_allowed(session: Session, actor: Actor, loaded: _Loaded, step: str) -> None:
    contract_id = loaded.contract.id
    if step in ("review", "approve") and actor.member_id == loaded.owner.id:
        raise Forbidden("contract.error.own_contract", id=contract_id)
    if step in ("submit", "edit", "reopen", "sign"):
        if not _keeps(actor, loaded):
            raise Forbidden(
                f"contract.error.forbidden.{step}", id=contract_id, owner=loaded.owner.name
            )
    elif step == "archive":
        if not (actor.is_admin or _team_desk_member(actor, loaded)):
            raise Forbidden("contract.error.forbidden.archive", id=contract_id)
    elif step == "review":
        _check_reviewer(session, actor, loaded)
    elif step == "approve":
        _check_approver(session, actor, loaded)
    elif step == "reject" and not _may_reject(session, actor, loaded):
        deciders = _approvers(session, loaded)[0]
        if loaded.contract.status == "legal_review" and not _reviewed_in_round(session, loaded):
            deciders = _reviewers(session, loaded)[0] + deciders
        raise Forbidden("contract.error.forbidden.reject", id=contract_id, names=_names(deciders))


def _keeps(actor: Actor, loaded: _Loaded) -> bool:
    """The owner, the desk or a manager of the owner's team, an admin."""
    return actor.is_admin or actor.member_id == loaded.owner.id or _team_desk_member(actor, loaded)


def _team_desk_member(actor: Actor, loaded: _Loaded) -> bool:
    team_id = loaded.owner.team_id
    return actor.works_the_desk and team_id is not None and actor.team_id == team_id


def _may_review(session: Session, actor: Actor, loaded: _Loaded) -> bool:
    if actor.member_id == loaded.owner.id:
        return False
    reviewers, fallback = _reviewers(session, loaded)
    return actor.member_id in {m.id for m in reviewers} or (fallback and actor.is_admin)


def _may_approve(session: Session, actor: Actor, loaded: _Loaded) -> bool:
    if actor.member_id == loaded.owner.id:
        return False
    approvers, _ = _approvers(session, loaded)
    return actor.is_admin or actor.member_id in {m.id for m in approvers}


def _may_reject(session: Session, actor: Actor, loaded: _Loaded) -> bool:
    in_review = loaded.contract.status == "legal_review" and not _reviewed_in_round(session, loaded)
    if in_review and _may_review(session, actor, loaded):
        return True
    return _may_approve(session, actor, loaded)


def _check_reviewer(session: Session, actor: Actor, loaded: _Loaded) -> None:
    if _may_review(session, actor, loaded):
        return
    reviewers, fallback = _reviewers(session, loaded)
    key = (
        "contract.error.forbidden.review_fallback"
        if fallback
        else "contract.error.forbidden.review"
    )
    raise Forbidden(key, id=loaded.contract.id, names=_names(reviewers))


def _check_approver(session: Session, actor: Actor, loaded: _Loaded) -> None:
    if _may_approve(session, actor, loaded):
        return
    approvers, _ = _approvers(session, loaded)
    if loaded.large:
        raise Forbidden(
            "contract.error.forbidden.approve_large",
            id=loaded.contract.id,
            names=_names(approvers),
            threshold=loaded.settings.large_contract_value,
        )
    raise Forbidden(
        "contract.error.forbidden.approve", id=loaded.contract.id, names=_names(approvers)
    )


def _reviewers(session: Session, loaded: _Loaded) -> tuple[list[Member], bool]:
    """The legal reviewers the owner's team names (the owner aside); a team naming none has its
    managers (else the admins) review, and then any admin may: (members, that fallback)."""
    named = loaded.settings.legal_reviewer_ids
    if named:
        reviewers = session.exec(
            select(Member)
            .where(
                Member.slack_user_id.in_(named),
                Member.id != loaded.owner.id,
                Member.active.is_(True),
            )
            .order_by(Member.name)
        ).all()
        if reviewers:
            return list(reviewers), False
    return _managers(session, loaded) or _admins(session, loaded), True


def _approvers(session: Session, loaded: _Loaded) -> tuple[list[Member], bool]:
    """Who may approve, beside any admin: the managers of the owner's team (their own manager
    too), and its desk where the approver roles include desk and the contract is not large.
    With nobody there, the admins: (members, whether it fell to the admins)."""
    found = {m.id: m for m in _managers(session, loaded)}
    if "desk" in loaded.settings.approver_roles and not loaded.large:
        found.update({m.id: m for m in _team_desk(session, loaded) if m.role == "desk"})
    if found:
        return sorted(found.values(), key=lambda m: m.name), False
    return _admins(session, loaded), True


def _managers(session: Session, loaded: _Loaded) -> list[Member]:
    owner = loaded.owner
    named = {owner.manager_slack_id, loaded.team.manager_slack_id if loaded.team else None}
    named.discard(None)
    where = [Member.slack_user_id.in_(named)] if named else []
    if owner.team_id is not None:
        where.append(Member.team_id == owner.team_id)
    if not where:
        return []
    query = select(Member).where(
        or_(*where), Member.role == "manager", Member.id != owner.id, Member.active.is_(True)
    )
    return list(session.exec(query.order_by(Member.name)).all())


def _team_desk(session: Session, loaded: _Loaded) -> list[Member]:
    """The desk of the owner's team (desk role), else its managers, else the admins."""
    team_id = loaded.owner.team_id
    if team_id is not None:
        for role in ("desk", "manager"):
            found = session.exec(
                select(Member)
                .where(Member.team_id == team_id, Member.role == role, Member.active.is_(True))
                .order_by(Member.name)
            ).all()
            if found:
                return list(found)
    return _admins(session, loaded)


def _admins(session: Session, loaded: _Loaded) -> list[Member]:
    query = select(Member).where(
        Member.role == "admin", Member.id != loaded.owner.id, Member.active.is_(True)
    )
    return list(session.exec(query.order_by(Member.name)).all())


# ---------------------------------------------------------------------------------------------
# Where a contract stands: what is done, what it waits for


def _refuse_if_done(session: Session, loaded: _Loaded, step: str) -> None:
    """A step already taken (a second click, a stale button, a replay) is told, not redone."""
    contract = loaded.contract
    status = contract.status
    done = _already(session, loaded, step)
    if done is not None:
        by, at, note = done
        raise InvalidInput(
            f"contract.error.already.{step}", id=contract.id, by=by, at=at, reason=note or "—"
        )
    if status == "rejected" and step in ("review", "approve", "sign"):
        by, at, note = _last(session, contract.id, "reject")
        raise InvalidInput(
            "contract.error.already.reject", id=contract.id, by=by, at=at, reason=note or "—"
        )


def _already(
    session: Session, loaded: _Loaded, step: str
) -> tuple[str, datetime, str | None] | None:
    status = loaded.contract.status
    later = {
        "submit": LIFE[1:],
        "review": LIFE[2:],
        "approve": LIFE[2:],
        "sign": LIFE[3:],
        "archive": LIFE[4:],
        "reject": ("rejected",),
    }.get(step, ())
    reviewed = step == "review" and status == "legal_review" and _reviewed_in_round(session, loaded)
    if status in later or reviewed:
        return _last(session, loaded.contract.id, step)
    return None


def _check_status(session: Session, loaded: _Loaded, step: str) -> None:
    contract = loaded.contract
    if contract.status == "rejected" and step in ("submit", "edit"):
        raise InvalidInput("contract.error.reopen_first", id=contract.id)
    if contract.status not in STEP_FROM[step]:
        raise InvalidInput(f"contract.error.cannot.{step}", id=contract.id, state=contract.status)
    if step == "approve" and not _reviewed_in_round(session, loaded):
        reviewers, _ = _reviewers(session, loaded)
        raise InvalidInput("contract.error.not_reviewed", id=contract.id, names=_names(reviewers))


def _reviewed_in_round(session: Session, loaded: _Loaded) -> bool:
    """Whether the contract passed legal review since it was last submitted."""
    actions = session.exec(
        select(AuditEntry.action)
        .where(
            AuditEntry.entity == "contract",
            AuditEntry.entity_key == str(loaded.contract.id),
            AuditEntry.action.in_(("submit", "review")),
        )
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    return actions == "review"


def _waiting(session: Session, loaded: _Loaded) -> tuple[str | None, tuple[str, ...]]:
    status = loaded.contract.status
    if status == "legal_review" and not _reviewed_in_round(session, loaded):
        return "review", tuple(m.name for m in _reviewers(session, loaded)[0])
    if status == "legal_review":
        return "approval", tuple(m.name for m in _approvers(session, loaded)[0])
    if status == "approved":
        return "signature", (loaded.owner.name,)
    return None, ()


def waiting_on(session: Session, contract: Contract) -> tuple[str | None, tuple[str, ...]]:
    """For the jobs: which step a contract waits for, and the names of who may take it."""
    return _waiting(session, _load_row(session, contract))


def _actions(session: Session, actor: Actor, loaded: _Loaded) -> tuple[str, ...]:
    status = loaded.contract.status
    actions = []
    if status == "draft" and _keeps(actor, loaded):
        actions += ["submit", "edit"]
    if status == "legal_review":
        reviewed = _reviewed_in_round(session, loaded)
        if not reviewed and _may_review(session, actor, loaded):
            actions.append("review")
        if reviewed and _may_approve(session, actor, loaded):
            actions.append("approve")
    if status in ("legal_review", "approved") and _may_reject(session, actor, loaded):
        actions.append("reject")
    if status == "approved" and _keeps(actor, loaded):
        actions.insert(0, "sign")
    if status == "signed" and (actor.is_admin or _team_desk_member(actor, loaded)):
        actions.append("archive")
    if status == "rejected" and _keeps(actor, loaded):
        actions.append("reopen")
    return tuple(actions)


# ---------------------------------------------------------------------------------------------
# Reading


def contract_view(session: Session, actor: Actor, contract_id: int) -> ContractView:
    loaded = _load(session, actor, contract_id)
    return ContractView(_card(session, loaded), _actions(session, actor, loaded))


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
        .join(Customer, Contract.customer_id == Customer.id)
        .join(owner, Contract.owner_id == owner.id)
    )
    query = _visible(session, query, actor)
    order = [Contract.status_changed_at.desc(), Contract.id.desc()]
    if scope == "mine":
        query = query.where(
            Contract.status != "archived",
            or_(Contract.owner_id == actor.member_id, Customer.owner_id == actor.member_id),
        )
    elif scope == "expiring":
        horizon = today_for(actor, now) + timedelta(days=_expiry_horizon(session, actor))
        query = query.where(
            Contract.status.in_(("approved", "signed")),
            Contract.expires_on.is_not(None),
            Contract.expires_on <= horizon,
        )
        order = [Contract.expires_on, Contract.id]
    elif scope == "customer":
        query = query.where(_customer_matches(customer_query or ""))
    elif scope == "waiting":
        return _waiting_page(session, actor, query.where(Contract.status == "legal_review"))
    else:
        query = query.where(Contract.status != "archived")
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    rows = session.exec(query.order_by(*order).limit(LIST_LIMIT)).all()
    cards = [_card_of(contract, customer, member, None) for contract, customer, member in rows]
    return ContractPage(cards, total, scope, customer_query)


def _waiting_page(session: Session, actor: Actor, query) -> ContractPage:
    cards = []
    for contract, _customer, _owner in session.exec(query.order_by(Contract.status_changed_at)):
        loaded = _load_row(session, contract)
        if {"review", "approve"} & set(_actions(session, actor, loaded)):
            cards.append(_card(session, loaded))
    return ContractPage(cards[:LIST_LIMIT], len(cards), "waiting")


def _visible(session: Session, query, actor: Actor):
    if actor.is_admin:
        return query
    reports = select(Member.id).where(Member.manager_slack_id == actor.slack_user_id)
    seen = [
        Contract.customer_id.in_(visible_customers(select(Customer.id), actor)),
        Contract.owner_id == actor.member_id,
        Contract.owner_id.in_(reports),
    ]
    reviewed_teams = _teams_reviewed_by(session, actor)
    if reviewed_teams:
        seen.append(
            Contract.owner_id.in_(select(Member.id).where(Member.team_id.in_(reviewed_teams)))
        )
    return query.where(or_(*seen))


def _teams_reviewed_by(session: Session, actor: Actor) -> list[int]:
    teams = session.exec(select(Team)).all()
    return [
        team.id for team in teams if actor.slack_user_id in settings_of(team).legal_reviewer_ids
    ]


def _expiry_horizon(session: Session, actor: Actor) -> int:
    team = session.get(Team, actor.team_id) if actor.team_id else None
    settings = settings_of(team) if team else TeamSettings()
    return max(settings.contract_expiry_first_days, settings.contract_expiry_second_days)


def _customer_matches(text: str):
    needle = fold(text.strip())
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return Customer.search_text.like(f"%{escaped}%", escape="\\")


# ---------------------------------------------------------------------------------------------
# Loading and building cards


def _load(session: Session, actor: Actor, contract_id: int, lock: bool = False) -> _Loaded:
    query = select(Contract).where(Contract.id == contract_id)
    if lock:
        query = query.with_for_update()
    contract = session.exec(query).first()
    loaded = _load_row(session, contract) if contract is not None else None
    if loaded is None or not _may_see(session, actor, loaded):
        raise NotFound("contract.error.not_found", id=contract_id)
    return loaded


def _load_row(session: Session, contract: Contract) -> _Loaded:
    customer = session.get(Customer, contract.customer_id)
    owner = session.get(Member, contract.owner_id)
    team = session.get(Team, owner.team_id) if owner.team_id else None
    settings = settings_of(team) if team else TeamSettings()
    return _Loaded(contract, customer, owner, team, settings)


def _may_see(session: Session, actor: Actor, loaded: _Loaded) -> bool:
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


def _card(session: Session, loaded: _Loaded) -> ContractCard:
    waiting_on_, waiting_for = _waiting(session, loaded)
    return _card_of(
        loaded.contract,
        loaded.customer,
        loaded.owner,
        loaded,
        _history(session, loaded.contract.id),
        waiting_on_,
        waiting_for,
    )


def _card_of(
    contract: Contract,
    customer: Customer,
    owner: Member,
    loaded: _Loaded | None,
    history: tuple[Entry, ...] = (),
    waiting_on_: str | None = None,
    waiting_for: tuple[str, ...] = (),
) -> ContractCard:
    return ContractCard(
        id=contract.id,
        status=contract.status,
        kind=contract.kind,
        title=contract.title,
        customer_id=customer.id,
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
        waiting_on=waiting_on_,
        waiting_for=waiting_for,
    )


def _history(session: Session, contract_id: int) -> tuple[Entry, ...]:
    """Who did what and when, from the audit log (the record of who did what)."""
    rows = session.exec(
        select(AuditEntry.action, AuditEntry.at, AuditEntry.after, Member.name)
        .join(Member, Member.slack_user_id == AuditEntry.actor, isouter=True)
        .where(AuditEntry.entity == "contract", AuditEntry.entity_key == str(contract_id))
        .order_by(AuditEntry.id)
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


def _last(session: Session, contract_id: int, action: str) -> tuple[str, datetime, str | None]:
    found = [entry for entry in _history(session, contract_id) if entry.action == action]
    if not found:
        return "—", utcnow(), None
    return found[-1].by, found[-1].at, found[-1].note


def _count(session: Session, contract_id: int, action: str) -> int:
    return session.exec(
        select(func.count()).where(
            AuditEntry.entity == "contract",
            AuditEntry.entity_key == str(contract_id),
            AuditEntry.action == action,
        )
    ).one()


def _sent(session: Session, pattern: str) -> list[tuple[str, str]]:
    """The (key, channel) of each message queued under a key like `pattern`."""
    rows = session.exec(
        select(Notification.key, Notification.channel)
        .where(Notification.key.like(pattern), Notification.updates_key.is_(None))
        .order_by(Notification.id)
    ).all()
    return [(key, channel) for key, channel in rows]


def _key(loaded: _Loaded, *parts: object) -> str:
    return ":".join(("contract", str(loaded.contract.id), *map(str, parts)))


def _audited(contract: Contract) -> dict:
    return {
        "status": contract.status,
        "customer_id": contract.customer_id,
        "kind": contract.kind,
        "title": contract.title,
        "value": None if contract.value is None else format(Decimal(contract.value), "f"),
        "currency": contract.currency,
        "starts_on": _iso(contract.starts_on),
        "expires_on": _iso(contract.expires_on),
        "document_url": contract.document_url,
    }


def _names(members: list[Member]) -> tuple[str, ...]:
    """Names for a message; the view joins them in the reader's language."""
    return tuple(dict.fromkeys(m.name for m in members))


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _utc(now: datetime | None) -> datetime:
    return (now or utcnow()).astimezone(UTC)
