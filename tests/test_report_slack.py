"""`/report` (报表) in Slack over signed HTTP into the real app: acknowledged at once, a
"preparing…" message in the asker's DM (or the team's channel) updated while the report is
made, then the summary in its place and the files beside it; help, bad words and scopes the asker
may not see answered in the ack, in English and Chinese; subscriptions by an admin or a
manager for their team. On SQLite and PostgreSQL."""

import codecs
import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from bot.i18n import t
from commands.reports.model import ReportPeriod
from harness import RunningDesk
from helpers import import_files, message_text
from storage.models import ReportSubscription

WANG = "U0REPWANG"  # 王芳, rep in East
CHEN = "U0REPCHEN"  # 陈杰, rep in East
ZHOU = "U0MGRZHOU"  # 周敏, manager of East
EMMA = "U0REPEMMA"  # Emma Davis, rep in Export
OLGA = "U0MGROLGA"  # Olga, manager of Export
ADMIN = "U0ADMIN01"  # no team
EAST_CHANNEL = "C0EAST0001"
PNG = b"\x89PNG\r\n\x1a\n"
WAIT = 20
TODAY = datetime.now(ZoneInfo("Asia/Shanghai")).date()

FILES = {
    "teams": "name,slack_channel_id,timezone\n"
    f"East 华东,{EAST_CHANNEL},Asia/Shanghai\n"
    "Export,C0EXPORT01,Asia/Shanghai\n",
    "members": "slack_user_id,name,role,team,locale\n"
    f"{ZHOU},周敏,manager,East 华东,zh-CN\n"
    f"{WANG},王芳,rep,East 华东,zh-CN\n"
    f"{CHEN},陈杰,rep,East 华东,en\n"
    f"{EMMA},Emma Davis,rep,Export,en\n"
    f"{OLGA},Olga Berg,manager,Export,en\n"
    f"{ADMIN},Ada Admin,admin,,en\n",
    "customers": "code,name,owner_slack_id\n"
    f"C-1001,上海华联贸易有限公司,{WANG}\n"
    f"C-1002,杭州明达电子,{CHEN}\n"
    f"C-2001,Acme Trading,{EMMA}\n",
    "orders": "number,customer_code,status,amount,currency,ordered_on\n"
    "SO-1,C-1001,confirmed,1000,CNY,2026-11-03\n"
    "SO-2,C-1002,shipped,500,CNY,2026-11-20\n"
    "SO-3,C-2001,confirmed,300,CNY,2026-11-21\n",
}


@pytest.fixture
def desk(db, database_url, monkeypatch, tmp_path, slack):
    import_files(database_url, monkeypatch, tmp_path, FILES)
    with RunningDesk(db, slack) as running:
        yield running


def ask(desk, text: str, user: str, channel: str = "C0RANDOM1") -> str:
    reply = desk.command("/report", text, user, channel_id=channel)
    assert reply.status == 200
    return message_text(reply.body)


def delivered(desk, channel: str, contains: str) -> dict:
    """The report's summary: the progress message posted in `channel`, updated in place."""
    [posted] = desk.slack.wait_for(
        "chat.postMessage", timeout=WAIT, where=lambda c: c.args["channel"] == channel
    )
    ts = posted.response["ts"] if hasattr(posted, "response") else None
    [summary] = desk.slack.wait_for(
        "chat.update",
        timeout=WAIT,
        where=lambda c: c.args["channel"] == channel and contains in message_text(c.args),
    )
    if ts:
        assert summary.args["ts"] == ts
    return summary.args


def test_a_manager_asks_in_their_dm_and_gets_progress_summary_and_files(desk):
    said = ask(desk, "销售 2026-11", ZHOU)
    assert "正在准备" in said and "East 华东" in said and "2026-11" in said and "私信" in said
    dm = "D" + ZHOU
    [posted] = desk.slack.wait_for(
        "chat.postMessage", timeout=WAIT, where=lambda c: c.args["channel"] == dm
    )
    assert "正在统计" in message_text(posted.args)
    steps = desk.slack.wait_for(
        "chat.update", count=2, timeout=WAIT, where=lambda c: c.args["channel"] == dm
    )
    assert "正在绘制图表" in message_text(steps[0].args)
    summary = delivered(desk, dm, "East 华东 · 2026-11")
    assert summary["blocks"][0]["type"] == "header"
    assert len(summary["blocks"]) <= 50
    files = desk.slack.wait_for_files(dm, timeout=WAIT)
    assert files and all(f.comment and "2026-11" in f.comment for f in files)
    by_kind = {f.filename.rsplit(".", 1)[1]: f for f in files}
    assert set(by_kind) == {"xlsx", "csv", "png"}
    for chart in (f for f in files if f.filename.endswith(".png")):
        assert chart.content.startswith(PNG)
    assert by_kind["csv"].content.startswith(codecs.BOM_UTF8)
    workbook = load_workbook(io.BytesIO(by_kind["xlsx"].content))
    assert len(workbook.sheetnames) >= 2
    assert any(sheet.freeze_panes for sheet in workbook.worksheets)


def test_a_manager_asking_in_the_team_channel_gets_it_there(desk):
    said = ask(desk, "sales last month", OLGA, channel="C0EXPORT01")
    assert "in this channel" in said
    last_month = ReportPeriod.containing(TODAY, "month").previous().key
    assert last_month in said
    summary = delivered(desk, "C0EXPORT01", f"Export · {last_month}")
    assert summary["blocks"][0]["type"] == "header"
    desk.slack.wait_for_files("C0EXPORT01", timeout=WAIT)


def test_a_rep_gets_their_own_report_in_their_dm_even_when_asked_in_the_team_channel(desk):
    said = ask(desk, "sales 2026-11", CHEN, channel=EAST_CHANNEL)
    assert "your DM" in said and "陈杰" in said
    delivered(desk, "D" + CHEN, "陈杰 · 2026-11")
    desk.slack.wait_for_files("D" + CHEN, timeout=WAIT)
    assert not desk.slack.shared_files(EAST_CHANNEL)


REFUSALS = [
    ("sales Export", WANG, "zh-CN", "report.error.own_team_only"),
    ("sales Export", CHEN, "en", "report.error.own_team_only"),
    ("sales company", ZHOU, "zh-CN", "report.error.company_admins_only"),
    ("sales <@U0REPEMMA|emma>", CHEN, "en", "report.error.rep_own_only"),
]


@pytest.mark.parametrize(("text", "user", "locale", "key"), REFUSALS)
def test_what_the_asker_may_not_see_is_refused_in_the_ack(desk, text, user, locale, key):
    said = ask(desk, text, user)
    assert said == t(locale, key) or t(locale, key).split("{")[0] in said
    assert not desk.slack.calls_to("chat.postMessage")


@pytest.mark.parametrize(
    ("text", "user", "expected"),
    [
        ("", CHEN, "How to use /report"),
        ("help", WANG, "/report 的用法"),
        ("revenue", CHEN, "There is no report called “revenue”"),
        ("营收", WANG, "没有叫“营收”的报表"),
        ("sales 2026-13", CHEN, "“2026-13” is not a period"),
        ("sales 2026-13", WANG, "“2026-13”不是有效的期间"),
    ],
)
def test_help_and_words_it_cannot_read(desk, text, user, expected):
    assert expected in ask(desk, text, user)
    assert not desk.slack.calls_to("chat.postMessage")


def test_chinese_period_words_count_on_the_askers_clock(desk):
    today = TODAY
    said = ask(desk, "销售 本月", WANG)
    assert f"{today.year}-{today.month:02d}" in said and "王芳" in said
    desk.slack.wait_for_files("D" + WANG, timeout=WAIT)


def test_subscriptions_by_an_admin_and_a_manager_for_their_team(desk):
    said = ask(desk, "subscribe monthly sales <#C0SALES01|sales>", ZHOU)
    assert "<#C0SALES01>" in said and "每月" in said and "East 华东" in said
    assert "已经订阅" in ask(desk, "订阅 每月 销售 <#C0SALES01|sales>", ZHOU)
    assert "own team" in ask(desk, "subscribe monthly sales <#C0SALES01|sales> East", OLGA)
    assert "Only an admin" in ask(desk, "subscribe weekly sales <#C0SALES01|sales>", CHEN)
    said = ask(desk, "subscribe quarterly collections <#C0BOARD01|board> company", ADMIN)
    assert "quarterly" in said and "the company" in said
    listed = ask(desk, "subscriptions", ADMIN)
    assert "<#C0SALES01>" in listed and "<#C0BOARD01>" in listed
    listed = ask(desk, "订阅列表", ZHOU)
    assert "<#C0SALES01>" in listed and "<#C0BOARD01>" not in listed
    assert "not a channel" in ask(desk, "subscribe monthly sales sales-channel", ADMIN)
    assert "not a schedule" in ask(desk, "subscribe daily sales <#C0X000001|x>", ADMIN)
    assert "has no such" in ask(desk, "unsubscribe monthly sales <#C0SALES01|sales>", OLGA)
    with desk.desk.db.session() as session:
        assert len(session.exec(select(ReportSubscription)).all()) == 2
    said = ask(desk, "退订 每月 销售 <#C0SALES01|sales>", ZHOU)
    assert "不再收到" in said
    assert "no such subscription" in ask(desk, "unsubscribe monthly sales <#C0SALES01|s>", ADMIN)
