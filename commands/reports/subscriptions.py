"""Report packs a channel subscribes to (`/report subscribe monthly sales #channel`): a team's,
or the company's (no team). An admin may subscribe any team or the company; a manager their own
team only. The packs themselves are sent by jobs.report_packs."""

from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from commands.errors import Forbidden, InvalidInput, NotFound
from commands.people import Actor
from commands.reports.request import Subscribe
from commands.team_settings import find_team
from storage.models import ReportSubscription, Team
from storage.statuses import Role


@dataclass(frozen=True)
class SubscriptionLine:
    cadence: str
    kind: str
    channel_id: str
    team: str | None  # None: the company's


def subscribe(session: Session, actor: Actor, request: Subscribe) -> SubscriptionLine:
    team = _team_allowed(session, actor, request.team)
    team_id = team.id if team else None
    if _existing(session, team_id, request) is not None:
        raise InvalidInput("report.slack.already_subscribed", channel=request.channel_id)
    subscription = ReportSubscription(
        team_id=team_id,
        kind=request.kind,
        cadence=request.cadence,
        channel_id=request.channel_id,
        created_by=actor.slack_user_id,
    )
    try:
        with session.begin_nested():
            session.add(subscription)
    except IntegrityError:  # the same subscription made at the same moment elsewhere
        raise InvalidInput("report.slack.already_subscribed", channel=request.channel_id) from None
    session.commit()
    return _line(subscription, team)


def unsubscribe(session: Session, actor: Actor, request: Subscribe) -> SubscriptionLine:
    team = _team_allowed(session, actor, request.team)
    subscription = _existing(session, team.id if team else None, request)
    if subscription is None:
        raise NotFound("report.slack.no_such_subscription", channel=request.channel_id)
    line = _line(subscription, team)
    session.delete(subscription)
    session.commit()
    return line


def subscriptions(session: Session, actor: Actor) -> list[SubscriptionLine]:
    """An admin sees every subscription; a manager their team's."""
    if not actor.is_admin and actor.role != Role.manager:
        raise Forbidden("report.slack.subscribe_forbidden")
    query = select(ReportSubscription, Team).outerjoin(
        Team, col(Team.id) == col(ReportSubscription.team_id)
    )
    if not actor.is_admin:
        query = query.where(ReportSubscription.team_id == actor.team_id)
    rows = session.exec(
        query.order_by(col(Team.name), col(ReportSubscription.cadence), ReportSubscription.kind)
    ).all()
    return [_line(subscription, team) for subscription, team in rows]


def _team_allowed(session: Session, actor: Actor, written: str | None) -> Team | None:
    """The team a subscription is for (None: the company's), if the actor may make it."""
    if actor.is_admin:
        if written is None:
            return session.get(Team, actor.team_id) if actor.team_id is not None else None
        return None if written.casefold() in ("company", "全公司") else find_team(session, written)
    if actor.role != Role.manager or actor.team_id is None:
        raise Forbidden("report.slack.subscribe_forbidden")
    team = find_team(session, written) if written else session.get(Team, actor.team_id)
    if team is None or team.id != actor.team_id:
        raise Forbidden("report.slack.subscribe_own_team")
    return team


def _existing(
    session: Session, team_id: int | None, request: Subscribe
) -> ReportSubscription | None:
    return session.exec(
        select(ReportSubscription).where(
            col(ReportSubscription.team_id).is_(None)
            if team_id is None
            else ReportSubscription.team_id == team_id,
            ReportSubscription.kind == request.kind,
            ReportSubscription.cadence == request.cadence,
            ReportSubscription.channel_id == request.channel_id,
        )
    ).first()


def _line(subscription: ReportSubscription, team: Team | None) -> SubscriptionLine:
    return SubscriptionLine(
        subscription.cadence,
        subscription.kind,
        subscription.channel_id,
        team.name if team else None,
    )
