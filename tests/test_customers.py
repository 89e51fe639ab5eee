"""/customer: the customer card, the choice between several matches, and who may see what,
driven over signed HTTP against the demo workspace."""

import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from harness import mrkdwn_texts, visible_text
from helpers import button_elements, customer_id, member_id
from storage.models import Contact, Customer, Meeting, SampleRequest

ADMIN = "UADMIN0001"  # English
MANAGER_EAST = "UMGR00001"
DESK_EAST = "UDESK0001"  # Chinese
REP_EAST = "UREP00001"  # owns C-1001 上海华联机械有限公司 and C-1002
OTHER_REP_EAST = "UREP00002"  # owns C-1003
MANAGER_EXPORT = "UMGR00002"
DESK_EXPORT = "UDESK0002"
REP_EXPORT = "UREP00003"  # owns C-2001 Northwind and C-2002 Bluebird
STRANGER = "UNOBODY01"


def shown(reply) -> str:
    """What a person reads, button labels included (harness.visible_text skips buttons)."""
    if not isinstance(reply.body, dict):
        return reply.body
    blocks = [b for b in reply.body.get("blocks", []) if b["type"] != "actions"]
    body = {**reply.body, "blocks": blocks}
    return "\n".join(
        [visible_text(body), *(b["text"]["text"] for b in button_elements(reply.body))]
    )


def card(desk, text: str, user: str) -> str:
    return shown(desk.command("/customer", text, user))


def click(desk, user: str, button: dict, name: str) -> str:
    desk.interact(
        {
            "type": "block_actions",
            "user": user,
            "container": {"type": "message", "is_ephemeral": True},
            "channel": {"id": "C0001", "name": "sales-desk"},
            "response_url": desk.slack.response_url(name),
            "actions": [{**button, "action_ts": "1700000000.000001"}],
        }
    )
    [answer] = desk.slack.wait_for("response_url", where=lambda c: c.args["_name"] == name)
    assert answer.args["replace_original"] is True
    assert answer.args["response_type"] == "ephemeral"
    return visible_text(answer.args)


def add_samples_and_meetings(db) -> None:
    c1001, rep = customer_id(db, "C-1001"), member_id(db, REP_EAST)
    now = datetime.now(UTC)
    with db.session() as session:
        for product, status in [
            ("Valve V-20", "requested"),
            ("Gasket G-7", "shipped"),
            ("Old sample", "delivered"),
            ("Liked it", "feedback"),
            ("Refused", "rejected"),
        ]:
            session.add(
                SampleRequest(
                    rep_id=rep,
                    customer_id=c1001,
                    product=product,
                    quantity=Decimal("12.000"),
                    status=status,
                    needed_by=date.today() + timedelta(days=5),
                )
            )
        for title, starts, status in [
            ("Quarterly review 季度回顾", now + timedelta(days=2), "scheduled"),
            ("Last month's visit", now - timedelta(days=30), "scheduled"),
            ("Called off", now + timedelta(days=3), "cancelled"),
        ]:
            session.add(
                Meeting(
                    organiser_id=rep,
                    title=title,
                    customer_id=c1001,
                    starts_at=starts,
                    ends_at=starts + timedelta(hours=1),
                    place="Room 3",
                    status=status,
                )
            )


def test_the_card_shows_everything_open_with_the_customer(desk, demo_db):
    add_samples_and_meetings(demo_db)
    for n in range(4):
        desk.command("/visit", f"C-1001; call; visit number {n}; when: {4 - n} days ago", ADMIN)
    reply = desk.command("/customer", "C-1001", ADMIN)
    assert reply.status == 200 and reply.body["response_type"] == "ephemeral"
    text = shown(reply)
    assert "C-1001 · 上海华联机械有限公司" in text
    assert "Tier: A (key account)" in text
    assert "Owner: 王芳 Wang Fang" in text and "Region: 上海" in text
    assert "张伟 · +86 138 0000 1001" in text
    assert "Last visits (4)" in text
    assert "visit number 3" in text and "visit number 1" in text and "visit number 0" not in text
    assert text.index("visit number 3") < text.index("visit number 1")
    assert "…and 1 more" in text
    assert "Open orders (3)" in text
    assert all(number in text for number in ("1234", "1235", "1240"))
    assert ":warning: 1234 · In production" in text
    assert "Pending samples (2)" in text
    assert "Valve V-20 × 12 · Awaiting approval" in text and "Gasket G-7" in text
    assert not any(gone in text for gone in ("Old sample", "Liked it", "Refused"))
    assert "Upcoming meetings (1)" in text
    assert "Quarterly review 季度回顾 · Room 3" in text
    assert "Last month's visit" not in text and "Called off" not in text


def test_the_card_reads_in_chinese_with_empty_sections_said_plainly(desk):
    text = card(desk, "明达", REP_EAST)
    assert "C-1002 · 杭州明达电子" in text
    assert "等级：B（重点客户）" in text and "负责人：王芳 Wang Fang" in text
    assert (
        "暂无拜访记录。" in text and "没有待处理的样品。" in text and "没有已安排的会议。" in text
    )
    assert "未完成订单（2）" in text and "已审核确认" in text


def test_orders_beyond_five_are_counted(desk, demo_db):
    from storage.models import SalesOrder

    c2002, rep = customer_id(demo_db, "C-2002"), member_id(demo_db, REP_EXPORT)
    with demo_db.session() as session:
        for n in range(6):
            session.add(
                SalesOrder(
                    number=f"EX-6{n:02d}",
                    customer_id=c2002,
                    rep_id=rep,
                    status="confirmed",
                    amount=Decimal("100.00"),
                    currency="EUR",
                    ordered_on=date.today(),
                )
            )
    text = card(desk, "bluebird", REP_EXPORT)
    assert "Open orders (8)" in text  # six new, EX-503 (invoiced) and EX-505; not EX-504 (paid)
    assert "…and 3 more" in text
    assert "EX-504" not in text


def test_names_match_in_any_case_and_width(desk):
    for typed in ("northwind", "ＮＯＲＴＨＷＩＮＤ", "NorthWind trading", "c-2001", "Ｃ－２００１"):
        assert "C-2001 · Northwind Trading Ltd" in card(desk, typed, REP_EXPORT), typed
    assert "C-1001 · 上海华联机械有限公司" in card(desk, "华联机械", DESK_EAST)


def test_several_matches_offer_a_button_per_customer_that_opens_its_card(desk):
    reply = desk.command("/customer", "C-100", ADMIN)
    text = shown(reply)
    assert "Several customers match “C-100”. Which one?" in text
    choices = button_elements(reply.body)
    assert sorted(b["text"]["text"] for b in choices) == [
        "C-1001 · 上海华联机械有限公司",
        "C-1002 · 杭州明达电子",
        "C-1003 · 苏州新材料科技",
    ]
    chosen = next(b for b in choices if b["text"]["text"].startswith("C-1003"))
    opened = click(desk, ADMIN, chosen, "choose")
    assert "C-1003 · 苏州新材料科技" in opened and "Owner: 陈杰 Chen Jie" in opened


def test_no_match_is_polite_and_offers_close_matches(desk):
    text = card(desk, "Nortwind", REP_EXPORT)
    assert "I can't find a customer matching “Nortwind” among those you can see." in text
    assert "Did you mean one of these?" in text and "C-2001 · Northwind Trading Ltd" in text
    nothing = card(desk, "qqqqqq", REP_EXPORT)
    assert "I can't find a customer matching “qqqqqq”" in nothing and "Did you mean" not in nothing


def test_a_customer_you_may_not_see_reads_like_one_that_does_not_exist(desk, demo_db):
    hidden = card(desk, "C-1001", REP_EXPORT)
    assert "华联" not in hidden
    with demo_db.session() as session:
        customer = session.get(Customer, customer_id(demo_db, "C-1001"))
        customer.code, customer.name = "GONE-1", "Gone"
    assert card(desk, "C-1001", REP_EXPORT) == hidden
    assert "上海华联机械" not in card(desk, "华联", REP_EXPORT)
    assert "C-1001" not in card(desk, "上海华联机械有限公司", DESK_EXPORT)


def test_a_forged_button_for_a_hidden_customer_shows_nothing(desk, demo_db):
    hidden = str(customer_id(demo_db, "C-1001"))
    for name, value in (("hidden", hidden), ("garbage", "x1"), ("gone", "999999")):
        button = {"type": "button", "action_id": "customer_card_open_0", "value": value}
        text = click(desk, REP_EXPORT, button, name)
        assert text.startswith("I can't find that customer among those you can see."), text
        assert "华联" not in text


@pytest.mark.parametrize(
    ("user", "may_see"),
    [
        (REP_EAST, True),
        (OTHER_REP_EAST, False),
        (DESK_EAST, True),
        (MANAGER_EAST, True),
        (DESK_EXPORT, False),
        (MANAGER_EXPORT, False),
        (ADMIN, True),
        (STRANGER, False),
    ],
)
def test_who_may_see_the_card_of_c_1001(desk, user, may_see):
    text = card(desk, "C-1001", user)
    assert ("上海华联机械有限公司" in text) is may_see
    if user == STRANGER:
        assert "not registered with Sales Desk" in text


def test_bare_customer_and_help_show_usage(desk):
    for text in ("", "help", "  "):
        assert "/customer C-1001" in card(desk, text, ADMIN)
    assert "客户卡片" in card(desk, "帮助", REP_EAST)


def test_a_query_too_long_is_refused(desk):
    assert "200 characters at most" in card(desk, "x" * 201, ADMIN)


def test_user_text_is_shown_never_obeyed(desk, demo_db):
    add_samples_and_meetings(demo_db)
    with demo_db.session() as session:
        customer = session.get(Customer, customer_id(demo_db, "C-1001"))
        customer.name = "<!channel> *Bold* <@U999> & Co"
        customer.region = "<!here>"
        session.add(Contact(customer_id=customer.id, name="<@U123>", email="a@b.c <!everyone>"))
    desk.command("/visit", "C-1001; call; <!here> *shout*", ADMIN)
    replies = [
        desk.command("/customer", "C-1001", ADMIN),
        desk.command("/customer", "<!channel>", ADMIN),
        desk.command("/customer", "C-10", ADMIN),
        desk.command("/customer", "<!subteam^S1>", ADMIN),
    ]
    for reply in replies:
        assert all("<!" not in text and "<@" not in text for text in mrkdwn_texts(reply.body))
    assert "<!channel> *Bold* <@U999> & Co" in shown(replies[0])
    assert "<!here> *shout*" in shown(replies[0])
    assert json.dumps(replies[0].body).count('"type": "mrkdwn"') == 5  # section headings only


def test_an_exact_name_wins_however_many_names_contain_it(desk, demo_db):
    owner = member_id(demo_db, REP_EXPORT)
    with demo_db.session() as session:
        session.add(Customer(code="Z-ACME", name="Acme", owner_id=owner))
        for n in range(15):
            session.add(Customer(code=f"A-{n:02d}", name=f"Able Acme {n:02d}", owner_id=owner))
    text = card(desk, "ＡＣＭＥ", REP_EXPORT)
    assert "Z-ACME · Acme" in text and "Owner: Emma Davis" in text
    several = card(desk, "able acme", REP_EXPORT)
    assert "Several customers match" in several and "Only the first 10 are shown" in several
