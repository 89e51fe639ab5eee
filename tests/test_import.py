"""`salesdesk import`: what the operator reads and what ends up stored, on SQLite and PostgreSQL."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import bindparam, inspect, text
from sqlmodel import select

from bot.cli import main
from storage.imports import import_csv
from storage.models import (
    AuditEntry,
    Contact,
    Customer,
    Invoice,
    Member,
    OrderStatusChange,
    SalesOrder,
    Team,
)

TEAMS = """\
name,slack_channel_id,timezone,digest_time,manager_slack_id
East 华东,C0EAST0001,Asia/Shanghai,08:30,UMGR00001
Export,C0EXPORT01,Europe/London,09:00,UMGR00002
"""
MEMBERS = """\
slack_user_id,name,role,team,manager_slack_id,timezone,locale,email
UADMIN0001,Alex Admin,admin,,,,en,alex@example.com
UMGR00001,周敏 Zhou Min,manager,East 华东,,Asia/Shanghai,zh-CN,
UREP00001,王芳 Wang Fang,rep,East 华东,UMGR00001,,zh_CN,
UMGR00002,Sarah Miller,manager,Export,,,en,
UREP00003,Emma Davis,rep,Export,UMGR00002,Europe/London,en,emma@example.com
"""
CUSTOMERS = """\
code,name,owner_slack_id,tier,region,industry,contact_name,contact_phone,contact_email
C-1001,上海华联机械有限公司,UREP00001,A,上海,机械,张伟,+86 138 0000 1001,
C-2001,Northwind Trading Ltd,UREP00003,B,UK,,Jane Cooper,,jane@northwind.example
"""
ORDERS = """\
number,customer_code,status,amount,currency,ordered_on,promised_ship_on,rep_slack_id,note
1234,C-1001,in_production,"128,000.00",,2024-03-01,2024-03-20,,加急
EX-501,C-2001,confirmed,18500,usd,2024/03/05,,UREP00003,
"""
HEADERS = {
    "teams": "name,slack_channel_id,timezone,digest_time,manager_slack_id",
    "members": "slack_user_id,name,role,team,manager_slack_id,timezone,locale,email",
    "customers": "code,name,owner_slack_id,tier,region,industry,contact_name,contact_phone,"
    "contact_email",
    "orders": "number,customer_code,status,amount,currency,ordered_on,promised_ship_on,"
    "shipped_on,rep_slack_id,note",
}


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


class Salesdesk:
    """The `salesdesk` command, run in-process the way an operator runs it."""

    def __init__(self, tmp_path: Path, capsys):
        self.folder = tmp_path / "csv"
        self.folder.mkdir()
        self.capsys = capsys

    def file(self, name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = self.folder / name
        data = content if isinstance(content, bytes) else content.encode(encoding)
        path.write_bytes(data)
        return path

    def run(self, *argv: str) -> Run:
        self.capsys.readouterr()
        code = main(list(argv))
        captured = self.capsys.readouterr()
        return Run(code, captured.out, captured.err)

    def import_csv(self, kind: str, content: str | bytes, encoding: str = "utf-8") -> Run:
        return self.run("import", kind, str(self.file(f"{kind}.csv", content, encoding)))

    def import_rows(self, kind: str, *rows: str) -> Run:
        """A file of `kind` with the usual header and these rows (the first row is line 2)."""
        return self.import_csv(kind, "\n".join((HEADERS[kind], *rows)) + "\n")


@pytest.fixture
def salesdesk(database_url, monkeypatch, tmp_path, capsys) -> Salesdesk:
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SALESDESK_ADMINS", "SALESDESK_TIMEZONE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SALESDESK_LOCALE", "en")
    return Salesdesk(tmp_path, capsys)


@pytest.fixture
def seeded(salesdesk) -> Salesdesk:
    """Two teams, their members and two customers, imported the ordinary way."""
    for kind, content in (("teams", TEAMS), ("members", MEMBERS), ("customers", CUSTOMERS)):
        assert salesdesk.import_csv(kind, content).code == 0
    return salesdesk


def stored(db, model, *order_by) -> list:
    with db.session() as session:
        return session.exec(select(model).order_by(*(order_by or (model.id,)))).all()


def audit_of(db, entity: str) -> list[AuditEntry]:
    return [entry for entry in stored(db, AuditEntry) if entry.entity == entity]


def summary(kind: str, file: str, created=0, updated=0, unchanged=0, rejected=0) -> str:
    return (
        f"Imported {kind} from {file}: {created} created, {updated} updated, "
        f"{unchanged} unchanged, {rejected} rejected."
    )


def rejected_lines(run: Run) -> list[str]:
    return [line for line in run.lines if line.startswith("line ")]


# --- the happy path ---------------------------------------------------------------------------


def test_teams_members_customers_and_orders_are_created(salesdesk, db):
    runs = {
        kind: salesdesk.import_csv(kind, content)
        for kind, content in (
            ("teams", TEAMS),
            ("members", MEMBERS),
            ("customers", CUSTOMERS),
            ("orders", ORDERS),
        )
    }

    assert {kind: run.code for kind, run in runs.items()} == dict.fromkeys(runs, 0)
    folder = salesdesk.folder
    assert runs["teams"].lines == [summary("teams", str(folder / "teams.csv"), created=2)]
    assert runs["members"].lines == [summary("members", str(folder / "members.csv"), created=5)]
    assert runs["orders"].lines == [summary("orders", str(folder / "orders.csv"), created=2)]

    east, export = stored(db, Team)
    assert (east.name, east.slack_channel_id, east.timezone, east.digest_time) == (
        "East 华东",
        "C0EAST0001",
        "Asia/Shanghai",
        "08:30",
    )
    assert export.manager_slack_id == "UMGR00002"
    members = {member.slack_user_id: member for member in stored(db, Member)}
    assert members["UADMIN0001"].team_id is None
    assert members["UREP00001"].team_id == east.id
    assert members["UREP00001"].manager_slack_id == "UMGR00001"
    assert members["UREP00001"].locale == "zh-CN"
    assert members["UREP00003"].email == "emma@example.com"

    shanghai, northwind = stored(db, Customer)
    assert (shanghai.code, shanghai.owner_id, shanghai.tier, shanghai.region) == (
        "C-1001",
        members["UREP00001"].id,
        "A",
        "上海",
    )
    contacts = {contact.customer_id: contact for contact in stored(db, Contact)}
    assert (contacts[shanghai.id].name, contacts[shanghai.id].phone) == (
        "张伟",
        "+86 138 0000 1001",
    )
    assert contacts[northwind.id].is_primary
    assert contacts[northwind.id].email == "jane@northwind.example"

    first, second = stored(db, SalesOrder)
    assert first.number == "1234"
    assert first.rep_id == members["UREP00001"].id  # the customer's owner
    assert (first.amount, first.currency, first.status) == (
        Decimal("128000.00"),
        "CNY",
        "in_production",
    )
    assert (first.ordered_on, first.promised_ship_on, first.note) == (
        date(2024, 3, 1),
        date(2024, 3, 20),
        "加急",
    )
    assert (second.currency, second.ordered_on) == ("USD", date(2024, 3, 5))
    assert second.rep_id == members["UREP00003"].id

    history = stored(db, OrderStatusChange)
    assert [(step.order_id, step.from_status, step.to_status) for step in history] == [
        (first.id, None, "in_production"),
        (second.id, None, "confirmed"),
    ]
    assert {(step.source, step.actor_id) for step in history} == {("import", None)}


def test_every_created_record_is_audited(seeded, db):
    seeded.import_csv("orders", ORDERS)

    entries = stored(db, AuditEntry)
    assert {(entry.actor, entry.action) for entry in entries} == {("import", "import.create")}
    assert [(entry.entity, entry.entity_key) for entry in entries] == [
        ("team", "East 华东"),
        ("team", "Export"),
        ("member", "UADMIN0001"),
        ("member", "UMGR00001"),
        ("member", "UREP00001"),
        ("member", "UMGR00002"),
        ("member", "UREP00003"),
        ("customer", "C-1001"),
        ("customer", "C-2001"),
        ("order", "1234"),
        ("order", "EX-501"),
    ]
    order = entries[-2]
    assert order.before is None
    assert order.after == {
        "number": "1234",
        "customer_code": "C-1001",
        "status": "in_production",
        "amount": "128000.00",
        "ordered_on": "2024-03-01",
        "promised_ship_on": "2024-03-20",
        "note": "加急",
        "currency": "CNY",
        "rep_slack_id": "UREP00001",
    }


def test_reimporting_the_same_files_changes_nothing(seeded, db):
    seeded.import_csv("orders", ORDERS)
    audit_before = len(stored(db, AuditEntry))
    history_before = len(stored(db, OrderStatusChange))
    orders_before = stored(db, SalesOrder)

    runs = [
        seeded.import_csv(kind, content)
        for kind, content in (
            ("teams", TEAMS),
            ("members", MEMBERS),
            ("customers", CUSTOMERS),
            ("orders", ORDERS),
        )
    ]

    folder = seeded.folder
    assert [run.lines for run in runs] == [
        [summary("teams", str(folder / "teams.csv"), unchanged=2)],
        [summary("members", str(folder / "members.csv"), unchanged=5)],
        [summary("customers", str(folder / "customers.csv"), unchanged=2)],
        [summary("orders", str(folder / "orders.csv"), unchanged=2)],
    ]
    assert [run.code for run in runs] == [0, 0, 0, 0]
    assert len(stored(db, AuditEntry)) == audit_before
    assert len(stored(db, OrderStatusChange)) == history_before
    assert stored(db, SalesOrder) == orders_before
    assert len(stored(db, Contact)) == 2


# --- updates ----------------------------------------------------------------------------------


def test_a_changed_order_is_updated_with_its_audit_entry_and_history(seeded, db):
    seeded.import_csv("orders", ORDERS)
    changed = ORDERS.replace('in_production,"128,000.00"', "shipped,128000.5")

    run = seeded.import_csv("orders", changed)

    assert run.code == 0
    assert run.lines == [
        summary("orders", str(seeded.folder / "orders.csv"), updated=1, unchanged=1)
    ]
    order = stored(db, SalesOrder)[0]
    assert (order.status, order.amount) == ("shipped", Decimal("128000.50"))
    [update] = [entry for entry in audit_of(db, "order") if entry.action == "import.update"]
    assert update.entity_key == "1234"
    assert update.before == {"status": "in_production", "amount": "128000.00"}
    assert update.after == {"status": "shipped", "amount": "128000.5"}
    last = stored(db, OrderStatusChange)[-1]
    assert (last.order_id, last.from_status, last.to_status, last.source, last.actor_id) == (
        order.id,
        "in_production",
        "shipped",
        "import",
        None,
    )


def test_an_update_that_keeps_the_status_adds_no_history(seeded, db):
    seeded.import_csv("orders", ORDERS)
    history = len(stored(db, OrderStatusChange))

    run = seeded.import_csv("orders", ORDERS.replace("加急", "urgent"))

    assert run.lines[0] == summary(
        "orders", str(seeded.folder / "orders.csv"), updated=1, unchanged=1
    )
    assert stored(db, SalesOrder)[0].note == "urgent"
    assert len(stored(db, OrderStatusChange)) == history


def test_a_changed_customer_and_contact_are_updated_and_audited(seeded, db):
    changed = CUSTOMERS.replace(
        "A,上海,机械,张伟,+86 138 0000 1001", "B,上海,机械,张伟,+86 139 9999"
    )

    run = seeded.import_csv("customers", changed)

    assert run.lines == [
        summary("customers", str(seeded.folder / "customers.csv"), updated=1, unchanged=1)
    ]
    customer = stored(db, Customer)[0]
    assert customer.tier == "B"
    contacts = [contact for contact in stored(db, Contact) if contact.customer_id == customer.id]
    assert [(contact.name, contact.phone) for contact in contacts] == [("张伟", "+86 139 9999")]
    [update] = [entry for entry in audit_of(db, "customer") if entry.action == "import.update"]
    assert (update.entity_key, update.before, update.after) == (
        "C-1001",
        {"tier": "A", "contact_phone": "+86 138 0000 1001"},
        {"tier": "B", "contact_phone": "+86 139 9999"},
    )


def test_a_customer_without_a_contact_gets_one(seeded, db):
    seeded.import_rows("customers", "C-3001,Acme,UREP00003,,,,,,")
    assert len(stored(db, Contact)) == 2

    run = seeded.import_rows("customers", "C-3001,Acme,UREP00003,,,,Wile E.,555-0100,")

    assert run.code == 0
    acme = stored(db, Customer)[-1]
    contact = stored(db, Contact)[-1]
    assert (contact.customer_id, contact.name, contact.phone, contact.is_primary) == (
        acme.id,
        "Wile E.",
        "555-0100",
        True,
    )


def test_a_member_moves_team_and_the_audit_names_the_teams(seeded, db):
    run = seeded.import_rows("members", "UREP00001,王芳 Wang Fang,desk,Export,UMGR00002,,,")

    assert run.code == 0
    member = next(m for m in stored(db, Member) if m.slack_user_id == "UREP00001")
    export = next(team for team in stored(db, Team) if team.name == "Export")
    assert (member.role, member.team_id, member.manager_slack_id) == (
        "desk",
        export.id,
        "UMGR00002",
    )
    [update] = [entry for entry in audit_of(db, "member") if entry.action == "import.update"]
    assert update.before == {"role": "rep", "team": "East 华东", "manager_slack_id": "UMGR00001"}
    assert update.after == {"role": "desk", "team": "Export", "manager_slack_id": "UMGR00002"}


def test_empty_cells_keep_what_is_stored(seeded, db):
    """An empty optional cell never erases: a file with fewer details changes nothing."""
    seeded.import_csv("orders", ORDERS)

    run = seeded.import_rows("orders", "1234,C-1001,in_production,128000,,,,,,")

    assert run.lines == [summary("orders", str(seeded.folder / "orders.csv"), unchanged=1)]
    order = stored(db, SalesOrder)[0]
    assert (order.note, order.currency, order.promised_ship_on) == (
        "加急",
        "CNY",
        date(2024, 3, 20),
    )


def test_a_team_s_manager_need_not_be_a_member_yet(salesdesk, db):
    run = salesdesk.import_rows("teams", "North,C0NORTH001,,,UNEW00001")

    assert run.code == 0
    assert stored(db, Team)[0].manager_slack_id == "UNEW00001"


def test_a_manager_may_come_later_in_the_same_file(seeded, db):
    run = seeded.import_rows(
        "members",
        "UREP00009,New Rep,rep,Export,UMGR00009,,,",
        "UMGR00009,New Manager,manager,Export,,,,",
    )

    assert run.code == 0
    assert {m.slack_user_id for m in stored(db, Member)} >= {"UREP00009", "UMGR00009"}


# --- rejected rows ----------------------------------------------------------------------------


def test_bad_team_rows_are_rejected_with_their_line(salesdesk, db):
    run = salesdesk.import_rows(
        "teams",
        "North,C0NORTH001,Asia/Tokyo,7:05,UMGR00003",
        "South,,,,",
        "West,#west,,,",
        "Mars,C0MARS0001,Mars/Olympus,,",
        "Late,C0LATE0001,,24:00,",
        "Boss,C0BOSS0001,,,someone",
        f"{'L' * 101},C0LONG0001,,,",
        "North,C0NORTH002,,,",
    )

    assert run.code == 1
    assert run.lines[0] == summary(
        "teams", str(salesdesk.folder / "teams.csv"), created=1, rejected=7
    )
    assert rejected_lines(run) == [
        "line 3: no slack_channel_id given",
        "line 4: slack_channel_id '#west' is not a Slack channel id (like C012ABCDEF)",
        "line 5: 'Mars/Olympus' is not an IANA time zone (like Asia/Shanghai)",
        "line 6: digest_time '24:00' is not a time: use HH:MM, like 08:30",
        "line 7: manager_slack_id 'someone' is not a Slack user id (like U012ABCDEF)",
        "line 8: name is too long: 100 characters at most",
        "line 9: name 'North' already appears on line 2",
    ]
    [north] = stored(db, Team)
    assert (north.name, north.slack_channel_id, north.digest_time) == (
        "North",
        "C0NORTH001",
        "07:05",
    )
    assert run.lines[-1].startswith("The other rows were imported.")


def test_bad_member_rows_are_rejected_with_their_line(seeded, db):
    run = seeded.import_rows(
        "members",
        "UREP00010,Good Rep,rep,export,UMGR00002,,en,",
        "UREP00011,No Team,rep,,,,,",
        "UREP00012,Lost,rep,Atlantis,,,,",
        "UREP00013,Bossy,boss,Export,,,,",
        "UREP00014,Orphan,rep,Export,UMGR99999,,,",
        "UREP00015,Klingon,rep,Export,,,tlh,",
        "UREP00016,Nowhere,rep,Export,,Nowhere/City,,",
        "bob,Bob,rep,Export,,,,",
        f"UREP00017,Long Mail,rep,Export,,,,{'m' * 195}@x.com",
        "UREP00010,Good Rep again,rep,Export,,,,",
        "UREP00018,,rep,Export,,,,",
    )

    assert run.code == 1
    assert rejected_lines(run) == [
        "line 3: no team given",
        "line 4: unknown team 'Atlantis'",
        "line 5: unknown role 'boss': use rep, desk, manager or admin",
        "line 6: unknown manager 'UMGR99999': import the manager as a member too",
        "line 8: 'Nowhere/City' is not an IANA time zone (like Asia/Shanghai)",
        "line 9: slack_user_id 'bob' is not a Slack user id (like U012ABCDEF)",
        "line 10: email is too long: 200 characters at most",
        "line 11: slack_user_id 'UREP00010' already appears on line 2",
        "line 12: no name given",
    ]
    assert run.lines[-2] == (
        "warning, line 7: tlh is not a language Sales Desk speaks; Klingon will read English "
        "(the default)"
    )
    new = [m for m in stored(db, Member) if m.slack_user_id.startswith("UREP0001")]
    assert [(m.slack_user_id, m.name, m.locale) for m in new] == [
        ("UREP00010", "Good Rep", "en"),
        ("UREP00015", "Klingon", None),
    ]


def test_bad_customer_rows_are_rejected_with_their_line(seeded, db):
    run = seeded.import_rows(
        "customers",
        "C-3001,Acme,UREP00003,d,,,,,",
        "C-3002,Globex,UNOBODY01,,,,,,",
        "C-3003,Initech,UREP00003,E,,,,,",
        "C-3004,Northwind Trading Ltd,UREP00003,,,,,,",
        "C-3005,Acme,UREP00003,,,,,,",
        "C-3006,Hooli,UREP00003,,,,,555-0199,",
        "C-3001,Acme Again,UREP00003,,,,,,",
        f"{'C' * 41},Long Code,UREP00003,,,,,,",
        ",Nameless,UREP00003,,,,,,",
    )

    assert run.code == 1
    assert run.lines[0] == summary(
        "customers", str(seeded.folder / "customers.csv"), created=1, rejected=8
    )
    assert rejected_lines(run) == [
        "line 3: owner_slack_id: no member has the Slack user id 'UNOBODY01'",
        "line 4: unknown tier 'E': use A, B, C or D",
        "line 5: the name 'Northwind Trading Ltd' is already used by customer C-2001",
        "line 6: the name 'Acme' is already used by customer C-3001",
        "line 7: a new contact needs a contact_name",
        "line 8: code 'C-3001' already appears on line 2",
        "line 9: code is too long: 40 characters at most",
        "line 10: no code given",
    ]
    acme = stored(db, Customer)[-1]
    assert (acme.code, acme.tier) == ("C-3001", "D")


def test_bad_order_rows_are_rejected_with_their_line(seeded, db):
    run = seeded.import_rows(
        "orders",
        '1001,C-1001,已发货,"1,234.50",cny,2024/3/5,,2024-03-09,,',
        "1002,C-999,received,10,,,,,,",
        "1003,C-1001,lost,10,,,,,,",
        "1004,C-1001,received,-5,,,,,,",
        "1005,C-1001,received,1.005,,,,,,",
        '1006,C-1001,received,"1,23",,,,,,',
        "1007,C-1001,received,ten,,,,,,",
        "1008,C-1001,received,10,RMB1,,,,,",
        "1009,C-1001,received,10,,2024-02-30,,,,",
        "1010,C-1001,received,10,,,03/05/2024,,,",
        "1011,C-1001,received,10,,,,,UNOBODY01,",
        "10 12,C-1001,received,10,,,,,,",
        "1013,C-1001,received,,,,,,,",
        "1001,C-1001,received,10,,,,,,",
        f"1014,C-1001,received,10,,,,,,{'n' * 1001}",
        "1015,C-2001,暂停,0,,,,,,",
    )

    assert run.code == 1
    assert run.lines[0] == summary(
        "orders", str(seeded.folder / "orders.csv"), created=2, rejected=14
    )
    assert rejected_lines(run) == [
        "line 3: unknown customer code 'C-999'",
        "line 4: unknown status 'lost': use received, confirmed, in_production, ready_to_ship, "
        "shipped, delivered, invoiced, paid, on_hold or cancelled",
        "line 5: '-5' is not an amount: use 0 or more with at most 2 decimals, like 1234.50 or "
        "1,234.50",
        "line 6: '1.005' is not an amount: use 0 or more with at most 2 decimals, like 1234.50 or "
        "1,234.50",
        "line 7: '1,23' is not an amount: use 0 or more with at most 2 decimals, like 1234.50 or "
        "1,234.50",
        "line 8: 'ten' is not an amount: use 0 or more with at most 2 decimals, like 1234.50 or "
        "1,234.50",
        "line 9: 'RMB1' is not a currency: use an ISO 4217 code like CNY, USD or EUR "
        "(RMB and 人民币 read as CNY)",
        "line 10: ordered_on '2024-02-30' is not a date: use YYYY-MM-DD or YYYY/M/D",
        "line 11: promised_ship_on '03/05/2024' is not a date: use YYYY-MM-DD or YYYY/M/D",
        "line 12: rep_slack_id: no member has the Slack user id 'UNOBODY01'",
        "line 13: '10 12' is not an order number: use letters, digits and - _ . / only, 40 at most",
        "line 14: no amount given",
        "line 15: number '1001' already appears on line 2",
        "line 16: note is too long: 1000 characters at most",
    ]
    first, second = stored(db, SalesOrder)
    assert (first.number, first.status, first.amount, first.currency) == (
        "1001",
        "shipped",
        Decimal("1234.50"),
        "CNY",
    )
    assert (first.ordered_on, first.shipped_on) == (date(2024, 3, 5), date(2024, 3, 9))
    assert (second.number, second.status, second.amount) == ("1015", "on_hold", Decimal("0"))


@pytest.mark.parametrize(
    ("label", "status"),
    [
        ("已接收", "received"),
        ("已确认", "confirmed"),
        ("生产中", "in_production"),
        ("待发货", "ready_to_ship"),
        ("已发货", "shipped"),
        ("已送达", "delivered"),
        ("已开票", "invoiced"),
        ("已回款", "paid"),
        ("暂停", "on_hold"),
        ("已取消", "cancelled"),
        ("Ready_To_Ship", "ready_to_ship"),
    ],
)
def test_statuses_are_read_in_english_and_chinese(seeded, db, label, status):
    run = seeded.import_rows("orders", f"2001,C-1001,{label},1,,,,,,")

    assert run.code == 0
    assert stored(db, SalesOrder)[0].status == status


def test_an_order_for_a_rejected_customer_is_rejected_too(seeded, db):
    seeded.import_rows("customers", "C-3001,Acme,UNOBODY01,,,,,,")

    run = seeded.import_rows("orders", "3001,C-3001,received,1,,,,,,")

    assert rejected_lines(run) == ["line 2: unknown customer code 'C-3001'"]
    assert stored(db, SalesOrder) == []


def test_only_the_first_200_rejections_are_listed(seeded, db):
    rows = [f"{9000 + i},C-404,received,1,,,,,," for i in range(230)]

    run = seeded.import_rows("orders", *rows)

    assert run.code == 1
    assert len(rejected_lines(run)) == 200
    assert rejected_lines(run)[-1] == "line 201: unknown customer code 'C-404'"
    assert run.lines[-2:] == [
        "… and 30 more",
        "No row was imported. Fix the rejected lines and import the file again.",
    ]


# --- the file itself --------------------------------------------------------------------------


def test_header_names_ignore_case_spaces_and_extra_columns(seeded, db):
    content = (
        " Number ,Customer_Code,STATUS,  amount,Warehouse,note\n"
        "4001,C-1001,received,99.90,Ningbo,front desk\n"
    )

    run = seeded.import_csv("orders", content)

    assert run.code == 0
    order = stored(db, SalesOrder)[0]
    assert (order.number, order.amount, order.note) == ("4001", Decimal("99.90"), "front desk")


def test_a_utf8_file_with_a_bom_is_read(seeded, db):
    run = seeded.import_csv("orders", "\ufeff" + ORDERS)

    assert run.code == 0
    assert [order.number for order in stored(db, SalesOrder)] == ["1234", "EX-501"]


def test_a_gb18030_file_from_excel_is_read(seeded, db):
    content = "number,customer_code,status,amount,note\r\n5001,C-1001,已发货,88,华东仓库发货\r\n"

    run = seeded.import_csv("orders", content, encoding="gb18030")

    assert run.code == 0
    order = stored(db, SalesOrder)[0]
    assert (order.status, order.note) == ("shipped", "华东仓库发货")


def test_lines_that_cannot_be_decoded_are_rejected_and_the_rest_imported(seeded, db):
    content = (
        b"number,customer_code,status,amount,note\n"
        + "6001,C-1001,received,1,好\n".encode()
        + b"6002,C-1001,received,1,caf\xe9 \xff\n"
        + b"6003,C-1001,received,1,\n"
    )

    run = seeded.import_csv("orders", content)

    assert run.code == 1
    assert rejected_lines(run) == [
        "line 3: this line is not UTF-8 text (save the file as “CSV UTF-8”)"
    ]
    assert [order.number for order in stored(db, SalesOrder)] == ["6001", "6003"]


def test_line_numbers_follow_the_file_across_blank_lines_and_multiline_cells(seeded, db):
    content = (
        "number,customer_code,status,amount,note\n"
        '7001,C-1001,received,1,"two\nlines"\n'
        "\n"
        "7002,C-404,received,1,\n"
        ",,,,\n"
    )

    run = seeded.import_csv("orders", content)

    assert rejected_lines(run) == ["line 5: unknown customer code 'C-404'"]
    assert stored(db, SalesOrder)[0].note == "two\nlines"


def test_a_missing_required_column_stops_the_import(seeded, db):
    run = seeded.import_csv("orders", "number,customer,status\n8001,C-1001,received\n")

    assert run.code == 2
    assert run.out == ""
    path = seeded.folder / "orders.csv"
    assert run.err.splitlines() == [
        f"salesdesk: {path} lacks required columns: customer_code, amount. The header row must "
        "name every required column. Nothing was imported."
    ]
    assert stored(db, SalesOrder) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "{path} is empty: its first line must be a header row naming the columns."),
        (
            b"\xef\xbb\xbf\n\n",
            "{path} is empty: its first line must be a header row naming the columns.",
        ),
        (
            b"n\xffumber,customer_code,status,amount\n",
            "{path}: the header row is neither UTF-8 "
            "nor GB18030 text. Save the file as “CSV UTF-8” and try again.",
        ),
        (
            b'number,customer_code,status,amount\n1,C-1001,received,"' + b"9" * 140_000 + b'"\n',
            "{path} is not valid CSV at line 2 (field larger than field limit (131072)).",
        ),
        (
            b"number,number,customer_code,status,amount\n",
            "{path} has two number columns: keep one.",
        ),
    ],
    ids=["empty", "only-blank-lines", "undecodable-header", "cell-too-big", "duplicate-column"],
)
def test_a_file_that_cannot_be_read_stops_the_import(seeded, db, content, message):
    path = seeded.file("orders.csv", content)

    run = seeded.run("import", "orders", str(path))

    assert run.code == 2
    assert run.err.splitlines() == [f"salesdesk: {message.format(path=path)} Nothing was imported."]


def test_a_missing_file_stops_the_import(salesdesk, tmp_path):
    path = tmp_path / "nowhere.csv"

    run = salesdesk.run("import", "teams", str(path))

    assert (run.code, run.out) == (2, "")
    assert run.err == f"salesdesk: {path}: no such file. Nothing was imported.\n"


def test_a_header_only_file_imports_nothing(salesdesk, db):
    run = salesdesk.import_csv("teams", HEADERS["teams"] + "\n")

    assert (run.code, run.lines) == (0, [summary("teams", str(salesdesk.folder / "teams.csv"))])


# --- the operator's language ------------------------------------------------------------------


def test_the_report_speaks_chinese(seeded, db, monkeypatch):
    monkeypatch.setenv("SALESDESK_LOCALE", "zh-CN")

    run = seeded.import_rows(
        "orders",
        "9001,C-1001,已接收,100,,,,,,",
        "9002,C-999,已接收,100,,,,,,",
        "9003,C-1001,丢失,100,,,,,,",
        "9004,C-1001,已接收,100,,2024-13-01,,,,",
    )

    assert run.code == 1
    assert run.lines == [
        f"已从 {seeded.folder / 'orders.csv'} 导入订单："
        "新建 1 条，更新 0 条，未变 0 条，拒绝 3 条。",
        "第 3 行：客户编号“C-999”不存在",
        "第 4 行：订单状态“丢失”无效：可用 已接收、已确认、生产中、待发货、已发货、已送达、已开票、"
        "已回款、暂停、已取消（或英文 received … cancelled）",
        "第 5 行：ordered_on“2024-13-01”不是有效日期：请使用 YYYY-MM-DD 或 YYYY/M/D 格式",
        "其余各行均已导入。请修改被拒绝的行后重新导入该文件，已导入的行会保持不变。",
    ]


def test_a_file_error_speaks_chinese(salesdesk, monkeypatch):
    monkeypatch.setenv("SALESDESK_LOCALE", "zh-CN")

    run = salesdesk.import_csv("members", "slack_user_id,name\n")

    assert run.code == 2
    assert run.err == (
        f"salesdesk: {salesdesk.folder / 'members.csv'} 缺少必填列：role, team。"
        "表头必须包含所有必填列。未导入任何数据。\n"
    )


# --- what bulk writing must fill itself -------------------------------------------------------


def test_imported_customers_carry_their_search_text_and_a_rename_refreshes_it(seeded, db):
    seeded.import_rows("customers", "C-3001,ＡＣＭＥ（苏州）精密,UREP00003,,,,,,")

    by_code = {customer.code: customer for customer in stored(db, Customer)}
    assert by_code["C-1001"].search_text == "c-1001 上海华联机械有限公司"
    assert by_code["C-3001"].search_text == "c-3001 acme(苏州)精密"

    seeded.import_rows("customers", "C-3001,Acme Suzhou Precision,UREP00003,,,,,,")

    renamed = next(c for c in stored(db, Customer) if c.code == "C-3001")
    assert renamed.search_text == "c-3001 acme suzhou precision"


def test_a_customer_left_without_search_text_is_mended_by_the_next_import(seeded, db):
    with db.session() as session:
        session.execute(Customer.__table__.update().values(search_text=""))
        session.commit()

    run = seeded.import_csv("customers", CUSTOMERS)

    assert run.code == 0
    texts = [customer.search_text for customer in stored(db, Customer)]
    assert texts == ["c-1001 上海华联机械有限公司", "c-2001 northwind trading ltd"]


def test_imported_members_are_active_and_their_contacts_primary(seeded, db):
    members = stored(db, Member)
    assert {(m.active, m.deactivated_at) for m in members} == {(True, None)}
    assert {contact.is_primary for contact in stored(db, Contact)} == {True}
    assert {customer.is_prospect for customer in stored(db, Customer)} == {False}
    assert {str(team.settings) for team in stored(db, Team)} == {"{}"}


# --- Slack's locale codes ---------------------------------------------------------------------


def test_slack_locale_codes_never_drop_a_member(seeded, db):
    run = seeded.import_rows(
        "members",
        "UREP00020,Ann Lee,rep,Export,,,en-US,",
        "UREP00021,Ben Hall,rep,Export,,,en-GB,",
        "UREP00022,林小雨,rep,East 华东,,,zh-TW,",
        "UREP00023,陳大文,rep,East 华东,,,zh-HK,",
        "UREP00024,佐藤 健,rep,Export,,,ja-JP,",
    )

    assert run.code == 0
    assert run.lines == [
        summary("members", str(seeded.folder / "members.csv"), created=5)
        + " Imported with a warning: 1.",
        "warning, line 6: ja-JP is not a language Sales Desk speaks; 佐藤 健 will read English "
        "(the default)",
    ]
    locales = {m.slack_user_id: m.locale for m in stored(db, Member)}
    assert [locales[f"UREP0002{i}"] for i in range(5)] == ["en", "en", "zh-CN", "zh-CN", None]


def test_the_locale_warning_speaks_chinese_and_names_chinese_as_the_default(seeded, monkeypatch):
    monkeypatch.setenv("SALESDESK_LOCALE", "zh-CN")

    run = seeded.import_rows("members", "UREP00024,佐藤 健,rep,Export,,,ja-JP,")

    assert run.lines[1:] == [
        "警告，第 2 行：ja-JP 不是 Sales Desk 支持的语言；佐藤 健 将看到中文（默认语言）"
    ]


def test_a_reimport_with_an_unspoken_language_clears_the_stored_one(seeded, db):
    run = seeded.import_rows("members", "UREP00003,Emma Davis,rep,Export,,,fr-FR,")

    assert (run.code, run.lines[0]) == (
        0,
        summary("members", str(seeded.folder / "members.csv"), updated=1)
        + " Imported with a warning: 1.",
    )
    emma = next(m for m in stored(db, Member) if m.slack_user_id == "UREP00003")
    assert emma.locale is None


# --- currencies, amounts and dates as teams write them ------------------------------------------


@pytest.mark.parametrize("written", ["RMB", "人民币", "元", "¥", "rmb", "CNY"])
def test_the_yuan_s_names_are_stored_as_cny(seeded, db, written):
    run = seeded.import_rows("orders", f'7001,C-1001,received,"1,280,000.00",{written},,,,,')

    assert run.code == 0
    order = stored(db, SalesOrder)[0]
    assert (order.currency, order.amount) == ("CNY", Decimal("1280000.00"))


def test_an_unknown_currency_is_rejected_naming_it(seeded, db):
    run = seeded.import_rows("orders", "7002,C-1001,received,10,XYZ,,,,,", "7003,C-1001,x,1,,,,,,")

    assert rejected_lines(run)[0] == (
        "line 2: 'XYZ' is not a currency: use an ISO 4217 code like CNY, USD or EUR "
        "(RMB and 人民币 read as CNY)"
    )
    assert stored(db, SalesOrder) == []


@pytest.mark.parametrize(
    "written, day",
    [
        ("2026-11-05", date(2026, 11, 5)),
        ("2026/11/3", date(2026, 11, 3)),
        ("2026/11/3 0:00", date(2026, 11, 3)),
        ("2026.11.3", date(2026, 11, 3)),
        ("2026年11月3日", date(2026, 11, 3)),
    ],
)
def test_dates_are_read_as_excel_and_people_write_them(seeded, db, written, day):
    run = seeded.import_rows("orders", f"7004,C-1001,received,10,,{written},,,,")

    assert run.code == 0
    assert stored(db, SalesOrder)[0].ordered_on == day


def invoices_file(*rows: str) -> str:
    return "\n".join(("number,order_number,amount,currency,issued_on,due_on", *rows)) + "\n"


def payments_file(*rows: str) -> str:
    return "\n".join(("invoice_number,amount,paid_on,reference", *rows)) + "\n"


def test_invoice_currencies_are_read_like_order_currencies(seeded, db):
    seeded.import_csv("orders", ORDERS)

    run = seeded.import_csv(
        "invoices",
        invoices_file(
            'INV-1,1234,"12,800.00",人民币,2024-03-10,2024-04-09',
            "INV-2,1234,100,RMB,2024/3/10,2024/4/9",
            "INV-3,EX-501,100,XYZ,2024-03-10,2024-04-09",
        ),
    )

    assert rejected_lines(run) == [
        "line 4: 'XYZ' is not a currency: use an ISO 4217 code like CNY, USD or EUR "
        "(RMB and 人民币 read as CNY)"
    ]
    assert [(i.number, i.currency, i.amount) for i in stored(db, Invoice)] == [
        ("INV-1", "CNY", Decimal("12800.00")),
        ("INV-2", "CNY", Decimal("100.00")),
    ]


def test_an_invoice_amount_must_be_more_than_0_and_the_reason_says_so(seeded, db, monkeypatch):
    seeded.import_csv("orders", ORDERS)
    rows = (
        "INV-1,1234,0,,2024-03-10,2024-04-09",
        "INV-2,1234,-5,,2024-03-10,2024-04-09",
        "INV-3,1234,-0.01,,2024-03-10,2024-04-09",
        "INV-4,1234,ten,,2024-03-10,2024-04-09",
        "INV-5,1234,0.01,,2024-03-10,2024-04-09",
    )

    run = seeded.import_csv("invoices", invoices_file(*rows))
    monkeypatch.setenv("SALESDESK_LOCALE", "zh-CN")
    chinese = seeded.import_csv("invoices", invoices_file(rows[0]))

    assert rejected_lines(run) == [
        "line 2: an invoice amount must be more than 0",
        "line 3: an invoice amount must be more than 0",
        "line 4: an invoice amount must be more than 0",
        "line 5: invoice amount 'ten' is not an amount: use a number more than 0 with at most 2 "
        "decimals, like 1234.50 or 1,234.50",
    ]
    assert chinese.lines[1] == "第 2 行：发票金额必须大于 0"
    assert [(i.number, i.amount) for i in stored(db, Invoice)] == [("INV-5", Decimal("0.01"))]


# --- names up to the column's width -----------------------------------------------------------


def test_customer_names_up_to_500_characters_import_and_501_are_refused(seeded, db):
    run = seeded.import_rows(
        "customers",
        f"C-4201,{'长' * 201},UREP00003,,,,,,",
        f"C-4500,{'名' * 500},UREP00003,,,,,,",
        f"C-4501,{'超' * 501},UREP00003,,,,,,",
    )

    assert rejected_lines(run) == ["line 4: name is too long: 500 characters at most"]
    names = {customer.code: customer.name for customer in stored(db, Customer)}
    assert (len(names["C-4201"]), len(names["C-4500"])) == (201, 500)
    assert "C-4501" not in names


# --- payments: the team's day, and amounts as people read them ---------------------------------


def _invoiced(seeded, zone: str) -> None:
    seeded.import_rows("teams", f"Export,C0EXPORT01,{zone},09:00,UMGR00002")
    seeded.import_csv("orders", ORDERS)
    seeded.import_csv("invoices", invoices_file("INV-9,EX-501,10000,USD,2024-03-10,2024-04-09"))


def test_a_payment_dated_today_in_the_team_s_zone_is_accepted(seeded, db):
    _invoiced(seeded, "Asia/Shanghai")
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()

    run = seeded.import_csv("payments", payments_file(f"INV-9,100,{today},TT-1"))

    assert (run.code, rejected_lines(run)) == (0, [])


def test_a_payment_dated_tomorrow_in_the_team_s_zone_is_refused(seeded, db):
    _invoiced(seeded, "America/Los_Angeles")
    tomorrow = datetime.now(ZoneInfo("America/Los_Angeles")).date() + timedelta(days=1)

    run = seeded.import_csv("payments", payments_file(f"INV-9,100,{tomorrow},TT-1"))

    assert rejected_lines(run) == [f"line 2: paid_on {tomorrow} is in the future"]


def test_a_payment_of_nothing_or_less_is_told_to_be_more_than_0(seeded):
    _invoiced(seeded, "Asia/Shanghai")

    run = seeded.import_csv(
        "payments",
        payments_file(
            "INV-9,-5,2024-03-20,TT-1", "INV-9,0.00,2024-03-20,TT-2", "INV-9,ten,2024-03-20,TT-3"
        ),
    )

    assert rejected_lines(run) == [
        "line 2: a payment must be more than 0, not -5",
        "line 3: a payment must be more than 0, not 0.00",
        "line 4: payment amount 'ten' is not an amount: use a number more than 0 with at most 2 "
        "decimals, like 1234.50 or 1,234.50",
    ]


def test_amounts_in_payment_reasons_are_formatted_for_the_operator(seeded, monkeypatch):
    _invoiced(seeded, "Asia/Shanghai")

    run = seeded.import_csv(
        "payments", payments_file('INV-9,"12,500.5",2024-03-20,TT-1', "INV-9,0,2024-03-20,TT-2")
    )
    monkeypatch.setenv("SALESDESK_LOCALE", "zh-CN")
    chinese = seeded.import_csv("payments", payments_file('INV-9,"12,500.5",2024-03-20,TT-1'))

    assert rejected_lines(run) == [
        "line 2: $12,500.50 is more than is open on invoice INV-9 ($10,000.00 open)",
        "line 3: a payment must be more than 0, not 0",
    ]
    assert (
        chinese.lines[1] == "第 2 行：US$12,500.50 超出发票 INV-9 的未收金额（未收 US$10,000.00）"
    )


# --- progress on a terminal ---------------------------------------------------------------------


def test_a_terminal_sees_a_progress_bar_and_a_pipe_only_the_report(salesdesk, database_url):
    import os
    import pty
    import subprocess
    import sys

    path = salesdesk.file("teams.csv", TEAMS)
    env = {**os.environ, "DATABASE_URL": database_url, "SALESDESK_LOCALE": "en"}
    command = [sys.executable, "-m", "bot.cli", "import", "teams", str(path)]
    leader, follower = pty.openpty()
    subprocess.run(command, env=env, stdout=follower, stderr=follower, check=True, timeout=120)
    os.close(follower)
    on_terminal = os.read(leader, 65536).decode()
    os.close(leader)
    piped = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)

    assert "Checking and writing rows" in on_terminal
    assert "Checking and writing rows" not in piped.stdout + piped.stderr
    assert piped.stdout.startswith("Imported teams from")


# --- large files ------------------------------------------------------------------------------


def test_a_file_larger_than_one_write_batch_stores_every_order_with_its_history_and_audit(
    seeded, db
):
    rows = [
        f"SO-{i:05d},C-{1001 if i % 2 else 2001},{'shipped' if i % 3 else '生产中'},"
        f"{i}.50,{'usd' if i % 5 == 0 else ''},2024/03/{1 + i % 28},,"
        f"{'2024-04-02' if i % 7 == 0 else ''},,{'加急' if i % 4 == 0 else ''}"
        for i in range(12_001)
    ]

    run = seeded.import_rows("orders", *rows)

    path = seeded.folder / "orders.csv"
    assert run.lines == [
        f"Imported orders from {path}: 12,001 created, 0 updated, 0 unchanged, 0 rejected."
    ]
    orders = {order.number: order for order in stored(db, SalesOrder)}
    assert len(orders) == 12_001
    last = orders["SO-12000"]
    assert (last.status, last.amount, last.currency, last.ordered_on, last.shipped_on) == (
        "in_production",
        Decimal("12000.50"),
        "USD",
        date(2024, 3, 17),
        None,
    )
    assert (last.note, last.rep_id, last.urgent) == ("加急", orders["SO-00002"].rep_id, False)
    assert orders["SO-00007"].shipped_on == date(2024, 4, 2)
    history = {step.order_id: step for step in stored(db, OrderStatusChange)}
    assert {order.id: order.status for order in orders.values()} == {
        order_id: step.to_status for order_id, step in history.items()
    }
    audited = {entry.entity_key: entry.after for entry in audit_of(db, "order")}
    assert audited.keys() == orders.keys()
    assert audited["SO-00007"]["shipped_on"] == "2024-04-02"
    again = seeded.import_rows("orders", *rows)
    assert again.lines == [
        f"Imported orders from {path}: 0 created, 0 updated, 12,001 unchanged, 0 rejected."
    ]


def test_after_an_import_the_database_has_statistics_for_the_tables_it_filled(seeded, db):
    seeded.import_rows("orders", "1234,C-1001,confirmed,100,,,,,,")

    filled = ("sales_order", "order_status_change", "audit_entry")
    with db.session() as session:
        if db.engine.dialect.name == "sqlite":
            analysed = session.exec(text("SELECT DISTINCT tbl FROM sqlite_stat1")).all()
            assert set(filled) <= {name for (name,) in analysed}
        else:
            counts = session.exec(
                text("SELECT relname, reltuples FROM pg_class WHERE relname IN :names").bindparams(
                    bindparam("names", expanding=True)
                ),
                params={"names": filled},
            ).all()
            assert {name: rows for name, rows in counts} == {
                "sales_order": 1,
                "order_status_change": 1,
                "audit_entry": len(stored(db, AuditEntry)),
            }


def _orders_of_several_batches() -> list[str]:
    """25,001 rows (lines 2 to 25,002), checked and written in three batches: line 12,347 has a
    bad amount, and the last line repeats the number of line 5, two batches earlier."""
    rows = [
        f"SO-{i:05d},C-{1001 if i % 2 else 2001},{'shipped' if i % 3 else '已确认'},"
        f"{'ten' if i == 12_345 else f'{i}.25'},,2024-05-{1 + i % 28:02d},,,,"
        for i in range(25_000)
    ]
    return [*rows, "SO-00003,C-1001,received,1,,,,,,"]


def _indexes_of(db, table: str) -> list[str]:
    return sorted(index["name"] for index in inspect(db.engine).get_indexes(table))


def test_a_file_of_several_batches_is_checked_as_one_and_imported_once(seeded, db):
    indexes = _indexes_of(db, "sales_order")

    run = seeded.import_rows("orders", *_orders_of_several_batches())

    path = seeded.folder / "orders.csv"
    assert run.lines == [
        f"Imported orders from {path}: 24,999 created, 0 updated, 0 unchanged, 2 rejected.",
        "line 12347: 'ten' is not an amount: use 0 or more with at most 2 decimals, like "
        "1234.50 or 1,234.50",
        "line 25002: number 'SO-00003' already appears on line 5",
        "The other rows were imported. Fix the rejected lines and import the file again: rows "
        "already imported are left as they are.",
    ]
    orders = {order.number: order for order in stored(db, SalesOrder)}
    assert len(orders) == 24_999 and "SO-12345" not in orders
    assert (orders["SO-00003"].status, orders["SO-00003"].amount) == ("confirmed", Decimal("3.25"))
    assert (orders["SO-24999"].status, orders["SO-24999"].ordered_on) == (
        "confirmed",
        date(2024, 5, 24),
    )
    history = stored(db, OrderStatusChange)
    assert sorted(step.order_id for step in history) == sorted(o.id for o in orders.values())
    assert len(audit_of(db, "order")) == 24_999
    assert _indexes_of(db, "sales_order") == indexes
    again = seeded.import_rows("orders", *_orders_of_several_batches())
    assert again.lines[0] == (
        f"Imported orders from {path}: 0 created, 0 updated, 24,999 unchanged, 2 rejected."
    )
    assert len(stored(db, OrderStatusChange)) == len(audit_of(db, "order")) == 24_999


class _Interrupted(KeyboardInterrupt):
    pass


class _CtrlCAfterOneBatch:
    """The operator presses Ctrl-C once the first batch of rows is written."""

    def stage(self, name: str, total: int | None) -> None:
        pass

    def advance(self, rows: int) -> None:
        raise _Interrupted


def test_an_import_interrupted_after_a_batch_leaves_nothing_behind(seeded, db):
    indexes = _indexes_of(db, "sales_order")
    path = seeded.file("orders.csv", "\n".join((HEADERS["orders"], *_orders_of_several_batches())))

    with pytest.raises(_Interrupted):
        import_csv(db, "orders", path, progress=_CtrlCAfterOneBatch())

    assert stored(db, SalesOrder) == stored(db, OrderStatusChange) == audit_of(db, "order") == []
    assert _indexes_of(db, "sales_order") == indexes
    report = import_csv(db, "orders", path)
    assert (report.created, len(report.rejected)) == (24_999, 2)
