"""/target set, split and lock, and the target form: a team's plan set by its manager (or an
admin), broken down evenly or by last year's months, locked once its parts add up, and changed
after that only with a reason, every change audited. Teams, members, last year's orders and
targets come from `salesdesk import` files; Slack is driven over signed HTTP."""

from decimal import Decimal
from pathlib import Path

import pytest
from sqlmodel import select

from bot.cli import main
from harness import RunningDesk
from helpers import count, message_text
from storage.models import AuditEntry, Member, Target, TargetPlan

MANAGER = "UMGREAST1"  # 周敏, manages 华东 East, reads Chinese
WANG = "UREPWANG1"  # 王芳, rep of 华东 East, Chinese
LI = "UREPLI001"  # 李强, rep of 华东 East, en-GB, joined 2026-11-16
OTHER_MANAGER = "UMGREXPT1"  # Sarah Miller, manages Export 外贸, en-GB
EMMA = "UREPEMMA1"  # Emma Davis, rep of Export 外贸
ADMIN = "UADMIN001"  # an admin of no team, en-GB
EAST = "华东 East"

TEAMS = """name,slack_channel_id,timezone,manager_slack_id
华东 East,C0EAST0001,Asia/Shanghai,UMGREAST1
Export 外贸,C0EXPORT01,Europe/London,UMGREXPT1
"""
MEMBERS = """slack_user_id,name,role,team,locale,joined_on
UMGREAST1,周敏,manager,华东 East,zh-CN,
UREPWANG1,王芳,rep,华东 East,zh-CN,2023-03-01
UREPLI001,李强,rep,华东 East,en-GB,2026/11/16
UMGREXPT1,Sarah Miller,manager,Export 外贸,en-GB,
UREPEMMA1,Emma Davis,rep,Export 外贸,en-GB,
UADMIN001,Alex Admin,admin,,en-GB,
"""
CUSTOMERS = """code,name,owner_slack_id
C-1001,上海华联五金,UREPWANG1
C-1002,苏州精密机械,UMGREAST1
"""
# Last year's orders: 王芳's Q4 weighs 1 : 3 : 2; with 周敏's December the team's 1 : 3 : 3.
ORDERS = """number,customer_code,status,amount,currency,ordered_on,rep_slack_id
SO-2025-1001,C-1001,paid,"100,000.00",CNY,2025-10-10,UREPWANG1
SO-2025-1101,C-1001,paid,"300,000.00",CNY,2025-11-12,UREPWANG1
SO-2025-1201,C-1001,delivered,"200,000.00",CNY,2025-12-05,UREPWANG1
SO-2025-1202,C-1002,delivered,"100,000.00",CNY,2025-12-20,UMGREAST1
SO-2025-1203,C-1001,cancelled,"999,000.00",CNY,2025-12-21,UREPWANG1
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
    for kind, text in (
        ("teams", TEAMS),
        ("members", MEMBERS),
        ("customers", CUSTOMERS),
        ("orders", ORDERS),
    ):
        lines = run_import(kind, write(tmp_path, kind, text), capsys)
        assert "0 rejected" in lines[0], lines
    return tmp_path


@pytest.fixture
def desk(files, db, slack):
    with RunningDesk(db, slack, timezone="Asia/Shanghai") as running:
        yield running


def said(desk, text: str, user: str) -> str:
    reply = desk.command("/target", text, user)
    assert reply.status == 200, reply.body
    assert reply.body["response_type"] == "ephemeral"
    return reply.text()


def targets(db) -> dict[tuple[str | None, str, str], Decimal]:
    """(member's Slack id or None for the team, metric, period) -> amount, for 华东 East."""
    with db.session() as session:
        slack_ids = dict(session.exec(select(Member.id, Member.slack_user_id)).all())
        rows = session.exec(select(Target).order_by(Target.period)).all()
        return {
            (slack_ids.get(row.member_id), str(row.metric), row.period): row.amount for row in rows
        }


def audits(db, entity: str = "target") -> list[AuditEntry]:
    with db.session() as session:
        query = select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.id)
        return list(session.exec(query).all())


def snapshot(db) -> tuple:
    return targets(db), count(db, AuditEntry), count(db, TargetPlan)


# -- help -----------------------------------------------------------------------------------------


def test_help_lists_every_form_in_the_readers_language(desk):
    english = said(desk, "help", LI)
    for form in (
        "/target [mine|team] [PERIOD] [METRIC]",
        "/target set`: the form",
        "/target set WHO METRIC PERIOD AMOUNT [reason …]",
        "/target split WHO METRIC PERIOD even|seasonal",
        "/target lock METRIC YEAR [TEAM]",
        "/target kpi [PERIOD] [@rep]",
        "/target kpi set order_amount=40 collections=30:60-120 …",
    ):
        assert form in english, form
    assert "teams often give their reps more than the team target" in english
    chinese = said(desk, "帮助", WANG)
    assert "/target 分解 对象 指标 期间 平均|按季节" in chinese
    assert "/target 锁定 指标 年份 [团队]" in chinese
    assert "销售目标之和不必等于团队目标" in chinese


# -- setting a target -----------------------------------------------------------------------------


def test_a_manager_sets_a_reps_target_and_sees_the_team_beside_it(desk, db):
    reply = said(desk, "设置 <@UREPWANG1|王芳> 订单 2026-11 50万", MANAGER)
    assert "已保存：王芳 · 订单额 · 2026-11：¥500,000.00。" in reply
    assert "2026-11 · 团队目标：未设定 · 销售目标合计：¥500,000.00（1 人）" in reply
    assert targets(db) == {(WANG, "order_amount", "2026-11"): Decimal("500000.00")}
    [entry] = audits(db)
    assert (entry.actor, entry.entity_key, entry.action) == (
        MANAGER,
        "华东 East/UREPWANG1/order_amount/2026-11",
        "set",
    )
    assert (entry.before, entry.after) == (None, {"amount": "500000.00"})

    again = said(desk, "set team orders 2026-11 400k", MANAGER)
    assert "已保存：华东 East · 订单额 · 2026-11：¥400,000.00。" in again
    # Reps may be given more than the team: both are shown, neither is forced.
    assert "团队目标：¥400,000.00 · 销售目标合计：¥500,000.00（1 人）" in again

    changed = said(desk, "set <@UREPWANG1> orders 2026-11 450,000", MANAGER)
    assert "已保存：王芳 · 订单额 · 2026-11：¥450,000.00（原为 ¥500,000.00）。" in changed
    last = audits(db)[-1]
    assert (last.before, last.after) == ({"amount": "500000.00"}, {"amount": "450000.00"})
    assert "已经是 ¥450,000.00，未做修改" in said(
        desk, "set <@UREPWANG1> orders 2026-11 450000", MANAGER
    )
    assert len(audits(db)) == 3


def test_a_rep_and_another_teams_manager_may_not_set_targets(desk, db):
    before = snapshot(db)
    assert "只有 华东 East 的经理或管理员可以设定" in said(desk, "设置 团队 订单 2026 1200万", WANG)
    assert "Only the manager of 华东 East or an admin can set, split or lock its targets." in said(
        desk, "set <@UREPWANG1> orders 2026-11 1000", OTHER_MANAGER
    )
    assert "Only the manager of 华东 East or an admin" in said(
        desk, 'set "华东 East" orders 2026 1000', OTHER_MANAGER
    )
    assert "Only the manager of 华东 East or an admin" in said(
        desk, "split team orders 2026 even", LI
    )
    assert "Only the manager of 华东 East or an admin" in said(desk, "lock orders 2026", LI)
    assert snapshot(db) == before


def test_an_admin_names_the_team(desk, db):
    asked = said(desk, "set team orders 2026 1,000,000", ADMIN)
    assert "Which team? You belong to none, so name it" in asked
    reply = said(desk, 'set "Export 外贸" collections 2026-Q4 "1,000,000"', ADMIN)
    assert "Saved: Export 外贸 · collections · 2026-Q4: CN¥1,000,000.00." in reply
    member = said(desk, "set <@UREPEMMA1> visits 2026-12 30", ADMIN)
    assert "Saved: Emma Davis · effective visits · 2026-12: 30." in member
    assert "effective visits counts whole things: “12.5” is not a whole number." in said(
        desk, "set <@UREPEMMA1> visits 2026-12 12.5", ADMIN
    )
    assert "There is no team called “北方”." in said(desk, "set 北方 orders 2026 1", ADMIN)
    assert targets(db) == {
        (None, "collections", "2026-Q4"): Decimal("1000000.00"),
        (EMMA, "effective_visits", "2026-12"): Decimal("30.00"),
    }


def test_bad_lines_are_answered_with_the_usage(desk, db):
    assert "To set a target: `/target set WHO METRIC PERIOD AMOUNT" in said(
        desk, "set team 2026 1000", LI
    )
    assert "“12x” is not an amount" in said(desk, "set team orders 2026 12x", LI)
    assert "2026-11 is a month: only a year" in said(desk, "split team orders 2026-11 even", LI)
    assert "To lock a plan: `/target lock METRIC YEAR [TEAM]`" in said(desk, "lock 2026", LI)
    assert count(db, Target) == 0


# -- splitting ------------------------------------------------------------------------------------


def test_an_even_split_gives_every_cent_to_a_quarter_and_a_month(desk, db):
    said(desk, "set team orders 2026 100,000.01", MANAGER)
    reply = said(desk, "分解 团队 订单 2026 平均", MANAGER)
    assert "华东 East · 订单额 · 2026：¥100,000.01，平均分解：" in reply
    assert "• 2026-Q1：¥25,000.01" in reply
    assert "    • 2026-01：¥8,333.34" in reply
    got = {period: amount for (_, _, period), amount in targets(db).items()}
    # 10,000,001 cents: 2,500,000.25 a quarter, the cent left over to the first; Q1's
    # 2,500,001 cents: 833,333.67 a month, the two cents left to its first two months.
    expected = {
        "2026": "100000.01",
        "2026-Q1": "25000.01",
        "2026-01": "8333.34",
        "2026-02": "8333.34",
        "2026-03": "8333.33",
    }
    for quarter, months in (
        ("2026-Q2", "04 05 06"),
        ("2026-Q3", "07 08 09"),
        ("2026-Q4", "10 11 12"),
    ):
        expected[quarter] = "25000.00"
        first, *rest = months.split()
        expected[f"2026-{first}"] = "8333.34"
        expected |= {f"2026-{month}": "8333.33" for month in rest}
    assert got == {period: Decimal(amount) for period, amount in expected.items()}
    assert sum(got[f"2026-Q{n}"] for n in range(1, 5)) == got["2026"]
    assert [entry.action for entry in audits(db)] == ["set"] + ["split"] * 16

    said(desk, "set team orders 2026-Q2 100", MANAGER)
    quarter = said(desk, "split team orders 2026-Q2 even", MANAGER)
    assert "• 2026-04：¥33.34（原为 ¥8,333.34）" in quarter
    assert [targets(db)[(None, "order_amount", f"2026-0{m}")] for m in (4, 5, 6)] == [
        Decimal("33.34"),
        Decimal("33.33"),
        Decimal("33.33"),
    ]


def test_a_seasonal_split_follows_last_years_months(desk, db):
    said(desk, "set <@UREPWANG1> orders 2026-Q4 100000", MANAGER)
    own = said(desk, "split <@UREPWANG1> orders 2026-Q4 seasonal", MANAGER)
    assert "王芳 · 订单额 · 2026-Q4：¥100,000.00，按去年各月占比（王芳）分解：" in own
    # 1 : 3 : 2 (the cancelled order does not count): 16,666.666…, 50,000, 33,333.333…
    assert [targets(db)[(WANG, "order_amount", f"2026-{m}")] for m in (10, 11, 12)] == [
        Decimal("16666.67"),
        Decimal("50000.00"),
        Decimal("33333.33"),
    ]

    # 李强 sold nothing last year: the team's months (1 : 3 : 3) give the shape.
    said(desk, "set <@UREPLI001> orders 2026-Q4 70,000", MANAGER)
    team_shape = said(desk, "split <@UREPLI001> orders 2026-Q4 seasonal", MANAGER)
    assert "按去年各月占比（华东 East）" in team_shape
    assert [targets(db)[(LI, "order_amount", f"2026-{m}")] for m in (10, 11, 12)] == [
        Decimal("10000.00"),
        Decimal("30000.00"),
        Decimal("30000.00"),
    ]

    said(desk, "set team orders 2026-Q4 1000", OTHER_MANAGER)
    before = snapshot(db)
    refused = said(desk, "split team orders 2026-Q4 seasonal", OTHER_MANAGER)
    assert "There is nothing from 2025 to take the monthly shape from" in refused
    assert "Split it `even` instead, or set the months by hand" in refused
    assert snapshot(db) == before


def test_only_a_set_target_can_be_split(desk, db):
    assert "王芳 没有 2026-Q4 的目标可分解" in said(
        desk, "分解 <@UREPWANG1> 订单 2026-Q4 按季节", MANAGER
    )
    assert count(db, Target) == 0


# -- locking --------------------------------------------------------------------------------------

PLAN = """team,member_slack_id,metric,period,amount
华东 East,,订单,2026,"1,200,000"
华东 East,,orders,2026-Q1,300000
华东 East,,orders,2026-Q2,300000
华东 East,,orders,2026-Q3,300000
华东 East,,orders,2026-Q4,290000
华东 East,,orders,2026-10,100000
华东 East,,orders,2026-11,100000
华东 East,UREPWANG1,order_amount,2026,600000
"""


def months_of(quarter: int, amount: str) -> str:
    return "".join(
        f"华东 East,,order_amount,2026-{3 * quarter - 2 + i:02d},{amount}\n" for i in range(3)
    )


@pytest.fixture
def plan(files, desk, capsys):
    text = PLAN + months_of(1, "100000") + months_of(2, "100000") + months_of(3, "100000")
    lines = run_import("targets", write(files, "targets", text), capsys)
    assert lines[0].endswith("17 created, 0 updated, 0 unchanged, 0 rejected."), lines
    return files


def test_a_plan_locks_only_when_its_parts_add_up(desk, db, plan):
    before = snapshot(db)
    refused = said(desk, "lock orders 2026", MANAGER)
    assert "华东 East · 订单额 · 2026 还不能锁定" in refused
    assert "• 华东 East · 2026：¥1,200,000.00，但 2026-Q1…2026-Q4 合计 ¥1,190,000.00" in refused
    assert (
        "• 华东 East · 2026-Q4：¥290,000.00，但 2026-10…2026-12 合计 ¥200,000.00（2026-12 未设定）"
        in refused
    )
    assert (
        "• 王芳 · 2026：¥600,000.00，但 2026-Q1…2026-Q4 合计 ¥0.00"
        "（2026-Q1、2026-Q2、2026-Q3、2026-Q4 未设定）" in refused
    )
    assert refused.count("• ") == 3
    assert snapshot(db) == before

    said(desk, "set team orders 2026-Q4 300000", MANAGER)
    said(desk, "set team orders 12月 100000", MANAGER)
    said(desk, "split <@UREPWANG1> orders 2026 even", MANAGER)
    locked = said(desk, "锁定 订单 2026", MANAGER)
    assert "已锁定：华东 East · 订单额 · 2026。此后每次修改都需写明原因" in locked
    assert "2026 · 团队目标：¥1,200,000.00 · 销售目标合计：¥600,000.00（1 人）" in locked
    with db.session() as session:
        stored = session.exec(select(TargetPlan)).one()
    assert (stored.year, stored.metric, stored.locked_by) == (2026, "order_amount", MANAGER)
    [entry] = audits(db, "target_plan")
    assert (entry.entity_key, entry.action, entry.after["locked_by"]) == (
        "华东 East/order_amount/2026",
        "lock",
        MANAGER,
    )
    again = said(desk, "lock orders 2026 华东", ADMIN)
    assert "华东 East · order amount · 2026 was already locked, on" in again
    assert "by 周敏." in again
    assert len(audits(db, "target_plan")) == 1


def test_after_the_lock_a_change_needs_a_reason_and_is_audited(desk, db, plan):
    said(desk, "set team orders 2026-Q4 300000", MANAGER)
    said(desk, "set team orders 2026-12 100000", MANAGER)
    said(desk, "split <@UREPWANG1> orders 2026 even", MANAGER)
    assert "已锁定" in said(desk, "lock orders 2026", MANAGER)
    before = snapshot(db)

    asked = said(desk, "set <@UREPWANG1> orders 2026-11 60000", MANAGER)
    assert "华东 East 的 2026 年订单额计划已锁定，修改需要写明原因。请补上原因" in asked
    assert "未做任何修改" in asked
    assert "计划已锁定，不能再分解" in said(desk, "分解 团队 订单 2026-Q4 平均", MANAGER)
    assert snapshot(db) == before

    done = said(desk, "set <@UREPWANG1> orders 2026-11 60000 原因 客户提前下单", MANAGER)
    assert "已保存：王芳 · 订单额 · 2026-11：¥60,000.00（原为 ¥50,000.00）。" in done
    assert "原因（已记入审计日志）：客户提前下单" in done
    assert "2026 年计划已锁定：本次修改及原因已记入审计日志。" in done
    last = audits(db)[-1]
    assert (last.entity_key, last.before, last.after) == (
        "华东 East/UREPWANG1/order_amount/2026-11",
        {"amount": "50000.00"},
        {"amount": "60000.00", "reason": "客户提前下单"},
    )


# -- the import -----------------------------------------------------------------------------------


def test_the_targets_import_upserts_and_rejects_with_reasons(files, db, capsys):
    text = """team,member_slack_id,metric,period,amount
华东 east,,回款,2026-q4,"300,000"
华东 East,UREPWANG1,新客户,2026-11,3
华东 East,UREPWANG1,visits,2026-11,12.5
华东 East,UREPEMMA1,orders,2026-11,100
华东 East,,quotes,2026-11,100
华东 East,,orders,2026-13,100
北方,,orders,2026,100
华东 East,,collections,2026-Q4,310000
"""
    lines = run_import("targets", write(files, "targets", text), capsys)
    assert lines[0] == (
        "Imported targets from " + str(files / "targets.csv") + ": 2 created, 0 updated, "
        "0 unchanged, 6 rejected."
    )
    assert lines[1:7] == [
        "line 4: effective_visits counts whole things: '12.5' is not a whole number",
        "line 5: UREPEMMA1 is not a member of 华东 East: a member's target belongs to their "
        "own team",
        "line 6: unknown metric 'quotes': use order_amount, shipped_amount, collections, "
        "new_customers or effective_visits",
        "line 7: '2026-13' is not a period: use 2026, 2026-Q4 or 2026-11",
        "line 8: unknown team '北方'",
        "line 9: period '华东 East/collections/2026-Q4' already appears on line 2",
    ]
    assert targets(db) == {
        (WANG, "new_customers", "2026-11"): Decimal("3.00"),
        (None, "collections", "2026-Q4"): Decimal("300000.00"),
    }
    assert {entry.entity_key for entry in audits(db)} == {
        "华东 East/UREPWANG1/new_customers/2026-11",
        "华东 East/collections/2026-Q4",
    }
    again = run_import("targets", files / "targets.csv", capsys)
    assert "0 created, 0 updated, 2 unchanged, 6 rejected." in again[0]
    with db.session() as session:
        joined = dict(session.exec(select(Member.slack_user_id, Member.joined_on)).all())
    assert (joined[LI].isoformat(), joined[WANG].isoformat(), joined[MANAGER]) == (
        "2026-11-16",
        "2023-03-01",
        None,
    )


def test_a_row_that_would_change_a_locked_plan_is_rejected(desk, db, plan, capsys):
    said(desk, "set team orders 2026-Q4 300000", MANAGER)
    said(desk, "set team orders 2026-12 100000", MANAGER)
    said(desk, "split <@UREPWANG1> orders 2026 even", MANAGER)
    said(desk, "lock orders 2026", MANAGER)
    text = """team,member_slack_id,metric,period,amount
华东 East,,orders,2026-10,100000
华东 East,,orders,2026-11,120000
华东 East,,collections,2026-11,50000
"""
    lines = run_import("targets", write(plan, "changes", text), capsys)
    assert "1 created, 0 updated, 1 unchanged, 1 rejected." in lines[0]
    assert lines[1] == (
        "line 3: the 2026 order_amount plan of 华东 East is locked: a change needs a reason, "
        "given in Slack (/target set … reason …)"
    )
    assert targets(db)[(None, "order_amount", "2026-11")] == Decimal("100000.00")


# -- the form -------------------------------------------------------------------------------------


def form_values(holder: str | None, metric: str | None, period: str, amount: str, reason=None):
    def chosen(value):
        option = {"text": {"type": "plain_text", "text": "x"}, "value": value}
        return {"value": {"type": "static_select", "selected_option": option if value else None}}

    def typed(value):
        return {"value": {"type": "plain_text_input", "value": value}}

    return {
        "holder": chosen(holder),
        "metric": chosen(metric),
        "period": typed(period),
        "amount": typed(amount),
        "reason": typed(reason),
    }


def test_the_form_opens_with_the_managers_team_and_saves_a_target(desk, db):
    reply = desk.command("/target", "设置", MANAGER)
    assert reply.status == 200
    [opened] = desk.slack.wait_for("views.open")
    view = opened.args["view"]
    assert view["callback_id"] == "target_form"
    elements = {block["block_id"]: block["element"] for block in view["blocks"]}
    holders = [option["text"]["text"] for option in elements["holder"]["options"]]
    assert holders == ["华东 East（团队）", "周敏", "李强", "王芳"]
    metrics = [option["text"]["text"] for option in elements["metric"]["options"]]
    assert metrics == ["订单额", "发货额", "回款", "新客户", "有效拜访"]
    hints = [block["hint"]["text"] for block in view["blocks"] if "hint" in block]
    assert "金额以 CNY 计，例如 1,200,000、50万 或 500k；新客户和拜访写整数。" in hints

    values = form_values("member:UREPWANG1", "collections", "2026年11月", "8万")
    done = desk.submit_view(MANAGER, "target_form", values)
    assert done.body["response_action"] == "update"
    shown = message_text(done.body["view"])
    assert "已保存：王芳 · 回款 · 2026-11：¥80,000.00。" in shown
    assert targets(db) == {(WANG, "collections", "2026-11"): Decimal("80000.00")}


def test_the_form_shows_each_problem_under_its_field(desk, db, plan):
    errors = desk.submit_view(
        MANAGER, "target_form", form_values(None, None, "下辈子", "很多")
    ).body["errors"]
    assert errors == {
        "holder": "请选择目标对象。",
        "metric": "请选择指标。",
        "period": "“下辈子”不是期间：请写 2026、2026-Q4 或 2026-11（也可写 11月、本月、"
        "本季度 …）。",
        "amount": "“很多”不是金额：请写 0 或以上、最多两位小数的数，例如 1,200,000、50万、"
        "1.5亿 或 500k。",
    }
    said(desk, "set team orders 2026-Q4 300000", MANAGER)
    said(desk, "set team orders 2026-12 100000", MANAGER)
    said(desk, "split <@UREPWANG1> orders 2026 even", MANAGER)
    said(desk, "lock orders 2026", MANAGER)
    values = form_values("team:华东 East", "order_amount", "2026-11", "120000")
    errors = desk.submit_view(MANAGER, "target_form", values).body["errors"]
    assert list(errors) == ["reason"]
    assert "计划已锁定，修改需要写明原因" in errors["reason"]
    values = form_values("member:UREPWANG1", "effective_visits", "2026-11", "10.5")
    assert (
        "有效拜访按个数计"
        in desk.submit_view(MANAGER, "target_form", values).body["errors"]["amount"]
    )
    values = form_values("team:华东 East", "order_amount", "2026-11", "120000", "大客户追加订单")
    done = desk.submit_view(MANAGER, "target_form", values)
    assert "原因（已记入审计日志）：大客户追加订单" in message_text(done.body["view"])
    refused = desk.submit_view(WANG, "target_form", values).body["errors"]
    assert refused == {"holder": "只有 华东 East 的经理或管理员可以设定、分解或锁定该团队的目标。"}


def test_a_rep_is_not_offered_the_form(desk):
    assert "只有团队经理或管理员可以设定目标。" in said(desk, "设置", WANG)
    assert desk.slack.calls_to("views.open") == []
