"""Quote arithmetic against sums done by hand, and the documents a customer receives: the PDF's
text (its Chinese font embedded) holds the Chinese customer and product names, the XLSX opens
with openpyxl with numbers as numbers and the totals of the quote, and no text is a formula."""

import io
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from bot.views.quotes import document_labels
from commands.fonts import cjk_font_path
from commands.quotes import QuoteCard, QuoteLineCard, quote_files
from commands.quotes.arithmetic import line_total, totals
from storage.statuses import QuoteStatus

D = Decimal


@pytest.mark.parametrize(
    ("quantity", "price", "discount", "expected"),
    [
        ("10", "123.45", "5", "1172.78"),  # 1,172.775 rounds half up
        ("3", "88.00", "0", "264.00"),
        ("2.5", "19.99", "12.5", "43.73"),  # 49.975 × 0.875 = 43.728125
        ("1", "10.05", "50", "5.03"),  # 5.025: half up, where half-even would give 5.02
        ("0.001", "1.00", "0", "0.00"),
    ],
)
def test_a_line_is_quantity_times_price_less_its_discount_to_the_cent(
    quantity, price, discount, expected
):
    assert line_total(D(quantity), D(price), D(discount)) == D(expected)


def test_inclusive_tax_is_taken_out_of_the_lines_sum():
    # 1,436.78 × 13 / 113 = 165.2932… → 165.29; before tax 1,436.78 − 165.29
    sums = totals([D("1172.78"), D("264.00")], D("13"), inclusive=True)
    assert (sums.subtotal, sums.tax, sums.total) == (D("1271.49"), D("165.29"), D("1436.78"))


def test_exclusive_tax_is_added_on_top():
    # 1,436.78 × 13 % = 186.7814 → 186.78
    sums = totals([D("1172.78"), D("264.00")], D("13"), inclusive=False)
    assert (sums.subtotal, sums.tax, sums.total) == (D("1436.78"), D("186.78"), D("1623.56"))


def test_tax_rounds_half_up_and_a_zero_rate_adds_nothing():
    assert totals([D("0.25")], D("6"), inclusive=False).tax == D("0.02")  # 0.015
    assert totals([D("100.00")], D("0"), inclusive=True).tax == D("0.00")


CUSTOMER = "上海华联贸易有限公司"
FLANGE = "不锈钢法兰 DN50"


def card(
    inclusive: bool = True, products: tuple[str, str] = (FLANGE, '=HYPERLINK("http://x","y")')
) -> QuoteCard:
    lines = (
        QuoteLineCard("SKU-100", products[0], "件", D("10"), D("123.45"), D("5"), D("1172.78")),
        QuoteLineCard("SKU-200", products[1], "pcs", D("3"), D("88.00"), D("0"), D("264.00")),
    )
    sums = totals([line.line_total for line in lines], D("13"), inclusive)
    return QuoteCard(
        id=1,
        number="Q-2026-0001",
        status=QuoteStatus.draft,
        opportunity_id=12,
        opportunity_title="华联二期 法兰",
        customer_code="C-1001",
        customer_name=CUSTOMER,
        rep_name="王芳",
        rep_slack_id="U0REPWANG",
        owner_name="王芳",
        owner_slack_id="U0REPWANG",
        currency="CNY",
        tax_rate=D("13"),
        tax_inclusive=inclusive,
        valid_until=date(2026, 12, 31),
        subtotal=sums.subtotal,
        tax_amount=sums.tax,
        total=sums.total,
        max_discount_percent=D("5"),
        lines=lines,
        created_at=datetime(2026, 12, 1, 2, 0, tzinfo=UTC),
    )


def test_the_pdf_text_holds_the_chinese_customer_and_product_names():
    files = quote_files(card(), document_labels("zh-CN", inclusive=True))
    assert files.pdf_name == "Q-2026-0001.pdf"
    text = PdfReader(io.BytesIO(files.pdf)).pages[0].extract_text()
    assert CUSTOMER in text and FLANGE in text
    assert "报价单" in text and "1,436.78" in text and "165.29" in text
    assert "以上价格含 13% 税。" in text


def test_the_pdf_embeds_its_font():
    files = quote_files(card(), document_labels("en", inclusive=False))
    fonts = []
    for resources in PdfReader(io.BytesIO(files.pdf)).pages[0]["/Resources"]["/Font"].values():
        font = resources.get_object()
        descendants = font.get("/DescendantFonts") or [font]
        for part in descendants:
            descriptor = part.get_object().get("/FontDescriptor")
            if descriptor is not None:
                fonts.append(descriptor.get_object())
    assert fonts and all("/FontFile2" in descriptor for descriptor in fonts)
    assert cjk_font_path().is_file()


def sheet_of(xlsx: bytes):
    return load_workbook(io.BytesIO(xlsx)).active


def test_the_xlsx_has_numbers_as_numbers_and_the_quotes_totals():
    quote = card(inclusive=False)
    sheet = sheet_of(quote_files(quote, document_labels("en", inclusive=False)).xlsx)
    rows = [row for row in sheet.iter_rows(values_only=True) if any(v is not None for v in row)]
    lines = [row for row in rows if row[1] in ("SKU-100", "SKU-200")]
    assert [row[:2] for row in lines] == [(1, "SKU-100"), (2, "SKU-200")]
    assert lines[0][2:] == (FLANGE, "件", 10, 123.45, 5, 1172.78)
    sums = {row[6]: row[7] for row in rows if isinstance(row[7], float) and row[1] is None}
    assert sums == {"Subtotal (before tax)": 1436.78, "Tax 13%": 186.78, "Total": 1623.56}
    assert D(str(sums["Total"])) == quote.total
    assert sum(D(str(row[7])) for row in lines) == quote.subtotal
    assert sheet["B4"].value == "2026-12-01" and sheet["B6"].value == f"{CUSTOMER} (C-1001)"


def test_a_product_named_like_a_formula_is_written_as_text():
    sheet = sheet_of(quote_files(card(), document_labels("en", inclusive=True)).xlsx)
    [cell] = [
        c for row in sheet.iter_rows() for c in row if c.value and "HYPERLINK" in str(c.value)
    ]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://x","y")'


def test_markup_in_a_name_is_shown_not_obeyed_in_the_pdf():
    quote = card(products=("<b>bold</b> & co", "plain"))
    text = (
        PdfReader(io.BytesIO(quote_files(quote, document_labels("en", True)).pdf))
        .pages[0]
        .extract_text()
    )
    assert "<b>bold</b> & co" in text
