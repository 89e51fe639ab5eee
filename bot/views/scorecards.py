"""How KPI scorecards look: each rep's score with its parts (what each indicator counted, and
why a part scored nothing), and the team's indicators as set. Names go into plain text only."""

from decimal import Decimal

from slack_sdk.models.blocks import Block

from bot.i18n import t
from bot.views.blocks import context, header, message, plain_section
from bot.views.leaderboard import figure, metric_label, period_label
from commands.targets.scorecards import (
    CAPPED,
    DATA_COMPLETENESS,
    NO_CUSTOMERS,
    NO_TARGET,
    UNDER_FLOOR,
    Indicator,
    KpiSet,
    Scorecard,
    ScorePart,
    TeamScorecards,
)

MAX_CARDS = 45  # a section each, within Slack's 50 blocks


def scorecards_reply(found: TeamScorecards, locale: str) -> dict:
    period = period_label(found.period.key, locale)
    if not found.indicators:
        text = t(locale, "scorecard.no_indicators", team=found.team)
        return message(text, [plain_section(text)])
    title = t(locale, "scorecard.title", team=found.team, period=period)
    blocks: list[Block] = [header(title), context(indicators_text(found.indicators, locale))]
    if not found.cards:
        blocks.append(plain_section(t(locale, "scorecard.no_reps", team=found.team)))
    blocks += [plain_section(card_text(card, found, locale)) for card in found.cards[:MAX_CARDS]]
    if len(found.cards) > MAX_CARDS:
        more = len(found.cards) - MAX_CARDS
        blocks.append(context(t(locale, "scorecard.more", count=more)))
    return message(title, blocks)


def card_text(card: Scorecard, found: TeamScorecards, locale: str) -> str:
    lines = [t(locale, "scorecard.total", name=card.name, total=points(card.total))]
    lines += [part_text(part, found, locale) for part in card.parts]
    return "\n".join(lines)


def part_text(part: ScorePart, found: TeamScorecards, locale: str) -> str:
    return t(
        locale,
        "scorecard.part",
        indicator=indicator_label(part.indicator, locale),
        measured=_measured(part, found, locale),
        points=points(part.points),
    )


def _measured(part: ScorePart, found: TeamScorecards, locale: str) -> str:
    indicator = part.indicator
    if part.outcome == NO_TARGET:
        return t(locale, "scorecard.no_target")
    if part.outcome == NO_CUSTOMERS:
        return t(locale, "scorecard.no_customers")
    if indicator.name == DATA_COMPLETENESS and part.completeness is not None:
        done = part.completeness
        text = t(
            locale,
            "scorecard.completeness",
            complete=done.complete,
            customers=done.customers,
            percent=f"{part.percent}%",
        )
    else:
        text = _attained(part, found, locale)
    if part.outcome == UNDER_FLOOR:
        text += t(locale, "scorecard.under_floor", floor=indicator.floor_percent)
    if part.outcome == CAPPED:
        text += t(locale, "scorecard.capped", cap=indicator.cap_percent)
    if part.actual is not None and not part.actual.complete:
        text += t(locale, "scorecard.incomplete")
    return text


def _attained(part: ScorePart, found: TeamScorecards, locale: str) -> str:
    record = {"metric": part.indicator.name, "currency": found.currency}
    actual = part.actual.value if part.actual is not None else Decimal(0)
    return t(
        locale,
        "scorecard.attained",
        percent=f"{part.percent}%",
        actual=figure(actual, record, locale),
        target=figure(part.target or Decimal(0), record, locale),
    )


def indicators_text(indicators: tuple[Indicator, ...], locale: str) -> str:
    return t(locale, "scorecard.indicators", indicators=indicator_list(indicators, locale))


def indicator_list(indicators: tuple[Indicator, ...], locale: str) -> str:
    return t(locale, "list.separator").join(
        indicator_text(indicator, locale) for indicator in indicators
    )


def indicator_text(indicator: Indicator, locale: str) -> str:
    text = t(
        locale,
        "scorecard.indicator",
        indicator=indicator_label(indicator, locale),
        weight=indicator.weight,
    )
    if indicator.floor_percent or indicator.cap_percent != 100:
        text += t(
            locale,
            "scorecard.floor_cap",
            floor=indicator.floor_percent,
            cap=indicator.cap_percent,
        )
    return text


def indicator_label(indicator: Indicator, locale: str) -> str:
    if indicator.name == DATA_COMPLETENESS:
        return t(locale, "scorecard.data_completeness")
    return metric_label(indicator.name, locale)


def points(value: Decimal) -> str:
    return f"{value:.1f}"


def kpi_set_reply(result: KpiSet, locale: str) -> dict:
    text = t(
        locale,
        "scorecard.kpi_set",
        team=result.team,
        indicators=indicator_list(result.indicators, locale),
    )
    lines = [text]
    if result.before:
        lines.append(
            t(locale, "scorecard.kpi_before", indicators=indicator_list(result.before, locale))
        )
    return message(text, [plain_section("\n".join(lines))])
