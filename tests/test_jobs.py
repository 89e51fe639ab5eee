"""Scheduled work driven the way an operator and the scheduler drive it: `salesdesk jobs run`
at fixed clocks, the posts read back from the Slack stand-in."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from bot.cli import main
from jobs.runner import JobRunner
from jobs.scheduler import JobScheduler
from storage.imports import import_csv
from storage.models import (
    AuditEntry,
    Meeting,
    MeetingAttendee,
    Member,
    Notification,
    SalesOrder,
    SampleRequest,
    Team,
    Visit,
)

EAST, EXPORT = "C0EAST0001", "C0EXPORT01"


@pytest.fixture
def operator(demo_db, slack, monkeypatch):
    """Runs `salesdesk …` in-process against the demo database and the stand-in."""
    monkeypatch.setenv("DATABASE_URL", demo_db.url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-jobs")
    monkeypatch.setenv("SLACK_API_URL", slack.api_url)
    for name in ("SALESDESK_LOCALE", "SALESDESK_TIMEZONE", "SALESDESK_ADMINS"):
        monkeypatch.delenv(name, raising=False)

    def run(*args: str) -> int:
        return main(list(args))

    return run


def posts_to(slack, channel: str) -> list:
    return [c for c in slack.calls_to("chat.postMessage") if c.args["channel"] == channel]


def texts(call) -> str:
    parts = [call.args.get("text", "")]
    for block in call.args.get("blocks", []):
        for obj in [block.get("text"), *block.get("fields", []), *block.get("elements", [])]:
            if isinstance(obj, dict) and "text" in obj:
                parts.append(obj["text"] if isinstance(obj["text"], str) else obj["text"]["text"])
    return "\n".join(parts)


def set_promised(db, number: str, promised):
    with db.session() as session:
        order = session.exec(select(SalesOrder).where(SalesOrder.number == number)).one()
        order.promised_ship_on = promised


def test_the_daily_digest_is_posted_once_per_team_channel(operator, slack, demo_db, capsys):
    assert operator("jobs", "run", "daily-digest", "--at", "2026-11-23T08:30+08:00") == 0
    assert "message(s) queued" in capsys.readouterr().out
    [east] = posts_to(slack, EAST)
    [export] = posts_to(slack, EXPORT)
    assert "Stand-up · East 华东" in texts(east)
    assert "Stand-up · Export" in texts(export)
    assert operator("jobs", "run", "daily-digest", "--at", "2026-11-23T08:45+08:00") == 0
    assert "nothing to post: already done for that period" in capsys.readouterr().out
    assert len(posts_to(slack, EAST)) == len(posts_to(slack, EXPORT)) == 1


def test_the_digest_lists_late_orders_with_their_rep_and_yesterdays_work(operator, slack, demo_db):
    today = datetime(2026, 11, 23, 8, 30, tzinfo=UTC)
    set_promised(demo_db, "1234", today.date() - timedelta(days=3))
    with demo_db.session() as session:
        rep = session.exec(select(Member).where(Member.slack_user_id == "UREP00001")).one()
        session.add(
            Visit(
                rep_id=rep.id,
                customer_id=1,
                at=today - timedelta(hours=20),
                channel="call",
                summary="pricing",
            )
        )
    operator("jobs", "run", "daily-digest", "--at", today.isoformat())
    text = texts(posts_to(slack, EAST)[0])
    assert "Late orders" in text and "1234 · 上海华联机械有限公司 · 王芳 Wang Fang" in text
    assert "王芳 Wang Fang 1" in text
    [brief] = [c for c in slack.calls_to("chat.postMessage") if c.args["channel"] == "UREP00001"]
    assert "您的逾期订单" in texts(brief) and "1234" in texts(brief)


def test_the_digest_speaks_the_team_language(operator, slack, demo_db):
    operator("settings", "set", "East 华东", "locale=zh-CN")
    operator("jobs", "run", "daily-digest", "--at", "2026-11-23T08:30+08:00")
    assert "晨会 · East 华东" in texts(posts_to(slack, EAST)[0])
    assert "Stand-up · Export" in texts(posts_to(slack, EXPORT)[0])


def test_time_zones_put_two_teams_on_different_dates(operator, slack, capsys):
    operator("jobs", "run", "daily-digest", "--at", "2026-11-22T20:00+00:00")
    out = capsys.readouterr().out
    assert "East 华东 · 2026-11-23" in out
    assert "Export · 2026-11-22" in out
    assert "Nov 23, 2026" in texts(posts_to(slack, EAST)[0])
    assert "Nov 22, 2026" in texts(posts_to(slack, EXPORT)[0])


def test_a_team_with_nothing_to_report_gets_an_all_clear(operator, slack, demo_db):
    with demo_db.session() as session:
        session.add(Team(name="Quiet", slack_channel_id="C0QUIET001"))
    operator("jobs", "run", "daily-digest", "--at", "2026-11-23T09:00+00:00")
    assert "All clear" in texts(posts_to(slack, "C0QUIET001")[0])


def test_escalations_go_up_once_per_item_and_level(operator, slack, demo_db):
    at = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    set_promised(demo_db, "1236", at.date() - timedelta(days=3))
    operator("jobs", "run", "escalations", "--at", at.isoformat())
    to_rep = [c for c in slack.calls_to("chat.postMessage") if "1236" in c.args["text"]]
    assert [c.args["channel"] for c in to_rep] == ["UREP00001"]
    assert "3 天" in to_rep[0].args["text"]
    operator("jobs", "run", "escalations", "--at", (at + timedelta(minutes=15)).isoformat())
    assert len([c for c in slack.calls_to("chat.postMessage") if "1236" in c.args["text"]]) == 1
    operator("jobs", "run", "escalations", "--at", (at + timedelta(days=2)).isoformat())
    later = [c for c in slack.calls_to("chat.postMessage") if "1236" in c.args["text"]]
    assert [c.args["channel"] for c in later] == ["UREP00001", "UMGR00001"]


def test_a_sample_waiting_too_long_goes_to_the_manager(operator, slack, demo_db):
    at = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    with demo_db.session() as session:
        rep = session.exec(select(Member).where(Member.slack_user_id == "UREP00003")).one()
        session.add(
            SampleRequest(
                rep_id=rep.id,
                customer_id=4,
                product="Bracket",
                quantity=5,
                created_at=at - timedelta(hours=25),
            )
        )
    operator("jobs", "run", "escalations", "--at", at.isoformat())
    [call] = [c for c in slack.calls_to("chat.postMessage") if "Bracket" in c.args["text"]]
    assert call.args["channel"] == "UMGR00002"
    assert "more than 24 hours" in call.args["text"]


def test_meeting_reminders_reach_each_attendee_once(operator, slack, demo_db):
    at = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    with demo_db.session() as session:
        meeting = Meeting(
            organiser_id=1,
            title="Pricing review",
            starts_at=at + timedelta(minutes=10),
            ends_at=at + timedelta(minutes=70),
        )
        session.add(meeting)
        session.flush()
        for who in ("UREP00001", "UMGR00001"):
            session.add(MeetingAttendee(meeting_id=meeting.id, slack_user_id=who))
    for minutes in (0, 5):
        operator("jobs", "run", "reminders", "--at", (at + timedelta(minutes=minutes)).isoformat())
    calls = [c for c in slack.calls_to("chat.postMessage") if "Pricing review" in c.args["text"]]
    assert sorted(c.args["channel"] for c in calls) == ["UMGR00001", "UREP00001"]


def test_the_weekly_report_reaches_each_manager(operator, slack, demo_db):
    operator("jobs", "run", "weekly-report", "--at", "2026-11-23T09:00+08:00")
    [report] = [c for c in slack.calls_to("chat.postMessage") if c.args["channel"] == "UMGR00001"]
    text = texts(report)
    assert "周报" in text or "Weekly review" in text
    assert "王芳 Wang Fang" in text


def test_a_missed_digest_is_made_up_once_within_the_grace_period(demo_db, caplog):
    runner = JobRunner(demo_db)
    queued = []
    scheduler = JobScheduler(runner, on_queued=lambda: queued.append(1))
    # Export posts at 09:00 London; the bot comes back at 10:30 (made up) …
    scheduler.catch_up(datetime(2026, 11, 23, 10, 30, tzinfo=UTC))
    scheduler.catch_up(datetime(2026, 11, 23, 10, 35, tzinfo=UTC))
    with demo_db.session() as session:
        keys = list(
            session.exec(select(Notification.key).where(Notification.kind == "daily_digest"))
        )
    assert len([k for k in keys if k.endswith("2026-11-23") and ":2:" in k]) == 1
    # … but not when it comes back the next day at 15:00, past the three hours.
    with caplog.at_level("WARNING"):
        scheduler.catch_up(datetime(2026, 11, 24, 15, 0, tzinfo=UTC))
    assert "skipped daily-digest for Export" in caplog.text


def test_admins_change_team_settings_from_slack(desk, demo_db):
    reply = desk.command(
        "/desk", "set Export digest_time=7:45 sample_approval_hours=12", "UADMIN0001"
    )
    assert "digest_time=07:45" in reply.text()
    with demo_db.session() as session:
        team = session.exec(select(Team).where(Team.name == "Export")).one()
        audit = session.exec(select(AuditEntry).where(AuditEntry.entity == "team")).one()
    assert team.digest_time == "07:45" and team.settings["sample_approval_hours"] == 12
    assert audit.before == {"digest_time": "09:00", "sample_approval_hours": 24}
    assert "sample_approval_hours = 12" in desk.command("/desk", "settings", "UADMIN0001").text()


def test_settings_are_validated_and_only_admins_change_them(desk, demo_db):
    assert (
        "must be a whole number from 1 to 720"
        in desk.command("/desk", "set Export sample_approval_hours=0", "UADMIN0001").text()
    )
    assert (
        "not a time zone"
        in desk.command("/desk", "set Export timezone=Mars/Base", "UADMIN0001").text()
    )
    assert (
        "no team called"
        in desk.command("/desk", "set Nowhere digest_time=08:00", "UADMIN0001").text()
    )
    assert "只有管理员" in desk.command("/desk", "set Export digest_time=08:00", "UMGR00001").text()
    with demo_db.session() as session:
        assert session.exec(select(AuditEntry)).first() is None


# --- each rep's own calendar ---------------------------------------------------------------------
# East 华东 runs on Shanghai time (UTC+8) and posts at 08:30. Two of its reps live elsewhere: one
# in London (UTC+0 in November), one in Los Angeles (UTC-8). A date a rep writes is the rep's
# date; each is reminded on that day, from 08:30 on their own clock.
FAR_REPS = """\
slack_user_id,name,role,team,manager_slack_id,timezone,locale
UREPLON01,Tom Reed,rep,East 华东,UMGR00001,Europe/London,en
UREPLAX01,Ana Cruz,rep,East 华东,UMGR00001,America/Los_Angeles,en
"""
FAR_CUSTOMERS = """\
code,name,owner_slack_id,tier
C-7001,Thames Valley Pumps Ltd,UREPLON01,C
C-7002,Pacific Rim Fasteners Inc,UREPLAX01,C
"""
FAR_INVOICES = """\
number,customer_code,amount,currency,issued_on,due_on
INV-LAX-1,C-7002,"4,800.00",USD,2026-10-27,2026-11-26
"""


@pytest.fixture
def far_reps(demo_db, tmp_path):
    for kind, content in (
        ("members", FAR_REPS),
        ("customers", FAR_CUSTOMERS),
        ("invoices", FAR_INVOICES),
    ):
        path = tmp_path / f"{kind}.csv"
        path.write_text(content, encoding="utf-8")
        assert not import_csv(demo_db, kind, path).rejected
    with demo_db.session() as session:
        ids = dict(session.exec(select(Member.slack_user_id, Member.id)).all())
    return ids


def follow_up(db, rep_id: int, due: str, step: str) -> None:
    with db.session() as session:
        session.add(
            Visit(
                rep_id=rep_id,
                customer_id=1,
                at=datetime(2026, 11, 20, 3, 0, tzinfo=UTC),
                channel="call",
                summary="pricing",
                next_step=step,
                next_step_due=datetime.fromisoformat(due).date(),
            )
        )


def reminded(db, kind: str) -> list[tuple[str, dict]]:
    with db.session() as session:
        rows = session.exec(select(Notification).where(Notification.kind == kind)).all()
    return sorted((n.channel, n.params) for n in rows)


def test_each_rep_is_reminded_of_a_follow_up_on_their_own_calendar_day(demo_db, far_reps):
    for rep in ("UREP00001", "UREPLON01", "UREPLAX01"):
        follow_up(demo_db, far_reps[rep], "2026-11-23", f"call back {rep}")
    runner = JobRunner(demo_db)

    def who_at(moment: str) -> list[str]:
        runner.run("reminders", datetime.fromisoformat(moment))
        return [channel for channel, _ in reminded(demo_db, "follow_up_due")]

    # 08:30 in Shanghai on the 23rd; London is at 00:30, Los Angeles still on the 22nd.
    assert who_at("2026-11-23T00:30+00:00") == ["UREP00001"]
    assert who_at("2026-11-23T08:25+00:00") == ["UREP00001"]
    # 08:30 in London.
    assert who_at("2026-11-23T08:30+00:00") == ["UREP00001", "UREPLON01"]
    # 08:30 in Los Angeles on the 23rd, when Shanghai is already on the 24th.
    assert who_at("2026-11-23T16:30+00:00") == ["UREP00001", "UREPLAX01", "UREPLON01"]
    assert {params["due"] for _, params in reminded(demo_db, "follow_up_due")} == {"2026-11-23"}


def test_a_sample_needed_soon_is_counted_on_its_rep_s_calendar(demo_db, far_reps):
    with demo_db.session() as session:
        session.add(
            SampleRequest(
                rep_id=far_reps["UREPLON01"],
                customer_id=1,
                product="Seal kit",
                quantity=2,
                needed_by=datetime(2026, 11, 26).date(),
            )
        )
    runner = JobRunner(demo_db)
    # Three days ahead on Shanghai's calendar, but it is 00:30 on the 23rd in London.
    runner.run("reminders", datetime(2026, 11, 23, 0, 30, tzinfo=UTC))
    assert reminded(demo_db, "sample_needed_soon") == []
    # 08:30 on the 23rd in London: three days before the 26th on the rep's calendar.
    runner.run("reminders", datetime(2026, 11, 23, 8, 30, tzinfo=UTC))
    [(channel, params)] = reminded(demo_db, "sample_needed_soon")
    assert (channel, params["needed_by"]) == ("UREPLON01", "2026-11-26")


def test_an_invoice_falling_due_counts_days_on_its_rep_s_calendar(demo_db, far_reps):
    runner = JobRunner(demo_db)
    # 08:30 on the 23rd in Shanghai is 16:30 on the 22nd in Los Angeles: four days to the 26th.
    runner.run("reminders", datetime(2026, 11, 23, 0, 30, tzinfo=UTC))
    assert reminded(demo_db, "invoice_due_soon") == []
    # 08:30 on the 23rd in Los Angeles (00:30 on the 24th in Shanghai): three days.
    runner.run("reminders", datetime(2026, 11, 23, 16, 30, tzinfo=UTC))
    [(channel, params)] = reminded(demo_db, "invoice_due_soon")
    assert (channel, params["days_left"], params["due_on"]) == ("UREPLAX01", 3, "2026-11-26")


def test_a_late_order_escalates_by_its_rep_s_calendar(demo_db, far_reps, tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text(
        "number,customer_code,status,amount,currency,ordered_on,promised_ship_on\n"
        "LAX-9,C-7002,in_production,1200,USD,2026-11-01,2026-11-20\n",
        encoding="utf-8",
    )
    assert not import_csv(demo_db, "orders", path).rejected
    runner = JobRunner(demo_db)
    # Shanghai's 23rd is three days past the 20th; in Los Angeles it is still the 22nd.
    runner.run("escalations", datetime(2026, 11, 23, 0, 30, tzinfo=UTC))
    assert [
        p for _, p in reminded(demo_db, "escalation_order_late") if p["number"] == "LAX-9"
    ] == []
    runner.run("escalations", datetime(2026, 11, 23, 16, 30, tzinfo=UTC))
    [late] = [p for _, p in reminded(demo_db, "escalation_order_late") if p["number"] == "LAX-9"]
    assert late["days_late"] == 3 and late["level"] == "rep"


def test_a_weekly_report_for_sixty_reps_stays_within_slacks_fifty_blocks(
    operator, slack, demo_db, tmp_path
):
    members = tmp_path / "members.csv"
    rows = [f"UBIG{n:05d},销售{n:02d} Rep {n},rep,East 华东,zh-CN" for n in range(60)]
    members.write_text("slack_user_id,name,role,team,locale\n" + "\n".join(rows) + "\n")
    assert operator("import", "members", str(members)) == 0
    operator("jobs", "run", "weekly-report", "--at", "2026-11-23T09:00+08:00")
    [report] = [c for c in slack.calls_to("chat.postMessage") if c.args["channel"] == "UMGR00001"]
    assert len(report.args["blocks"]) <= 50
    text = texts(report)
    assert all(f"销售{n:02d} Rep {n}" in text for n in range(60))
    assert "王芳 Wang Fang" in text
