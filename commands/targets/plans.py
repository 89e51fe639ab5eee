"""Targets set, split and locked (目标): a team's plan for a metric and a year, broken down
year → quarters → months for the team and each rep.

Only the team's manager or an admin plans. Every change is audited ("target", keyed
"TEAM/U123/order_amount/2026-11"). A plan locks only when, for the team and every rep with
targets that year, each year is the sum of its quarters and each quarter the sum of its
months; after that a change needs a reason, which the audit keeps. The reps' targets need not
add up to the team's: managers often give reps more than the team is to reach."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from fractions import Fraction

from sqlmodel import Session, col, select

from commands.errors import Forbidden, InvalidInput, NotFound
from commands.people import Actor
from commands.people_text import member_named
from commands.records import audit
from commands.targets.actuals import Actual, monthly_actuals
from commands.targets.periods import MONTH, QUARTER, Period
from commands.targets.text import Holder, LockPlan, SetTarget, SplitTarget
from commands.team_settings import find_team, settings_of
from storage.models import Member, Target, TargetPlan, Team, utcnow
from storage.statuses import Metric, Role
from storage.targets import target_key, unit_of

MAX_REASON = 500
EVEN, SEASONAL = "even", "seasonal"


@dataclass(frozen=True)
class PlanHolder:
    """Whose target: a team's own (`member` None) or one member's of that team."""

    team: Team
    member: Member | None = None

    @property
    def name(self) -> str:
        return self.member.name if self.member else self.team.name

    @property
    def member_id(self) -> int | None:
        return self.member.id if self.member else None

    def key(self, metric: Metric, period: Period) -> str:
        member = self.member.slack_user_id if self.member else None
        return target_key(self.team.name, member, str(metric), period.key)


@dataclass(frozen=True)
class Beside:
    """A period's team target and the sum of its reps' targets, shown side by side."""

    team_amount: Decimal | None
    reps_sum: Decimal
    reps: int


@dataclass(frozen=True)
class TargetSet:
    team: str
    holder: str
    is_team: bool
    metric: Metric
    period: Period
    currency: str
    before: Decimal | None
    after: Decimal
    reason: str | None
    locked: bool
    beside: Beside

    @property
    def changed(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True)
class SplitPart:
    period: Period
    amount: Decimal
    before: Decimal | None


@dataclass(frozen=True)
class TargetSplit:
    team: str
    holder: str
    metric: Metric
    period: Period
    currency: str
    method: str
    amount: Decimal
    parts: tuple[SplitPart, ...]
    shape_of: str | None  # seasonal: whose last year gave the shape (the holder's or the team's)


@dataclass(frozen=True)
class Mismatch:
    """A period whose children do not add up to it (a missing one counts as not adding up)."""

    holder: str
    period: Period
    amount: Decimal | None  # None: the period itself has no target
    children_sum: Decimal
    missing: tuple[Period, ...]


@dataclass(frozen=True)
class PlanLocked:
    team: str
    metric: Metric
    year: int
    currency: str
    locked_at: datetime
    locked_by: str  # the name of whoever locked it (their Slack id, should they be gone)
    already: bool
    beside: Beside


@dataclass(frozen=True)
class LockRefused:
    team: str
    metric: Metric
    year: int
    currency: str
    mismatches: tuple[Mismatch, ...]


# -- who plans, and for whom ------------------------------------------------------------------


def may_plan(actor: Actor, team: Team) -> bool:
    return actor.is_admin or (actor.role == Role.manager and actor.team_id == team.id)


def check_may_plan(actor: Actor, team: Team) -> None:
    if not may_plan(actor, team):
        raise Forbidden("target.error.not_allowed", team=team.name)


def planned_team(session: Session, actor: Actor, name: str | None) -> Team:
    """The team named, else the asker's own; an admin of no team is asked to name one."""
    if name:
        team = _team_named(session, name)
    elif actor.team_id is None:
        raise InvalidInput("target.error.which_team")
    else:
        team = _stored(session.get(Team, actor.team_id))
    check_may_plan(actor, team)
    return team


def plan_holder(session: Session, actor: Actor, holder: Holder) -> PlanHolder:
    """The team or member a target is for, once the asker may plan for that team."""
    if holder.member is None:
        return PlanHolder(planned_team(session, actor, holder.team))
    slack_user_id = member_named(session, holder.member, active_only=True)
    member = session.exec(
        select(Member).where(Member.slack_user_id == slack_user_id, col(Member.active).is_(True))
    ).first()
    if member is None:
        raise NotFound("target.error.no_member", who=holder.member)
    if member.team_id is None:
        raise InvalidInput("target.error.member_without_team", name=member.name)
    team = _stored(session.get(Team, member.team_id))
    check_may_plan(actor, team)
    return PlanHolder(team, member)


def team_members(session: Session, team: Team) -> list[Member]:
    """The active members of a team who may carry a target, by name."""
    return list(
        session.exec(
            select(Member)
            .where(Member.team_id == team.id, col(Member.active).is_(True))
            .order_by(Member.name)
        ).all()
    )


def plannable_teams(session: Session, actor: Actor) -> list[Team]:
    """The teams whose targets the asker may set: an admin's every team, a manager's own."""
    if actor.is_admin:
        return list(session.exec(select(Team).order_by(Team.name)).all())
    if actor.role == Role.manager and actor.team_id is not None:
        return [_stored(session.get(Team, actor.team_id))]
    raise Forbidden("target.error.not_allowed_any")


def reporting_currency(team: Team) -> str:
    return settings_of(team).reporting_currency


# -- setting one target -----------------------------------------------------------------------


def set_target(session: Session, actor: Actor, request: SetTarget) -> TargetSet:
    holder = plan_holder(session, actor, request.holder)
    amount = checked_amount(request.metric, request.amount)
    reason = (request.reason or "").strip() or None
    if reason and len(reason) > MAX_REASON:
        raise InvalidInput("target.error.reason_too_long", limit=MAX_REASON)
    locked = is_locked(session, holder.team, request.metric, request.period.year)
    stored = stored_target(session, holder, request.metric, request.period)
    before = stored.amount if stored else None
    if before != amount:
        if locked and reason is None:
            raise InvalidInput(
                "target.error.reason_needed",
                team=holder.team.name,
                metric=request.metric,
                year=request.period.year,
            )
        write_target(session, actor, holder, request.metric, request.period, amount, reason)
    return TargetSet(
        team=holder.team.name,
        holder=holder.name,
        is_team=holder.member is None,
        metric=request.metric,
        period=request.period,
        currency=reporting_currency(holder.team),
        before=before,
        after=amount,
        reason=reason,
        locked=locked,
        beside=beside(session, holder.team, request.metric, request.period),
    )


def checked_amount(metric: Metric, amount: Decimal) -> Decimal:
    """Money to the cent; customers and visits are counted whole."""
    unit = unit_of(metric)
    if amount < 0 or amount != amount.quantize(unit):
        raise InvalidInput("target.error.whole_number", metric=metric, value=amount)
    return amount.quantize(unit)


def is_locked(session: Session, team: Team, metric: Metric, year: int) -> bool:
    plan = stored_plan(session, team, metric, year)
    return plan is not None and plan.locked_at is not None


def stored_plan(session: Session, team: Team, metric: Metric, year: int) -> TargetPlan | None:
    return session.exec(
        select(TargetPlan).where(
            TargetPlan.team_id == team.id, TargetPlan.metric == metric, TargetPlan.year == year
        )
    ).first()


def stored_target(
    session: Session, holder: PlanHolder, metric: Metric, period: Period
) -> Target | None:
    member = col(Target.member_id)
    return session.exec(
        select(Target).where(
            Target.team_id == holder.team.id,
            member.is_(None) if holder.member is None else member == holder.member_id,
            Target.metric == metric,
            Target.period == period.key,
        )
    ).first()


def write_target(
    session: Session,
    actor: Actor,
    holder: PlanHolder,
    metric: Metric,
    period: Period,
    amount: Decimal,
    reason: str | None = None,
    action: str = "set",
) -> Decimal | None:
    """Insert or update one target, audited with its amounts before and after (and the
    reason, when one was given); the amount it had before."""
    stored = stored_target(session, holder, metric, period)
    before = stored.amount if stored else None
    if stored is None:
        stored = Target(
            team_id=_stored_id(holder.team.id),
            member_id=holder.member_id,
            metric=metric,
            period=period.key,
            amount=amount,
        )
    stored.amount = amount
    stored.updated_at = utcnow()
    session.add(stored)
    after: dict[str, str] = {"amount": str(amount)}
    if reason:
        after["reason"] = reason
    previous = None if before is None else {"amount": str(before)}
    audit(
        session, actor.slack_user_id, "target", holder.key(metric, period), action, previous, after
    )
    return before


def beside(session: Session, team: Team, metric: Metric, period: Period) -> Beside:
    """The team's target for a period and what its reps' targets add up to."""
    rows = session.exec(
        select(col(Target.member_id), col(Target.amount)).where(
            Target.team_id == team.id, Target.metric == metric, Target.period == period.key
        )
    ).all()
    team_amount = next((amount for member_id, amount in rows if member_id is None), None)
    reps = [amount for member_id, amount in rows if member_id is not None]
    return Beside(team_amount, sum(reps, Decimal(0)), len(reps))


# -- splitting a year or a quarter ------------------------------------------------------------


def split_target(session: Session, actor: Actor, request: SplitTarget) -> TargetSplit:
    """A year into its quarters and each quarter into its months, or a quarter into its
    months: evenly, or by the shape of last year's months. The children always add up to
    the parent to the cent (or the unit), by largest remainder."""
    holder = plan_holder(session, actor, request.holder)
    metric, period = request.metric, request.period
    if period.kind == MONTH:
        raise InvalidInput("target.error.split_month", period=period.key)
    if is_locked(session, holder.team, metric, period.year):
        raise InvalidInput(
            "target.error.split_locked", team=holder.team.name, metric=metric, year=period.year
        )
    parent = stored_target(session, holder, metric, period)
    if parent is None:
        raise InvalidInput("target.error.nothing_to_split", holder=holder.name, period=period.key)
    shape_of = None
    if request.method == SEASONAL:
        weights, shape_of = seasonal_weights(session, holder, metric, period)
    else:
        weights = {month.key: Fraction(1) for month in period.months()}
    amounts = broken_down(parent.amount, period, weights, unit_of(metric))
    parts = tuple(
        SplitPart(
            child,
            amount,
            write_target(session, actor, holder, metric, child, amount, None, "split"),
        )
        for child, amount in amounts
    )
    return TargetSplit(
        team=holder.team.name,
        holder=holder.name,
        metric=metric,
        period=period,
        currency=reporting_currency(holder.team),
        method=request.method,
        amount=parent.amount,
        parts=parts,
        shape_of=shape_of,
    )


def broken_down(
    amount: Decimal, period: Period, weights: dict[str, Fraction], unit: Decimal
) -> list[tuple[Period, Decimal]]:
    """Each child period (and, for a year, each quarter's months) with its share of `amount`,
    weighted by the months' `weights`."""
    parts: list[tuple[Period, Decimal]] = []
    children = period.children()
    child_weights = [
        sum((weights[m.key] for m in child.months()), Fraction(0)) for child in children
    ]
    for child, child_amount in zip(children, shares(amount, child_weights, unit), strict=True):
        parts.append((child, child_amount))
        if child.kind == QUARTER:
            months = child.months()
            month_weights = [weights[month.key] for month in months]
            parts += zip(months, shares(child_amount, month_weights, unit), strict=True)
    return parts


def shares(total: Decimal, weights: Sequence[Fraction], unit: Decimal) -> list[Decimal]:
    """`total` split in proportion to `weights` in whole units, adding up exactly: each part
    rounded down, then the units left over go to the largest remainders (the earlier part on
    a tie). Nothing to weigh by: everything is zero (only a zero total can have that)."""
    units = int(total / unit)
    weight_sum = sum(weights, Fraction(0))
    if weight_sum == 0:
        return [Decimal(0) * unit for _ in weights]
    exact = [units * weight / weight_sum for weight in weights]
    whole = [int(part) for part in exact]  # exact parts are never negative: int rounds down
    by_remainder = sorted(range(len(exact)), key=lambda i: (whole[i] - exact[i], i))
    for index in by_remainder[: units - sum(whole)]:
        whole[index] += 1
    return [unit * count for count in whole]


def seasonal_weights(
    session: Session, holder: PlanHolder, metric: Metric, period: Period
) -> tuple[dict[str, Fraction], str]:
    """This period's months weighted by the same months of last year: the holder's own
    figures, else the team's; refused when neither has any (or a figure is incomplete)."""
    settings = settings_of(holder.team)
    year = period.year - 1
    sources: list[tuple[int | None, str]] = [(holder.member_id, holder.name)]
    if holder.member is not None:
        sources.append((None, holder.team.name))
    for member_id, name in sources:
        actuals = monthly_actuals(session, holder.team, metric, year, settings, member_id)
        weights = _month_weights(actuals, period)
        if any(weights.values()):
            return weights, name
    raise InvalidInput("target.error.no_history", holder=holder.name, year=year)


def _month_weights(actuals: dict[str, Actual], period: Period) -> dict[str, Fraction]:
    """This period's months keyed as this year's, weighted by last year's figures."""
    weights = {}
    for month in period.months():
        actual = actuals.get(month.same_last_year().key)
        if actual is not None and not actual.complete:
            missing = actual.missing[0]
            raise InvalidInput(
                "target.error.history_incomplete",
                month=missing.month,
                currency=missing.currency,
                to_currency=missing.to_currency,
            )
        weights[month.key] = Fraction(actual.value) if actual is not None else Fraction(0)
    return weights


# -- locking a plan ---------------------------------------------------------------------------


def lock_plan(session: Session, actor: Actor, request: LockPlan) -> PlanLocked | LockRefused:
    team = planned_team(session, actor, request.team)
    metric, year = request.metric, request.year
    currency = reporting_currency(team)
    by_holder = targets_of_year(session, team, metric, year)
    if not by_holder:
        raise InvalidInput("target.error.nothing_to_lock", team=team.name, metric=metric, year=year)
    names = holder_names(session, team, by_holder)
    mismatches = tuple(
        mismatch
        for member_id, amounts in sorted(by_holder.items(), key=lambda item: item[0] is not None)
        for mismatch in year_mismatches(names[member_id], amounts, year)
    )
    if mismatches:
        return LockRefused(team.name, metric, year, currency, mismatches)
    plan = stored_plan(session, team, metric, year)
    already = plan is not None and plan.locked_at is not None
    if plan is None:
        plan = TargetPlan(team_id=_stored_id(team.id), metric=metric, year=year)
    if not already:
        plan.locked_at, plan.locked_by = utcnow(), actor.slack_user_id
        session.add(plan)
        key = f"{team.name}/{metric}/{year}"
        after = {"locked_at": plan.locked_at.isoformat(), "locked_by": actor.slack_user_id}
        audit(session, actor.slack_user_id, "target_plan", key, "lock", {"locked_at": None}, after)
    assert plan.locked_at is not None and plan.locked_by is not None  # locked now, or before
    return PlanLocked(
        team=team.name,
        metric=metric,
        year=year,
        currency=currency,
        locked_at=plan.locked_at,
        locked_by=member_name(session, plan.locked_by),
        already=already,
        beside=beside(session, team, metric, Period(year)),
    )


def targets_of_year(
    session: Session, team: Team, metric: Metric, year: int
) -> dict[int | None, dict[str, Decimal]]:
    """Every target of the team's plan for the year, by holder (None: the team's own), then
    by period key."""
    rows = session.exec(
        select(col(Target.member_id), col(Target.period), col(Target.amount)).where(
            Target.team_id == team.id,
            Target.metric == metric,
            col(Target.period).startswith(str(year)),
        )
    ).all()
    by_holder: dict[int | None, dict[str, Decimal]] = defaultdict(dict)
    for member_id, period, amount in rows:
        by_holder[member_id][period] = amount
    return dict(by_holder)


def holder_names(
    session: Session, team: Team, holders: Iterable[int | None]
) -> dict[int | None, str]:
    ids = [member_id for member_id in holders if member_id is not None]
    members = session.exec(select(Member.id, Member.name).where(col(Member.id).in_(ids))).all()
    return {None: team.name, **dict(members)}


def year_mismatches(holder: str, amounts: dict[str, Decimal], year: int) -> list[Mismatch]:
    """The year against its quarters, then each quarter (set, or with months set) against
    its months."""
    whole = Period(year)
    found = [_mismatch(holder, whole, amounts)]
    for quarter in whole.children():
        if quarter.key in amounts or any(month.key in amounts for month in quarter.months()):
            found.append(_mismatch(holder, quarter, amounts))
    return [mismatch for mismatch in found if mismatch is not None]


def _mismatch(holder: str, period: Period, amounts: dict[str, Decimal]) -> Mismatch | None:
    children = period.children()
    missing = tuple(child for child in children if child.key not in amounts)
    total = sum((amounts.get(child.key, Decimal(0)) for child in children), Decimal(0))
    amount = amounts.get(period.key)
    if amount is not None and not missing and amount == total:
        return None
    return Mismatch(holder, period, amount, total, missing)


def _team_named(session: Session, name: str) -> Team:
    """A team by name; a word that names no team may have been meant as a person."""
    try:
        return find_team(session, name)
    except NotFound:
        raise NotFound("target.error.no_team", team=name[:100]) from None


def member_name(session: Session, slack_user_id: str) -> str:
    name = session.exec(select(Member.name).where(Member.slack_user_id == slack_user_id)).first()
    return name or slack_user_id


def _stored(team: Team | None) -> Team:
    if team is None:
        raise NotFound("settings.error.no_team", team="?")
    return team


def _stored_id(record_id: int | None) -> int:
    assert record_id is not None, "a stored record has an id"
    return record_id
