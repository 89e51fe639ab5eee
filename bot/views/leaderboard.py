"""How the leaderboard looks: the board as `/leaderboard` shows it to each role, the weekly post
in the team channel, each rep's own rank and the manager's whole board by DM. Boards are read
from their record (commands.targets.leaderboard.board_record), the same whether answered now or
delivered later by the outbox. Names go into plain text only; the channel sees percents, never
amounts."""

from decimal import Decimal

from slack_sdk.models.blocks import Block

from bot.i18n import money, number, t
from bot.views.blocks import (
    SECTION_LIMIT,
    context,
    grouped_lines,
    header,
    message,
    mrkdwn_section,
    plain_section,
    rendered,
)
from commands.people import Reader
from storage.statuses import Metric

MAX_BLOCKS = 50
SECTION_MARGIN = 100  # room left in a section for the line that would not fit


def leaderboard_help(locale: str) -> dict:
    return message(
        t(locale, "leaderboard.help.title"), [mrkdwn_section(t(locale, "leaderboard.help"))]
    )


def leaderboard_reply(records: list[dict], locale: str) -> dict:
    """`/leaderboard`: one board as the asker may see it, or every team's for an admin."""
    if len(records) == 1:
        record = records[0]
        blocks = board_blocks(record, locale, amounts=record["amounts"])
        blocks += own_blocks(record, locale)
        return message(board_title(record, locale), blocks[:MAX_BLOCKS])
    return _every_team(records, locale)


def _every_team(records: list[dict], locale: str) -> dict:
    first = records[0]
    title = t(
        locale,
        "leaderboard.all.title",
        metric=metric_label(first["metric"], locale),
        period=period_label(first["period"], locale),
    )
    blocks: list[Block] = [header(title), context(t(locale, "leaderboard.by_percent"))]
    room = MAX_BLOCKS - len(blocks) - 1
    for record in records[:room]:
        lines = [t(locale, "leaderboard.all.team", team=record["team"])]
        lines += _ranked_lines(record, locale, amounts=True) or [_nobody(record, locale)]
        lines += _unranked_lines(record, locale)
        blocks.append(plain_section(_fitted(lines)))
    if len(records) > room:
        blocks.append(context(t(locale, "leaderboard.all.more", count=len(records) - room)))
    return message(title, blocks)


def board_title(record: dict, locale: str) -> str:
    return t(
        locale,
        "leaderboard.title",
        team=record["team"],
        metric=metric_label(record["metric"], locale),
        period=period_label(record["period"], locale),
    )


def board_blocks(record: dict, locale: str, amounts: bool) -> list[Block]:
    """The board's title, its ranked lines (all, or the top three), who has no target, and the
    rates used or missing."""
    blocks: list[Block] = [header(board_title(record, locale))]
    blocks.append(context(t(locale, "leaderboard.by_percent")))
    lines = _ranked_lines(record, locale, amounts)
    if lines:
        blocks += [plain_section(text) for text in _sections(lines)]
    elif record["full"] or not record.get("own"):
        blocks.append(plain_section(_nobody(record, locale)))
    if not record["full"] and record["privacy"] == "top3" and record["ranked_count"] > len(lines):
        blocks.append(context(t(locale, "leaderboard.top3_note", count=record["ranked_count"])))
    if not record["full"] and record["privacy"] == "none":
        blocks.append(context(t(locale, "leaderboard.none_note")))
    unranked = _unranked_lines(record, locale)
    if unranked:
        blocks.append(plain_section(_fitted(unranked)))
    blocks += rate_blocks(record, locale)
    return blocks


def own_blocks(record: dict, locale: str) -> list[Block]:
    """The asker's own line, when the board shown is not the whole of it or they are on it."""
    own = record.get("own")
    if own is None:
        return []
    return [plain_section(own_text(record, own, locale, amounts=True))]


def own_text(record: dict, own: dict, locale: str, amounts: bool) -> str:
    if own["rank"] is None:
        return t(
            locale,
            "leaderboard.own.no_target",
            metric=metric_label(record["metric"], locale),
            period=period_label(record["period"], locale),
        )
    key = "leaderboard.own.tied" if own["tied"] else "leaderboard.own.rank"
    text = t(
        locale,
        key,
        rank=own["rank"],
        count=record["ranked_count"],
        percent=percent_text(own["percent"]),
    )
    if amounts:
        text += t(locale, "leaderboard.own.amounts", amounts=_amounts(record, own, locale))
    return text


def rate_blocks(record: dict, locale: str) -> list[Block]:
    notes = []
    if record["used"]:
        rates = t(locale, "list.separator").join(
            t(locale, "leaderboard.rate", month=m, currency=c, to=to, rate=rate)
            for m, c, to, rate in record["used"]
        )
        notes.append(t(locale, "leaderboard.rates_used", rates=rates))
    if record["missing"]:
        missing = t(locale, "list.separator").join(
            f"{month} {currency}→{to}" for month, currency, to in record["missing"]
        )
        notes.append(t(locale, "leaderboard.rates_missing", missing=missing))
    return [context(note) for note in notes]


def _ranked_lines(record: dict, locale: str, amounts: bool) -> list[str]:
    lines = []
    for line in record["ranked"]:
        key = "leaderboard.line_tied" if line["tied"] else "leaderboard.line"
        percent = percent_text(line["percent"])
        text = t(locale, key, rank=line["rank"], name=line["name"], percent=percent)
        if amounts:
            text += t(locale, "leaderboard.line_amounts", amounts=_amounts(record, line, locale))
        if not line["complete"]:
            text += t(locale, "leaderboard.incomplete")
        lines.append(text)
    return lines


def _unranked_lines(record: dict, locale: str) -> list[str]:
    if not record["unranked"]:
        return []
    names = t(locale, "list.separator").join(line["name"] for line in record["unranked"])
    return [t(locale, "leaderboard.no_target", names=names)]


def _nobody(record: dict, locale: str) -> str:
    return t(
        locale,
        "leaderboard.nobody",
        metric=metric_label(record["metric"], locale),
        period=period_label(record["period"], locale),
    )


def _amounts(record: dict, line: dict, locale: str) -> str:
    return t(
        locale,
        "leaderboard.of_target",
        actual=figure(Decimal(line["actual"]), record, locale),
        target=figure(Decimal(line["target"]), record, locale),
    )


def figure(value: Decimal, record: dict, locale: str) -> str:
    if Metric(record["metric"]).is_money:
        return money(value, record["currency"], locale)
    return number(value, locale)


def percent_text(percent: str | None) -> str:
    return f"{percent}%" if percent is not None else "—"


def metric_label(metric: str, locale: str) -> str:
    return t(locale, f"leaderboard.metric.{metric}")


def period_label(key: str, locale: str) -> str:
    """ "2026" / "2026-Q4" / "2026-11" as people say it."""
    year, _, rest = key.partition("-")
    if not rest:
        return t(locale, "leaderboard.period.year", year=year)
    if rest.startswith("Q"):
        return t(locale, "leaderboard.period.quarter", year=year, quarter=rest[1:])
    return t(locale, "leaderboard.period.month", year=year, month=int(rest))


def _sections(lines: list[str]) -> list[str]:
    """Lines gathered into as few section texts as Slack's 3,000 characters allow."""
    return ["\n".join(group) for group in grouped_lines(lines, SECTION_LIMIT - SECTION_MARGIN)]


def _fitted(lines: list[str]) -> str:
    """Lines in one section: those past Slack's limit left out, and said to be."""
    texts = _sections(lines)
    return texts[0] if len(texts) == 1 else texts[0] + "\n…"


# -- what the outbox delivers -----------------------------------------------------------------


def channel_post(params: dict, reader: Reader) -> tuple[str, list]:
    """The weekly post in the team channel: the whole board or the top three, no amounts."""
    locale = params.get("locale") or reader.locale
    record = params["board"] | {"full": params["privacy"] == "everyone", "own": None}
    record["privacy"] = params["privacy"]
    blocks = board_blocks(record, locale, amounts=False)
    if params["privacy"] == "top3":
        blocks.append(context(t(locale, "leaderboard.post.told_privately")))
    return board_title(record, locale), blocks[:MAX_BLOCKS]


def own_rank(params: dict, reader: Reader) -> tuple[str, list]:
    """A rep's own rank, by DM."""
    locale = reader.locale
    record = params["board"]
    text = own_text(record, params["own"], locale, amounts=True)
    title = board_title(record, locale)
    return text, [header(title), plain_section(text), *rate_blocks(record, locale)]


def manager_board(params: dict, reader: Reader) -> tuple[str, list]:
    """The whole board with amounts, by DM to the manager (privacy `none`)."""
    locale = reader.locale
    record = params["board"] | {"full": True, "own": None, "privacy": "none"}
    blocks = board_blocks(record, locale, amounts=True)
    blocks.append(context(t(locale, "leaderboard.post.manager_only")))
    return board_title(record, locale), blocks[:MAX_BLOCKS]


NOTIFICATIONS = {
    "leaderboard_post": rendered(channel_post),
    "leaderboard_rank": rendered(own_rank),
    "leaderboard_board": rendered(manager_board),
}


# -- in the manager's weekly review -----------------------------------------------------------


def weekly_targets(params: dict, locale: str) -> list[Block]:
    """Each rep's attainment on the month's targets, then the month's whole board."""
    if not params.get("targets_period"):
        return []
    period = period_label(params["targets_period"], locale)
    blocks: list[Block] = [
        mrkdwn_section(f"*{t(locale, 'leaderboard.weekly.title', period=period)}*")
    ]
    lines = [_weekly_line(row, locale) for row in params.get("attainment", [])]
    if not lines:
        blocks.append(plain_section(t(locale, "leaderboard.weekly.none", period=period)))
        return blocks
    blocks += [plain_section(text) for text in _sections(lines)]
    board = params.get("leaderboard")
    if board:
        record = board | {"full": True, "own": None, "privacy": "everyone"}
        blocks += board_blocks(record, locale, amounts=True)
    return blocks


def _weekly_line(row: dict, locale: str) -> str:
    figures = t(locale, "list.separator").join(
        t(
            locale,
            "leaderboard.weekly.figure",
            metric=metric_label(figure["metric"], locale),
            percent=percent_text(figure["percent"]),
        )
        if figure["percent"] is not None
        else t(
            locale, "leaderboard.weekly.no_target", metric=metric_label(figure["metric"], locale)
        )
        for figure in row["figures"]
    )
    return t(locale, "leaderboard.weekly.rep", rep=row["rep"], figures=figures)
