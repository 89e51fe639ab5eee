"""A rep's App Home: their open leads newest first (at most ten, then how many more), each with
its company, status and first-contact clock on the rep's clock ("contact by …" or "overdue
since …"), a Contacted button on those still to be contacted that does what `/lead contacted N`
does and publishes the Home again with the answer (a second click, or someone else's lead, is
told and changes nothing); their open opportunities and this month's weighted forecast. Teams,
people, customers and leads come with `salesdesk import`, deals with `/deal new`, the Home is
opened with the `app_home_opened` event; on SQLite and PostgreSQL."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import col, select

from harness import RunningDesk, eventually
from helpers import import_files, message_text
from storage.models import Lead, Notification

SHANGHAI = ZoneInfo("Asia/Shanghai")
WANG = "U0REPWANG"  # every lead goes to her: the team's only rep
ZHOU = "U0MGRZHOU"
SOLO = "U0REPSOLO"  # a rep of West, which came after the leads: none of them are theirs
PAST_DUE = datetime(2026, 3, 2, 2, 30, tzinfo=UTC)  # 10:30 in Shanghai
FUTURE_DUE = datetime(2099, 1, 5, 7, 0, tzinfo=UTC)  # 15:00 in Shanghai
COMPANIES = [f"Company {n:02d}" for n in range(1, 13)]


def files(locale: str) -> dict[str, str]:
    return {
        "teams": "name,slack_channel_id,timezone\nEast,C0EAST0001,Asia/Shanghai\n",
        "members": "slack_user_id,name,role,team,locale,timezone\n"
        f"{ZHOU},Zhou Min,manager,East,en,Asia/Shanghai\n"
        f"{WANG},Wang Fang,rep,East,{locale},Asia/Shanghai\n",
        "customers": f"code,name,owner_slack_id\nC-1001,上海华联贸易有限公司,{WANG}\n",
        "leads": "company,contact_name,phone,source\n"
        + "".join(
            f"{name},Contact {n},1390000{n:04d},website\n" for n, name in enumerate(COMPANIES)
        ),
    }


@pytest.fixture(params=["en"])
def locale(request) -> str:
    return request.param


@pytest.fixture
def desk(db, database_url, monkeypatch, tmp_path, slack, locale):
    import_files(database_url, monkeypatch, tmp_path, files(locale))
    (tmp_path / "west").mkdir()
    west = {
        "teams": "name,slack_channel_id,timezone\nWest,C0WEST0001,Asia/Shanghai\n",
        "members": f"slack_user_id,name,role,team,locale\n{SOLO},Sam Solo,rep,West,en\n",
    }
    import_files(database_url, monkeypatch, tmp_path / "west", west)
    with RunningDesk(db, slack, timezone="Asia/Shanghai") as running:
        yield running


def leads(db) -> dict[str, Lead]:
    with db.session() as session:
        return {lead.company: lead for lead in session.exec(select(Lead)).all()}


def set_clock(db, company: str, due: datetime) -> int:
    """The lead's first contact due at `due`, as the clock would have set it."""
    with db.session() as session:
        lead = session.exec(select(Lead).where(Lead.company == company)).one()
        lead.sla_due_at = due
        session.add(lead)
        return lead.id


@pytest.fixture
def clocks(desk, db):
    """Company 12 (the newest) is overdue, Company 11 due in 2099, Company 10 contacted."""
    assert {lead.status for lead in leads(db).values()} == {"assigned"}
    overdue = set_clock(db, "Company 12", PAST_DUE)
    due = set_clock(db, "Company 11", FUTURE_DUE)
    contacted = leads(db)["Company 10"].id
    assert desk.command("/lead", f"contacted {contacted}", WANG).status == 200
    return overdue, due, contacted


def settled(desk) -> None:
    """Every message queued so far delivered (leads given or contacted refresh the Home)."""
    db = desk.desk.db

    def waiting() -> int:
        with db.session() as session:
            query = select(Notification.id).where(
                col(Notification.status).in_(("pending", "sending"))
            )
            return len(session.exec(query).all())

    eventually(waiting, lambda count: count == 0, timeout=30)


def open_home(desk, user: str) -> dict:
    settled(desk)
    desk.slack.reset()
    reply = desk.event({"type": "app_home_opened", "user": user, "channel": "D01", "tab": "home"})
    assert reply.status == 200
    [published] = desk.slack.wait_for("views.publish")
    assert published.args["user_id"] == user
    return published.args["view"]


def click_contacted(desk, user: str, lead_id: int) -> dict:
    """The Contacted button of a lead's line on the Home; the Home published after it."""
    settled(desk)
    desk.slack.reset()
    reply = desk.interact(
        {
            "type": "block_actions",
            "user": user,
            "container": {"type": "view", "view_id": "VHOME"},
            "view": {"id": "VHOME", "type": "home", "blocks": []},
            "actions": [
                {
                    "action_id": "lead_contacted",
                    "block_id": f"home_lead_{lead_id}",
                    "type": "button",
                    "value": str(lead_id),
                }
            ],
        }
    )
    assert reply.status == 200
    [published] = desk.slack.wait_for("views.publish")
    assert published.args["user_id"] == user
    return published.args["view"]


def notice(view: dict) -> str:
    """What the click did, told at the top of the Home published after it."""
    block = view["blocks"][1]
    assert block["type"] == "context", block
    return block["elements"][0]["text"]


def lead_lines(view: dict) -> list[str]:
    return [
        block["text"]["text"].replace("\u202f", " ")  # babel's narrow space before AM / PM
        for block in view["blocks"]
        if block.get("block_id", "").startswith("home_lead_")
    ]


def contacted_buttons(view: dict) -> list[str]:
    """The lead each Contacted button on the Home names."""
    return [
        block["accessory"]["value"]
        for block in view["blocks"]
        if block.get("accessory", {}).get("action_id") == "lead_contacted"
    ]


def test_a_rep_sees_their_newest_ten_leads_with_the_first_contact_clock(desk, db, clocks):
    overdue, due, contacted = clocks
    view = open_home(desk, WANG)
    text = message_text(view)
    assert "Your open leads (12)" in text
    lines = lead_lines(view)
    assert len(lines) == 10
    assert lines[0] == (
        f"#{overdue} Company 12 · assigned · first contact overdue since Mar 2, 2026 10:30 AM"
    ), lines[0]
    assert lines[1] == f"#{due} Company 11 · assigned · contact by Jan 5, 2099 3:00 PM"
    assert lines[2] == f"#{contacted} Company 10 · contacted"
    assert "Company 02" not in text and "Company 01" not in text
    assert "…and 2 more" in text
    # Every lead still to be contacted has its button; the contacted one has none.
    assert str(contacted) not in contacted_buttons(view)
    assert len(contacted_buttons(view)) == 9
    assert len(view["blocks"]) <= 100


@pytest.mark.parametrize("locale", ["zh-CN"], indirect=True)
def test_the_clock_reads_in_chinese(desk, db, clocks):
    overdue, due, contacted = clocks
    view = open_home(desk, WANG)
    text = message_text(view)
    assert "您进行中的线索（12）" in text
    lines = lead_lines(view)
    assert lines[0] == f"#{overdue} Company 12 · 已分配 · 首次联系已于 2026年3月2日 10:30 超时"
    assert lines[1] == f"#{due} Company 11 · 已分配 · 请在 2099年1月5日 15:00 前联系"
    assert lines[2] == f"#{contacted} Company 10 · 已联系"
    assert "……还有 2 条" in text


def test_contacted_on_the_home_stops_the_clock_and_shows_it(desk, db, clocks):
    overdue, _, _ = clocks
    view = click_contacted(desk, WANG, overdue)
    told = notice(view)  # the answer, on top
    assert told.startswith(f"Lead #{overdue} Company 12 is marked contacted"), told
    assert lead_lines(view)[0] == f"#{overdue} Company 12 · contacted"
    assert str(overdue) not in contacted_buttons(view)
    lead = leads(db)["Company 12"]
    assert lead.status == "contacted" and lead.first_contact_at is not None

    again = click_contacted(desk, WANG, overdue)  # a second click, or a stale Home
    assert notice(again).startswith(f"Lead #{overdue} was already marked contacted")
    assert leads(db)["Company 12"].first_contact_at == lead.first_contact_at


def test_someone_else_s_lead_is_not_theirs_to_contact(desk, db, clocks):
    _, due, _ = clocks
    view = click_contacted(desk, SOLO, due)
    assert notice(view) == f"There is no lead #{due} that you can work on."
    assert lead_lines(view) == []  # their own Home, without East's leads
    assert leads(db)["Company 11"].status == "assigned"


def test_a_rep_sees_their_open_opportunities_and_this_months_forecast(desk, db):
    today = datetime.now(SHANGHAI).date()
    close = (today.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    desk.command("/deal", f"new C-1001; Flanges; 100000; {close.isoformat()}", WANG)
    desk.command("/deal", f"new C-1001; Valves; 40000; {today.year + 1}-06-30", WANG)
    with db.session() as session:
        from storage.models import Opportunity

        first = session.exec(select(Opportunity.id).order_by(col(Opportunity.id))).first()
    desk.command("/deal", f"move {first} needs", WANG)
    desk.command("/deal", f"move {first} proposal", WANG)
    text = message_text(open_home(desk, WANG))
    assert "Your opportunities" in text
    assert f"2 open · CN¥140,000.00 · weighted forecast for {today:%Y-%m}: CN¥50,000.00" in text


def test_a_manager_s_home_has_no_lead_list(desk, db):
    text = message_text(open_home(desk, ZHOU))
    assert "open leads" not in text
    assert "Your opportunities" not in text


def test_a_rep_with_no_leads_and_no_deals_sees_no_empty_lists(desk, db):
    text = message_text(open_home(desk, SOLO))
    assert "Sales Desk · Sam Solo" in text
    assert "open leads" not in text
    assert "Your opportunities" not in text
