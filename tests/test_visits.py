"""/visit, the visit form, the "Log as visit" shortcut and the customer type-ahead, driven over
signed HTTP the way Slack sends them, against the demo workspace."""

import json
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import insert
from sqlmodel import select

from harness import mrkdwn_texts, visible_text
from helpers import button_elements, count, customer_id, member_id
from storage.models import (
    AuditEntry,
    Customer,
    Notification,
    Visit,
    customer_search_text,
)

ADMIN = "UADMIN0001"  # English, no team: UTC
MANAGER_EAST = "UMGR00001"
DESK_EAST = "UDESK0001"  # Chinese, East (Asia/Shanghai)
REP_EAST = "UREP00001"  # Chinese, owns C-1001 上海华联 and C-1002 杭州明达
OTHER_REP_EAST = "UREP00002"  # owns C-1003
MANAGER_EXPORT = "UMGR00002"
DESK_EXPORT = "UDESK0002"
REP_EXPORT = "UREP00003"  # English, Europe/London, owns C-2001 Northwind and C-2002 Bluebird
STRANGER = "UNOBODY01"
SHANGHAI = ZoneInfo("Asia/Shanghai")
FRIDAY = 4


def stored_visits(db) -> list[Visit]:
    with db.session() as session:
        return list(session.exec(select(Visit).order_by(Visit.id)).all())


def coming(weekday: int, zone: ZoneInfo) -> date:
    """The nearest such weekday from today on (today counts), as 'Friday' reads for a due date."""
    today = datetime.now(zone).date()
    return today + timedelta(days=(weekday - today.weekday()) % 7)


def aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def form_values(
    customer: int | None,
    *,
    at: datetime | None = None,
    channel: str = "call",
    summary: str = "Talked about the Q3 price list",
    effective: str = "yes",
    next_step: str | None = None,
    due: str | None = None,
) -> dict:
    moment = at or datetime.now(UTC) - timedelta(hours=1)
    return {
        "customer": {
            "customer_select": {
                "type": "external_select",
                "selected_option": None
                if customer is None
                else {"text": {"type": "plain_text", "text": "x"}, "value": str(customer)},
            }
        },
        "when": {
            "value": {"type": "datetimepicker", "selected_date_time": int(moment.timestamp())}
        },
        "channel": {"value": {"type": "radio_buttons", "selected_option": {"value": channel}}},
        "summary": {"value": {"type": "plain_text_input", "value": summary}},
        "effective": {"value": {"type": "radio_buttons", "selected_option": {"value": effective}}},
        "next_step": {"value": {"type": "plain_text_input", "value": next_step}},
        "next_step_due": {"value": {"type": "datepicker", "selected_date": due}},
    }


def submit(desk, user: str, values: dict):
    return desk.submit_view(user, "visit_log", values)


def click(desk, user: str, action: dict, response: str = "pick"):
    return desk.interact(
        {
            "type": "block_actions",
            "user": user,
            "container": {"type": "message", "is_ephemeral": True},
            "channel": {"id": "C0001", "name": "sales-desk"},
            "response_url": desk.slack.response_url(response),
            "actions": [{**action, "action_ts": "1700000000.000001"}],
        }
    )


def suggest(desk, user: str, typed: str):
    return desk.interact(
        {
            "type": "block_suggestion",
            "user": user,
            "action_id": "customer_select",
            "block_id": "customer",
            "value": typed,
            "container": {"type": "view", "view_id": "V0000001"},
            "view": {"id": "V0000001", "type": "modal", "callback_id": "visit_log"},
        }
    )


def shown(reply) -> str:
    """Everything a person reads in a reply, button labels included (harness.visible_text
    does not read buttons)."""
    if not isinstance(reply.body, dict):
        return reply.body
    without_buttons = {
        **reply.body,
        "blocks": [b for b in reply.body.get("blocks", []) if b["type"] != "actions"],
    }
    labels = [button["text"]["text"] for button in button_elements(reply.body)]
    return "\n".join([visible_text(without_buttons), *labels])


def said(args: dict) -> str:
    return json.dumps(args, ensure_ascii=False)


def responses(desk, name: str) -> list:
    return [c for c in desk.slack.calls_to("response_url") if c.args["_name"] == name]


def opened_view(desk) -> dict:
    [call] = desk.slack.wait_for("views.open")
    return call.args["view"]


def blocks_by_id(view: dict) -> dict:
    return {block["block_id"]: block for block in view["blocks"]}


# -- the one-line form -----------------------------------------------------------------------


def test_a_one_line_visit_in_english_is_logged_and_confirmed(desk, demo_db):
    reply = desk.command(
        "/visit", "northwind; call; discussed Q3 pricing; next: send quote by Friday", REP_EXPORT
    )
    assert reply.status == 200
    assert reply.body["response_type"] == "ephemeral"
    text = shown(reply)
    assert "Logged: Call · Northwind Trading Ltd (C-2001)" in text
    assert "Summary: discussed Q3 pricing" in text
    assert "Outcome: Effective" in text
    due = coming(FRIDAY, ZoneInfo("Europe/London"))
    assert f"Next step: send quote, due {due.strftime('%a, %b')} {due.day}, {due.year}" in text
    assert "You will be reminded." in text
    [visit] = stored_visits(demo_db)
    assert (visit.channel, visit.summary, visit.effective) == ("call", "discussed Q3 pricing", True)
    assert (visit.next_step, visit.next_step_due) == ("send quote", due)
    assert visit.rep_id == member_id(demo_db, REP_EXPORT)
    assert visit.customer_id == customer_id(demo_db, "C-2001")
    assert abs(aware(visit.at) - datetime.now(UTC)) < timedelta(minutes=1)
    with demo_db.session() as session:
        entry = session.exec(select(AuditEntry)).one()
    assert (entry.actor, entry.entity, entry.entity_key, entry.action) == (
        REP_EXPORT,
        "visit",
        str(visit.id),
        "log",
    )
    assert entry.before is None and entry.after["next_step"] == "send quote"
    assert count(demo_db, Notification) == 0  # the rep logged it: nobody else to tell


def test_a_one_line_visit_in_chinese_with_full_width_semicolons(desk, demo_db):
    reply = desk.command("/visit", "华联；电话；沟通三季度报价；下一步：周五前发报价", REP_EAST)
    text = shown(reply)
    assert "已记录：电话 · 上海华联机械有限公司（C-1001）" in text
    assert "纪要：沟通三季度报价" in text
    assert "下一步：发报价" in text and "到期会提醒您" in text
    [visit] = stored_visits(demo_db)
    assert (visit.channel, visit.next_step) == ("call", "发报价")
    assert visit.next_step_due == coming(FRIDAY, SHANGHAI)


def test_the_half_width_chinese_form_from_the_help_works_too(desk, demo_db):
    desk.command("/visit", "华联; 电话; 沟通三季度报价; 下一步:周五前发报价", REP_EAST)
    [visit] = stored_visits(demo_db)
    assert (visit.summary, visit.next_step) == ("沟通三季度报价", "发报价")


def test_time_channel_outcome_and_a_separate_due_date_in_any_order(desk, demo_db):
    reply = desk.command(
        "/visit",
        "C-2002; not effective; yesterday 3pm; wechat; no budget this year; "
        "next: call again; due: next Tue",
        REP_EXPORT,
    )
    assert "Outcome: Not effective" in shown(reply)
    [visit] = stored_visits(demo_db)
    london = ZoneInfo("Europe/London")
    yesterday = datetime.now(london).date() - timedelta(days=1)
    assert aware(visit.at).astimezone(london).replace(tzinfo=None) == datetime.combine(
        yesterday, datetime.min.time()
    ).replace(hour=15)
    assert (visit.channel, visit.effective, visit.next_step) == ("wechat", False, "call again")
    assert visit.next_step_due.weekday() == 1 and visit.next_step_due > yesterday


def test_the_confirmation_reads_in_the_reader_s_time_zone(desk, demo_db):
    desk.command("/visit", "华联; 拜访; 现场看了产线; 时间:昨天下午3点", REP_EAST)
    [visit] = stored_visits(demo_db)
    local = aware(visit.at).astimezone(SHANGHAI)
    assert (local.hour, local.minute) == (15, 0)
    text = shown(desk.command("/visit", "list", REP_EAST))
    assert f"{local.year}年{local.month}月{local.day}日 15:00" in text


def test_desk_logs_for_the_customer_s_rep_who_is_told(desk, demo_db):
    reply = desk.command("/visit", "C-1001; meeting; 客户要求加急; 下一步:明天回复交期", DESK_EAST)
    assert "已记在客户负责人王芳 Wang Fang名下" in shown(reply)
    assert "到期会提醒王芳 Wang Fang" in shown(reply)
    [visit] = stored_visits(demo_db)
    assert visit.rep_id == member_id(demo_db, REP_EAST)
    [dm] = desk.slack.wait_for("chat.postMessage", where=lambda c: c.args["channel"] == REP_EAST)
    assert "李娜 Li Na替您记录了与上海华联机械有限公司（C-1001）的一次联系" in dm.args["text"]
    assert "您的下一步：回复交期" in dm.args["text"]


def test_help_shows_the_grammar_in_both_languages(desk):
    for text in ("help", "?"):
        english = shown(desk.command("/visit", text, ADMIN))
        assert "/visit ACME; call; discussed Q3 pricing; next: send quote by Friday" in english
        assert "Log as visit" in english
    chinese = shown(desk.command("/visit", "帮助", REP_EAST))
    assert "/visit 华联; 电话; 沟通三季度报价; 下一步:周五前发报价" in chinese


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("; call; hello", "Start with the customer"),
        ("northwind; call", "What happened? Add a short summary"),
        ("northwind; call; ;  ; ", "What happened?"),
        ("northwind; call; hi; next: send quote", "When is “send quote” due?"),
        (
            "northwind; call; hi; next: send quote by someday",
            "When is “send quote by someday” due?",
        ),
        (
            "northwind; call; hi; when: the day after the fair",
            "can't read “the day after the fair”",
        ),
        ("northwind; call; hi; next: quote; due: soonish", "can't read “soonish” as a date"),
        ("northwind; call; hi; when:", "has nothing after the colon"),
        ("northwind; call; hi; channel: pigeon", "“pigeon” is not a way of contact"),
        ("northwind; call; email; hi", "two ways of contact"),
        ("northwind; call; hi; tomorrow 10am", "still to come"),
        ("northwind; call; hi; next: quote by yesterday", "due date has passed"),
        ("northwind; call; hi; due: Friday", "A due date needs a next step"),
        ("northwind; call; effective; not effective; hi", "can't be both"),
        ("northwind; call; " + "x" * 3000, "3000 characters at most"),
        ("northwind; call; hi; next: " + "x" * 501 + " by Friday", "500 characters at most"),
        ("northwind call discussed pricing", "can't find a customer called “northwind call"),
    ],
)
def test_bad_one_liners_get_a_clear_message_and_change_nothing(desk, demo_db, text, expected):
    reply = desk.command("/visit", text, REP_EXPORT)
    assert reply.status == 200
    assert expected in shown(reply), shown(reply)
    assert count(demo_db, Visit) == count(demo_db, AuditEntry) == 0


def test_an_unknown_customer_offers_close_matches_that_complete_the_logging(desk, demo_db):
    reply = desk.command("/visit", "Nortwind; call; hello there; next: quote by Friday", REP_EXPORT)
    text = shown(reply)
    assert "No customer matches “Nortwind”." in text and "Did you mean" in text
    pick = next(b for b in button_elements(reply.body) if b["action_id"].startswith("visit_pick"))
    assert pick["text"]["text"] == "C-2001 · Northwind Trading Ltd"
    assert count(demo_db, Visit) == 0
    click(desk, REP_EXPORT, pick, "first")
    [answer] = desk.slack.wait_for("response_url", where=lambda c: c.args["_name"] == "first")
    assert answer.args["replace_original"] is True
    assert "Logged: Call · Northwind Trading Ltd (C-2001)" in said(answer.args)
    [visit] = stored_visits(demo_db)
    assert (visit.summary, visit.next_step) == ("hello there", "quote")
    click(desk, REP_EXPORT, pick, "again")
    [again] = desk.slack.wait_for("response_url", where=lambda c: c.args["_name"] == "again")
    assert "already logged" in said(again.args)
    assert count(demo_db, Visit) == count(demo_db, AuditEntry) == 1


def test_several_matches_offer_a_choice_and_cancel_logs_nothing(desk, demo_db):
    reply = desk.command("/visit", "C-100; visit; walked the plant", ADMIN)
    assert "Several customers match “C-100”" in shown(reply)
    labels = [b["text"]["text"] for b in button_elements(reply.body)]
    assert sorted(labels) == [
        "C-1001 · 上海华联机械有限公司",
        "C-1002 · 杭州明达电子",
        "C-1003 · 苏州新材料科技",
        "Cancel",
    ]
    cancel = next(b for b in button_elements(reply.body) if b["action_id"] == "visit_cancel")
    click(desk, ADMIN, cancel, "cancel")
    [answer] = desk.slack.wait_for("response_url", where=lambda c: c.args["_name"] == "cancel")
    assert "Nothing was logged." in said(answer.args) and answer.args["replace_original"]
    pick = next(b for b in button_elements(reply.body) if "C-1002" in b["text"]["text"])
    click(desk, ADMIN, pick, "pick")
    desk.slack.wait_for("response_url", where=lambda c: c.args["_name"] == "pick")
    [visit] = stored_visits(demo_db)
    assert visit.customer_id == customer_id(demo_db, "C-1002")
    assert visit.rep_id == member_id(demo_db, REP_EAST)  # logged by an admin: the owner's visit


def test_a_summary_too_long_for_buttons_lists_the_matches_instead(desk, demo_db):
    reply = desk.command("/visit", "C-100; call; " + "长" * 2500, ADMIN)
    assert button_elements(reply.body) == []
    text = shown(reply)
    assert "C-1002 · 杭州明达电子" in text
    assert "Send it again with the customer's code in front" in text
    assert count(demo_db, Visit) == 0


def test_a_forged_pick_for_a_hidden_customer_reads_like_a_missing_one(desk, demo_db):
    reply = desk.command("/visit", "Nortwind; call; hello", REP_EXPORT)
    pick = button_elements(reply.body)[0]
    value = json.loads(pick["value"])
    value["c"] = customer_id(demo_db, "C-1001")
    click(desk, REP_EXPORT, {**pick, "value": json.dumps(value)}, "forged")
    click(desk, REP_EXPORT, {**pick, "value": "not json"}, "garbled")
    forged = desk.slack.wait_for("response_url", where=lambda c: c.args["_name"] == "forged")
    garbled = desk.slack.wait_for("response_url", where=lambda c: c.args["_name"] == "garbled")
    assert "can't find that customer" in said(forged[0].args)
    assert "no longer works" in said(garbled[0].args)
    assert count(demo_db, Visit) == 0


def test_list_shows_the_actor_s_recent_visits(desk, demo_db):
    desk.command("/visit", "华联; 电话; 第一次沟通", REP_EAST)
    desk.command("/visit", "明达; 微信; 发了样品资料; 无效", REP_EAST)
    desk.command("/visit", "C-1003; 拜访; 别人的客户", OTHER_REP_EAST)
    mine = shown(desk.command("/visit", "列表", REP_EAST))
    assert "我最近的拜访（2）" in mine
    assert mine.index("发了样品资料") < mine.index("第一次沟通")
    assert "无效" in mine and "别人的客户" not in mine
    narrowed = shown(desk.command("/visit", "list 明达", REP_EAST))
    assert "发了样品资料" in narrowed and "第一次沟通" not in narrowed
    team = shown(desk.command("/visit", "list", DESK_EAST))
    assert "最近的拜访（3）" in team and "别人的客户" in team
    assert "No visits logged yet" in shown(desk.command("/visit", "list", REP_EXPORT))


# -- the form --------------------------------------------------------------------------------


def test_bare_visit_opens_the_form(desk):
    reply = desk.command("/visit", "", REP_EXPORT)
    assert reply.status == 200 and reply.body in ("", {})
    view = opened_view(desk)
    assert view["type"] == "modal" and view["callback_id"] == "visit_log"
    assert view["title"]["text"] == "Log a visit"
    blocks = blocks_by_id(view)
    assert list(blocks) == [
        "customer",
        "when",
        "channel",
        "summary",
        "effective",
        "next_step",
        "next_step_due",
    ]
    customer = blocks["customer"]["element"]
    assert (customer["type"], customer["action_id"], customer["min_query_length"]) == (
        "external_select",
        "customer_select",
        0,
    )
    when = blocks["when"]["element"]
    assert when["type"] == "datetimepicker"
    assert abs(when["initial_date_time"] - datetime.now(UTC).timestamp()) < 60
    channels = [o["value"] for o in blocks["channel"]["element"]["options"]]
    assert channels == ["visit", "call", "wechat", "email", "meeting"]
    assert blocks["summary"]["element"]["max_length"] == 3000
    assert blocks["next_step"]["optional"] and blocks["next_step_due"]["optional"]
    assert blocks["next_step_due"]["element"]["type"] == "datepicker"


def test_a_customer_alone_opens_the_form_with_that_customer_chosen_in_chinese(desk):
    desk.command("/visit", "华联", REP_EAST)
    view = opened_view(desk)
    assert view["title"]["text"] == "记录拜访"
    chosen = blocks_by_id(view)["customer"]["element"]["initial_option"]
    assert chosen["text"]["text"] == "C-1001 · 上海华联机械有限公司"


def test_a_valid_form_is_logged_and_the_form_becomes_its_confirmation(desk, demo_db):
    due = (datetime.now(SHANGHAI).date() + timedelta(days=3)).isoformat()
    values = form_values(
        customer_id(demo_db, "C-1002"), next_step="寄样品", due=due, channel="wechat"
    )
    reply = submit(desk, DESK_EAST, values)
    assert reply.status == 200
    assert reply.body["response_action"] == "update"
    confirmation = reply.body["view"]
    assert confirmation["title"]["text"] == "拜访已记录"
    shown = json.dumps(confirmation, ensure_ascii=False)
    assert "微信 · 杭州明达电子（C-1002）" in shown and "寄样品" in shown
    [visit] = stored_visits(demo_db)
    assert visit.next_step_due.isoformat() == due and visit.channel == "wechat"
    assert visit.rep_id == member_id(demo_db, REP_EAST)
    desk.slack.wait_for("chat.postMessage", where=lambda c: c.args["channel"] == REP_EAST)


def test_a_replayed_form_is_logged_once(desk, demo_db):
    values = form_values(customer_id(demo_db, "C-2001"))
    assert submit(desk, REP_EXPORT, values).body["response_action"] == "update"
    again = submit(desk, REP_EXPORT, values).body
    assert again["response_action"] == "errors"
    assert "already logged" in again["errors"]["summary"]
    assert count(demo_db, Visit) == 1


def test_every_bad_field_gets_its_own_message_and_nothing_is_logged(desk, demo_db):
    yesterday = (datetime.now(UTC).date() - timedelta(days=2)).isoformat()
    values = form_values(
        None,
        at=datetime.now(UTC) + timedelta(days=1),
        summary="   ",
        next_step="x" * 501,
        due=yesterday,
    )
    reply = submit(desk, REP_EXPORT, values).body
    assert reply["response_action"] == "errors"
    errors = reply["errors"]
    assert errors["customer"] == "Choose the customer."
    assert "still to come" in errors["when"]
    assert errors["summary"] == "Write a short summary of what happened."
    assert "500 characters at most" in errors["next_step"]
    assert "has passed" in errors["next_step_due"]
    assert count(demo_db, Visit) == count(demo_db, AuditEntry) == 0


@pytest.mark.parametrize(
    ("changes", "block", "expected"),
    [
        ({"summary": "x" * 3001}, "summary", "3000 characters at most"),
        ({"next_step": "send quote"}, "next_step_due", "When is the next step due?"),
        ({"due": "2099-01-01"}, "next_step", "A due date needs a next step"),
        ({"due": "31/12/2099", "next_step": "x"}, "next_step_due", "can't read “31/12/2099”"),
        ({"channel": "pigeon"}, "channel", "“pigeon” is not a way of contact"),
        ({"at": datetime(1969, 1, 1, tzinfo=UTC)}, "when", None),
    ],
)
def test_bad_form_fields(desk, demo_db, changes, block, expected):
    values = form_values(customer_id(demo_db, "C-2001"), **changes)
    if "at" in changes:
        values["when"]["value"]["selected_date_time"] = "soon"
        expected = "Pick the date and time"
    reply = submit(desk, REP_EXPORT, values).body
    assert reply["response_action"] == "errors"
    assert expected in reply["errors"][block], reply["errors"]
    assert count(demo_db, Visit) == 0


def test_the_form_refuses_a_customer_the_user_may_not_see(desk, demo_db):
    reply = submit(desk, REP_EXPORT, form_values(customer_id(demo_db, "C-1001"))).body
    assert reply["errors"] == {"customer": "I can't find that customer among those you can see."}
    missing = submit(desk, REP_EXPORT, form_values(999999)).body
    assert missing["errors"] == reply["errors"]
    assert count(demo_db, Visit) == 0


def test_the_message_shortcut_opens_the_form_prefilled(desk):
    posted = datetime.now(UTC) - timedelta(hours=2)
    reply = desk.interact(
        {
            "type": "message_action",
            "callback_id": "log_as_visit",
            "user": REP_EXPORT,
            "channel": {"id": "C0001", "name": "sales-desk"},
            "message_ts": f"{posted.timestamp():.6f}",
            "response_url": desk.slack.response_url("shortcut"),
            "message": {
                "type": "message",
                "user": "U0CLIENT1",
                "ts": f"{posted.timestamp():.6f}",
                "text": "Jane says Q3 &lt;budget&gt; is approved &amp; wants a quote",
            },
        }
    )
    assert reply.status == 200
    view = opened_view(desk)
    blocks = blocks_by_id(view)
    summary = blocks["summary"]["element"]["initial_value"]
    assert summary == "Jane says Q3 <budget> is approved & wants a quote"
    assert abs(blocks["when"]["element"]["initial_date_time"] - posted.timestamp()) < 2


def test_a_failed_form_opening_gets_an_apology(desk):
    desk.slack.set_response("views.open", {"ok": False, "error": "expired_trigger_id"})
    desk.command("/visit", "", REP_EXPORT)
    [apology] = desk.slack.wait_for("response_url")
    assert "couldn't open the form" in apology.args["text"]


# -- the customer type-ahead -----------------------------------------------------------------


def option_labels(reply) -> list[str]:
    return [option["text"]["text"] for option in reply.body["options"]]


def test_the_type_ahead_finds_customers_in_both_scripts(desk, demo_db):
    assert option_labels(suggest(desk, ADMIN, "华联")) == ["C-1001 · 上海华联机械有限公司"]
    options = suggest(desk, ADMIN, "华联").body["options"]
    assert options[0]["value"] == str(customer_id(demo_db, "C-1001"))
    for typed in (
        "ＮＯＲＴＨ",
        "north",
        "NORTHWIND",
        "ｎｏｒｔｈｗｉｎｄ ｔｒａｄｉｎｇ",
        "c-2001",
    ):
        assert option_labels(suggest(desk, ADMIN, typed)) == ["C-2001 · Northwind Trading Ltd"]
    assert len(option_labels(suggest(desk, ADMIN, ""))) == 5
    assert option_labels(suggest(desk, ADMIN, "zzz")) == []


def test_the_type_ahead_offers_only_customers_the_user_may_see(desk):
    assert option_labels(suggest(desk, REP_EXPORT, "华联")) == []
    assert option_labels(suggest(desk, REP_EXPORT, "")) == [
        "C-2002 · Bluebird Components GmbH",
        "C-2001 · Northwind Trading Ltd",
    ]
    assert len(option_labels(suggest(desk, DESK_EAST, ""))) == 3
    assert suggest(desk, STRANGER, "华联").body in ("", {})


def test_the_type_ahead_answers_over_ten_thousand_customers(desk, demo_db):
    owner = member_id(demo_db, REP_EXPORT)
    rows = []
    for n in range(10_000):
        code, name = f"BULK-{n:05d}", f"Bulk Buyer {n:05d} 批量客户"
        rows.append(
            {
                "code": code,
                "name": name,
                "owner_id": owner,
                "is_prospect": False,
                "search_text": customer_search_text(code, name),
            }
        )
    with demo_db.session() as session:
        session.execute(insert(Customer), rows)
    everything = option_labels(suggest(desk, REP_EXPORT, ""))
    assert len(everything) == 100
    assert option_labels(suggest(desk, REP_EXPORT, "bulk-09999")) == [
        "BULK-09999 · Bulk Buyer 09999 批量客户"
    ]
    assert len(option_labels(suggest(desk, REP_EXPORT, "批量"))) == 100
    reply = desk.command("/visit", "Bulk Buyer 099; call; hi", REP_EXPORT)
    assert "Several customers match" in shown(reply)
    assert "Only the first 10 are shown" in shown(reply)


def test_option_labels_fit_slack_s_limit(desk, demo_db):
    with demo_db.session() as session:
        customer = session.get(Customer, customer_id(demo_db, "C-2001"))
        customer.name = "Northwind " + "Very Long Name " * 10
    [label] = option_labels(suggest(desk, ADMIN, "northwind"))
    assert len(label) == 75 and label.endswith("…")


# -- confidentiality and permissions ---------------------------------------------------------


@pytest.mark.parametrize(
    ("user", "may_log"),
    [
        (REP_EAST, True),  # the owner
        (OTHER_REP_EAST, False),  # another rep of the same team
        (DESK_EAST, True),
        (MANAGER_EAST, True),
        (DESK_EXPORT, False),  # another team
        (MANAGER_EXPORT, False),
        (ADMIN, True),
        (STRANGER, False),  # not a member
    ],
)
def test_who_may_log_a_visit_for_c_1001(desk, demo_db, user, may_log):
    line = shown(desk.command("/visit", "C-1001; call; checked stock", user))
    form = submit(desk, user, form_values(customer_id(demo_db, "C-1001"), summary="by form"))
    visits = stored_visits(demo_db)
    if may_log:
        assert len(visits) == 2, line
        assert all(v.rep_id == member_id(demo_db, REP_EAST) for v in visits)
        assert form.body["response_action"] == "update"
    else:
        assert visits == []
        assert "上海华联" not in line
        if user == STRANGER:
            assert "not registered" in line
        else:
            assert "C-1001" in line and ("No customer matches" in line or "没有匹配" in line)
            assert form.body["errors"]["customer"]


def test_user_text_is_shown_never_obeyed(desk, demo_db):
    with demo_db.session() as session:
        customer = session.get(Customer, customer_id(demo_db, "C-2001"))
        customer.name = "<!channel> *Bold* <@U999> & Co"
    summary = "<!here> *loud* <https://evil.example|click> & more"
    replies = [
        desk.command("/visit", f"C-2001; call; {summary}; next: <!everyone> by Friday", ADMIN),
        desk.command("/visit", "list", ADMIN),
        desk.command("/visit", "<!here>; call; hi", ADMIN),
        desk.command("/visit", "C-200; call; hi", ADMIN),
    ]
    for reply in replies:
        assert all("<!" not in text and "<@" not in text for text in mrkdwn_texts(reply.body))
    assert summary in shown(replies[0]) and "<!channel> *Bold* <@U999> & Co" in shown(replies[0])
    [visit] = stored_visits(demo_db)
    assert visit.summary == summary
    [dm] = desk.slack.wait_for("chat.postMessage")
    assert "<!" not in dm.args["text"] and dm.args["blocks"][0]["text"]["type"] == "plain_text"
