"""The pipeline in the morning stand-up: the leads that came in yesterday and those waiting for
a rep, the first-contact deadlines missed yesterday (a lead contacted in time is not named),
and the opportunities gone quiet past the team's `opportunity_stall_days`. Leads come in with
`salesdesk import leads`, are contacted and opportunities opened through Slack; the stand-up is
the real job, posted through the Slack stand-in."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from harness import RunningDesk
from helpers import import_files
from jobs.runner import JobRunner
from storage.models import Lead, as_utc
from test_target_jobs import delivered

SHANGHAI = ZoneInfo("Asia/Shanghai")
CHANNEL = "C0EAST0001"
WANG = "U0REPWANG"
ZHOU = "U0MGRZHOU"
FILES = {
    "teams": "name,slack_channel_id,timezone\nEast,C0EAST0001,Asia/Shanghai\n",
    "members": "slack_user_id,name,role,team,locale\n"
    f"{ZHOU},Zhou Min,manager,East,en-GB\n"
    f"{WANG},Wang Fang,rep,East,en-GB\n",
    "customers": f"code,name,owner_slack_id\nC-1001,上海华联贸易有限公司,{WANG}\n",
    "leads": "company,contact_name,phone,source\n"
    "杭州新锐机械有限公司,刘洋,13900001111,website\n"
    "Brightwater Foods Ltd,Sam Lee,+44 20 7946 0018,展会\n",
}


@pytest.fixture
def desk(db, database_url, monkeypatch, tmp_path, slack):
    import_files(database_url, monkeypatch, tmp_path, FILES)
    with RunningDesk(db, slack, timezone="Asia/Shanghai") as running:
        yield running


def leads(db) -> dict[str, Lead]:
    with db.session() as session:
        return {lead.company: lead for lead in session.exec(select(Lead)).all()}


def stand_up(db, slack, day) -> str:
    """The stand-up the job posts for `day` (the team's date) at 08:30 its time."""
    slack.reset()
    moment = datetime.combine(day, time(8, 30), SHANGHAI)
    assert sum(run.queued for run in JobRunner(db, "UTC", "en").run("daily-digest", moment)) >= 1
    return "\n".join(delivered(db, slack)[CHANNEL])


def local_day(moment):
    return as_utc(moment).astimezone(SHANGHAI).date()


def test_the_stand_up_counts_new_leads_and_names_the_first_contact_missed(desk, db, slack):
    imported = leads(db)
    assert {lead.owner_id is not None for lead in imported.values()} == {True}
    brightwater = imported["Brightwater Foods Ltd"]
    contacted = desk.command("/lead", f"contacted {brightwater.id} called them", WANG)
    assert contacted.status == 200
    missed = imported["杭州新锐机械有限公司"]

    came_in_day = local_day(missed.created_at) + timedelta(days=1)
    after_due_day = local_day(missed.sla_due_at) + timedelta(days=1)
    came_in = stand_up(db, slack, came_in_day)
    assert "*Leads:* 2 came in yesterday · 0 waiting for a rep" in came_in

    # Due two business hours on: the same day, or after a night or a weekend.
    after_due = came_in if after_due_day == came_in_day else stand_up(db, slack, after_due_day)
    assert "First contact missed yesterday (1)" in after_due
    assert f"#{missed.id} 杭州新锐机械有限公司 · Wang Fang · was due" in after_due
    assert "Brightwater" not in after_due  # contacted in time


def test_the_stand_up_names_opportunities_quiet_past_the_teams_threshold(desk, db, slack):
    opened = desk.command("/deal", "new C-1001; Flanges for 2027; 120000 CNY", WANG)
    assert opened.status == 200, opened.body
    today = datetime.now(SHANGHAI).date()

    assert "Stalled opportunities" not in stand_up(db, slack, today + timedelta(days=14))
    quiet = stand_up(db, slack, today + timedelta(days=16))
    assert "Stalled opportunities (1)" in quiet
    assert "Flanges for 2027 · 上海华联贸易有限公司 · Wang Fang · Qualification" in quiet
