"""`/lead convert` (转化): a lead becomes its customer (the one it matched, or a new one with its
contact) and an opportunity; converted once however often asked; only its owner, their manager,
the team's desk and admins. Over signed HTTP into the real app, on SQLite and PostgreSQL."""

from decimal import Decimal

import pytest
from sqlmodel import select

from harness import RunningDesk
from helpers import count, customer_id, import_files, member_id, message_text
from storage.models import AuditEntry, Contact, Customer, Lead, Opportunity, OpportunityStageChange

WANG = "U0REPWANG"  # 王芳, East; owns C-1001
CHEN = "U0REPCHEN"  # 陈杰, East
ZHOU = "U0MGRZHOU"  # 周敏, manager of East
LINA = "U0DESKLIN"  # 李娜, desk of East
EMMA = "U0REPEMMA"  # Emma Davis, Export
MARK = "U0MGREXPO"  # manager of Export
ADMIN = "U0ADMIN01"

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
    "customers": "code,name,owner_slack_id,contact_name,contact_phone\n"
    f"C-1001,上海华联贸易有限公司,{WANG},张伟,+86 138-0013-8000\n"
    f'C-2001,"Acme Trading Co., Ltd.",{EMMA},Jane Cooper,+44 20 7946 0001\n',
}


@pytest.fixture
def desk(db, database_url, monkeypatch, tmp_path, slack):
    import_files(database_url, monkeypatch, tmp_path, FILES)
    with RunningDesk(db, slack) as running:
        yield running


def said(reply) -> str:
    assert reply.status == 200, reply.body
    return message_text(reply.body)


def entered(desk, user: str, line: str) -> Lead:
    said(desk.command("/lead", line, user))
    with desk.desk.db.session() as session:
        return session.exec(select(Lead).order_by(Lead.id.desc())).first()


def snapshot(db) -> tuple:
    with db.session() as session:
        leads = [(lead.id, lead.status) for lead in session.exec(select(Lead).order_by(Lead.id))]
    return leads, count(db, Customer), count(db, Opportunity), count(db, AuditEntry)


def test_a_new_company_becomes_a_customer_with_its_contact_and_an_opportunity(desk):
    db = desk.desk.db
    lead = entered(desk, WANG, "宁波东海阀门；陈晨；+86 139 1234 5678；询价 DN50 阀门 200 套")
    text = said(desk.command("/lead", f"转化 {lead.id} 50000", WANG))
    with db.session() as session:
        customer = session.exec(select(Customer).where(Customer.name == "宁波东海阀门")).one()
        [contact] = session.exec(select(Contact).where(Contact.customer_id == customer.id)).all()
        deal = session.exec(select(Opportunity)).one()
        converted = session.get(Lead, lead.id)
        [change] = session.exec(select(OpportunityStageChange)).all()
        actions = {(a.entity, a.action) for a in session.exec(select(AuditEntry))}
    assert customer.code == "C-2002" and customer.owner_id == member_id(db, WANG)
    assert customer.is_prospect
    assert (contact.name, contact.phone_key) == ("陈晨", "13912345678")
    assert (deal.title, deal.amount, deal.currency) == (
        "询价 DN50 阀门 200 套",
        Decimal("50000.00"),
        "CNY",
    )
    assert (
        deal.lead_id == lead.id
        and deal.owner_id == member_id(db, WANG)
        and deal.stage == "qualification"
    )
    assert converted.status == "converted" and converted.converted_at is not None
    assert change.to_stage == "qualification"
    assert {("lead", "convert"), ("customer", "create"), ("opportunity", "create")} <= actions
    assert f"线索 #{lead.id} 宁波东海阀门 已转化：新客户 C-2002 宁波东海阀门" in text
    assert f"商机 #{deal.id}" in text and "50,000.00" in text


def test_a_lead_that_matched_a_customer_converts_to_that_customer_with_amount_zero(desk):
    db = desk.desk.db
    lead = entered(desk, ZHOU, "上海华联贸易；李雷；li.lei@example.cn；法兰年度采购")
    assert lead.customer_id == customer_id(db, "C-1001")
    text = said(desk.command("/lead", f"convert {lead.id}", WANG))
    with db.session() as session:
        deal = session.exec(select(Opportunity)).one()
    assert deal.customer_id == customer_id(db, "C-1001") and deal.amount == Decimal("0.00")
    assert count(db, Customer) == 2
    assert "客户 C-1001 上海华联贸易有限公司 的商机" in text


def test_converting_twice_is_once(desk):
    lead = entered(desk, EMMA, "Globex; Hank Scorpio; hank@globex.example; 40 pumps")
    assert "is converted" in said(desk.command("/lead", f"convert {lead.id} USD 9000", EMMA))
    before = snapshot(desk.desk.db)
    assert "converted already" in said(desk.command("/lead", f"convert {lead.id}", EMMA))
    assert snapshot(desk.desk.db) == before


@pytest.mark.parametrize(
    ("user", "allowed"),
    [
        (WANG, True),
        (ZHOU, True),
        (LINA, True),
        (ADMIN, True),
        (CHEN, False),
        (MARK, False),
        (EMMA, False),
    ],
)
def test_who_may_convert(desk, user, allowed):
    lead = entered(desk, WANG, "宁波东海阀门；陈晨；+86 139 1234 5678；询价")
    before = snapshot(desk.desk.db)
    text = said(desk.command("/lead", f"convert {lead.id}", user))
    refused = f"找不到线索 #{lead.id}" in text or f"Lead #{lead.id} was not found" in text
    assert refused != allowed, text
    assert (snapshot(desk.desk.db) == before) != allowed


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("", "请说明哪条线索"),
        ("abc", "不是线索编号"),
        ("{id} 五万", "不是金额"),
        ("99999", "找不到线索 #99999"),
    ],
)
def test_bad_input_changes_nothing(desk, words, expected):
    lead = entered(desk, WANG, "宁波东海阀门；陈晨；+86 139 1234 5678；询价")
    before = snapshot(desk.desk.db)
    assert expected in said(desk.command("/lead", f"转化 {words.format(id=lead.id)}".strip(), WANG))
    assert snapshot(desk.desk.db) == before
