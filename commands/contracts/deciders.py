"""The people who decide on a contract: its legal reviewers, its approvers and its team's desk."""

from sqlalchemy import ColumnElement, or_
from sqlmodel import Session, col, select

from commands.contracts.cards import Loaded
from storage.models import Member
from storage.statuses import Role


def reviewers_of(session: Session, loaded: Loaded) -> tuple[list[Member], bool]:
    """The legal reviewers the owner's team names (the owner aside); a team naming none has its
    managers (else the admins) review, and then any admin may: (members, that fallback)."""
    named = loaded.settings.legal_reviewer_ids
    if named:
        reviewers = session.exec(
            select(Member)
            .where(
                col(Member.slack_user_id).in_(named),
                col(Member.id) != loaded.owner.id,
                col(Member.active).is_(True),
            )
            .order_by(Member.name)
        ).all()
        if reviewers:
            return list(reviewers), False
    return _managers(session, loaded) or _admins(session, loaded), True


def approvers_of(session: Session, loaded: Loaded) -> tuple[list[Member], bool]:
    """Who may approve, beside any admin: the managers of the owner's team (their own manager
    too), and its desk where the approver roles include desk and the contract is not large.
    With nobody there, the admins: (members, whether it fell to the admins)."""
    found = {m.id: m for m in _managers(session, loaded)}
    if Role.desk in loaded.settings.approver_roles and not loaded.large:
        found.update({m.id: m for m in team_desk_of(session, loaded) if m.role == Role.desk})
    if found:
        return sorted(found.values(), key=lambda m: m.name), False
    return _admins(session, loaded), True


def _managers(session: Session, loaded: Loaded) -> list[Member]:
    owner = loaded.owner
    named = {owner.manager_slack_id, loaded.team.manager_slack_id if loaded.team else None}
    named.discard(None)
    where: list[ColumnElement[bool]] = [col(Member.slack_user_id).in_(named)] if named else []
    if owner.team_id is not None:
        where.append(col(Member.team_id) == owner.team_id)
    if not where:
        return []
    query = select(Member).where(
        or_(*where),
        col(Member.role) == Role.manager,
        col(Member.id) != owner.id,
        col(Member.active).is_(True),
    )
    return list(session.exec(query.order_by(Member.name)).all())


def team_desk_of(session: Session, loaded: Loaded) -> list[Member]:
    """The desk of the owner's team (desk role), else its managers, else the admins."""
    team_id = loaded.owner.team_id
    if team_id is not None:
        for role in (Role.desk, Role.manager):
            found = session.exec(
                select(Member)
                .where(
                    Member.team_id == team_id,
                    col(Member.role) == role,
                    col(Member.active).is_(True),
                )
                .order_by(Member.name)
            ).all()
            if found:
                return list(found)
    return _admins(session, loaded)


def _admins(session: Session, loaded: Loaded) -> list[Member]:
    query = select(Member).where(
        col(Member.role) == Role.admin,
        col(Member.id) != loaded.owner.id,
        col(Member.active).is_(True),
    )
    return list(session.exec(query.order_by(Member.name)).all())
