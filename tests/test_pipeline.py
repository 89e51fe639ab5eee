"""`/pipeline` (漏斗): acknowledged at once, the funnel sent after the ack through the
response_url; counts and amounts per open stage in the team's reporting currency (a missing
rate named), conversion, median days in each stage from the stage history, the weighted
forecast for this month and quarter; a rep sees their own, a manager each rep, an admin every
team. Over signed HTTP into the real app, on SQLite and PostgreSQL."""

import itertools
import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import col, select

from commands.targets.periods import MONTH, QUARTER, Period
from harness import SIGNING_SECRET, RunningDesk
from helpers import import_files, message_text
from slack_standin import signed_headers, slash_command_body
from storage.models import Opportunity, OpportunityStageChange

WANG = "U0REPWANG"  # 王芳, East
CHEN = "U0REPCHEN"  # 陈杰, East
ZHOU = "U0MGRZHOU"  # 周敏, manager of East
EMMA = "U0REPEMMA"  # Emma Davis, Export (reports in US dollars)
ADMIN = "U0ADMIN01"  # no team
TODAY = datetime.now(ZoneInfo("Asia/Shanghai")).date()
MONTH_NOW = Period.containing(TODAY, MONTH)
QUARTER_NOW = Period.containing(TODAY, QUARTER)
_replies = itertools.count(1)

FILES = {
    "teams": "name,slack_channel_id,timezone\n"
    "华东 East,C0EAST0001,Asia/Shanghai\n"
    "Export,C0EXPORT01,Asia/Shanghai\n",
    "members": "slack_user_id,name,role,team,locale\n"
    f"{ZHOU},周敏,manager,华东 East,zh-CN\n"
    f"{WANG},王芳,rep,华东 East,zh-CN\n"
    f"{CHEN},陈杰,rep,华东 East,zh-CN\n"
    f"{EMMA},Emma Davis,rep,Export,en\n"
    f"{ADMIN},Ada Admin,admin,,en\n",
    "customers": "code,name,owner_slack_id\n"
    f"C-1001,上海华联贸易有限公司,{WANG}\n"
    f"C-1002,杭州明达电子,{CHEN}\n"
    f"C-2001,Acme Trading,{EMMA}\n",
    "rates": f"month,currency,to_currency,rate\n{MONTH_NOW.key},USD,CNY,7\n",
}


@pytest.fixture
def desk(db, database_url, monkeypatch, tmp_path, slack):
    import_files(database_url, monkeypatch, tmp_path, FILES)
    from bot.cli import main

    assert main(["settings", "set", "Export", "reporting_currency=USD"]) == 0
    with RunningDesk(db, slack) as running:
        yield running


def pipeline(desk, text: str, user: str) -> tuple[str, str]:
    """What the ack says, and the funnel that comes after it through the response_url."""
    name = f"pipeline{next(_replies)}"
    body = slash_command_body("/pipeline", text, user, desk.slack.response_url(name))
    ack = desk.post(body, signed_headers(body, SIGNING_SECRET))
    assert ack.status == 200
    [call] = desk.slack.wait_for(
        "response_url", timeout=15, where=lambda c: c.args["_name"] == name
    )
    assert call.args["response_type"] == "ephemeral"
    blocks = call.args["blocks"]
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    return message_text(ack.body), message_text({"text": call.args["text"], "blocks": blocks})


def deal(desk, user: str, line: str) -> int:
    said = message_text(desk.command("/deal", f"new {line}", user).body)
    assert "#" in said, said
    with desk.desk.db.session() as session:
        return session.exec(select(Opportunity.id).order_by(col(Opportunity.id).desc())).first()


def history(desk, deal_id: int, days_ago: list[int], close=None) -> None:
    """The deal's stage changes, oldest first, as if made that many days ago; its close date."""
    now = datetime.now(UTC)
    with desk.desk.db.session() as session:
        changes = session.exec(
            select(OpportunityStageChange)
            .where(OpportunityStageChange.opportunity_id == deal_id)
            .order_by(OpportunityStageChange.id)
        ).all()
        assert len(changes) == len(days_ago)
        for change, days in zip(changes, days_ago, strict=True):
            change.changed_at = now - timedelta(days=days)
            session.add(change)
        if close is not None:
            row = session.get(Opportunity, deal_id)
            row.expected_close_on = close
            session.add(row)


@pytest.fixture
def funnel(desk):
    """East: 王芳 a proposal of ¥100,000 closing this month and a needs deal of $20,000 closing
    this quarter's first day; 陈杰 a qualification of ¥40,000 for next year, one won and one
    lost. Export: Emma's €900 (no EUR rate). One of 王芳's two leads converted."""
    a = deal(desk, WANG, "C-1001; 法兰; 100000")
    desk.command("/deal", f"move {a} needs", WANG)
    desk.command("/deal", f"move {a} proposal", WANG)
    history(desk, a, [10, 6, 2], close=MONTH_NOW.end)
    b = deal(desk, WANG, "C-1001; 阀门; 20000 USD")
    desk.command("/deal", f"move {b} needs", WANG)
    history(desk, b, [3, 1], close=QUARTER_NOW.start)
    c = deal(desk, CHEN, "C-1002; 元件; 40000")
    history(desk, c, [1], close=TODAY.replace(year=TODAY.year + 1, day=1))
    d = deal(desk, CHEN, "C-1002; 样品; 5000")
    desk.command("/deal", f"won {d}", CHEN)
    history(desk, d, [12, 10])
    e = deal(desk, CHEN, "C-1002; 模具; 7000")
    desk.command("/deal", f"lost {e} price", CHEN)
    history(desk, e, [11, 5])
    emma = deal(desk, EMMA, "C-2001; Spares; 900 EUR")
    history(desk, emma, [1], close=MONTH_NOW.end)
    desk.command("/lead", "宁波东海阀门；陈晨；+86 139 1234 5678；询价", WANG)
    desk.command("/lead", "苏州精工；李四；+86 137 5555 6666；询价", WANG)
    with desk.desk.db.session() as session:
        from storage.models import Lead

        first = session.exec(select(Lead.id).order_by(Lead.id)).first()
    desk.command("/lead", f"convert {first}", WANG)
    return desk


def test_the_ack_comes_first_and_the_funnel_after_it(funnel):
    ack, text = pipeline(funnel, "", ZHOU)
    assert "正在统计漏斗" in ack
    assert "全组销售漏斗 · 全部进行中" in text


def test_a_manager_sees_the_teams_stages_conversion_medians_forecast_and_each_rep(funnel):
    _, text = pipeline(funnel, "", ZHOU)
    # open: qualification 陈杰's ¥40,000 and the converted lead's ¥0; needs $20,000 at 7;
    # proposal ¥100,000
    assert "资格确认：2 个 · ¥40,000.00" in text
    assert "需求分析：1 个 · ¥140,000.00" in text
    assert "方案报价：1 个 · ¥100,000.00" in text
    assert "商务谈判：0 个 · ¥0.00" in text
    # 2 leads, 1 converted; 6 opportunities (the converted lead's among them), 1 won
    assert "2 条线索 → 1 条合格（50%）→ 1 条已转化（100%）；6 个商机 → 1 个赢单（17%）" in text
    # qualification stays 4 (a), 2 (d), 6 (e), 2 (b): median 3; needs 4 (a)
    assert "资格确认 3" in text and "需求分析 4" in text and "方案报价 —" in text
    # proposal 50% of ¥100,000 this month; the needs deal 25% of $20,000 × 7 this quarter
    month = f"{MONTH_NOW.key} ¥50,000.00"
    quarter = f"{QUARTER_NOW.key} ¥85,000.00"
    assert month in text and quarter in text
    assert "王芳：进行中 3 个 · ¥240,000.00 · ¥50,000.00 / ¥85,000.00 · 3 个中赢单 0 个" in text
    assert "陈杰：进行中 1 个 · ¥40,000.00 · ¥0.00 / ¥0.00 · 3 个中赢单 1 个" in text
    assert "缺少汇率" not in text


def test_a_rep_sees_only_their_own(funnel):
    _, text = pipeline(funnel, "", CHEN)
    assert "你的销售漏斗" in text and "资格确认：1 个 · ¥40,000.00" in text
    assert "方案报价：0 个" in text and "王芳" not in text and "按销售" not in text


def test_an_admin_without_a_team_sees_every_teams_totals_and_a_missing_rate_named(funnel):
    _, text = pipeline(funnel, "quarter", ADMIN)
    assert f"Every team's pipeline · {QUARTER_NOW.key}" in text
    assert "华东 East (in CNY)" in text and "Export (in USD)" in text
    assert f"Not counted, no exchange rate: EUR→USD {MONTH_NOW.key}" in text
    assert "By rep" not in text


def test_a_period_narrows_open_opportunities_to_those_closing_in_it(funnel):
    _, text = pipeline(funnel, "本月", ZHOU)
    assert f"全组销售漏斗 · {MONTH_NOW.key}" in text
    assert "方案报价：1 个 · ¥100,000.00" in text and "资格确认：0 个" in text
    _, later = pipeline(funnel, "2099-01", WANG)
    assert "方案报价：0 个 · ¥0.00" in later and "0 条线索" in later


def test_help_and_a_bad_period_are_answered_in_the_ack_alone(desk):
    reply = desk.command("/pipeline", "someday", WANG)
    assert "不是期间" in message_text(reply.body)
    assert "/pipeline 使用说明" in message_text(desk.command("/pipeline", "帮助", WANG).body)
    assert "How to use /pipeline" in message_text(desk.command("/pipeline", "help", EMMA).body)
    assert desk.slack.calls_to("response_url") == []


def test_strangers_get_no_figures(desk):
    reply = desk.command("/pipeline", "", "U0NOBODY1")
    assert reply.status == 200 and "¥" not in message_text(reply.body)
