"""Attainment (完成率), pace and projection: what `/target` shows a rep, a manager and an admin,
the stand-up's month to date and App Home's own targets. Teams, members, customers, orders,
invoices, payments, targets and rates loaded with `salesdesk import`; driven over signed HTTP,
on SQLite and PostgreSQL.

October 2026, team 华东 East (Asia/Shanghai: China's calendar; reporting currency CNY), by hand.

Working days (国务院 2026 schedule): 1-7 October off (National Day), Saturday 10 October a
make-up working day: 8, 9, 10, 12-16, 19-23, 26-30 = 18. By Friday 16 October: 8 elapsed.
李雷 joined on Thursday 15 October: 15, 16, 19-23, 26-30 = 12 days, 2 elapsed by the 16th.

Order amount (王芳: 50,000 + USD 2,000 × 7.12; a cancelled 30,000 left out. 李雷: 12,000; his
EUR 1,000 has no October rate, so it is left out and named):

| holder | actual | target | % | pace | expected | gap | projection (run rate) |
|---|--:|--:|--:|--:|--:|--:|--:|
| 王芳 | 64,240 | 100,000 | 64.2 | 8/18 | 44,440.00 | +19,800.00 | + 64,240/8 × 10 = 144,540.00 |
| 李雷 | 12,000 | 60,000 | 20.0 | 2/12 | 10,002.00 | +1,998.00 | + 12,000/2 × 10 = 72,000.00 |
| team | 76,240 | 200,000 | 38.1 | 8/18 | 88,880.00 | −12,640.00 | + 76,240/8 × 10 = 171,540.00 |

Shipped amount, 王芳: 50,000 shipped on 12 October, target 80,000 (62.5 %); a confirmed 20,000
promised for 28 October is due to ship: projection 70,000 (87.5 %); a confirmed order promised for
November is not. Collections, 王芳: USD 1,000 paid on 20 October × 7.12 = 7,120 of 10,000 (71.2 %).
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import chinese_calendar
import pytest
from sqlmodel import select

from commands.targets import Period, team_attainments
from commands.team_settings import change_team_settings, settings_of
from commands.workdays import working_days
from harness import RunningDesk
from helpers import import_files
from jobs.runner import JobRunner
from storage.models import Team
from storage.statuses import Metric

ADMIN = "UADMIN001"  # English, no team
MANAGER = "UMGRE0001"  # 周敏, zh-CN
WANG = "UREPE0001"  # 王芳, zh-CN
LI = "UREPE0002"  # 李雷, en-GB, joined 15 October
EAST = "华东 East"
EAST_CHANNEL = "C0EAST001"
OCTOBER = Period.of("2026-10")

FILES = {
    "teams": "name,slack_channel_id,timezone,digest_time,manager_slack_id\n"
    f"{EAST},{EAST_CHANNEL},Asia/Shanghai,08:30,{MANAGER}\n",
    "members": "slack_user_id,name,role,team,manager_slack_id,timezone,locale,email,joined_on\n"
    f"{ADMIN},Alex Admin,admin,,,Europe/London,en-GB,,\n"
    f"{MANAGER},周敏,manager,{EAST},,Asia/Shanghai,zh-CN,,2020-03-01\n"
    f"{WANG},王芳,rep,{EAST},{MANAGER},Asia/Shanghai,zh-CN,,2021-05-10\n"
    f"{LI},李雷,rep,{EAST},{MANAGER},Asia/Shanghai,en-GB,,2026-10-15\n",
    "customers": "code,name,owner_slack_id,tier,region,industry\n"
    f"E-001,上海华瑞机电有限公司,{WANG},A,上海,机械\n"
    f"E-002,杭州明达电子科技有限公司,{WANG},B,浙江,电子\n"
    f"E-003,苏州恒信精密制造厂,{LI},B,江苏,机械\n",
    "orders": "number,customer_code,status,amount,currency,ordered_on,promised_ship_on,"
    "shipped_on,rep_slack_id\n"
    "SO-2610-01,E-001,shipped,50000.00,CNY,2026-10-09,2026-10-12,2026-10-12,\n"
    "SO-2610-02,E-002,confirmed,2000.00,USD,2026-10-12,2026-11-05,,\n"
    "SO-2610-03,E-001,cancelled,30000.00,CNY,2026-10-10,,,\n"
    "SO-2609-04,E-001,confirmed,20000.00,CNY,2026-09-20,2026-10-28,,\n"
    "SO-2610-05,E-003,confirmed,12000.00,CNY,2026-10-16,2026-11-20,,\n"
    "SO-2610-06,E-003,confirmed,1000.00,EUR,2026-10-15,2026-11-20,,\n",
    "invoices": "number,order_number,amount,currency,issued_on,due_on\n"
    "INV-2610-02,SO-2610-02,2000.00,USD,2026-10-12,2026-11-11\n",
    "payments": "invoice_number,amount,paid_on,reference\n"
    "INV-2610-02,1000.00,2026-10-20,BOC-20261020\n",
    "rates": "month,currency,to_currency,rate\n2026-10,USD,CNY,7.12\n",
    "targets": "team,member_slack_id,metric,period,amount\n"
    f"{EAST},,order_amount,2026-10,200000\n"
    f"{EAST},{WANG},order_amount,2026-10,100000\n"
    f"{EAST},{LI},order_amount,2026-10,60000\n"
    f"{EAST},{WANG},shipped_amount,2026-10,80000\n"
    f"{EAST},{WANG},collections,2026-10,10000\n",
}


def load(db, database_url, monkeypatch, folder, files=FILES) -> None:
    import_files(database_url, monkeypatch, folder, files)
    with db.session() as session:
        change_team_settings(session, None, EAST, {"locale": "zh-CN"})


@pytest.fixture
def loaded(db, database_url, monkeypatch, tmp_path):
    load(db, database_url, monkeypatch, tmp_path)
    return db


@pytest.fixture
def desk(loaded, slack):
    with RunningDesk(loaded, slack, timezone="Asia/Shanghai", admins=frozenset({ADMIN})) as running:
        yield running


def target(desk, user: str, text: str) -> str:
    reply = desk.command("/target", text, user)
    assert reply.status == 200, reply.body
    return reply.text()


def attainments(db, metric: Metric, today: date):
    with db.session() as session:
        team = session.exec(select(Team).where(Team.name == EAST)).one()
        return team_attainments(session, team, metric, OCTOBER, today, settings_of(team))


# -- the figures, by hand -----------------------------------------------------------------------


def test_october_2026_has_18_working_days_on_chinas_calendar():
    october = [date(2026, 10, day) for day in range(1, 32)]
    assert sum(chinese_calendar.is_workday(day) for day in october) == 18
    assert working_days(date(2026, 10, 1), date(2026, 10, 31), chinese=True) == 18
    assert chinese_calendar.is_workday(date(2026, 10, 10))  # a make-up Saturday
    assert not chinese_calendar.is_workday(date(2026, 10, 7))  # National Day
    assert working_days(date(2026, 10, 1), date(2026, 10, 16), chinese=True) == 8
    assert working_days(date(2026, 10, 15), date(2026, 10, 31), chinese=True) == 12
    assert working_days(date(2026, 10, 1), date(2026, 10, 31)) == 22  # Monday to Friday


def test_attainment_pace_gap_and_projection_mid_month(loaded):
    team, (li, wang) = attainments(loaded, Metric.order_amount, date(2026, 10, 16))

    assert (wang.name, str(wang.actual.value), str(wang.percent)) == ("王芳", "64240.00", "64.2")
    assert [(r.month, r.currency, r.to_currency, str(r.rate)) for r in wang.actual.used] == [
        ("2026-10", "USD", "CNY", "7.12000000")
    ]
    assert (str(wang.pace), str(wang.expected), str(wang.gap)) == ("0.4444", "44440.00", "19800.00")
    assert (str(wang.projection), str(wang.projection_percent)) == ("144540.00", "144.5")

    # joined on the 15th: paced over 12 working days, 2 of them gone; the euro order is named
    assert (str(li.actual.value), str(li.percent), str(li.pace)) == ("12000.00", "20.0", "0.1667")
    assert [(m.month, m.currency, m.to_currency) for m in li.actual.missing] == [
        ("2026-10", "EUR", "CNY")
    ]
    assert not li.actual.complete
    assert (str(li.expected), str(li.gap), str(li.projection)) == (
        "10002.00",
        "1998.00",
        "72000.00",
    )

    assert (team.member_id, str(team.actual.value), str(team.percent)) == (None, "76240.00", "38.1")
    assert (str(team.expected), str(team.gap), str(team.projection)) == (
        "88880.00",
        "-12640.00",
        "171540.00",
    )
    assert str(team.projection_percent) == "85.8"
    assert not team.actual.complete


def test_shipped_projection_counts_confirmed_orders_due_to_ship_not_the_run_rate(loaded):
    _, (li, wang) = attainments(loaded, Metric.shipped_amount, date(2026, 10, 16))
    assert (str(wang.actual.value), wang.target, str(wang.percent)) == ("50000.00", 80000, "62.5")
    assert (str(wang.projection), str(wang.projection_percent)) == ("70000.00", "87.5")
    assert (li.target, li.percent, li.projection) == (None, None, 0)  # no target: no percent


def test_collections_in_the_invoice_currency_are_converted_at_the_months_rate(loaded):
    _, (_, wang) = attainments(loaded, Metric.collections, date(2026, 10, 31))
    assert (str(wang.actual.value), str(wang.percent)) == ("7120.00", "71.2")


# -- /target, as each role reads it -------------------------------------------------------------


def test_a_rep_sees_their_targets_with_bar_rates_used_and_the_missing_rate_named(desk):
    text = target(desk, WANG, "2026年10月")

    assert "我的目标 · 2026年10月" in text
    assert "我：▓▓▓▓▓▓░░░░ 64.2%" in text
    assert "已完成 ¥64,240.00 / 目标 ¥100,000.00" in text
    assert "华东 East团队：▓▓▓░░░░░░░ 38.1%" in text
    assert "已完成 ¥76,240.00 / 目标 ¥200,000.00" in text
    assert "本期已结束：最终数字" in text
    assert "我：▓▓▓▓▓▓░░░░ 62.5%" in text  # shipped amount
    assert "我：▓▓▓▓▓▓▓░░░ 71.2%" in text  # collections
    assert "所用汇率：USD→CNY 7.12（2026-10）" in text
    assert "⚠️ 数据不完整：缺少汇率 EUR→CNY（2026-10）" in text
    assert "李雷" not in text  # a rep sees their own and the team's total, no one else's


def test_a_rep_asking_for_the_team_sees_its_total_but_no_other_rep(desk):
    text = target(desk, WANG, "team 2026-10 orders")
    assert "华东 East团队 · 2026年10月" in text
    assert "华东 East团队：▓▓▓░░░░░░░ 38.1%" in text
    assert "李雷" not in text and "各销售" not in text


def test_the_manager_sees_each_rep_of_the_team(desk):
    text = target(desk, MANAGER, "团队 2026-10 订单")

    assert "各销售（2 人）" in text
    assert (
        "李雷：▓▓░░░░░░░░ 20.0% · ¥12,000.00 / ¥60,000.00 · 应达 ¥60,000.00 · "
        "落后 ¥48,000.00 · 预计 20.0% · ⚠️ 不完整"
    ) in text
    assert "王芳：▓▓▓▓▓▓░░░░ 64.2% · ¥64,240.00 / ¥100,000.00" in text


def test_a_rep_who_joined_mid_month_reads_it_in_english_with_no_target_said_not_zero(desk):
    text = target(desk, LI, "2026-10 shipped")
    assert "Your targets · October 2026" in text
    assert "You: no target" in text
    assert "0.0 %" not in text
    assert "Team 华东 East: no target" in text


def test_an_admin_without_a_team_sees_every_teams_total(desk):
    text = target(desk, ADMIN, "2026-10")
    assert "Every team's targets · October 2026" in text
    assert (
        "华东 East: ▓▓▓░░░░░░░ 38.1 % · CN¥76,240.00 of CN¥200,000.00 · projected 38.1 % · "
        "⚠️ incomplete"
    ) in text
    assert "Rates used: USD→CNY 7.12 (2026-10)" in text
    assert "no rate for EUR→CNY (2026-10)" in text


def test_nothing_set_is_said_politely(desk):
    assert "2025年1月你和华东 East团队都还没有目标" in target(desk, WANG, "2025-01")


def test_a_team_of_sixty_reps_fits_in_one_message(
    loaded, desk, database_url, monkeypatch, tmp_path
):
    reps = [f"UREPS{n:04d}" for n in range(60)]
    (tmp_path / "sixty").mkdir()
    import_files(
        database_url,
        monkeypatch,
        tmp_path / "sixty",
        {
            "members": "slack_user_id,name,role,team,manager_slack_id,timezone,locale\n"
            + "".join(
                f"{rep},销售{n:02d}号,rep,{EAST},{MANAGER},,zh-CN\n" for n, rep in enumerate(reps)
            ),
            "targets": "team,member_slack_id,metric,period,amount\n"
            + "".join(
                f"{EAST},{rep},{metric},2026-10,{1000 + n}\n"
                for n, rep in enumerate(reps)
                for metric in ("order_amount", "shipped_amount", "collections", "new_customers")
            ),
        },
    )
    reply = desk.command("/target", "team 2026-10", MANAGER)
    assert reply.status == 200
    blocks = reply.body["blocks"]
    assert len(blocks) <= 50
    assert all(len(b.get("text", {}).get("text", "")) <= 3000 for b in blocks)
    text = reply.text()
    assert text.count("销售59号") == 4  # every rep, in each of the four metrics
    assert "各销售（62 人）" in text


# -- the stand-up and App Home ------------------------------------------------------------------


def test_the_stand_up_shows_month_to_date_attainment_and_pace(loaded, desk, slack):
    at = datetime(2026, 10, 16, 8, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
    JobRunner(loaded, "UTC", "en").run("daily-digest", at)
    [post] = desk.slack.wait_for("chat.postMessage")
    text = str(post.args["blocks"])
    assert "本月目标" in text
    assert (
        "订单额：▓▓▓░░░░░░░ 38.1% · ¥76,240.00 / ¥200,000.00 · 应达 ¥88,880.00 · "
        "落后 ¥12,640.00 · ⚠️ 不完整"
    ) in text
    assert "所用汇率：USD→CNY 7.12（2026-10）" in text


def test_app_home_shows_the_members_own_targets_this_month(
    loaded, desk, database_url, monkeypatch, tmp_path
):
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    month = Period.containing(today)
    (tmp_path / "now").mkdir()
    import_files(
        database_url,
        monkeypatch,
        tmp_path / "now",
        {
            "orders": "number,customer_code,status,amount,currency,ordered_on,rep_slack_id\n"
            f"SO-NOW-01,E-003,confirmed,10000.00,CNY,{today.isoformat()},\n",
            "targets": "team,member_slack_id,metric,period,amount\n"
            f"{EAST},{LI},order_amount,{month.key},50000\n",
        },
    )
    desk.slack.reset()
    desk.event({"type": "app_home_opened", "user": LI, "channel": "D01", "tab": "home"})
    [published] = desk.slack.wait_for("views.publish")
    text = str(published.args["view"]["blocks"])
    assert "Your targets this month" in text
    assert "Order amount: ▓▓░░░░░░░░ 20.0 % · CN¥10,000.00 of CN¥50,000.00 · pace" in text

    desk.slack.reset()
    desk.event({"type": "app_home_opened", "user": WANG, "channel": "D01", "tab": "home"})
    [published] = desk.slack.wait_for("views.publish")
    assert "我本月的目标" not in str(published.args["view"]["blocks"])  # none this month
