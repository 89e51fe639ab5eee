"""The sales report, every figure by hand. Teams, members, customers, products, orders, order
lines and rates loaded with `salesdesk import`; on SQLite and PostgreSQL.

November 2026, team 华东 East (reporting currency CNY). West has reps and no sales.

| order | customer | rep | amount | ordered on | |
|---|---|---|--:|---|---|
| SO-1 | E-001 上海华瑞 (上海) | 王芳 | 10,000 CNY | 2026-11-03 | |
| SO-2 | E-001 | 王芳 | 5,000 CNY | 2026-11-20 | |
| SO-3 | E-002 杭州明达 (浙江) | 王芳 | 1,000 USD × 7.10 = 7,100 | 2026-11-10 | |
| SO-4 | E-003 苏州恒信 (江苏) | 李雷 | 3,000 CNY | 2026-11-15 | |
| SO-5 | E-003 | 李雷 | 2,000 CNY | 2026-11-16 | cancelled: left out |
| SO-6 | E-004 =HYPERLINK (上海) | 李雷 | 500 EUR | 2026-11-18 | no EUR rate: named |
| SO-7 | E-002 | 王芳 | 4,000 CNY | 2026-10-05 | October |
| SO-8 | E-003 | 李雷 | 6,000 CNY | 2026-10-20 | October |
| SO-9 | E-001 | 王芳 | 8,000 CNY | 2025-11-11 | a year before |
| SO-10 | E-001 | 王芳 | 2,000 CNY | 2026-12-01 | December: outside |

November: amount 15,000 + 7,100 + 3,000 = 25,100 over 5 orders (average 5,020.00), 4 customers;
October 10,000, 2 orders, 2 customers, average 5,000; November 2025: 8,000, 1, 1, 8,000.
Pareto: 80 % of 25,100 is 20,080: E-001 (15,000) then E-002 (22,100): 2 customers.
By rep: 王芳 22,100 (3 orders, 88.05 %, October 4,000: +452.50 %), 李雷 3,000 (2, 11.95 %,
October 6,000: −50 %). Regions: 上海 2 customers 3 orders 15,000; 浙江 7,100; 江苏 3,000.
Movers: up E-001 +15,000, E-002 +3,100; down E-003 −3,000.

Lines: P-1 电机 (cost 60) 100 × 100 on SO-1 and 10 × USD 100 on SO-3 = 10,000 + 7,100 = 17,100,
cost 110 × 60 = 6,600, margin 10,500 (61.40 %); P-2 传感器 (no cost) 100 × 50 = 5,000; P-3
`@SUM(A1)` (cost 10) 30 × 100 = 3,000, margin 2,700 (90 %). Margin 13,200 over the 20,100 with a
cost: 65.67 %, covering 80 % of the amount.
"""

from decimal import Decimal

import pytest

from commands.errors import Forbidden
from commands.reports import KINDS, build_report
from commands.reports.model import ReportPeriod
from commands.reports.scope import operator_scope, report_scope
from helpers import actor, import_files

ADMIN = "UADMIN001"
MANAGER = "UMGRE0001"
WANG = "UREPE0001"
LI = "UREPE0002"
WEST_MANAGER = "UMGRW0001"
ZHAO = "UREPW0001"
EAST = "华东 East"
WEST = "West 华西"
HYPERLINK = '=HYPERLINK("http://evil.example","点我")'

FILES = {
    "teams": "name,slack_channel_id,timezone,digest_time,manager_slack_id\n"
    f"{EAST},C0EAST001,Asia/Shanghai,08:30,{MANAGER}\n"
    f"{WEST},C0WEST001,Asia/Shanghai,08:30,{WEST_MANAGER}\n",
    "members": "slack_user_id,name,role,team,manager_slack_id,timezone,locale,email,joined_on\n"
    f"{ADMIN},Alex Admin,admin,,,Europe/London,en-GB,,\n"
    f"{MANAGER},周敏,manager,{EAST},,Asia/Shanghai,zh-CN,,2020-03-01\n"
    f"{WANG},王芳,rep,{EAST},{MANAGER},Asia/Shanghai,zh-CN,,2021-05-10\n"
    f"{LI},李雷,rep,{EAST},{MANAGER},Asia/Shanghai,en-GB,,2022-10-15\n"
    f"{WEST_MANAGER},Wendy West,manager,{WEST},,Asia/Shanghai,en,,2020-03-01\n"
    f"{ZHAO},赵强,rep,{WEST},{WEST_MANAGER},Asia/Shanghai,zh-CN,,2021-01-04\n",
    "customers": "code,name,owner_slack_id,tier,region,industry\n"
    f"E-001,上海华瑞机电有限公司,{WANG},A,上海,机械\n"
    f"E-002,杭州明达电子科技有限公司,{WANG},B,浙江,电子\n"
    f"E-003,苏州恒信精密制造厂,{LI},B,江苏,机械\n"
    f'E-004,"{HYPERLINK.replace(chr(34), chr(34) * 2)}",{LI},C,上海,电子\n'
    f"W-001,成都天府贸易,{ZHAO},B,四川,贸易\n",
    "products": "sku,name_en,name_zh,unit,list_price,currency,cost\n"
    "P-1,Motor,电机,pcs,100,CNY,60\n"
    "P-2,Sensor,传感器,pcs,50,CNY,\n"
    "P-3,@SUM(A1),,pcs,100,CNY,10\n",
    "orders": "number,customer_code,status,amount,currency,ordered_on,promised_ship_on,"
    "shipped_on,rep_slack_id\n"
    "SO-1,E-001,confirmed,10000.00,CNY,2026-11-03,,,\n"
    "SO-2,E-001,shipped,5000.00,CNY,2026-11-20,,2026-11-25,\n"
    "SO-3,E-002,confirmed,1000.00,USD,2026-11-10,,,\n"
    "SO-4,E-003,confirmed,3000.00,CNY,2026-11-15,,,\n"
    "SO-5,E-003,cancelled,2000.00,CNY,2026-11-16,,,\n"
    "SO-6,E-004,confirmed,500.00,EUR,2026-11-18,,,\n"
    "SO-7,E-002,delivered,4000.00,CNY,2026-10-05,,,\n"
    "SO-8,E-003,delivered,6000.00,CNY,2026-10-20,,,\n"
    "SO-9,E-001,paid,8000.00,CNY,2025-11-11,,,\n"
    "SO-10,E-001,received,2000.00,CNY,2026-12-01,,,\n",
    "order_lines": "order_number,sku,quantity,unit_price,discount\n"
    "SO-1,P-1,100,100,\n"
    "SO-2,P-2,100,50,\n"
    "SO-3,P-1,10,100,\n"
    "SO-4,P-3,30,100,\n",
    "rates": "month,currency,to_currency,rate\n2026-11,USD,CNY,7.10\n",
}
NOVEMBER = ReportPeriod.of("2026-11")
D = Decimal


@pytest.fixture
def loaded(db, database_url, monkeypatch, tmp_path):
    import_files(database_url, monkeypatch, tmp_path, FILES)
    return db


def sales_of(db, period=NOVEMBER, team: str | None = EAST, asker: str | None = None, target=None):
    with db.session() as session:
        if asker is None:
            scope = operator_scope(session, team)
        else:
            scope = report_scope(session, actor(db, asker), target)
        return build_report(session, "sales", scope, period)


def figures(report) -> dict:
    return {f.key: (f.value, f.previous, f.last_year) for f in report.figures}


def table(report, key: str):
    found = next(t for t in report.tables if t.key == key)
    return [list(row) for row in found.rows], found.total


def test_sales_is_a_kind():
    assert "sales" in KINDS


def test_headline_figures_against_october_and_november_2025(loaded):
    report = sales_of(loaded)
    assert report.scope == EAST
    found = figures(report)
    assert found["amount"] == (D("25100.00"), D("10000.00"), D("8000.00"))
    assert found["orders"] == (5, 2, 1)
    assert found["customers"] == (4, 2, 1)
    assert found["average_order"] == (D("5020.00"), D("5000.00"), D("8000.00"))
    assert found["pareto_customers"][0] == 2
    assert found["gross_margin"][0] == D("13200.00")
    assert found["gross_margin_percent"][0] == D("0.6567")
    assert all(f.currency == "CNY" for f in report.figures if f.kind == "money")


def test_rates_are_stated_and_a_missing_one_named(loaded):
    notes = sales_of(loaded).notes
    rate = {"month": "2026-11", "currency": "USD", "to": "CNY", "rate": "7.1"}
    assert notes[0] == ("report.note.rate_used", rate)
    assert (
        "report.note.missing_rate",
        {"month": "2026-11", "currency": "EUR", "to": "CNY"},
    ) in notes
    assert ("report.note.margin_partial", {"share": "80"}) in notes


def test_by_rep_with_share_and_change(loaded):
    rows, total = table(sales_of(loaded), "sales_by_rep")
    assert rows == [
        ["王芳", 3, D("22100.00"), D("0.8805"), D("4000.00"), D("4.5250")],
        ["李雷", 2, D("3000.00"), D("0.1195"), D("6000.00"), D("-0.5000")],
    ]
    assert total == [None, 5, D("25100.00"), D("1.0000"), D("10000.00"), D("1.5100")]


def test_customer_contribution_runs_to_the_whole(loaded):
    rows, total = table(sales_of(loaded), "sales_by_customer")
    assert rows == [
        [1, "上海华瑞机电有限公司", "上海", 2, D("15000.00"), D("0.5976"), D("0.5976")],
        [2, "杭州明达电子科技有限公司", "浙江", 1, D("7100.00"), D("0.2829"), D("0.8805")],
        [3, "苏州恒信精密制造厂", "江苏", 1, D("3000.00"), D("0.1195"), D("1.0000")],
        [4, HYPERLINK, "上海", 1, D("0.00"), D("0.0000"), D("1.0000")],
    ]
    assert total[3:5] == [5, D("25100.00")]


def test_product_ranking_with_margin_where_cost_is_known(loaded):
    rows, total = table(sales_of(loaded), "sales_by_product")
    assert rows == [
        [1, "P-1", "电机 Motor", 110, D("17100.00"), D("0.6813"), D("10500.00"), D("0.6140")],
        [2, "P-2", "传感器 Sensor", 100, D("5000.00"), D("0.1992"), None, None],
        [3, "P-3", "@SUM(A1)", 30, D("3000.00"), D("0.1195"), D("2700.00"), D("0.9000")],
    ]
    assert total == [None, None, None, 240, D("25100.00"), D("1.0000"), D("13200.00"), D("0.6567")]


def test_regions_and_movers(loaded):
    report = sales_of(loaded)
    rows, total = table(report, "sales_by_region")
    assert rows == [
        ["上海", 2, 3, D("15000.00"), D("0.5976")],
        ["浙江", 1, 1, D("7100.00"), D("0.2829")],
        ["江苏", 1, 1, D("3000.00"), D("0.1195")],
    ]
    assert total == [None, 4, 5, D("25100.00"), D("1.0000")]
    up, _ = table(report, "sales_movers_up")
    down, _ = table(report, "sales_movers_down")
    assert up == [
        ["上海华瑞机电有限公司", D("15000.00"), D("0"), D("15000.00")],
        ["杭州明达电子科技有限公司", D("7100.00"), D("4000.00"), D("3100.00")],
    ]
    assert down == [["苏州恒信精密制造厂", D("3000.00"), D("6000.00"), D("-3000.00")]]


def test_a_rep_sees_only_their_own(loaded):
    report = sales_of(loaded, asker=LI)
    assert report.scope == "李雷"
    found = figures(report)
    assert found["amount"] == (D("3000.00"), D("6000.00"), D("0"))
    assert found["orders"] == (2, 1, 0)
    assert report.tables[0].key == "sales_by_customer"
    rows, _ = table(report, "sales_by_customer")
    assert [row[1] for row in rows] == ["苏州恒信精密制造厂", HYPERLINK]


def test_a_manager_sees_their_team_or_one_of_its_reps(loaded):
    assert sales_of(loaded, asker=MANAGER).scope == EAST
    assert figures(sales_of(loaded, asker=MANAGER, target="@王芳"))["amount"][0] == D("22100.00")
    assert figures(sales_of(loaded, asker=MANAGER, target=f"<@{WANG}>"))["orders"][0] == 3


@pytest.mark.parametrize(
    ("asker", "target", "key"),
    [
        (LI, "@王芳", "report.error.rep_own_only"),
        (LI, EAST, "report.error.rep_own_only"),
        (LI, "company", "report.error.company_admins_only"),
        (WEST_MANAGER, EAST, "report.error.own_team_only"),
        (WEST_MANAGER, "@王芳", "report.error.own_team_only"),
        (MANAGER, "全公司", "report.error.company_admins_only"),
    ],
)
def test_nobody_sees_beyond_their_own(loaded, asker, target, key):
    with pytest.raises(Forbidden) as refused:
        sales_of(loaded, asker=asker, target=target)
    assert refused.value.key == key


def test_a_team_with_no_sales(loaded):
    report = sales_of(loaded, asker=WEST_MANAGER)
    assert report.scope == WEST
    found = figures(report)
    assert found["amount"] == (D(0), D(0), D(0))
    assert found["orders"] == (0, 0, 0)
    assert found["average_order"] == (None, None, None)
    assert "gross_margin" not in found
    assert report.notes == [("report.note.no_sales", {})]
    rows, total = table(report, "sales_by_rep")
    assert rows == [] and total[2] == D(0)


def test_an_empty_period(loaded):
    report = sales_of(loaded, period=ReportPeriod.of("2027-02"))
    assert figures(report)["amount"] == (D(0), D(0), D(0))
    assert ("report.note.no_sales", {}) in report.notes


def test_the_company_for_an_admin_and_the_quarter(loaded):
    company = sales_of(loaded, asker=ADMIN)
    assert company.scope == ""
    assert figures(company)["amount"][0] == D("25100.00")
    quarter = sales_of(loaded, period=ReportPeriod.of("2026-Q4"), team=None)
    # October, November and December 1st: 10,000 + 25,100 + 2,000.
    assert figures(quarter)["amount"][0] == D("37100.00")
    assert figures(quarter)["orders"][0] == 8


def test_a_week_and_a_rep_an_admin_names(loaded):
    # ISO week 45 of 2026 runs Monday 2 to Sunday 8 November: SO-1 alone; week 44 (26 October
    # to 1 November) spans two months and holds no order.
    week = sales_of(loaded, period=ReportPeriod.of("2026-W45"))
    assert figures(week)["amount"] == (D("10000.00"), D(0), D(0))
    assert figures(sales_of(loaded, period=ReportPeriod.of("2026-W44")))["orders"][0] == 0
    wang = sales_of(loaded, asker=ADMIN, target="@王芳")
    assert wang.scope == "王芳" and figures(wang)["amount"][0] == D("22100.00")
    west = sales_of(loaded, asker=ADMIN, target="west")
    assert west.scope == WEST and figures(west)["orders"][0] == 0
