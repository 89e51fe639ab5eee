"""Exchange rates: `/desk rate MONTH CUR TO RATE` by admins, `/desk rates [MONTH]` for anyone,
and `salesdesk import rates`, every change audited; driven over signed HTTP after the team and
its members are imported from CSV files."""

from decimal import Decimal
from pathlib import Path

import pytest
from sqlmodel import select

from bot.cli import main
from harness import RunningDesk
from helpers import count
from storage.models import AuditEntry, ExchangeRate

ADMIN = "UADMIN001"  # Alex Admin, en-GB, no team
ADMIN_ZH = "UADMIN002"  # 陈静, an admin who reads Chinese
MANAGER = "UMGREAST1"  # 周敏, manages 华东 East, Chinese
REP = "UREPLI001"  # 李强, en-GB

TEAMS = """name,slack_channel_id,timezone,manager_slack_id
华东 East,C0EAST0001,Asia/Shanghai,UMGREAST1
"""
MEMBERS = """slack_user_id,name,role,team,locale
UMGREAST1,周敏,manager,华东 East,zh-CN
UREPLI001,李强,rep,华东 East,en-GB
UADMIN001,Alex Admin,admin,,en-GB
UADMIN002,陈静,admin,,zh-CN
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.csv"
    path.write_text(text, encoding="utf-8")
    return path


def run_import(kind: str, path: Path, capsys) -> list[str]:
    capsys.readouterr()
    main(["import", kind, str(path)])
    return capsys.readouterr().out.splitlines()


@pytest.fixture
def files(db, database_url, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SALESDESK_LOCALE", "en")
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SALESDESK_ADMINS", "SALESDESK_TIMEZONE"):
        monkeypatch.delenv(name, raising=False)
    for kind, text in (("teams", TEAMS), ("members", MEMBERS)):
        assert "0 rejected" in run_import(kind, write(tmp_path, kind, text), capsys)[0]
    return tmp_path


@pytest.fixture
def desk(files, db, slack):
    with RunningDesk(db, slack, timezone="Asia/Shanghai") as running:
        yield running


def said(desk, text: str, user: str) -> str:
    reply = desk.command("/desk", text, user)
    assert reply.status == 200, reply.body
    assert reply.body["response_type"] == "ephemeral"
    return reply.text()


def rates(db) -> dict[tuple[str, str, str], Decimal]:
    with db.session() as session:
        rows = session.exec(select(ExchangeRate)).all()
        return {(r.month, r.currency, r.to_currency): r.rate for r in rows}


def rate_audits(db) -> list[AuditEntry]:
    with db.session() as session:
        query = select(AuditEntry).where(AuditEntry.entity == "exchange_rate")
        return list(session.exec(query.order_by(AuditEntry.id)).all())


def test_an_admin_sets_a_months_rate_and_changes_it_audited(desk, db):
    assert "Saved: in 2026-11, 1 USD = 7.1234 CNY." in said(
        desk, "rate 2026-11 usd CNY 7.1234", ADMIN
    )
    assert "Saved: in 2026-11, 1 USD = 7.2 CNY (was 7.1234)." in said(
        desk, "rate 2026-11 USD 人民币 7.20", ADMIN
    )
    assert "already 7.2 CNY: nothing changed" in said(desk, "rate 2026-11 USD CNY 7.2", ADMIN)
    assert "已保存：2026-10，1 EUR = 7.81234567 CNY。" in said(
        desk, "汇率 2026-10 EUR RMB 7.81234567", ADMIN_ZH
    )
    assert rates(db) == {
        ("2026-11", "USD", "CNY"): Decimal("7.2"),
        ("2026-10", "EUR", "CNY"): Decimal("7.81234567"),
    }
    entries = [(e.actor, e.entity_key, e.before, e.after) for e in rate_audits(db)]
    assert entries == [
        (ADMIN, "2026-11/USD/CNY", None, {"rate": "7.1234"}),
        (ADMIN, "2026-11/USD/CNY", {"rate": "7.1234"}, {"rate": "7.2"}),
        (ADMIN_ZH, "2026-10/EUR/CNY", None, {"rate": "7.81234567"}),
    ]
    with db.session() as session:
        stored = session.exec(select(ExchangeRate).where(ExchangeRate.month == "2026-11")).one()
    assert stored.updated_by == ADMIN


def test_only_admins_set_rates_and_bad_ones_are_explained(desk, db):
    assert "只有管理员可以设定汇率。" in said(desk, "rate 2026-11 USD CNY 7.1", MANAGER)
    assert "Only admins can set exchange rates." in said(desk, "rate 2026-11 USD CNY 7.1", REP)
    for typed, answer in (
        ("rate 2026-13 USD CNY 7.1", "“2026-13” is not a month: write it like 2026-11."),
        ("rate 2026-11 XYZ CNY 7.1", "“XYZ” is not a currency in use"),
        ("rate 2026-11 USD CNY 0", "“0” is not a rate: write a number more than 0"),
        ("rate 2026-11 USD CNY -7", "“-7” is not a rate"),
        ("rate 2026-11 USD CNY 7.123456789", "“7.123456789” is not a rate"),
        ("rate 2026-11 USD CNY seven", "“seven” is not a rate"),
        ("rate 2026-11 CNY RMB 1", "CNY into CNY is always 1"),
        ("rate 2026-11 USD CNY", "To set a rate: `/desk rate MONTH CUR TO RATE`"),
    ):
        assert answer in said(desk, typed, ADMIN), typed
    assert count(db, ExchangeRate) == 0
    assert rate_audits(db) == []


def test_rates_are_listed_by_month_for_anyone(desk, db, files, capsys):
    text = """month,currency,to_currency,rate
2026-11,USD,CNY,7.1234
2026/11,EUR,人民币,7.8
2026-10,USD,CNY,7.1
"""
    assert "3 created" in run_import("rates", write(files, "rates", text), capsys)[0]
    november = said(desk, "rates 2026-11", REP)
    assert "Exchange rates · 2026-11" in november
    assert "2026-11 · 1 EUR = 7.8 CNY\n2026-11 · 1 USD = 7.1234 CNY" in november
    assert "2026-10" not in november
    every = said(desk, "汇率", MANAGER)
    assert "汇率 · 全部月份" in every
    assert every.index("2026-11 · 1 USD") < every.index("2026-10 · 1 USD = 7.1 CNY")
    assert "No exchange rates are kept for 2025-01 yet." in said(desk, "rates 2025-01", REP)
    assert "“Nov” is not a month" in said(desk, "rates Nov", REP)


def test_the_help_tells_how_rates_are_kept(desk):
    english = said(desk, "help", ADMIN)
    assert "`/desk rate MONTH CUR TO RATE`" in english and "`/desk rates [MONTH]`" in english
    assert "`/desk rate 月份 货币 目标货币 汇率`" in said(desk, "帮助", MANAGER)


def test_the_rates_import_upserts_and_rejects_with_reasons(files, db, capsys):
    text = """month,currency,to_currency,rate
2026-11,USD,CNY,7.1234
2026-11,usd,人民币,7.2
2026-11,EUR,CNY,0
2026-13,EUR,CNY,7.7
2026-11,EUR,EUR,1
2026-11,JPY,CNY,0.047123456
2026-11,ABC,CNY,1
2026/10,EUR,CNY,"7.81"
"""
    path = write(files, "rates", text)
    lines = run_import("rates", path, capsys)
    assert lines[0] == (
        f"Imported exchange rates from {path}: 2 created, 0 updated, 0 unchanged, 6 rejected."
    )
    assert lines[1:7] == [
        "line 3: month '2026-11/USD/CNY' already appears on line 2",
        "line 4: '0' is not a rate: use a number more than 0 with at most 8 decimals, like 7.1234",
        "line 5: '2026-13' is not a month: use YYYY-MM, like 2026-11",
        "line 6: currency and to_currency are both EUR: a rate converts one currency into another",
        "line 7: '0.047123456' is not a rate: use a number more than 0 with at most 8 decimals, "
        "like 7.1234",
        "line 8: 'ABC' is not a currency: use an ISO 4217 code like CNY, USD or EUR (RMB and "
        "人民币 read as CNY)",
    ]
    assert rates(db) == {
        ("2026-11", "USD", "CNY"): Decimal("7.1234"),
        ("2026-10", "EUR", "CNY"): Decimal("7.81"),
    }
    assert {e.entity_key for e in rate_audits(db)} == {"2026-11/USD/CNY", "2026-10/EUR/CNY"}

    changed = "month,currency,to_currency,rate\n2026-11,USD,CNY,7.3\n2026-10,EUR,CNY,7.81\n"
    lines = run_import("rates", write(files, "rates2", changed), capsys)
    assert "0 created, 1 updated, 1 unchanged, 0 rejected." in lines[0]
    update = rate_audits(db)[-1]
    assert (update.action, update.before, update.after) == (
        "import.update",
        {"rate": "7.1234"},
        {"rate": "7.3"},
    )
