"""The funnel (`/pipeline`, 漏斗) for whoever asks: open opportunities per stage, conversion lead
→ qualified → opportunity → won, the median days in each stage, and the weighted forecast for
this month and quarter (amount × the team's stage probability, by expected close date). Money
is in each team's reporting currency at this month's rates; a missing rate is named.

What a period (`/pipeline 2026-11`) narrows: open opportunities to those expected to close in
it; conversion to leads and opportunities created in it; stage times to stays entered in it.
The forecast is always this month's and this quarter's."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from commands.deals.stages import OPEN_STAGES
from commands.people import Actor
from commands.pipeline.money import Converter, rates_for
from commands.pipeline.queries import (
    Counts,
    ForecastGroup,
    OpenGroup,
    conversion_counts,
    forecast_groups,
    median_days,
    open_groups,
)
from commands.pipeline.scope import Scope, member_names, scope_of
from commands.targets.actuals import MissingRate
from commands.targets.periods import MONTH, QUARTER, Period
from commands.team_settings import TeamSettings, settings_of
from storage.models import Team, utcnow


@dataclass
class StageFigures:
    count: int = 0
    amount: Decimal = Decimal(0)


@dataclass
class Forecast:
    month: Decimal = Decimal(0)
    quarter: Decimal = Decimal(0)


@dataclass
class RepFigures:
    name: str
    open: StageFigures = field(default_factory=StageFigures)
    forecast: Forecast = field(default_factory=Forecast)
    conversion: Counts | None = None


@dataclass
class TeamFunnel:
    team_id: int
    name: str
    currency: str
    stages: dict[str, StageFigures]
    forecast: Forecast
    conversion: Counts
    medians: dict[str, Decimal]
    reps: list[RepFigures]
    missing: tuple[MissingRate, ...]


@dataclass(frozen=True)
class PipelineReport:
    kind: str  # "mine", "team" or "all"
    period: Period | None
    month: Period
    quarter: Period
    teams: list[TeamFunnel]


def pipeline_report(
    session: Session, actor: Actor, period: Period | None, now: datetime | None = None
) -> PipelineReport:
    today = today_on(actor, now)
    return funnel_report(session, scope_of(session, actor), period, actor.timezone, today)


def team_pipeline(
    session: Session, team: Team, timezone: str, today: date, period: Period | None = None
) -> PipelineReport:
    """A team's funnel with no one asking (the weekly review): as its manager sees it, with
    the forecast for the month and quarter of `today` (a day on the team's clock)."""
    scope = Scope("team", 0, (team.id or 0,))
    return funnel_report(session, scope, period, timezone, today)


def funnel_report(
    session: Session, scope: Scope, period: Period | None, timezone: str, today: date
) -> PipelineReport:
    """The funnel of a scope; `today` picks the forecast's month and quarter."""
    month, quarter = Period.containing(today, MONTH), Period.containing(today, QUARTER)
    teams = _teams(session, scope)
    by_owner = scope.kind == "team"
    days = (period.start, period.end) if period else None
    moments = _moments(period, timezone) if period else None
    groups = open_groups(session, scope, days)
    forecasts = forecast_groups(
        session, scope, (month.start, month.end), (quarter.start, quarter.end)
    )
    counts = conversion_counts(session, scope, moments, by_owner)
    medians = median_days(session, scope, moments)
    currencies = {g.currency for g in groups} | {g.currency for g in forecasts}
    currencies |= {settings.reporting_currency for _, settings in teams.values()}
    rates = rates_for(session, month.key, currencies)
    names = member_names(session, scope.team_ids) if by_owner else {}
    funnels = [
        _funnel(team, settings, month.key, rates, groups, forecasts, counts, medians, names)
        for team, settings in teams.values()
    ]
    return PipelineReport(scope.kind, period, month, quarter, funnels)


def _teams(session: Session, scope: Scope) -> dict[int, tuple[Team, TeamSettings]]:
    if not scope.team_ids:
        return {}
    found = session.exec(
        select(Team).where(col(Team.id).in_(scope.team_ids)).order_by(col(Team.name))
    ).all()
    return {team.id or 0: (team, settings_of(team)) for team in found}


def _moments(period: Period, timezone: str) -> tuple[datetime, datetime]:
    zone = ZoneInfo(timezone)
    start = datetime.combine(period.start, time(), zone)
    end = datetime.combine(period.end + timedelta(days=1), time(), zone)
    return start, end


def _funnel(
    team: Team,
    settings: TeamSettings,
    month: str,
    rates: dict,
    groups: list[OpenGroup],
    forecasts: list[ForecastGroup],
    counts: list[Counts],
    medians: dict[tuple[int, str], Decimal],
    names: dict[int, str],
) -> TeamFunnel:
    team_id = team.id or 0
    convert = Converter(rates, month, settings.reporting_currency)
    reps: dict[int, RepFigures] = {
        member: RepFigures(name) for member, name in sorted(names.items(), key=lambda n: n[1])
    }
    stages = {stage.value: StageFigures() for stage in OPEN_STAGES}
    for group in (g for g in groups if g.team_id == team_id):
        amount = convert(Decimal(group.amount or 0), group.currency)
        _add(stages[str(group.stage)], group.count, amount)
        if group.owner_id in reps:
            _add(reps[group.owner_id].open, group.count, amount)
    forecast = _forecast(team_id, settings, forecasts, convert, reps)
    conversion, rep_counts = _conversion(team_id, counts)
    for owner, rep_count in rep_counts.items():
        if owner in reps:
            reps[owner].conversion = rep_count
    team_medians = {stage: days for (tid, stage), days in medians.items() if tid == team_id}
    return TeamFunnel(
        team_id,
        team.name,
        settings.reporting_currency,
        stages,
        forecast,
        conversion,
        team_medians,
        list(reps.values()),
        convert.named(),
    )


def _add(figures: StageFigures, count: int, amount: Decimal) -> None:
    figures.count += count
    figures.amount += amount


def _forecast(
    team_id: int,
    settings: TeamSettings,
    forecasts: list[ForecastGroup],
    convert: Converter,
    reps: dict[int, RepFigures],
) -> Forecast:
    probability = settings.stage_probability
    total = Forecast()
    for group in (g for g in forecasts if g.team_id == team_id):
        share = Decimal(probability.get(str(group.stage), 0)) / 100
        month = convert(Decimal(group.month or 0) * share, group.currency)
        quarter = convert(Decimal(group.quarter or 0) * share, group.currency)
        for figures in [
            total,
            *([reps[group.owner_id].forecast] if group.owner_id in reps else []),
        ]:
            figures.month += month
            figures.quarter += quarter
    return total


def _conversion(team_id: int, counts: list[Counts]) -> tuple[Counts, dict[int, Counts]]:
    sums: dict[int | None, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for count in (c for c in counts if c.team_id == team_id):
        for key in ("leads", "qualified", "converted", "opportunities", "won"):
            sums[None][key] += getattr(count, key)
            if count.owner_id is not None:
                sums[count.owner_id][key] += getattr(count, key)
    team = Counts(team_id, None, **sums[None])
    reps = {owner: Counts(team_id, owner, **values) for owner, values in sums.items() if owner}
    return team, reps


def today_on(actor: Actor, now: datetime | None = None) -> date:
    return (now or utcnow()).astimezone(ZoneInfo(actor.timezone)).date()
