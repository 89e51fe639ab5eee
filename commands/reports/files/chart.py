"""A report table's chart as a PNG: bars, a line or a pie of its `Chart.values` by its
`Chart.category`, drawn with matplotlib's Agg backend (no display) in the font the project
brings (commands.fonts), so Chinese names and labels show as Chinese, not as boxes.

Labels come from the caller's catalog lookup (`label(key, params)`): commands never import bot.
"""

import io
import threading
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from functools import cache
from itertools import islice
from typing import Any

from matplotlib import font_manager, rc_context
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from commands.fonts import cjk_font_path
from commands.reports.files.layout import worded
from commands.reports.model import PERCENT, Cell, Column, Table

Label = Callable[[str, dict], str]

# 1000 × 560 pixels: wide enough for fifteen bars with their names, small in a Slack message.
WIDTH_INCHES, HEIGHT_INCHES, DPI = 10.0, 5.6, 100
CHART_KINDS = ("bar", "line", "pie")
COLOURS = ("#2E6FD8", "#F28E2B", "#59A14F", "#E15759", "#76B7B2", "#EDC948", "#B07AA1")
NAME_CHARS = 18  # a longer category name is cut with "…" under its bar

# rc_context changes matplotlib's process-wide settings: one chart is drawn at a time.
_drawing = threading.Lock()


class ChartError(ValueError):
    """The table has no chart, or its chart names columns it does not have."""


@cache
def chart_font_family() -> str:
    """Registers the project's CJK font with matplotlib once and returns its family name."""
    path = cjk_font_path()
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def chart_png(table: Table, label: Label) -> bytes:
    """The PNG of `table.chart` (WIDTH × HEIGHT at DPI). Reads the table's first
    `chart.limit` rows: give a table whose rows are a list if they are written elsewhere too."""
    figure = draw_chart(table, label)
    buffer = io.BytesIO()
    FigureCanvasAgg(figure)
    with _drawing, rc_context(_font_settings()):
        figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def draw_chart(table: Table, label: Label) -> Figure:
    """The matplotlib figure of `table.chart`, not yet rendered."""
    chart = table.chart
    if chart is None:
        raise ChartError(f"table {table.key} has no chart")
    if chart.kind not in CHART_KINDS:
        raise ChartError(f"unknown chart kind {chart.kind!r}")
    columns = {column.key: (index, column) for index, column in enumerate(table.columns)}
    missing = [key for key in (chart.category, *chart.values) if key not in columns]
    if missing:
        raise ChartError(f"table {table.key} has no column {', '.join(missing)}")
    rows = [worded(table, row, label) for row in islice(iter(table.rows), chart.limit)]
    names = [category_name(row[columns[chart.category][0]]) for row in rows]
    series = [
        (columns[key][1], [number(row[columns[key][0]]) for row in rows]) for key in chart.values
    ]
    with _drawing, rc_context(_font_settings()):
        figure = Figure(figsize=(WIDTH_INCHES, HEIGHT_INCHES), dpi=DPI, layout="constrained")
        axes = figure.add_subplot()
        axes.set_title(chart_title(table, label), fontsize=14, pad=14)
        if not rows:
            _draw_empty(axes, label)
        elif chart.kind == "pie":
            _draw_pie(axes, names, series[0][1])
        else:
            _draw_series(axes, chart.kind, names, series, label)
            axes.yaxis.set_major_formatter(FuncFormatter(_axis_number(series[0][0])))
    return figure


def chart_title(table: Table, label: Label) -> str:
    title = label(f"report.table.{table.key}", {})
    return f"{title} ({table.currency})" if table.currency else title


def category_name(cell: Cell) -> str:
    text = cell.isoformat() if isinstance(cell, date) else "" if cell is None else str(cell)
    return text if len(text) <= NAME_CHARS else text[: NAME_CHARS - 1] + "…"


def number(cell: Cell) -> float:
    """A cell as a height to draw (only drawing turns Decimal into float); empty is 0."""
    if isinstance(cell, int | Decimal):
        return float(cell)
    return 0.0


def _draw_series(
    axes: Axes,
    kind: str,
    names: list[str],
    series: list[tuple[Column, list[float]]],
    label: Label,
) -> None:
    """Series of the first one's kind share its axis; the others (orders beside an amount)
    get a second axis on the right, so a count is not flattened under money."""
    positions = list(range(len(names)))
    width = 0.8 / len(series)
    other_axes = None
    handles: list[Any] = []
    for index, (column, heights) in enumerate(series):
        on = axes
        if column.kind != series[0][0].kind:
            other_axes = other_axes or _second_axis(axes, column)
            on = other_axes
        colour = COLOURS[index % len(COLOURS)]
        legend = label(f"report.column.{column.key}", {})
        if kind == "bar":
            shifted = [p - 0.4 + width * (index + 0.5) for p in positions]
            handles.append(on.bar(shifted, heights, width=width, color=colour, label=legend))
        else:
            handles += on.plot(positions, heights, marker="o", color=colour, label=legend)
    axes.set_xticks(positions, names, rotation=30 if len(names) > 6 else 0, ha="right")
    axes.grid(axis="y", alpha=0.3)
    axes.spines[["top"]].set_visible(False)
    if len(series) > 1:
        axes.legend(handles=handles)


def _second_axis(axes: Axes, column: Column) -> Axes:
    second = axes.twinx()
    second.yaxis.set_major_formatter(FuncFormatter(_axis_number(column)))
    second.spines[["top"]].set_visible(False)
    return second


def _draw_pie(axes: Axes, names: list[str], values: list[float]) -> None:
    shown = [(name, value) for name, value in zip(names, values, strict=True) if value > 0]
    axes.pie(
        [value for _, value in shown],
        labels=[name for name, _ in shown],
        colors=[COLOURS[i % len(COLOURS)] for i in range(len(shown))],
        autopct="%1.0f%%",
        startangle=90,
        counterclock=False,
    )
    axes.axis("equal")


def _draw_empty(axes: Axes, label: Label) -> None:
    axes.text(0.5, 0.5, label("report.chart.empty", {}), ha="center", va="center", fontsize=13)
    axes.set_axis_off()


def _axis_number(column: Column) -> Callable[[float, int], str]:
    if column.kind == PERCENT:
        return lambda value, _: f"{value * 100:.0f}%"  # a share is a fraction
    return lambda value, _: f"{value:,.0f}"


def _font_settings() -> dict:
    return {"font.family": [chart_font_family()], "axes.unicode_minus": False}


def texts_drawn(figure: Figure) -> Iterable[str]:
    """Every string the figure shows (titles, tick labels, legends, pie labels)."""
    from matplotlib.text import Text

    for artist in figure.findobj(Text):
        text = artist.get_text()
        if text and artist.get_visible():
            yield text
