"""How a report looks in Slack: a header, its headline figures against the period before and a
year before, the first rows of each table (the files have them all), its notes; within Slack's
50 blocks and 3,000 characters a section. Also `/report`'s help, its progress message and its
subscriptions."""

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from slack_sdk.models.blocks import Block

from bot.i18n import CATALOGS, day, money, number, t
from bot.views.blocks import (
    context,
    escape,
    grouped_lines,
    header,
    message,
    mrkdwn_section,
    plain_section,
)
from commands.reports.files.layout import worded
from commands.reports.model import COUNT, DATE, DAYS, MONEY, PERCENT, Cell, Figure, Report, Table
from commands.reports.subscriptions import SubscriptionLine

MAX_BLOCKS = 50
ROOM_FOR_TABLES = MAX_BLOCKS - 5  # header, figures, notes, the files' note, one spare
Label = Callable[[str, dict], str]


RANK = "rank"


def report_label(locale: str) -> Label:
    """The catalog lookup the file writers and the chart take: a key no catalog has yet (a
    kind's new column) shows as its last word rather than failing the whole report."""

    def label(key: str, params: dict) -> str:
        if key in CATALOGS["en"]:
            return t(locale, key, **params)
        return key.rsplit(".", 1)[-1].replace("_", " ")

    return label


def kind_name(kind: str, locale: str) -> str:
    return report_label(locale)(f"report.kind.{kind}", {})


def scope_name(report: Report, locale: str) -> str:
    return report.scope or t(locale, "report.slack.company")


def report_title(report: Report, locale: str) -> str:
    return t(
        locale,
        "report.slack.title",
        kind=kind_name(report.kind, locale),
        scope=scope_name(report, locale),
        period=report.period.key,
    )


def report_help(locale: str) -> dict:
    return message(
        t(locale, "report.slack.help.title"), [mrkdwn_section(t(locale, "report.slack.help"))]
    )


def preparing(kind: str, scope: str, period: str, step: int, locale: str) -> dict:
    """The message that stands for the report while it is made, step by step (1 to 3)."""
    text = t(
        locale,
        f"report.slack.step.{step}",
        kind=kind_name(kind, locale),
        scope=scope or t(locale, "report.slack.company"),
        period=period,
    )
    return {"text": text, "blocks": [plain_section(text).to_dict()]}


def asked(kind: str, scope: str, period: str, where: str, locale: str) -> dict:
    """The ack: what is being prepared and where it will appear."""
    return _notice(
        t(
            locale,
            f"report.slack.asked.{where}",
            kind=kind_name(kind, locale),
            scope=escape(scope) or t(locale, "report.slack.company"),
            period=period,
        )
    )


def report_summary(report: Report, locale: str) -> dict:
    """The summary as a message (text and blocks) to post or put in place of the progress."""
    title = report_title(report, locale)
    blocks: list[Block] = [header(title)]
    if report.figures:
        lines = [figure_line(figure, locale) for figure in report.figures]
        blocks += [plain_section("\n".join(group)) for group in grouped_lines(lines)]
    tables = [table_text(table, locale) for table in report.tables]
    for text in tables[:ROOM_FOR_TABLES]:
        blocks.append(plain_section(text))
    if len(tables) > ROOM_FOR_TABLES:
        blocks.append(
            context(t(locale, "report.slack.more_tables", count=len(tables) - ROOM_FOR_TABLES))
        )
    label = report_label(locale)
    notes = [label(key, params) for key, params in report.notes]
    if not report.figures and not report.tables:
        notes.insert(0, t(locale, "report.slack.nothing"))
    if notes:
        blocks.append(context(*notes[:10]))
    return {"text": title, "blocks": [block.to_dict() for block in blocks]}


def figure_line(figure: Figure, locale: str) -> str:
    label = report_label(locale)
    text = f"{label(f'report.figure.{figure.key}', {})}: "
    text += cell_text(figure.value, figure.kind, figure.currency, locale)
    compared = [
        t(
            locale,
            f"report.slack.{name}",
            value=cell_text(value, figure.kind, figure.currency, locale),
        )
        for name, value in (("previous", figure.previous), ("last_year", figure.last_year))
        if value is not None
    ]
    return " · ".join([text, *compared])


def table_text(table: Table, locale: str) -> str:
    """The table's title, its first `summary_rows` rows, how many more, and its total.
    Reads the rows: give a table whose rows are a list when files are written from it too."""
    label = report_label(locale)
    title = label(f"report.table.{table.key}", {})
    if table.currency:
        title += f" ({table.currency})"
    ranked = bool(table.columns) and table.columns[0].key == RANK  # numbered by its own rank
    headers = [label(f"report.column.{c.key}", {}) for c in table.columns[1 if ranked else 0 :]]
    lines = [title, f"_{' · '.join(headers)}_"]
    count = 0
    for row in table.rows:
        count += 1
        if count <= table.summary_rows:
            place = row[0] if ranked else count
            shown = worded(table, row, label)
            lines.append(f"{place}. {row_text(table, shown, locale, ranked)}")
    if count == 0:
        lines.append(t(locale, "report.slack.no_rows"))
    elif count > table.summary_rows:
        lines.append(t(locale, "report.slack.more_rows", count=count - table.summary_rows))
    if table.total is not None:
        total = row_text(table, table.total, locale, ranked, blanks=False)
        lines.append(t(locale, "report.slack.total", row=total))
    return "\n".join(lines)


def row_text(
    table: Table, row: list[Cell], locale: str, ranked: bool = False, blanks: bool = True
) -> str:
    """A row's cells in order (the rank left to the line's number; a total's empty cells left
    out rather than shown as dashes)."""
    pairs = list(zip(table.columns, row, strict=False))[1 if ranked else 0 :]
    cells = [
        cell_text(cell, column.kind, table.currency, locale)
        for column, cell in pairs
        if blanks or cell is not None
    ]
    return " · ".join(cell for cell in cells if cell)


def cell_text(cell: Cell, kind: str, currency: str | None, locale: str) -> str:
    if cell is None:
        return "—"
    if isinstance(cell, date):
        return day(cell, locale)
    if isinstance(cell, str):
        return cell
    if kind == MONEY and currency:
        return money(Decimal(cell), currency, locale)
    if kind == PERCENT:
        return f"{number((Decimal(cell) * 100).quantize(Decimal('0.1')), locale)}%"
    if kind == DAYS:
        return t(locale, "report.slack.days", days=number(cell, locale))
    if kind in (COUNT, DATE, MONEY):
        return number(cell, locale)
    return str(cell)


def files_comment(report: Report, locale: str) -> str:
    return t(locale, "report.slack.files", title=report_title(report, locale))


def failed(locale: str) -> dict:
    text = t(locale, "report.slack.failed")
    return {"text": text, "blocks": [plain_section(text).to_dict()]}


def subscribed(line: SubscriptionLine, locale: str, removed: bool = False) -> dict:
    key = "report.slack.unsubscribed" if removed else "report.slack.subscribed"
    return _notice(t(locale, key, **subscription_params(line, locale)))


def subscription_list(lines: list[SubscriptionLine], locale: str) -> dict:
    title = t(locale, "report.slack.subscriptions.title")
    if not lines:
        return _notice(t(locale, "report.slack.subscriptions.none"))
    texts = [
        t(locale, "report.slack.subscription", **subscription_params(x, locale)) for x in lines
    ]
    blocks: list[Block] = [header(title)]
    blocks += [mrkdwn_section("\n".join(group)) for group in grouped_lines(texts)][:48]
    return message(title, blocks)


def subscription_params(line: SubscriptionLine, locale: str) -> dict:
    return {
        "cadence": t(locale, f"report.slack.cadence.{line.cadence}"),
        "kind": kind_name(line.kind, locale),
        "channel": f"<#{line.channel_id}>",
        "team": escape(line.team or "") or t(locale, "report.slack.company"),
    }


def _notice(text: str) -> dict:
    return message(text, [mrkdwn_section(text)])
