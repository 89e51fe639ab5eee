"""The first-contact clock acted on (jobs/lead_sla.py): the rep reminded at 75 %, the managers
told at 100 % with a Reassign, the lead back in the team's pool at 150 %; each once, across a
re-run, two replicas and two slots at once; the clock stopped by `/lead contacted`, the
Contacted button and a `/visit` on the lead's customer; the admins told once a year when
China's calendar does not know the year. On SQLite and PostgreSQL.

Both teams keep the defaults: 2 business hours from 09:00 to 18:00, reminded at 1.5 h, the
manager told at 2 h, back in the pool at 3 h. Hand-computed (team clock):

East (Asia/Shanghai, China's calendar):
- an evening: assigned Wed 18 Nov 2026 17:00 → 1 h that day; Thu 19 Nov 09:30 / 10:00 / 11:00.
- a weekend: assigned Fri 20 Nov 17:30 → 0.5 h; Mon 23 Nov 10:00 / 10:30 / 11:30.
- National Day (1-7 Oct off): assigned Wed 30 Sep 17:00 → 1 h; Thu 8 Oct 09:30 / 10:00 / 11:00.
- the make-up Saturday 10 Oct: assigned Fri 9 Oct 17:00 → 1 h; Sat 10 Oct 09:30 / 10:00 / 11:00.
Export (Europe/London, Monday to Friday):
- the same Friday 9 Oct 17:00 BST: Saturday is no working day there; Mon 12 Oct 09:30 / 10:00 /
  11:00 BST.
- across the end of summer time (25 Oct): assigned Fri 23 Oct 17:30 BST (16:30Z) → 0.5 h; Mon
  26 Oct 10:00 / 10:30 / 11:30 GMT (= UTC).
"""

import threading
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from commands.leads.sla import start_clock
from commands.team_settings import settings_of
from harness import RunningDesk, eventually
from helpers import button_elements, import_files, member_id, message_text, posted_to, told
from jobs.runner import JobRunner
from storage.models import AuditEntry, Lead, Notification, Team, as_utc

SHANGHAI = ZoneInfo("Asia/Shanghai")
LONDON = ZoneInfo("Europe/London")
ZHOU = "U0MGRZHOU"  # 周敏, manager of East, zh-CN
WANG = "U0REPWANG"  # 王芳, East, zh-CN; owns C-1001
CHEN = "U0REPCHEN"  # 陈杰, East, zh-CN
LIU = "U0DESKLIU"  # 刘静, East's desk
MARK = "U0MGRMARK"  # Mark Lee, manager of Export, en
EMMA = "U0REPEMMA"  # Emma Davis, Export, en
TOM = "U0REPTOM1"  # Tom Hardy, Export, en
ADA = "U0ADMIN01"  # Ada, admin, en

FILES = {
    "teams": "name,slack_channel_id,timezone,manager_slack_id\n"
    f"华东 East,C0EAST0001,Asia/Shanghai,{ZHOU}\n"
    f"Export,C0EXPORT01,Europe/London,{MARK}\n",
    "members": "slack_user_id,name,role,team,locale,manager_slack_id\n"
    f"{ZHOU},周敏,manager,华东 East,zh-CN,\n"
    f"{WANG},王芳,rep,华东 East,zh-CN,{ZHOU}\n"
    f"{CHEN},陈杰,rep,华东 East,zh-CN,{ZHOU}\n"
    f"{LIU},刘静,desk,华东 East,zh-CN,\n"
    f"{MARK},Mark Lee,manager,Export,en,\n"
    f"{EMMA},Emma Davis,rep,Export,en,{MARK}\n"
    f"{TOM},Tom Hardy,rep,Export,en,{MARK}\n"
    f"{ADA},Ada Admin,admin,Export,en,\n",
    "customers": "code,name,owner_slack_id,contact_name,contact_phone\n"
    f"C-1001,上海华联贸易有限公司,{WANG},张伟,+86 138-0013-8000\n",
}


@pytest.fixture
def workspace(db, database_url, monkeypatch, tmp_path):
    import_files(database_url, monkeypatch, tmp_path, FILES)
    return db


@pytest.fixture
def desk(workspace, slack):
    with RunningDesk(workspace, slack) as running:
        yield running


def new_lead(desk, rep: str, line: str) -> int:
    """A lead the rep enters: theirs, its clock started."""
    reply = desk.command("/lead", line, rep)
    assert reply.status == 200, reply.body
    with desk.desk.db.session() as session:
        return session.exec(select(Lead.id).order_by(Lead.id.desc())).first()


def assigned_at(db, lead_id: int, moment: datetime) -> Lead:
    """As if the lead had been assigned at `moment` (assignment reads the wall clock): its
    clock started then."""
    with db.session() as session:
        lead = session.get(Lead, lead_id)
        settings = settings_of(session.get(Team, lead.team_id))
        lead.assigned_at = moment.astimezone(UTC)
        start_clock(lead, settings, moment.astimezone(UTC))
        session.add(lead)
    return read(db, lead_id)


def read(db, lead_id: int) -> Lead:
    with db.session() as session:
        return session.get(Lead, lead_id)


def run(db, moment: datetime, job: str = "lead-sla") -> int:
    return sum(result.queued for result in JobRunner(db, "UTC", "en").run(job, moment))


def kinds(db) -> list[tuple[str, str]]:
    with db.session() as session:
        rows = session.exec(select(Notification).order_by(Notification.id)).all()
    return [(row.kind, row.channel) for row in rows if row.kind.startswith(("lead_s", "lead_r"))]


def local(moment: datetime | None, zone: ZoneInfo) -> str:
    return as_utc(moment).astimezone(zone).strftime("%a %d %b %H:%M")


SCENARIOS = [
    # (rep, assigned, remind, due, back) on the team's clock
    pytest.param(
        WANG,
        datetime(2026, 11, 18, 17, 0, tzinfo=SHANGHAI),
        ("Thu 19 Nov 09:30", "Thu 19 Nov 10:00", "Thu 19 Nov 11:00"),
        id="evening-shanghai",
    ),
    pytest.param(
        WANG,
        datetime(2026, 11, 20, 17, 30, tzinfo=SHANGHAI),
        ("Mon 23 Nov 10:00", "Mon 23 Nov 10:30", "Mon 23 Nov 11:30"),
        id="weekend-shanghai",
    ),
    pytest.param(
        WANG,
        datetime(2026, 9, 30, 17, 0, tzinfo=SHANGHAI),
        ("Thu 08 Oct 09:30", "Thu 08 Oct 10:00", "Thu 08 Oct 11:00"),
        id="national-day",
    ),
    pytest.param(
        WANG,
        datetime(2026, 10, 9, 17, 0, tzinfo=SHANGHAI),
        ("Sat 10 Oct 09:30", "Sat 10 Oct 10:00", "Sat 10 Oct 11:00"),
        id="make-up-saturday",
    ),
    pytest.param(
        EMMA,
        datetime(2026, 10, 9, 17, 0, tzinfo=LONDON),
        ("Mon 12 Oct 09:30", "Mon 12 Oct 10:00", "Mon 12 Oct 11:00"),
        id="weekend-london",
    ),
    pytest.param(
        EMMA,
        datetime(2026, 10, 23, 17, 30, tzinfo=LONDON),
        ("Mon 26 Oct 10:00", "Mon 26 Oct 10:30", "Mon 26 Oct 11:30"),
        id="summer-time-ends-london",
    ),
]


@pytest.mark.parametrize(("rep", "start", "moments"), SCENARIOS)
def test_each_moment_is_counted_in_the_teams_business_hours_and_acted_on_when_it_comes(
    workspace, slack, rep, start, moments
):
    with RunningDesk(workspace, slack) as desk:
        lead_id = new_lead(desk, rep, "Acme Widgets; Bob; bob@acme.example")
    zone = start.tzinfo
    lead = assigned_at(workspace, lead_id, start)
    assert (
        local(lead.sla_remind_at, zone),
        local(lead.sla_due_at, zone),
        local(lead.sla_return_at, zone),
    ) == moments
    manager = ZHOU if rep == WANG else MARK
    minute = timedelta(minutes=1)
    expected = []
    for moment, what in zip(
        (lead.sla_remind_at, lead.sla_due_at, lead.sla_return_at),
        (("lead_sla_remind", rep), ("lead_sla_due", manager), ("lead_returned", rep)),
        strict=True,
    ):
        assert run(workspace, as_utc(moment) - minute) == 0
        assert kinds(workspace) == expected
        assert run(workspace, as_utc(moment)) == 1
        expected.append(what)
        assert kinds(workspace) == expected
    assert read(workspace, lead_id).status == "recycled"


def test_the_rep_is_reminded_the_manager_told_and_the_lead_returned_once_each(
    desk, workspace, slack, database_url, monkeypatch
):
    lead_id = new_lead(desk, WANG, "宁波海天机械；李雷；139 1111 2222；询价法兰")
    lead = assigned_at(workspace, lead_id, datetime(2026, 11, 18, 17, 0, tzinfo=SHANGHAI))
    remind, due, back = (
        as_utc(m) for m in (lead.sla_remind_at, lead.sla_due_at, lead.sla_return_at)
    )

    assert as_replicas(workspace, remind) == 1
    assert run(workspace, remind + timedelta(minutes=5)) == 0  # the next slot: nothing new
    [dm] = posted_to(slack, WANG, f"#{lead_id}")
    assert message_text({"blocks": dm.args["blocks"]}).startswith(
        f"⏰ 线索 #{lead_id} 宁波海天机械 还在等待首次联系：请在 2026年11月19日 10:00 前联系"
    )
    assert "李雷 · 139 1111 2222" in message_text(dm.args)
    [button] = button_elements(dm.args)
    assert (button["action_id"], button["value"], button["text"]["text"]) == (
        "lead_contacted",
        str(lead_id),
        "已联系",
    )

    assert as_replicas(workspace, due) == 1
    [to_manager] = posted_to(slack, ZHOU, f"#{lead_id}")
    text = message_text({"blocks": to_manager.args["blocks"]})
    wang, chen = member_id(workspace, WANG), member_id(workspace, CHEN)
    assert "未在 2 个工作小时内由 王芳 首次联系（时限 2026年11月19日 10:00）" in text
    assert "将于 2026年11月19日 11:00 退回团队公海" in text
    button, select_menu = button_elements(to_manager.args)
    assert (button["text"]["text"], button["value"]) == ("重新分配（轮流）", f"{lead_id}:{wang}")
    options = [(o["text"]["text"], o["value"]) for o in select_menu["options"]]
    assert options == [("陈杰", f"{lead_id}:{wang}:{chen}")]  # the team's other reps only

    assert as_replicas(workspace, back) == 1
    assert run(workspace, back + timedelta(hours=1)) == 0
    [returned] = posted_to(slack, WANG, "公海")
    assert f"线索 #{lead_id} 宁波海天机械 已退回团队公海：未按时首次联系。" in message_text(
        returned.args
    )
    lead = read(workspace, lead_id)
    assert (lead.status, lead.owner_id, lead.previous_owner_id, lead.sla_next_at) == (
        "recycled",
        None,
        wang,
        None,
    )
    assert as_utc(lead.pooled_at) == back
    with workspace.session() as session:
        actions = session.exec(
            select(AuditEntry.action).where(AuditEntry.entity_key == str(lead_id))
        ).all()
    assert "lead.pool" in actions
    assert kinds(workspace) == [
        ("lead_sla_remind", WANG),
        ("lead_sla_due", ZHOU),
        ("lead_returned", WANG),
    ]


def test_the_english_reader_sees_the_moments_on_their_own_clock(desk, workspace, slack):
    lead_id = new_lead(desk, EMMA, "Bluebird Ltd; Jane; jane@bluebird.example")
    lead = assigned_at(workspace, lead_id, datetime(2026, 10, 23, 17, 30, tzinfo=LONDON))
    run(workspace, as_utc(lead.sla_remind_at))
    run(workspace, as_utc(lead.sla_due_at))
    [dm] = posted_to(slack, EMMA, f"#{lead_id}")
    assert message_text({"blocks": dm.args["blocks"]}).startswith(
        f"⏰ Lead #{lead_id} Bluebird Ltd is waiting for its first contact: due by "
        "Oct 26, 2026 10:30\u202fAM (2 business hours from assignment)."
    )
    [to_manager] = posted_to(slack, MARK, f"#{lead_id}")
    text = message_text({"blocks": to_manager.args["blocks"]})
    assert (
        "was not contacted by Emma Davis within 2 business hours (due Oct 26, 2026 10:30\u202fAM)"
        in text
    )
    assert "back to the team's pool at Oct 26, 2026 11:30\u202fAM" in text
    assert [o["text"]["text"] for o in button_elements(to_manager.args)[1]["options"]] == [
        "Tom Hardy"
    ]


def as_replicas(db, moment: datetime) -> int:
    """Two replicas firing the same slot at once: one claims it, the other finds it done."""
    return _threads(db, [moment, moment])


def _threads(db, moments: list[datetime]) -> int:
    queued: list[int] = []
    threads = [
        threading.Thread(target=lambda m=moment: queued.append(run(db, m))) for moment in moments
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(queued)


def test_two_slots_at_once_act_on_a_lead_once(desk, workspace):
    """A late replica running the 10:00 slot while another runs 10:05: both see the lead due;
    its stage moves by compare-and-set, so one message goes."""
    lead_id = new_lead(desk, WANG, "宁波海天机械；李雷；139 1111 2222")
    lead = assigned_at(workspace, lead_id, datetime(2026, 11, 18, 17, 0, tzinfo=SHANGHAI))
    due = as_utc(lead.sla_due_at)
    assert _threads(workspace, [due, due + timedelta(minutes=5)]) == 1
    assert kinds(workspace) == [("lead_sla_due", ZHOU)]  # the reminder's moment is past: skipped
    assert read(workspace, lead_id).sla_stage == "escalated"


def test_contacted_stops_the_clock_typed_or_clicked_and_a_second_click_changes_nothing(
    desk, workspace, slack
):
    lead_id = new_lead(desk, WANG, "宁波海天机械；李雷；139 1111 2222")
    lead = assigned_at(workspace, lead_id, datetime(2026, 11, 18, 17, 0, tzinfo=SHANGHAI))
    run(workspace, as_utc(lead.sla_remind_at))
    [dm] = posted_to(slack, WANG, f"#{lead_id}")

    first = told(slack, desk.click_in_message(WANG, "lead_contacted", str(lead_id), dm.args))
    assert f"线索 #{lead_id} 宁波海天机械 已标记为已联系，距分配" in first
    second = told(slack, desk.click_in_message(WANG, "lead_contacted", str(lead_id), dm.args))
    assert f"线索 #{lead_id} 已于" in second and "标记为已联系，未作更改。" in second
    typed = desk.command("/lead", f"联系了 {lead_id} 已电话沟通", WANG).text()
    assert "未作更改" in typed

    lead = read(workspace, lead_id)
    assert (lead.status, lead.sla_next_at) == ("contacted", None)
    assert lead.first_contact_at is not None and lead.last_activity_at is not None
    assert run(workspace, as_utc(lead.sla_return_at) + timedelta(days=1)) == 0
    assert kinds(workspace) == [("lead_sla_remind", WANG)]
    with workspace.session() as session:
        contacted = session.exec(
            select(AuditEntry).where(
                AuditEntry.entity_key == str(lead_id), AuditEntry.action == "lead.contacted"
            )
        ).all()
    assert [entry.actor for entry in contacted] == [WANG]


def test_a_visit_by_the_owner_on_the_leads_customer_is_its_first_contact(desk, workspace):
    # 上海华联 is 王芳's customer: the lead is hers, on that customer
    lead_id = new_lead(desk, ZHOU, "上海华联贸易；李雷；li.lei@example.cn；询价")
    other = new_lead(desk, WANG, "宁波海天机械；李雷；139 1111 2222")
    assert read(workspace, lead_id).customer_id is not None
    reply = desk.command("/visit", "华联；电话；沟通报价", WANG)
    assert reply.status == 200, reply.body
    lead = eventually(lambda: read(workspace, lead_id), lambda lead: lead.status == "contacted")
    assert (lead.status, lead.sla_next_at) == ("contacted", None)
    assert read(workspace, other).status == "assigned"  # another customer's lead waits


def test_the_managers_reassign_gives_the_lead_to_the_rep_chosen_once(desk, workspace, slack):
    lead_id = new_lead(desk, WANG, "宁波海天机械；李雷；139 1111 2222")
    lead = assigned_at(workspace, lead_id, datetime(2026, 11, 18, 17, 0, tzinfo=SHANGHAI))
    run(workspace, as_utc(lead.sla_due_at))
    [to_manager] = posted_to(slack, ZHOU, f"#{lead_id}")
    value = button_elements(to_manager.args)[1]["options"][0]["value"]

    refused = choose(desk, slack, WANG, value, to_manager.args)
    assert refused == f"没有你可以处理的线索 #{lead_id}。"  # a rep may not reassign
    assert choose(desk, slack, LIU, value, to_manager.args) == refused  # nor the desk

    done = choose(desk, slack, ZHOU, value, to_manager.args)
    assert done == f"线索 #{lead_id} 宁波海天机械 已转给 陈杰，并已通知对方；其首次联系计时已开始。"
    again = choose(desk, slack, ZHOU, value, to_manager.args)
    assert again == f"线索 #{lead_id} 已归 陈杰，未作更改。"
    lead = read(workspace, lead_id)
    assert lead.owner_id == member_id(workspace, CHEN) and lead.sla_stage == ""
    assert as_utc(lead.sla_next_at) > datetime.now(UTC)  # a new clock from now
    [to_chen] = posted_to(slack, CHEN, f"#{lead_id}")
    assert "现在归你（由 周敏 转来）" in message_text(to_chen.args)
    assert button_elements(to_chen.args)[0]["action_id"] == "lead_contacted"
    [to_wang] = posted_to(slack, WANG, "转给 陈杰")
    assert "因未按时首次联系，已由 周敏 转给 陈杰。" in message_text(to_wang.args)


def test_a_stale_reassign_after_the_contact_changes_nothing(desk, workspace, slack):
    lead_id = new_lead(desk, EMMA, "Bluebird Ltd; Jane; jane@bluebird.example")
    lead = assigned_at(workspace, lead_id, datetime(2026, 10, 23, 17, 30, tzinfo=LONDON))
    run(workspace, as_utc(lead.sla_due_at))
    [to_manager] = posted_to(slack, MARK, f"#{lead_id}")
    desk.command("/lead", f"contacted {lead_id}", EMMA)
    value = button_elements(to_manager.args)[1]["options"][0]["value"]
    said = choose(desk, slack, MARK, value, to_manager.args)
    assert said.startswith(f"Lead #{lead_id} was already marked contacted (")
    assert said.endswith("): nothing changed.")
    assert choose(desk, slack, ADA, "12:x:3", to_manager.args) == (
        "This button is out of date: nothing changed."
    )
    assert read(workspace, lead_id).owner_id == member_id(workspace, EMMA)


def choose(desk, slack, user: str, value: str, message: dict) -> str:
    """Pick an option of the Reassign menu in the manager's message."""
    name = f"pick-{user}-{len(slack.calls_to('response_url'))}"
    reply = desk.interact(
        {
            "type": "block_actions",
            "user": user,
            "container": {"type": "message", "message_ts": "1.2", "channel_id": user},
            "channel": {"id": user, "name": "directmessage"},
            "message": {"ts": "1.2", "text": "", "blocks": message["blocks"]},
            "response_url": slack.response_url(name),
            "actions": [
                {
                    "type": "static_select",
                    "action_id": "lead_reassign",
                    "block_id": "b",
                    "selected_option": {
                        "text": {"type": "plain_text", "text": "x"},
                        "value": value,
                    },
                    "action_ts": "1.3",
                }
            ],
        }
    )
    assert reply.status == 200
    return told(slack, name)


def test_a_year_chinas_calendar_does_not_know_counts_weekends_and_the_admins_hear_once(
    desk, workspace, slack
):
    lead_id = new_lead(desk, WANG, "宁波海天机械；李雷；139 1111 2222")
    # Fri 1 Jan 2027 is New Year's Day in China, but 2027 is not in the calendar yet: a
    # weekday like any other. 17:00 → 1 h; Fri 09:30 reminder would come on the holiday.
    lead = assigned_at(workspace, lead_id, datetime(2026, 12, 31, 17, 0, tzinfo=SHANGHAI))
    assert local(lead.sla_remind_at, SHANGHAI) == "Fri 01 Jan 09:30"
    assert run(workspace, datetime(2026, 12, 31, 12, 0, tzinfo=UTC)) == 0
    assert run(workspace, as_utc(lead.sla_remind_at)) == 2  # the admin, and the reminder
    assert run(workspace, as_utc(lead.sla_remind_at) + timedelta(hours=3)) == 1  # back only
    assert run(workspace, datetime(2027, 3, 1, 2, 0, tzinfo=UTC)) == 0
    [note] = posted_to(slack, ADA, "2027")
    assert message_text({"blocks": note.args["blocks"]}) == (
        "China's holidays and make-up working days for 2027 are not published in the calendar "
        "yet: first-contact clocks of 华东 East count Monday to Friday only until the calendar "
        "package is updated."
    )
    with workspace.session() as session:
        notes = session.exec(
            select(Notification.channel).where(Notification.kind == "work_calendar_unknown")
        ).all()
    assert notes == [ADA]  # once, to the admins only


def test_one_click_reassigns_to_the_round_robins_next_rep_and_a_replay_changes_nothing(
    desk, workspace, slack
):
    lead_id = new_lead(desk, EMMA, "Bluebird Ltd; Jane; jane@bluebird.example")
    lead = assigned_at(workspace, lead_id, datetime(2026, 10, 23, 17, 30, tzinfo=LONDON))
    run(workspace, as_utc(lead.sla_due_at))
    [to_manager] = posted_to(slack, MARK, f"#{lead_id}")
    button = button_elements(to_manager.args)[0]
    assert button["action_id"] == "lead_reassign_next"

    refused = told(slack, desk.click_in_message(TOM, button["action_id"], button["value"]))
    assert refused == f"There is no lead #{lead_id} that you can work on."
    done = told(slack, desk.click_in_message(MARK, button["action_id"], button["value"]))
    assert done == (
        f"Lead #{lead_id} Bluebird Ltd now goes to Tom Hardy, who has been told; their "
        "first-contact clock has started."
    )  # the only other rep of Export: Emma missed it
    replay = told(slack, desk.click_in_message(MARK, button["action_id"], button["value"]))
    assert replay == f"Lead #{lead_id} is already Tom Hardy's: nothing changed."
    assert read(workspace, lead_id).owner_id == member_id(workspace, TOM)
    [to_tom] = posted_to(slack, TOM, f"#{lead_id}")
    assert "is yours now (Mark Lee handed it to you)" in message_text(to_tom.args)
