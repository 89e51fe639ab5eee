"""Starting the way a team starts: its own six CSV files (GB18030, BOMs, Slack's locale codes,
RMB and 人民币, Excel's dates, amounts with commas) imported whole, then Slack used by the
people they name, on SQLite and PostgreSQL."""

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from sqlmodel import select

from bot.cli import main
from harness import RunningDesk, visible_text
from storage.imports import import_csv
from storage.models import Customer, Invoice, Member, SalesOrder, SampleRequest, Visit

TEAM_EXPORT = Path(__file__).parent / "data" / "team-export"
KINDS = ("teams", "members", "customers", "orders", "invoices", "payments")
CREATED = {"teams": 2, "members": 7, "customers": 6, "orders": 6, "invoices": 2, "payments": 1}

MANAGER = "U07MGRLIN"  # 林志强, manages 华南 South
DESK = "U07DESKHE"  # 何静, desk of 华南 South
REP = "U07REPZHAO"  # 赵磊, owns GZ-0001, GZ-0002 and GZ-0006
REP_HK = "U07REPCHAN"  # Chan Wing, zh-HK: reads Chinese
REP_LONDON = "U07REPMOLL"  # Molly Reed, en-GB: reads English; owns EX-0004
REP_TOKYO = "U07REPSATO"  # 佐藤 健, ja-JP: reads the default, English; owns EX-0005
SOUTH = (MANAGER, DESK, REP)


@pytest.fixture
def team_files(tmp_path) -> dict[str, Path]:
    """The team's files, copied byte for byte."""
    folder = tmp_path / "team-export"
    folder.mkdir()
    return {kind: Path(shutil.copy(TEAM_EXPORT / f"{kind}.csv", folder)) for kind in KINDS}


@pytest.fixture
def imported(db, team_files):
    for kind in KINDS:
        report = import_csv(db, kind, team_files[kind], "Asia/Shanghai")
        assert (report.created, report.rejected) == (CREATED[kind], []), kind
    return db


@pytest.fixture
def desk(imported, slack):
    with RunningDesk(imported, slack, timezone="Asia/Shanghai") as running:
        yield running


def said(reply) -> str:
    assert reply.status == 200, reply.body
    return visible_text(reply.body) if isinstance(reply.body, dict) else reply.body


def suggest(desk, user: str, typed: str) -> list[str]:
    """The customer type-ahead's choices as a person reads them."""
    reply = desk.interact(
        {
            "type": "block_suggestion",
            "user": user,
            "action_id": "customer_select",
            "block_id": "customer",
            "value": typed,
            "container": {"type": "view", "view_id": "V0000001"},
            "view": {"id": "V0000001", "type": "modal", "callback_id": "visit_log"},
        }
    )
    assert reply.status == 200
    return [option["text"]["text"] for option in reply.body["options"]]


# --- the import ---------------------------------------------------------------------------------


def test_the_six_files_import_whole_from_the_command_line(
    database_url, team_files, monkeypatch, capsys
):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SALESDESK_LOCALE", "en")
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SALESDESK_ADMINS", "SALESDESK_TIMEZONE"):
        monkeypatch.delenv(name, raising=False)

    outputs = {}
    for kind in KINDS:
        capsys.readouterr()
        assert main(["import", kind, str(team_files[kind])]) == 0, capsys.readouterr()
        outputs[kind] = capsys.readouterr().out.splitlines()

    for kind in KINDS:
        assert f"{CREATED[kind]} created, 0 updated, 0 unchanged, 0 rejected." in outputs[kind][0]
    assert outputs["members"][1:] == [
        "warning, line 8: ja-JP is not a language Sales Desk speaks; 佐藤 健 will read English "
        "(the default)"
    ]
    assert all(len(lines) == 1 for kind, lines in outputs.items() if kind != "members")


def test_the_files_are_stored_as_the_team_meant_them(imported):
    with imported.session() as session:
        locales = dict(session.exec(select(Member.slack_user_id, Member.locale)).all())
        orders = {o.number: o for o in session.exec(select(SalesOrder)).all()}
        names = dict(session.exec(select(Customer.code, Customer.name)).all())
        invoices = {i.number: i for i in session.exec(select(Invoice)).all()}

    assert locales == {
        "U07MGRLIN": "zh-CN",
        "U07MGRKIM": "en",
        "U07DESKHE": "zh-CN",
        "U07REPZHAO": "zh-CN",
        "U07REPCHAN": "zh-CN",
        "U07REPMOLL": "en",
        "U07REPSATO": None,
    }
    assert names["GZ-0006"] == "ＡＢＣ（佛山）五金制品厂"  # as written, full width kept
    assert names["HK-0003"] == "Pacific Rim Trading Co., Ltd."
    first = orders["SO-2026-1101"]
    assert (first.currency, first.amount, first.ordered_on.isoformat()) == (
        "CNY",
        Decimal("1280000.00"),
        "2026-11-03",
    )
    assert {number: o.currency for number, o in orders.items()} == {
        "SO-2026-1101": "CNY",
        "SO-2026-1102": "CNY",
        "SO-2026-1103": "USD",
        "SO-2026-1104": "EUR",
        "SO-2026-1105": "JPY",
        "SO-2026-1106": "CNY",
    }
    assert orders["SO-2026-1102"].status == "on_hold"
    paid = invoices["INV-GZ-2026-0099"]
    assert (paid.currency, paid.paid_amount, paid.paid_in_full_on) == (
        "CNY",
        Decimal("5000.00"),
        None,
    )


def test_importing_the_files_again_changes_nothing(imported, team_files):
    for kind in KINDS:
        report = import_csv(imported, kind, team_files[kind], "Asia/Shanghai")
        assert (report.created, report.updated, report.rejected) == (0, 0, []), kind


# --- customers: by name, by code, in full-width and half-width letters --------------------------


@pytest.mark.parametrize("user", SOUTH)
@pytest.mark.parametrize(
    "typed, code, name",
    [
        ("华瑞", "GZ-0001", "广州华瑞机电设备有限公司"),
        ("GZ-0001", "GZ-0001", "广州华瑞机电设备有限公司"),
        ("gz-0002", "GZ-0002", "深圳市鑫达电子科技有限公司"),
        ("ＡＢＣ", "GZ-0006", "ＡＢＣ（佛山）五金制品厂"),
        ("abc", "GZ-0006", "ＡＢＣ（佛山）五金制品厂"),
    ],
)
def test_the_team_finds_its_customers_by_name_code_and_either_width(desk, user, typed, code, name):
    card = said(desk.command("/customer", typed, user))

    assert card.startswith(f"{code} · {name}")
    assert "负责人：赵磊" in card


def test_a_rep_reading_english_and_one_reading_the_default_see_their_customers(desk):
    london = said(desk.command("/customer", "nordic", REP_LONDON))
    tokyo = said(desk.command("/customer", "サトウ", REP_TOKYO))

    assert london.startswith("EX-0004 · Nordic Tools AB")
    assert "Erik Lund · +46 8 123 456 · erik@nordic.example.se" in london
    assert tokyo.startswith("EX-0005 · 株式会社サトウ精機")
    assert "Owner: 佐藤 健" in tokyo


def test_a_rep_from_hong_kong_reads_chinese(desk):
    card = said(desk.command("/customer", "pacific rim", REP_HK))

    assert card.startswith("HK-0003 · Pacific Rim Trading Co., Ltd.")
    assert "负责人：Chan Wing" in card


def test_the_customer_type_ahead_matches_full_width_names_typed_half_width(desk):
    assert suggest(desk, REP, "abc") == ["GZ-0006 · ＡＢＣ（佛山）五金制品厂"]
    assert suggest(desk, REP, "华瑞") == ["GZ-0001 · 广州华瑞机电设备有限公司"]


# --- orders ---------------------------------------------------------------------------------------


def test_the_order_card_shows_the_imported_amount_and_excel_dates(desk):
    card = said(desk.command("/order", "status SO-2026-1101", REP))

    assert "订单 SO-2026-1101 · 广州华瑞机电设备有限公司" in card
    assert "¥1,280,000.00" in card
    assert "2026年11月3日" in card
    assert "客户 GZ-0001 · 销售 赵磊" in card


def test_an_order_migrated_on_hold_reads_as_on_hold(desk):
    card = said(desk.command("/order", "status SO-2026-1102", DESK))

    assert "异常/暂停" in card
    assert "¥86,500.00" in card


@pytest.mark.parametrize("user", SOUTH)
def test_the_order_list_finds_orders_by_customer_name(desk, user):
    listed = said(desk.command("/order", "list 华瑞", user))

    assert "SO-2026-1101 · 广州华瑞机电设备有限公司" in listed
    assert "¥1,280,000.00" in listed


# --- receivables --------------------------------------------------------------------------------


def test_receivables_show_the_imported_payment(desk):
    listed = said(desk.command("/receivable", "GZ-0006", REP))

    assert "INV-GZ-2026-0099 · ＡＢＣ（佛山）五金制品厂 · 未收 ¥7,800.00／共 ¥12,800.00" in listed


def test_rmb_and_renminbi_invoices_age_in_one_cny_block(desk, imported, tmp_path):
    rmb_invoice = tmp_path / "more-invoices.csv"
    rmb_invoice.write_text(
        "number,order_number,amount,issued_on,due_on\n"
        'INV-GZ-2026-0101,SO-2026-1101,"640,000.00",2026/11/10,2026/12/10\n',
        encoding="utf-8-sig",
    )
    report = import_csv(imported, "invoices", rmb_invoice, "Asia/Shanghai")
    assert (report.created, report.rejected) == (1, [])

    for user in (MANAGER, DESK):
        aging = said(desk.command("/receivable", "", user))
        assert aging.count("账龄 · CNY") == 1
        assert "*账龄 · CNY*：未结 2 张，合计 ¥647,800.00" in aging
        assert aging.count("账龄 · USD") == 1

    mine = said(desk.command("/receivable", "GZ-0001", REP))
    assert "INV-GZ-2026-0101 · 广州华瑞机电设备有限公司 · 未收 ¥640,000.00" in mine


# --- contracts, visits and samples on imported customers --------------------------------------


def test_contract_list_reads_an_imported_customer(desk):
    known = said(desk.command("/contract", "list GZ-0001", REP))
    unknown = said(desk.command("/contract", "list ZZ-9999", REP))

    assert "GZ-0001" in known
    assert known != unknown


def test_a_one_line_visit_is_logged_on_an_imported_customer(desk, imported):
    reply = said(desk.command("/visit", "GZ-0001; call; 谈了年底备货计划", REP))

    assert "已记录：电话 · 广州华瑞机电设备有限公司（GZ-0001）" in reply
    with imported.session() as session:
        visit = session.exec(select(Visit)).one()
        customer = session.get(Customer, visit.customer_id)
    assert (customer.code, visit.summary) == ("GZ-0001", "谈了年底备货计划")


def test_a_one_line_sample_request_goes_to_the_imported_manager(desk, imported):
    reply = said(desk.command("/sample", "GZ-0002; 电机 M3; 2; 客户测试", REP))

    assert "已提交给 林志强 审批" in reply
    assert "客户：深圳市鑫达电子科技有限公司（GZ-0002）" in reply
    with imported.session() as session:
        sample = session.exec(select(SampleRequest)).one()
    assert (sample.product, sample.quantity) == ("电机 M3", Decimal("2"))
