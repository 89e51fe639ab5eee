"""The price list and order lines by product: `salesdesk import products` and `salesdesk import
order_lines` as the operator runs them (what the report says, what is stored, what is audited),
finding products in either script, and sales by product against hand-computed totals. On
SQLite and PostgreSQL."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlmodel import select

from bot.cli import main
from bot.i18n import t
from commands.errors import NotFound
from commands.products import ProductSales, find_products, product_by_sku, sales_by_product
from helpers import actor
from storage.models import AuditEntry, OrderLine, Product, SalesOrder, Team

TEAMS = """\
name,slack_channel_id,timezone,manager_slack_id
华东 East,C0EAST0001,Asia/Shanghai,UMGREAST1
Export,C0EXPORT01,Europe/London,
"""
MEMBERS = """\
slack_user_id,name,role,team,locale
UMGREAST1,周敏,manager,华东 East,zh-CN
UREPWANG1,王芳,rep,华东 East,zh-CN
UREPLEE01,Li Lei,rep,华东 East,en-GB
UREPEMMA1,Emma Davis,rep,Export,en-GB
UADMIN001,Alex Admin,admin,,en-GB
"""
CUSTOMERS = """\
code,name,owner_slack_id
C-1001,上海华联机械有限公司,UREPWANG1
C-1002,杭州西湖泵业有限公司,UREPLEE01
C-2001,Northwind Trading Ltd,UREPEMMA1
"""
# SO-1 adds up (2 × 450 less 5 % + 10 × 12.50 = 980.00); SO-2 does not (its lines are 607.50:
# freight left off); SO-3 is cancelled, SO-4 is in dollars, SO-5 was ordered in October.
ORDERS = """\
number,customer_code,status,amount,currency,ordered_on
SO-1,C-1001,confirmed,980.00,,2026-11-03
SO-2,C-1002,shipped,"1,000.00",,2026-11-10
SO-3,C-1001,cancelled,900,,2026-11-12
SO-4,C-2001,confirmed,300,USD,2026-11-15
SO-5,C-1001,confirmed,450,,2026-10-30
"""
PRODUCTS = """\
sku,name,name_zh,unit,list_price,currency,cost,active
PUMP-01,Centrifugal pump,离心泵,台,450.00,人民币,300,在售
VALVE/2,Ball valve,球阀,个,12.50,,8,yes
BRG-6204,Deep groove ball bearing,深沟球轴承,套,9.80,CNY,,1
OLD-9,Retired pressure gauge,旧压力表,,60,,,停售
bad sku,Bad,,,10,,,
NEG-1,Negative,,,-5,,,
CUR-1,Strange money,,,10,XYZ,,
"""
LINES = """\
order_number,sku,quantity,unit_price,discount
SO-1,PUMP-01,2,450,5 %
SO-1,VALVE/2,10,12.5,
SO-2,PUMP-01,1,450,0
SO-2,BRG-6204,20,8.75,10%
SO-3,PUMP-01,2,450,
SO-4,PUMP-01,1,300,
SO-5,PUMP-01,1,450,
SO-9,PUMP-01,1,450,
SO-1,NOPE-1,1,1,
SO-2,VALVE/2,1,12.5,120 %
SO-2,OLD-9,0,60,
"""
FIX_AND_RETRY = (
    "The other rows were imported. Fix the rejected lines and import the file again: rows "
    "already imported are left as they are."
)


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


class Salesdesk:
    """The `salesdesk` command, run in-process the way an operator runs it."""

    def __init__(self, folder: Path, capsys):
        self.folder = folder
        self.capsys = capsys

    def path(self, kind: str) -> str:
        return str(self.folder / f"{kind}.csv")

    def import_csv(self, kind: str, content: str | bytes, encoding: str = "utf-8") -> Run:
        data = content if isinstance(content, bytes) else content.encode(encoding)
        Path(self.path(kind)).write_bytes(data)
        self.capsys.readouterr()
        code = main(["import", kind, self.path(kind)])
        captured = self.capsys.readouterr()
        return Run(code, captured.out, captured.err)


@pytest.fixture
def salesdesk(database_url, monkeypatch, tmp_path, capsys) -> Salesdesk:
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SALESDESK_ADMINS", "SALESDESK_TIMEZONE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SALESDESK_LOCALE", "en")
    desk = Salesdesk(tmp_path, capsys)
    for kind, content in (
        ("teams", TEAMS),
        ("members", MEMBERS),
        ("customers", CUSTOMERS),
        ("orders", ORDERS),
    ):
        assert desk.import_csv(kind, content).code == 0, kind
    return desk


@pytest.fixture
def priced(salesdesk) -> Salesdesk:
    """The price list and the order lines imported (some of their rows rejected)."""
    assert salesdesk.import_csv("products", PRODUCTS).code == 1
    assert salesdesk.import_csv("order_lines", LINES).code == 1
    return salesdesk


def summary(kind: str, file: str, created=0, updated=0, unchanged=0, rejected=0) -> str:
    return (
        f"Imported {kind} from {file}: {created} created, {updated} updated, "
        f"{unchanged} unchanged, {rejected} rejected."
    )


def products(db) -> dict[str, Product]:
    with db.session() as session:
        return {product.sku: product for product in session.exec(select(Product)).all()}


def audits(db, entity: str) -> list[AuditEntry]:
    with db.session() as session:
        query = select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.id)
        return list(session.exec(query).all())


def lines_by_key(db) -> dict[tuple[str, str], OrderLine]:
    with db.session() as session:
        rows = session.exec(
            select(SalesOrder.number, Product.sku, OrderLine)
            .join(SalesOrder, SalesOrder.id == OrderLine.order_id)
            .join(Product, Product.id == OrderLine.product_id)
        ).all()
        return {(number, sku): line for number, sku, line in rows}


# --- products -----------------------------------------------------------------------------


def test_the_price_list_is_imported_with_bad_rows_named(salesdesk, db):
    run = salesdesk.import_csv("products", PRODUCTS)

    assert run.code == 1
    assert run.lines == [
        summary("products", salesdesk.path("products"), created=4, rejected=3),
        "line 6: 'bad sku' is not a SKU: use letters, digits and - _ . / only, 64 at most",
        "line 7: '-5' is not an amount: use 0 or more with at most 2 decimals, like 1234.50 "
        "or 1,234.50",
        "line 8: 'XYZ' is not a currency: use an ISO 4217 code like CNY, USD or EUR (RMB and "
        "人民币 read as CNY)",
        FIX_AND_RETRY,
    ]
    stored = products(db)
    assert sorted(stored) == ["BRG-6204", "OLD-9", "PUMP-01", "VALVE/2"]
    pump = stored["PUMP-01"]
    assert (pump.name_en, pump.name_zh, pump.unit) == ("Centrifugal pump", "离心泵", "台")
    assert (pump.list_price, pump.currency, pump.cost, pump.active) == (
        Decimal("450.00"),
        "CNY",
        Decimal("300.00"),
        True,
    )
    valve = stored["VALVE/2"]
    assert (valve.list_price, valve.currency, valve.cost, valve.active) == (
        Decimal("12.50"),
        "CNY",
        Decimal("8.00"),
        True,
    )
    assert (stored["BRG-6204"].cost, stored["BRG-6204"].active) == (None, True)
    retired = stored["OLD-9"]
    assert (retired.unit, retired.active, retired.name_zh) == ("pcs", False, "旧压力表")

    created = audits(db, "product")
    assert [(entry.entity_key, entry.action, entry.actor) for entry in created] == [
        ("PUMP-01", "import.create", "import"),
        ("VALVE/2", "import.create", "import"),
        ("BRG-6204", "import.create", "import"),
        ("OLD-9", "import.create", "import"),
    ]
    assert created[0].after["name_zh"] == "离心泵"
    assert created[0].after["list_price"] == "450.00"


def test_importing_the_price_list_again_changes_nothing(salesdesk, db):
    salesdesk.import_csv("products", PRODUCTS)
    before = {sku: product.updated_at for sku, product in products(db).items()}

    again = salesdesk.import_csv("products", PRODUCTS)

    assert again.lines[0] == summary(
        "products", salesdesk.path("products"), unchanged=4, rejected=3
    )
    assert {sku: product.updated_at for sku, product in products(db).items()} == before
    assert len(audits(db, "product")) == 4


def test_excel_files_from_chinese_windows_and_with_a_bom_are_read(salesdesk, db):
    salesdesk.import_csv("products", PRODUCTS)
    gb18030 = (
        "sku,name_en,name_zh,unit,list_price\r\n"
        "PUMP-01,Centrifugal pump,离心水泵,台,450.00\r\n"
        "FLT-01,Filter,过滤器,只,35\r\n"
    )

    run = salesdesk.import_csv("products", gb18030, encoding="gb18030")

    assert run.code == 0
    assert run.lines == [summary("products", salesdesk.path("products"), created=1, updated=1)]
    stored = products(db)
    assert stored["PUMP-01"].name_zh == "离心水泵"
    assert (stored["FLT-01"].name_zh, stored["FLT-01"].unit) == ("过滤器", "只")
    update = audits(db, "product")[-1]
    assert (update.entity_key, update.action) == ("PUMP-01", "import.update")
    assert (update.before, update.after) == ({"name_zh": "离心泵"}, {"name_zh": "离心水泵"})

    with_bom = "sku,name,list_price,active\nGAUGE-1,Pressure gauge 压力表,60,retired\n"
    run = salesdesk.import_csv("products", with_bom, encoding="utf-8-sig")

    assert run.lines == [summary("products", salesdesk.path("products"), created=1)]
    gauge = products(db)["GAUGE-1"]
    assert (gauge.name_en, gauge.active, gauge.currency) == ("Pressure gauge 压力表", False, "CNY")


def test_a_product_needs_a_name(salesdesk, db):
    run = salesdesk.import_csv("products", "sku,list_price\nPUMP-01,450\n")

    assert run.code == 2
    assert run.out == ""
    assert run.err.strip() == (
        "salesdesk: The header row must name the products' name_en column (or name). "
        "Nothing was imported."
    )

    run = salesdesk.import_csv("products", "sku,name_en,list_price,active\nP-1,,450,\nP-2,x,1,ja\n")

    assert run.lines[1:3] == [
        "line 2: no name_en given",
        "line 3: 'ja' is not active or retired: use yes/no, true/false, 1/0, active/retired "
        "or 在售/停售",
    ]
    assert products(db) == {}


# --- order lines --------------------------------------------------------------------------


def test_order_lines_are_imported_by_order_and_sku(salesdesk, db):
    salesdesk.import_csv("products", PRODUCTS)

    run = salesdesk.import_csv("order_lines", LINES)

    assert run.code == 1
    assert run.lines == [
        summary("order lines", salesdesk.path("order_lines"), created=7, rejected=4)
        + " Imported with a warning: 1.",
        "line 9: unknown order number 'SO-9'",
        "line 10: unknown SKU 'NOPE-1': import it with the products first",
        "line 11: '120 %' is not a discount: use a percentage from 0 to 100 with at most 2 "
        "decimals, like 5, 5% or 5.5 %",
        "line 12: '0' is not a quantity: use a number more than 0 with at most 3 decimals, "
        "like 12 or 2.5",
        "warning, line 4: the lines of order SO-2 add up to CN¥607.50, but the order's "
        "amount is CN¥1,000.00",
        FIX_AND_RETRY,
    ]
    lines = lines_by_key(db)
    assert sorted(lines) == [
        ("SO-1", "PUMP-01"),
        ("SO-1", "VALVE/2"),
        ("SO-2", "BRG-6204"),
        ("SO-2", "PUMP-01"),
        ("SO-3", "PUMP-01"),
        ("SO-4", "PUMP-01"),
        ("SO-5", "PUMP-01"),
    ]
    pump = lines["SO-1", "PUMP-01"]
    assert (pump.product, pump.quantity, pump.unit_price, pump.discount_percent) == (
        "Centrifugal pump",
        Decimal("2"),
        Decimal("450"),
        Decimal("5"),
    )
    assert lines["SO-1", "VALVE/2"].discount_percent == 0
    assert lines["SO-2", "BRG-6204"].discount_percent == Decimal("10")
    created = audits(db, "order_line")
    assert len(created) == 7
    assert (created[0].entity_key, created[0].action) == ("SO-1 PUMP-01", "import.create")


def test_order_lines_again_change_nothing_and_an_update_moves_the_total(salesdesk, db):
    salesdesk.import_csv("products", PRODUCTS)
    salesdesk.import_csv("order_lines", LINES)

    again = salesdesk.import_csv("order_lines", LINES)

    path = salesdesk.path("order_lines")
    assert again.lines[0] == summary("order lines", path, unchanged=7, rejected=4) + (
        " Imported with a warning: 1."
    )
    assert len(audits(db, "order_line")) == 7

    # Two pumps on SO-2 now, with the bearings left as stored: 2 × 450 + 157.50.
    update = "order_number,sku,quantity,unit_price\n#SO-2,PUMP-01,2,450\nSO-1,VALVE/2,10,12.50\n"
    run = salesdesk.import_csv("order_lines", update)

    assert run.code == 0
    assert run.lines == [
        summary("order lines", path, updated=1, unchanged=1) + " Imported with a warning: 1.",
        "warning, line 2: the lines of order SO-2 add up to CN¥1,057.50, but the order's "
        "amount is CN¥1,000.00",
    ]
    assert lines_by_key(db)["SO-2", "PUMP-01"].quantity == Decimal("2")
    changed = audits(db, "order_line")[-1]
    assert (changed.entity_key, changed.before, changed.after) == (
        "SO-2 PUMP-01",
        {"quantity": "1.000"},
        {"quantity": "2"},
    )


def test_the_warning_reads_in_chinese(salesdesk, db, monkeypatch):
    salesdesk.import_csv("products", PRODUCTS)
    monkeypatch.setenv("SALESDESK_LOCALE", "zh-CN")

    run = salesdesk.import_csv("order_lines", LINES.split("SO-9")[0])

    assert run.code == 0
    assert (
        run.lines[1] == "警告，第 4 行：订单 SO-2 的明细合计为 ¥607.50，与订单金额 ¥1,000.00 不符"
    )


def test_discounts_are_read_as_percentages(salesdesk, db):
    salesdesk.import_csv("products", PRODUCTS)
    lines = (
        "order_number,sku,quantity,unit_price,discount\n"
        "SO-1,PUMP-01,2,450,5.5 %\n"
        "SO-1,VALVE/2,1.125,12.5,100\n"
        "SO-2,PUMP-01,1,450,５％\n"
        "SO-2,BRG-6204,2.5,8.75,-1\n"
        "SO-3,PUMP-01,1.0005,450,\n"
    )

    run = salesdesk.import_csv("order_lines", lines)

    assert [line for line in run.lines if line.startswith("line ")] == [
        "line 5: '-1' is not a discount: use a percentage from 0 to 100 with at most 2 "
        "decimals, like 5, 5% or 5.5 %",
        "line 6: '1.0005' is not a quantity: use a number more than 0 with at most 3 decimals, "
        "like 12 or 2.5",
    ]
    stored = lines_by_key(db)
    assert stored["SO-1", "PUMP-01"].discount_percent == Decimal("5.5")
    assert stored["SO-1", "VALVE/2"].quantity == Decimal("1.125")
    assert stored["SO-2", "PUMP-01"].discount_percent == Decimal("5")


# --- reading the price list ---------------------------------------------------------------


def test_products_are_found_in_either_script_and_any_width(priced, db):
    with db.session() as session:

        def found(text: str, **options) -> list[str]:
            return [entry.sku for entry in find_products(session, text, **options)]

        assert found("泵") == ["PUMP-01"]
        assert found("ＰＵＭＰ") == ["PUMP-01"]
        assert found("ball") == ["VALVE/2", "BRG-6204"]  # a name starting with it first
        assert found("valve/2") == ["VALVE/2"]
        assert found("轴承") == ["BRG-6204"]
        assert found("压力表") == []  # retired
        assert found("压力表", include_retired=True) == ["OLD-9"]
        assert found("") == ["BRG-6204", "PUMP-01", "VALVE/2"]

        pump = product_by_sku(session, " PUMP-01 ")
        assert (pump.name_zh, pump.list_price, pump.unit) == ("离心泵", Decimal("450.00"), "台")
        with pytest.raises(NotFound) as missing:
            product_by_sku(session, "pump-01")  # SKUs are compared as written
    assert t("en", missing.value.key, **missing.value.params) == "No product has the SKU pump-01."
    assert t("zh-CN", missing.value.key, **missing.value.params) == "没有 SKU 为 pump-01 的产品。"


# --- sales by product ---------------------------------------------------------------------


def sold(entry: ProductSales) -> tuple:
    return (entry.sku, entry.currency, entry.quantity, entry.amount, entry.orders)


def test_sales_by_product_adds_up_the_lines_of_the_period(priced, db):
    november = (date(2026, 11, 1), date(2026, 11, 30))
    with db.session() as session:
        everything = sales_by_product(session, *november)
        east = session.exec(select(Team).where(Team.name == "华东 East")).one()
        of_east = sales_by_product(session, *november, team_id=east.id)
        october = sales_by_product(session, date(2026, 10, 1), date(2026, 10, 31))

    # SO-3 (cancelled) and SO-5 (October) left out; SO-1's pumps 5 % off: 2 × 450 × 0.95.
    assert [sold(entry) for entry in everything] == [
        ("PUMP-01", "CNY", Decimal("3.000"), Decimal("1305.00"), 2),  # 855.00 + 450.00
        ("BRG-6204", "CNY", Decimal("20.000"), Decimal("157.50"), 1),  # 20 × 8.75 × 0.90
        ("VALVE/2", "CNY", Decimal("10.000"), Decimal("125.00"), 1),
        ("PUMP-01", "USD", Decimal("1.000"), Decimal("300.00"), 1),
    ]
    assert (everything[0].name_en, everything[0].name_zh, everything[0].unit) == (
        "Centrifugal pump",
        "离心泵",
        "台",
    )
    assert [sold(entry) for entry in of_east] == [sold(entry) for entry in everything[:3]]
    assert [sold(entry) for entry in october] == [
        ("PUMP-01", "CNY", Decimal("1.000"), Decimal("450.00"), 1)
    ]


def test_sales_by_product_shows_each_reader_what_they_may_see(priced, db):
    november = (date(2026, 11, 1), date(2026, 11, 30))
    with db.session() as session:

        def seen_by(slack_user_id: str) -> list[tuple]:
            reader = actor(db, slack_user_id)
            return [sold(entry) for entry in sales_by_product(session, *november, actor=reader)]

        assert seen_by("UREPLEE01") == [  # SO-2 only: his customer's
            ("PUMP-01", "CNY", Decimal("1.000"), Decimal("450.00"), 1),
            ("BRG-6204", "CNY", Decimal("20.000"), Decimal("157.50"), 1),
        ]
        assert seen_by("UREPEMMA1") == [("PUMP-01", "USD", Decimal("1.000"), Decimal("300.00"), 1)]
        assert len(seen_by("UMGREAST1")) == 3  # the East team's orders
        assert len(seen_by("UADMIN001")) == 4
