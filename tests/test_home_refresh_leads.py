"""A rep's App Home follows their leads without being opened again: leads imported and given
to the rep publish it once (not once per lead), a first contact logged with `/lead contacted`
publishes it again without the clock, and a lead passed on leaves the Home of the rep who
passed it. Over signed HTTP into the real app, the Home read from the Slack stand-in."""

import pytest
from sqlmodel import select

from harness import RunningDesk, visible_text
from helpers import button_values, import_files, posted_to
from storage.models import Lead

WANG = "U0REPWANG"
CHEN = "U0REPCHEN"
FILES = {
    "teams": "name,slack_channel_id,timezone\nEast,C0EAST0001,Asia/Shanghai\n",
    "members": "slack_user_id,name,role,team,locale\n"
    "U0MGRZHOU,Zhou Min,manager,East,en\n"
    f"{WANG},Wang Fang,rep,East,en\n",
    "leads": "company,contact_name,phone,source\n"
    "Harbor Supply,Dan Wright,+1 206 555 0142,website\n"
    "Brightwater Foods,Sam Lee,+44 20 7946 0018,website\n"
    "Keystone Tools,Ann Park,+1 312 555 0199,website\n",
}


@pytest.fixture
def desk(db, database_url, monkeypatch, tmp_path, slack):
    with RunningDesk(db, slack) as running:
        import_files(database_url, monkeypatch, tmp_path, FILES)  # the outbox polls for it
        yield running


def homes_of(slack, user: str) -> list[str]:
    return [
        visible_text(call.args["view"])
        for call in slack.calls_to("views.publish")
        if call.args["user_id"] == user
    ]


def lead_id(db, company: str) -> int:
    with db.session() as session:
        return session.exec(select(Lead.id).where(Lead.company == company)).one()


def test_leads_given_in_an_import_publish_the_reps_home_once(desk, slack):
    [home] = slack.wait_for("views.publish", where=lambda call: call.args["user_id"] == WANG)
    shown = visible_text(home.args["view"])
    for company in ("Harbor Supply", "Brightwater Foods", "Keystone Tools"):
        assert company in shown
    assert "contact by" in shown
    assert len(homes_of(slack, WANG)) == 1


def test_a_first_contact_publishes_the_home_again_without_the_clock(desk, slack, db):
    slack.wait_for("views.publish", where=lambda call: call.args["user_id"] == WANG)
    slack.reset()
    harbor = lead_id(db, "Harbor Supply")
    assert desk.command("/lead", f"contacted {harbor} called Dan", WANG).status == 200
    [home] = slack.wait_for("views.publish", where=lambda call: call.args["user_id"] == WANG)
    lines = visible_text(home.args["view"]).splitlines()
    harbor_line = next(line for line in lines if "Harbor Supply" in line)
    assert "contact by" not in harbor_line and "overdue" not in harbor_line


def test_a_lead_passed_on_leaves_the_home_of_the_rep_who_passed_it(
    desk, slack, db, database_url, monkeypatch, tmp_path
):
    (tmp_path / "more").mkdir()
    more = {"members": f"slack_user_id,name,role,team,locale\n{CHEN},Chen Jie,rep,East,en\n"}
    import_files(database_url, monkeypatch, tmp_path / "more", more)
    slack.wait_for("views.publish", where=lambda call: call.args["user_id"] == WANG)
    [offer] = posted_to(slack, WANG, "Keystone Tools")
    slack.reset()
    dm = {
        "channel": offer.args["channel"],
        "ts": "1700000000.000100",
        "blocks": offer.args["blocks"],
    }
    desk.click_in_message(WANG, "lead_offer_pass", button_values(offer.args)["lead_offer_pass"], dm)
    [home] = slack.wait_for("views.publish", where=lambda call: call.args["user_id"] == WANG)
    assert "Keystone Tools" not in visible_text(home.args["view"])
    [chen] = slack.wait_for("views.publish", where=lambda call: call.args["user_id"] == CHEN)
    assert "Keystone Tools" in visible_text(chen.args["view"])
