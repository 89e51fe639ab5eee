"""Reading samples: one as the actor may see it (with what they may do now), and the open ones
they may see."""

from sqlalchemy import ColumnElement, func, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from commands.errors import NotFound
from commands.people import Actor
from commands.samples.cards import Loaded, SamplePage, SampleView, card, card_of, load_row
from commands.samples.rules import TEAM_SIGHTED, approvers_of, next_steps, visible
from storage.models import Customer, Member, SampleRequest
from storage.statuses import SampleStatus

# Not rejected, and no feedback yet.
OPEN_STATUSES = (
    SampleStatus.requested,
    SampleStatus.approved,
    SampleStatus.shipped,
    SampleStatus.delivered,
)
LIST_LIMIT = 15


def sample_view(session: Session, actor: Actor, sample_id: int) -> SampleView:
    """A sample as the actor may see it, with what they may do with it now."""
    loaded = load(session, actor, sample_id)
    approvers, to_admins = approvers_of(session, loaded.rep, loaded.team)
    shown = card(session, loaded, approvers)
    return SampleView(shown, next_steps(actor, loaded, approvers, to_admins))


def open_samples(session: Session, actor: Actor, limit: int = LIST_LIMIT) -> SamplePage:
    """The open requests the actor may see (not rejected, no feedback yet), soonest needed
    first."""
    rep, owner = aliased(Member), aliased(Member)
    query = (
        select(SampleRequest, Customer, rep)
        .join(Customer, col(SampleRequest.customer_id) == Customer.id)
        .join(rep, col(SampleRequest.rep_id) == rep.id)
        .join(owner, col(Customer.owner_id) == owner.id)
        .where(col(SampleRequest.status).in_(OPEN_STATUSES))
    )
    if not actor.is_admin:
        mine: list[ColumnElement[bool]] = [
            col(SampleRequest.rep_id) == actor.member_id,
            col(Customer.owner_id) == actor.member_id,
            col(rep.manager_slack_id) == actor.slack_user_id,
        ]
        if actor.role in TEAM_SIGHTED and actor.team_id is not None:
            mine += [col(rep.team_id) == actor.team_id, col(owner.team_id) == actor.team_id]
        query = query.where(or_(*mine))
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    soonest_first = (col(SampleRequest.needed_by).asc().nulls_last(), col(SampleRequest.id))
    rows = session.exec(query.order_by(*soonest_first).limit(limit)).all()
    cards = [card_of(sample, customer, member, {}) for sample, customer, member in rows]
    return SamplePage(cards, total)


def load(session: Session, actor: Actor, sample_id: int, lock: bool = False) -> Loaded:
    """A sample the actor may see (locked for a change, if `lock`); NotFound otherwise."""
    query = select(SampleRequest).where(SampleRequest.id == sample_id)
    if lock:
        query = query.with_for_update()
    sample = session.exec(query).first()
    loaded = load_row(session, sample) if sample is not None else None
    if loaded is None or not visible(actor, loaded):
        raise NotFound("sample.error.not_found", id=sample_id)
    return loaded
