"""KPI scorecards (考核): a team's weighted indicators and each rep's score for a period.

An indicator is one of the target metrics or `data_completeness`. A team's weights sum to
exactly 100. Each indicator scores weight × min(attainment %, cap) ÷ 100, and nothing below its
floor; an indicator the rep has no target for scores nothing and says so. Attainment is read as
shown (to 0.1 %), so the parts add up to what people see. Data completeness is the percent of
the rep's customers with a tier, a region, an industry and a contact with a phone or an email.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import and_, case, exists, func, or_
from sqlmodel import Session, col, delete, select

from commands.errors import Forbidden, InvalidInput, NotFound
from commands.people import Actor
from commands.people_text import member_named
from commands.records import audit
from commands.targets.actuals import Actual
from commands.targets.attainment import Attainment, team_attainments
from commands.targets.leaderboard import shown_percent
from commands.targets.periods import Period
from commands.targets.text import METRIC_WORDS, IndicatorSpec, SetKpi, ShowScorecard
from commands.team_settings import TeamSettings, find_team, settings_of
from storage.models import Contact, Customer, KpiIndicator, Member, Team, stored_id
from storage.statuses import Metric, Role

DATA_COMPLETENESS = "data_completeness"
INDICATORS = (*(metric.value for metric in Metric), DATA_COMPLETENESS)
INDICATOR_WORDS = {
    **{word: metric.value for word, metric in METRIC_WORDS.items()},
    DATA_COMPLETENESS: DATA_COMPLETENESS,
    "data": DATA_COMPLETENESS,
    "completeness": DATA_COMPLETENESS,
}
MAX_CAP = 1000
POINTS = Decimal("0.1")
HUNDRED = Decimal(100)

# Why a part scores what it does.
SCORED, CAPPED, UNDER_FLOOR, NO_TARGET, NO_CUSTOMERS = (
    "scored",
    "capped",
    "under_floor",
    "no_target",
    "no_customers",
)


@dataclass(frozen=True)
class Indicator:
    name: str
    weight: int
    floor_percent: int
    cap_percent: int


@dataclass(frozen=True)
class Completeness:
    complete: int
    customers: int

    @property
    def percent(self) -> Decimal | None:
        if not self.customers:
            return None
        return shown_percent(Decimal(self.complete) * HUNDRED / self.customers)


@dataclass(frozen=True)
class ScorePart:
    indicator: Indicator
    percent: Decimal | None  # attainment (or completeness) as shown; None: nothing to score
    points: Decimal
    outcome: str  # SCORED, CAPPED, UNDER_FLOOR, NO_TARGET or NO_CUSTOMERS
    actual: Actual | None = None
    target: Decimal | None = None
    completeness: Completeness | None = None


@dataclass(frozen=True)
class Scorecard:
    member_id: int
    slack_user_id: str
    name: str
    parts: tuple[ScorePart, ...]

    @property
    def total(self) -> Decimal:
        return sum((part.points for part in self.parts), Decimal(0))


@dataclass(frozen=True)
class TeamScorecards:
    team: str
    period: Period
    currency: str
    indicators: tuple[Indicator, ...]
    cards: tuple[Scorecard, ...]


@dataclass(frozen=True)
class KpiSet:
    team: str
    indicators: tuple[Indicator, ...]
    before: tuple[Indicator, ...]


# -- the indicators -----------------------------------------------------------------------------


def team_indicators(session: Session, team: Team) -> tuple[Indicator, ...]:
    """The team's indicators, heaviest first."""
    rows = session.exec(
        select(KpiIndicator)
        .where(col(KpiIndicator.team_id) == team.id)
        .order_by(col(KpiIndicator.weight).desc(), col(KpiIndicator.indicator))
    ).all()
    return tuple(Indicator(r.indicator, r.weight, r.floor_percent, r.cap_percent) for r in rows)


def set_kpi(session: Session, actor: Actor, request: SetKpi) -> KpiSet:
    """Replace the team's indicators (its manager or an admin), all or nothing, audited."""
    team = _team_to_set(session, actor, request.team)
    indicators = checked_indicators(request.indicators)
    before = team_indicators(session, team)
    session.execute(delete(KpiIndicator).where(col(KpiIndicator.team_id) == team.id))
    for indicator in indicators:
        session.add(
            KpiIndicator(
                team_id=stored_id(team),
                indicator=indicator.name,
                weight=indicator.weight,
                floor_percent=indicator.floor_percent,
                cap_percent=indicator.cap_percent,
            )
        )
    audit(
        session,
        actor.slack_user_id,
        "kpi",
        team.name,
        "set",
        _described(before) if before else None,
        _described(indicators),
    )
    session.flush()
    return KpiSet(team.name, team_indicators(session, team), before)


def checked_indicators(specs: tuple[IndicatorSpec, ...]) -> tuple[Indicator, ...]:
    """The indicators as typed, or InvalidInput naming what is wrong: an unknown or repeated
    indicator, a weight of nothing, a floor not under its cap, weights not summing to 100."""
    indicators: list[Indicator] = []
    for spec in specs:
        indicator = _indicator(spec)
        if any(seen.name == indicator.name for seen in indicators):
            raise InvalidInput("scorecard.error.repeated", indicator=indicator.name)
        indicators.append(indicator)
    total = sum(indicator.weight for indicator in indicators)
    if total != 100:
        raise InvalidInput("scorecard.error.weights_sum", total=total)
    return tuple(sorted(indicators, key=lambda i: (-i.weight, i.name)))


def _indicator(spec: IndicatorSpec) -> Indicator:
    name = INDICATOR_WORDS.get(spec.indicator.lower())
    if name is None:
        raise InvalidInput(
            "scorecard.error.unknown_indicator",
            indicator=spec.indicator[:40],
            names=", ".join(INDICATORS),
        )
    if spec.weight < 1:
        raise InvalidInput("scorecard.error.weight", indicator=name)
    if spec.floor_percent >= spec.cap_percent or spec.cap_percent > MAX_CAP:
        raise InvalidInput(
            "scorecard.error.floor_cap",
            indicator=name,
            floor=spec.floor_percent,
            cap=spec.cap_percent,
            most=MAX_CAP,
        )
    return Indicator(name, spec.weight, spec.floor_percent, spec.cap_percent)


def _described(indicators: tuple[Indicator, ...]) -> dict:
    return {i.name: f"{i.weight}:{i.floor_percent}-{i.cap_percent}" for i in indicators}


def _team_to_set(session: Session, actor: Actor, name: str | None) -> Team:
    if name:
        team = find_team(session, name)
    elif actor.team_id is not None and (own := session.get(Team, actor.team_id)) is not None:
        team = own
    elif actor.is_admin:
        raise InvalidInput("scorecard.error.kpi_team")
    else:
        raise InvalidInput("scorecard.error.no_team")
    if not (actor.is_admin or (actor.role == Role.manager and actor.team_id == team.id)):
        raise Forbidden("scorecard.error.kpi_managers", team=team.name)
    return team


# -- the scores ---------------------------------------------------------------------------------


def scorecards_for(
    session: Session, actor: Actor, request: ShowScorecard, today: date
) -> TeamScorecards:
    """The scorecards the asker may see: a rep their own, a manager or the desk each rep of
    their team (or one, named), an admin any team's rep."""
    team, member_id = _whose_scorecards(session, actor, request.member)
    settings = settings_of(team)
    cards = team_scorecards(session, team, request.period, today, settings)
    if member_id is not None:
        cards = [card for card in cards if card.member_id == member_id]
        if not cards:
            raise NotFound("scorecard.error.not_a_rep")
    return TeamScorecards(
        team.name,
        request.period,
        settings.reporting_currency,
        team_indicators(session, team),
        tuple(cards),
    )


def _whose_scorecards(
    session: Session, actor: Actor, slack_user_id: str | None
) -> tuple[Team, int | None]:
    """The team, and the one rep (None: each rep of it) the asker is to see."""
    if slack_user_id is not None:
        slack_user_id = member_named(session, slack_user_id, active_only=True)
    if slack_user_id is None or slack_user_id == actor.slack_user_id:
        return _own_team(session, actor), (None if _sees_team(actor) else actor.member_id)
    member = session.exec(
        select(Member).where(col(Member.slack_user_id) == slack_user_id, col(Member.active))
    ).first()
    if member is None or member.team_id is None:
        raise NotFound("scorecard.error.not_a_rep")
    if not actor.is_admin and (member.team_id != actor.team_id or not _sees_team(actor)):
        raise Forbidden("scorecard.error.others")
    team = session.get(Team, member.team_id)
    if team is None:
        raise NotFound("scorecard.error.not_a_rep")
    return team, stored_id(member)


def _sees_team(actor: Actor) -> bool:
    return actor.role in (Role.manager, Role.desk, Role.admin)


def _own_team(session: Session, actor: Actor) -> Team:
    team = session.get(Team, actor.team_id) if actor.team_id is not None else None
    if team is None:
        key = "scorecard.error.name_rep" if actor.is_admin else "scorecard.error.no_team"
        raise InvalidInput(key)
    return team


def team_scorecards(
    session: Session, team: Team, period: Period, today: date, settings: TeamSettings
) -> list[Scorecard]:
    """Every active rep's scorecard, by name: one attainment read per metric indicator and one
    completeness count for the team, whatever its size."""
    indicators = team_indicators(session, team)
    reps = session.exec(
        select(Member.id, Member.slack_user_id, Member.name)
        .where(
            col(Member.team_id) == team.id,
            col(Member.role) == Role.rep,
            col(Member.active),
        )
        .order_by(col(Member.name))
    ).all()
    attainments = {
        indicator.name: _attainments_by_rep(session, team, indicator, period, today, settings)
        for indicator in indicators
        if indicator.name != DATA_COMPLETENESS
    }
    completeness = (
        data_completeness(session, team)
        if any(i.name == DATA_COMPLETENESS for i in indicators)
        else {}
    )
    return [
        Scorecard(
            member_id,
            slack_id,
            name,
            tuple(
                _part(indicator, attainments, completeness, member_id) for indicator in indicators
            ),
        )
        for member_id, slack_id, name in reps
        if member_id is not None
    ]


def _attainments_by_rep(session, team, indicator, period, today, settings):
    _, reps = team_attainments(session, team, Metric(indicator.name), period, today, settings)
    return {attainment.member_id: attainment for attainment in reps}


def _part(
    indicator: Indicator,
    attainments: dict[str, dict[int | None, Attainment]],
    completeness: dict[int, Completeness],
    member_id: int,
) -> ScorePart:
    if indicator.name == DATA_COMPLETENESS:
        counted = completeness.get(member_id, Completeness(0, 0))
        if counted.percent is None:
            return ScorePart(indicator, None, Decimal(0), NO_CUSTOMERS, completeness=counted)
        return scored(indicator, counted.percent, completeness=counted)
    attainment = attainments[indicator.name].get(member_id)
    if attainment is None or attainment.percent is None:
        actual = attainment.actual if attainment else None
        return ScorePart(indicator, None, Decimal(0), NO_TARGET, actual=actual)
    return scored(
        indicator,
        shown_percent(attainment.percent),
        actual=attainment.actual,
        target=attainment.target,
    )


def scored(indicator: Indicator, percent: Decimal, **detail) -> ScorePart:
    """weight × min(percent, cap) ÷ 100; nothing under the floor."""
    if percent < indicator.floor_percent:
        return ScorePart(indicator, percent, Decimal(0), UNDER_FLOOR, **detail)
    counted = min(percent, Decimal(indicator.cap_percent))
    points = (indicator.weight * counted / HUNDRED).quantize(POINTS, rounding=ROUND_HALF_UP)
    outcome = CAPPED if percent > indicator.cap_percent else SCORED
    return ScorePart(indicator, percent, points, outcome, **detail)


def data_completeness(session: Session, team: Team) -> dict[int, Completeness]:
    """Per rep of the team: how many of their customers are complete, of how many (one
    aggregate query)."""
    reachable = exists().where(
        col(Contact.customer_id) == col(Customer.id),
        or_(func.coalesce(Contact.phone, "") != "", func.coalesce(Contact.email, "") != ""),
    )
    complete = and_(
        *(func.coalesce(column, "") != "" for column in (Customer.tier, Customer.region)),
        func.coalesce(Customer.industry, "") != "",
        reachable,
    )
    rows = session.exec(
        select(
            col(Customer.owner_id),
            func.count(),
            func.sum(case((complete, 1), else_=0)),
        )
        .join(Member, col(Member.id) == col(Customer.owner_id))
        .where(col(Member.team_id) == team.id)
        .group_by(col(Customer.owner_id))
    ).all()
    return {owner: Completeness(int(done or 0), int(total)) for owner, total, done in rows}
