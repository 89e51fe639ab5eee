"""The App Home tab over signed HTTP: each role's dashboard, its buttons, and its refresh
through the outbox after a change."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlmodel import select

from commands.home_refresh import refresh_home
from harness import eventually
from storage.models import (
    Customer,
    Meeting,
    MeetingAttendee,
    Member,
    Notification,
    SampleRequest,
    Visit,
)

ADMIN = "UADMIN0001"
MANAGER_EAST = "UMGR00001"
DESK_EAST = "UDESK0001"
DESK_EXPORT = "UDESK0002"
REP_EAST = "UREP00001"  # owns C-1001, C-1002; late order 1234
REP_EAST_2 = "UREP00002"  # owns C-1003; late order 1238
REP_EXPORT = "UREP00003"  # owns C-2001, C-2002; late order EX-502


def midday_zone() -> str:
    """A zone where it is around noon now, so "today" and "in two hours" are the same day."""
    offset = 12 - datetime.now(UTC).hour
    return "UTC" if offset == 0 else f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"


def member(session, slack_id: str) -> Member:
    return session.exec(select(Member).where(Member.slack_user_id == slack_id)).one()


def customer(session, code: str) -> Customer:
    return session.exec(select(Customer).where(Customer.code == code)).one()


@pytest.fixture
def workday(demo_db):
    """Follow-ups, samples and meetings for today, with everyone's clock at about noon."""
    zone = midday_zone()
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    with demo_db.session() as session:
        for slack_id in (ADMIN, MANAGER_EAST, DESK_EAST, DESK_EXPORT, REP_EAST, REP_EXPORT):
            member(session, slack_id).timezone = zone
        today = now.astimezone(_zone(zone)).date()
        east, east_2 = member(session, REP_EAST), member(session, REP_EAST_2)
        export = member(session, REP_EXPORT)
        session.add_all(
            [
                _visit(east, customer(session, "C-1001"), "发报价单", today),
                _visit(east, customer(session, "C-1002"), "next month", today + timedelta(10)),
                _visit(east_2, customer(session, "C-1003"), "回访样品", today - timedelta(3)),
                _visit(export, customer(session, "C-2001"), "Send catalogue", today),
                _sample(east, customer(session, "C-1001"), "阀门 V-20", "requested"),
                _sample(east, customer(session, "C-1002"), "传感器 S-1", "shipped"),
                _sample(east, customer(session, "C-1002"), "Old", "delivered"),
                _sample(export, customer(session, "C-2001"), "Pump P-7", "approved"),
            ]
        )
        meeting = Meeting(
            organiser_id=east.id,
            title="Daily check-in",
            starts_at=now + timedelta(hours=1),
            ends_at=now + timedelta(hours=1, minutes=30),
            place="Zoom",
        )
        session.add(meeting)
        session.flush()
        for slack_id in (REP_EAST, DESK_EXPORT):
            session.add(MeetingAttendee(meeting_id=meeting.id, slack_user_id=slack_id))
    return demo_db


def _zone(name: str):
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)


def _visit(rep: Member, to: Customer, step: str, due: date) -> Visit:
    return Visit(
        rep_id=rep.id,
        customer_id=to.id,
        at=datetime.now(UTC) - timedelta(days=7),
        channel="visit",
        summary="visit",
        next_step=step,
        next_step_due=due,
    )


def _sample(rep: Member, to: Customer, product: str, status: str) -> SampleRequest:
    return SampleRequest(
        rep_id=rep.id,
        customer_id=to.id,
        product=product,
        quantity=Decimal("2"),
        status=status,
        needed_by=date(2030, 3, 1),
    )


def open_home(desk, user: str) -> dict:
    """Open the App Home tab as `user`; the view Slack was asked to publish."""
    desk.slack.reset()
    reply = desk.event({"type": "app_home_opened", "user": user, "channel": "D01", "tab": "home"})
    assert reply.status == 200
    [published] = desk.slack.wait_for("views.publish")
    assert published.args["user_id"] == user
    assert published.args["view"]["type"] == "home"
    return published.args["view"]


def headers(view: dict) -> list[str]:
    return [b["text"]["text"] for b in view["blocks"] if b["type"] == "header"]


def text(view: dict) -> str:
    parts = []
    for block in view["blocks"]:
        if isinstance(block.get("text"), dict):
            parts.append(block["text"]["text"])
        for element in block.get("elements", []):
            label = element.get("text")
            parts.append(label["text"] if isinstance(label, dict) else label or "")
    return "\n".join(parts)


def buttons(view: dict) -> list[str]:
    return [e["action_id"] for b in view["blocks"] if b["type"] == "actions" for e in b["elements"]]


def test_a_rep_sees_late_orders_follow_ups_meetings_and_samples(desk, workday):
    view = open_home(desk, REP_EAST)
    assert headers(view) == [
        "销售内勤助手 · 王芳 Wang Fang",
        "逾期订单（1）",
        "待跟进事项（1）",
        "您今天的会议（1）",
        "您进行中的样品申请（2）",
    ]
    shown = text(view)
    assert "1234 · 上海华联机械有限公司 · 生产/采购中" in shown and "1238" not in shown
    assert "上海华联机械有限公司：发报价单" in shown and "next month" not in shown
    assert "Daily check-in · Zoom" in shown
    assert "阀门 V-20 · 上海华联机械有限公司 · 待审批" in shown
    assert "传感器 S-1" in shown and "Old" not in shown
    assert buttons(view) == ["home_log_visit", "home_request_sample", "home_book_meeting"]


def test_a_manager_sees_approvals_and_the_team_s_late_items(desk, workday):
    view = open_home(desk, MANAGER_EAST)
    assert headers(view)[1:] == [
        "待您审批的样品（1）",
        "逾期订单（2）",
        "团队逾期未跟进（1）",
        "您今天的会议（0）",
    ]
    shown = text(view)
    assert "阀门 V-20 · 上海华联机械有限公司 · 待审批" in shown and "王芳 Wang Fang" in shown
    assert "1234" in shown and "1238" in shown and "EX-502" not in shown
    assert "苏州新材料科技：回访样品" in shown and "发报价单" not in shown
    assert "今天没有会议" in shown


def test_the_desk_sees_the_team_s_late_orders_and_samples_to_ship(desk, workday):
    view = open_home(desk, DESK_EXPORT)
    assert headers(view)[1:] == [
        "Samples to ship (1)",
        "Late orders (1)",
        "Your meetings today (1)",
    ]
    shown = text(view)
    assert "Pump P-7 · Northwind Trading Ltd · approved, to be shipped" in shown
    assert "EX-502 · Northwind Trading Ltd" in shown and "1234" not in shown
    assert "Daily check-in" in shown
    assert "Sales desk" in shown


def test_an_admin_sees_a_summary(desk, workday):
    view = open_home(desk, ADMIN)
    assert headers(view)[1:] == ["Summary", "Your meetings today (0)"]
    shown = text(view)
    for line in (
        "Late orders: 3",
        "Overdue follow-ups: 1",
        "Samples waiting for approval: 1",
        "Samples waiting to be shipped: 1",
        "Meetings today: 1",
    ):
        assert line in shown


def test_people_who_are_not_members_get_no_home(desk, workday):
    reply = desk.event({"type": "app_home_opened", "user": "UNOBODY01", "tab": "home"})
    assert reply.status == 200
    # The middleware answers before any listener runs, so there is nothing left to wait for.
    assert desk.slack.calls_to("views.publish") == []
    messages = desk.event({"type": "app_home_opened", "user": REP_EAST, "tab": "messages"})
    assert messages.status == 200


def test_the_buttons_open_the_same_forms_as_the_commands(desk, workday):
    for action_id, callback_id in (
        ("home_book_meeting", "meeting_book"),
        ("home_log_visit", "visit_log"),
        ("home_request_sample", "sample_request_form"),
    ):
        desk.slack.reset()
        reply = desk.interact(
            {
                "type": "block_actions",
                "user": REP_EXPORT,
                "container": {"type": "view", "view_id": "VHOME"},
                "view": {"id": "VHOME", "type": "home", "blocks": []},
                "actions": [{"action_id": action_id, "type": "button", "value": action_id}],
            }
        )
        assert reply.status == 200
        [opened] = desk.slack.wait_for("views.open")
        assert opened.args["view"]["callback_id"] == callback_id
        assert opened.args["view"]["title"]["text"] != ""


def test_the_home_is_refreshed_after_a_change_that_concerns_the_member(desk, workday):
    with workday.session() as session:
        meeting_id = session.exec(select(Meeting.id)).one()
    assert "Daily check-in" in text(open_home(desk, DESK_EXPORT))
    desk.slack.reset()
    reply = desk.command("/meeting", f"cancel {meeting_id}", REP_EAST)
    assert "已取消" in reply.text()

    def refreshed(user):
        [call] = desk.slack.wait_for(
            "views.publish", where=lambda call: call.args["user_id"] == user
        )
        return call.args["view"]

    assert "No meetings today." in text(refreshed(DESK_EXPORT))
    assert "今天没有会议。" in text(refreshed(REP_EAST))
    with workday.session() as session:
        refreshes = session.exec(
            select(Notification).where(Notification.kind == "home_refresh")
        ).all()
    assert {n.channel for n in refreshes} == {REP_EAST, DESK_EXPORT}


def test_a_booking_refreshes_every_attendee_s_home(desk, workday):
    start = datetime.now(UTC).replace(second=0, microsecond=0) + timedelta(hours=2)
    values = {
        "title": {"value": {"type": "plain_text_input", "value": "Pricing"}},
        "when": {"value": {"type": "datetimepicker", "selected_date_time": int(start.timestamp())}},
        "duration": {"value": {"type": "plain_text_input", "value": "30m"}},
        "attendees": {"value": {"type": "multi_users_select", "selected_users": [DESK_EAST]}},
    }
    view = {"id": "V1", "type": "modal", "callback_id": "meeting_book", "state": {"values": values}}
    reply = desk.interact({"type": "view_submission", "user": REP_EXPORT, "view": view})
    assert reply.body["response_action"] == "update"
    for user in (REP_EXPORT, DESK_EAST):
        [call] = desk.slack.wait_for(
            "views.publish", where=lambda call, user=user: call.args["user_id"] == user
        )
        assert "Pricing" in text(call.args["view"])


def test_a_refresh_for_someone_who_is_not_a_member_publishes_nothing(desk, workday):
    with workday.session() as session:
        refresh_home(session, "UNOBODY01", "test:1")
        refresh_home(session, "UNOBODY01", "test:1")  # the same change twice: queued once
        refresh_home(session, REP_EAST, "test:1")
    desk.desk.outbox.wake()
    desk.slack.wait_for("views.publish", where=lambda call: call.args["user_id"] == REP_EAST)

    def statuses():
        with workday.session() as session:
            rows = session.exec(select(Notification).where(Notification.kind == "home_refresh"))
            return {n.channel: n.status for n in rows}

    assert eventually(statuses, lambda s: set(s.values()) == {"sent"}) == {
        "UNOBODY01": "sent",
        REP_EAST: "sent",
    }
    publishes = desk.slack.calls_to("views.publish")
    assert [call.args["user_id"] for call in publishes] == [REP_EAST]
