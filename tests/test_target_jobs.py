"""Targets' scheduled messages: milestone DMs once per (rep, metric, period, level) across two
replicas and a re-run, and the manager's mid-month alert about reps projected under 90 %, once a
month. The clock is the `at` each run is given; the outbox delivers through the Slack stand-in.
Same team and figures as tests/test_attainment.py (by hand there), on SQLite and PostgreSQL.

Friday 16 October 2026 (Shanghai): 王芳 has 64.2 % of her order amount target and 62.5 % of her
shipped amount target (both past 50 %), nothing collected yet; 李雷 20.0 %: no level.
Tuesday 20 October: a 40,000 order lifts 王芳's order amount to 104,240 = 104.2 %: only the
100 % level is told, not 90 % with it; USD 1,000 paid that day × 7.12 = 7,120 of 10,000
collections (71.2 %): the 50 % level.

Thursday 15 October, the alert day, 8 working days of 18 gone for the team less one (7):
- 李雷 (joined the 15th, 1 day of 12 gone): nothing converted yet (his euro order has no rate),
  projected 0.00 of 60,000 (0.0 %): under 90 %.
- 王芳, shipped amount: 50,000 + 20,000 due to ship = 70,000 of 80,000 (87.5 %): under 90 %.
- 王芳, collections: nothing paid before the 20th, projected 0.00 of 10,000 (0.0 %): under.
- 王芳, order amount: 64,240 + 64,240 / 7 × 11 = 165,188.57 (165.2 %): not under.
"""

import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from bot.cli import main
from harness import RunningDesk, eventually
from helpers import import_files, message_text
from jobs.runner import JobRunner
from storage.models import Notification
from test_attainment import EAST, LI, MANAGER, WANG, load

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: int, hour: int = 8, minute: int = 30) -> datetime:
    return datetime(2026, 10, day, hour, minute, tzinfo=SHANGHAI)


@pytest.fixture
def loaded(db, database_url, monkeypatch, tmp_path):
    load(db, database_url, monkeypatch, tmp_path)
    return db


@pytest.fixture
def desk(loaded, slack):
    with RunningDesk(loaded, slack, timezone="Asia/Shanghai") as running:
        yield running


def as_replicas(db, job: str, moment: datetime) -> int:
    """Two replicas firing the same run at once: one claims it, the other finds it done."""
    queued: list[int] = []
    runners = [JobRunner(db, "UTC", "en") for _ in range(2)]
    threads = [
        threading.Thread(
            target=lambda r=runner: queued.append(sum(x.queued for x in r.run(job, moment)))
        )
        for runner in runners
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(queued)


def rerun(database_url, slack, monkeypatch, job: str, moment: datetime) -> None:
    """`salesdesk jobs run JOB --at MOMENT`, as an operator re-runs it."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-jobs")
    monkeypatch.setenv("SLACK_API_URL", slack.api_url)
    assert main(["jobs", "run", job, "--at", moment.isoformat()]) == 0


def delivered(db, slack) -> dict[str, list[str]]:
    eventually(lambda: pending(db), lambda n: n == 0, timeout=30)
    posted: dict[str, list[str]] = {}
    for call in slack.calls_to("chat.postMessage"):
        shown = message_text({"blocks": call.args["blocks"]})  # what is read, not the fallback
        posted.setdefault(call.args["channel"], []).append(shown)
    return posted


def pending(db) -> int:
    with db.session() as session:
        rows = session.exec(select(Notification.status)).all()
    return sum(1 for status in rows if status != "sent")


def test_milestones_are_told_once_per_level_across_replicas_and_reruns(
    loaded, desk, slack, database_url, monkeypatch, tmp_path
):
    assert as_replicas(loaded, "target-milestones", at(16)) == 2
    rerun(database_url, slack, monkeypatch, "target-milestones", at(16))
    assert as_replicas(loaded, "target-milestones", at(17)) == 0  # a new day, nothing new
    posted = delivered(loaded, slack)

    assert LI not in posted  # 20.0 %: no level reached
    assert sorted(posted[WANG]) == [
        "🎯 你2026年10月的发货额目标已完成 62.5%：¥50,000.00 / ¥80,000.00。",
        "🎯 你2026年10月的订单额目标已完成 64.2%：¥64,240.00 / ¥100,000.00。",
    ]  # collections: nothing paid until the 20th

    (tmp_path / "more").mkdir()
    import_files(
        database_url,
        monkeypatch,
        tmp_path / "more",
        {
            "orders": "number,customer_code,status,amount,currency,ordered_on,rep_slack_id\n"
            "SO-2610-07,E-002,confirmed,40000.00,CNY,2026-10-20,\n"
        },
    )
    slack.reset()
    assert as_replicas(loaded, "target-milestones", at(20)) == 2
    assert as_replicas(loaded, "target-milestones", at(21)) == 0
    rerun(database_url, slack, monkeypatch, "target-milestones", at(21))
    posted = delivered(loaded, slack)
    assert set(posted) == {WANG}
    assert sorted(posted[WANG]) == [
        "🎯 你2026年10月的回款目标已完成 71.2%：¥7,120.00 / ¥10,000.00。",
        "🏆 目标达成！你2026年10月的订单额目标已完成 104.2%：¥104,240.00 / ¥100,000.00。干得好！",
    ]
    with loaded.session() as session:
        keys = set(session.exec(select(Notification.key)))
    assert {key for key in keys if key.startswith("target-milestone:") and ":order_amount:" in key}
    assert not any(key.endswith("order_amount:2026-10:90") for key in keys)


def test_the_manager_hears_mid_month_of_reps_projected_under_90_percent_once(
    loaded, desk, slack, database_url, monkeypatch
):
    assert as_replicas(loaded, "projection-alert", at(14)) == 0  # not the alert day
    assert as_replicas(loaded, "projection-alert", at(15)) == 1
    rerun(database_url, slack, monkeypatch, "projection-alert", at(15))
    assert as_replicas(loaded, "projection-alert", at(15, 20)) == 0  # same day, other hour
    posted = delivered(loaded, slack)

    assert set(posted) == {MANAGER}
    [alert] = posted[MANAGER]
    assert "华东 East团队：2026年10月预计完成率低于 90% 的销售" in alert
    assert "王芳 · 回款：¥0.00 / ¥10,000.00（0.0%），预计 ¥0.00（0.0%）" in alert
    assert "李雷 · 订单额：¥0.00 / ¥60,000.00（0.0%），预计 ¥0.00（0.0%） · ⚠️ 不完整" in alert
    assert "王芳 · 发货额：¥50,000.00 / ¥80,000.00（62.5%），预计 ¥70,000.00（87.5%）" in alert
    assert "王芳 · 订单额" not in alert  # projected 165.2 %


def test_the_alert_day_and_threshold_are_the_teams_settings(loaded, desk, slack):
    from commands.team_settings import change_team_settings

    with loaded.session() as session:
        change_team_settings(
            session, None, EAST, {"projection_alert_day": "16", "projection_alert_percent": "50"}
        )
    assert as_replicas(loaded, "projection-alert", at(15)) == 0
    assert as_replicas(loaded, "projection-alert", at(16)) == 1
    [alert] = delivered(loaded, slack)[MANAGER]
    assert "低于 50% 的销售" in alert
    assert "王芳 · 发货额" not in alert  # 87.5 % is not under 50 %
