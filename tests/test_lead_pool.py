"""The lead pool (公海) and lead progress: `/lead pool` by team, newest first, 20 a page with
Claim buttons, found by region or industry; `/lead claim` and the Claim button (the team's cap,
the previous owner's wait, two claims at once, double clicks); idle leads recycled once a day
(a follow-up keeps a lead out); `/lead contacted|qualify|disqualify|follow` with the
permission matrix of every step. Same team as tests/test_lead_sla.py, on SQLite and
PostgreSQL."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from bot.cli import main
from harness import RunningDesk
from helpers import button_elements, import_files, member_id, message_text, posted_to, told
from jobs.runner import JobRunner
from storage.models import AuditEntry, Lead, as_utc
from test_lead_sla import ADA, CHEN, EMMA, FILES, LIU, MARK, SHANGHAI, WANG, ZHOU, new_lead, read

STRANGER = "U0NOBODY1"
EAST = "华东 East"


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


def reply_of(desk, user: str, text: str) -> dict:
    reply = desk.command("/lead", text, user)
    assert reply.status == 200, reply.body
    return reply.body


def settings(database_url, monkeypatch, *changes: str) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url)
    assert main(["settings", "set", EAST, *changes]) == 0


def to_the_pool(db, at: datetime | None = None) -> datetime:
    """Every open lead without a follow-up for 20 days (assignment reads the wall clock, so
    it is moved back): the daily recycle step at `at` (now by default) sends them to the pool
    (the team's default is 14 days)."""
    at = at or datetime.now(UTC)
    with db.session() as session:
        for lead in session.exec(select(Lead).where(Lead.status == "assigned")):
            lead.assigned_at = at - timedelta(days=20)
    JobRunner(db, "UTC", "en").run("lead-recycle", at)
    return at


def pooled_leads(desk, count: int) -> list[int]:
    ids = [new_lead(desk, WANG, f"公司{n:02d}；联系人；138 0000 00{n:02d}") for n in range(count)]
    to_the_pool(desk.desk.db)
    return ids


# -- the pool -----------------------------------------------------------------------------------


def test_the_pool_lists_the_teams_leads_newest_first_20_a_page_with_claim_buttons(desk, slack):
    ids = pooled_leads(desk, 21)
    form = {
        "company": "宁波海天机械",
        "contact_name": "李雷",
        "phone": "139 1111 2222",
        "region": "宁波",
        "industry": "机械制造",
    }
    values = {k: {"value": {"type": "plain_text_input", "value": v}} for k, v in form.items()}
    values["source"] = {"value": {"type": "static_select", "selected_option": {"value": "phone"}}}
    assert desk.submit_view(WANG, "lead_create", values).body["response_action"] == "update"
    to_the_pool(desk.desk.db, datetime.now(UTC) + timedelta(days=1))
    newest = ids[-1] + 1

    page = reply_of(desk, CHEN, "公海")
    text = message_text(page)
    assert text.startswith("本团队公海线索：第 1-20 条，共 22 条")
    sections = [b for b in page["blocks"] if b["type"] == "section"]
    assert len(sections) == 20
    assert sections[0]["text"]["text"].startswith(f"#{newest} 宁波海天机械 · 宁波 · 机械制造")
    assert sections[1]["text"]["text"].startswith(f"#{ids[-1]} 公司20")
    assert {s["accessory"]["text"]["text"] for s in sections} == {"领取"}
    assert sections[0]["accessory"]["value"] == str(newest)
    [more] = button_elements(page)
    assert more["text"]["text"] == "下一页" and "公海中还有 2 条。" in text

    second = told(slack, desk.click_in_message(CHEN, more["action_id"], more["value"], page))
    assert second.startswith("本团队公海线索：第 21-22 条，共 22 条")

    found = message_text(reply_of(desk, CHEN, "公海 宁波"))
    assert "第 1-1 条，共 1 条" in found and f"#{newest} 宁波海天机械" in found
    assert "机械" in message_text(reply_of(desk, CHEN, "pool 机械"))
    assert said(desk, CHEN, "pool 上海") == "本团队公海中没有地区或行业包含“上海”的线索。"
    assert said(desk, EMMA, "pool") == "Your team's lead pool is empty."  # Export's own pool
    assert said(desk, ADA, "pool") == "Your team's lead pool is empty."


def test_a_claim_is_the_reps_with_a_new_clock_and_a_second_click_changes_nothing(desk, slack):
    lead_id, other = pooled_leads(desk, 2)
    page = reply_of(desk, CHEN, "pool")
    button = next(
        b["accessory"]
        for b in page["blocks"]
        if b.get("accessory", {}).get("value") == str(lead_id)
    )

    first = told(slack, desk.click_in_message(CHEN, button["action_id"], button["value"], page))
    assert first.startswith(f"线索 #{lead_id} 公司00 现在归你。请在 ")
    assert first.endswith("前首次联系。你持有从公海领取的线索 1 条（上限 10 条）。")
    again = told(slack, desk.click_in_message(CHEN, button["action_id"], button["value"], page))
    assert again == f"线索 #{lead_id} 已归 陈杰，未作更改。"
    lead = read(desk.desk.db, lead_id)
    assert (lead.status, lead.owner_id, lead.pooled_at) == (
        "assigned",
        member_id(desk.desk.db, CHEN),
        None,
    )
    assert lead.previous_owner_id == member_id(desk.desk.db, WANG)
    assert lead.assignment_note == "claimed from the pool"
    assert as_utc(lead.sla_next_at) > datetime.now(UTC)  # its clock started at the claim

    assert said(desk, ZHOU, f"领取 {other}") == "只有销售可以从公海领取线索。"
    assert said(desk, EMMA, f"claim {other}") == f"Lead #{other} is not in your team's pool."
    assert said(desk, CHEN, "claim") == "哪条线索？`/lead 领取 12`（编号见 `/lead 公海`）。"
    assert "not registered" in desk.command("/lead", f"claim {other}", STRANGER).text()
    assert read(desk.desk.db, other).status == "recycled"


def test_the_previous_owner_waits_before_claiming_back(desk, workspace, database_url, monkeypatch):
    [lead_id] = pooled_leads(desk, 1)
    pooled = as_utc(read(workspace, lead_id).pooled_at)
    refused = said(desk, WANG, f"领取 {lead_id}")
    until = (pooled + timedelta(days=7)).astimezone(SHANGHAI)
    assert refused == (
        f"线索 #{lead_id} 是从你名下退回公海的：{until:%Y}年{until.month}月{until.day}日 "
        f"{until:%H:%M} 起你才可再次领取。"
    )
    assert read(workspace, lead_id).status == "recycled"
    settings(database_url, monkeypatch, "lead_reclaim_days=0")
    assert "现在归你" in said(desk, WANG, f"领取 {lead_id}")


def test_a_rep_holds_no_more_than_the_teams_cap_from_the_pool(desk, database_url, monkeypatch):
    ids = pooled_leads(desk, 3)
    settings(database_url, monkeypatch, "lead_pool_cap=2")
    assert "（上限 2 条）" in said(desk, CHEN, f"claim {ids[0]}")
    assert "你持有从公海领取的线索 2 条" in said(desk, CHEN, f"claim {ids[1]}")
    assert said(desk, CHEN, f"claim {ids[2]}") == (
        "你已持有从公海领取的未结线索 2 条，达到团队上限 2 条：请先跟进或关闭其中一些。"
    )
    assert read(desk.desk.db, ids[2]).status == "recycled"
    said(desk, CHEN, f"无效 {ids[0]} 重复询价")
    assert "现在归你" in said(desk, CHEN, f"claim {ids[2]}")  # a closed one frees a place


def test_two_claims_at_once_one_wins(desk, database_url, monkeypatch):
    [lead_id] = pooled_leads(desk, 1)
    settings(database_url, monkeypatch, "lead_reclaim_days=0")  # 王芳 may claim it back too
    answers: dict[str, str] = {}

    def claim(rep: str) -> None:
        answers[rep] = said(desk, rep, f"claim {lead_id}")

    threads = [threading.Thread(target=claim, args=(rep,)) for rep in (WANG, CHEN)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    owner = read(desk.desk.db, lead_id).owner_id
    winner = WANG if owner == member_id(desk.desk.db, WANG) else CHEN
    loser = CHEN if winner == WANG else WANG
    assert "现在归你" in answers[winner]
    assert (
        answers[loser] == f"线索 #{lead_id} 已归 {'王芳' if winner == WANG else '陈杰'}，未作更改。"
    )
    with desk.desk.db.session() as session:
        claims = session.exec(
            select(AuditEntry).where(
                AuditEntry.entity_key == str(lead_id), AuditEntry.action == "lead.claim"
            )
        ).all()
    assert len(claims) == 1


# -- idle leads ----------------------------------------------------------------------------------


def test_idle_leads_go_to_the_pool_once_a_day_and_a_follow_up_keeps_one_out(desk, slack):
    db = desk.desk.db
    idle, followed, fresh = (
        new_lead(desk, WANG, f"公司{n}；联系人；138 0000 000{n}") for n in range(3)
    )
    long_ago = datetime.now(UTC) - timedelta(days=20)
    with db.session() as session:  # assigned 20 days ago (assignment reads the wall clock)
        for lead_id in (idle, followed):
            session.get(Lead, lead_id).assigned_at = long_ago
    assert (
        said(desk, WANG, f"跟进 {followed} 已发产品目录")
        == f"已记录线索 #{followed} 公司1 的跟进。"
    )

    now = datetime.now(UTC) + timedelta(minutes=5)
    results = JobRunner(db, "UTC", "en").run("lead-recycle", now)
    assert {result.label: result.queued for result in results} == {EAST: 1, "Export": 0}
    replayed = JobRunner(db, "UTC", "en").run("lead-recycle", now)
    assert all(result.already_done for result in replayed)  # once a day per team
    assert [read(db, i).status for i in (idle, followed, fresh)] == [
        "recycled",
        "assigned",
        "assigned",
    ]
    [told_wang] = posted_to(slack, WANG, "退回团队公海")
    assert message_text({"blocks": told_wang.args["blocks"]}) == (
        f"线索 #{idle} 公司0 已退回团队公海：14 天没有跟进。团队规定的等待期过后你可再次领取。"
    )


# -- progress and who may take each step ----------------------------------------------------------

ALLOWED = (WANG, ZHOU, LIU, ADA)  # the owner, the team's manager and desk, an admin
REFUSED = (CHEN, MARK, EMMA)  # another rep of the team, another team's manager and rep


@pytest.mark.parametrize(
    ("typed", "status", "reply"),
    [
        ("contacted {id} 电话沟通", "contacted", "已标记为已联系"),
        ("合格 {id}", "qualified", "已确认为合格线索"),
        ("无效 {id} 没有预算", "disqualified", "已标记为无效，原因已记录"),
        ("跟进 {id} 已发目录", "assigned", "的跟进"),
    ],
)
def test_each_step_is_the_owners_their_managers_the_desks_and_an_admins(desk, typed, status, reply):
    db = desk.desk.db
    for user in ALLOWED:
        lead_id = new_lead(desk, WANG, f"{user}公司；联系人；138 0000 0001")
        for stranger in REFUSED:
            assert said(desk, stranger, typed.format(id=lead_id)) in (
                f"没有你可以处理的线索 #{lead_id}。",
                f"There is no lead #{lead_id} that you can work on.",
            )
        assert "not registered" in desk.command("/lead", typed.format(id=lead_id), STRANGER).text()
        assert read(db, lead_id).status == "assigned"
        assert reply in said(desk, user, typed.format(id=lead_id)) or user == ADA
        assert read(db, lead_id).status == status


def test_the_steps_follow_the_leads_life_and_replays_change_nothing(desk):
    db = desk.desk.db
    lead_id = new_lead(desk, WANG, "宁波海天机械；李雷；139 1111 2222")
    assert (
        said(desk, WANG, f"qualify {lead_id}") == f"线索 #{lead_id} 宁波海天机械 已确认为合格线索。"
    )
    lead = read(db, lead_id)
    assert (lead.status, lead.sla_next_at) == ("qualified", None)
    assert lead.first_contact_at is not None and lead.qualified_at is not None
    assert said(desk, WANG, f"合格 {lead_id}") == f"线索 #{lead_id} 已是合格线索，未作更改。"
    assert said(desk, WANG, f"无效 {lead_id}") == (
        f"请说明线索 #{lead_id} 无效的原因：`/lead 无效 {lead_id} 原因`。"
    )
    assert said(desk, WANG, f"跟进 {lead_id}") == f"请写明跟进内容：`/lead 跟进 {lead_id} 内容`。"
    assert said(desk, WANG, f"disqualify {lead_id} 重复询价") == (
        f"线索 #{lead_id} 宁波海天机械 已标记为无效，原因已记录。"
    )
    assert read(db, lead_id).disqualify_reason == "重复询价"
    assert said(desk, WANG, f"无效 {lead_id} 又一次") == f"线索 #{lead_id} 已标记为无效，未作更改。"
    assert said(desk, WANG, f"联系了 {lead_id}") == f"线索 #{lead_id} 已标记为无效，未作更改。"
    assert said(desk, WANG, f"跟进 {lead_id} 再问问") == f"线索 #{lead_id} 已标记为无效，未作更改。"
    assert said(desk, WANG, "contacted twelve") == (
        "哪条线索？例如 `/lead 联系了 12 已电话沟通，准备报价`。"
    )
    assert said(desk, WANG, "qualify 999999") == "没有你可以处理的线索 #999999。"
    assert read(db, lead_id).status == "disqualified"


def test_english_replies_for_an_english_rep(desk):
    lead_id = new_lead(desk, EMMA, "Bluebird Ltd; Jane; jane@bluebird.example")
    contacted = said(desk, EMMA, f"contacted {lead_id} called Jane")
    assert contacted.startswith(f"Lead #{lead_id} Bluebird Ltd is marked contacted, ")
    assert contacted.endswith(
        " business hours after it was assigned; its first-contact clock is stopped."
    )
    assert said(desk, EMMA, f"follow {lead_id} sent the catalogue") == (
        f"Follow-up on lead #{lead_id} Bluebird Ltd noted."
    )
    assert said(desk, EMMA, f"qualify {lead_id}") == f"Lead #{lead_id} Bluebird Ltd is qualified."
