"""Opportunities (商机): `/deal` in one line and by form, in English and Chinese; lists, the card
and its buttons; moving forward and back, won (the order, with the lines of the accepted quote)
and lost; double clicks, stale buttons and replays; who may touch whose; stalled ones for the
stand-up. Over signed HTTP into the real app, on SQLite and PostgreSQL."""

import re
import threading
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlmodel import col, select

from commands.deals import stalled_opportunities
from harness import RunningDesk
from helpers import button_values, count, customer_id, import_files, member_id, message_text, told
from storage.models import (
    AuditEntry,
    Opportunity,
    OpportunityStageChange,
    OrderLine,
    SalesOrder,
)

WANG = "U0REPWANG"  # 王芳, zh-CN, East; owns C-1001
CHEN = "U0REPCHEN"  # 陈杰, zh-CN, East; owns C-1002
EMMA = "U0REPEMMA"  # Emma Davis, en, Export; owns C-2001
ZHOU = "U0MGRZHOU"  # 周敏, manager of East
LINA = "U0DESKLIN"  # 李娜, desk of East
MARK = "U0MGREXPO"  # Mark Hill, manager of Export
ADMIN = "U0ADMIN01"
STRANGER = "U0NOBODY1"

FILES = {
    "teams": "name,slack_channel_id,timezone\n"
    "华东 East,C0EAST0001,Asia/Shanghai\n"
    "Export,C0EXPORT01,Europe/London\n",
    "members": "slack_user_id,name,role,team,locale\n"
    f"{ZHOU},周敏,manager,华东 East,zh-CN\n"
    f"{LINA},李娜,desk,华东 East,zh-CN\n"
    f"{WANG},王芳,rep,华东 East,zh-CN\n"
    f"{CHEN},陈杰,rep,华东 East,zh-CN\n"
    f"{MARK},Mark Hill,manager,Export,en\n"
    f"{EMMA},Emma Davis,rep,Export,en\n"
    f"{ADMIN},Ada Admin,admin,,en\n",
    "customers": "code,name,owner_slack_id\n"
    f"C-1001,上海华联贸易有限公司,{WANG}\n"
    f"C-1002,杭州明达电子,{CHEN}\n"
    f'C-2001,"Acme Trading Co., Ltd.",{EMMA}\n',
    "orders": "number,customer_code,status,amount\nSO-7,C-1001,received,10\n1240,C-1001,paid,100\n",
    "products": "sku,name_en,name_zh,list_price\n"
    "FL-100,Flange DN100,法兰 DN100,120\n"
    "VL-50,Valve DN50,阀门 DN50,300\n",
}
NEXT_YEAR = date.today().year + 1


@pytest.fixture
def desk(db, database_url, monkeypatch, tmp_path, slack):
    import_files(database_url, monkeypatch, tmp_path, FILES)
    with RunningDesk(db, slack) as running:
        yield running


def said(reply) -> str:
    assert reply.status == 200, reply.body
    return message_text(reply.body)


def deal(db, deal_id: int) -> Opportunity:
    with db.session() as session:
        return session.get(Opportunity, deal_id)


def newest_deal_id(db) -> int:
    with db.session() as session:
        return session.exec(select(Opportunity.id).order_by(col(Opportunity.id).desc())).first()


def snapshot(db) -> tuple:
    """Everything a refused action must leave as it was."""
    with db.session() as session:
        deals = [
            (d.id, d.stage, d.next_step, d.lost_reason, d.order_id, d.last_activity_at)
            for d in session.exec(select(Opportunity).order_by(Opportunity.id))
        ]
    return deals, count(db, OpportunityStageChange), count(db, AuditEntry), count(db, SalesOrder)


def new_deal(desk, user=WANG, line=f"C-1001; 年度法兰采购; 120000 CNY; {NEXT_YEAR}-12-31") -> int:
    text = said(desk.command("/deal", f"新建 {line}", user))
    assert "已保存" in text or "is saved" in text, text
    return newest_deal_id(desk.desk.db)


def card(desk, deal_id: int, user=WANG) -> dict:
    reply = desk.command("/deal", str(deal_id), user)
    assert reply.status == 200
    return reply.body


def click(desk, user: str, message: dict, action: str) -> str:
    """Click the button `action` of a card, as `user`; what they are told."""
    value = button_values(message)[action]
    name = desk.click_in_message(user, action, value, message)
    return told(desk.slack, name)


# -- creating, listing, showing --------------------------------------------------------------


def test_one_line_creates_an_opportunity_at_qualification_with_its_history(desk):
    text = said(
        desk.command("/deal", f"新建 C-1001；年度法兰采购；120000 CNY；{NEXT_YEAR}-12-31", WANG)
    )
    assert "年度法兰采购" in text and "上海华联贸易有限公司" in text and "资格确认" in text
    assert "负责人 王芳" in text
    saved = deal(desk.desk.db, newest_deal_id(desk.desk.db))
    assert saved.stage == "qualification" and saved.amount == Decimal("120000.00")
    assert saved.currency == "CNY" and saved.expected_close_on == date(NEXT_YEAR, 12, 31)
    assert saved.owner_id == member_id(desk.desk.db, WANG)
    with desk.desk.db.session() as session:
        [change] = session.exec(select(OpportunityStageChange)).all()
        [entry] = session.exec(select(AuditEntry).where(AuditEntry.entity == "opportunity")).all()
    assert change.from_stage is None and change.to_stage == "qualification"
    assert entry.action == "create" and entry.actor == WANG


def test_english_one_line_by_customer_name_with_a_currency_word(desk):
    text = said(
        desk.command("/deal", "new Acme Trading; Spares 2027; USD 8,500.50; next Friday", EMMA)
    )
    assert "Opportunity #" in text and "Spares 2027" in text and "$8,500.50" in text
    saved = deal(desk.desk.db, newest_deal_id(desk.desk.db))
    assert saved.currency == "USD" and saved.amount == Decimal("8500.50")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("C-1001; 标题; 一万; 2099-01-01", "不是金额"),
        ("C-1001; 标题; 100 XYZ", "不认识币种"),
        ("C-1001; 标题; -100", "不是金额"),
        ("C-9999; 标题; 100", "你的客户中没有叫"),
        ("C-1002; 标题; 100", "你的客户中没有叫"),  # 陈杰's customer: not 王芳's to use
        ("C-1001; 标题; 100; 某天吧", "看不懂日期"),
        ("C-1001; 标题; 100; 2001-01-01", "已经过去了"),
        ("C-1001; 标题", "一行新建商机的格式是"),
    ],
)
def test_bad_one_line_input_is_told_politely_and_saves_nothing(desk, line, expected):
    before = snapshot(desk.desk.db)
    assert expected in said(desk.command("/deal", f"新建 {line}", WANG))
    assert snapshot(desk.desk.db) == before


def test_the_form_opens_and_its_submission_creates_the_opportunity(desk):
    reply = desk.command("/deal", "", WANG)
    assert reply.status == 200
    [form] = desk.slack.wait_for("views.open")
    assert form.args["view"]["callback_id"] == "deal_form"
    values = {
        "customer": {
            "customer_select": {
                "selected_option": {"value": str(customer_id(desk.desk.db, "C-1001"))}
            }
        },
        "title": {"value": {"value": "Pump retrofit"}},
        "amount": {"value": {"value": "50000"}},
        "currency": {"value": {"value": ""}},
        "close_on": {"value": {"selected_date": f"{NEXT_YEAR}-03-01"}},
        "next_step": {"value": {"value": "Site visit"}},
    }
    done = desk.submit_view(WANG, "deal_form", values).body
    assert done["response_action"] == "update" and "Pump retrofit" in message_text(done["view"])
    saved = deal(desk.desk.db, newest_deal_id(desk.desk.db))
    assert (saved.title, saved.currency, saved.next_step) == ("Pump retrofit", "CNY", "Site visit")


def test_a_form_with_problems_names_each_under_its_field_and_saves_nothing(desk):
    values = {
        "title": {"value": {"value": ""}},
        "amount": {"value": {"value": "lots"}},
        "currency": {"value": {"value": ""}},
        "close_on": {"value": {"selected_date": None}},
    }
    reply = desk.submit_view(EMMA, "deal_form", values).body
    assert reply["response_action"] == "errors"
    assert set(reply["errors"]) == {"customer", "title", "amount"}
    assert "Choose the customer" in reply["errors"]["customer"]
    assert count(desk.desk.db, Opportunity) == 0


def test_lists_mine_and_the_team_for_its_manager_but_not_for_a_rep(desk):
    mine = new_deal(desk)
    theirs = new_deal(desk, CHEN, "C-1002; 电子元件; 3000")
    wang = said(desk.command("/deal", "列表", WANG))
    assert f"#{mine} " in wang and f"#{theirs} " not in wang and "你的进行中商机（1）" in wang
    team = said(desk.command("/deal", "list team", ZHOU))
    assert f"#{mine} " in team and f"#{theirs} " in team and "王芳" in team and "陈杰" in team
    assert "只有主管和内勤" in said(desk.command("/deal", "列表团队", WANG))
    assert "no open opportunities" in said(desk.command("/deal", "list team", MARK))
    assert "没有赢单的商机" in said(desk.command("/deal", "列表 赢单", WANG))


def test_the_card_shows_details_probability_history_and_buttons(desk):
    deal_id = new_deal(desk)
    said(desk.command("/deal", f"{deal_id} 下一步 周五寄样品", WANG))
    shown = card(desk, deal_id)
    text = message_text(shown)
    assert "资格确认（10%）" in text and "下一步：周五寄样品" in text
    assert "由 王芳 新建" in text
    assert set(button_values(shown)) == {
        "deal_move_needs",
        "deal_move_proposal",
        "deal_move_negotiation",
        "deal_won",
        "deal_lost",
    }


# -- moving ----------------------------------------------------------------------------------


def test_moving_forward_and_back_leaves_history_audit_and_activity(desk):
    deal_id = new_deal(desk)
    created = deal(desk.desk.db, deal_id).last_activity_at
    assert "从资格确认推进到方案报价" in said(desk.command("/deal", f"推进 {deal_id} 方案", WANG))
    assert "从方案报价推进到需求分析" in said(desk.command("/deal", f"{deal_id} needs", WANG))
    moved = deal(desk.desk.db, deal_id)
    assert moved.stage == "needs" and moved.last_activity_at >= created
    with desk.desk.db.session() as session:
        changes = session.exec(
            select(OpportunityStageChange.from_stage, OpportunityStageChange.to_stage).order_by(
                OpportunityStageChange.id
            )
        ).all()
        audits = session.exec(
            select(AuditEntry.action).where(AuditEntry.entity == "opportunity")
        ).all()
    assert changes == [
        (None, "qualification"),
        ("qualification", "proposal"),
        ("proposal", "needs"),
    ]
    assert audits.count("stage") == 2
    before = snapshot(desk.desk.db)
    assert "已经处于需求分析阶段" in said(desk.command("/deal", f"move {deal_id} 需求", WANG))
    assert "不是阶段" in said(desk.command("/deal", f"move {deal_id} someday", WANG))
    assert snapshot(desk.desk.db) == before


def test_a_stale_button_changes_nothing_and_says_where_it_stands(desk):
    deal_id = new_deal(desk)
    old_card = card(desk, deal_id)
    said(desk.command("/deal", f"推进 {deal_id} 需求", WANG))
    before = snapshot(desk.desk.db)
    text = click(desk, WANG, old_card, "deal_move_proposal")
    assert "已推进到需求分析" in text and "未做任何更改" in text
    assert snapshot(desk.desk.db) == before


def test_a_double_click_moves_once_and_the_second_is_told(desk):
    deal_id = new_deal(desk)
    shown = card(desk, deal_id)
    assert "推进到方案报价" in click(desk, WANG, shown, "deal_move_proposal")
    before = snapshot(desk.desk.db)
    assert "已经处于方案报价阶段" in click(desk, WANG, shown, "deal_move_proposal")
    assert snapshot(desk.desk.db) == before


# -- won and lost -----------------------------------------------------------------------------


def quoted(desk, line: str) -> str:
    """A quote made with `/quote new …` as the rep; its number."""
    text = said(desk.command("/quote", f"new {line}", WANG))
    found = re.search(r"Q-\d{4}-\d{4}", text)
    assert found, text
    return found.group()


def test_won_creates_the_received_order_with_the_accepted_quotes_lines(desk):
    deal_id = new_deal(desk)
    quoted(desk, f"{deal_id} FL-100 x50")  # superseded when the next one is accepted
    accepted = quoted(desk, f"{deal_id} FL-100 x100, VL-50 x80 -10%")
    assert "接受" in said(desk.command("/quote", f"accept {accepted}", WANG))
    text = said(desk.command("/deal", f"赢单 {deal_id}", WANG))
    won = deal(desk.desk.db, deal_id)
    assert won.stage == "won" and won.closed_at is not None and won.order_id is not None
    with desk.desk.db.session() as session:
        order = session.get(SalesOrder, won.order_id)
        lines = session.exec(
            select(OrderLine).where(OrderLine.order_id == order.id).order_by(OrderLine.id)
        ).all()
    assert order.number == "1241"  # after the largest plain number, 1240; SO-7 is not one
    assert f"已生成订单 {order.number}" in text and accepted in text and "2 行明细" in text
    assert order.status == "received" and order.rep_id == member_id(desk.desk.db, WANG)
    assert order.customer_id == customer_id(desk.desk.db, "C-1001")
    # What the customer accepted to pay: 100 × 120 + 80 × 300 × 90 %, tax included.
    assert (order.amount, order.currency) == (Decimal("33600.00"), "CNY")
    assert [
        (line.product, line.quantity, line.unit_price, line.discount_percent) for line in lines
    ] == [
        ("法兰 DN100", Decimal("100"), Decimal("120"), Decimal("0")),
        ("阀门 DN50", Decimal("80"), Decimal("300"), Decimal("10")),
    ]


def test_won_without_an_accepted_quote_makes_an_order_without_lines(desk):
    deal_id = new_deal(desk, EMMA, "C-2001; Spares; 900 EUR")
    text = said(desk.command("/deal", f"won {deal_id}", EMMA))
    assert "without lines, as it has no accepted quote" in text
    with desk.desk.db.session() as session:
        assert session.exec(select(OrderLine)).all() == []


def test_won_twice_by_double_click_and_replay_creates_one_order(desk):
    deal_id = new_deal(desk)
    shown = card(desk, deal_id)
    first = click(desk, WANG, shown, "deal_won")
    assert "已赢单" in first
    before = snapshot(desk.desk.db)
    second = click(desk, WANG, shown, "deal_won")
    replay = said(desk.command("/deal", f"won {deal_id}", ADMIN))
    order = deal(desk.desk.db, deal_id).order_id
    with desk.desk.db.session() as session:
        number = session.get(SalesOrder, order).number
    assert f"已赢单（订单 {number}）" in second and "未做任何更改" in second
    assert f"is won already (order {number})" in replay
    assert "doesn't move" in said(desk.command("/deal", f"move {deal_id} proposal", ADMIN))
    assert snapshot(desk.desk.db) == before


def test_won_clicked_at_once_from_two_places_creates_one_order(desk):
    deal_id = new_deal(desk)
    replies = []

    def win(user):
        replies.append(said(desk.command("/deal", f"won {deal_id}", user)))

    threads = [threading.Thread(target=win, args=(user,)) for user in (WANG, ZHOU)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert count(desk.desk.db, SalesOrder) == 3  # the two imported, and one
    assert sum("已生成订单" in reply for reply in replies) == 1


def test_lost_with_reason_and_competitor_closes_it(desk):
    deal_id = new_deal(desk)
    assert "已标记为输单" in said(
        desk.command("/deal", f"输单 {deal_id} 价格太高；某竞争对手", WANG)
    )
    lost = deal(desk.desk.db, deal_id)
    assert (lost.stage, lost.lost_reason, lost.competitor) == ("lost", "价格太高", "某竞争对手")
    before = snapshot(desk.desk.db)
    assert "已输单（价格太高）" in said(desk.command("/deal", f"推进 {deal_id} 方案", WANG))
    assert "已输单" in said(desk.command("/deal", f"赢单 {deal_id}", WANG))
    assert snapshot(desk.desk.db) == before
    assert "输单原因：价格太高" in message_text(card(desk, deal_id))


def test_the_lost_button_asks_the_reason_in_a_form(desk):
    deal_id = new_deal(desk, EMMA, "C-2001; Spares; 900 EUR")
    shown = card(desk, deal_id, EMMA)
    desk.click_in_message(EMMA, "deal_lost", button_values(shown)["deal_lost"], shown)
    [form] = desk.slack.wait_for("views.open")
    view = form.args["view"]
    assert (
        view["callback_id"] == "deal_lost_form"
        and view["private_metadata"] == f"{deal_id}:qualification"
    )
    empty = desk.submit_view(
        EMMA, "deal_lost_form", {"reason": {"value": {"value": ""}}}, view["private_metadata"]
    )
    assert "Say why it was lost" in empty.body["errors"]["reason"]
    values = {
        "reason": {"value": {"value": "Budget cut"}},
        "competitor": {"value": {"value": None}},
    }
    done = desk.submit_view(EMMA, "deal_lost_form", values, view["private_metadata"]).body
    assert done["response_action"] == "update" and "marked lost" in message_text(done["view"])
    again = desk.submit_view(EMMA, "deal_lost_form", values, view["private_metadata"]).body
    assert "is lost already (Budget cut)" in again["errors"]["reason"]
    assert deal(desk.desk.db, deal_id).lost_reason == "Budget cut"


# -- who may touch whose ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("user", "allowed"),
    [
        (WANG, True),  # the owner
        (ZHOU, True),  # the team's manager
        (LINA, True),  # the team's desk
        (ADMIN, True),
        (CHEN, False),  # another rep of the same team
        (MARK, False),  # another team's manager
        (EMMA, False),
    ],
)
@pytest.mark.parametrize("action", ["show", "move", "next", "won", "lost", "button"])
def test_the_permission_matrix(desk, user, allowed, action):
    deal_id = new_deal(desk)
    shown = card(desk, deal_id)
    before = snapshot(desk.desk.db)
    commands = {
        "show": f"{deal_id}",
        "move": f"move {deal_id} proposal",
        "next": f"{deal_id} next step call back",
        "won": f"won {deal_id}",
        "lost": f"lost {deal_id} price; rival",
    }
    if action == "button":
        text = click(desk, user, shown, "deal_move_needs")
    else:
        text = said(desk.command("/deal", commands[action], user))
    refused = f"找不到商机 #{deal_id}" in text or f"Opportunity #{deal_id} was not found" in text
    assert refused != allowed, text
    if not allowed:
        assert snapshot(desk.desk.db) == before
    elif action != "show":
        assert snapshot(desk.desk.db) != before


def test_strangers_get_no_data(desk):
    deal_id = new_deal(desk)
    text = said(desk.command("/deal", str(deal_id), STRANGER))
    assert "年度法兰采购" not in text


# -- stalled, for the stand-up ----------------------------------------------------------------


def test_stalled_opportunities_are_the_open_ones_idle_past_their_teams_days(
    desk, monkeypatch, tmp_path
):
    db = desk.desk.db
    idle = new_deal(desk)
    fresh = new_deal(desk, CHEN, "C-1002; 电子元件; 3000")
    export = new_deal(desk, EMMA, "C-2001; Spares; 900 EUR")
    closed = new_deal(desk)
    said(desk.command("/deal", f"lost {closed} price", WANG))
    now = datetime.now(UTC)
    with db.session() as session:
        for deal_id, days in ((idle, 15), (fresh, 3), (export, 15), (closed, 40)):
            row = session.get(Opportunity, deal_id)
            row.last_activity_at = now - timedelta(days=days)
            session.add(row)
    from bot.cli import main

    monkeypatch.setenv("DATABASE_URL", db.url)
    assert main(["settings", "set", "Export", "opportunity_stall_days=20"]) == 0
    with db.session() as session:
        teams = sorted({d.team_id for d in session.exec(select(Opportunity))})
        stalled = stalled_opportunities(session, teams, now)
    assert [(s.deal_id, s.owner_slack_id, s.idle_days) for s in stalled] == [(idle, WANG, 15)]
    assert (
        stalled[0].customer_name == "上海华联贸易有限公司" and stalled[0].stage == "qualification"
    )
