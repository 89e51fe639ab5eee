"""A report table's chart: a valid PNG of the expected size, Chinese names drawn with the font
the project brings (every character drawn has a glyph in it), and an empty period drawn as such."""

import struct
import warnings
from decimal import Decimal

import pytest
from fontTools.ttLib import TTCollection

from bot.i18n import t
from commands.fonts import FACE_INDEX, cjk_font_path
from commands.reports.files.chart import (
    DPI,
    HEIGHT_INCHES,
    WIDTH_INCHES,
    ChartError,
    chart_png,
    draw_chart,
    texts_drawn,
)
from commands.reports.model import COUNT, MONEY, PERCENT, TEXT, Chart, Column, Table

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
LABELS = {
    "report.table.by_customer": ("Sales by customer", "客户销售额"),
    "report.column.customer": ("Customer", "客户"),
    "report.column.amount": ("Amount", "金额"),
    "report.column.orders": ("Orders", "订单数"),
    "report.column.share": ("Share", "占比"),
}


def catalog_label(locale: str):
    def label(key: str, params: dict) -> str:
        if key in LABELS:
            return LABELS[key][0 if locale == "en" else 1]
        return t(locale, key, **params)

    return label


def customer_table(kind: str = "bar", rows=None) -> Table:
    if rows is None:
        rows = [
            ["华东机械制造有限公司", Decimal("120000.50"), 12, Decimal("48.2")],
            ["Pacific Rim Trading Co., Ltd.", Decimal("80000"), 7, Decimal("32.1")],
            ['=HYPERLINK("x")', Decimal("30000"), 3, Decimal("12.0")],
            ["深圳精密电子", Decimal("17500.25"), 2, Decimal("7.7")],
        ]
    return Table(
        "by_customer",
        [
            Column("customer", TEXT),
            Column("amount", MONEY),
            Column("orders", COUNT),
            Column("share", PERCENT),
        ],
        rows,
        currency="CNY",
        chart=Chart(kind, "customer", ("amount",) if kind != "bar" else ("amount", "orders")),
    )


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_SIGNATURE)
    length, chunk = struct.unpack(">I4s", data[8:16])
    assert chunk == b"IHDR" and length == 13
    return struct.unpack(">II", data[16:24])


def font_characters() -> set[int]:
    collection = TTCollection(str(cjk_font_path()))
    return set(collection.fonts[FACE_INDEX].getBestCmap())


@pytest.mark.parametrize("kind", ["bar", "line", "pie"])
@pytest.mark.parametrize("locale", ["en", "zh-CN"])
def test_chart_is_a_png_of_the_expected_size(kind, locale):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns of every glyph its font lacks
        data = chart_png(customer_table(kind), catalog_label(locale))
    assert png_size(data) == (int(WIDTH_INCHES * DPI), int(HEIGHT_INCHES * DPI))
    assert data.rstrip().endswith(b"IEND\xaeB`\x82")


@pytest.mark.parametrize("kind", ["bar", "line", "pie"])
def test_the_font_has_a_glyph_for_every_character_drawn(kind):
    figure = draw_chart(customer_table(kind), catalog_label("zh-CN"))
    figure.canvas.draw()  # tick labels exist once drawn
    drawn = "".join(texts_drawn(figure))
    assert "客户销售额" in drawn and "华东机械制造有" in drawn and "深圳精密电子" in drawn
    if kind == "bar":
        assert "金额" in drawn and "订单数" in drawn  # the legend names both series
    missing = {ch for ch in drawn if not ch.isspace() and ord(ch) not in font_characters()}
    assert not missing


def test_chart_draws_at_most_its_limit_of_rows():
    rows = [[f"客户{index}", Decimal(100 - index), index, Decimal(1)] for index in range(40)]
    table = customer_table("bar", rows)
    figure = draw_chart(table, catalog_label("en"))
    figure.canvas.draw()
    drawn = list(texts_drawn(figure))
    assert "客户14" in drawn and "客户15" not in drawn


@pytest.mark.parametrize("locale", ["en", "zh-CN"])
def test_an_empty_period_is_drawn_as_such(locale):
    figure = draw_chart(customer_table("bar", []), catalog_label(locale))
    figure.canvas.draw()
    assert t(locale, "report.chart.empty") in list(texts_drawn(figure))
    assert png_size(chart_png(customer_table("pie", []), catalog_label(locale)))[0] == 1000


def test_a_table_without_a_chart_or_with_an_unknown_column_is_refused():
    table = customer_table()
    table.chart = None
    with pytest.raises(ChartError):
        chart_png(table, catalog_label("en"))
    table.chart = Chart("bar", "region", ("amount",))
    with pytest.raises(ChartError):
        chart_png(table, catalog_label("en"))
