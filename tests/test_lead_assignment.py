"""Lead assignment: routing rules (`/lead route`), the offer DM with Accept / Pass (double
clicks, stale buttons, someone else's offer), time away and capacity, leads waiting in a team
(the manager told once, the reminders job offering them once a rep is free), `/lead
unassigned`, `POST /leads` and the permission matrix of every new action. Over signed HTTP
into the real app, on SQLite and PostgreSQL."""

import itertools
import json

import pytest
from sqlmodel import select

from bot.cli import main
from harness import RunningDesk
from helpers import button_values, import_files, message_text, posted_to
from storage.models import AuditEntry, Lead, LeadPass, LeadRoutingRule, Member, Notification

ADA = "U0ADMINADA"  # admin, en
ZHOU = "U0MGRZHOU"  # 周敏, manager of 华东 East, zh-CN
MIKE = "U0MGRMIKE"  # Mike Ross, manager of Export, en
LI = "U0DESKLI1"  # 李娜, desk of 华东 East, zh-CN
WANG = "U0REPWANG"  # 王芳, rep of 华东 East, zh-CN
CHEN = "U0REPCHEN"  # 陈杰, rep of 华东 East, zh-CN
EMMA = "U0REPEMMA"  # Emma Davis, rep of Export, en-GB
STRANGER = "U0NOBODY1"
EMAILS = itertools.count(1)  # every lead its own e-mail: none duplicates another

FILES = {
    "teams": "name,slack_channel_id,timezone,manager_slack_id\n"
    f"华东 East,C0EAST0001,Asia/Shanghai,{ZHOU}\n"
    f"Export,C0EXPORT01,Europe/London,{MIKE}\n",
    "members": "slack_user_id,name,role,team,locale\n"
    f"{ADA},Ada Admin,admin,Export,en\n"
    f"{ZHOU},周敏,manager,华东 East,zh-CN\n"
    f"{MIKE},Mike Ross,manager,Export,en\n"
    f"{LI},李娜,desk,华东 East,zh-CN\n"
    f"{WANG},王芳,rep,华东 East,zh-CN\n"
    f"{CHEN},陈杰,rep,华东 East,zh-CN\n"
    f"{EMMA},Emma Davis,rep,Export,en-GB\n",
}


@pytest.fixture
def workspace(db, database_url, monkeypatch, tmp_path):
    import_files(database_url, monkeypatch, tmp_path, FILES)
    return db


@pytest.fixture
def desk(workspace, slack):
    with RunningDesk(workspace, slack) as running:
        yield running


def said(desk, user: str, text: str) -> str:
    reply = desk.command("/lead", text, user)
    assert reply.status == 200, reply.body
    return message_text({"blocks": reply.body["blocks"]})


def lead_of(db, company: str) -> Lead:
    with db.session() as session:
        return session.exec(select(Lead).where(Lead.company == company)).one()


def slack_id(db, member_id: int | None) -> str | None:
    if member_id is None:
        return None
    with db.session() as session:
        return session.get(Member, member_id).slack_user_id


def rows(db, model, *where) -> list:
    with db.session() as session:
        return list(session.exec(select(model).where(*where)))


def actions_of(db, lead_id: int) -> list[str]:
    with db.session() as session:
        return list(
            session.exec(
                select(AuditEntry.action)
                .where(AuditEntry.entity == "lead", AuditEntry.entity_key == str(lead_id))
                .order_by(AuditEntry.id)
            )
        )


def offer_to(desk, user: str, lead_id: int) -> dict:
    """The offer DM of the lead to `user`: its channel, ts and blocks, as sent."""
    [call] = posted_to(desk.slack, user, f"#{lead_id} ")
    args = dict(call.args)
    if isinstance(args.get("blocks"), str):
        args["blocks"] = json.loads(args["blocks"])
    return args


def answered(desk, name: str) -> dict:
    """What replaced the clicked message (through its response_url)."""
    [call] = desk.slack.wait_for("response_url", where=lambda c: c.args["_name"] == name)
    return call.args


def ephemeral(desk, name: str) -> str:
    [call] = desk.slack.wait_for("response_url", where=lambda c: c.args["_name"] == name)
    assert call.args["response_type"] == "ephemeral" and not call.args.get("replace_original")
    return call.args["text"]


def click(desk, user: str, action: str, dm: dict) -> str:
    value = button_values(dm)[action]
    return desk.click_in_message(user, action, value, dm)


def snapshot(db) -> tuple:
    with db.session() as session:
        leads = [
            (lead.id, lead.status, lead.owner_id, lead.accepted_at)
            for lead in session.exec(select(Lead).order_by(Lead.id))
        ]
        return leads, len(session.exec(select(AuditEntry)).all())


def east_rule(desk) -> None:
    said(desk, ZHOU, "路由 添加 地区=华东 团队=华东")


# -- routing rules ---------------------------------------------------------------------------


def test_a_manager_adds_lists_and_removes_rules_of_their_own_team(desk):
    added = said(desk, ZHOU, "路由 添加 地区=华东 行业=机械 来源=官网")  # no team: their own
    assert added == "已添加第 1 条规则：地区 华东、行业 机械、来源 官网 → 华东 East。"
    assert said(desk, ADA, 'route add industry=Chemicals team="export"') == (
        "Rule 2 added: industry Chemicals → Export."
    )
    listed = said(desk, MIKE, "route list")
    assert "Routing rules (2), tried in this order" in listed
    assert "1. region 华东, industry 机械, source Website → 华东 East" in listed
    assert "2. industry Chemicals → Export" in listed
    # a manager may not touch another team's rule, and nothing changes
    refused = said(desk, ZHOU, "路由 删除 2")
    assert refused == "经理只能修改本团队的规则，Export 是其他团队。未做任何更改。"
    assert said(desk, MIKE, 'route add region=x team="华东 East"') == (
        "A manager changes only their own team's rules; 华东 East is another team. Nothing changed."
    )
    assert (
        said(desk, ZHOU, "路由 删除 1")
        == "已删除第 1 条规则（地区 华东、行业 机械、来源 官网 → 华东 East），其后的规则依次前移。"
    )
    [rule] = rows(desk.desk.db, LeadRoutingRule)
    assert (rule.position, rule.industry) == (1, "Chemicals")
    assert [
        a.action for a in rows(desk.desk.db, AuditEntry, AuditEntry.entity == "lead_route")
    ] == [
        "route.add",
        "route.add",
        "route.remove",
    ]


@pytest.mark.parametrize(
    ("user", "text", "answer"),
    [
        (WANG, "路由 添加 地区=华东", "只有管理员和经理可以修改分配规则"),
        (LI, "路由 添加 地区=华东", "只有管理员和经理可以修改分配规则"),
        (EMMA, "route list", "Only admins and managers can change routing rules"),
        (ADA, "route add region=East", "Name the team"),
        (ADA, "route add colour=red team=Export", "'colour' is not a rule field"),
        (ADA, "route add source=fax team=Export", "'fax' is not a lead source"),
        (ADA, "route add East team=Export", "Write a rule as name=value pairs"),
        (ADA, "route add region=x team=Nowhere", "Nowhere"),
        (ADA, "route remove two", "Say which rule by its number"),
        (ADA, "route remove 9", "There is no rule 9; there are 0."),
        (ADA, "route shuffle", "`/lead route list`, `/lead route add name=value …`"),
    ],
)
def test_rules_refused_politely_change_nothing(desk, user, text, answer):
    assert answer in said(desk, user, text)
    assert rows(desk.desk.db, LeadRoutingRule) == []


def test_a_stranger_gets_the_not_a_member_message_for_every_new_verb(desk):
    for text in ("route list", "unassigned", "away until Friday", "back", "capacity"):
        reply = desk.command("/lead", text, STRANGER)
        assert "not registered with Sales Desk" in reply.text()


# -- where a lead entered goes, and the offer -----------------------------------------------------


def test_a_lead_the_desk_enters_is_routed_offered_and_the_desk_hears_where(desk):
    said(desk, ZHOU, "路由 添加 地区=ｈｕａｄｏｎｇ 团队=华东")  # full-width and any case matches
    reply = said(desk, LI, "华东机械厂；赵六；139 0000 1111；要报价")
    lead = lead_of(desk.desk.db, "华东机械厂")
    assert (lead.status, lead.team_id, slack_id(desk.desk.db, lead.owner_id)) == (
        "new",
        None,
        None,
    )  # the one-line form has no region: no rule matches, two teams: the desk's
    assert "没有匹配的分配规则" in reply

    desk.submit_view(
        LI, "lead_create", form(company="苏州精工", email="a@jinggong.cn", region="HuaDong")
    )
    lead = lead_of(desk.desk.db, "苏州精工")
    assert slack_id(desk.desk.db, lead.owner_id) == WANG  # the first of two empty reps
    assert lead.status == "assigned" and lead.accepted_at is None
    assert lead.assignment_note == "routing rule 1: region huadong; round robin (1/30 in 30 days)"
    assert lead.sla_due_at is not None  # the first-contact clock started
    dm = offer_to(desk, WANG, lead.id)
    text = message_text(dm)
    assert f"有一条新线索给你：#{lead.id} 苏州精工（来源：展会）。" in text
    assert "地区：HuaDong" in text and "分配原因：routing rule 1" in text
    assert "请在" in text and "前首次联系。" in text
    assert button_values(dm) == {
        "lead_offer_accept": f"{lead.id}:{member(desk, WANG)}:{stamp(lead)}",
        "lead_offer_pass": f"{lead.id}:{member(desk, WANG)}:{stamp(lead)}",
    }
    assert actions_of(desk.desk.db, lead.id) == ["lead.create", "lead.assign"]


def form(**given) -> dict:
    found = {name: {"value": {"type": "plain_text_input", "value": v}} for name, v in given.items()}
    found["source"] = {
        "value": {"type": "static_select", "selected_option": {"value": "trade_show"}}
    }
    return found


def member(desk, user: str) -> int:
    with desk.desk.db.session() as session:
        return session.exec(select(Member.id).where(Member.slack_user_id == user)).one()


def stamp(lead: Lead) -> int:
    from commands.leads.intake import offer_stamp

    return offer_stamp(lead)


def routed_lead(desk, company: str, by: str = LI) -> Lead:
    """A lead the desk enters by the form, for East (region 华东)."""
    reply = desk.submit_view(
        by, "lead_create", form(company=company, email=f"x{next(EMAILS)}@example.cn", region="华东")
    )
    assert reply.body["response_action"] == "update", reply.body
    return lead_of(desk.desk.db, company)


def test_the_form_reply_says_who_has_it_and_why(desk):
    east_rule(desk)
    reply = desk.submit_view(
        LI, "lead_create", form(company="宁波机电", phone="0574 8888 0000", region="华东")
    )
    lead = lead_of(desk.desk.db, "宁波机电")
    assert message_text(reply.body["view"]).endswith(
        f"线索 #{lead.id} 宁波机电 已保存，已分给 王芳（华东 East：routing rule 1: region 华东; "
        "round robin (1/30 in 30 days)），由其接受或转出。"
    )


def test_accept_makes_it_theirs_and_a_second_click_changes_nothing(desk):
    east_rule(desk)
    lead = routed_lead(desk, "杭州电机")
    dm = offer_to(desk, WANG, lead.id)
    done = answered(desk, click(desk, WANG, "lead_offer_accept", dm))
    assert done["replace_original"] is True
    assert done["text"].startswith(f"你已接受线索 #{lead.id} 杭州电机，由你负责。请在 ")
    assert not button_values(done)
    stored = lead_of(desk.desk.db, "杭州电机")
    assert stored.accepted_at is not None and slack_id(desk.desk.db, stored.owner_id) == WANG
    assert actions_of(desk.desk.db, lead.id)[-1] == "lead.accept"

    before = snapshot(desk.desk.db)
    again = ephemeral(desk, click(desk, WANG, "lead_offer_accept", dm))
    assert again.startswith("你已于 ") and f"接受线索 #{lead.id}，由你负责；未做任何更改。" in again
    late_pass = ephemeral(desk, click(desk, WANG, "lead_offer_pass", dm))
    assert late_pass == f"你已接受线索 #{lead.id}，不能再转出。未做任何更改。"
    assert snapshot(desk.desk.db) == before


def test_only_the_offered_rep_may_answer(desk):
    east_rule(desk)
    lead = routed_lead(desk, "温州阀门")
    dm = offer_to(desk, WANG, lead.id)
    before = snapshot(desk.desk.db)
    for user in (CHEN, ZHOU, ADA):
        for action in ("lead_offer_accept", "lead_offer_pass"):
            refused = ephemeral(desk, click(desk, user, action, dm))
            assert (
                "only they can accept or pass it" in refused or "只有对方可以接受或转出" in refused
            )
    stranger = desk.click_in_message(
        STRANGER, "lead_offer_accept", button_values(dm)["lead_offer_accept"], dm
    )
    assert "not registered" in ephemeral(desk, stranger)
    forged = desk.click_in_message(WANG, "lead_offer_accept", "1:2:x", dm)
    assert ephemeral(desk, forged) == "无法识别这个按钮。未做任何更改。"
    assert snapshot(desk.desk.db) == before


def test_pass_goes_to_the_next_rep_and_old_buttons_are_stale(desk):
    east_rule(desk)
    lead = routed_lead(desk, "嘉兴纺织")
    first = offer_to(desk, WANG, lead.id)
    done = answered(desk, click(desk, WANG, "lead_offer_pass", first))
    assert done["replace_original"] is True
    assert done["text"] == f"你已转出线索 #{lead.id} 嘉兴纺织，已分给 陈杰。"
    stored = lead_of(desk.desk.db, "嘉兴纺织")
    assert slack_id(desk.desk.db, stored.owner_id) == CHEN and stored.status == "assigned"
    assert stored.assignment_note == "passed by 王芳; round robin (1/30 in 30 days)"
    [passed] = rows(desk.desk.db, LeadPass)
    assert (passed.lead_id, passed.member_id) == (lead.id, member(desk, WANG))
    assert actions_of(desk.desk.db, lead.id) == [
        "lead.create",
        "lead.assign",
        "lead.pass",
        "lead.assign",
    ]
    second = offer_to(desk, CHEN, lead.id)

    before = snapshot(desk.desk.db)
    # Wang's old buttons: passed already; a replay changes nothing
    assert ephemeral(desk, click(desk, WANG, "lead_offer_pass", first)) == (
        f"你已转出线索 #{lead.id}。未做任何更改。"
    )
    assert ephemeral(desk, click(desk, WANG, "lead_offer_accept", first)) == (
        f"你已转出线索 #{lead.id}。未做任何更改。"
    )
    assert snapshot(desk.desk.db) == before

    # Chen passes too: nobody else in East, so it waits there and the manager is told once
    done = answered(desk, click(desk, CHEN, "lead_offer_pass", second))
    assert done["text"] == (
        f"你已转出线索 #{lead.id} 嘉兴纺织；华东 East 现在没有其他销售能接，线索在团队中等待，"
        "并已通知经理。"
    )
    stored = lead_of(desk.desk.db, "嘉兴纺织")
    assert (stored.status, stored.owner_id, stored.sla_next_at) == ("new", None, None)
    [told] = posted_to(desk.slack, ZHOU, "有线索在等待")
    assert f"现在没有销售能接线索 #{lead.id} 嘉兴纺织" in message_text(told.args)
    # Chen's button again: stale
    assert "未做任何更改" in ephemeral(desk, click(desk, CHEN, "lead_offer_accept", second))
    # the waiting lead shows in /lead unassigned; the reminders job offers it to nobody who passed
    assert f"#{lead.id} 嘉兴纺织 · 在 华东 East 等待" in said(desk, LI, "未分配")


# -- away, capacity, waiting -----------------------------------------------------------------


def test_away_reps_are_skipped_and_back_offers_what_waited(
    desk, workspace, database_url, monkeypatch
):
    east_rule(desk)
    friday = said(desk, WANG, "休假 到 下周五")
    assert friday.startswith("你休假到 ") and "期间不会分给你新线索" in friday
    assert "You are away until" in said(desk, EMMA, "away until Friday")
    first = routed_lead(desk, "常州五金")
    assert slack_id(workspace, first.owner_id) == CHEN
    assert "2099" in said(desk, CHEN, "away until 2099-01-01")
    waiting = routed_lead(desk, "无锡轴承")
    again = routed_lead(desk, "南通船舶")
    for lead in (waiting, again):
        assert (lead.status, lead.owner_id, lead.team_id is not None) == ("new", None, True)
    # the manager hears once while leads wait, not once a lead
    [told] = posted_to(desk.slack, ZHOU, "有线索在等待")
    assert "2 位销售：2 位休假，0 位已满" in message_text(told.args)
    assert len(rows(workspace, Notification, Notification.kind == "lead_waiting")) == 1

    back = said(desk, WANG, "回来")
    assert back == "欢迎回来：新线索会继续分给你。刚刚分出了 2 条等待中的线索。"
    for company in ("无锡轴承", "南通船舶"):
        assert slack_id(workspace, lead_of(workspace, company).owner_id) == WANG
    assert said(desk, WANG, "back") == "欢迎回来：新线索会继续分给你。"


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("away", "`/lead away until Friday`"),
        ("away until someday maybe", "I can't read 'someday maybe' as a day"),
        ("away until 2020-01-01", "has passed already"),
    ],
)
def test_a_bad_away_changes_nothing(desk, text, answer):
    assert answer in said(desk, EMMA, text)
    with desk.desk.db.session() as session:
        assert session.get(Member, member(desk, EMMA)).away_until is None


def test_waiting_leads_are_offered_by_the_reminders_job_once_a_rep_is_free(
    desk, workspace, database_url, monkeypatch
):
    east_rule(desk)
    said(desk, ZHOU, f"容量 <@{WANG}|wang> 0")
    said(desk, ZHOU, f"容量 <@{CHEN}|chen> 0")
    lead = routed_lead(desk, "绍兴印染")
    assert lead.owner_id is None and lead.team_id is not None
    monkeypatch.setenv("DATABASE_URL", database_url)
    assert main(["jobs", "run", "reminders", "--at", "2026-12-03T10:00+08:00"]) == 0
    assert lead_of(workspace, "绍兴印染").owner_id is None  # still nobody
    said(desk, ZHOU, f"容量 <@{CHEN}|chen> 5")
    assert main(["jobs", "run", "reminders", "--at", "2026-12-03T10:05+08:00"]) == 0
    assert slack_id(workspace, lead_of(workspace, "绍兴印染").owner_id) == CHEN
    offer_to(desk, CHEN, lead.id)


def test_capacity_set_by_the_teams_manager_or_an_admin_and_shown(desk, workspace):
    assert said(desk, ZHOU, f"容量 <@{WANG}|wang> 40") == "王芳 现在每 30 天最多接 40 条新线索。"
    assert said(desk, ADA, f"capacity <@{CHEN}> default") == (
        "陈杰 now takes the team's 30 new leads per 30 days."
    )
    for user, text in (
        (MIKE, f"capacity <@{WANG}> 5"),
        (WANG, f"capacity <@{WANG}> 99"),
        (LI, f"容量 <@{WANG}> 1"),
    ):
        assert "Nothing changed" in said(desk, user, text) or "未做任何更改" in said(
            desk, user, text
        )
    assert "only reps are given leads" in said(desk, ADA, f"capacity <@{ZHOU}> 5")
    assert "is not a capacity" in said(desk, ADA, f"capacity <@{WANG}> lots")
    with workspace.session() as session:
        assert session.get(Member, member(desk, WANG)).lead_capacity == 40

    said(desk, CHEN, "休假 到 2099-01-01")
    shown = said(desk, LI, "容量")
    assert "华东 East：每 30 天的线索数（团队默认 30）" in shown
    assert "王芳：30 天内 0/40" in shown and "陈杰：30 天内 0/30 · 休假到 " in shown
    assert "only your own team" in said(desk, MIKE, "capacity 华东").lower()
    assert "Export: leads per 30 days" in said(desk, ADA, "capacity export")
    assert "只有内勤、经理和管理员可以查看团队的容量" in said(desk, WANG, "容量")


# -- /lead unassigned and POST /leads ------------------------------------------------------------


def test_unassigned_for_the_desk_managers_and_admins_only(desk):
    said(desk, LI, "无名公司；某人；139 0000 2222")  # no rule, two teams: no team
    assert "#1 无名公司 · 无团队（没有匹配的规则）" in said(desk, LI, "未分配")
    assert "#1 无名公司 · no team (no rule matches)" in said(desk, MIKE, "unassigned")
    assert "Leads nobody has yet (1)" in said(desk, ADA, "unassigned")
    assert (
        said(desk, WANG, "未分配")
        == "只有内勤、经理和管理员可以查看未分配的线索；`/lead 我的` 查看你的线索。"
    )


def test_a_lead_from_post_leads_is_routed_and_offered(
    desk, workspace, database_url, monkeypatch, capsys
):
    said(desk, MIKE, "route add source=website")
    monkeypatch.setenv("DATABASE_URL", database_url)
    capsys.readouterr()
    assert main(["leads", "token", "create", "website"]) == 0
    token = capsys.readouterr().out.strip().splitlines()[-1]
    body = json.dumps(
        {"company": "Globex GmbH", "email": "hank@globex.example", "source_id": "w-1"}
    )
    reply = desk.post(
        body,
        {"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
        path="/leads",
    )
    assert reply.status == 201, reply.body
    lead = lead_of(workspace, "Globex GmbH")
    assert slack_id(workspace, lead.owner_id) == EMMA
    assert lead.assignment_note == "routing rule 1: source website; round robin (1/30 in 30 days)"
    text = message_text(offer_to(desk, EMMA, lead.id))
    assert f"A new lead for you: #{lead.id} Globex GmbH (source: Website)." in text
    assert "Accept" in text and "Pass" in text
