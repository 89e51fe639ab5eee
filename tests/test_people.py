"""People who come and go: members added from Slack, deactivated with their records handed
over, and Slack's own deactivations."""

from datetime import timedelta

import pytest
from sqlmodel import select

from bot.cli import main
from harness import RunningDesk
from storage.imports import import_csv
from storage.models import (
    AuditEntry,
    Customer,
    Meeting,
    Member,
    SalesOrder,
    SampleRequest,
    Visit,
    utcnow,
)

ADMIN = "UADMIN0001"
MANAGER = "UMGRSOUTH1"
LEAVING = "U07REPZHAO"
TAKING_OVER = "U07REPQIAN"
OTHER_TEAM_REP = "U07REPWEST"

TEAMS = """name,slack_channel_id,timezone,manager_slack_id
华南 South,C0SOUTH001,Asia/Shanghai,UMGRSOUTH1
West,C0WEST0001,Europe/London,
"""
MEMBERS = """slack_user_id,name,role,team,manager_slack_id,locale
UADMIN0001,Alex Admin,admin,,,en-US
UMGRSOUTH1,孙丽 Sun Li,manager,华南 South,,zh-CN
U07REPZHAO,赵强 Zhao Qiang,rep,华南 South,UMGRSOUTH1,zh-CN
U07REPQIAN,钱多 Qian Duo,rep,华南 South,UMGRSOUTH1,zh-CN
U07REPWEST,Wendy West,rep,West,,en-GB
"""
CUSTOMERS = """code,name,owner_slack_id,tier
GZ-0001,广州华瑞五金,U07REPZHAO,A
GZ-0002,深圳明辉电子,U07REPZHAO,B
LDN-001,Thames Fasteners,U07REPWEST,A
"""
ORDERS = """number,customer_code,status,amount,currency,rep_slack_id
SO-1,GZ-0001,confirmed,1200.00,CNY,U07REPZHAO
SO-2,GZ-0002,shipped,800.00,CNY,U07REPZHAO
SO-3,GZ-0001,paid,500.00,CNY,U07REPZHAO
"""


@pytest.fixture
def team(db, tmp_path):
    for kind, content in (
        ("teams", TEAMS),
        ("members", MEMBERS),
        ("customers", CUSTOMERS),
        ("orders", ORDERS),
    ):
        path = tmp_path / f"{kind}.csv"
        path.write_text(content, encoding="utf-8-sig")
        report = import_csv(db, kind, path)
        assert not report.rejected, (kind, report.rejected)
    return db


@pytest.fixture
def desk(team, slack):
    with RunningDesk(team, slack) as running:
        yield running


def _member(db, slack_id) -> Member:
    with db.session() as session:
        return session.exec(select(Member).where(Member.slack_user_id == slack_id)).one()


def _give_zhao_a_follow_up_a_sample_and_a_meeting(desk, db):
    assert (
        "GZ-0001"
        in desk.command("/visit", "GZ-0001；电话；谈报价；下一步：周五前发报价", LEAVING).text()
    )
    desk.command("/sample", "GZ-0002; M8 螺栓; 200; 试产; by next Friday", LEAVING)
    with db.session() as session:
        zhao = session.exec(select(Member).where(Member.slack_user_id == LEAVING)).one()
        start = utcnow() + timedelta(days=2)
        session.add(
            Meeting(
                organiser_id=zhao.id,
                title="季度回顾",
                starts_at=start,
                ends_at=start + timedelta(hours=1),
            )
        )


def test_an_admin_deactivates_a_rep_and_everything_open_goes_to_another_rep(desk, team):
    _give_zhao_a_follow_up_a_sample_and_a_meeting(desk, team)

    reply = desk.command("/desk", f"deactivate <@{LEAVING}> to <@{TAKING_OVER}>", ADMIN)

    text = reply.text()
    assert "赵强 Zhao Qiang is deactivated" in text
    assert "2 customers (GZ-0001, GZ-0002)" in text
    assert "2 open orders (SO-1, SO-2)" in text
    qian = _member(team, TAKING_OVER)
    with team.session() as session:
        assert {
            c.owner_id for c in session.exec(select(Customer).where(Customer.code.like("GZ-%")))
        } == {qian.id}
        orders = {o.number: o.rep_id for o in session.exec(select(SalesOrder))}
        assert orders["SO-1"] == orders["SO-2"] == qian.id
        assert orders["SO-3"] != qian.id  # a paid order stays in the history of who sold it
        assert [s.rep_id for s in session.exec(select(SampleRequest))] == [qian.id]
        assert [v.rep_id for v in session.exec(select(Visit))] == [qian.id]
        assert [m.organiser_id for m in session.exec(select(Meeting))] == [qian.id]
        handovers = session.exec(select(AuditEntry).where(AuditEntry.action == "handover")).all()
    assert len(handovers) == 2 + 2 + 1 + 1 + 1
    assert all(entry.actor == ADMIN for entry in handovers)
    assert {"rep_id": LEAVING} in [entry.before for entry in handovers]
    assert {"rep_id": TAKING_OVER} in [entry.after for entry in handovers]
    zhao = _member(team, LEAVING)
    assert zhao.active is False and zhao.deactivated_at is not None

    dm = desk.slack.wait_for("chat.postMessage", where=lambda c: c.args["channel"] == TAKING_OVER)
    told = dm[-1].args["text"]
    assert "赵强 Zhao Qiang 已离开" in told and "客户 2 个（GZ-0001, GZ-0002）" in told


def test_a_deactivated_member_is_no_member_from_then_on(desk, team):
    desk.command("/desk", f"deactivate <@{LEAVING}> to <@{TAKING_OVER}>", ADMIN)
    reply = desk.command("/order", "list", LEAVING)
    assert "not registered with Sales Desk" in reply.text()
    assert "SO-1" not in reply.text()


def test_a_deactivated_rep_gets_no_brief_in_the_team_digest(desk, team):
    from commands.digest import team_digest
    from storage.models import Team

    desk.command("/desk", f"deactivate <@{LEAVING}> to <@{TAKING_OVER}>", ADMIN)
    with team.session() as session:
        south = session.exec(select(Team).where(Team.name == "华南 South")).one()
        digest = team_digest(session, south, utcnow().date(), "Asia/Shanghai")
    assert [brief.slack_user_id for brief in digest.briefs] == [TAKING_OVER]


def test_a_manager_hands_over_within_their_team_only(desk, team):
    refused = desk.command("/desk", f"停用 <@{OTHER_TEAM_REP}> 给 <@{TAKING_OVER}>", MANAGER)
    assert "经理只能添加和停用本团队的销售和内勤" in refused.text()
    assert _member(team, OTHER_TEAM_REP).active is True

    done = desk.command("/desk", "停用 @赵强 给 @钱多", MANAGER)
    assert "赵强 Zhao Qiang 已停用" in done.text()


@pytest.mark.parametrize(
    "text, expected",
    [
        (f"deactivate <@{LEAVING}>", "To deactivate a member"),
        (f"deactivate <@{LEAVING}> to <@{LEAVING}>", "can't hand their records to themselves"),
        (f"deactivate <@{LEAVING}> to @nobody", "I don't know who @nobody is"),
        (f"deactivate <@{ADMIN}> to <@{TAKING_OVER}>", "You can't deactivate yourself"),
        (
            f"deactivate <@UNOSUCH01> to <@{TAKING_OVER}>",
            "No member has the Slack user id UNOSUCH01",
        ),
    ],
)
def test_a_bad_deactivation_says_what_is_wrong_and_changes_nothing(desk, team, text, expected):
    reply = desk.command("/desk", text, ADMIN)
    assert expected in reply.text()
    assert _member(team, LEAVING).active is True
    with team.session() as session:
        assert session.exec(select(AuditEntry).where(AuditEntry.action == "handover")).all() == []


def test_a_rep_may_not_deactivate_anyone(desk, team):
    reply = desk.command("/desk", f"deactivate <@{TAKING_OVER}> to <@{LEAVING}>", LEAVING)
    assert "只有管理员" in reply.text()
    assert _member(team, TAKING_OVER).active is True


def test_the_command_line_deactivates_and_hands_over(team, capsys, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", team.url)
    assert main(["members", "deactivate", LEAVING, "--to", TAKING_OVER]) == 0
    out = capsys.readouterr().out
    assert "赵强 Zhao Qiang (U07REPZHAO) is deactivated." in out
    assert "2 open orders (SO-1, SO-2)" in out
    assert _member(team, LEAVING).active is False
    with team.session() as session:
        entries = session.exec(select(AuditEntry).where(AuditEntry.actor != "import")).all()
    assert entries and {entry.actor for entry in entries} == {"cli"}

    assert main(["members", "deactivate", LEAVING, "--to", "UNOSUCH01"]) == 1
    assert "No member has the Slack user id UNOSUCH01" in capsys.readouterr().err


def test_slack_deactivating_an_account_makes_the_member_inactive_and_tells_who_must_act(desk, team):
    desk.command("/order", "list", ADMIN)  # the admin is a member who has spoken
    reply = desk.event({"type": "user_change", "user": {"id": LEAVING, "deleted": True}})
    assert reply.status == 200

    told = desk.slack.wait_for("chat.postMessage", count=2)
    by_channel = {call.args["channel"]: call.args["text"] for call in told}
    assert set(by_channel) == {ADMIN, MANAGER}
    assert f"/desk deactivate {LEAVING} to @new-owner" in by_channel[ADMIN]
    assert "4 of their records are still open" in by_channel[ADMIN]  # 2 customers, 2 orders
    assert f"/desk deactivate {LEAVING} to @新负责人" in by_channel[MANAGER]
    zhao = _member(team, LEAVING)
    assert zhao.active is False
    with team.session() as session:
        assert session.get(Customer, 1).owner_id == zhao.id  # not handed over by itself

    handed = desk.command("/desk", f"deactivate {LEAVING} to <@{TAKING_OVER}>", ADMIN)
    assert "赵强 Zhao Qiang was already deactivated" in handed.text()
    assert "2 customers" in handed.text()


def test_the_same_slack_deactivation_twice_tells_people_once(desk, team):
    desk.event({"type": "user_change", "user": {"id": LEAVING, "deleted": True}})
    desk.event({"type": "user_change", "user": {"id": LEAVING, "deleted": True}})
    desk.slack.wait_for("chat.postMessage", count=2)
    assert len(desk.slack.calls_to("chat.postMessage")) == 2


def test_an_admin_adds_a_member_from_slack_with_their_language_and_zone(desk, team):
    desk.slack.add_user("U07NEWLIN", "林晓 Lin Xiao", locale="zh-TW", tz="Asia/Shanghai")
    reply = desk.command("/desk", 'add <@U07NEWLIN|linxiao> rep "华南 South"', ADMIN)
    added_text = (
        "林晓 Lin Xiao is now a member: rep in 华南 South. They can use the desk right away."
    )
    assert added_text in reply.text()
    lin = _member(team, "U07NEWLIN")
    assert (lin.role, lin.slack_locale, lin.timezone, lin.active) == (
        "rep",
        "zh-CN",
        "Asia/Shanghai",
        True,
    )
    with team.session() as session:
        added = session.exec(select(AuditEntry).where(AuditEntry.action == "add")).one()
    assert added.actor == ADMIN and added.after["role"] == "rep"

    hello = desk.command("/order", "list", "U07NEWLIN")
    assert "not registered" not in hello.text()


def test_a_manager_adds_a_rep_to_their_own_team_without_naming_it(desk, team):
    desk.slack.add_user("U07NEWHE", "何静", locale="zh-CN")
    reply = desk.command("/desk", "添加 <@U07NEWHE> 销售", MANAGER)
    assert "何静 已成为成员：销售，华南 South" in reply.text()
    desk.slack.add_user("U07NEWWU", "吴昊", locale="zh-CN")
    refused = desk.command("/desk", "add <@U07NEWWU> admin", MANAGER)
    assert "经理只能为本团队添加销售和内勤" in refused.text()


def test_a_deactivated_member_comes_back_the_same_way(desk, team):
    desk.command("/desk", f"deactivate <@{LEAVING}> to <@{TAKING_OVER}>", ADMIN)
    desk.slack.add_user(LEAVING, "赵强 Zhao Qiang", locale="zh-CN", tz="Asia/Shanghai")
    reply = desk.command("/desk", "add @赵强 rep 华南", ADMIN)
    assert "赵强 Zhao Qiang is a member again" in reply.text()
    assert _member(team, LEAVING).active is True
    assert "not registered" not in desk.command("/order", "list", LEAVING).text()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("add <@U07NOBODY> rep 华南", "Slack knows no user U07NOBODY"),
        (f"add <@{TAKING_OVER}> rep 华南", "钱多 Qian Duo is already a member"),
        ("add <@U07NEWLIN> boss 华南", "“boss” is not a role"),
        ("add <@U07NEWLIN> rep Narnia", "There is no team called “Narnia”"),
        ("add <@U07NEWLIN> rep", "Which team?"),
        ("add @someone-new rep 华南", "I don't know who @someone-new is"),
    ],
)
def test_a_bad_addition_says_what_is_wrong_and_changes_nothing(desk, team, text, expected):
    desk.slack.add_user("U07NEWLIN", "林晓 Lin Xiao")
    reply = desk.command("/desk", text, ADMIN)
    assert expected in reply.text()
    with team.session() as session:
        assert (
            session.exec(select(Member).where(Member.slack_user_id == "U07NEWLIN")).first() is None
        )


def test_desk_help_lists_the_people_commands_in_both_languages(desk, team):
    assert "/desk deactivate @someone to @other" in desk.command("/desk", "help", ADMIN).text()
    assert "/desk 停用 @某人 给 @另一人" in desk.command("/desk", "帮助", MANAGER).text()
