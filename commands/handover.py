"""People who leave: a member deactivated, and everything still open of theirs handed to
another member, each record audited, the new owner told."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import false, true
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from commands.errors import Forbidden, InvalidInput
from commands.people import Actor
from commands.records import audit, notify
from storage.models import (
    Contract,
    Customer,
    Meeting,
    Member,
    SalesOrder,
    SampleRequest,
    Team,
    Visit,
)
from storage.statuses import (
    ContractStatus,
    MeetingStatus,
    OrderStatus,
    Role,
    SampleStatus,
)

CLOSED_ORDERS = (OrderStatus.paid, OrderStatus.cancelled)
CLOSED_SAMPLES = (SampleStatus.rejected, SampleStatus.feedback)
CLOSED_CONTRACTS = (ContractStatus.archived, ContractStatus.rejected)
OPEN_MEETINGS = (MeetingStatus.draft, MeetingStatus.scheduled)
SHOWN_PER_KIND = 10


@dataclass(frozen=True)
class Person:
    slack_user_id: str
    name: str


@dataclass
class Handover:
    """Who left, who took over, and what each kind of record handed over is called."""

    member: Person
    to: Person
    deactivated_now: bool
    records: dict[str, list[str]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(len(labels) for labels in self.records.values())


def deactivate(
    session: Session,
    actor: Actor | None,
    member_id: str,
    to_id: str,
    now: datetime,
) -> Handover:
    """Deactivate `member_id` (a Slack user id) and hand everything open of theirs to `to_id`.
    `actor` None is the operator at the command line. A member already deactivated (Slack
    told us they left) keeps their deactivation date and has their records handed over."""
    member = _member(session, member_id, "people.error.unknown_member")
    to = _member(session, to_id, "people.error.unknown_member")
    _check_may_deactivate(actor, member, to)
    who = actor.slack_user_id if actor else "cli"
    deactivated_now = member.active
    if member.active:
        member.active, member.deactivated_at = False, now
        audit(
            session,
            who,
            "member",
            member.slack_user_id,
            "deactivate",
            {"active": True},
            {"active": False, "deactivated_at": now.isoformat()},
        )
    handover = Handover(_person(member), _person(to), deactivated_now)
    for kind, move in _moves():
        labels = move(session, member, to, now, who)
        if labels:
            handover.records[kind] = labels
    session.flush()
    if handover.total:
        _tell_new_owner(session, handover, actor, now)
    return handover


def _member(session: Session, slack_user_id: str, key: str) -> Member:
    member = session.exec(select(Member).where(Member.slack_user_id == slack_user_id)).first()
    if member is None:
        raise InvalidInput(key, user=slack_user_id[:40])
    return member


def _check_may_deactivate(actor: Actor | None, member: Member, to: Member) -> None:
    if member.id == to.id:
        raise InvalidInput("people.error.same_member", name=member.name)
    if not to.active:
        raise InvalidInput("people.error.receiver_inactive", name=to.name)
    if actor is not None and actor.member_id == member.id:
        raise InvalidInput("people.error.not_yourself")
    if actor is None or actor.is_admin:
        return
    if actor.role != Role.manager:
        raise Forbidden("people.error.admins_and_managers")
    if member.role not in (Role.rep, Role.desk) or member.team_id != actor.team_id:
        raise Forbidden("people.error.own_team_only", name=member.name)
    if to.team_id != actor.team_id:
        raise Forbidden("people.error.own_team_only", name=to.name)


def _person(member: Member) -> Person:
    return Person(member.slack_user_id, member.name)


@dataclass(frozen=True)
class _Owned:
    """One kind of record a member owns: which of them are still open, the column naming the
    owner, and how a record is called in the audit log and the summary."""

    model: type
    owner: str
    entity: str
    label: Callable[[Any], str]
    still_open: Callable[[datetime], list]
    order_by: tuple


_OWNED = {
    "customers": _Owned(
        Customer, "owner_id", "customer", lambda c: c.code, lambda now: [], (Customer.code,)
    ),
    "orders": _Owned(
        SalesOrder,
        "rep_id",
        "order",
        lambda o: o.number,
        lambda now: [col(SalesOrder.status).not_in(CLOSED_ORDERS)],
        (SalesOrder.number,),
    ),
    "samples": _Owned(
        SampleRequest,
        "rep_id",
        "sample",
        lambda s: f"#{s.id}",
        lambda now: [col(SampleRequest.status).not_in(CLOSED_SAMPLES)],
        (SampleRequest.id,),
    ),
    "contracts": _Owned(
        Contract,
        "owner_id",
        "contract",
        lambda c: f"#{c.id}",
        lambda now: [col(Contract.status).not_in(CLOSED_CONTRACTS)],
        (Contract.id,),
    ),
    # A visit's pending next step is its follow-up, reminded to the visit's rep: the visit
    # goes with it.
    "follow_ups": _Owned(
        Visit,
        "rep_id",
        "visit",
        lambda v: f"#{v.id}",
        lambda now: [col(Visit.next_step_due).is_not(None), Visit.follow_up_done == false()],
        (Visit.next_step_due, Visit.id),
    ),
    "meetings": _Owned(
        Meeting,
        "organiser_id",
        "meeting",
        lambda m: f"#{m.id}",
        lambda now: [col(Meeting.status).in_(OPEN_MEETINGS), Meeting.ends_at > now],
        (Meeting.starts_at,),
    ),
}


def _open_records(owned: _Owned, member: Member, now: datetime) -> SelectOfScalar[Any]:
    owner = getattr(owned.model, owned.owner)
    query: SelectOfScalar[Any] = select(owned.model).where(
        owner == member.id, *owned.still_open(now)
    )
    return query.order_by(*owned.order_by)


def _hand_over(session, owned: _Owned, member, to, now, who) -> list[str]:
    """Move each open record from `member` to `to`, with an audit entry per record."""
    labels = []
    for row in session.exec(_open_records(owned, member, now)):
        setattr(row, owned.owner, to.id)
        label = owned.label(row)
        before, after = {owned.owner: member.slack_user_id}, {owned.owner: to.slack_user_id}
        audit(session, who, owned.entity, label, "handover", before, after)
        labels.append(label)
    return labels


def _reports_of(member: Member):
    return (
        select(Member)
        .where(Member.manager_slack_id == member.slack_user_id, Member.active == true())
        .order_by(Member.name)
    )


def _teams_of(member: Member):
    return select(Team).where(Team.manager_slack_id == member.slack_user_id).order_by(Team.name)


def _reports(session, member, to, now, who) -> list[str]:
    """Members whose manager was the one leaving now report to the new owner."""
    labels = []
    for report in session.exec(_reports_of(member)):
        report.manager_slack_id = to.slack_user_id
        audit(
            session,
            who,
            "member",
            report.slack_user_id,
            "handover",
            {"manager_slack_id": member.slack_user_id},
            {"manager_slack_id": to.slack_user_id},
        )
        labels.append(report.name)
    return labels


def _teams(session, member, to, now, who) -> list[str]:
    labels = []
    for team in session.exec(_teams_of(member)):
        team.manager_slack_id = to.slack_user_id
        audit(
            session,
            who,
            "team",
            team.name,
            "handover",
            {"manager_slack_id": member.slack_user_id},
            {"manager_slack_id": to.slack_user_id},
        )
        labels.append(team.name)
    return labels


def _moves():
    for kind, owned in _OWNED.items():
        yield (
            kind,
            lambda session, member, to, now, who, owned=owned: _hand_over(
                session, owned, member, to, now, who
            ),
        )
    yield "reports", _reports
    yield "teams", _teams


def _tell_new_owner(session: Session, handover: Handover, actor: Actor | None, now) -> None:
    shown = {kind: labels[:SHOWN_PER_KIND] for kind, labels in handover.records.items()}
    counts = {kind: len(labels) for kind, labels in handover.records.items()}
    notify(
        session,
        key=f"handover:{handover.member.slack_user_id}:{handover.to.slack_user_id}:{now.isoformat()}",
        channel=handover.to.slack_user_id,
        kind="handover_received",
        member=handover.member.name,
        by=actor.name if actor else None,
        counts=counts,
        shown=shown,
    )


def still_open(session: Session, member: Member, now: datetime) -> int:
    """How many records of `member` a handover would move."""
    count = 0
    for owned in _OWNED.values():
        count += len(session.exec(_open_records(owned, member, now)).all())
    count += len(session.exec(_reports_of(member)).all())
    return count + len(session.exec(_teams_of(member)).all())


def mark_left(session: Session, slack_user_id: str, admins: frozenset[str], now: datetime) -> bool:
    """Slack says this person's account was deactivated: the member is no longer one (their
    records stay theirs until an admin hands them over), and the admins and their manager are
    told what to do. False when there was nothing to do."""
    member = session.exec(select(Member).where(Member.slack_user_id == slack_user_id)).first()
    if member is None or not member.active:
        return False
    member.active, member.deactivated_at = False, now
    audit(
        session,
        "slack",
        "member",
        member.slack_user_id,
        "deactivate",
        {"active": True},
        {"active": False, "deactivated_at": now.isoformat()},
    )
    open_records = still_open(session, member, now)
    for channel in _to_tell(session, member, admins):
        notify(
            session,
            key=f"member-left:{member.slack_user_id}:{now.isoformat()}:{channel}",
            channel=channel,
            kind="member_left",
            member=member.name,
            slack_user_id=member.slack_user_id,
            open_records=open_records,
        )
    return True


def _to_tell(session: Session, member: Member, admins: frozenset[str]) -> list[str]:
    """The admins (named in the settings or by role) and the member's manager."""
    team = session.get(Team, member.team_id) if member.team_id else None
    manager = member.manager_slack_id or (team.manager_slack_id if team else None)
    by_role = session.exec(
        select(Member.slack_user_id).where(Member.role == Role.admin, Member.active == true())
    ).all()
    people = dict.fromkeys([*sorted(admins), *by_role, *([manager] if manager else [])])
    people.pop(member.slack_user_id, None)
    return list(people)
