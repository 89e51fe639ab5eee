"""The activity report (活动), every figure against numbers worked out by hand below. Teams,
people, customers and orders are loaded with `salesdesk import`; visits are logged with `/visit`
over signed HTTP (back-dated with "时间:" as reps do); November's samples are written as
`/sample` stores them (a request cannot be back-dated through Slack: it is made "now"), and
one request goes through `/sample` itself for the current month. On SQLite and PostgreSQL.

Team 华东 East (Asia/Shanghai; cadence A 30 days, B 60 — the defaults), reps 王芳, 陈杰 and
李娜, manager 周敏; team West, rep Tom, whose records must never show in East's reports.
November 2026 on Shanghai's clock: it closes at 2026-12-01 00:00 +08.

Visits (Shanghai time):
- 王芳 E-001 visit 11-05 10:00 effective; 王芳 E-001 call 11-20 15:00 not effective;
- 陈杰 E-002 wechat 10-05 10:00 (October); 陈杰 E-003 email 11-30 23:30 (November on
  Shanghai's clock); 陈杰 E-003 call 12-01 00:30 (December there, though 11-30 in UTC);
- 王芳 E-004 meeting 09-15 10:00; Tom W-001 visit 11-10 (West).
November: 王芳 2 (1 visit, 1 call, 1 effective, 50.0 %), 陈杰 1 (email, 100 %), 李娜 0;
3 visits, 2 effective (66.7 %), 2 customers contacted. October 1, 1, 100 %, 1 customer.

Coverage at November's close (A: last contact on or after 11-01 00:00; B: after 10-02 00:00;
C: contacted in November):
- A: E-001 (11-20) covered; E-004 (09-15: 76 days at the close) not; E-007 (never) not;
- B: E-002 (10-05) covered; C: E-003 (11-30) covered, E-005 (never) not; E-006 is tier D.
A 1 of 3 (33.3 %), B 1 of 1, C 1 of 2 (50.0 %), all 3 of 6; key accounts 2 of 4 = 50.0 %.
October's close: only E-002 → 1 of 4 = 25.0 %; November 2025: 0 of 4.

Samples (a 90-day window; conversion over the requests not rejected):
- S1 王芳 E-001 11-03: E-001 ordered 11-10 (SO-3) → converted after 7 days;
- S2 王芳 E-004 11-12: E-004 ordered 11-11 (before) and 11-20 (cancelled) → not converted;
- S3 陈杰 E-002 11-25, rejected: E-002's order 11-26 does not count;
- S4 陈杰 E-003 10-20 (October): E-003 ordered 11-02 → converted;
- S5 Tom W-001 11-05 (West); S6 王芳 E-001 at 11-30 17:00 UTC = 12-01 01:00 Shanghai
  (December); S8 陈杰 E-003 2025-11-10, no order within 90 days.
November 3 requested, 1 converted, 1 of 2 = 50.0 %; October 1, 1, 100 %; a year ago 1, 0, 0 %.
"""

from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from commands.errors import Forbidden
from commands.reports import KINDS, build_report
from commands.reports.model import MONTH, ReportPeriod
from commands.reports.scope import operator_scope, report_scope
from harness import RunningDesk
from helpers import actor, count, customer_id, import_files, member_id
from storage.models import SampleRequest, Visit

ADMIN = "UADMIN001"
MANAGER = "UMGRE0001"
WANG, CHEN, LI = "UREPE0001", "UREPE0002", "UREPE0003"
WEST_MANAGER, TOM = "UMGRW0001", "UREPW0001"
SHANGHAI = ZoneInfo("Asia/Shanghai")
D = Decimal

FILES = {
    "teams": "name,slack_channel_id,timezone,digest_time,manager_slack_id\n"
    f"华东 East,C0EAST001,Asia/Shanghai,08:30,{MANAGER}\n"
    f"West,C0WEST001,Asia/Shanghai,08:30,{WEST_MANAGER}\n",
    "members": "slack_user_id,name,role,team,manager_slack_id,timezone,locale\n"
    f"{ADMIN},Alex Admin,admin,,,Asia/Shanghai,en\n"
    f"{MANAGER},周敏,manager,华东 East,,Asia/Shanghai,zh-CN\n"
    f"{WANG},王芳,rep,华东 East,{MANAGER},Asia/Shanghai,zh-CN\n"
    f"{CHEN},陈杰,rep,华东 East,{MANAGER},Asia/Shanghai,zh-CN\n"
    f"{LI},李娜,rep,华东 East,{MANAGER},Asia/Shanghai,zh-CN\n"
    f"{WEST_MANAGER},Wendy,manager,West,,Asia/Shanghai,en\n"
    f"{TOM},Tom,rep,West,{WEST_MANAGER},Asia/Shanghai,en\n",
    "customers": "code,name,owner_slack_id,tier,region\n"
    f"E-001,上海华瑞机电有限公司,{WANG},A,上海\n"
    f'E-002,=HYPERLINK("http://x"),{CHEN},B,浙江\n'
    f"E-003,苏州恒信精密制造厂,{CHEN},C,江苏\n"
    f"E-004,宁波远东五金,{WANG},A,浙江\n"
    f"E-005,无锡新达,{LI},C,江苏\n"
    f"E-006,常州小件,{LI},D,江苏\n"
    f"E-007,杭州恒通,{LI},A,浙江\n"
    f"W-001,Western Goods,{TOM},A,West\n",
    "orders": "number,customer_code,status,amount,currency,ordered_on\n"
    "SO-3,E-001,confirmed,50000.00,CNY,2026-11-10\n"
    "SO-7,E-002,confirmed,8000.00,CNY,2026-11-26\n"
    "SO-8,E-003,shipped,5000.00,CNY,2026-11-02\n"
    "SO-10,E-004,confirmed,3000.00,CNY,2026-11-11\n"
    "SO-11,E-004,cancelled,4000.00,CNY,2026-11-20\n"
    "SO-9,W-001,confirmed,7000.00,CNY,2026-11-06\n",
}
VISITS = [  # who logs it, the one line they type
    (WANG, "E-001; 拜访; 看了新产线; 时间:2026-11-05 10:00"),
    (WANG, "E-001; 电话; 客户没空; 无效; 时间:2026-11-20 15:00"),
    (CHEN, "E-002; 微信; 发了报价; 时间:2026-10-05 10:00"),
    (CHEN, "E-003; 邮件; 寄了目录; 时间:2026-11-30 23:30"),
    (CHEN, "E-003; 电话; 确认收到; 时间:2026-12-01 00:30"),
    (WANG, "E-004; 会议; 年度回顾; 时间:2026-09-15 10:00"),
    (TOM, "W-001; visit; walked the plant; when: 2026-11-10 10:00"),
]
SAMPLES = [  # rep, customer, product, requested at (UTC), status
    (WANG, "E-001", "螺栓M8", "2026-11-03T02:00", "delivered"),
    (WANG, "E-004", "垫片", "2026-11-12T02:00", "approved"),
    (CHEN, "E-002", "样品X", "2026-11-25T02:00", "rejected"),
    (CHEN, "E-003", "样品Y", "2026-10-20T02:00", "feedback"),
    (TOM, "W-001", "Widget", "2026-11-05T02:00", "approved"),
    (WANG, "E-001", "螺栓M10", "2026-11-30T17:00", "requested"),
    (CHEN, "E-003", "样品Z", "2025-11-10T02:00", "shipped"),
]
NOVEMBER = ReportPeriod.of("2026-11")


@pytest.fixture
def desk(db, database_url, monkeypatch, tmp_path, slack):
    import_files(database_url, monkeypatch, tmp_path, FILES)
    with RunningDesk(db, slack) as running:
        yield running


@pytest.fixture
def logged(desk, db):
    """The visits logged through /visit; the samples as /sample would have stored them."""
    for user, line in VISITS:
        reply = desk.command("/visit", line, user)
        assert reply.status == 200
    assert count(db, Visit) == len(VISITS)
    with db.session() as session:
        for rep, code, product, moment, status in SAMPLES:
            requested = datetime.fromisoformat(moment).replace(tzinfo=UTC)
            session.add(
                SampleRequest(
                    rep_id=member_id(db, rep),
                    customer_id=customer_id(db, code),
                    product=product,
                    quantity=D(10),
                    status=status,
                    created_at=requested,
                    updated_at=requested,
                )
            )
    return db


def build(db, scope_of, period=NOVEMBER):
    with db.session() as session:
        return build_report(session, "activity", scope_of(session), period)


def east(session):
    return operator_scope(session, "华东 East")


def figures(report) -> dict:
    return {f.key: (f.value, f.previous, f.last_year) for f in report.figures}


def table(report, key: str):
    found = next(t for t in report.tables if t.key == key)
    return [list(row) for row in found.rows], found


def test_activity_is_a_report_kind():
    assert "activity" in KINDS


def test_visits_of_a_team_by_hand(logged):
    report = build(logged, east)
    assert report.kind == "activity" and report.scope == "华东 East"
    got = figures(report)
    assert got["visits"] == (3, 1, 0)
    assert got["effective_visits"] == (2, 1, 0)
    assert got["effective_rate"] == (D("0.667"), D("1.000"), None)
    assert got["customers_contacted"] == (2, 1, 0)
    rows, visits = table(report, "visits_by_rep")
    assert [c.key for c in visits.columns] == [
        "rep",
        "visits",
        "channel_visit",
        "channel_call",
        "channel_wechat",
        "channel_email",
        "channel_meeting",
        "effective",
        "effective_rate",
    ]
    assert rows == [
        ["王芳", 2, 1, 1, 0, 0, 0, 1, D("0.500")],
        ["陈杰", 1, 0, 0, 0, 1, 0, 1, D("1.000")],
        ["李娜", 0, 0, 0, 0, 0, 0, 0, None],
    ]
    assert visits.total == [None, 3, 1, 1, 0, 1, 0, 2, D("0.667")]


def test_coverage_of_a_team_by_hand(logged):
    report = build(logged, east)
    assert figures(report)["key_coverage"] == (D("0.500"), D("0.250"), D("0.000"))
    rows, coverage = table(report, "coverage")
    assert rows == [
        ["A", 30, 3, 1, D("0.333")],
        ["B", 60, 1, 1, D("1.000")],
        ["C", None, 2, 1, D("0.500")],
    ]
    assert coverage.total == [None, None, 6, 3, D("0.500")]
    off, _ = table(report, "off_cadence")
    assert off == [
        ["杭州恒通", "A", "李娜", 30, None, None],
        ["宁波远东五金", "A", "王芳", 30, date(2026, 9, 15), 76],
    ]
    assert ("report.note.activity_rules", {"window": 90}) in report.notes


def test_samples_of_a_team_by_hand(logged):
    report = build(logged, east)
    got = figures(report)
    assert got["samples_requested"] == (3, 1, 1)
    assert got["samples_converted"] == (1, 1, 0)
    assert got["sample_conversion"] == (D("0.500"), D("1.000"), D("0.000"))
    by_rep, by_rep_table = table(report, "samples_by_rep")
    assert by_rep == [["王芳", 2, 0, 1, D("0.500")], ["陈杰", 1, 1, 0, None]]
    assert by_rep_table.total == [None, 3, 1, 1, D("0.500")]
    listed, _ = table(report, "samples")
    assert listed == [
        [
            date(2026, 11, 3),
            "上海华瑞机电有限公司",
            "螺栓M8",
            "王芳",
            "sample.status.delivered",  # in each reader's words (a catalog key)
            date(2026, 11, 10),
            7,
        ],
        [date(2026, 11, 12), "宁波远东五金", "垫片", "王芳", "sample.status.approved", None, None],
        [
            date(2026, 11, 25),
            '=HYPERLINK("http://x")',
            "样品X",
            "陈杰",
            "sample.status.rejected",
            None,
            None,
        ],
    ]


def test_a_reps_activity_is_their_own_only(logged):
    def chen(session):
        return report_scope(session, actor(logged, CHEN), None)

    report = build(logged, chen)
    got = figures(report)
    assert got["visits"][0] == 1 and got["samples_requested"][0] == 1
    assert got["key_coverage"][0] == D("1.000")  # E-002 only
    assert [row[0] for row in table(report, "visits_by_rep")[0]] == ["陈杰"]
    coverage, _ = table(report, "coverage")
    assert [row[2] for row in coverage] == [0, 1, 1]
    assert [row[3] for row in table(report, "samples")[0]] == ["陈杰"]

    with logged.session() as session, pytest.raises(Forbidden):
        report_scope(session, actor(logged, CHEN), f"<@{WANG}>")


def test_a_managers_team_report_never_holds_another_teams(logged):
    def manager(session):
        return report_scope(session, actor(logged, MANAGER), None)

    report = build(logged, manager)
    assert figures(report)["visits"][0] == 3
    shown = repr([list(t.rows) for t in report.tables])
    assert "Tom" not in shown and "Western" not in shown and "Widget" not in shown


def test_the_company_holds_every_team(logged):
    def company(session):
        return report_scope(session, actor(logged, ADMIN), "company")

    report = build(logged, company)
    got = figures(report)
    # The company's clock is UTC here: 陈杰's call at 12-01 00:30 Shanghai and the request
    # at 11-30 17:00 UTC are November's; Tom's visit and request count too.
    assert got["visits"][0] == 5
    assert got["samples_requested"][0] == 5
    assert got["key_coverage"][0] == D("0.600")  # W-001 visited 11-10: 3 of 5
    assert "Tom" in [row[0] for row in table(report, "visits_by_rep")[0]]


def test_an_empty_period_says_so(logged):
    report = build(logged, east, ReportPeriod.of("2025-03"))
    got = figures(report)
    assert got["visits"][0] == 0 and got["effective_rate"][0] is None
    assert got["samples_requested"][0] == 0 and got["sample_conversion"][0] is None
    assert ("report.note.no_activity", {}) in report.notes
    assert not table(report, "samples")[0]
    assert table(report, "samples_by_rep")[1].total is None


def test_a_sample_asked_through_slack_and_the_order_after_it(
    desk, db, database_url, monkeypatch, tmp_path
):
    """/sample today, then the customer's order imported for today: converted the same day."""
    reply = desk.command("/sample", "E-003；样品Z；10个；试产", CHEN)
    assert reply.status == 200
    today = datetime.now(SHANGHAI).date()
    order = "number,customer_code,status,amount,currency,ordered_on\n"
    order += f"SO-20,E-003,confirmed,900,CNY,{today}\n"
    import_files(database_url, monkeypatch, tmp_path, {"orders": order})

    def chen(session):
        return report_scope(session, actor(db, CHEN), None)

    report = build(db, chen, ReportPeriod.containing(today, MONTH))
    got = figures(report)
    assert (got["samples_requested"][0], got["samples_converted"][0]) == (1, 1)
    assert got["sample_conversion"][0] == D("1.000")
    [line], _ = table(report, "samples")
    assert line[1:] == ["苏州恒信精密制造厂", "样品Z", "陈杰", "sample.status.requested", today, 0]


@pytest.mark.parametrize("locale", ["en", "zh-CN"])
def test_the_report_reads_in_both_languages_and_writes_a_workbook(logged, locale, tmp_path):
    """Every label the report uses is in the catalog in both languages (a missing key would
    raise), and the workbook holds a sheet per table."""
    from openpyxl import load_workbook

    from bot.i18n import t
    from commands.reports.files.text import report_text
    from commands.reports.files.xlsx import write_xlsx

    def label(key: str, params: dict) -> str:
        return t(locale, key, **params)

    report = build(logged, east)
    text = report_text(report, label)
    assert ("拜访与联系" if locale == "zh-CN" else "Visits and contacts") in text
    path = tmp_path / "activity.xlsx"
    write_xlsx(build(logged, east), label, str(path))
    assert len(load_workbook(path).sheetnames) == 1 + len(report.tables)
