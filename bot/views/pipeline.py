"""How the funnel looks in Slack: one section per team (its stages, conversion, stage times and
forecast), its reps' lines packed into as few sections as Slack allows."""

from decimal import Decimal

from slack_sdk.models.blocks import Block

from bot.i18n import money, number, t
from bot.views.blocks import context, grouped_lines, header, message, mrkdwn_section, plain_section
from commands.deals.stages import OPEN_STAGES
from commands.pipeline import PipelineReport, RepFigures, TeamFunnel
from commands.pipeline.queries import Counts

MAX_BLOCKS = 50
ROOM_FOR_NOTES = 3  # the header, a note of teams left out, and one spare


def pipeline_help(locale: str) -> dict:
    return message(t(locale, "pipeline.help.title"), [mrkdwn_section(t(locale, "pipeline.help"))])


def working(locale: str) -> dict:
    text = t(locale, "pipeline.working")
    return message(text, [plain_section(text)])


def pipeline_message(report: PipelineReport, locale: str) -> dict:
    period = report.period.key if report.period else t(locale, "pipeline.all_time")
    title = t(locale, f"pipeline.title.{report.kind}", period=period)
    if not report.teams:
        return message(title, [header(title), plain_section(t(locale, "pipeline.no_team"))])
    blocks: list[Block] = [header(title)]
    room, shown = MAX_BLOCKS - ROOM_FOR_NOTES, 0
    for team in report.teams:
        sections = [_team_text(team, report, locale), *_rep_groups(team, locale)]
        if len(blocks) + len(sections) > room:
            break
        blocks += [plain_section(text) for text in sections]
        shown += 1
    if shown < len(report.teams):
        blocks.append(context(t(locale, "pipeline.more_teams", count=len(report.teams) - shown)))
    return message(title, blocks)


def _team_text(team: TeamFunnel, report: PipelineReport, locale: str) -> str:
    def cash(amount: Decimal) -> str:
        return money(amount, team.currency, locale)

    lines = [t(locale, "pipeline.team", team=team.name, currency=team.currency)]
    for stage in OPEN_STAGES:
        figures = team.stages[stage]
        label = t(locale, f"deal.stage.{stage}")
        lines.append(
            t(
                locale,
                "pipeline.stage",
                stage=label,
                count=figures.count,
                amount=cash(figures.amount),
            )
        )
    lines.append(_conversion_text(team.conversion, locale))
    lines.append(_medians_text(team, locale))
    lines.append(
        t(
            locale,
            "pipeline.forecast",
            month=report.month.key,
            month_amount=cash(team.forecast.month),
            quarter=report.quarter.key,
            quarter_amount=cash(team.forecast.quarter),
        )
    )
    if team.missing:
        rates = ", ".join(f"{m.currency}→{m.to_currency} {m.month}" for m in team.missing)
        lines.append(t(locale, "pipeline.missing_rates", rates=rates))
    return "\n".join(lines)


def _conversion_text(counts: Counts, locale: str) -> str:
    return t(
        locale,
        "pipeline.conversion",
        leads=counts.leads,
        qualified=counts.qualified,
        qualified_rate=_rate(counts.qualified, counts.leads),
        converted=counts.converted,
        converted_rate=_rate(counts.converted, counts.qualified),
        opportunities=counts.opportunities,
        won=counts.won,
        won_rate=_rate(counts.won, counts.opportunities),
    )


def _medians_text(team: TeamFunnel, locale: str) -> str:
    parts = [
        t(
            locale,
            "pipeline.median_part",
            stage=t(locale, f"deal.stage.{stage}"),
            days=number(team.medians[stage], locale) if stage in team.medians else "—",
        )
        for stage in OPEN_STAGES
    ]
    return t(locale, "pipeline.medians", parts=t(locale, "list.separator").join(parts))


def _rep_groups(team: TeamFunnel, locale: str) -> list[str]:
    if not team.reps:
        return []
    lines = [t(locale, "pipeline.reps")] + [_rep_line(rep, team, locale) for rep in team.reps]
    return ["\n".join(group) for group in grouped_lines(lines)]


def _rep_line(rep: RepFigures, team: TeamFunnel, locale: str) -> str:
    counts = rep.conversion or Counts(team.team_id, None)
    return t(
        locale,
        "pipeline.rep",
        name=rep.name,
        count=rep.open.count,
        amount=money(rep.open.amount, team.currency, locale),
        month=money(rep.forecast.month, team.currency, locale),
        quarter=money(rep.forecast.quarter, team.currency, locale),
        won=counts.won,
        opportunities=counts.opportunities,
    )


def _rate(part: int, whole: int) -> str:
    return "—" if not whole else f"{round(100 * part / whole)}%"
