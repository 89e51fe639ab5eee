"""The capacity-weighted round robin over many leads: 1,000 leads imported with `salesdesk
import leads` go to the team's reps in proportion to their capacity (each rep's share within
one lead of its weight, not only at the end but after every lead), the away, the full and
those without capacity get none; and two replicas offering the same waiting leads at once
never give one lead twice. On SQLite and PostgreSQL."""

import threading
from collections import Counter
from datetime import timedelta

import pytest
from sqlmodel import select

from bot.cli import main
from commands.leads import offer_waiting
from commands.leads.availability import set_capacity
from harness import RunningDesk
from helpers import actor, import_files, message_text
from storage.db import Database
from storage.models import AuditEntry, Lead, Member, Notification, utcnow

ZHOU = "U0MGRZHOU"  # manager of the one team
SMALL, MIDDLE, LARGE = "U0REPAAA1", "U0REPBBB2", "U0REPCCC3"  # capacities 200, 600, 1200
AWAY, NONE, FULL = "U0REPDDD4", "U0REPEEE5", "U0REPFFF6"  # away, capacity 0, 5 of 5 taken
CAPACITY = {SMALL: 200, MIDDLE: 600, LARGE: 1200}
LEADS = 1_000

FILES = {
    "teams": "name,slack_channel_id,timezone,manager_slack_id\n"
    f"华东 East,C0EAST0001,Asia/Shanghai,{ZHOU}\n",
    "members": "slack_user_id,name,role,team,locale\n"
    f"{ZHOU},周敏,manager,华东 East,zh-CN\n"
    f"{SMALL},Ann Small,rep,华东 East,en\n"
    f"{MIDDLE},Bob Middle,rep,华东 East,en\n"
    f"{LARGE},Cai Large,rep,华东 East,en\n"
    f"{AWAY},Dan Away,rep,华东 East,en\n"
    f"{NONE},Eve None,rep,华东 East,en\n"
    f"{FULL},Fay Full,rep,华东 East,en\n",
}


@pytest.fixture
def workspace(db, database_url, monkeypatch, tmp_path):
    import_files(database_url, monkeypatch, tmp_path, FILES)
    return db


def leads_csv(path, count: int, start: int = 0) -> None:
    lines = ["company,contact_name,phone,source,source_id"]
    lines += [
        f"Company {n:05d},Contact {n},+86 139 {n:04d} {n % 9973:04d},website,w-{n}"
        for n in range(start, start + count)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def owners_in_order(db) -> list[str]:
    with db.session() as session:
        rows = session.exec(
            select(Member.slack_user_id)
            .join(Lead, Lead.owner_id == Member.id)
            .where(Lead.source == "website")
            .order_by(Lead.id)
        )
        return list(rows)


def test_a_thousand_leads_follow_capacity_within_one_lead_and_skip_away_full_and_none(
    workspace, slack, database_url, monkeypatch, tmp_path
):
    with RunningDesk(workspace, slack) as desk:
        for rep, capacity in CAPACITY.items():
            reply = desk.command("/lead", f"容量 <@{rep}> {capacity}", ZHOU)
            assert "条新线索" in message_text({"blocks": reply.body["blocks"]})
        desk.command("/lead", f"容量 <@{NONE}> 0", ZHOU)
        desk.command("/lead", f"容量 <@{FULL}> 5", ZHOU)
        desk.command("/lead", "away until 2099-12-31", AWAY)
        for n in range(5):  # Fay's own leads: five of her five
            desk.command("/lead", f"Own {n}; Someone; +44 20 7946 {n:04d}", FULL)
    path = tmp_path / "leads.csv"
    leads_csv(path, LEADS)
    monkeypatch.setenv("DATABASE_URL", database_url)
    assert main(["import", "leads", str(path)]) == 0

    order = owners_in_order(workspace)
    assert len(order) == LEADS  # every lead offered: the only team, someone free
    total = sum(CAPACITY.values())
    given: Counter[str] = Counter()
    for taken, owner in enumerate(order, start=1):
        given[owner] += 1
        for rep, capacity in CAPACITY.items():
            assert abs(given[rep] - taken * capacity / total) <= 1, (taken, rep, given)
    assert given == {SMALL: 100, MIDDLE: 300, LARGE: 600}
    with workspace.session() as session:
        first = session.exec(select(Lead).where(Lead.source == "website").order_by(Lead.id)).first()
        offers = session.exec(select(Notification).where(Notification.kind == "lead_offer")).all()
    assert first.assignment_note == "the only team; round robin (1/1200 in 30 days)"
    assert len(offers) == LEADS and len({offer.params["lead_id"] for offer in offers}) == LEADS


def test_two_replicas_offering_the_same_waiting_leads_never_give_one_twice(
    workspace, database_url, monkeypatch, tmp_path
):
    """Every rep without room: an import leaves 200 leads waiting in the team. Room is made
    (without offering), and two replicas, each with its own engine, offer the waiting leads
    at the same moment: each lead is given once, audited once, offered once."""
    manager = actor(workspace, ZHOU)
    with workspace.session() as session:
        for rep in (SMALL, MIDDLE, LARGE, AWAY, NONE, FULL):
            set_capacity(session, manager, f"<@{rep}> 0")
    path = tmp_path / "leads.csv"
    leads_csv(path, 200)
    monkeypatch.setenv("DATABASE_URL", database_url)
    assert main(["import", "leads", str(path)]) == 0
    with workspace.session() as session:
        assert all(lead.owner_id is None for lead in session.exec(select(Lead)))
        for rep in (SMALL, MIDDLE, LARGE):
            set_capacity(session, manager, f"<@{rep}> 100")

    replicas = [Database(database_url) for _ in range(2)]
    start = threading.Barrier(2)
    offered: list[int] = []
    failures: list[BaseException] = []

    def replica(db: Database) -> None:
        try:
            start.wait()
            with db.session() as session:
                offered.append(offer_waiting(session, utcnow() + timedelta(seconds=1)))
        except BaseException as error:  # reported below, not lost in the thread
            failures.append(error)

    threads = [threading.Thread(target=replica, args=(db,)) for db in replicas]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for db in replicas:
        db.dispose()
    assert not failures, failures
    assert sum(offered) == 200

    with workspace.session() as session:
        leads = session.exec(select(Lead)).all()
        assigns = Counter(
            session.exec(select(AuditEntry.entity_key).where(AuditEntry.action == "lead.assign"))
        )
        offers = Counter(
            offer.params["lead_id"]
            for offer in session.exec(select(Notification).where(Notification.kind == "lead_offer"))
        )
    assert all(lead.owner_id is not None and lead.status == "assigned" for lead in leads)
    assert set(assigns.values()) == {1} and len(assigns) == 200
    assert set(offers.values()) == {1} and len(offers) == 200
    owners = Counter(lead.owner_id for lead in leads)
    assert sorted(owners.values()) == [66, 67, 67]
