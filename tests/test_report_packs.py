"""Report packs on schedule: on 1 December 2026 (Shanghai) each team's November pack — one
message per report kind, its headline figures as the comment of its XLSX, CSV and charts — to
the team channel and to its manager; on Monday 7 December the week before to the managers only,
and a channel's weekly subscription; the company's subscription on the organisation's clock.
Each once per period across two replicas and an operator's re-run, on SQLite and PostgreSQL.

East 华东 sold 1,000 + 500 in November (1,500.00 over two orders) and 300 on 2 December;
Export sold nothing, and its pack says so instead of failing. A channel reads in the team's
language (English here), a manager in their own.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from harness import RunningDesk, eventually
from helpers import import_files, message_text
from jobs.report_packs import available_kinds
from jobs.runner import JobRunner
from test_target_jobs import as_replicas, pending, rerun

SHANGHAI = ZoneInfo("Asia/Shanghai")
UTC = ZoneInfo("UTC")
EAST_CHANNEL = "C0EAST0001"
EXPORT_CHANNEL = "C0EXPORT01"
WEEKLY_CHANNEL = "C0WEEKLY01"
BOARD_CHANNEL = "C0BOARD001"
ZHOU = "U0MGRZHOU"  # manager of East, reads Chinese
OLGA = "U0MGROLGA"  # manager of Export, reads English
ADMIN = "U0ADMIN01"
XLSX, CSV, PNG = ".xlsx", ".csv", ".png"

FILES = {
    "teams": "name,slack_channel_id,timezone\n"
    f"East 华东,{EAST_CHANNEL},Asia/Shanghai\n"
    f"Export,{EXPORT_CHANNEL},Asia/Shanghai\n",
    "members": "slack_user_id,name,role,team,locale\n"
    f"{ZHOU},周敏,manager,East 华东,zh-CN\n"
    "U0REPWANG,王芳,rep,East 华东,zh-CN\n"
    f"{OLGA},Olga Berg,manager,Export,en\n"
    "U0REPEMMA,Emma Davis,rep,Export,en\n"
    f"{ADMIN},Ada Admin,admin,,en\n",
    "customers": "code,name,owner_slack_id\n"
    "C-1001,上海华联贸易有限公司,U0REPWANG\n"
    "C-2001,Acme Trading,U0REPEMMA\n",
    "orders": "number,customer_code,status,amount,currency,ordered_on\n"
    "SO-1,C-1001,confirmed,1000,CNY,2026-11-03\n"
    "SO-2,C-1001,shipped,500,CNY,2026-11-20\n"
    "SO-3,C-1001,confirmed,300,CNY,2026-12-02\n",
}


def shanghai(day: int, hour: int = 8, minute: int = 30) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=SHANGHAI)


@pytest.fixture
def desk(db, database_url, monkeypatch, tmp_path, slack):
    import_files(database_url, monkeypatch, tmp_path, FILES)
    with RunningDesk(db, slack, timezone="Asia/Shanghai") as running:
        yield running


def ask(desk, text: str, user: str) -> str:
    reply = desk.command("/report", text, user, channel_id="C0RANDOM1")
    assert reply.status == 200
    return message_text(reply.body)


def shared(db, slack) -> dict[str, list]:
    """Every file shared once the outbox is empty, by the conversation it was shared in."""
    assert eventually(lambda: pending(db), lambda n: n == 0, timeout=60) == 0
    files: dict[str, list] = {}
    for upload in slack.shared_files():
        files.setdefault(upload.channel, []).append(upload)
    return files


def by_kind(uploads: list, kind: str, ending: str) -> list:
    return [u for u in uploads if f"-{kind}-" in u.filename and u.filename.endswith(ending)]


def test_monthly_packs_reach_each_channel_and_manager_once(
    db, desk, slack, database_url, monkeypatch
):
    kinds = available_kinds()
    assert "sales" in kinds
    assert as_replicas(db, "report-packs", shanghai(1)) == 2 * 2 * len(kinds)
    rerun(database_url, slack, monkeypatch, "report-packs", shanghai(1))
    assert as_replicas(db, "report-packs", shanghai(1, 20)) == 0  # the same day, later
    assert as_replicas(db, "report-packs", shanghai(2)) == 0  # no period ended yesterday
    files = shared(db, slack)

    assert set(files) == {EAST_CHANNEL, EXPORT_CHANNEL, "D" + ZHOU, "D" + OLGA}
    for uploads in files.values():
        for kind in kinds:  # each kind's workbook and CSV once: never twice, never missing
            assert len(by_kind(uploads, kind, XLSX)) == 1, kind
            assert len(by_kind(uploads, kind, CSV)) == 1, kind
        assert all("2026-11" in u.filename for u in uploads)

    [east_sales] = by_kind(files[EAST_CHANNEL], "sales", XLSX)
    assert "Sales report · East 华东 · 2026-11 (monthly pack)" in east_sales.comment
    assert "Sales: CN¥1,500.00" in east_sales.comment
    assert by_kind(files[EAST_CHANNEL], "sales", PNG)  # the charts beside the workbook
    [zhou_sales] = by_kind(files["D" + ZHOU], "sales", CSV)
    assert "销售报表 · East 华东 · 2026-11（每月报表包）" in zhou_sales.comment  # his language
    assert "¥1,500.00" in zhou_sales.comment and "附件" in zhou_sales.comment

    [olga_sales] = by_kind(files["D" + OLGA], "sales", XLSX)
    assert "Sales report · Export · 2026-11 (monthly pack)" in olga_sales.comment
    assert "No orders in this period." in olga_sales.comment  # said, not failed
    assert olga_sales.content.startswith(b"PK")  # a workbook all the same


def test_weekly_packs_go_to_managers_and_subscriptions_on_their_cadence(
    db, desk, slack, database_url, monkeypatch
):
    assert "每周" in ask(desk, f"subscribe weekly sales <#{WEEKLY_CHANNEL}|weekly>", ZHOU)
    kinds = available_kinds()
    assert as_replicas(db, "report-packs", shanghai(7)) == 2 * len(kinds) + 1
    rerun(database_url, slack, monkeypatch, "report-packs", shanghai(7))
    files = shared(db, slack)

    assert set(files) == {"D" + ZHOU, "D" + OLGA, WEEKLY_CHANNEL}  # not the team channels
    [weekly] = by_kind(files[WEEKLY_CHANNEL], "sales", XLSX)
    assert "2026-W49" in weekly.filename  # 30 Nov – 6 Dec, the week before Monday the 7th
    assert "East 华东 · 2026-W49 (weekly pack)" in weekly.comment
    assert "Sales: CN¥300.00" in weekly.comment  # the 2nd of December's order only
    assert len(by_kind(files["D" + OLGA], "sales", XLSX)) == 1


def test_the_companys_subscription_waits_for_the_organisations_clock(
    db, desk, slack, database_url, monkeypatch
):
    said = ask(desk, f"subscribe monthly sales <#{BOARD_CHANNEL}|board> company", ADMIN)
    assert "the company" in said
    # The organisation's clock is the runner's default zone (SALESDESK_TIMEZONE), UTC here:
    # 08:30 there is 16:30 in Shanghai.
    assert as_replicas(db, "report-packs-company", datetime(2026, 12, 1, 8, 15, tzinfo=UTC)) == 0
    assert as_replicas(db, "report-packs-company", datetime(2026, 12, 1, 8, 30, tzinfo=UTC)) == 1
    assert as_replicas(db, "report-packs-company", datetime(2026, 12, 1, 8, 45, tzinfo=UTC)) == 0
    rerun(database_url, slack, monkeypatch, "report-packs-company", shanghai(1, 17))
    files = shared(db, slack)

    assert set(files) == {BOARD_CHANNEL}
    [board] = by_kind(files[BOARD_CHANNEL], "sales", XLSX)
    assert "Sales report · the company · 2026-11" in board.comment
    assert "¥1,500.00" in board.comment  # East's orders; Export's none


def test_the_companys_subscription_keeps_the_organisations_own_zone_and_language(db, desk, slack):
    ask(desk, f"subscribe monthly sales <#{BOARD_CHANNEL}|board> company", ADMIN)
    runner = JobRunner(db, "Asia/Shanghai", "zh-CN")  # SALESDESK_TIMEZONE, SALESDESK_LOCALE

    [early] = runner.run("report-packs-company", datetime(2026, 12, 1, 0, 15, tzinfo=UTC))
    [due] = runner.run("report-packs-company", datetime(2026, 12, 1, 0, 30, tzinfo=UTC))

    assert (early.queued, due.queued) == (0, 1)  # 08:15 and 08:30 in Shanghai
    [board] = by_kind(shared(db, slack)[BOARD_CHANNEL], "sales", XLSX)
    assert "销售报表" in board.comment and "2026-11" in board.comment
