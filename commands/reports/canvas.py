"""The live month on a team channel's canvas: what each of its sections holds, read from the
domain as it is on the stand-up's day (no Slack here; bot.views.canvas writes it as markdown
and jobs.canvas_writer puts it on the canvas).

- target: the team's own attainment this month to date with pace, for each metric with a team
  target (as the stand-up shows it);
- leaderboard: the team's board as its channel may see it (`everyone` the whole board, `top3`
  the top three, `none` nothing: the section says the board is private); percents, no amounts;
- first-contact SLA: of the deadlines that fell this month so far, those met (the pipeline
  report's count); by rep only when the board is open to everyone;
- largest overdue: the invoices past due on the day with the most open, ranked in the team's
  reporting currency at the month's rate, each shown in its own currency.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlmodel import Session, select

from commands.receivables import OverdueInvoice, overdue_invoices
from commands.reports.model import ReportPeriod
from commands.reports.money import MonthlyConverter
from commands.reports.pipeline import pipeline_report
from commands.reports.scope import team_scope
from commands.targets.leaderboard import EVERYONE, NONE, board_record, team_leaderboard
from commands.targets.periods import Period
from commands.targets.progress import team_month_targets
from commands.team_settings import TeamSettings, settings_of
from storage.models import Member, Team

CANVAS = "canvas"  # the outbox kind: a team channel's canvas rewritten
LARGEST = 5
SLA_TABLE = "sla_compliance"


@dataclass(frozen=True)
class RepSla:
    name: str
    met: int
    due: int


@dataclass(frozen=True)
class LiveMonth:
    team: str
    month: str  # "2026-11"
    day: date
    currency: str  # the team's reporting currency
    targets: tuple[dict, ...]  # attainment_record per metric with a team target
    privacy: str
    board: dict | None  # board_record of what the channel may see; None when private
    sla_met: int
    sla_due: int
    sla_by_rep: tuple[RepSla, ...]  # empty unless the board is open to everyone
    overdue: tuple[OverdueInvoice, ...]

    @property
    def sla_share(self) -> Decimal | None:
        """Met of due as a percent to 0.1; None when no deadline fell yet (never 0 %)."""
        if not self.sla_due:
            return None
        return (Decimal(self.sla_met) * 100 / self.sla_due).quantize(Decimal("0.1"))


def canvas_key(team: Team, day: date) -> str:
    return f"canvas:{team.id}:{day.isoformat()}"


def live_month(session: Session, team: Team, day: date, default_timezone: str = "UTC") -> LiveMonth:
    settings = settings_of(team, default_timezone)
    month = Period.containing(day)
    targets = team_month_targets(session, team, day, settings)
    met, due, by_rep = _sla(session, team, month.key, default_timezone)
    open_board = settings.leaderboard_privacy == EVERYONE
    return LiveMonth(
        team=team.name,
        month=month.key,
        day=day,
        currency=settings.reporting_currency,
        targets=tuple(targets.records),
        privacy=settings.leaderboard_privacy,
        board=_board(session, team, month, day, settings),
        sla_met=met,
        sla_due=due,
        sla_by_rep=by_rep if open_board else (),
        overdue=_largest_overdue(session, team, day, month.key, settings.reporting_currency),
    )


def _board(
    session: Session, team: Team, month: Period, day: date, settings: TeamSettings
) -> dict | None:
    """The board as the channel sees it: the whole of it, the top three, or nothing."""
    if settings.leaderboard_privacy == NONE:
        return None
    board = team_leaderboard(session, team, None, month, day, settings)
    return board_record(board, None if settings.leaderboard_privacy == EVERYONE else board.top())


def _sla(
    session: Session, team: Team, month: str, default_timezone: str
) -> tuple[int, int, tuple[RepSla, ...]]:
    """The pipeline report's first-contact count for the month: (met, due, by rep)."""
    report = pipeline_report(session, team_scope(team, default_timezone), ReportPeriod.of(month))
    table = next(table for table in report.tables if table.key == SLA_TABLE)
    reps = tuple(RepSla(str(name), _count(met), _count(due)) for name, due, met, _ in table.rows)
    return sum(r.met for r in reps), sum(r.due for r in reps), reps


def _count(cell: object) -> int:
    return int(cell) if isinstance(cell, int | Decimal) else 0


def _largest_overdue(
    session: Session, team: Team, day: date, month: str, currency: str
) -> tuple[OverdueInvoice, ...]:
    member_ids = [i for i in session.exec(select(Member.id).where(Member.team_id == team.id))]
    invoices = overdue_invoices(session, [i for i in member_ids if i is not None], day)
    convert = MonthlyConverter(session, ReportPeriod.of(month), currency)

    def weight(invoice: OverdueInvoice) -> tuple:
        amount = convert(Decimal(invoice.open_amount), invoice.currency, month)
        return (-amount, -invoice.days_overdue, invoice.number)

    return tuple(sorted(invoices, key=weight)[:LARGEST])
