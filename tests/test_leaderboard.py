"""The leaderboard (排行榜): reps ranked by attainment %, ties sharing a rank, a rep without a
target listed apart; what `/leaderboard` shows each role under each privacy mode; the weekly
post (channel, each rep's own rank, the manager's board) once per team and week across two
replicas and a re-run; attainment and the board in the manager's weekly review. Teams, members,
customers, orders, targets and a rate loaded with `salesdesk import`. Driven over signed HTTP,
on SQLite and PostgreSQL.

November 2026, order amount, team 华东 East (reporting currency CNY), by hand:

| rep | orders | target | % | rank |
|---|--:|--:|--:|--:|
| 王芳 | 120,000 | 100,000 | 120.0 | 1 (tied) |
| 陈杰 | 240,000 | 200,000 | 120.0 | 1 (tied) |
| 李雷 | 40,000 + USD 1,000 × 7.1 = 47,100 | 50,000 | 94.2 | 3 |
| 赵磊 | 0 (a cancelled 500,000 does not count) | 80,000 | 0.0 | 4 |
| Han Meimei | 999,999 | none | — | no target |
"""

from datetime import UTC, datetime

import pytest
from sqlmodel import select

from commands.team_settings import change_team_settings
from harness import RunningDesk, eventually
from helpers import import_files, message_text
from jobs.runner import JobRunner
from storage.models import Notification

ADMIN = "UADMIN001"  # English, no team
MANAGER = "UMGRE0001"  # 周敏
DESK = "UDESKE001"  # 李娜
WANG, CHEN, LI, ZHAO = "UREPE0001", "UREPE0002", "UREPE0003", "UREPE0004"
HAN = "UREPE0005"  # Han Meimei, en-GB, no target
EXPORT_MANAGER, EMMA = "UMGRX0001", "UREPX0001"
EAST_CHANNEL, EXPORT_CHANNEL = "C0EAST001", "C0EXPORT1"
EAST_REPS = (WANG, CHEN, LI, ZHAO, HAN)
# Monday 30 November 2026, 09:00 in Shanghai: the week of 23-29 November has just ended.
MONDAY = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)

FILES = {
    "teams": "name,slack_channel_id,timezone,digest_time,manager_slack_id\n"
    f"华东 East,{EAST_CHANNEL},Asia/Shanghai,08:30,{MANAGER}\n"
    f"Export 外贸,{EXPORT_CHANNEL},Europe/London,09:00,{EXPORT_MANAGER}\n",
    "members": "slack_user_id,name,role,team,manager_slack_id,timezone,locale,email\n"
    f"{ADMIN},Alex Admin,admin,,,Europe/London,en-GB,\n"
    f"{MANAGER},周敏,manager,华东 East,,Asia/Shanghai,zh-CN,\n"
    f"{DESK},李娜,desk,华东 East,{MANAGER},Asia/Shanghai,zh-CN,\n"
    f"{WANG},王芳,rep,华东 East,{MANAGER},Asia/Shanghai,zh-CN,\n"
    f"{CHEN},陈杰,rep,华东 East,{MANAGER},Asia/Shanghai,zh-CN,\n"
    f"{LI},李雷,rep,华东 East,{MANAGER},Asia/Shanghai,zh-CN,\n"
    f"{ZHAO},赵磊,rep,华东 East,{MANAGER},Asia/Shanghai,zh-CN,\n"
    f"{HAN},Han Meimei,rep,华东 East,{MANAGER},Asia/Shanghai,en-GB,\n"
    f"{EXPORT_MANAGER},Sarah Miller,manager,Export 外贸,,Europe/London,en-GB,\n"
    f"{EMMA},Emma Davis,rep,Export 外贸,{EXPORT_MANAGER},Europe/London,en-GB,\n",
    "customers": "code,name,owner_slack_id,tier,region,industry\n"
    f"E-001,上海华瑞机电有限公司,{WANG},A,上海,机械\n"
    f"E-002,杭州明达电子科技有限公司,{CHEN},B,浙江,电子\n"
    f"E-003,苏州恒信精密制造厂,{LI},B,江苏,机械\n"
    f"E-004,南京新华五金制品厂,{ZHAO},C,江苏,五金\n"
    f"E-005,宁波海天贸易有限公司,{HAN},C,浙江,贸易\n"
    f"X-001,Northwind Traders Ltd.,{EMMA},A,UK,Retail\n",
    "orders": "number,customer_code,status,amount,currency,ordered_on,rep_slack_id\n"
    "SO-2611-01,E-001,confirmed,120000.00,CNY,2026-11-05,\n"
    "SO-2611-02,E-002,shipped,240000.00,CNY,2026-11-10,\n"
    "SO-2611-03,E-003,confirmed,40000.00,CNY,2026-11-12,\n"
    "SO-2611-04,E-003,confirmed,1000.00,USD,2026-11-20,\n"
    "SO-2611-05,E-004,cancelled,500000.00,CNY,2026-11-03,\n"
    "SO-2611-06,E-005,confirmed,999999.00,CNY,2026-11-18,\n"
    "SO-2610-07,E-004,confirmed,90000.00,CNY,2026-10-28,\n"
    "SO-2611-08,X-001,confirmed,5000.00,CNY,2026-11-09,\n",
}
TARGETS = {
    "targets": "team,member_slack_id,metric,period,amount\n"
    f"华东 East,{WANG},order_amount,2026-11,100000\n"
    f"华东 East,{CHEN},订单,2026-11,200000\n"
    f"华东 East,{LI},order_amount,2026-11,50000\n"
    f"华东 East,{ZHAO},order_amount,2026-11,80000\n"
    f"Export 外贸,{EMMA},order_amount,2026-11,10000\n",
    "rates": "month,currency,to_currency,rate\n2026-11,USD,CNY,7.1\n",
}

BOARD_ZH = [
    "1. 王芳 · 120.0%（并列） · ¥120,000.00 / 目标 ¥100,000.00",
    "1. 陈杰 · 120.0%（并列） · ¥240,000.00 / 目标 ¥200,000.00",
    "3. 李雷 · 94.2% · ¥47,100.00 / 目标 ¥50,000.00",
    "4. 赵磊 · 0.0% · ¥0.00 / 目标 ¥80,000.00",
]
RANKS_ZH = [line.split(" · ¥")[0] for line in BOARD_ZH]  # what reps see: no amounts
NO_TARGET_ZH = "无目标，不参与排名：Han Meimei"


@pytest.fixture
def loaded(db, database_url, monkeypatch, tmp_path):
    import_files(database_url, monkeypatch, tmp_path, FILES | TARGETS)
    with db.session() as session:
        change_team_settings(session, None, "华东 East", {"locale": "zh-CN"})
    return db


@pytest.fixture
def desk(loaded, slack):
    with RunningDesk(loaded, slack, timezone="Asia/Shanghai") as running:
        yield running


def privacy(db, team: str, mode: str) -> None:
    with db.session() as session:
        change_team_settings(session, None, team, {"leaderboard_privacy": mode})


def board(desk, user: str, text: str = "2026-11") -> str:
    reply = desk.command("/leaderboard", text, user)
    assert reply.status == 200, reply.body
    return reply.text()


def lines_in(text: str, candidates: list[str]) -> list[str]:
    return [line for line in candidates if line in text]


# -- the ranking ------------------------------------------------------------------------------


def test_the_manager_sees_every_rep_ranked_by_percent_with_the_tie_and_the_rep_without_target(
    desk,
):
    text = board(desk, MANAGER)

    assert "排行榜 · 订单额 · 2026年11月 · 华东 East" in text
    assert "按达成率排名" in text
    ranked = [line for line in text.splitlines() if line[:2] in ("1.", "3.", "4.")]
    assert ranked == BOARD_ZH  # 陈杰 sold twice 王芳's amount, yet they are level
    assert NO_TARGET_ZH in text  # 999,999 sold, but no target: not ranked, never 0 %
    assert "换算汇率：2026-11 USD→CNY 7.1" in text
    assert "2. " not in text  # after two at 1, the next is 3


def test_period_and_metric_words_in_chinese_and_an_empty_board(desk):
    text = board(desk, MANAGER, "2026年10月 订单")
    assert "排行榜 · 订单额 · 2026年10月 · 华东 East" in text
    assert "2026年10月还没有人设定订单额目标，暂无排名。" in text
    # 赵磊 sold in October, but holds no October target: listed apart, not ranked
    assert "无目标，不参与排名：Han Meimei、李雷、王芳、赵磊、陈杰" in text


def test_help_in_both_languages(desk):
    assert "Reps are ranked by attainment" in board(desk, HAN, "help")
    assert "排名依据是达成率" in board(desk, WANG, "帮助")


# -- what each role sees ----------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["everyone", "top3", "none"])
def test_desk_and_manager_always_see_the_whole_board(loaded, desk, mode):
    privacy(loaded, "华东 East", mode)
    for user in (MANAGER, DESK):
        text = board(desk, user)
        assert lines_in(text, BOARD_ZH) == BOARD_ZH, (user, mode)
        assert NO_TARGET_ZH in text


def test_everyone_mode_shows_a_rep_the_whole_board_without_amounts_and_their_own_rank(loaded, desk):
    privacy(loaded, "华东 East", "everyone")
    text = board(desk, ZHAO)

    assert lines_in(text, RANKS_ZH) == RANKS_ZH
    assert "¥240,000.00" not in text  # others' amounts stay with the managers
    assert NO_TARGET_ZH in text
    assert "你的名次：第 4 名（共 4 名），达成率 0.0%（¥0.00 / 目标 ¥80,000.00）。" in text


def test_top3_mode_shows_a_rep_the_top_three_and_only_their_own_rank_beyond(loaded, desk):
    privacy(loaded, "华东 East", "top3")
    text = board(desk, ZHAO)

    assert lines_in(text, RANKS_ZH) == RANKS_ZH[:3]
    assert "4. 赵磊" not in text
    assert "共 4 人参与排名，这里显示前三名。" in text
    assert "你的名次：第 4 名（共 4 名），达成率 0.0%" in text

    tied = board(desk, CHEN)
    assert (
        "你的名次：并列第 1 名（共 4 名），达成率 120.0%（¥240,000.00 / 目标 ¥200,000.00）。"
        in tied
    )
    assert "Han Meimei" not in tied  # who has no target is not the others' business here


def test_none_mode_shows_a_rep_only_their_own_rank(loaded, desk):
    privacy(loaded, "华东 East", "none")
    text = board(desk, LI)

    assert lines_in(text, RANKS_ZH) == []
    assert "王芳" not in text and "陈杰" not in text
    assert "本团队的排行榜不公开：你只能看到自己的名次。" in text
    assert "你的名次：第 3 名（共 4 名），达成率 94.2%（¥47,100.00 / 目标 ¥50,000.00）。" in text


@pytest.mark.parametrize("mode", ["everyone", "top3", "none"])
def test_a_rep_without_a_target_is_told_so_in_english(loaded, desk, mode):
    privacy(loaded, "华东 East", mode)
    text = board(desk, HAN)
    assert "You have no order amount target for 2026-11, so you are not ranked." in text
    assert "Your rank" not in text


def test_an_admin_sees_every_team_or_the_one_named(desk):
    every = board(desk, ADMIN)  # this month: nobody has a December target
    assert "Leaderboards · order amount" in every
    assert "华东 East" in every and "Export 外贸" in every

    november = board(desk, ADMIN, "2026-11")
    assert "1. Emma Davis · 50.0% · CN¥5,000.00 of CN¥10,000.00" in november
    assert "1. 王芳 · 120.0% (tied) · CN¥120,000.00 of CN¥100,000.00" in november

    export = board(desk, ADMIN, "2026-11 Export")
    assert "Leaderboard · order amount · 2026-11 · Export 外贸" in export
    assert "王芳" not in export


def test_a_rep_cannot_see_another_teams_board(desk):
    text = board(desk, WANG, "2026-11 Export")
    assert "你只能查看本团队的排行榜，不能查看Export 外贸的。" in text
    assert "Emma" not in text


# -- the weekly post --------------------------------------------------------------------------


def run_weekly(db, at: datetime = MONDAY) -> int:
    """The weekly leaderboard as two replicas run it, then a restart runs it again."""
    replicas = [JobRunner(db, "UTC", "en"), JobRunner(db, "UTC", "en")]
    queued = 0
    for runner in (*replicas, JobRunner(db, "UTC", "en")):
        queued += sum(result.queued for result in runner.run("weekly-leaderboard", at))
    return queued


def sent(db, slack) -> dict[str, list[str]]:
    """Once the outbox has delivered everything: channel or user → the texts posted there."""
    eventually(lambda: pending(db), lambda n: n == 0, timeout=30)
    posted: dict[str, list[str]] = {}
    for call in slack.calls_to("chat.postMessage"):
        posted.setdefault(call.args["channel"], []).append(message_text(call.args))
    return posted


def pending(db) -> int:
    with db.session() as session:
        rows = session.exec(select(Notification.status)).all()
    return sum(1 for status in rows if status != "sent")


def test_everyone_mode_posts_the_whole_board_in_the_channel_once(loaded, desk, slack):
    privacy(loaded, "华东 East", "everyone")
    privacy(loaded, "Export 外贸", "everyone")

    assert run_weekly(loaded) == 2  # one post per team, whatever the number of runs
    posted = sent(loaded, slack)

    assert set(posted) == {EAST_CHANNEL, EXPORT_CHANNEL}
    [east] = posted[EAST_CHANNEL]
    assert lines_in(east, RANKS_ZH) == RANKS_ZH
    assert NO_TARGET_ZH in east
    assert "¥" not in east  # the channel sees percents, never amounts


def test_top3_mode_posts_the_top_three_and_tells_each_rep_their_rank(loaded, desk, slack):
    privacy(loaded, "Export 外贸", "none")

    assert run_weekly(loaded) == 1 + 5 + 1 + 1  # East: channel and 5 reps; Export: Emma, Sarah
    posted = sent(loaded, slack)

    [east] = posted[EAST_CHANNEL]
    assert lines_in(east, RANKS_ZH) == RANKS_ZH[:3]
    assert "赵磊" not in east and "Han Meimei" not in east
    assert "每位销售已私下收到自己的名次。" in east
    assert [len(posted[rep]) for rep in EAST_REPS] == [1, 1, 1, 1, 1]
    assert (
        "你的名次：第 4 名（共 4 名），达成率 0.0%（¥0.00 / 目标 ¥80,000.00）。" in posted[ZHAO][0]
    )
    assert "你的名次：并列第 1 名（共 4 名），达成率 120.0%" in posted[WANG][0]
    assert "You have no order amount target for 2026-11" in posted[HAN][0]
    assert MANAGER not in posted  # the manager sees the channel's post and /leaderboard


def test_none_mode_posts_nothing_in_the_channel_ranks_privately_and_the_board_to_the_manager(
    loaded, desk, slack
):
    privacy(loaded, "华东 East", "none")
    privacy(loaded, "Export 外贸", "none")

    assert run_weekly(loaded) == 5 + 1 + 1 + 1
    posted = sent(loaded, slack)

    assert EAST_CHANNEL not in posted and EXPORT_CHANNEL not in posted
    assert (
        "你的名次：第 3 名（共 4 名），达成率 94.2%（¥47,100.00 / 目标 ¥50,000.00）。"
        in posted[LI][0]
    )
    assert "王芳" not in posted[LI][0]
    [manager] = posted[MANAGER]
    assert lines_in(manager, BOARD_ZH) == BOARD_ZH
    assert NO_TARGET_ZH in manager
    assert "只有你能看到完整排行" in manager
    [sarah] = posted[EXPORT_MANAGER]
    assert "1. Emma Davis · 50.0% · CN¥5,000.00 of CN¥10,000.00" in sarah


def test_a_week_is_posted_once_and_a_month_without_targets_not_at_all(loaded, desk, slack):
    privacy(loaded, "华东 East", "everyone")
    privacy(loaded, "Export 外贸", "everyone")
    assert run_weekly(loaded) == 2
    next_monday = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)  # December: nobody has a target
    assert run_weekly(loaded, next_monday) == 0
    assert run_weekly(loaded, datetime(2026, 12, 1, 1, 0, tzinfo=UTC)) == 0  # same week


# -- the weekly review ------------------------------------------------------------------------


def test_the_weekly_review_has_attainment_per_rep_and_the_board(loaded, desk, slack):
    for runner in (JobRunner(loaded, "UTC", "en"), JobRunner(loaded, "UTC", "en")):
        runner.run("weekly-report", MONDAY)
    posted = sent(loaded, slack)

    [review] = posted[MANAGER]
    assert "目标达成 · 2026年11月" in review
    assert "王芳：订单额 120.0%" in review
    assert "赵磊：订单额 0.0%" in review
    assert "Han Meimei：订单额 无目标" in review
    assert lines_in(review, BOARD_ZH) == BOARD_ZH
