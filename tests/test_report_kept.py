"""A report asked for with `/report` is not lost when the process making it stops: it is kept
in the outbox with the ack, due a few minutes later, and marked sent once its own thread has
delivered it, so it is sent once either way. Over signed HTTP into the real app, the files
read from the Slack stand-in; on SQLite and PostgreSQL."""

from datetime import timedelta

import pytest
from sqlmodel import select

from harness import RunningDesk, eventually
from helpers import import_files
from storage.models import Notification, utcnow

ZHOU = "U0MGRZHOU"  # manager of East
DM = "D" + ZHOU
LATER = timedelta(minutes=20)
FILES = {
    "teams": "name,slack_channel_id,timezone\nEast 华东,C0EAST0001,Asia/Shanghai\n",
    "members": f"slack_user_id,name,role,team,locale\n{ZHOU},周敏,manager,East 华东,zh-CN\n"
    "U0REPWANG,王芳,rep,East 华东,zh-CN\n",
    "customers": "code,name,owner_slack_id\nC-1001,上海华联贸易有限公司,U0REPWANG\n",
    "orders": "number,customer_code,status,amount,currency,ordered_on\n"
    "SO-1,C-1001,confirmed,1000,CNY,2026-11-03\n",
}


@pytest.fixture
def desk(db, database_url, monkeypatch, tmp_path, slack):
    import_files(database_url, monkeypatch, tmp_path, FILES)
    with RunningDesk(db, slack) as running:
        yield running


def kept(db) -> list[str]:
    """The statuses of the asked reports the outbox keeps."""
    with db.session() as session:
        query = select(Notification.status).where(Notification.key.startswith("report-asked:"))
        return [str(status) for status in session.exec(query)]


def test_a_report_its_thread_delivered_is_not_sent_again(desk, db, slack):
    assert desk.command("/report", "销售 2026-11", ZHOU).status == 200
    shared = len(slack.wait_for_files(DM, timeout=20))
    assert eventually(lambda: kept(db), lambda statuses: statuses == ["sent"], timeout=20)

    desk.desk.outbox.deliver_due(now=utcnow() + LATER)

    assert len(slack.shared_files(DM)) == shared


def test_a_report_its_thread_could_not_deliver_is_sent_by_the_outbox(desk, db, slack):
    slack.fail_next("conversations.open", "internal_error")  # the thread finds no DM to post in
    assert desk.command("/report", "销售 2026-11", ZHOU).status == 200
    eventually(lambda: slack.calls_to("conversations.open"), lambda calls: len(calls) == 1)
    assert kept(db) == ["pending"] and not slack.shared_files()

    desk.desk.outbox.deliver_due(now=utcnow() + LATER)

    files = slack.wait_for_files(DM, timeout=20)
    assert {f.filename.rsplit(".", 1)[1] for f in files} >= {"xlsx", "csv"}
    assert all("销售报表" in (f.comment or "") and "2026-11" in (f.comment or "") for f in files)
    assert "报表包" not in files[0].comment  # asked for, not a pack on schedule
    assert kept(db) == ["sent"]
