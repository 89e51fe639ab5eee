"""Leads (线索) with duplicate detection (防撞单): against customers and their contacts imported
with `salesdesk import customers`, and against open leads; in both scripts (全角/半角, 有限公司 vs
Co., Ltd., +86 138-0013-8000 vs 13800138000); the owner's DM; `/lead` in one line, by form and
from the "Create lead" shortcut; `/lead mine`; `salesdesk import leads`; strangers. Over signed
HTTP into the real app, on SQLite and PostgreSQL."""

import json

import pytest
from sqlmodel import select

from bot.cli import main
from harness import RunningDesk
from helpers import count, import_files, message_text, posted_to
from storage.imports import import_csv
from storage.models import AuditEntry, Lead, Member, Notification

WANG = "U0REPWANG"  # 王芳, zh-CN, East; owns C-1001 上海华联贸易有限公司
CHEN = "U0REPCHEN"  # 陈杰, zh-CN, East; owns C-1002 杭州明达电子
EMMA = "U0REPEMMA"  # Emma Davis, en-GB, Export; owns C-2001 Acme Trading Co., Ltd.
ZHOU = "U0MGRZHOU"  # 周敏, manager of East, zh-CN
STRANGER = "U0NOBODY1"

FILES = {
    "teams": "name,slack_channel_id,timezone\n"
    "华东 East,C0EAST0001,Asia/Shanghai\n"
    "Export,C0EXPORT01,Europe/London\n",
    "members": "slack_user_id,name,role,team,locale\n"
    f"{ZHOU},周敏,manager,华东 East,zh-CN\n"
    f"{WANG},王芳,rep,华东 East,zh-CN\n"
    f"{CHEN},陈杰,rep,华东 East,zh-CN\n"
    f"{EMMA},Emma Davis,rep,Export,en-GB\n",
    "customers": "code,name,owner_slack_id,contact_name,contact_phone,contact_email\n"
    f"C-1001,上海华联贸易有限公司,{WANG},张伟,+86 138-0013-8000,Zhang.Wei@hualian.cn\n"
    f"C-1002,杭州明达电子,{CHEN},刘洋,(0571) 8888-1234,\n"
    f'C-2001,"Acme Trading Co., Ltd.",{EMMA},Jane Cooper,+44 20 7946 0001,jane@acme.example\n',
}


@pytest.fixture
def workspace(db, database_url, monkeypatch, tmp_path):
    import_files(database_url, monkeypatch, tmp_path, FILES)
    return db


@pytest.fixture
def desk(workspace, slack):
    with RunningDesk(workspace, slack) as running:
        yield running


def said(reply) -> str:
    assert reply.status == 200, reply.body
    return reply.text()


def told(db) -> list[tuple[str, str]]:
    """Who was sent a message, and of what kind (App Home refreshes are not messages)."""
    with db.session() as session:
        rows = session.exec(select(Notification.channel, Notification.kind)).all()
    return sorted((channel, kind) for channel, kind in rows if kind != "home_refresh")


def lead_of(db, company: str) -> Lead:
    with db.session() as session:
        return session.exec(select(Lead).where(Lead.company == company)).one()


def owner_of(db, lead: Lead) -> str | None:
    if lead.owner_id is None:
        return None
    with db.session() as session:
        return session.get(Member, lead.owner_id).slack_user_id


def one_line(desk, user: str, text: str) -> str:
    """What the person reads in the reply's blocks."""
    reply = desk.command("/lead", text, user)
    assert reply.status == 200, reply.body
    return message_text({"blocks": reply.body["blocks"]})


def newest_lead(db) -> Lead:
    with db.session() as session:
        return session.exec(select(Lead).order_by(Lead.id.desc())).first()


# -- duplicates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "owner", "note"),
    [
        # the company, short and in full-width, against 上海华联贸易有限公司
        ("上海华联贸易；李雷；li.lei@example.cn；询价", WANG, "same company as customer C-1001"),
        # the contact's phone, written another way, under another company name
        ("老张五金; 张伟; 13800138000; 法兰", WANG, "same phone as customer C-1001"),
        # the contact's e-mail, in capitals with spaces around
        ("华联; 张伟;  ZHANG.WEI@HUALIAN.CN ; 报价", WANG, "same e-mail as customer C-1001"),
        # full-width Latin without the legal form, against "Acme Trading Co., Ltd."
        ("ＡＣＭＥ　ＴＲＡＤＩＮＧ; Bob; bob@example.com", EMMA, "same company as customer C-2001"),
        # a typo: close enough by rapidfuzz's ratio
        (
            "Acme Tradng Limited; Bob; bob@example.com",
            EMMA,
            "company name 95% like customer C-2001",
        ),
        # a landline with its area code in brackets
        ("明达; 刘洋; 0571-88881234", CHEN, "same phone as customer C-1002"),
    ],
)
def test_a_lead_like_a_customer_goes_to_its_owner_who_is_told(desk, line, owner, note):
    reply = one_line(desk, ZHOU, line)  # a manager enters it: nobody owns it but the match
    lead = newest_lead(desk.desk.db)
    assert owner_of(desk.desk.db, lead) == owner
    assert lead.status == "assigned" and lead.assignment_note.startswith(note)
    assert lead.team_id is not None and lead.customer_id is not None
    assert "已转给" in reply and "并已通知对方" in reply
    [dm] = posted_to(desk.slack, owner, f"#{lead.id}")
    text = message_text(dm.args)
    assert ("A new lead is yours" in text) == (owner == EMMA)
    assert ("有一条新线索归你" in text) == (owner != EMMA)


def test_the_owners_message_names_the_lead_the_record_and_why_in_their_language(desk):
    reply = one_line(desk, ZHOU, "上海华联贸易；李雷；+86 139 1111 2222；询价不锈钢法兰")
    lead = lead_of(desk.desk.db, "上海华联贸易")
    assert reply == (
        f"线索 #{lead.id} 上海华联贸易与客户 C-1001 上海华联贸易有限公司是同一家公司，"
        "已转给 王芳，并已通知对方。"
    )
    [dm] = posted_to(desk.slack, WANG, "上海华联贸易")
    assert message_text(dm.args).splitlines()[1:] == [
        f"有一条新线索归你：#{lead.id} 上海华联贸易（来源：Slack），"
        "与客户 C-1001 上海华联贸易有限公司是同一家公司。",
        "联系人：李雷",
        "电话：+86 139 1111 2222",
        "需求：询价不锈钢法兰",
    ]
    with desk.desk.db.session() as session:
        actions = session.exec(
            select(AuditEntry.action).where(AuditEntry.entity_key == str(lead.id))
        ).all()
    assert actions == ["lead.create", "lead.assign"]
    assert lead.assignment_note == "same company as customer C-1001 上海华联贸易有限公司"


def test_a_lead_like_an_open_lead_goes_to_that_leads_owner(desk):
    mine = one_line(desk, CHEN, "深圳新星科技; 李雷; 139 1234 5678; 询价")
    first = lead_of(desk.desk.db, "深圳新星科技")
    assert owner_of(desk.desk.db, first) == CHEN
    assert mine == f"线索 #{first.id} 深圳新星科技 已保存，归你负责。"

    told = one_line(desk, EMMA, "Shenzhen Xinxing; Li Lei; +86 139-1234-5678")
    second = lead_of(desk.desk.db, "Shenzhen Xinxing")
    assert owner_of(desk.desk.db, second) == CHEN
    assert told == (
        f"Lead #{second.id} Shenzhen Xinxing has the same phone as lead #{first.id} 深圳新星科技, "
        "so it went to 陈杰, who has been told."
    )
    posted_to(desk.slack, CHEN, "Shenzhen Xinxing")

    # a lead no longer open is no one's duplicate
    for lead_id in (first.id, second.id):
        with desk.desk.db.session() as session:
            stored = session.get(Lead, lead_id)
            stored.status = "disqualified"
            session.add(stored)
    one_line(desk, ZHOU, "新星科技（深圳）; 李雷; 139 1234 5678")
    third = newest_lead(desk.desk.db)
    assert (third.status, third.owner_id) == ("new", None)


def test_a_lead_like_nothing_with_no_rule_and_two_teams_waits_for_the_desk(desk):
    """No routing rule matches and there are two teams: the round robin has no team to work
    in, so the lead stays new and unowned, and the desk lists it (`/lead unassigned`)."""
    reply = one_line(desk, ZHOU, "北京远景科技; 王强; wang.qiang@yuanjing.cn; 试用")
    lead = lead_of(desk.desk.db, "北京远景科技")
    assert (lead.status, lead.owner_id, lead.team_id, lead.assignment_note) == (
        "new",
        None,
        None,
        None,
    )
    assert "没有匹配的分配规则，且有多个团队，线索等待内勤处理" in reply
    assert count(desk.desk.db, Notification) == 0


def test_a_rep_owns_a_lead_of_their_own_customer_and_nobody_else_is_told(desk):
    reply = one_line(desk, WANG, "上海华联贸易股份有限公司; 张伟; 138 0013 8000")
    lead = lead_of(desk.desk.db, "上海华联贸易股份有限公司")
    assert owner_of(desk.desk.db, lead) == WANG
    assert "该记录归你，线索也归你" in reply
    assert told(desk.desk.db) == []  # her own App Home is refreshed, nobody is messaged


# -- /lead ---------------------------------------------------------------------------------------


def test_lead_help_and_a_one_line_that_is_too_short(desk):
    assert "A lead you enter is yours" in one_line(desk, EMMA, "help")
    assert "你录入的线索归你" in one_line(desk, WANG, "帮助")
    assert "A one-line lead is COMPANY; CONTACT" in one_line(desk, EMMA, "Acme; Bob")
    wrong = one_line(desk, EMMA, "Acme; Bob; no-at-sign-nor-digits")
    assert wrong == "The phone needs at least 5 digits."
    assert count(desk.desk.db, Lead) == 0


def test_the_form_opens_saves_and_names_every_bad_field(desk):
    desk.command("/lead", "", EMMA)
    [opened] = desk.slack.wait_for("views.open")
    view = opened.args["view"]
    if isinstance(view, str):
        view = json.loads(view)
    assert view["callback_id"] == "lead_create"
    blocks = {block["block_id"]: block for block in view["blocks"]}
    assert list(blocks) == [
        "company",
        "contact_name",
        "phone",
        "email",
        "region",
        "industry",
        "need",
        "source",
        "score",
    ]

    def values(**given) -> dict:
        found = {
            name: {"value": {"type": "plain_text_input", "value": v}} for name, v in given.items()
        }
        found["source"] = {
            "value": {"type": "static_select", "selected_option": {"value": "trade_show"}}
        }
        return found

    bad = desk.submit_view(EMMA, "lead_create", values(email="nope", score="7"))
    assert bad.body["response_action"] == "errors"
    assert bad.body["errors"] == {
        "company": "The company is missing.",
        "email": "The e-mail does not look like an address (name@example.com).",
    }
    good = desk.submit_view(
        EMMA, "lead_create", values(company="Globex GmbH", email="hank@globex.example", score="70")
    )
    assert good.body["response_action"] == "update"
    lead = lead_of(desk.desk.db, "Globex GmbH")
    assert (lead.source, lead.score, owner_of(desk.desk.db, lead)) == ("trade_show", 70, EMMA)
    assert f"Lead #{lead.id} Globex GmbH is saved and yours." in message_text(good.body["view"])
    assert lead.assignment_note == "created by the rep"


def test_the_create_lead_shortcut_opens_the_form_with_the_message_as_the_need(desk):
    reply = desk.interact(
        {
            "type": "message_action",
            "callback_id": "create_lead",
            "user": WANG,
            "channel": {"id": "C0001", "name": "sales"},
            "message_ts": "1700000000.000100",
            "response_url": desk.slack.response_url("shortcut"),
            "message": {
                "type": "message",
                "user": "U0CLIENT1",
                "ts": "1700000000.000100",
                "text": "客户想要 500 件 &lt;DN50&gt; 法兰 &amp; 报价",
            },
        }
    )
    assert reply.status == 200
    [opened] = desk.slack.wait_for("views.open")
    view = opened.args["view"]
    if isinstance(view, str):
        view = json.loads(view)
    need = next(block for block in view["blocks"] if block["block_id"] == "need")
    assert need["element"]["initial_value"] == "客户想要 500 件 <DN50> 法兰 & 报价"
    assert view["title"]["text"] == "新线索"


def test_lead_mine_lists_the_askers_open_leads(desk):
    one_line(desk, EMMA, "Globex; Hank; hank@globex.example; pumps")
    one_line(desk, EMMA, "Initech; Bill; +1 555 0100 200")
    one_line(desk, CHEN, "深圳新星科技; 李雷; 139 1234 5678")
    listed = one_line(desk, EMMA, "mine")
    assert "Your open leads (2)" in listed
    assert "Globex · assigned" in listed and "Initech · assigned" in listed
    assert "深圳新星科技" not in listed
    assert one_line(desk, WANG, "我的") == "你目前没有未结的线索。"


def test_a_stranger_gets_the_not_a_member_message_and_nothing_is_stored(desk):
    reply = desk.command("/lead", "Acme; Bob; bob@example.com", STRANGER)
    assert "not registered with Sales Desk" in said(reply)
    assert count(desk.desk.db, Lead) == 0


# -- salesdesk import leads ------------------------------------------------------------------------


def test_import_leads_upserts_by_source_id_and_sends_duplicates_to_their_owners(
    workspace, database_url, monkeypatch, tmp_path, capsys
):
    path = tmp_path / "leads.csv"
    path.write_text(
        "company,contact_name,phone,email,source,source_id,region,industry,need,score\n"
        "上海华联贸易,李雷,+86 139 0000 0001,,展会,TS-1,上海,贸易,法兰,60\n"
        "ACME TRADING,Bob,,bob@example.com,website,W-1,,,,\n"
        "北京远景科技,王强,010-6666 7777,,,,北京,,,\n"
        "北京远景科技,王强,010-6666 7777,,,,北京,,,\n"
        "无联系方式,某人,,,website,W-2,,,,\n"
        "坏来源,某人,13900000009,,fax,F-1,,,,\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SALESDESK_LOCALE", "en")
    capsys.readouterr()
    assert main(["import", "leads", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "4 created, 0 updated, 0 unchanged, 2 rejected." in out[0]
    assert out[1] == "line 6: a lead needs a phone or an e-mail"
    assert out[2].startswith("line 7: unknown source 'fax'")
    assert out[-1] == (
        "Leads checked for duplicates: 4; 2 went to the owner of the customer or lead they "
        "duplicate, 0 were offered to a rep, 2 wait for one (`/lead unassigned`)."
    )
    hualian = lead_of(workspace, "上海华联贸易")
    acme = lead_of(workspace, "ACME TRADING")
    assert (hualian.source, hualian.source_ref, hualian.score) == ("trade_show", "TS-1", 60)
    assert owner_of(workspace, hualian) == WANG and owner_of(workspace, acme) == EMMA
    assert hualian.phone_key == "13900000001" and acme.company_key == "acmetrading"
    with workspace.session() as session:
        kinds = session.exec(select(Notification.channel, Notification.kind)).all()
        unassigned = session.exec(select(Lead).where(Lead.company == "北京远景科技")).all()
    assert sorted(kinds) == [
        (EMMA, "home_refresh"),
        (EMMA, "lead_duplicate"),
        (WANG, "home_refresh"),
        (WANG, "lead_duplicate"),
    ]
    assert [(lead.status, lead.phone_key) for lead in unassigned] == [("new", "01066667777")] * 2

    # again: the rows with a source id are the same leads, those without are new ones
    path.write_text(
        "company,phone,email,source,source_id\n"
        "上海华联贸易,+86 139 0000 0001,,展会,TS-1\n"
        "ACME TRADING,,bob@acme-trading.example,website,W-1\n",
        encoding="utf-8",
    )
    assert main(["import", "leads", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "0 created, 1 updated, 1 unchanged, 0 rejected." in out[0]
    acme = lead_of(workspace, "ACME TRADING")
    assert (acme.email_key, owner_of(workspace, acme)) == ("bob@acme-trading.example", EMMA)
    assert count(workspace, Lead) == 4


def test_leads_an_import_left_unscreened_are_screened_by_the_next_reminders_run(
    workspace, database_url, monkeypatch, tmp_path
):
    """An import stopped between writing its leads and screening them (here: the import
    alone, without the command line's second step) loses nothing: the reminders job, every
    five minutes, screens them and tells the owner."""
    path = tmp_path / "leads.csv"
    path.write_text("company,phone,source,source_id\n上海华联贸易,13900000001,展会,TS-9\n")
    import_csv(workspace, "leads", path)
    assert lead_of(workspace, "上海华联贸易").owner_id is None
    monkeypatch.setenv("DATABASE_URL", database_url)
    assert main(["jobs", "run", "reminders", "--at", "2026-12-03T10:00+08:00"]) == 0
    lead = lead_of(workspace, "上海华联贸易")
    assert (lead.status, owner_of(workspace, lead)) == ("assigned", WANG)
    with workspace.session() as session:
        told = session.exec(
            select(Notification.channel).where(Notification.kind == "lead_duplicate")
        )
        assert list(told) == [WANG]
