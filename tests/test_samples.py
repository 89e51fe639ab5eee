"""/sample: requests by one line or by form, the manager's Approve / Reject in a DM updated in
place, shipping with a tracking number, delivery and feedback, driven over signed HTTP the way
Slack sends them, against the demo workspace. Messages leave through the outbox (a background
sender): they are read from the Slack stand-in's recorded calls."""

from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import count as counter
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from commands.samples import SampleDraft, approve_sample, mark_delivered, request_sample
from commands.samples import ship_sample as ship_in_db
from harness import mrkdwn_texts
from helpers import (
    actor,
    button_values,
    count,
    customer_id,
    member_id,
    message_text,
    posted_to,
    updated_for,
)
from storage.models import AuditEntry, Member, Notification, SampleRequest, Team

ADMIN = "UADMIN0001"  # English, no team
MANAGER_EAST = "UMGR00001"  # 周敏 Zhou Min, Chinese
DESK_EAST = "UDESK0001"
REP_EAST = "UREP00001"  # Chinese, owns C-1001 上海华联 and C-1002
MANAGER_EXPORT = "UMGR00002"  # Sarah Miller, English
DESK_EXPORT = "UDESK0002"  # Tom Baker
REP_EXPORT = "UREP00003"  # Emma Davis, English, Europe/London, owns C-2001 and C-2002
STRANGER = "UNOBODY01"
LONDON = ZoneInfo("Europe/London")
SHANGHAI = ZoneInfo("Asia/Shanghai")
WAIT = 15.0  # the outbox sends one message a second to any one person


# -- reading what happened -----------------------------------------------------------------


def samples(db) -> list[SampleRequest]:
    with db.session() as session:
        return list(session.exec(select(SampleRequest).order_by(SampleRequest.id)).all())


def sample(db, sample_id: int) -> SampleRequest:
    with db.session() as session:
        return session.get(SampleRequest, sample_id)


def audits(db, sample_id: int) -> list[AuditEntry]:
    with db.session() as session:
        query = select(AuditEntry).where(
            AuditEntry.entity == "sample", AuditEntry.entity_key == str(sample_id)
        )
        return list(session.exec(query.order_by(AuditEntry.id)).all())


def sent_at(db, key: str) -> tuple[str, str]:
    """Where the outbox delivered the message queued under `key`: (channel, ts)."""
    with db.session() as session:
        sent = session.exec(select(Notification).where(Notification.key == key)).one()
        return sent.sent_channel, sent.sent_ts


def snapshot(db) -> tuple:
    """Everything a refused action must leave as it was."""
    rows = [(s.id, s.status, s.tracking_no, s.feedback, s.reject_reason) for s in samples(db)]
    return rows, count(db, AuditEntry), count(db, Notification)


def told(slack, name: str, contains: str = "") -> str:
    """The ephemeral reply posted to the clicked message's response_url `name`."""
    [call] = slack.wait_for(
        "response_url",
        timeout=WAIT,
        where=lambda c: c.args["_name"] == name and contains in c.args.get("text", ""),
    )
    assert call.args["response_type"] == "ephemeral"
    assert call.args["replace_original"] is False
    return call.args["text"]


# -- acting the way Slack does ---------------------------------------------------------------


def text_value(text: str | None) -> dict:
    return {"value": {"type": "plain_text_input", "value": text}}


def request_values(
    customer: int | None,
    product: str | None = "M8 bolts 304",
    quantity: str | None = "200",
    purpose: str | None = "trial run",
    needed_by: str | None = None,
) -> dict:
    option = {"text": {"type": "plain_text", "text": "x"}, "value": str(customer)}
    return {
        "customer": {
            "customer_select": {
                "type": "external_select",
                "selected_option": option if customer is not None else None,
            }
        },
        "product": text_value(product),
        "quantity": {"value": {"type": "number_input", "value": quantity}},
        "purpose": text_value(purpose),
        "needed_by": {"value": {"type": "datepicker", "selected_date": needed_by}},
    }


def requested(desk, user: str = REP_EXPORT, text: str = "C-2001; Widget A; 200; trial run"):
    reply = desk.command("/sample", text, user)
    return samples(desk.desk.db)[-1].id, reply


def asked(desk, manager: str, sample_id: int) -> dict:
    """The request DM with Approve / Reject that reached `manager`."""
    [dm] = posted_to(desk.slack, manager, contains=f"#{sample_id} ")
    return dm.args


def yesterday() -> str:
    return (datetime.now(LONDON).date() - timedelta(days=1)).isoformat()


# -- help, one-line requests -----------------------------------------------------------------


def test_help_documents_the_one_line_form_in_both_languages(desk):
    english = desk.command("/sample", "help", REP_EXPORT).text()
    assert "/sample C-1001; M8 bolts 304; 200; trial run; by next Friday" in english
    assert "/sample ship 12 SF1234567890" in english
    chinese = desk.command("/sample", "帮助", REP_EAST).text()
    assert "/sample 华联；螺栓M8；200；试产；下周五前" in chinese
    assert "/sample 华联; 螺栓M8; 200; 试产; 下周五前" in english


def test_a_one_line_request_goes_to_the_managers_dm_with_approve_and_reject(desk, demo_db):
    reply = desk.command(
        "/sample", "C-2001; M8 bolts 304; 200; trial run; by next Friday", REP_EXPORT
    )
    assert reply.body["response_type"] == "ephemeral"
    assert "Request #1 sent to Sarah Miller for approval" in reply.text()
    [stored] = samples(demo_db)
    today = datetime.now(LONDON).date()
    assert (stored.status, stored.product, stored.quantity, stored.purpose) == (
        "requested",
        "M8 bolts 304",
        Decimal("200"),
        "trial run",
    )
    assert stored.needed_by.weekday() == 4 and today < stored.needed_by <= today + timedelta(14)
    assert stored.rep_id == member_id(demo_db, REP_EXPORT)
    [entry] = audits(demo_db, stored.id)
    assert (entry.actor, entry.action, entry.before) == (REP_EXPORT, "request", None)
    assert entry.after["product"] == "M8 bolts 304" and entry.after["quantity"] == "200"
    dm = asked(desk, MANAGER_EXPORT, stored.id)
    assert button_values(dm) == {"sample_approve": "1", "sample_reject": "1"}
    text = message_text(dm)
    assert "Emma Davis asks for a sample for Northwind Trading Ltd" in text
    assert "M8 bolts 304 × 200" in text and "Purpose: trial run" in text


def test_a_chinese_one_line_request_with_full_width_separators(desk, demo_db):
    reply = desk.command("/sample", "华联；螺栓M8；200个；试产；下周五前", REP_EAST)
    assert "申请 #1 已提交给 周敏 Zhou Min 审批" in reply.text()
    [stored] = samples(demo_db)
    assert (stored.product, stored.quantity, stored.purpose) == ("螺栓M8", Decimal("200"), "试产")
    assert stored.needed_by.weekday() == 4
    assert stored.needed_by > datetime.now(SHANGHAI).date()
    dm = asked(desk, MANAGER_EAST, 1)
    assert "王芳 Wang Fang 为 上海华联机械有限公司 申请样品" in message_text(dm)
    assert button_values(dm) == {"sample_approve": "1", "sample_reject": "1"}


def test_a_unit_other_than_pieces_stays_with_the_product(desk, demo_db):
    desk.command("/sample", "C-2002; resin X; 2 kg", REP_EXPORT)
    [stored] = samples(demo_db)
    assert (stored.product, stored.quantity) == ("resin X (kg)", Decimal("2"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("C-2001; Widget; 0", "The quantity must be more than 0"),
        ("C-2001; Widget; -5", "The quantity must be more than 0"),
        ("C-2001; Widget; 1.2345", "too many decimals"),
        ("C-2001; Widget; 200; 300", "Two quantities are given"),
        ("C-2001; Widget", "How many?"),
        ("C-2001; 200", "Which product?"),
        ("; Widget; 200", "Start with the customer"),
        ("C-2001; Widget; 200; by yesterday", "The needed-by date is in the past"),
        ("C-2001; Widget; 200; by: the 45th of Smarch", "I can't read “the 45th of Smarch”"),
        ("C-2001; qty: ; Widget", "has a label but nothing after it"),
        ("C-2001; " + "W" * 201 + "; 200", "200 characters at most"),
        ("C-2001; Widget; 200; " + "p" * 1001, "1000 characters at most"),
        ("C-2001; " + "W" * 201 + "; 5; by yesterday", "• The needed-by date is in the past"),
        ("Nowhere Ltd; Widget; 200", "No customer you can see matches “Nowhere Ltd”"),
        ("Northwnd; Widget; 200", "Did you mean: C-2001 · Northwind Trading Ltd?"),
        ("C-1001; Widget; 200", "No customer you can see matches “C-1001”"),
        ("Acme " * 700, "3000 characters at most"),
        ("approve", "Which sample? Add its number"),
        ("ship twelve", "Which sample? Add its number and the tracking number"),
    ],
)
def test_a_bad_one_line_request_says_what_is_wrong_and_requests_nothing(
    desk, demo_db, text, expected
):
    reply = desk.command("/sample", text, REP_EXPORT)
    assert reply.status == 200 and reply.body["response_type"] == "ephemeral"
    assert expected in reply.text()
    assert "上海华联" not in reply.text()
    assert count(demo_db, SampleRequest) == count(demo_db, AuditEntry) == 0
    assert count(demo_db, Notification) == 0


def test_a_name_matching_several_customers_opens_the_form_filled_in(desk, demo_db):
    reply = desk.command("/sample", "C-20; Widget; 200; trial; by next Friday", REP_EXPORT)
    assert "Several customers match “C-20”" in reply.text()
    [opened] = desk.slack.wait_for("views.open")
    view = opened.args["view"]
    values = {block["block_id"]: block["element"] for block in view["blocks"]}
    assert values["product"]["initial_value"] == "Widget"
    assert values["quantity"]["initial_value"] == "200"
    assert values["purpose"]["initial_value"] == "trial"
    assert values["needed_by"]["initial_date"]
    assert "initial_option" not in values["customer"]
    assert count(demo_db, SampleRequest) == 0


# -- the form --------------------------------------------------------------------------------


def test_bare_sample_opens_the_form_with_a_customer_search_and_pickers(desk):
    reply = desk.command("/sample", "", REP_EXPORT)
    assert reply.status == 200
    [opened] = desk.slack.wait_for("views.open")
    view = opened.args["view"]
    assert view["callback_id"] == "sample_request_form" and view["type"] == "modal"
    elements = {block["block_id"]: block["element"] for block in view["blocks"]}
    assert elements["customer"]["type"] == "external_select"
    assert elements["customer"]["action_id"] == "customer_select"
    assert elements["quantity"]["type"] == "number_input"
    assert elements["quantity"]["is_decimal_allowed"] is True
    assert elements["needed_by"]["type"] == "datepicker"
    assert elements["product"]["max_length"] == 200


def test_a_customer_alone_opens_the_form_with_that_customer_chosen(desk):
    desk.command("/sample", "Northwind", REP_EXPORT)
    [opened] = desk.slack.wait_for("views.open")
    [customer] = [b for b in opened.args["view"]["blocks"] if b["block_id"] == "customer"]
    assert "Northwind Trading Ltd" in customer["element"]["initial_option"]["text"]["text"]


def test_a_word_that_is_no_customer_explains_the_one_line_form(desk):
    text = desk.command("/sample", "gimme bolts", REP_EXPORT).text()
    assert "I can't find a customer called “gimme bolts”" in text
    assert not desk.slack.calls_to("views.open")


def test_the_form_sends_the_request_and_confirms_in_place(desk, demo_db):
    needed = (datetime.now(LONDON).date() + timedelta(days=10)).isoformat()
    values = request_values(customer_id(demo_db, "C-2001"), needed_by=needed)
    reply = desk.submit_view(REP_EXPORT, "sample_request_form", values)
    assert reply.body["response_action"] == "update"
    assert "Request #1 sent to Sarah Miller for approval" in message_text(reply.body["view"])
    [stored] = samples(demo_db)
    assert (stored.product, stored.quantity, stored.needed_by.isoformat()) == (
        "M8 bolts 304",
        Decimal("200"),
        needed,
    )
    assert button_values(asked(desk, MANAGER_EXPORT, 1)) == {
        "sample_approve": "1",
        "sample_reject": "1",
    }


def test_the_same_form_sent_twice_is_one_request(desk, demo_db):
    values = request_values(customer_id(demo_db, "C-2001"))
    desk.submit_view(REP_EXPORT, "sample_request_form", values)
    again = desk.submit_view(REP_EXPORT, "sample_request_form", values)
    assert "You already requested exactly this sample: #1" in again.body["errors"]["product"]
    assert count(demo_db, SampleRequest) == 1


@pytest.mark.parametrize(
    ("change", "field", "expected"),
    [
        ({"quantity": "0"}, "quantity", "must be more than 0"),
        ({"quantity": "-3"}, "quantity", "must be more than 0"),
        ({"quantity": "lots"}, "quantity", "“lots” is not a quantity"),
        ({"quantity": None}, "quantity", "How many?"),
        ({"quantity": "0.0001"}, "quantity", "too many decimals"),
        ({"quantity": "1e15"}, "quantity", "far too many"),
        ({"needed_by": "yesterday"}, "needed_by", "in the past"),
        ({"needed_by": "2026-02-30"}, "needed_by", "I can't read"),
        ({"product": ""}, "product", "Which product?"),
        ({"product": "   "}, "product", "Which product?"),
        ({"product": "P" * 201}, "product", "200 characters at most"),
        ({"purpose": "p" * 1001}, "purpose", "1000 characters at most"),
        ({"customer": None}, "customer", "Pick a customer"),
        ({"customer": 99999}, "customer", "I can't find that customer"),
        ({"customer": "C-1001"}, "customer", "I can't find that customer"),
    ],
)
def test_each_bad_field_of_the_form_is_shown_under_it(desk, demo_db, change, field, expected):
    change = dict(change)
    if change.get("needed_by") == "yesterday":
        change["needed_by"] = yesterday()
    customer = change.pop("customer", "C-2001")
    if isinstance(customer, str):
        customer = customer_id(demo_db, customer)
    reply = desk.submit_view(REP_EXPORT, "sample_request_form", request_values(customer, **change))
    assert reply.body["response_action"] == "errors"
    assert list(reply.body["errors"]) == [field]
    assert expected in reply.body["errors"][field]
    assert count(demo_db, SampleRequest) == count(demo_db, AuditEntry) == 0


def test_every_bad_field_is_shown_at_once(desk, demo_db):
    values = request_values(None, product="", quantity="-1", needed_by=yesterday())
    errors = desk.submit_view(REP_EXPORT, "sample_request_form", values).body["errors"]
    assert set(errors) == {"customer", "product", "quantity", "needed_by"}


def test_markup_in_what_people_type_is_shown_not_obeyed(desk, demo_db):
    values = request_values(
        customer_id(demo_db, "C-2001"), product="<!channel> *bolts*", purpose="<@U123> _now_"
    )
    desk.submit_view(REP_EXPORT, "sample_request_form", values)
    dm = asked(desk, MANAGER_EXPORT, 1)
    assert "<!channel> *bolts* × 200" in message_text(dm)
    for text in mrkdwn_texts(dm):
        assert "<!channel>" not in text and "<@U123>" not in text
    card = desk.command("/sample", "1", REP_EXPORT).body
    assert all("<!channel>" not in text for text in mrkdwn_texts(card))


# -- deciding --------------------------------------------------------------------------------


def test_the_manager_approves_in_the_dm_which_updates_in_place(desk, demo_db):
    sample_id, _ = requested(desk)
    dm = asked(desk, MANAGER_EXPORT, sample_id)
    name = desk.click_in_message(MANAGER_EXPORT, "sample_approve", str(sample_id), dm)
    assert "Sample #1 approved. Emma Davis and the desk have been told." in told(desk.slack, name)
    stored = sample(demo_db, sample_id)
    assert stored.status == "approved" and stored.approver_id == member_id(demo_db, MANAGER_EXPORT)
    assert stored.decided_at is not None
    decision = audits(demo_db, sample_id)[-1]
    assert (decision.actor, decision.action) == (MANAGER_EXPORT, "approve")
    assert (decision.before, decision.after) == ({"status": "requested"}, {"status": "approved"})
    updated = updated_for(desk.slack, MANAGER_EXPORT, "Approved by Sarah Miller")
    assert (updated["channel"], updated["ts"]) == sent_at(demo_db, "sample:1:ask:UMGR00002")
    assert not button_values(updated)
    [told_rep] = posted_to(desk.slack, REP_EXPORT, contains="was approved by Sarah Miller")
    assert not button_values(told_rep.args)
    [to_ship] = posted_to(desk.slack, DESK_EXPORT, contains="Please ship it")
    assert button_values(to_ship.args) == {"sample_ship": "1"}


def test_a_second_click_changes_nothing_and_says_who_decided_when(desk, demo_db):
    desk.command("/sample", "华联; 螺栓M8; 200; 试产", REP_EAST)
    dm = asked(desk, MANAGER_EAST, 1)
    desk.click_in_message(MANAGER_EAST, "sample_approve", "1", dm)
    updated_for(desk.slack, MANAGER_EAST, "周敏 Zhou Min 已于")
    before = snapshot(demo_db)
    again = told(desk.slack, desk.click_in_message(MANAGER_EAST, "sample_approve", "1", dm))
    assert again.startswith("样品 #1 已由 周敏 Zhou Min 于 ") and "批准。没有做任何更改。" in again
    assert snapshot(demo_db) == before


def test_a_replayed_approval_by_command_changes_nothing(desk, demo_db):
    sample_id, _ = requested(desk)
    desk.command("/sample", f"approve {sample_id}", MANAGER_EXPORT)
    before = snapshot(demo_db)
    text = desk.command("/sample", f"approve {sample_id}", MANAGER_EXPORT).text()
    assert "Sample #1 was already approved by Sarah Miller on " in text
    assert snapshot(demo_db) == before


def test_reject_asks_for_a_reason_then_updates_the_dm_and_tells_the_rep(desk, demo_db):
    sample_id, _ = requested(desk)
    dm = asked(desk, MANAGER_EXPORT, sample_id)
    desk.click_in_message(MANAGER_EXPORT, "sample_reject", str(sample_id), dm)
    [opened] = desk.slack.wait_for("views.open")
    form = opened.args["view"]
    assert (form["callback_id"], form["private_metadata"]) == ("sample_reject_form", "1")
    assert "Widget A × 200 for Northwind Trading Ltd" in message_text(form)
    assert sample(demo_db, sample_id).status == "requested"
    empty = desk.submit_view(
        MANAGER_EXPORT, "sample_reject_form", {"reason": text_value("  ")}, "1"
    )
    assert "Please give a reason" in empty.body["errors"]["reason"]
    too_long = {"reason": text_value("r" * 1001)}
    reply = desk.submit_view(MANAGER_EXPORT, "sample_reject_form", too_long, "1")
    assert "1000 characters" in reply.body["errors"]["reason"]
    assert sample(demo_db, sample_id).status == "requested"
    reason = {"reason": text_value("Northwind is not buying this year")}
    done = desk.submit_view(MANAGER_EXPORT, "sample_reject_form", reason, "1")
    assert done.body["response_action"] == "update"
    assert "Sample #1 rejected. Emma Davis has been told" in message_text(done.body["view"])
    stored = sample(demo_db, sample_id)
    assert (stored.status, stored.reject_reason) == (
        "rejected",
        "Northwind is not buying this year",
    )
    assert audits(demo_db, sample_id)[-1].after == {
        "status": "rejected",
        "reason": "Northwind is not buying this year",
    }
    updated = updated_for(desk.slack, MANAGER_EXPORT, "Rejected by Sarah Miller")
    assert (updated["channel"], updated["ts"]) == sent_at(demo_db, "sample:1:ask:UMGR00002")
    assert not button_values(updated)
    [to_rep] = posted_to(desk.slack, REP_EXPORT, contains="was rejected by Sarah Miller")
    assert "Reason: Northwind is not buying this year" in message_text(to_rep.args)
    with demo_db.session() as session:
        to_desk = select(Notification).where(Notification.channel == DESK_EXPORT)
        assert not session.exec(to_desk).all()


def test_a_stale_approve_button_after_a_rejection_changes_nothing(desk, demo_db):
    sample_id, _ = requested(desk)
    dm = asked(desk, MANAGER_EXPORT, sample_id)
    desk.command("/sample", f"reject {sample_id} budget is gone", MANAGER_EXPORT)
    before = snapshot(demo_db)
    text = told(desk.slack, desk.click_in_message(MANAGER_EXPORT, "sample_approve", "1", dm))
    assert "Sample #1 was already rejected by Sarah Miller on " in text
    told(
        desk.slack,
        desk.click_in_message(MANAGER_EXPORT, "sample_reject", "1", dm),
        "already rejected",
    )
    assert snapshot(demo_db) == before
    assert not desk.slack.calls_to("views.open")


@pytest.mark.parametrize(
    ("clicker", "expected"),
    [
        (MANAGER_EAST, "找不到您能查看的样品 #1"),
        (REP_EXPORT, "You can't decide your own sample request #1"),
        (DESK_EXPORT, "Only Sarah Miller (the requester's manager) or an admin"),
        (REP_EAST, "找不到您能查看的样品 #1"),
    ],
)
def test_only_the_requesters_manager_or_an_admin_decides(desk, demo_db, clicker, expected):
    sample_id, _ = requested(desk)
    dm = asked(desk, MANAGER_EXPORT, sample_id)
    before = snapshot(demo_db)
    for action in ("sample_approve", "sample_reject"):
        assert expected in told(desk.slack, desk.click_in_message(clicker, action, "1", dm))
    assert snapshot(demo_db) == before
    assert not desk.slack.calls_to("views.open")


def test_a_stranger_clicking_approve_changes_nothing(desk, demo_db):
    sample_id, _ = requested(desk)
    dm = asked(desk, MANAGER_EXPORT, sample_id)
    before = snapshot(demo_db)
    desk.click_in_message(STRANGER, "sample_approve", "1", dm)
    assert snapshot(demo_db) == before
    assert "registered" in desk.command("/sample", "approve 1", STRANGER).text()
    assert snapshot(demo_db) == before


def test_a_forged_button_value_is_refused_politely(desk, demo_db):
    requested(desk)
    text = told(desk.slack, desk.click_in_message(MANAGER_EXPORT, "sample_approve", "1; drop"))
    assert "is not a sample number" in text
    assert sample(demo_db, 1).status == "requested"


# -- routing to the right approver -----------------------------------------------------------


def test_a_manager_who_is_not_registered_falls_back_to_the_teams_manager(desk, demo_db):
    with demo_db.session() as session:
        rep = session.exec(select(Member).where(Member.slack_user_id == REP_EXPORT)).one()
        rep.manager_slack_id = "UGHOST001"
    text = desk.command("/sample", "C-2001; Widget; 5", REP_EXPORT).text()
    assert "sent to Sarah Miller" in text
    asked(desk, MANAGER_EXPORT, 1)


def test_without_any_manager_the_admins_decide_and_the_rep_is_told_so(desk, demo_db):
    with demo_db.session() as session:
        rep = session.exec(select(Member).where(Member.slack_user_id == REP_EXPORT)).one()
        rep.manager_slack_id = None
        session.get(Team, rep.team_id).manager_slack_id = None
    text = desk.command("/sample", "C-2001; Widget; 5", REP_EXPORT).text()
    assert (
        "You have no manager in Sales Desk, so request #1 went to the admins (Alex Admin)" in text
    )
    dm = asked(desk, ADMIN, 1)
    assert "You get this as an admin: Emma Davis has no manager" in message_text(dm)
    refused = told(desk.slack, desk.click_in_message(MANAGER_EXPORT, "sample_approve", "1", dm))
    assert "Only an admin can approve or reject sample #1" in refused
    desk.click_in_message(ADMIN, "sample_approve", "1", dm)
    updated_for(desk.slack, ADMIN, "Approved by Alex Admin")
    assert sample(demo_db, 1).status == "approved"


def test_a_manager_s_own_request_goes_to_the_admins_and_says_why(desk, demo_db):
    # 周敏 manages East and has no manager of her own; Sarah Miller manages Export.
    chinese = desk.command("/sample", "C-1001; Widget; 5", MANAGER_EAST)
    english = desk.command("/sample", "C-2001; Widget; 5", MANAGER_EXPORT)

    assert chinese.text().splitlines()[0] == (
        "您是团队主管，不能审批自己的申请，所以申请 #1 已提交给管理员（Alex Admin）审批，"
        "有结果会马上通知您。"
    )
    assert english.text().splitlines()[0] == (
        "You manage your team and nobody approves their own request, so request #2 went to the "
        "admins (Alex Admin) for approval. You will hear as soon as it is decided."
    )
    for reply in (chinese, english):
        assert "Zhou Min" not in message_text(reply.body)
        assert "Sarah Miller" not in message_text(reply.body)
    dm = message_text(asked(desk, ADMIN, 2))
    assert "You get this as an admin: Sarah Miller manages their team" in dm
    assert "has no manager" not in dm


def test_an_admin_s_own_request_with_no_other_admin_says_nobody_can_approve_it(desk, demo_db):
    reply = desk.command("/sample", "C-2001; Widget; 5", ADMIN)

    assert reply.text().splitlines()[0] == (
        "Request #1 is recorded, but nobody approves their own request and there is no other "
        "admin to approve it. Add another admin, or set up a manager for yourself."
    )
    assert "Waiting for" not in message_text(reply.body)


# -- shipping, delivery, feedback ------------------------------------------------------------


def test_ship_deliver_and_feedback_each_tell_the_people_concerned(desk, demo_db):
    sample_id, _ = requested(desk)
    desk.command("/sample", f"approve {sample_id}", MANAGER_EXPORT)
    [to_ship] = posted_to(desk.slack, DESK_EXPORT, contains="Please ship it")

    # The desk's Ship button asks for the tracking number.
    desk.click_in_message(DESK_EXPORT, "sample_ship", "1", to_ship.args)
    [opened] = desk.slack.wait_for("views.open")
    assert opened.args["view"]["callback_id"] == "sample_ship_form"
    empty = desk.submit_view(DESK_EXPORT, "sample_ship_form", {"tracking": text_value("")}, "1")
    assert "Please enter the tracking number" in empty.body["errors"]["tracking"]
    tracking = {"tracking": text_value("SF1234567890")}
    done = desk.submit_view(DESK_EXPORT, "sample_ship_form", tracking, "1")
    assert "Sample #1 marked shipped (tracking SF1234567890)" in message_text(done.body["view"])
    stored = sample(demo_db, sample_id)
    assert (stored.status, stored.tracking_no) == ("shipped", "SF1234567890")
    assert stored.shipped_at is not None
    shipped_update = updated_for(desk.slack, DESK_EXPORT, "Shipped by Tom Baker")
    where = sent_at(demo_db, "sample:1:to-ship:UDESK0002")
    assert (shipped_update["channel"], shipped_update["ts"]) == where
    assert button_values(shipped_update) == {"sample_deliver": "1"}
    [shipped_dm] = posted_to(desk.slack, REP_EXPORT, contains="tracking SF1234567890")
    assert button_values(shipped_dm.args) == {"sample_deliver": "1"}

    # The rep marks it delivered from that message.
    delivered = told(
        desk.slack, desk.click_in_message(REP_EXPORT, "sample_deliver", "1", shipped_dm.args)
    )
    assert "Sample #1 marked delivered" in delivered
    assert sample(demo_db, sample_id).status == "delivered"
    assert not button_values(
        updated_for(desk.slack, DESK_EXPORT, "Delivered, marked by Emma Davis")
    )
    assert not button_values(updated_for(desk.slack, REP_EXPORT, "Delivered, marked by Emma Davis"))
    [ask_feedback] = posted_to(desk.slack, REP_EXPORT, contains="Record their feedback")
    assert button_values(ask_feedback.args) == {"sample_feedback": "1"}

    # The rep records the customer's feedback in its form.
    desk.click_in_message(REP_EXPORT, "sample_feedback", "1", ask_feedback.args)
    forms = desk.slack.wait_for("views.open", count=2)
    assert forms[-1].args["view"]["callback_id"] == "sample_feedback_form"
    said = {"feedback": text_value("Loved it; wants 5,000 pcs in March")}
    done = desk.submit_view(REP_EXPORT, "sample_feedback_form", said, "1")
    assert "Feedback on sample #1 recorded" in message_text(done.body["view"])
    stored = sample(demo_db, sample_id)
    assert (stored.status, stored.feedback) == ("feedback", "Loved it; wants 5,000 pcs in March")
    assert not button_values(updated_for(desk.slack, REP_EXPORT, "Feedback recorded by Emma Davis"))
    [to_manager] = posted_to(desk.slack, MANAGER_EXPORT, contains="recorded the customer's")
    assert "Loved it; wants 5,000 pcs in March" in message_text(to_manager.args)

    steps = [(a.actor, a.action, a.before, a.after["status"]) for a in audits(demo_db, sample_id)]
    assert steps == [
        (REP_EXPORT, "request", None, "requested"),
        (MANAGER_EXPORT, "approve", {"status": "requested"}, "approved"),
        (DESK_EXPORT, "ship", {"status": "approved"}, "shipped"),
        (REP_EXPORT, "deliver", {"status": "shipped"}, "delivered"),
        (REP_EXPORT, "feedback", {"status": "delivered"}, "feedback"),
    ]
    card = desk.command("/sample", "1", REP_EXPORT).text()
    for line in ("Shipped by Tom Baker", "tracking SF1234567890", "Feedback recorded by Emma"):
        assert line in card


def test_the_one_line_steps_and_their_stale_repeats(desk, demo_db):
    sample_id, _ = requested(desk)
    early = desk.command("/sample", f"ship {sample_id} SF1", DESK_EXPORT).text()
    assert "Sample #1 is still waiting for approval" in early
    desk.command("/sample", f"approve {sample_id}", MANAGER_EXPORT)
    assert "has not been shipped yet" in desk.command("/sample", "delivered 1", DESK_EXPORT).text()
    text = desk.command("/sample", "ship 1 顺丰 SF1234567890", DESK_EXPORT).text()
    assert "marked shipped (tracking 顺丰 SF1234567890)" in text
    again = desk.command("/sample", "ship 1 SF999", DESK_EXPORT).text()
    assert "was already shipped by Tom Baker on " in again and "顺丰 SF1234567890" in again
    early = desk.command("/sample", "feedback 1 nice", REP_EXPORT).text()
    assert "mark it delivered first (/sample delivered 1)" in early
    delivered = desk.command("/sample", "delivered 1", DESK_EXPORT).text()
    assert "Sample #1 marked delivered" in delivered
    repeat = desk.command("/sample", "delivered 1", REP_EXPORT).text()
    assert "already marked delivered by Tom Baker" in repeat
    assert "recorded" in desk.command("/sample", "feedback 1 nice; more please", REP_EXPORT).text()
    repeat = desk.command("/sample", "feedback 1 changed my mind", REP_EXPORT).text()
    assert "already recorded by Emma Davis" in repeat
    assert sample(demo_db, 1).feedback == "nice; more please"
    [told_rep] = posted_to(desk.slack, REP_EXPORT, contains="Record their feedback")
    assert "Delivered, marked by Tom Baker" in message_text(told_rep.args)


@pytest.mark.parametrize(
    ("text", "user", "expected"),
    [
        ("ship 1 " + "T" * 101, DESK_EXPORT, "tracking number is too long: 100 characters"),
        ("reject 1 " + "r" * 1001, MANAGER_EXPORT, "reason is too long: 1000 characters"),
        ("feedback 1 " + "f" * 3001, REP_EXPORT, "3000 characters at most"),
        ("approve 99999", MANAGER_EXPORT, "I can't find a sample #99999 that you can see"),
        ("ship 0x1 SF1", DESK_EXPORT, "Which sample?"),
        ("delivered", DESK_EXPORT, "Which sample? Add its number, like /sample delivered 12"),
    ],
)
def test_bad_step_input_is_refused_and_changes_nothing(desk, demo_db, text, user, expected):
    requested(desk)
    before = snapshot(demo_db)
    assert expected in desk.command("/sample", text, user).text()
    assert snapshot(demo_db) == before


def test_ship_without_a_tracking_number_opens_its_form(desk, demo_db):
    sample_id, _ = requested(desk)
    assert "still waiting for approval" in desk.command("/sample", "ship 1", DESK_EXPORT).text()
    desk.command("/sample", "approve 1", MANAGER_EXPORT)
    reply = desk.command("/sample", "ship 1", DESK_EXPORT)
    assert reply.status == 200
    [opened] = desk.slack.wait_for("views.open")
    assert (opened.args["view"]["callback_id"], opened.args["view"]["private_metadata"]) == (
        "sample_ship_form",
        str(sample_id),
    )
    refused = desk.command("/sample", "ship 1", REP_EXPORT).text()
    assert "Only the sales desk, managers and admins can ship samples" in refused


def test_reject_and_feedback_without_words_open_their_forms(desk, demo_db):
    requested(desk)
    desk.command("/sample", "reject 1", MANAGER_EXPORT)
    [reject] = desk.slack.wait_for("views.open")
    assert reject.args["view"]["callback_id"] == "sample_reject_form"
    assert "rejected" not in desk.command("/sample", "reject 1", DESK_EXPORT).text()
    desk.command("/sample", "approve 1", MANAGER_EXPORT)
    desk.command("/sample", "ship 1 SF1", DESK_EXPORT)
    desk.command("/sample", "delivered 1", DESK_EXPORT)
    assert "Only Emma Davis, who asked" in desk.command("/sample", "反馈 1", DESK_EXPORT).text()
    desk.command("/sample", "反馈 1", REP_EXPORT)
    forms = desk.slack.wait_for("views.open", count=2)
    assert forms[-1].args["view"]["callback_id"] == "sample_feedback_form"
    assert len(desk.slack.calls_to("views.open")) == 2


# -- who may do what -------------------------------------------------------------------------

ROLES = {
    "rep": REP_EXPORT,  # the requester
    "desk": DESK_EXPORT,
    "manager": MANAGER_EXPORT,
    "admin": ADMIN,
    "unregistered": STRANGER,
    "rep of another team": REP_EAST,
}
# The state each action needs, the command that takes it, and the status it leads to.
ACTIONS = {
    "request": (None, "C-2001; Widget {n}; 5", "requested"),
    "approve": ("requested", "approve {id}", "approved"),
    "reject": ("requested", "reject {id} not now", "rejected"),
    "ship": ("approved", "ship {id} SF{n}", "shipped"),
    "deliver": ("shipped", "delivered {id}", "delivered"),
    "feedback": ("delivered", "feedback {id} they liked it", "feedback"),
}
ALLOWED = {
    "rep": {"request", "deliver", "feedback"},
    "desk": {"request", "ship", "deliver"},
    "manager": {"request", "approve", "reject", "ship", "deliver"},
    "admin": {"request", "approve", "reject", "ship", "deliver", "feedback"},
    "unregistered": set(),
    "rep of another team": set(),
}


def sample_in_state(db, status: str, n: int) -> int:
    """A request by the Export rep, moved on to `status` by the people who would."""
    with db.session() as session:
        draft = SampleDraft(customer_id(db, "C-2001"), f"Part {n}", Decimal(5))
        sample_id = request_sample(session, actor(db, REP_EXPORT), draft).card.id
    steps = {
        "approved": lambda s: approve_sample(s, actor(db, MANAGER_EXPORT), sample_id),
        "shipped": lambda s: ship_in_db(s, actor(db, DESK_EXPORT), sample_id, f"T{n}"),
        "delivered": lambda s: mark_delivered(s, actor(db, DESK_EXPORT), sample_id),
    }
    for reached, step in steps.items():
        if status == "requested":
            break
        with db.session() as session:
            step(session)
        if reached == status:
            break
    return sample_id


def test_permission_matrix(desk, demo_db):
    outcomes = {}
    numbers = counter(1)
    for role, user in ROLES.items():
        for action, (needed, command, leads_to) in ACTIONS.items():
            n = next(numbers)
            sample_id = sample_in_state(demo_db, needed, n) if needed else None
            before = snapshot(demo_db)
            reply = desk.command("/sample", command.format(id=sample_id, n=n), user)
            assert reply.status == 200 and reply.text().strip(), (role, action)
            if action == "request":
                done = count(demo_db, SampleRequest) == len(before[0]) + 1
            else:
                done = sample(demo_db, sample_id).status == leads_to
            outcomes[(role, action)] = done
            if not done:
                assert snapshot(demo_db) == before, (role, action)
    expected = {(role, action): action in ALLOWED[role] for role in ROLES for action in ACTIONS}
    assert outcomes == expected


# -- reading ---------------------------------------------------------------------------------


def test_list_shows_the_open_requests_the_actor_may_see(desk, demo_db):
    desk.command("/sample", "C-2001; Widget; 5; by next Friday", REP_EXPORT)
    desk.command("/sample", "C-2002; Gear; 7", REP_EXPORT)
    desk.command("/sample", "华联; 螺栓M8; 200", REP_EAST)
    desk.command("/sample", "reject 2 no", MANAGER_EXPORT)
    mine = desk.command("/sample", "list", REP_EXPORT).text()
    assert "Open sample requests (1)" in mine
    assert "#1 · Northwind Trading Ltd · Widget × 5 · Awaiting approval · needed by" in mine
    assert "Gear" not in mine and "螺栓" not in mine
    assert "Widget" in desk.command("/sample", "list", DESK_EXPORT).text()
    east = desk.command("/sample", "列表", DESK_EAST).text()
    assert "未完成的样品申请（1）" in east and "螺栓M8 × 200" in east and "Widget" not in east
    everything = desk.command("/sample", "list", ADMIN).text()
    assert "Open sample requests (2)" in everything
    assert "没有您能看到的未完成样品申请" in desk.command("/sample", "list", "UREP00002").text()


def test_a_card_offers_only_what_the_reader_may_do_now(desk, demo_db):
    requested(desk)
    assert button_values(desk.command("/sample", "1", MANAGER_EXPORT).body) == {
        "sample_approve": "1",
        "sample_reject": "1",
    }
    rep_card = desk.command("/sample", "show 1", REP_EXPORT).body
    assert not button_values(rep_card)
    assert "Waiting for: Sarah Miller" in message_text(rep_card)
    desk.command("/sample", "approve 1", MANAGER_EXPORT)
    assert button_values(desk.command("/sample", "1", DESK_EXPORT).body) == {"sample_ship": "1"}
    assert "找不到您能查看的样品 #1" in desk.command("/sample", "1", DESK_EAST).text()


def test_dates_show_in_the_readers_language_and_zone(desk, demo_db):
    needed = date.today() + timedelta(days=30)
    desk.command("/sample", f"华联; 螺栓M8; 200; {needed.isoformat()}", REP_EAST)
    card = message_text(desk.command("/sample", "1", REP_EAST).body)
    assert f"需要日期：{needed.year}年{needed.month}月{needed.day}日" in card
    english = message_text(desk.command("/sample", "1", ADMIN).body)
    assert f"Needed by: {needed.strftime('%b')} {needed.day}, {needed.year}" in english
