"""A quote as the customer receives it: a PDF (ReportLab, the CJK font embedded) and an XLSX
(XlsxWriter). Bytes out; the words come from the caller (its catalog, in the reader's
language), keyed as LABELS lists.

In the XLSX every text is written as a string, never read as a formula: a product called
`=HYPERLINK(…)` stays that text. Amounts are numbers with two decimals."""

import io
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import xlsxwriter
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from commands.fonts import FACE_INDEX, cjk_font_path
from commands.quotes.cards import QuoteCard, QuoteLineCard

FONT = "SalesDeskCJK"
LABELS = (
    "title",
    "number",
    "date",
    "valid_until",
    "customer",
    "opportunity",
    "rep",
    "currency",
    "col_no",
    "col_sku",
    "col_product",
    "col_unit",
    "col_quantity",
    "col_price",
    "col_discount",
    "col_total",
    "subtotal",
    "tax",
    "total",
    "prices",
)


@dataclass(frozen=True)
class QuoteFiles:
    pdf_name: str
    pdf: bytes
    xlsx_name: str
    xlsx: bytes


def quote_files(card: QuoteCard, labels: dict[str, str]) -> QuoteFiles:
    """`labels`: every name of LABELS, in the reader's words (`tax` and `prices` may hold
    `{rate}`)."""
    return QuoteFiles(
        f"{card.number}.pdf",
        quote_pdf(card, labels),
        f"{card.number}.xlsx",
        quote_xlsx(card, labels),
    )


def amount(value: Decimal) -> str:
    return f"{value:,.2f}"


def quantity(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def percent(value: Decimal) -> str:
    return f"{format(value.normalize(), 'f')}%" if value else "—"


def _header_rows(card: QuoteCard, labels: dict[str, str]) -> list[tuple[str, str]]:
    return [
        (labels["number"], card.number),
        (labels["date"], card.created_at.date().isoformat()),
        (labels["valid_until"], card.valid_until.isoformat()),
        (labels["customer"], f"{card.customer_name} ({card.customer_code})"),
        (labels["opportunity"], f"#{card.opportunity_id} {card.opportunity_title}"),
        (labels["rep"], card.rep_name),
        (labels["currency"], card.currency),
    ]


def _sum_rows(card: QuoteCard, labels: dict[str, str]) -> list[tuple[str, Decimal]]:
    rate = format(card.tax_rate.normalize(), "f")
    return [
        (labels["subtotal"], card.subtotal),
        (labels["tax"].format(rate=rate), card.tax_amount),
        (labels["total"], card.total),
    ]


def _columns(labels: dict[str, str]) -> list[str]:
    names = ("no", "sku", "product", "unit", "quantity", "price", "discount", "total")
    return [labels[f"col_{name}"] for name in names]


# -- PDF ---------------------------------------------------------------------------------------


@cache
def _registered_font() -> str:
    pdfmetrics.registerFont(TTFont(FONT, str(cjk_font_path()), subfontIndex=FACE_INDEX))
    return FONT


def quote_pdf(card: QuoteCard, labels: dict[str, str]) -> bytes:
    font = _registered_font()
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
    title = ParagraphStyle("title", fontName=font, fontSize=18, leading=24)

    def para(text: str) -> Paragraph:
        return Paragraph(_xml_escaped(text), body)

    head = Table([[para(k), para(v)] for k, v in _header_rows(card, labels)], [35 * mm, 140 * mm])
    rows = [[para(name) for name in _columns(labels)]]
    rows += [_pdf_line(index, line, para) for index, line in enumerate(card.lines, 1)]
    widths = [m * mm for m in (9, 24, 52, 13, 18, 22, 16, 26)]
    lines = Table(rows, widths, repeatRows=1)
    lines.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    sums = Table(
        [
            [para(label), para(f"{card.currency} {amount(value)}")]
            for label, value in _sum_rows(card, labels)
        ],
        [40 * mm, 40 * mm],
        hAlign="RIGHT",
    )
    prices = labels["prices"].format(rate=format(card.tax_rate.normalize(), "f"))
    story = [Paragraph(_xml_escaped(labels["title"]), title), head, Spacer(1, 6 * mm), lines]
    story += [Spacer(1, 4 * mm), sums, Spacer(1, 4 * mm), para(prices)]
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        title=card.number,
        author=card.rep_name,
    )
    document.build(story)
    return out.getvalue()


def _pdf_line(index: int, line: QuoteLineCard, para) -> list:
    return [
        para(str(index)),
        para(line.sku),
        para(line.product),
        para(line.unit),
        para(quantity(line.quantity)),
        para(amount(line.unit_price)),
        para(percent(line.discount_percent)),
        para(amount(line.line_total)),
    ]


def _xml_escaped(text: str) -> str:
    """ReportLab's paragraphs read a little XML: user text must not be markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# -- XLSX --------------------------------------------------------------------------------------


def quote_xlsx(card: QuoteCard, labels: dict[str, str]) -> bytes:
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False})
    sheet = workbook.add_worksheet(card.number)
    bold = workbook.add_format({"bold": True})
    money = workbook.add_format({"num_format": "#,##0.00"})
    sheet.write_string(0, 0, labels["title"], bold)
    row = 2
    for label, text in _header_rows(card, labels):
        sheet.write_string(row, 0, label, bold)
        sheet.write_string(row, 1, text)
        row += 1
    row += 1
    for column, name in enumerate(_columns(labels)):
        sheet.write_string(row, column, name, bold)
    for index, line in enumerate(card.lines, 1):
        _xlsx_line(sheet, row + index, index, line, money)
    row += len(card.lines) + 2
    for label, sum_ in _sum_rows(card, labels):
        sheet.write_string(row, 6, label, bold)
        sheet.write_number(row, 7, float(sum_), money)
        row += 1
    prices = labels["prices"].format(rate=format(card.tax_rate.normalize(), "f"))
    sheet.write_string(row + 1, 0, prices)
    sheet.set_column(0, 0, 14)
    sheet.set_column(1, 1, 16)
    sheet.set_column(2, 2, 36)
    sheet.set_column(3, 7, 12)
    workbook.close()
    return out.getvalue()


def _xlsx_line(sheet, row: int, index: int, line: QuoteLineCard, money) -> None:
    sheet.write_number(row, 0, index)
    sheet.write_string(row, 1, line.sku)
    sheet.write_string(row, 2, line.product)
    sheet.write_string(row, 3, line.unit)
    sheet.write_number(row, 4, float(line.quantity))
    sheet.write_number(row, 5, float(line.unit_price), money)
    sheet.write_number(row, 6, float(line.discount_percent))
    sheet.write_number(row, 7, float(line.line_total), money)
