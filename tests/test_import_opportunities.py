"""`salesdesk import opportunities`: a team's deals from another CRM, keyed by customer and
title, each with its first stage-history step (on the day it was created); then read in Slack
by `/deal list team`, `/deal N` and `/pipeline` as their manager sees them. Bad rows rejected
by line with a reason in English and Chinese; re-importing changes nothing; a changed stage
adds a step; a closed opportunity keeps its stage. On SQLite and PostgreSQL."""

import json
from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import col, select

from bot.cli import main
from commands.targets.periods import MONTH, Period
from harness import SIGNING_SECRET, RunningDesk
from helpers import count, import_files, message_text
from slack_standin import signed_headers, slash_command_body
from storage.models import AuditEntry, Opportunity, OpportunityStageChange

WANG = "U0REPWANG"  # 王芳, East; owns C-1001
CHEN = "U0REPCHEN"  # 陈杰, East; owns C-1002
ZHOU = "U0MGRZHOU"  # 周敏, manager of East
EMMA = "U0REPEMMA"  # Emma Davis, Export; owns C-2001
ADMIN = "U0ADMIN01"  # an admin in no team
SHANGHAI = ZoneInfo("Asia/Shanghai")
TODAY = datetime.now(SHANGHAI).date()
NEXT_YEAR = TODAY.year + 1
MONTH_NOW = Period.containing(TODAY, MONTH)

SETUP = {
    "teams": "name,slack_channel_id,timezone\n"
    "华东 East,C0EAST0001,Asia/Shanghai\n"
    "Export,C0EXPORT01,Europe/London\n",
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
HEADER = (
    "customer_code,title,amount,currency,stage,owner_slack_id,expected_close_on,next_step,"
    "lost_reason,competitor,created_on\n"
)
DEALS = HEADER + (
    f"C-1001,年度法兰采购,100000,RMB,方案,,{MONTH_NOW.end},周五寄样品,,,2025-03-01\n"
    f"C-1001,阀门,20000,USD,needs,{CHEN},{NEXT_YEAR}-06-30,,,,2025-04-02\n"
    f"C-1002,电子元件,40000,,资格,,{NEXT_YEAR}-01-31,,,,\n"
    f"C-1002,样品单,5000,CNY,赢单,,,,,,2025-01-10\n"
    f"C-1002,模具,7000,CNY,输单,,,,价格太高,宁波模具厂,2025-02-20\n"
    f"C-2001,Spares,900,EUR,negotiation,,{NEXT_YEAR}-02-28,call Tuesday,,,\n"
)


@pytest.fixture
def salesdesk(database_url, monkeypatch, tmp_path, capsys):
    """`salesdesk import opportunities` run in-process; (exit code, what it printed)."""
    import_files(database_url, monkeypatch, tmp_path, SETUP)
    monkeypatch.setenv("SALESDESK_LOCALE", "en")

    def run(text: str, locale: str = "en") -> tuple[int, str]:
        monkeypatch.setenv("SALESDESK_LOCALE", locale)
        path = tmp_path / "opportunities.csv"
        path.write_text(text, encoding="utf-8")
        capsys.readouterr()
        code = main(["import", "opportunities", str(path)])
        return code, capsys.readouterr().out

    return run


def deals(db) -> dict[str, Opportunity]:
    with db.session() as session:
        return {deal.title: deal for deal in session.exec(select(Opportunity))}


def steps(db, deal_id: int) -> list[tuple]:
    with db.session() as session:
        rows = session.exec(
            select(OpportunityStageChange)
            .where(OpportunityStageChange.opportunity_id == deal_id)
            .order_by(col(OpportunityStageChange.id))
        )
        return [(row.from_stage, row.to_stage, row.changed_at, row.changed_by) for row in rows]


def pipeline(desk, user: str) -> str:
    body = slash_command_body("/pipeline", "", user, desk.slack.response_url("funnel"))
    assert desk.post(body, signed_headers(body, SIGNING_SECRET)).status == 200
    [call] = desk.slack.wait_for("response_url", timeout=15)
    blocks = call.args["blocks"]
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    return message_text({"text": call.args["text"], "blocks": blocks})


def test_imported_deals_are_listed_shown_and_counted_for_their_manager(salesdesk, db, slack):
    code, out = salesdesk(DEALS)
    assert code == 0 and "6 created, 0 updated, 0 unchanged, 0 rejected" in out
    stored = deals(db)
    flanges, valves = stored["年度法兰采购"], stored["阀门"]
    with RunningDesk(db, slack) as desk:
        team = message_text(desk.command("/deal", "list team", ZHOU).body)
        card = message_text(desk.command("/deal", str(flanges.id), ZHOU).body)
        funnel = pipeline(desk, ZHOU)
    assert "全组进行中商机（3）" in team
    assert f"#{valves.id} 阀门 · 上海华联贸易有限公司 · US$20,000.00 · 需求分析" in team
    assert f"#{flanges.id} 年度法兰采购 · 上海华联贸易有限公司 · ¥100,000.00 · 方案报价" in team
    assert "陈杰" in team.splitlines()[-2] and "王芳" in team.splitlines()[-1]
    assert "阶段：方案报价（50%）" in card and "下一步：周五寄样品" in card
    assert "2025年3月1日 00:00 由 import 新建，阶段为方案报价" in card
    assert "资格确认：1 个 · ¥40,000.00" in funnel and "方案报价：1 个 · ¥100,000.00" in funnel
    assert "需求分析：1 个 · ¥140,000.00" in funnel  # $20,000 at this month's 7
    assert "5 个商机 → 1 个赢单（20%）" in funnel  # Export's Spares is another team's
    assert "陈杰：进行中 2 个 · ¥180,000.00" in funnel and "缺少汇率" not in funnel


def test_each_new_deal_starts_its_history_on_the_day_it_was_created(salesdesk, db):
    salesdesk(DEALS)
    stored = deals(db)
    won, lost, spares = stored["样品单"], stored["模具"], stored["Spares"]
    opened = datetime(2025, 1, 10, tzinfo=SHANGHAI).astimezone(UTC)
    assert [step[:2] for step in steps(db, won.id)] == [(None, "won")]
    assert steps(db, won.id)[0][3] == "import" and _utc(steps(db, won.id)[0][2]) == opened
    assert _utc(won.created_at) == opened and _utc(won.closed_at) == opened
    assert won.order_id is None and stored["电子元件"].closed_at is None
    assert (lost.lost_reason, lost.competitor, lost.closed_at is not None) == (
        "价格太高",
        "宁波模具厂",
        True,
    )
    assert stored["年度法兰采购"].currency == "CNY" and stored["电子元件"].currency == "CNY"
    assert stored["阀门"].owner_id != stored["年度法兰采购"].owner_id  # 陈杰, as the file says
    assert spares.team_id != won.team_id and spares.amount == Decimal("900")
    assert count(db, OpportunityStageChange) == 6


def test_reimport_changes_nothing_and_a_moved_stage_adds_a_step(salesdesk, db):
    salesdesk(DEALS)
    before = (count(db, OpportunityStageChange), count(db, AuditEntry), deals(db))
    code, out = salesdesk(DEALS)
    assert code == 0 and "0 created, 0 updated, 6 unchanged, 0 rejected" in out
    assert (count(db, OpportunityStageChange), count(db, AuditEntry), deals(db)) == before
    moved = HEADER + (
        f"C-1002,电子元件,45000,,需求,,{NEXT_YEAR}-01-31,,,,\n"
        f"C-1001,阀门,20000,USD,won,{CHEN},{NEXT_YEAR}-06-30,,,,2025-04-02\n"
    )
    code, out = salesdesk(moved, "zh-CN")
    assert code == 0 and "导入商机：新建 0 条，更新 2 条，未变 0 条" in out, out
    stored = deals(db)
    parts, valves = stored["电子元件"], stored["阀门"]
    assert [step[:2] for step in steps(db, parts.id)] == [
        (None, "qualification"),
        ("qualification", "needs"),
    ]
    assert parts.amount == Decimal("45000") and parts.closed_at is None
    assert valves.stage == "won" and valves.closed_at is not None
    assert steps(db, valves.id)[-1][:2] == ("needs", "won")


def test_bad_rows_are_rejected_by_line_with_a_reason_and_the_others_imported(salesdesk, db):
    rows = HEADER + (
        "C-9999,Ghost,100,CNY,资格,,,,,,\n"  # line 2
        "C-1001,Rush,100,CNY,maybe,,,,,,\n"  # 3
        "C-1001,Bulk,lots,CNY,资格,,,,,,\n"  # 4
        "C-1001,Yen,100,XYZ,资格,,,,,,\n"  # 5
        "C-1001,Nobody,100,CNY,资格,U0NOBODY1,,,,,\n"  # 6
        f"C-1001,Admin's,100,CNY,资格,{ADMIN},,,,,\n"  # 7
        "C-1001,,100,CNY,资格,,,,,,\n"  # 8
        "C-1001,Late,100,CNY,资格,,someday,,,,\n"  # 9
        "C-1001,Good,100,CNY,资格,,,,,,\n"  # 10
        "C-1001,Good,200,CNY,谈判,,,,,,\n"  # 11
    )
    code, out = salesdesk(rows)
    assert code == 1 and "1 created, 0 updated, 0 unchanged, 9 rejected" in out, out
    for expected in (
        "line 2: unknown customer code 'C-9999'",
        "line 3: unknown stage 'maybe': use qualification, needs, proposal, negotiation, "
        "won or lost",
        "line 4: 'lots' is not an amount",
        "line 5: 'XYZ' is not a currency",
        "line 6: owner_slack_id: no member has the Slack user id 'U0NOBODY1'",
        f"line 7: owner '{ADMIN}' is in no team",
        "line 8: no title given",
        "line 9: expected_close_on 'someday' is not a date",
        "line 11: customer_code + title 'C-1001 · Good' already appears on line 10",
    ):
        assert expected in out, expected
    assert set(deals(db)) == {"Good"} and deals(db)["Good"].amount == Decimal("100")
    code, chinese = salesdesk(rows.replace("Good", "Fine"), "zh-CN")
    assert "未知阶段“maybe”：请写 资格、需求、方案、谈判、赢单、输单" in chinese
    assert f"负责人“{ADMIN}”不属于任何团队" in chinese
    assert "客户编号“C-9999”不存在" in chinese


def test_a_closed_deal_keeps_its_stage_and_a_title_used_twice_is_refused(salesdesk, db, slack):
    salesdesk(DEALS)
    with RunningDesk(db, slack) as desk:
        said = message_text(desk.command("/deal", "新建 C-1002; 电子元件; 100", CHEN).body)
        assert "已保存" in said, said
    rows = HEADER + (
        "C-1002,样品单,5000,CNY,谈判,,,,,,\n"
        "C-1002,电子元件,40000,,需求,,,,,,\n"
        "C-1002,模具,7000,CNY,lost,,,,价格太高,浙江模具,\n"
    )
    code, out = salesdesk(rows)
    assert code == 1 and "0 created, 1 updated, 0 unchanged, 2 rejected" in out, out
    assert "line 2: '样品单' is already won: a closed opportunity keeps its stage" in out
    assert "line 3: customer C-1002 has several opportunities titled '电子元件'" in out
    assert deals(db)["模具"].competitor == "浙江模具" and deals(db)["样品单"].stage == "won"
    code, chinese = salesdesk(rows, "zh-CN")
    assert "“样品单”已赢单：已关闭的商机不能改阶段" in chinese
    assert "客户 C-1002 有多个名为“电子元件”的商机" in chinese


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
