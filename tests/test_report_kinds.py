"""The collections, orders, activity and pipeline reports, every figure against numbers worked
out by hand below. Records are loaded with `salesdesk import`; what no import carries (visits,
samples, order steps, change requests, leads' first contact at a given moment) is written as
the commands would have stored it. On SQLite and PostgreSQL.

Team 华东 East (CNY), reps 王芳 and 陈杰; team West (CNY), rep Tom, whose records must never
show in East's reports. November 2026; a rate USD→CNY 7 for 2026-11.

Collections, by hand (aging limits 30,60,90; "at the end" = the close of 30 November):
- INV-1 王芳 (order SO-1), 100,000 CNY, due 11-10: 60,000 paid 11-12, 40,000 on 12-02.
- INV-2 陈杰 (order SO-2), 10,000 USD, issued 11-01, due 11-25: 5,000 USD paid 11-28.
- INV-3 王芳 (order SO-3), 50,000 CNY, issued 11-15, due 12-15: nothing paid.
- INV-4 陈杰's customer (no order), 20,000 CNY, due 08-31: nothing paid.
- INV-6 王芳 (order SO-6), 30,000 CNY, due 10-15, paid 10-20 (October's figures).
- INV-5 West, 999,999 CNY due 11-10: never East's.
Collected 60,000 + 5,000×7 = 95,000; fell due 100,000 + 70,000 = 170,000; rate 55.9 %.
Invoiced in November 70,000 + 50,000 = 120,000; open at the end 40,000 + 35,000 + 50,000
+ 20,000 = 145,000, of which overdue 95,000; DSO 145,000 × 30 / 120,000 = 36.3 days.
October: 30,000 collected of 30,000 due (100 %); November 2025: nothing, no rate.
Aging: ≤0 one invoice 50,000 (34.5 %); 1-30 two, 75,000 (51.7 %); 90+ one, 20,000 (13.8 %).
Trend (overdue at each month's close): June, July 0; August to October 20,000; Nov 95,000.

Orders, by hand (East, on Shanghai's clock; changes in UTC):
- Received (ordered in November, not cancelled): SO-3, SO-7, SO-8 = 3; October SO-1, SO-2.
- Shipped in November: SO-3 (promised 11-12, shipped 11-14: 2 days late), SO-7 (on time),
  SO-8 (no promised day) → 1 late of 2 promised = 50.0 %; October 1 of 2 (SO-2).
- Steps: SO-3 received 11-10 00:00 → confirmed 11-11 12:00 (1.5 d) → in_production 11-12
  00:00 (0.5) → shipped 11-14 00:00 (2.0); SO-7 received 10-31 00:00 (before the period) →
  confirmed 11-02 (2.0) → on_hold 11-03 (1.0) → confirmed 11-05 (2.0) → shipped 11-24
  (19.0); SO-8 received 11-02 06:00 → on_hold 11-03 06:00 (1.0). First changes are no step.
  confirmed: 3, average 1.8, median 2.0; in_production 1, 0.5; shipped 2, 10.5, 10.5;
  on_hold 2, 1.0, 1.0. Both holds "等客户付款"; West's SO-9 held "west" is not East's.
- Change requests in November: SO-3 quantity accepted, SO-7 delivery_date pending and
  quantity declined (an October one on SO-1 left out).
"""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import delete

from bot.views.reports import report_label
from commands.errors import Forbidden
from commands.reports import build_report
from commands.reports.files.csv import csv_bytes
from commands.reports.files.text import report_text
from commands.reports.model import ReportPeriod
from commands.reports.scope import operator_scope, report_scope
from helpers import actor, import_files, member_id, order
from storage.db import Database
from storage.models import ExchangeRate, Lead, Member, OrderChangeRequest, OrderStatusChange

ADMIN = "UADMIN001"
MANAGER = "UMGRE0001"
WANG, CHEN = "UREPE0001", "UREPE0002"
WEST_MANAGER, TOM = "UMGRW0001", "UREPW0001"

FILES = {
    "teams": "name,slack_channel_id,timezone,digest_time,manager_slack_id\n"
    f"华东 East,C0EAST001,Asia/Shanghai,08:30,{MANAGER}\n"
    f"West,C0WEST001,Asia/Shanghai,08:30,{WEST_MANAGER}\n",
    "members": "slack_user_id,name,role,team,manager_slack_id,timezone,locale\n"
    f"{ADMIN},Alex Admin,admin,,,Asia/Shanghai,en\n"
    f"{MANAGER},周敏,manager,华东 East,,Asia/Shanghai,zh-CN\n"
    f"{WANG},王芳,rep,华东 East,{MANAGER},Asia/Shanghai,zh-CN\n"
    f"{CHEN},陈杰,rep,华东 East,{MANAGER},Asia/Shanghai,zh-CN\n"
    f"{WEST_MANAGER},Wendy,manager,West,,Asia/Shanghai,en\n"
    f"{TOM},Tom,rep,West,{WEST_MANAGER},Asia/Shanghai,en\n",
    "customers": "code,name,owner_slack_id,tier,region\n"
    f"E-001,上海华瑞机电有限公司,{WANG},A,上海\n"
    f'E-002,=HYPERLINK("http://x"),{CHEN},B,浙江\n'
    f"E-003,苏州恒信精密制造厂,{CHEN},C,江苏\n"
    f"W-001,Western Goods,{TOM},A,West\n",
    "orders": "number,customer_code,status,amount,currency,ordered_on,promised_ship_on,"
    "shipped_on,rep_slack_id\n"
    "SO-1,E-001,invoiced,100000.00,CNY,2026-10-15,2026-10-25,2026-10-24,\n"
    "SO-2,E-002,invoiced,10000.00,USD,2026-10-28,2026-10-30,2026-10-31,\n"
    "SO-3,E-001,invoiced,50000.00,CNY,2026-11-10,2026-11-12,2026-11-14,\n"
    "SO-6,E-001,paid,30000.00,CNY,2026-09-01,,,\n"
    "SO-5,W-001,invoiced,999999.00,CNY,2026-10-01,,,\n"
    "SO-7,E-002,shipped,8000.00,CNY,2026-11-20,2026-11-25,2026-11-24,\n"
    "SO-8,E-003,shipped,5000.00,CNY,2026-11-02,,2026-11-05,\n"
    "SO-9,W-001,shipped,7000.00,CNY,2026-11-02,2026-11-03,2026-11-20,\n",
    "invoices": "number,order_number,customer_code,amount,currency,issued_on,due_on\n"
    "INV-1,SO-1,E-001,100000.00,CNY,2026-10-20,2026-11-10\n"
    "INV-2,SO-2,E-002,10000.00,USD,2026-11-01,2026-11-25\n"
    "INV-3,SO-3,E-001,50000.00,CNY,2026-11-15,2026-12-15\n"
    "INV-4,,E-003,20000.00,CNY,2026-08-01,2026-08-31\n"
    "INV-6,SO-6,E-001,30000.00,CNY,2026-09-01,2026-10-15\n"
    "INV-5,SO-5,W-001,999999.00,CNY,2026-10-01,2026-11-10\n",
    "payments": "invoice_number,amount,paid_on,reference\n"
    "INV-1,60000.00,2026-11-12,TT-1\n"
    "INV-1,40000.00,2026-12-02,TT-2\n"
    "INV-2,5000.00,2026-11-28,TT-3\n"
    "INV-6,30000.00,2026-10-20,TT-6\n",
    "rates": "month,currency,to_currency,rate\n2026-11,USD,CNY,7\n",
    "targets": "team,member_slack_id,metric,period,amount\n华东 East,,订单,2026-11,100000\n",
}
NOVEMBER = ReportPeriod.of("2026-11")


@pytest.fixture
def db(database_url, monkeypatch, tmp_path):
    import_files(database_url, monkeypatch, tmp_path, FILES)
    database = Database(database_url)
    yield database
    database.engine.dispose()


def build(db, kind: str, scope_of, period=NOVEMBER):
    with db.session() as session:
        return build_report(session, kind, scope_of(session), period)


def east(session):
    return operator_scope(session, "华东 East")


def figures(report) -> dict:
    return {f.key: (f.value, f.previous, f.last_year) for f in report.figures}


def table(report, key: str):
    found = next(t for t in report.tables if t.key == key)
    return [list(row) for row in found.rows], found


D = Decimal


def test_collections_of_a_team_by_hand(db):
    report = build(db, "collections", east)
    assert report.kind == "collections" and report.scope == "华东 East"
    got = figures(report)
    assert got["collected"] == (D("95000"), D("30000"), D("0"))
    assert got["fell_due"] == (D("170000"), D("30000"), D("0"))
    assert got["collection_rate"] == (D("0.559"), D("1.000"), None)
    assert got["dso"][0] == D("36.3")
    assert got["open_at_end"][0] == D("145000")
    assert got["overdue_at_end"][0] == D("95000")

    by_rep, by_rep_table = table(report, "collections_by_rep")
    assert by_rep == [
        ["王芳", D("60000"), D("100000"), D("0.600")],
        ["陈杰", D("35000"), D("70000"), D("0.500")],
    ]
    assert by_rep_table.total == [None, D("95000"), D("170000"), D("0.559")]
    assert by_rep_table.currency == "CNY"
    by_currency, _ = table(report, "collections_by_currency")
    assert by_currency == [
        ["CNY", D("60000"), D("100000"), D("0.600")],
        ["USD", D("5000"), D("10000"), D("0.500")],
    ]
    aging, aging_table = table(report, "aging")
    assert aging == [
        ["≤0", 1, D("50000"), D("0.345")],
        ["1-30", 2, D("75000"), D("0.517")],
        ["31-60", 0, D("0"), D("0.000")],
        ["61-90", 0, D("0"), D("0.000")],
        ["90+", 1, D("20000"), D("0.138")],
    ]
    assert aging_table.total == [None, 4, D("145000"), D("1.000")]
    trend, _ = table(report, "aging_trend")
    assert trend == [
        ["2026-06", 0, D("0")],
        ["2026-07", 0, D("0")],
        ["2026-08", 1, D("20000")],
        ["2026-09", 1, D("20000")],
        ["2026-10", 1, D("20000")],
        ["2026-11", 3, D("95000")],
    ]
    largest, _ = table(report, "largest_overdue")
    assert [row[:6] for row in largest] == [
        ["INV-1", "上海华瑞机电有限公司", "王芳", datetime(2026, 11, 10).date(), 21, "CNY"],
        ["INV-2", '=HYPERLINK("http://x")', "陈杰", datetime(2026, 11, 25).date(), 6, "USD"],
        ["INV-4", "苏州恒信精密制造厂", "陈杰", datetime(2026, 8, 31).date(), 92, "CNY"],
    ]
    assert [row[6:] for row in largest] == [
        [D("40000"), D("40000")],
        [D("5000"), D("35000")],
        [D("20000"), D("20000")],
    ]
    used = {"month": "2026-11", "currency": "USD", "to": "CNY", "rate": "7"}
    assert report.notes == [("report.note.rate_used", used)]


def test_collections_without_a_rate_leave_the_amount_out_and_name_it(db):
    with db.session() as session:
        session.exec(delete(ExchangeRate))
    report = build(db, "collections", east)
    got = figures(report)
    assert got["collected"][0] == D("60000")  # the 5,000 USD is left out, not guessed
    assert ("report.note.missing_rate", {"month": "2026-11", "currency": "USD", "to": "CNY"}) in (
        report.notes
    )


def test_a_reps_collections_are_their_own_only(db):
    def chen(session):
        return report_scope(session, actor(db, CHEN), None)

    report = build(db, "collections", chen)
    got = figures(report)
    assert got["collected"][0] == D("35000")
    assert got["open_at_end"][0] == D("55000")  # INV-2 35,000 and INV-4 20,000
    by_rep, _ = table(report, "collections_by_rep")
    assert [row[0] for row in by_rep] == ["陈杰"]

    with db.session() as session, pytest.raises(Forbidden):
        report_scope(session, actor(db, CHEN), f"<@{WANG}>")


def test_a_period_with_nothing_says_so(db):
    report = build(db, "collections", east, ReportPeriod.of("2025-03"))
    got = figures(report)
    assert got["collected"][0] == D("0") and got["collection_rate"][0] is None
    assert got["dso"][0] is None
    assert ("report.note.no_collections", {}) in report.notes
    assert not table(report, "largest_overdue")[0]


def test_a_managers_team_report_never_holds_another_teams(db):
    def manager(session):
        return report_scope(session, actor(db, MANAGER), None)

    report = build(db, "collections", manager)
    largest, _ = table(report, "largest_overdue")
    assert "INV-5" not in [row[0] for row in largest]
    assert figures(report)["fell_due"][0] == D("170000")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


STEPS = [
    ("SO-3", None, "received", "2026-11-10T00:00", None),
    ("SO-3", "received", "confirmed", "2026-11-11T12:00", None),
    ("SO-3", "confirmed", "in_production", "2026-11-12T00:00", None),
    ("SO-3", "in_production", "shipped", "2026-11-14T00:00", None),
    ("SO-7", None, "received", "2026-10-31T00:00", None),
    ("SO-7", "received", "confirmed", "2026-11-02T00:00", None),
    ("SO-7", "confirmed", "on_hold", "2026-11-03T00:00", "等客户付款"),
    ("SO-7", "on_hold", "confirmed", "2026-11-05T00:00", None),
    ("SO-7", "confirmed", "shipped", "2026-11-24T00:00", None),
    ("SO-8", None, "received", "2026-11-02T06:00", None),
    ("SO-8", "received", "on_hold", "2026-11-03T06:00", " 等客户付款 "),
    ("SO-9", None, "received", "2026-11-02T00:00", None),
    ("SO-9", "received", "on_hold", "2026-11-04T00:00", "west"),
]
CHANGES = [
    ("SO-3", "quantity", "accepted", "2026-11-12T03:00"),
    ("SO-7", "delivery_date", "pending", "2026-11-20T03:00"),
    ("SO-7", "quantity", "declined", "2026-11-21T03:00"),
    ("SO-1", "specification", "accepted", "2026-10-20T03:00"),
]


@pytest.fixture
def order_history(db):
    """What /order update and /order change would have stored at those moments."""
    with db.session() as session:
        for number, before, after, moment, note in STEPS:
            order_id = order(db, number).id
            session.add(
                OrderStatusChange(
                    order_id=order_id,
                    from_status=before,
                    to_status=after,
                    at=at(moment),
                    note=note,
                )
            )
        for number, kind, status, moment in CHANGES:
            session.add(
                OrderChangeRequest(
                    order_id=order(db, number).id,
                    kind=kind,
                    description="…",
                    requested_by_id=member_id(db, WANG),
                    status=status,
                    created_at=at(moment),
                )
            )
    return db


def test_orders_of_a_team_by_hand(order_history):
    report = build(order_history, "orders", east)
    got = figures(report)
    assert got["orders_received"] == (3, 2, 0)
    assert got["orders_shipped"] == (3, 2, 0)
    assert got["late_shipments"] == (1, 1, 0)
    assert got["late_rate"] == (D("0.500"), D("0.500"), None)
    assert got["put_on_hold"][0] == 2
    assert got["change_requests"][0] == 3
    steps, _ = table(report, "step_times")
    assert steps == [
        ["status.confirmed", 3, D("1.8"), D("2.0")],  # in each reader's words (catalog keys)
        ["status.in_production", 1, D("0.5"), D("0.5")],
        ["status.shipped", 2, D("10.5"), D("10.5")],
        ["status.on_hold", 2, D("1.0"), D("1.0")],
    ]
    late, _ = table(report, "late_shipments")
    assert late == [
        ["SO-3", "上海华瑞机电有限公司", "王芳", date(2026, 11, 12), date(2026, 11, 14), 2]
    ]
    holds, holds_table = table(report, "on_hold_reasons")
    assert holds == [["等客户付款", 2, D("1.000")]]
    assert holds_table.total == [None, 2, D("1.000")]
    changes, _ = table(report, "change_requests")
    assert changes == [
        ["order_change.kind.delivery_date", 1, 0, 0, 1],
        ["order_change.kind.quantity", 2, 1, 1, 0],
    ]


def test_statuses_and_change_kinds_read_in_the_readers_words(order_history):
    report = build(order_history, "orders", east)
    for table_ in report.tables:  # written twice below: the rows must be a list
        table_.rows = list(table_.rows)
    chinese = csv_bytes(report, report_label("zh-CN")).decode("utf-8-sig")
    english = report_text(report, report_label("en"))
    assert "已审核确认" in chinese and "数量" in chinese and "status." not in chinese
    assert "Confirmed" in english and "Quantity" in english and "order_change.kind" not in english


def test_a_reps_orders_are_their_own_only(order_history):
    def wang(session):
        return report_scope(session, actor(order_history, WANG), None)

    report = build(order_history, "orders", wang)
    got = figures(report)
    assert got["orders_received"][0] == 1  # SO-3
    assert got["put_on_hold"][0] == 0
    steps, _ = table(report, "step_times")
    assert [row[:2] for row in steps] == [
        ["status.confirmed", 1],
        ["status.in_production", 1],
        ["status.shipped", 1],
    ]


def test_orders_of_an_empty_period_say_so(db):
    report = build(db, "orders", east, ReportPeriod.of("2025-03"))
    assert figures(report)["late_rate"][0] is None
    assert ("report.note.no_orders", {}) in report.notes
    assert all(not list(t.rows) for t in report.tables)


LEADS = [  # owner, first-contact deadline, contacted at, converted
    (WANG, "2026-11-05T03:00", "2026-11-05T02:00", True),
    (WANG, "2026-11-06T03:00", "2026-11-06T05:00", False),
    (CHEN, "2026-11-07T03:00", "2026-11-07T01:00", False),
    (TOM, "2026-11-07T03:00", None, False),
]


@pytest.fixture
def leads(db):
    """Leads as intake, assignment and /lead contacted would have left them."""
    with db.session() as session:
        for number, (owner, due, contacted, converted) in enumerate(LEADS):
            owner_id = member_id(db, owner)
            team_id = session.get(Member, owner_id).team_id
            session.add(
                Lead(
                    source="web",
                    source_ref=f"L-{number}",
                    company=f"Lead {number}",
                    status="converted" if converted else "contacted",
                    team_id=team_id,
                    owner_id=owner_id,
                    sla_due_at=at(due),
                    first_contact_at=at(contacted) if contacted else None,
                    converted_at=at(due) if converted else None,
                    created_at=at(due),
                )
            )
    return db


def test_pipeline_of_a_team_by_hand(leads):
    """East: 3 leads created in November, 1 converted (33.3 %); deadlines 王芳 1 of 2 met,
    陈杰 1 of 1, 2 of 3 = 66.7 %; no opportunity, no win rate; the order target 100,000
    against 50,000 + 8,000 + 5,000 ordered in November = 63.0 %. Tom (West) is not East's."""
    report = build(leads, "pipeline", east)
    got = figures(report)
    assert got["leads"][0] == 3
    assert got["lead_conversion"][0] == D("0.333")
    assert got["opportunities"][0] == 0 and got["win_rate"][0] is None
    assert got["sla_compliance"][0] == D("0.667")
    sla, _ = table(report, "sla_compliance")
    assert sla == [["王芳", 2, 1, D("0.500")], ["陈杰", 1, 1, D("1.000")]]
    conversion, _ = table(report, "conversion")
    assert conversion == [["华东 East", 3, 1, 1, D("0.333"), 0, 0, None]]
    attainment, _ = table(report, "attainment")
    assert attainment[0] == ["华东 East", "CNY", D("100000"), D("63000"), D("0.630")]
    stages, stages_table = table(report, "open_by_stage")
    assert [row[1] for row in stages] == ["qualification", "needs", "proposal", "negotiation"]
    assert stages_table.currency == "CNY"


def test_a_reps_pipeline_is_their_own(leads):
    def wang(session):
        return report_scope(session, actor(leads, WANG), None)

    report = build(leads, "pipeline", wang)
    assert figures(report)["sla_compliance"][0] == D("0.500")
    sla, _ = table(report, "sla_compliance")
    assert [row[0] for row in sla] == ["王芳"]
    attainment, _ = table(report, "attainment")
    assert all(row[0] == "王芳" for row in attainment)
