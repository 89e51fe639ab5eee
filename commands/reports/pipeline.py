"""The pipeline report (漏斗): the funnel as /pipeline counts it (commands.pipeline: open
opportunities per stage expected to close in the period, conversion of the leads and
opportunities created in it), first-contact compliance, and attainment of the order target.

- SLA compliance: of the leads whose first-contact deadline fell in the period, those
  contacted by it (a lead contacted late, or not at all, misses it).
- Attainment: the order_amount target of each team and rep against the actual, as /target
  reads it, on the period's last day (today's for the current period). Targets are set per
  month, quarter and year: a week has none.
Each team's money is in its own reporting currency, converted as /pipeline converts it.
"""

from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import cast
from zoneinfo import ZoneInfo

from sqlalchemy import case, func
from sqlmodel import Session, col, select

from commands.pipeline.report import TeamFunnel, funnel_report
from commands.pipeline.scope import Scope
from commands.reports.collections import rate
from commands.reports.model import (
    COUNT,
    MONEY,
    PERCENT,
    WEEK,
    Cell,
    Chart,
    Column,
    Figure,
    Report,
    ReportPeriod,
    Table,
)
from commands.reports.scope import COMPANY, REP, ReportScope
from commands.reports.span import moments
from commands.targets.attainment import team_attainments
from commands.targets.periods import Period
from commands.team_settings import settings_of
from storage.models import Lead, Member, Team, utcnow
from storage.statuses import Metric


def pipeline_report(session: Session, scope: ReportScope, period: ReportPeriod) -> Report:
    funnel = funnel_report(
        session, _funnel_scope(scope), _as_period(period), scope.timezone, period.end
    )
    sla = _sla(session, scope, period)
    report = Report("pipeline", period, scope.label)
    met, due = sum(m for m, _ in sla.values()), sum(d for _, d in sla.values())
    leads = sum(t.conversion.leads for t in funnel.teams)
    converted = sum(t.conversion.converted for t in funnel.teams)
    opportunities = sum(t.conversion.opportunities for t in funnel.teams)
    won = sum(t.conversion.won for t in funnel.teams)
    report.figures = [
        Figure("leads", COUNT, leads),
        Figure("lead_conversion", PERCENT, rate(Decimal(converted), Decimal(leads))),
        Figure("opportunities", COUNT, opportunities),
        Figure("win_rate", PERCENT, rate(Decimal(won), Decimal(opportunities))),
        Figure("sla_compliance", PERCENT, rate(Decimal(met), Decimal(due))),
    ]
    report.tables = [_stages(funnel.teams, scope), _conversion(funnel.teams), _sla_table(sla)]
    if period.kind != WEEK:
        report.tables.append(_attainment(session, scope, period))
    for team in funnel.teams:
        report.notes += [
            (
                "report.note.missing_rate",
                {"month": r.month, "currency": r.currency, "to": r.to_currency},
            )
            for r in team.missing
        ]
    return report


def _funnel_scope(scope: ReportScope) -> Scope:
    if scope.kind == REP:
        return Scope("mine", scope.member_ids[0], scope.team_ids)
    return Scope("all" if scope.kind == COMPANY else "team", 0, scope.team_ids)


def _as_period(period: ReportPeriod) -> Period:
    if period.kind == WEEK:
        # The funnel reads only a period's first and last day, which a week has too.
        return cast(Period, period)
    return Period.of(period.key)


def _stages(teams: list[TeamFunnel], scope: ReportScope) -> Table:
    rows: list[list[Cell]] = [
        [team.name, stage, figures.count, team.currency, figures.amount]
        for team in teams
        for stage, figures in team.stages.items()
    ]
    one_currency = all(team.currency == scope.currency for team in teams)
    return Table(
        "open_by_stage",
        [
            Column("team"),
            Column("stage"),
            Column("opportunities", COUNT),
            Column("currency"),
            Column("amount", MONEY),
        ],
        rows,
        currency=scope.currency if one_currency else None,
        chart=Chart("bar", "stage", ("amount",)),
        summary_rows=8,
    )


def _conversion(teams: list[TeamFunnel]) -> Table:
    rows: list[list[Cell]] = []
    for team in teams:
        c = team.conversion
        rows.append(
            [
                team.name,
                c.leads,
                c.qualified,
                c.converted,
                rate(Decimal(c.converted), Decimal(c.leads)),
                c.opportunities,
                c.won,
                rate(Decimal(c.won), Decimal(c.opportunities)),
            ]
        )
    return Table(
        "conversion",
        [
            Column("team"),
            Column("leads", COUNT),
            Column("qualified", COUNT),
            Column("converted", COUNT),
            Column("lead_conversion", PERCENT),
            Column("opportunities", COUNT),
            Column("won", COUNT),
            Column("win_rate", PERCENT),
        ],
        rows,
    )


def _sla(session: Session, scope: ReportScope, period: ReportPeriod) -> dict[str, tuple]:
    """owner's name → (met, due) of the first-contact deadlines that fell in the period."""
    since, until = moments(period, scope.timezone)
    until = min(until, utcnow())  # a deadline still ahead is neither met nor missed
    met = case((col(Lead.first_contact_at) <= col(Lead.sla_due_at), 1), else_=0)
    query = (
        select(col(Member.name), func.sum(met), func.count())
        .join(Member, col(Member.id) == col(Lead.owner_id))
        .where(
            col(Lead.sla_due_at) >= since,
            col(Lead.sla_due_at) < until,
            scope.teams(Lead.team_id),
            *([scope.members(Lead.owner_id)] if scope.kind == REP else []),
        )
        .group_by(col(Member.name))
    )
    found: dict[str, tuple] = defaultdict(lambda: (0, 0))
    for name, in_time, due in session.exec(query):
        found[name] = (int(in_time or 0), int(due))
    return found


def _sla_table(sla: dict[str, tuple]) -> Table:
    rows: list[list[Cell]] = [
        [name, due, met, rate(Decimal(met), Decimal(due))]
        for name, (met, due) in sorted(sla.items())
    ]
    return Table(
        "sla_compliance",
        [
            Column("rep"),
            Column("deadlines", COUNT),
            Column("met", COUNT),
            Column("sla_compliance", PERCENT),
        ],
        rows,
    )


def _attainment(session: Session, scope: ReportScope, period: ReportPeriod) -> Table:
    target_period = Period.of(period.key)
    rows: list[list[Cell]] = []
    teams = session.exec(select(Team).where(col(Team.id).in_(scope.team_ids))).all()
    for team in sorted(teams, key=lambda t: t.name):
        settings = settings_of(team)
        today = min(period.end, _today(settings.timezone))
        whole, reps = team_attainments(
            session, team, Metric.order_amount, target_period, today, settings
        )
        lines = (
            [a for a in reps if a.member_id in scope.member_ids]
            if scope.kind == REP
            else [
                whole,
                *reps,
            ]
        )
        rows += [
            [a.name, settings.reporting_currency, a.target, a.actual.value, _fraction(a.percent)]
            for a in lines
        ]
    return Table(
        "attainment",
        [
            Column("holder"),
            Column("currency"),
            Column("target", MONEY),
            Column("actual", MONEY),
            Column("attainment", PERCENT),
        ],
        rows,
        chart=Chart("bar", "holder", ("target", "actual")),
    )


def _fraction(percent: Decimal | None) -> Decimal | None:
    return None if percent is None else (percent / 100).quantize(Decimal("0.001"))


def _today(timezone: str) -> date:
    return utcnow().astimezone(ZoneInfo(timezone)).date()
