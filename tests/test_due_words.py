"""Deadline words reach the due dates people see: a visit's next step and a sample's needed-by
date, typed the way reps write them, driven over signed HTTP against the demo workspace."""

import calendar
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from commands.when import warm_up
from storage.models import SampleRequest, Visit

REP_EAST = "UREP00001"  # Chinese, Asia/Shanghai, owns C-1001 上海华联
REP_EXPORT = "UREP00003"  # English, Europe/London, owns C-2001 Northwind
SHANGHAI = ZoneInfo("Asia/Shanghai")
LONDON = ZoneInfo("Europe/London")


@pytest.fixture(scope="module", autouse=True)
def warm_date_reader():
    """As the app does at start: on a loaded machine dateparser's first load can outlast
    Slack's three seconds for an ack."""
    warm_up()


def month_end(zone: ZoneInfo) -> date:
    today = datetime.now(zone).date()
    return today.replace(day=calendar.monthrange(today.year, today.month)[1])


def only(db, model):
    with db.session() as session:
        [row] = session.exec(select(model)).all()
        return row


def test_a_next_step_due_before_the_month_ends_in_chinese(desk, demo_db):
    reply = desk.command("/visit", "华联；电话；沟通三季度报价；下一步：月底前发报价", REP_EAST)
    assert "下一步：发报价" in reply.text()
    visit = only(demo_db, Visit)
    assert (visit.next_step, visit.next_step_due) == ("发报价", month_end(SHANGHAI))


def test_a_next_step_due_by_end_of_month_in_english(desk, demo_db):
    desk.command(
        "/visit",
        "northwind; call; discussed Q3 pricing; next: send quote by end of month",
        REP_EXPORT,
    )
    visit = only(demo_db, Visit)
    assert (visit.next_step, visit.next_step_due) == ("send quote", month_end(LONDON))


def test_a_sample_needed_within_three_days(desk, demo_db):
    reply = desk.command("/sample", "华联；螺栓M8；200个；试产；3天内", REP_EAST)
    assert "申请 #1 已提交给" in reply.text()
    sample = only(demo_db, SampleRequest)
    assert sample.needed_by == datetime.now(SHANGHAI).date() + timedelta(days=3)


def test_a_sample_needed_by_a_dotted_date(desk, demo_db):
    desk.command("/sample", "C-2001; M8 bolts 304; 200; trial run; by 2030.1.15", REP_EXPORT)
    sample = only(demo_db, SampleRequest)
    assert sample.needed_by == date(2030, 1, 15)
