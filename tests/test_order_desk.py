"""/order driven over signed HTTP, the way Slack sends it, against the demo workspace."""

import time
from datetime import UTC, datetime

import pytest
import sqlalchemy
from sqlmodel import select

from commands.errors import InvalidInput
from commands.orders import CARD_BY_NUMBER, update_order_status
from commands.people import find_actor
from harness import RunningDesk, eventually, mrkdwn_texts
from helpers import count, order
from storage.imports import import_csv
from storage.models import AuditEntry, Notification, OrderStatusChange, SalesOrder

ADMIN = "UADMIN0001"  # English, sees everything
DESK_EAST = "UDESK0001"  # Chinese, team East
DESK_EXPORT = "UDESK0002"  # English, team Export
REP_EAST = "UREP00001"  # owns C-1001 and C-1002
REP_EXPORT = "UREP00003"  # owns C-2001 and C-2002


def test_status_shows_the_order_card_in_english(desk):
    reply = desk.command("/order", "status 1234", ADMIN)
    assert reply.status == 200
    assert reply.body["response_type"] == "ephemeral"
    text = reply.text()
    assert "Order 1234 · 上海华联机械有限公司" in text
    assert "In production · :warning: late" in text
    assert "CN¥128,000.00" in text
    assert "Promised ship date" in text
    assert "Rep 王芳 Wang Fang" in text


def test_status_reads_in_chinese_for_a_chinese_member(desk):
    text = desk.command("/order", "状态 1234", DESK_EAST).text()
    assert "订单 1234" in text
    assert "生产/采购中 · :warning: 已逾期" in text
    assert "¥128,000.00" in text
    assert "承诺发货日期" in text


def test_a_bare_number_is_a_status_lookup(desk):
    assert "Order EX-502" in desk.command("/order", "#EX-502", ADMIN).text()


def test_an_order_you_may_not_see_reads_like_one_that_does_not_exist(desk):
    hidden = desk.command("/order", "status 1234", REP_EXPORT).text()
    missing = desk.command("/order", "status 9999", REP_EXPORT).text()
    assert hidden.replace("1234", "N") == missing.replace("9999", "N")
    assert "上海华联" not in hidden


def test_a_rep_sees_orders_of_their_own_customers(desk):
    assert "Order EX-501" in desk.command("/order", "status EX-501", REP_EXPORT).text()


def test_desk_sees_only_their_team(desk):
    assert "Order EX-501" in desk.command("/order", "status EX-501", DESK_EXPORT).text()
    assert "1234" in desk.command("/order", "status 1234", DESK_EXPORT).text()
    assert "can't find" in desk.command("/order", "status 1234", DESK_EXPORT).text()


def test_list_is_newest_first_and_capped(desk):
    text = desk.command("/order", "list", ADMIN).text()
    assert "Latest orders (12)" in text
    assert "…and 2 more" in text
    assert text.index("EX-505") < text.index("1239")


def test_list_mine_late_and_by_customer(desk):
    mine = desk.command("/order", "list mine", REP_EXPORT).text()
    assert "EX-501" in mine and "1234" not in mine
    late = desk.command("/order", "list late", ADMIN).text()
    assert "Late orders (3)" in late
    assert all(number in late for number in ("1234", "1238", "EX-502"))
    by_customer = desk.command("/order", "list northwind", ADMIN).text()
    assert "EX-501" in by_customer and "EX-503" not in by_customer
    chinese = desk.command("/order", "列表 逾期", DESK_EAST).text()
    assert "逾期订单（2）" in chinese


def test_update_moves_the_order_records_it_and_tells_the_rep(desk, demo_db):
    reply = desk.command("/order", "update 1234 ready_to_ship material arrived", DESK_EAST)
    assert "已从生产/采购中改为待发货" in reply.text()
    assert order(demo_db, "1234").status == "ready_to_ship"
    with demo_db.session() as session:
        change = session.exec(select(OrderStatusChange)).one()
        audit = session.exec(select(AuditEntry)).one()
    assert (change.from_status, change.to_status, change.note) == (
        "in_production",
        "ready_to_ship",
        "material arrived",
    )
    assert (audit.actor, audit.entity_key, audit.before, audit.after["status"]) == (
        DESK_EAST,
        "1234",
        {"status": "in_production"},
        "ready_to_ship",
    )
    [dm] = desk.slack.wait_for("chat.postMessage")
    assert dm.args["channel"] == REP_EAST
    assert "订单 1234" in dm.args["text"] and "待发货" in dm.args["text"]
    assert "material arrived" in dm.args["blocks"][0]["text"]["text"]
    card = desk.command("/order", "1234", ADMIN).text()
    assert "Last change: 李娜 Li Na" in card and "material arrived" in card


def test_the_last_change_reads_in_the_readers_zone_whatever_the_servers(desk, demo_db, monkeypatch):
    with demo_db.session() as session:
        session.add(
            OrderStatusChange(
                order_id=order(demo_db, "1234").id,
                from_status="confirmed",
                to_status="in_production",
                at=datetime(2026, 11, 20, 2, 30, tzinfo=UTC),
            )
        )
    monkeypatch.setenv("TZ", "America/New_York")  # the server's own clock zone
    time.tzset()
    try:
        shanghai = desk.command("/order", "1234", DESK_EAST).text()
        admin = desk.command("/order", "1234", ADMIN).text()
    finally:
        monkeypatch.undo()
        time.tzset()
    assert "2026年11月20日 10:30" in shanghai
    assert "Nov 20, 2026 2:30" in admin  # the admin reads in UTC, the default zone


def test_shipping_stamps_the_ship_date_and_clears_late(desk, demo_db):
    desk.command("/order", "update 1238 shipped SF1234567", DESK_EAST)
    assert order(demo_db, "1238").shipped_on is not None
    assert "late" not in desk.command("/order", "1238", ADMIN).text()


def test_chinese_aliases_update_the_order(desk, demo_db):
    desk.command("/order", "更新 1236 生产中", DESK_EAST)
    assert order(demo_db, "1236").status == "in_production"


def test_an_impossible_step_says_what_is_possible_and_changes_nothing(desk, demo_db):
    text = desk.command("/order", "update 1236 shipped", ADMIN).text()
    assert "Order 1236 is Confirmed, so it can't move to Shipped" in text
    assert "In production, Ready to ship, On hold, Cancelled" in text
    assert order(demo_db, "1236").status == "confirmed"
    assert count(demo_db, AuditEntry) == count(demo_db, Notification) == 0


def test_an_order_on_hold_resumes_where_it_was(desk, demo_db):
    desk.command("/order", "update 1236 on_hold customer asked to wait", ADMIN)
    text = desk.command("/order", "update 1236 delivered", ADMIN).text()
    assert (
        "From here it can go to: Received, Confirmed, In production, Ready to ship, Shipped, "
        "Cancelled." in text
    )
    desk.command("/order", "update 1236 confirmed", ADMIN)
    assert order(demo_db, "1236").status == "confirmed"


def test_the_demo_order_on_hold_without_history_can_be_cancelled(desk, demo_db):
    reply = desk.command("/order", "update 1240 cancelled customer went elsewhere", DESK_EAST)
    assert "已从异常/暂停改为已取消" in reply.text()
    assert order(demo_db, "1240").status == "cancelled"


def test_reps_cannot_update_orders(desk, demo_db):
    text = desk.command("/order", "update 1234 shipped", REP_EAST).text()
    assert "只有销售内勤、主管和管理员可以更新订单" in text
    assert order(demo_db, "1234").status == "in_production"
    assert count(demo_db, AuditEntry) == 0


def test_bare_order_and_help_show_usage(desk):
    for text in ("", "help"):
        assert "/order list late" in desk.command("/order", text, ADMIN).text()
    assert "/order 列表 逾期" in desk.command("/order", "帮助", DESK_EAST).text()


def test_bad_input_gets_a_clear_message_and_changes_nothing(desk, demo_db):
    cases = {
        "frobnicate 1234": "I don't know “frobnicate”",
        "status": "Which order?",
        "status 12@34": "“12@34” is not an order number",
        "update 1234 teleported": "“teleported” is not an order status",
        "update 1234": "give its number and the new status",
        "status " + "9" * 3001: "3000 characters at most",
        "update 1234 shipped " + "x" * 1001: "That note is too long",
        "update 1234 in_production": "already In production",
    }
    for text, expected in cases.items():
        reply = desk.command("/order", text, ADMIN)
        assert reply.status == 200
        assert expected in reply.text(), text
    assert order(demo_db, "1234").status == "in_production"
    assert count(demo_db, AuditEntry) == count(demo_db, Notification) == 0


def test_user_text_is_shown_never_obeyed(desk, demo_db):
    with demo_db.session() as session:
        session.get(SalesOrder, order(demo_db, "1234").id)
        from storage.models import Customer

        customer = session.exec(select(Customer).where(Customer.code == "C-1001")).one()
        customer.name = "<!channel> *Bold* <@U999> & Co"
    for reply in (
        desk.command("/order", "1234", ADMIN),
        desk.command("/order", "list", ADMIN),
        desk.command("/order", "frobnicate<!here>", ADMIN),
    ):
        assert all("<!" not in text and "<@" not in text for text in mrkdwn_texts(reply.body))
    assert "<!channel> *Bold* <@U999> & Co" in desk.command("/order", "1234", ADMIN).text()


def test_people_who_are_not_members_get_a_polite_message_and_no_data(desk):
    reply = desk.command("/order", "list", "UNOBODY01")
    assert "not registered with Sales Desk" in reply.text()
    assert "1234" not in reply.text()


def test_admins_from_settings_are_members_from_their_first_request(desk):
    text = desk.command("/order", "list", "UBOOTADMIN", user_name="Boot Admin").text()
    assert "Latest orders (12)" in text


def test_a_member_without_a_language_gets_slack_s(desk, demo_db):
    from storage.models import Member

    with demo_db.session() as session:
        member = session.exec(select(Member).where(Member.slack_user_id == REP_EXPORT)).one()
        member.locale = None
    desk.slack.add_user(REP_EXPORT, name="Emma", locale="zh-CN")
    assert "订单 EX-501" in desk.command("/order", "EX-501", REP_EXPORT).text()
    assert "订单 EX-501" in desk.command("/order", "EX-501", REP_EXPORT).text()
    assert len(desk.slack.calls_to("users.info")) == 1


def test_a_notification_survives_a_slack_outage(desk, demo_db):
    desk.slack.set_response("chat.postMessage", {"ok": False, "error": "internal_error"})
    desk.command("/order", "update 1237 confirmed", DESK_EAST)
    desk.slack.wait_for("chat.postMessage")

    def read():
        with demo_db.session() as session:
            return session.exec(select(Notification)).one()

    pending = eventually(read, lambda n: n.status == "pending")
    assert pending.status == "pending" and pending.attempts == 1
    assert pending.last_error == "internal_error"
    desk.slack.set_response("chat.postMessage", lambda call: {"ok": True, "ts": "1.1"})
    desk.slack.reset()
    desk.desk.outbox.deliver_due(now=pending.next_attempt_at)
    assert len(desk.slack.calls_to("chat.postMessage")) == 1
    with demo_db.session() as session:
        assert session.exec(select(Notification)).one().status == "sent"


def test_a_non_member_clicking_a_button_is_told_politely_and_nothing_runs(desk):
    reply = desk.interact(
        {
            "type": "block_actions",
            "user": "UNOBODY01",
            "response_url": desk.slack.response_url("stranger"),
            "container": {"type": "message", "message_ts": "1.1", "channel_id": "C0001"},
            "channel": {"id": "C0001"},
            "actions": [
                {
                    "action_id": "anything",
                    "block_id": "b",
                    "type": "button",
                    "value": "1",
                    "action_ts": "1.2",
                }
            ],
        }
    )
    assert reply.status == 200
    [told] = desk.slack.wait_for("response_url")
    assert "not registered with Sales Desk" in told.args["text"]
    assert told.args["response_type"] == "ephemeral"


# --- orders on hold, loaded the way a team loads them ------------------------------------------

TEAM_FILES = {
    "teams": "name,slack_channel_id,timezone,digest_time\n"
    "South 华南,C0SOUTH001,Asia/Shanghai,08:30\n",
    "members": "slack_user_id,name,role,team,timezone,locale\n"
    "UDESK0009,陈静 Chen Jing,desk,South 华南,Asia/Shanghai,zh-CN\n"
    "UREP00009,Tom Reed,rep,South 华南,Europe/London,en\n",
    "customers": "code,name,owner_slack_id,tier\nC-3001,广州明达贸易有限公司,UREP00009,A\n",
}
ON_HOLD_ORDERS = """\
number,customer_code,status,amount,currency,ordered_on,promised_ship_on,shipped_on,delivered_on
SO-2026-1102,C-3001,on_hold,"56,000.00",CNY,2026-11-03,2026-11-20,,
SO-2026-1103,C-3001,暂停,9800,CNY,2026-10-02,2026-10-15,2026-10-14,
SO-2026-1104,C-3001,in_production,12000,CNY,2026-11-01,2026-11-30,,
"""
DESK_SOUTH = "UDESK0009"


def status_changes_audited(db) -> int:
    """Changes made from Slack; the import audits its own rows too."""
    with db.session() as session:
        entries = session.exec(select(AuditEntry).where(AuditEntry.action == "status")).all()
    return len(entries)


def imported(db, tmp_path, kind: str, content: str, name: str = "") -> None:
    path = tmp_path / f"{name or kind}.csv"
    path.write_text(content, encoding="utf-8")
    report = import_csv(db, kind, path)
    assert not report.rejected, report.rejected


@pytest.fixture
def south(db, slack, tmp_path):
    """A team's records imported from CSV files: orders on hold that have no history but the
    import's own row."""
    for kind, content in TEAM_FILES.items():
        imported(db, tmp_path, kind, content)
    imported(db, tmp_path, "orders", ON_HOLD_ORDERS)
    with RunningDesk(db, slack) as running:
        yield running


def test_an_imported_order_on_hold_resumes_at_the_step_the_desk_chooses(south, db):
    reply = south.command(
        "/order", "update SO-2026-1102 confirmed customer paid the deposit", DESK_SOUTH
    )
    assert "已从异常/暂停改为已审核确认" in reply.text()
    assert order(db, "SO-2026-1102").status == "confirmed"
    with db.session() as session:
        [resumed] = session.exec(
            select(AuditEntry).where(
                AuditEntry.entity_key == "SO-2026-1102", AuditEntry.action == "status"
            )
        ).all()
    assert (resumed.before, resumed.after["status"]) == ({"status": "on_hold"}, "confirmed")
    assert "SO-2026-1102" in south.slack.wait_for("chat.postMessage")[0].args["text"]


def test_an_imported_order_on_hold_goes_no_further_than_its_dates_say(south, db):
    text = south.command("/order", "update SO-2026-1102 delivered", "UREP00009").text()
    assert "Only the sales desk" in text
    text = south.command("/order", "update SO-2026-1102 已送达", DESK_SOUTH).text()
    assert "订单 SO-2026-1102 当前为异常/暂停，不能改为已送达" in text
    assert "下一步可以是：已接收、已审核确认、生产/采购中、待发货、已发货、已取消。" in text
    shipped = south.command("/order", "update SO-2026-1103 cancelled", DESK_SOUTH).text()
    assert "不能改为已取消。下一步可以是：已发货、已送达。" in shipped
    assert [order(db, n).status for n in ("SO-2026-1102", "SO-2026-1103")] == ["on_hold"] * 2
    assert status_changes_audited(db) == count(db, Notification) == 0


def test_an_imported_order_on_hold_can_be_cancelled_before_it_ships(south, db):
    south.command("/order", "更新 SO-2026-1102 取消 客户撤单", DESK_SOUTH)
    assert order(db, "SO-2026-1102").status == "cancelled"


def test_resuming_an_order_on_hold_as_shipped_stamps_the_ship_date(south, db):
    south.command("/order", "update SO-2026-1102 shipped SF778899", DESK_SOUTH)
    assert order(db, "SO-2026-1102").shipped_on is not None
    assert "Shipped" in south.command("/order", "SO-2026-1102", "UREP00009").text()


def actor(db, slack_user_id: str):
    with db.reading() as connection:
        return find_actor(
            connection,
            slack_user_id,
            admins=frozenset(),
            default_locale="en",
            default_timezone="UTC",
        )


def test_resume_returns_to_the_step_the_history_says_it_was_held_at(south, db, tmp_path):
    imported(db, tmp_path, "orders", ON_HOLD_ORDERS.replace("in_production", "on_hold"), "held")
    desk = actor(db, DESK_SOUTH)
    with db.session() as session:
        change = update_order_status(session, desk, "SO-2026-1104", "resume", "parts arrived")
    assert (change.from_status, change.to_status) == ("on_hold", "in_production")
    assert order(db, "SO-2026-1104").status == "in_production"


def test_resume_without_history_asks_where_and_changes_nothing(south, db):
    desk = actor(db, DESK_SOUTH)
    for number, key, allowed in (
        ("SO-2026-1102", "order.error.held_step_unknown", ("received", "confirmed")),
        ("SO-2026-1104", "order.error.not_on_hold", None),
    ):
        with pytest.raises(InvalidInput) as refused, db.session() as session:
            update_order_status(session, desk, number, "resume")
        assert refused.value.key == key
        if allowed:
            assert refused.value.params["allowed"][:2] == allowed
    assert order(db, "SO-2026-1102").status == "on_hold"
    assert status_changes_audited(db) == 0


def test_the_card_reads_an_order_s_last_change_through_its_history_index(south, db):
    """The card's newest change comes from index (order_id, id), never a walk down the primary
    key, whatever the statistics say (a team's database right after an import has none)."""
    statement = CARD_BY_NUMBER["everything"].params(number="SO-2026-1102")
    with db.engine.connect() as connection:
        sql = str(statement.compile(connection, compile_kwargs={"literal_binds": True}))
        if connection.dialect.name == "sqlite":
            plan = "\n".join(
                row[-1] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")
            )
        else:
            connection.execute(
                sqlalchemy.text("SET enable_seqscan = off")
            )  # a few rows, as if many
            plan = "\n".join(row[0] for row in connection.exec_driver_sql(f"EXPLAIN {sql}"))
    assert "ix_order_status_change_order_id_id" in plan
    assert "Scan Backward using order_status_change_pkey" not in plan


def test_resume_typed_in_english_or_chinese_returns_an_order_to_the_step_it_was_held_at(south, db):
    assert "/order update 1234 resume" in south.command("/order", "help", "UREP00009").text()
    south.command("/order", "update SO-2026-1104 on_hold waiting for parts", DESK_SOUTH)
    reply = south.command("/order", "更新 SO-2026-1104 恢复 物料已到", DESK_SOUTH)
    assert "订单 SO-2026-1104（广州明达贸易有限公司）已从异常/暂停改为生产/采购中" in reply.text()
    assert order(db, "SO-2026-1104").status == "in_production"
    south.command("/order", "update SO-2026-1104 on_hold waiting again", DESK_SOUTH)
    south.command("/order", "update SO-2026-1104 Resume parts arrived", DESK_SOUTH)
    assert order(db, "SO-2026-1104").status == "in_production"
    with db.session() as session:
        notes = session.exec(
            select(OrderStatusChange.to_status, OrderStatusChange.note)
            .join(SalesOrder, OrderStatusChange.order_id == SalesOrder.id)
            .where(SalesOrder.number == "SO-2026-1104", OrderStatusChange.from_status == "on_hold")
            .order_by(OrderStatusChange.id)
        ).all()
    assert [tuple(row) for row in notes] == [
        ("in_production", "物料已到"),
        ("in_production", "parts arrived"),
    ]


def test_resume_of_an_order_not_on_hold_says_so_and_changes_nothing(south, db):
    text = south.command("/order", "update SO-2026-1104 resume", DESK_SOUTH).text()
    assert "订单 SO-2026-1104 当前为生产/采购中，并未暂停，无需恢复。没有做任何更改。" in text
    assert order(db, "SO-2026-1104").status == "in_production"
    assert status_changes_audited(db) == count(db, Notification) == 0
