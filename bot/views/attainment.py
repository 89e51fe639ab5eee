"""How attainment looks in Slack: `/target`'s figures with a text progress bar, pace, gap and
projection; the rates used and the rates missing; the lines the stand-up and App Home show; the
milestone DM and the mid-month alert. Names go into plain text only.

A team of any size fits one message: each rep is one line, lines are gathered into sections
under Slack's 3,000 characters, and past the block budget the rest is counted, not shown."""

from collections.abc import Iterable, Sequence
from decimal import Decimal

from babel.dates import format_skeleton
from babel.numbers import format_decimal
from slack_sdk.models.blocks import Block

from bot.i18n import babel_locale, day, money, number, t
from bot.views.blocks import (
    SECTION_LIMIT,
    context,
    grouped_lines,
    header,
    message,
    plain_section,
    rendered,
)
from commands.people import Reader
from commands.targets.actuals import Actual, MissingRate, UsedRate
from commands.targets.attainment import Attainment
from commands.targets.periods import MONTH, QUARTER, Period
from commands.targets.progress import MetricProgress, TargetsReport, TeamProgress
from storage.statuses import Metric

BAR_CELLS = 10
FULL, EMPTY = "▓", "░"
MAX_BLOCKS = 50  # Slack's limit of blocks in a message
SECTION_ROOM = SECTION_LIMIT - 100
NOTES_LIMIT = 1500


def progress_bar(percent: Decimal | None) -> str:
    """`▓▓▓▓▓▓░░░░`: a cell per 10 %, full at 100 % and over."""
    filled = 0 if percent is None else min(BAR_CELLS, max(0, int(percent // 10)))
    return FULL * filled + EMPTY * (BAR_CELLS - filled)


def percent_text(value: Decimal | None, locale: str) -> str:
    if value is None:
        return "—"
    shown = format_decimal(value, format="#,##0.0", locale=babel_locale(locale))
    return t(locale, "attainment.percent", value=shown)


def figure(value: Decimal | None, metric: Metric, currency: str, locale: str) -> str:
    """An amount in the reporting currency, or a count."""
    if value is None:
        return "—"
    if metric.is_money:
        return money(value, currency, locale)
    return number(value.normalize() if value == value.to_integral() else value, locale)


def metric_label(metric: Metric, locale: str) -> str:
    return t(locale, f"attainment.metric.{metric.value}")


def period_label(period: Period, locale: str) -> str:
    if period.kind == MONTH:
        return format_skeleton("yMMMM", period.start, locale=babel_locale(locale))
    if period.kind == QUARTER:
        return t(locale, "attainment.period.quarter", year=period.year, number=period.number)
    return t(locale, "attainment.period.year", year=period.year)


def gap_text(attainment: Attainment, currency: str, locale: str) -> str:
    if attainment.gap is None:
        return "—"
    return _gap_words(attainment.gap, attainment.metric, currency, locale)


def rates_notes(actuals: Iterable[Actual], locale: str) -> list[str]:
    """The rates used, and the ones missing (named, their amounts left out)."""
    parts = list(actuals)
    used = sorted({rate for part in parts for rate in part.used}, key=_by_month)
    missing = sorted({rate for part in parts for rate in part.missing}, key=_by_month)
    notes = []
    if used:
        rates = ", ".join(_rate(rate, locale) for rate in used)
        notes.append(_clipped(t(locale, "attainment.rates.used", rates=rates)))
    if missing:
        rates = ", ".join(_missing(rate, locale) for rate in missing)
        to = missing[0].to_currency
        notes.append(_clipped(t(locale, "attainment.rates.missing", rates=rates, to=to)))
    return notes


def targets_message(report: TargetsReport, reader: Reader) -> dict:
    locale = reader.locale
    period = period_label(report.period, locale)
    if report.every_team:
        return _all_teams(report, locale, period)
    team = report.teams[0]
    scope = "mine" if report.scope == "mine" else "team"
    title = t(locale, f"attainment.title.{scope}", team=team.team_name, period=period)
    if not team.metrics:
        text = t(locale, f"attainment.empty.{scope}", team=team.team_name, period=period)
        return message(text, [plain_section(text)])
    budget = _Budget(MAX_BLOCKS - 2)
    blocks: list[Block] = [header(title)]
    for progress in team.metrics:
        blocks += _metric_blocks(progress, team, report, locale, budget)
    blocks.append(context(_how(team, locale)))
    return message(title, blocks)


def _metric_blocks(
    progress: MetricProgress,
    team: TeamProgress,
    report: TargetsReport,
    locale: str,
    budget: "_Budget",
) -> list[Block]:
    lines = [metric_label(progress.metric, locale)]
    if progress.mine is not None and report.scope == "mine":
        lines += detail_lines(progress.mine, t(locale, "attainment.who.you"), team, locale)
    who = t(locale, "attainment.who.team", team=team.team_name)
    lines += detail_lines(progress.team, who, team, locale)
    blocks: list[Block] = []
    if budget.take(1):
        blocks.append(plain_section("\n".join(lines)))
    if report.sees_reps:
        rep_lines = [rep_line(rep, team.currency, locale) for rep in progress.reps]
        title = t(locale, "attainment.reps.title", count=len(rep_lines))
        rep_lines = rep_lines or [t(locale, "attainment.reps.none")]
        blocks += _sections([title, *rep_lines], budget, report, progress.metric, locale)
    notes = rates_notes([progress.team.actual], locale)
    if notes and budget.take(1):
        blocks.append(context(*notes))
    return blocks


def detail_lines(attainment: Attainment, who: str, team: TeamProgress, locale: str) -> list[str]:
    """One holder in full: bar and percent, actual of target, pace and gap, projection."""
    currency, metric = team.currency, attainment.metric
    actual = figure(attainment.actual.value, metric, currency, locale)
    if attainment.target is None:
        lines = [
            t(locale, "attainment.line.no_target", who=who),
            t(locale, "attainment.line.actual_only", actual=actual),
        ]
    else:
        bar = progress_bar(attainment.percent)
        lines = [
            t(
                locale,
                "attainment.line.target",
                who=who,
                bar=bar,
                percent=percent_text(attainment.percent, locale),
            ),
            t(
                locale,
                "attainment.line.actual",
                actual=actual,
                target=figure(attainment.target, metric, currency, locale),
            ),
        ]
    if team.today > attainment.period.end:
        return [*lines, t(locale, "attainment.line.over")]
    if attainment.gap is not None:
        lines.append(_pace_line(attainment, currency, locale))
    lines.append(_projection_line(attainment, currency, locale))
    return lines


def rep_line(rep: Attainment, currency: str, locale: str) -> str:
    metric = rep.metric
    actual = figure(rep.actual.value, metric, currency, locale)
    if rep.target is None:
        text = t(locale, "attainment.rep.no_target", name=rep.name, actual=actual)
    else:
        text = t(
            locale,
            "attainment.rep.target",
            name=rep.name,
            bar=progress_bar(rep.percent),
            percent=percent_text(rep.percent, locale),
            actual=actual,
            target=figure(rep.target, metric, currency, locale),
            expected=figure(rep.expected, metric, currency, locale),
            gap=gap_text(rep, currency, locale),
            projection=percent_text(rep.projection_percent, locale),
        )
    if not rep.actual.complete:
        text += t(locale, "attainment.rep.incomplete")
    return text


def month_blocks(records: Sequence[dict], currency: str, locale: str, area: str) -> list[Block]:
    """This month's targets with pace, from `attainment_record`s: the stand-up's
    (`area` "digest") or App Home's ("home"); nothing without a target this month."""
    if not records:
        return []
    title = t(locale, f"attainment.{area}.title")
    lines = [month_line(record, currency, locale, f"attainment.{area}.line") for record in records]
    blocks: list[Block] = [header(title), plain_section("\n".join(lines))]
    notes = rates_notes([_recorded_actual(record) for record in records], locale)
    if notes:
        blocks.append(context(*notes))
    return blocks


def month_line(record: dict, currency: str, locale: str, key: str) -> str:
    """One metric of this month from its record: bar, percent, actual of target, where pace
    says it should be by today, and the gap."""
    metric = Metric(record["metric"])
    label = metric_label(metric, locale)
    actual = figure(Decimal(record["actual"]), metric, currency, locale)
    if record["target"] is None:
        text = t(locale, "attainment.digest.no_target", metric=label, actual=actual)
    else:
        percent = Decimal(record["percent"]) if record["percent"] is not None else None
        text = t(
            locale,
            key,
            metric=label,
            bar=progress_bar(percent),
            percent=percent_text(percent, locale),
            actual=actual,
            target=figure(Decimal(record["target"]), metric, currency, locale),
            expected=figure(Decimal(record["expected"]), metric, currency, locale),
            gap=_gap_words(Decimal(record["gap"]), metric, currency, locale),
        )
    if record["missing"]:
        text += t(locale, "attainment.rep.incomplete")
    return text


def _recorded_actual(record: dict) -> Actual:
    return Actual(
        Decimal(record["actual"]),
        tuple(UsedRate(m, c, to, Decimal(rate)) for m, c, to, rate in record["used"]),
        tuple(MissingRate(m, c, to) for m, c, to in record["missing"]),
    )


def _gap_words(gap: Decimal, metric: Metric, currency: str, locale: str) -> str:
    amount = figure(abs(gap), metric, currency, locale)
    if gap > 0:
        return t(locale, "attainment.gap.ahead", amount=amount)
    if gap < 0:
        return t(locale, "attainment.gap.behind", amount=amount)
    return t(locale, "attainment.gap.even")


def _pace_line(attainment: Attainment, currency: str, locale: str) -> str:
    gap = attainment.gap or Decimal(0)
    kind = "ahead" if gap > 0 else "behind" if gap < 0 else "even"
    return t(
        locale,
        f"attainment.line.pace_{kind}",
        share=percent_text((attainment.pace * 100).quantize(Decimal("0.1")), locale),
        expected=figure(attainment.expected, attainment.metric, currency, locale),
        gap=figure(abs(gap), attainment.metric, currency, locale),
    )


def _projection_line(attainment: Attainment, currency: str, locale: str) -> str:
    projection = figure(attainment.projection, attainment.metric, currency, locale)
    end = day(attainment.period.end, locale)
    if attainment.target is None:
        return t(locale, "attainment.line.projection_no_target", end=end, projection=projection)
    percent = percent_text(attainment.projection_percent, locale)
    return t(locale, "attainment.line.projection", end=end, projection=projection, percent=percent)


def _all_teams(report: TargetsReport, locale: str, period: str) -> dict:
    """An admin without a team: each team's total per metric, one line a team."""
    title = t(locale, "attainment.title.all_teams", period=period)
    if not report.teams:
        text = t(locale, "attainment.empty.all_teams", period=period)
        return message(text, [plain_section(text)])
    budget = _Budget(MAX_BLOCKS - 1)
    blocks: list[Block] = [header(title)]
    for metric in _metrics_of(report.teams):
        lines = [metric_label(metric, locale)]
        actuals = []
        for team in report.teams:
            for progress in team.metrics:
                if progress.metric == metric:
                    lines.append(_team_line(progress.team, team, locale))
                    actuals.append(progress.team.actual)
        blocks += _sections(lines, budget, report, metric, locale)
        notes = rates_notes(actuals, locale)
        if notes and budget.take(1):
            blocks.append(context(*notes))
    return message(title, blocks)


def _team_line(attainment: Attainment, team: TeamProgress, locale: str) -> str:
    metric, currency = attainment.metric, team.currency
    actual = figure(attainment.actual.value, metric, currency, locale)
    if attainment.target is None:
        text = t(locale, "attainment.team.no_target", team=team.team_name, actual=actual)
    else:
        text = t(
            locale,
            "attainment.team.line",
            team=team.team_name,
            bar=progress_bar(attainment.percent),
            percent=percent_text(attainment.percent, locale),
            actual=actual,
            target=figure(attainment.target, metric, currency, locale),
            projection=percent_text(attainment.projection_percent, locale),
        )
    if not attainment.actual.complete:
        text += t(locale, "attainment.rep.incomplete")
    return text


def _metrics_of(teams: Sequence[TeamProgress]) -> list[Metric]:
    found = {progress.metric for team in teams for progress in team.metrics}
    return [metric for metric in Metric if metric in found]


class _Budget:
    """How many more blocks a message may take."""

    def __init__(self, blocks: int):
        self.left = blocks

    def take(self, count: int) -> bool:
        if self.left < count:
            return False
        self.left -= count
        return True


def _sections(
    lines: list[str], budget: _Budget, report: TargetsReport, metric: Metric, locale: str
) -> list[Block]:
    """Lines gathered into sections under Slack's limit; when the budget would run out (a
    block kept for the note), the lines left are counted in a note instead."""
    chunks = _chunks(lines)
    blocks: list[Block] = []
    for index, chunk in enumerate(chunks):
        needed = 1 if index == len(chunks) - 1 else 2
        if budget.left < needed:
            hidden = sum(len(rest) for rest in chunks[index:]) - (1 if index == 0 else 0)
            if budget.take(1):
                blocks.append(context(_more(hidden, report, metric, locale)))
            break
        budget.take(1)
        blocks.append(plain_section("\n".join(chunk)))
    return blocks


def _chunks(lines: list[str]) -> list[list[str]]:
    return grouped_lines(lines, SECTION_ROOM) or [[]]


def _more(count: int, report: TargetsReport, metric: Metric, locale: str) -> str:
    return t(locale, "attainment.more", count=count, period=report.period.key, metric=metric.value)


def _how(team: TeamProgress, locale: str) -> str:
    calendar = "cn" if team.chinese_calendar else "weekends"
    return t(
        locale,
        "attainment.how",
        calendar=t(locale, f"attainment.calendar.{calendar}"),
        currency=team.currency,
    )


def _rate(rate: UsedRate, locale: str) -> str:
    return t(
        locale,
        "attainment.rate",
        currency=rate.currency,
        to=rate.to_currency,
        rate=f"{rate.rate.normalize():f}",
        month=rate.month,
    )


def _missing(rate: MissingRate, locale: str) -> str:
    return t(
        locale,
        "attainment.missing_rate",
        currency=rate.currency,
        to=rate.to_currency,
        month=rate.month,
    )


def _by_month(rate: UsedRate | MissingRate) -> tuple[str, str]:
    return rate.month, rate.currency


def _clipped(text: str) -> str:
    return text if len(text) <= NOTES_LIMIT else text[: NOTES_LIMIT - 1] + "…"


def milestone(params: dict, reader: Reader) -> tuple[str, list[Block]]:
    """A rep's DM: a level of a target reached."""
    locale, metric = reader.locale, Metric(params["metric"])
    currency = params["currency"]
    key = (
        "attainment.milestone.done" if Decimal(params["percent"]) >= 100 else "attainment.milestone"
    )
    text = t(
        locale,
        key,
        percent=percent_text(Decimal(params["percent"]), locale),
        metric=metric_label(metric, locale),
        period=period_label(Period.of(params["period"]), locale),
        actual=figure(Decimal(params["actual"]), metric, currency, locale),
        target=figure(Decimal(params["target"]), metric, currency, locale),
    )
    return text, [plain_section(text)]


def projection_alert(params: dict, reader: Reader) -> tuple[str, list[Block]]:
    """A manager's mid-month message: the reps projected under the team's threshold."""
    locale, currency = reader.locale, params["currency"]
    title = t(
        locale,
        "attainment.alert.title",
        team=params["team"],
        threshold=params["threshold"],
        period=period_label(Period.of(params["period"]), locale),
    )
    lines = [_alert_line(line, currency, locale) for line in params["lines"]]
    if params["more"]:
        lines.append(t(locale, "attainment.alert.more", count=params["more"]))
    blocks: list[Block] = [header(title)]
    blocks += [plain_section("\n".join(chunk)) for chunk in _chunks(lines)]
    blocks.append(context(t(locale, "attainment.alert.hint")))
    return title, blocks


def _alert_line(line: dict, currency: str, locale: str) -> str:
    metric = Metric(line["metric"])
    text = t(
        locale,
        "attainment.alert.line",
        name=line["name"],
        metric=metric_label(metric, locale),
        actual=figure(Decimal(line["actual"]), metric, currency, locale),
        target=figure(Decimal(line["target"]), metric, currency, locale),
        percent=percent_text(Decimal(line["percent"]), locale),
        projection=figure(Decimal(line["projection"]), metric, currency, locale),
        projection_percent=percent_text(Decimal(line["projection_percent"]), locale),
    )
    return text if line["complete"] else text + t(locale, "attainment.rep.incomplete")


NOTIFICATIONS = {
    "target_milestone": rendered(milestone),
    "target_projection_alert": rendered(projection_alert),
}
