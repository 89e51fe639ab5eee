"""/order change: a change the customer asked for (quantity, specification, delivery date,
other) is logged through a form, the desk of the order's team accepts or declines it with a note
in a form opened from the buttons of its DM (updated in place once decided), the rep and the
customer's owner hear the outcome in their language, and an accepted delivery-date change moves
the order's promised ship date. Driven over signed HTTP the way Slack sends it, against the demo
workspace; messages leave through the outbox and are read from the Slack stand-in's calls."""

from datetime import date, timedelta
from itertools import count as counter

import pytest
from babel.dates import format_date
from sqlmodel import select

from commands.orders import update_order_status
from harness import mrkdwn_texts
from helpers import (
    actor,
    button_values,
    count,
    message_text,
    order,
    posted_to,
    told,
    updated_for,
)
from storage.models import AuditEntry, Member, Notification, OrderChangeRequest, SalesOrder

ADMIN = "UADMIN0001"  # Alex Admin, English, no team
MANAGER_EAST = "UMGR00001"  # 周敏 Zhou Min, Chinese
DESK_EAST = "UDESK0001"  # 李娜 Li Na, Chinese
REP_EAST = "UREP00001"  # 王芳 Wang Fang, Chinese; owns C-1001 (orders 1234, 1235, 1240), C-1002
REP_EAST_2 = "UREP00002"  # 陈杰 Chen Jie, Chinese; owns C-1003 (orders 1238, 1239)
MANAGER_EXPORT = "UMGR00002"  # Sarah Miller, English
DESK_EXPORT = "UDESK0002"  # Tom Baker, English
REP_EXPORT = "UREP00003"  # Emma Davis, English; owns C-2001 (EX-501, EX-502), C-2002
STRANGER = "UNOBODY01"
WAIT = 15.0  # the outbox sends one message a second to any one person
TODAY = date.today()
LATER = TODAY + timedelta(days=20)
REQUEST_FORM, DECIDE_FORM = "order_change_form", "order_change_decide_form"
ACCEPT, DECLINE = "order_change_accept", "order_change_decline"


# -- reading what happened -----------------------------------------------------------------


def changes(db) -> list[OrderChangeRequest]:
    with db.session() as session:
        return list(session.exec(select(OrderChangeRequest).order_by(OrderChangeRequest.id)))


def change(db, change_id: int) -> OrderChangeRequest:
    with db.session() as session:
        return session.get(OrderChangeRequest, change_id)


def audits(db, entity: str, key: str) -> list[AuditEntry]:
    with db.session() as session:
        query = select(AuditEntry).where(AuditEntry.entity == entity, AuditEntry.entity_key == key)
        return list(session.exec(query.order_by(AuditEntry.id)))


def snapshot(db) -> tuple:
    """Everything a refused action must leave as it was."""
    with db.session() as session:
        orders = session.exec(
            select(SalesOrder.number, SalesOrder.status, SalesOrder.promised_ship_on)
        ).all()
    rows = [(c.id, c.status, c.decided_by_id, c.decision_note) for c in changes(db)]
    return sorted(orders), rows, count(db, AuditEntry), count(db, Notification)


def sent_ts(db, key: str) -> str:
    """Where the outbox delivered the notification `key`."""
    with db.session() as session:
        return session.exec(select(Notification.sent_ts).where(Notification.key == key)).one()


def said(reply) -> str:
    return message_text(reply.body) if isinstance(reply.body, dict) else reply.body


def opened_forms(slack, count: int = 1) -> list[dict]:
    return [call.args for call in slack.wait_for("views.open", count=count)]


def medium(day: date, locale: str) -> str:
    return format_date(day, format="medium", locale=locale.replace("-", "_"))


# -- acting the way Slack does ---------------------------------------------------------------

_descriptions = counter(1)


def form_values(
    kind: str | None = "quantity",
    description: str | None = "300 pcs instead of 200",
    reason: str | None = "their line runs a second shift",
    asked_by: str | None = "张伟, purchasing",
    new_ship_on: str | None = None,
) -> dict:
    option = {"text": {"type": "plain_text", "text": kind}, "value": kind} if kind else None
    return {
        "kind": {"value": {"type": "static_select", "selected_option": option}},
        "description": {"value": {"type": "plain_text_input", "value": description}},
        "reason": {"value": {"type": "plain_text_input", "value": reason}},
        "asked_by": {"value": {"type": "plain_text_input", "value": asked_by}},
        "new_ship_on": {"value": {"type": "datepicker", "selected_date": new_ship_on}},
    }


def note_values(note: str | None) -> dict:
    return {"note": {"value": {"type": "plain_text_input", "value": note}}}


def requested(desk, user: str = REP_EAST, number: str = "1234", **fields) -> int:
    """A change request sent through the form; returns its id."""
    fields.setdefault("description", f"300 pcs instead of 200 (#{next(_descriptions)})")
    reply = desk.submit_view(user, REQUEST_FORM, form_values(**fields), number)
    assert reply.body["response_action"] == "update", reply.body
    return changes(desk.desk.db)[-1].id


def decided(desk, user: str, verb: str, change_id: int, note: str | None = None):
    return desk.submit_view(user, DECIDE_FORM, note_values(note), f"{verb}:{change_id}")


def move_order(db, number: str, *statuses: str) -> None:
    for status in statuses:
        with db.session() as session:
            update_order_status(session, actor(db, DESK_EAST), number, status)


# -- the form ---------------------------------------------------------------------------------


def test_bare_order_change_explains_itself_in_both_languages(desk):
    english = said(desk.command("/order", "change", REP_EXPORT))
    assert "/order change 1234" in english and "the desk decides" in english
    chinese = said(desk.command("/order", "变更", REP_EAST))
    assert "订单变更申请" in chinese and "由内勤决定" in chinese
    assert desk.slack.calls_to("views.open") == []


def test_order_change_opens_the_form_with_what_why_and_who(desk):
    reply = desk.command("/order", "change EX-501", REP_EXPORT)
    assert reply.status == 200
    [opened] = opened_forms(desk.slack)
    view = opened["view"]
    assert opened["trigger_id"] and view["callback_id"] == REQUEST_FORM
    assert view["private_metadata"] == "EX-501" and view["title"]["text"] == "Request a change"
    about = view["blocks"][0]["text"]["text"]
    assert "Order EX-501 · Northwind Trading Ltd · " in about
    assert medium(TODAY + timedelta(days=9), "en") in about
    elements = {block["block_id"]: block["element"] for block in view["blocks"][1:]}
    kinds = [option["text"]["text"] for option in elements["kind"]["options"]]
    assert kinds == ["Quantity", "Specification", "Delivery date", "Other"]
    assert elements["description"]["type"] == elements["asked_by"]["type"] == "plain_text_input"
    assert elements["new_ship_on"]["type"] == "datepicker"
    assert "Asked by (at the customer)" in message_text(view)


def test_the_form_speaks_chinese_to_a_chinese_member(desk):
    desk.command("/order", "变更 1234", REP_EAST)
    [opened] = opened_forms(desk.slack)
    view = opened["view"]
    assert view["title"]["text"] == "申请订单变更" and view["submit"]["text"] == "提交给内勤"
    assert "提出人（客户方）" in message_text(view) and "上海华联机械有限公司" in message_text(view)
    kinds = [option["text"]["text"] for option in view["blocks"][1]["element"]["options"]]
    assert kinds == ["数量", "规格", "交期", "其他"]


def test_submitting_asks_the_desk_of_the_orders_team_to_accept_or_decline(desk, demo_db):
    reply = desk.submit_view(REP_EAST, REQUEST_FORM, form_values(), "1234").body
    assert reply["response_action"] == "update"
    [saved] = changes(demo_db)
    done = message_text(reply["view"])
    assert f"订单 1234 的变更申请 #{saved.id} 已提交给内勤：李娜 Li Na" in done
    assert (saved.status, saved.kind, saved.asked_by) == ("pending", "quantity", "张伟, purchasing")
    [entry] = audits(demo_db, "order_change", str(saved.id))
    assert (entry.actor, entry.action, entry.after["order"]) == (REP_EAST, "request", "1234")

    [ask] = posted_to(desk.slack, DESK_EAST, "王芳 Wang Fang 登记了客户提出的变更")
    text = message_text(ask.args)
    assert "数量：300 pcs instead of 200" in text and "原因：their line runs a second shift" in text
    assert button_values(ask.args) == {ACCEPT: str(saved.id), DECLINE: str(saved.id)}
    asked = {c.args["channel"] for c in desk.slack.calls_to("chat.postMessage")}
    assert asked == {DESK_EAST}
    assert order(demo_db, "1234").promised_ship_on == TODAY - timedelta(days=2)


def test_an_export_order_goes_to_the_export_desk_in_english(desk, demo_db):
    change_id = requested(desk, REP_EXPORT, "EX-501", kind="delivery_date", new_ship_on=str(LATER))
    [ask] = posted_to(desk.slack, DESK_EXPORT, "Emma Davis logged a change the customer asked for")
    ship_line = f"{medium(TODAY + timedelta(days=9), 'en')} → {medium(LATER, 'en')}"
    assert f"Promised ship date: {ship_line}" in message_text(ask.args)
    assert button_values(ask.args) == {ACCEPT: str(change_id), DECLINE: str(change_id)}
    assert all(c.args["channel"] == DESK_EXPORT for c in desk.slack.calls_to("chat.postMessage"))


# -- bad input ----------------------------------------------------------------------------------


def test_an_order_you_may_not_see_reads_like_one_that_does_not_exist(desk, demo_db):
    missing = said(desk.command("/order", "change 9999", REP_EAST))
    hidden = said(desk.command("/order", "change EX-501", REP_EAST))
    assert "找不到您可查看的订单 9999" in missing
    assert hidden.replace("EX-501", "N") == missing.replace("9999", "N")
    assert "Northwind" not in hidden
    assert desk.slack.calls_to("views.open") == []
    forged = desk.submit_view(REP_EAST, REQUEST_FORM, form_values(), "EX-501").body
    assert forged["errors"]["description"] == "找不到您可查看的订单 EX-501。"
    assert snapshot(demo_db)[1:] == ([], 0, 0)


@pytest.mark.parametrize(
    ("fields", "field", "expected"),
    [
        ({"description": ""}, "description", "请描述具体变更"),
        ({"description": "   "}, "description", "请描述具体变更"),
        ({"description": "x" * 1001}, "description", "最多 1000 个字符"),
        ({"kind": None}, "kind", "请选择变更内容"),
        ({"asked_by": ""}, "asked_by", "请写明客户方由谁提出"),
        ({"kind": "delivery_date"}, "new_ship_on", "请选择新的承诺发货日期"),
        (
            {"kind": "delivery_date", "new_ship_on": str(TODAY - timedelta(days=3))},
            "new_ship_on",
            "已经过去了，请选择今天或以后的日期",
        ),
        ({"kind": "delivery_date", "new_ship_on": "2026-13-45"}, "new_ship_on", "不是日期"),
        ({"kind": "delivery_date", "new_ship_on": "next week"}, "new_ship_on", "“next week”"),
        (
            {"kind": "delivery_date", "new_ship_on": str(TODAY + timedelta(days=2))},
            "new_ship_on",
            "已经是承诺发货日期了",
        ),
    ],
)
def test_each_bad_field_is_shown_under_it_and_changes_nothing(
    desk, demo_db, fields, field, expected
):
    before = snapshot(demo_db)
    reply = desk.submit_view(REP_EAST, REQUEST_FORM, form_values(**fields), "1240").body
    assert reply["response_action"] == "errors"
    assert expected in reply["errors"][field], reply["errors"]
    assert snapshot(demo_db) == before


def test_every_bad_field_is_shown_at_once_in_english(desk, demo_db):
    values = form_values(kind=None, description="", asked_by="", new_ship_on="soon")
    errors = desk.submit_view(REP_EXPORT, REQUEST_FORM, values, "EX-501").body["errors"]
    assert set(errors) == {"kind", "description", "asked_by", "new_ship_on"}
    assert errors["description"] == "Describe the change."
    assert errors["new_ship_on"] == "“soon” is not a date."
    assert changes(demo_db) == []


def test_a_new_date_goes_with_a_delivery_date_change_only(desk, demo_db):
    values = form_values(kind="quantity", new_ship_on=str(LATER))
    errors = desk.submit_view(REP_EXPORT, REQUEST_FORM, values, "EX-501").body["errors"]
    assert "only for a delivery date change" in errors["new_ship_on"]
    assert changes(demo_db) == []


def test_a_paid_or_cancelled_order_cannot_be_changed(desk, demo_db):
    paid = said(desk.command("/order", "change EX-504", REP_EXPORT))
    assert "Order EX-504 is Paid: it can't be changed any more." in paid
    move_order(demo_db, "1236", "cancelled")
    cancelled = said(desk.command("/order", "变更 1236", REP_EAST))
    assert "订单 1236 的状态是已取消，已不能再变更" in cancelled
    assert desk.slack.calls_to("views.open") == []
    before = snapshot(demo_db)
    stale = desk.submit_view(REP_EAST, REQUEST_FORM, form_values(), "1236").body
    assert "已不能再变更" in stale["errors"]["description"]
    assert snapshot(demo_db) == before


def test_a_shipped_order_keeps_its_ship_date(desk, demo_db):
    values = form_values(kind="delivery_date", new_ship_on=str(LATER))
    errors = desk.submit_view(REP_EAST, REQUEST_FORM, values, "1235").body["errors"]
    assert "订单 1235 已经发货，发货日期不能再改" in errors["new_ship_on"]
    assert changes(demo_db) == []


def test_the_same_form_sent_twice_is_one_request(desk, demo_db):
    values = form_values()
    assert (
        desk.submit_view(REP_EAST, REQUEST_FORM, values, "1234").body["response_action"] == "update"
    )
    [first] = changes(demo_db)
    before = snapshot(demo_db)
    again = desk.submit_view(REP_EAST, REQUEST_FORM, values, "1234").body
    assert (
        f"这项变更已在等待内勤处理：申请 #{first.id}。未重复提交" in again["errors"]["description"]
    )
    assert snapshot(demo_db) == before


# -- deciding -----------------------------------------------------------------------------------


def test_accepting_a_date_change_moves_the_ship_date_updates_the_ask_and_tells_the_rep(
    desk, demo_db
):
    change_id = requested(desk, kind="delivery_date", new_ship_on=str(LATER), reason="产线检修")
    [ask] = posted_to(desk.slack, DESK_EAST, "登记了客户提出的变更")
    desk.click_in_message(DESK_EAST, ACCEPT, str(change_id), ask.args)
    [form] = opened_forms(desk.slack)
    assert form["view"]["callback_id"] == DECIDE_FORM
    assert form["view"]["private_metadata"] == f"accept:{change_id}"
    assert "接受变更" in form["view"]["title"]["text"] and "产线检修" in message_text(form["view"])
    assert change(demo_db, change_id).status == "pending"

    done = decided(desk, DESK_EAST, "accept", change_id, "工厂已确认").body
    assert done["response_action"] == "update"
    assert f"订单 1234 的变更申请 #{change_id} 已接受。已通知：王芳 Wang Fang" in message_text(
        done["view"]
    )
    saved = change(demo_db, change_id)
    assert (saved.status, saved.decision_note) == ("accepted", "工厂已确认")
    assert order(demo_db, "1234").promised_ship_on == LATER
    [moved] = audits(demo_db, "order", "1234")
    assert moved.action == "promised_ship_on" and moved.actor == DESK_EAST
    assert moved.before == {"promised_ship_on": str(TODAY - timedelta(days=2))}
    assert moved.after["promised_ship_on"] == str(LATER)
    assert (moved.after["change_request"], moved.after["reason"]) == (change_id, "产线检修")
    steps = [e.action for e in audits(demo_db, "order_change", str(change_id))]
    assert steps == ["request", "accept"]

    updated = updated_for(desk.slack, DESK_EAST, "✅ 李娜 Li Na 于")
    assert updated["ts"] == sent_ts(demo_db, f"order-change:{change_id}:ask:{DESK_EAST}")
    assert button_values(updated) == {}
    [outcome] = posted_to(desk.slack, REP_EAST, f"变更申请 #{change_id} 已由 李娜 Li Na")
    text = message_text(outcome.args)
    assert "内勤备注：工厂已确认" in text and f"→ {medium(LATER, 'zh-CN')}" in text
    assert medium(LATER, "zh-CN") in said(desk.command("/order", "1234", REP_EAST))
    history = said(desk.command("/order", "change list 1234", REP_EAST))
    assert f"#{change_id} · 订单 1234" in history and "已接受" in history


def test_declining_needs_a_reason_and_leaves_the_order_as_it_was(desk, demo_db):
    change_id = requested(desk, kind="delivery_date", new_ship_on=str(LATER))
    [ask] = posted_to(desk.slack, DESK_EAST, "登记了客户提出的变更")
    desk.click_in_message(DESK_EAST, DECLINE, str(change_id), ask.args)
    [form] = opened_forms(desk.slack)
    assert form["view"]["private_metadata"] == f"decline:{change_id}"
    assert form["view"]["blocks"][1]["optional"] is False
    before = snapshot(demo_db)
    empty = decided(desk, DESK_EAST, "decline", change_id, "  ").body
    assert f"请说明拒绝变更申请 #{change_id} 的原因" in empty["errors"]["note"]
    assert snapshot(demo_db) == before

    done = decided(desk, DESK_EAST, "decline", change_id, "排产已满").body
    assert f"变更申请 #{change_id} 已拒绝" in message_text(done["view"])
    assert change(demo_db, change_id).status == "declined"
    assert order(demo_db, "1234").promised_ship_on == TODAY - timedelta(days=2)
    assert audits(demo_db, "order", "1234") == []
    updated = updated_for(desk.slack, DESK_EAST, "❌ 李娜 Li Na 于")
    assert button_values(updated) == {}
    [outcome] = posted_to(desk.slack, REP_EAST, "拒绝")
    assert "内勤备注：排产已满" in message_text(outcome.args)


def test_the_rep_and_the_customers_owner_are_each_told_in_their_language(desk, demo_db):
    with demo_db.session() as session:
        rep = session.exec(select(Member).where(Member.slack_user_id == REP_EAST_2)).one()
        rep.locale = "en"
        placed = session.exec(select(SalesOrder).where(SalesOrder.number == "1236")).one()
        placed.rep_id = rep.id  # C-1002 is 王芳's; 陈杰 took this order of it
    change_id = requested(desk, DESK_EAST, "1236", kind="specification")
    done = decided(desk, MANAGER_EAST, "accept", change_id).body
    assert "王芳 Wang Fang" in message_text(done["view"]) and "陈杰 Chen Jie" in message_text(
        done["view"]
    )
    posted_to(desk.slack, REP_EAST, f"订单 1236 的变更申请 #{change_id} 已由 周敏 Zhou Min")
    posted_to(desk.slack, REP_EAST_2, f"Change request #{change_id} for order 1236 was accepted")
    posted_to(desk.slack, DESK_EAST, f"变更申请 #{change_id} 已由 周敏 Zhou Min")  # who asked
    updated_for(desk.slack, DESK_EAST, "✅ 周敏 Zhou Min 于")  # and the desk's ask, in place
    assert not any(
        c.args["channel"] == MANAGER_EAST for c in desk.slack.calls_to("chat.postMessage")
    )
    assert order(demo_db, "1236").promised_ship_on == TODAY + timedelta(days=7)


def test_a_second_click_and_a_replayed_decision_change_nothing_and_say_who_decided(desk, demo_db):
    change_id = requested(desk, kind="delivery_date", new_ship_on=str(LATER))
    [ask] = posted_to(desk.slack, DESK_EAST, "登记了客户提出的变更")
    assert decided(desk, DESK_EAST, "accept", change_id).body["response_action"] == "update"
    before = snapshot(demo_db)

    name = desk.click_in_message(DESK_EAST, DECLINE, str(change_id), ask.args)
    assert f"变更申请 #{change_id} 已由 李娜 Li Na 于" in told(desk.slack, name)
    assert desk.slack.calls_to("views.open") == []
    replay = decided(desk, DESK_EAST, "accept", change_id).body
    assert "已由 李娜 Li Na 于" in replay["errors"]["note"]
    assert "未做任何更改" in replay["errors"]["note"]
    late = said(desk.command("/order", f"change decline {change_id}", ADMIN))
    assert f"Change request #{change_id} was already accepted, by 李娜 Li Na" in late
    assert snapshot(demo_db) == before
    assert order(demo_db, "1234").promised_ship_on == LATER


def test_a_date_change_cannot_be_accepted_once_the_order_shipped(desk, demo_db):
    change_id = requested(desk, number="1236", kind="delivery_date", new_ship_on=str(LATER))
    move_order(demo_db, "1236", "in_production", "ready_to_ship", "shipped")
    before = snapshot(demo_db)
    refused = decided(desk, DESK_EAST, "accept", change_id).body
    assert "订单 1236 现在的状态是已发货" in refused["errors"]["note"]
    assert snapshot(demo_db) == before
    assert "已拒绝" in said(desk.command("/order", f"变更 拒绝 {change_id} 已发货", DESK_EAST))


def test_a_forged_button_value_is_refused_politely(desk, demo_db):
    name = desk.click_in_message(DESK_EAST, ACCEPT, "12; DROP TABLE order_change_request")
    assert "处理变更申请时请写明编号" in told(desk.slack, name)
    name = desk.click_in_message(DESK_EAST, ACCEPT, "424242")
    assert "找不到您能查看的变更申请 #424242" in told(desk.slack, name)
    assert desk.slack.calls_to("views.open") == []


# -- who may do what ----------------------------------------------------------------------------

DONE, FORBIDDEN, HIDDEN, NOT_A_MEMBER = "done", "forbidden", "hidden", "not a member"
MAY_REQUEST = {  # for order 1234 (East, 王芳's customer)
    REP_EAST: DONE,
    DESK_EAST: DONE,
    MANAGER_EAST: DONE,
    ADMIN: DONE,
    REP_EAST_2: HIDDEN,
    DESK_EXPORT: HIDDEN,
    MANAGER_EXPORT: HIDDEN,
    REP_EXPORT: HIDDEN,
    STRANGER: NOT_A_MEMBER,
}
MAY_DECIDE = {
    DESK_EAST: DONE,
    MANAGER_EAST: DONE,
    ADMIN: DONE,
    REP_EAST: FORBIDDEN,  # the rep who asked
    REP_EAST_2: HIDDEN,
    DESK_EXPORT: HIDDEN,
    MANAGER_EXPORT: HIDDEN,
    STRANGER: NOT_A_MEMBER,
}
HIDDEN_WORDS = ("can't find", "找不到")


def test_who_may_request_a_change(desk, demo_db):
    for who, expected in MAY_REQUEST.items():
        opened = len(desk.slack.calls_to("views.open"))
        text = said(desk.command("/order", "change 1234", who))
        before = len(changes(demo_db))
        reply = desk.submit_view(who, REQUEST_FORM, form_values(description=f"by {who}"), "1234")
        case = f"{who}: {text} / {reply.body}"
        if expected == DONE:
            assert len(opened_forms(desk.slack, opened + 1)) == opened + 1, case
            assert reply.body["response_action"] == "update", case
            assert changes(demo_db)[-1].requested_by_id is not None, case
            continue
        assert len(changes(demo_db)) == before, case
        assert len(desk.slack.calls_to("views.open")) == opened, case
        if expected == HIDDEN:
            assert any(words in text for words in HIDDEN_WORDS), case
            assert any(words in reply.body["errors"]["description"] for words in HIDDEN_WORDS)
        else:
            assert "not registered" in text, case


def test_who_may_decide_a_change(desk, demo_db):
    for who, expected in MAY_DECIDE.items():
        change_id = requested(desk, description=f"for {who}")
        opened = len(desk.slack.calls_to("views.open"))
        name = desk.click_in_message(who, ACCEPT, str(change_id))
        reply = decided(desk, who, "accept", change_id).body
        case = f"{who}: {reply}"
        if expected == DONE:
            assert len(opened_forms(desk.slack, opened + 1)) == opened + 1, case
            assert reply["response_action"] == "update", case
            assert change(demo_db, change_id).status == "accepted", case
            continue
        assert change(demo_db, change_id).status == "pending", case
        assert len(desk.slack.calls_to("views.open")) == opened, case
        text = told(desk.slack, name)
        if expected == HIDDEN:
            assert any(words in text for words in HIDDEN_WORDS), case
            assert any(words in reply["errors"]["note"] for words in HIDDEN_WORDS), case
        elif expected == FORBIDDEN:
            assert "只有订单所属团队的内勤或主管，或管理员可以处理" in text, case
            assert "只有订单所属团队的内勤或主管" in reply["errors"]["note"], case
        else:
            assert "not registered" in text, case


# -- lists and markup ---------------------------------------------------------------------------


def test_lists_show_what_waits_and_the_history_of_an_order(desk, demo_db):
    waiting = requested(desk, description="蓝色外壳改为灰色", kind="specification")
    settled = requested(desk, description="300 pcs")
    decided(desk, DESK_EAST, "decline", settled, "MOQ is 500")
    pending = said(desk.command("/order", "change list", DESK_EAST))
    assert f"#{waiting} · 订单 1234" in pending and "蓝色外壳改为灰色" in pending
    assert f"#{settled} " not in pending
    assert "No change request you can see" in said(
        desk.command("/order", "change list", DESK_EXPORT)
    )
    history = said(desk.command("/order", "change list 1234", ADMIN))
    assert "Change requests of order 1234 (2)" in history
    assert f"#{settled} · order 1234" in history and "Declined" in history
    hidden = said(desk.command("/order", "change list 1234", REP_EXPORT))
    assert "can't find an order numbered 1234" in hidden and "蓝色" not in hidden


def test_markup_in_what_people_type_is_shown_not_obeyed(desk, demo_db):
    markup = "<!channel> *urgent* <https://evil.example|click>"
    change_id = requested(desk, description=markup, asked_by="<@UADMIN0001>")
    [ask] = posted_to(desk.slack, DESK_EAST, "登记了客户提出的变更")
    assert markup in message_text(ask.args) and "<@UADMIN0001>" in message_text(ask.args)
    assert not any("<!channel>" in text for text in mrkdwn_texts(ask.args))
    assert "<!channel>" not in ask.args["text"]
    decided(desk, DESK_EAST, "decline", change_id, "<!here> no")
    [outcome] = posted_to(desk.slack, REP_EAST, "拒绝")
    assert markup in message_text(outcome.args) and "<!here> no" in message_text(outcome.args)
    assert not any("<!" in text for text in mrkdwn_texts(outcome.args))
    listed = desk.command("/order", "change list 1234", REP_EAST).body
    assert not any("<!channel>" in text for text in mrkdwn_texts(listed))


def test_the_longest_request_and_note_reach_the_rep_in_full(desk, demo_db):
    description, reason, note = "d" * 1000, "r" * 1000, "n" * 999 + "!"
    change_id = requested(desk, description=description, reason=reason)
    decided(desk, DESK_EAST, "decline", change_id, note)
    [outcome] = posted_to(desk.slack, REP_EAST, "拒绝")
    text = message_text(outcome.args)
    assert description in text and reason in text and f"内勤备注：{note}" in text
    updated = updated_for(desk.slack, DESK_EAST, "❌ 李娜 Li Na 于")
    assert note in message_text(updated)
