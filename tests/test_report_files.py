"""Report files from the November sales report of tests/test_report_sales.py (its figures are
worked out by hand there): the XLSX opened with openpyxl (sheets, frozen headers, numbers as
numbers in their formats, totals, native charts), the CSV (a UTF-8 BOM, read back), the text,
and formula injection: text beginning = + - @ is text in both files, never a formula."""

import csv
import io
import zipfile
from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from bot.i18n import t
from commands.reports.files.csv import csv_bytes, safe
from commands.reports.files.text import report_text
from commands.reports.files.xlsx import write_xlsx
from commands.reports.model import (
    COUNT,
    DATE,
    MONEY,
    TEXT,
    Chart,
    Column,
    Figure,
    Report,
    ReportPeriod,
    Table,
)
from helpers import import_files
from test_report_sales import EAST, FILES, HYPERLINK, sales_of

BOM = b"\xef\xbb\xbf"
SHEETS_ZH = [
    "概览",
    "按销售",
    "客户贡献",
    "产品销售排行",
    "按地区",
    "增长最多的客户",
    "下降最多的客户",
]


def chinese(key: str, params: dict) -> str:
    return t("zh-CN", key, **params)


def english(key: str, params: dict) -> str:
    return t("en", key, **params)


@pytest.fixture
def november(db, database_url, monkeypatch, tmp_path):
    import_files(database_url, monkeypatch, tmp_path, FILES)
    return sales_of(db)


def workbook_of(report, label=chinese) -> tuple[openpyxl.Workbook, bytes]:
    out = io.BytesIO()
    write_xlsx(report, label, out)
    data = out.getvalue()
    return openpyxl.load_workbook(io.BytesIO(data)), data


def test_xlsx_has_a_summary_and_a_sheet_per_table(november):
    book, data = workbook_of(november)
    assert book.sheetnames == SHEETS_ZH
    summary = book["概览"]
    assert summary["A1"].value == f"销售报表 · 2026-11 · {EAST}"
    assert [cell.value for cell in summary[3]] == [
        "指标",
        "本期",
        "上期",
        "环比",
        "去年同期",
        "同比",
    ]
    assert summary.freeze_panes == "A4"
    amount = [cell.value for cell in summary[4]]
    assert amount == ["销售额（CNY）", 25100, 10000, 1.51, 8000, 2.1375]
    assert summary["B4"].number_format == "#,##0.00"
    assert summary["D4"].number_format == "0.0%"
    notes = [row[0].value for row in summary.iter_rows(min_row=12) if row[0].value]
    assert "USD 按 7.1 折算为 CNY（2026-11）。" in notes
    charts = [
        name for name in zipfile.ZipFile(io.BytesIO(data)).namelist() if "charts/chart" in name
    ]
    assert len(charts) == 4  # by rep, customer, product, region; the movers have none


def test_xlsx_tables_are_numbers_with_frozen_headers_and_totals(november):
    book, _ = workbook_of(november)
    customers = book["客户贡献"]
    assert customers.freeze_panes == "A2"
    header = [cell.value for cell in customers[1]]
    assert header == ["排名", "客户", "地区", "订单数", "金额（CNY）", "占比", "累计占比"]
    first = [cell.value for cell in customers[2]]
    assert first == [1, "上海华瑞机电有限公司", "上海", 2, 15000, 0.5976, 0.5976]
    assert customers["E2"].data_type == "n" and customers["E2"].number_format == "#,##0.00"
    assert customers["F2"].number_format == "0.0%"
    total = [cell.value for cell in customers[6]]
    assert total == ["合计", None, None, 5, 25100, 1, None]
    assert customers["A6"].font.bold
    products = book["产品销售排行"]
    assert [cell.value for cell in products[2]][:5] == [1, "P-1", "电机 Motor", 110, 17100]
    assert products["D2"].number_format == "#,##0"


def test_xlsx_keeps_formula_like_names_as_text(november):
    book, data = workbook_of(november)
    customers = book["客户贡献"]
    assert customers["B5"].value == HYPERLINK and customers["B5"].data_type == "s"
    assert book["产品销售排行"]["C4"].value == "@SUM(A1)"
    assert book["产品销售排行"]["C4"].data_type == "s"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        assert not any(b"<f>" in archive.read(name) for name in sheets)


def test_csv_has_a_bom_and_reads_back(november):
    data = csv_bytes(november, chinese)
    assert data.startswith(BOM)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == [f"销售报表 · 2026-11 · {EAST}"]
    assert rows[2] == ["指标", "本期", "上期", "环比", "去年同期", "同比"]
    assert rows[3] == ["销售额（CNY）", "25100.00", "10000.00", "151%", "8000.00", "213.75%"]
    start = rows.index(["客户贡献"])
    assert rows[start + 1] == ["排名", "客户", "地区", "订单数", "金额（CNY）", "占比", "累计占比"]
    assert rows[start + 2] == [
        "1",
        "上海华瑞机电有限公司",
        "上海",
        "2",
        "15000.00",
        "59.76%",
        "59.76%",
    ]
    assert rows[start + 5][1] == "'" + HYPERLINK
    assert rows[start + 6][:5] == ["合计", "", "", "5", "25100.00"]
    down = rows.index(["下降最多的客户"])
    assert rows[down + 2] == ["苏州恒信精密制造厂", "3000.00", "6000.00", "-3000.00"]


def test_text_for_a_terminal(november):
    text = report_text(november, english)
    assert text.startswith(f"Sales report · 2026-11 · {EAST}\n")
    assert "Sales (CNY)  25,100.00  10,000.00  151.0%  8,000.00  213.8%" in text
    assert "## Product ranking" in text
    assert "王芳  3  22,100.00  88.1%  4,000.00  452.5%" in text
    assert "* No 2026-11 rate from EUR to CNY" in text


# -- formula injection and streaming, on a report made for it -----------------------------------

NAMES = ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1:A9)", "\tTAB", "\rCR", "Plain"]


def injected(rows) -> Report:
    columns = [Column("customer", TEXT), Column("amount", MONEY), Column("orders", COUNT)]
    table = Table(
        "sales_by_customer", columns, rows, "CNY", chart=Chart("bar", "customer", ("amount",))
    )
    period = ReportPeriod.of("2026-11")
    figure = Figure("amount", MONEY, Decimal("-5.00"), currency="CNY")
    return Report("sales", period, "=cmd|' /C calc'!A0", [figure], [table])


def test_formula_injection_is_text_in_csv_and_xlsx():
    rows = [[name, Decimal("-1.50"), 1] for name in NAMES]
    data = csv_bytes(injected(rows), english)
    read = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert read[0] == ["Sales report · 2026-11 · =cmd|' /C calc'!A0"]  # not at the start
    names = [row[0] for row in read[read.index(["Customer contribution"]) + 2 :][: len(NAMES)]]
    assert names == ["'" + name for name in NAMES[:-1]] + ["Plain"]
    assert read[3][1] == "-5.00"  # a negative number stays a number
    book, _ = workbook_of(injected([[name, Decimal("-1.50"), 1] for name in NAMES]), english)
    sheet = book["Customer contribution"]
    cells = [sheet.cell(row, 1) for row in range(2, 2 + len(NAMES))]
    assert [cell.value for cell in cells][:4] == NAMES[:4]
    assert all(cell.data_type == "s" for cell in cells)
    assert sheet["B2"].value == -1.5 and sheet["B2"].data_type == "n"


@pytest.mark.parametrize("text", ["=1+1", "+1", "-2", "@SUM(A1)", "\t1", "\r1"])
def test_safe_prefixes_what_excel_would_run(text):
    assert safe(text) == "'" + text
    assert safe("上海 " + text) == "上海 " + text


def test_xlsx_streams_a_generator_of_many_rows():
    rows = ([f"Customer {n}", Decimal(n), n] for n in range(1, 20_001))
    book, _ = workbook_of(injected(rows), english)
    sheet = book["Customer contribution"]
    assert sheet.max_row == 20_001
    assert [cell.value for cell in sheet[20_001]] == ["Customer 20000", 20000, 20000]


def test_a_date_cell_is_a_date():
    table = Table(
        "sales_by_customer",
        [Column("customer"), Column("due_on", DATE)],
        [["A", date(2026, 11, 30)]],
    )
    report = Report("sales", ReportPeriod.of("2026-11"), "East", [], [table])
    book, _ = workbook_of(report, english)
    cell = book["Customer contribution"]["B2"]
    assert cell.is_date and cell.number_format == "yyyy-mm-dd"


# -- salesdesk report ---------------------------------------------------------------------------


def report_cli(monkeypatch, *args: str, locale: str = "en") -> int:
    from bot.cli import main

    monkeypatch.setenv("SALESDESK_LOCALE", locale)
    return main(["report", *args])


def test_cli_writes_a_teams_xlsx(november, monkeypatch, tmp_path, capsys):
    out = tmp_path / "east.xlsx"
    assert (
        report_cli(monkeypatch, "sales", "--period", "2026-11", "--team", "east", "-o", str(out))
        == 0
    )
    said = capsys.readouterr().out
    assert f"Sales report for 2026-11 ({EAST}) written to {out}: 6 tables, 15 rows." in said
    book = openpyxl.load_workbook(out)
    assert book["Summary"]["B4"].value == 25100


def test_cli_writes_the_companys_csv_and_txt_in_chinese(november, monkeypatch, tmp_path, capsys):
    out = tmp_path / "company.csv"
    code = report_cli(
        monkeypatch,
        "sales",
        "--period",
        "2026-11",
        "--format",
        "csv",
        "-o",
        str(out),
        locale="zh-CN",
    )
    assert code == 0
    assert "销售报表（全公司）已写入" in capsys.readouterr().out
    data = out.read_bytes()
    assert data.startswith(BOM) and "销售报表 · 2026-11 · 全公司" in data.decode("utf-8-sig")
    assert (
        report_cli(monkeypatch, "sales", "--period", "2026-11", "--format", "txt", "-o", "-") == 0
    )
    assert "Sales (CNY)  25,100.00" in capsys.readouterr().out


def test_cli_draws_the_first_chart_as_a_png(november, monkeypatch, tmp_path):
    out = tmp_path / "east.png"
    assert (
        report_cli(monkeypatch, "sales", "--period", "2026-11", "--team", EAST, "-o", str(out)) == 0
    )
    assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["sales", "--period", "2026-13", "-o", "x.xlsx"], "2026-13 is not a period"),
        (["sales", "--period", "2026-11", "-o", "x.pdf"], "pdf is not a format"),
        (["sales", "--period", "2026-11", "--format", "xlsx", "-o", "-"], "xlsx is not a format"),
        (["forecast", "--period", "2026-11", "-o", "x.csv"], "There is no forecast report."),
        (["sales", "--period", "2026-11", "--team", "Nowhere", "-o", "x.csv"], "Nowhere"),
        (["sales", "--period", "2026-11", "-o", "/nonexistent/dir/x.csv"], "Could not write"),
    ],
)
def test_cli_says_what_is_wrong_and_writes_nothing(
    november, monkeypatch, tmp_path, capsys, args, said
):
    monkeypatch.chdir(tmp_path)
    assert report_cli(monkeypatch, *args) == 1
    assert said in capsys.readouterr().err
    assert not list(tmp_path.glob("x*"))
