"""Commands typed the way people type them: full-width letters and digits and the ideographic
space of a Chinese keyboard, verbs glued to numbers, a full stop at the end, references after a
payment's day, quotes around a team's name (Slack's autocorrect makes them curly) and mentions
instead of user ids; driven over signed HTTP the way Slack sends it, against a team loaded from
its own CSV files."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from bot.cli import main
from bot.i18n import day as formatted_day
from commands.team_settings import settings_of
from commands.when import warm_up
from harness import RunningDesk, visible_text
from storage.imports import import_csv
from storage.models import AuditEntry, Invoice, Payment, Team

ADMIN = "UADMIN0001"  # English, no team
MANAGER_EAST = "UMGR00001"  # 周敏 Zhou Min, Chinese
DESK_EAST = "UDESK0001"  # 李娜 Li Na, Chinese, Shanghai
REP_EAST = "UREP00001"  # 王芳 Wang Fang, owns C-1001
DESK_EXPORT = "UDESK0002"  # Tom Baker, English, London
REP_EXPORT = "UREP00003"  # Emma Davis, owns C-2001
LEGAL = "ULEGAL0001"  # Liu Lawyer, desk in 华南 South
TODAY = date.today()


def day(offset: int) -> str:
    return (TODAY + timedelta(days=offset)).isoformat()


FILES = {
    "teams": """\
name,slack_channel_id,timezone,digest_time,manager_slack_id
East 华东,C0EAST0001,Asia/Shanghai,08:30,UMGR00001
华南 South,C0SOUTH001,Asia/Shanghai,08:30,
Export,C0EXPORT01,Europe/London,09:00,UMGR00002
""",
    "members": """\
slack_user_id,name,role,team,manager_slack_id,timezone,locale,email
UADMIN0001,Alex Admin,admin,,,,en,
ULEGAL0001,Liu Lawyer,desk,华南 South,,,en,
UMGR00001,周敏 Zhou Min,manager,East 华东,,Asia/Shanghai,zh-CN,
UDESK0001,李娜 Li Na,desk,East 华东,UMGR00001,Asia/Shanghai,zh-CN,
UREP00001,王芳 Wang Fang,rep,East 华东,UMGR00001,Asia/Shanghai,zh-CN,
UMGR00002,Sarah Miller,manager,Export,,Europe/London,en,
UDESK0002,Tom Baker,desk,Export,UMGR00002,Europe/London,en,
UREP00003,Emma Davis,rep,Export,UMGR00002,Europe/London,en,
""",
    "customers": """\
code,name,owner_slack_id,tier,region
C-1001,上海华联机械有限公司,UREP00001,A,上海
C-2001,"Pacific Rim Trading Co., Ltd.",UREP00003,B,Hong Kong
""",
    "orders": f"""\
number,customer_code,status,amount,currency,ordered_on,promised_ship_on,shipped_on
1234,C-1001,in_production,"128,000.00",CNY,{day(-30)},{day(-5)},
SO-2026-1101,C-1001,confirmed,"1,280,000.00",RMB,{day(-3)},{day(25)},
EX-501,C-2001,shipped,"18,500",USD,{day(-40)},{day(-12)},{day(-10)}
""",
    "invoices": f"""\
number,order_number,customer_code,amount,currency,issued_on,due_on
INV-1,1234,,"5,000.00",,{day(-10)},{day(20)}
INV-2024-001,EX-501,,"10,000",,{day(-20)},{day(10)}
""",
}


@pytest.fixture
def team_db(db, tmp_path):
    """The team's records, imported from its CSV files the way an operator imports them."""
    for kind, content in FILES.items():
        path = tmp_path / f"{kind}.csv"
        path.write_text(content, encoding="utf-8-sig")
        report = import_csv(db, kind, path)
        assert not report.rejected, (kind, report.rejected)
    return db


@pytest.fixture
def desk(team_db, slack):
    """The desk as it serves: its date reader loaded at start, not in a user's three seconds."""
    warm_up()
    with RunningDesk(team_db, slack) as running:
        yield running


def said(reply) -> str:
    assert reply.status == 200
    return reply.text()


def payments(db, number: str) -> list[tuple[str, str | None]]:
    """Each payment on invoice `number` as (amount, reference), first recorded first."""
    with db.session() as session:
        rows = session.exec(
            select(Payment)
            .join(Invoice, Invoice.id == Payment.invoice_id)
            .where(Invoice.number == number)
            .order_by(Payment.id)
        ).all()
        return [(str(payment.amount), payment.reference) for payment in rows]


def team_settings(db, name: str):
    with db.session() as session:
        return settings_of(session.exec(select(Team).where(Team.name == name)).one())


def audit_count(db) -> int:
    with db.session() as session:
        return len(session.exec(select(AuditEntry)).all())


def yesterday_in(zone: str) -> date:
    return datetime.now(ZoneInfo(zone)).date() - timedelta(days=1)


# -- 1. full-width characters, the ideographic space, and numbers as people write them ----------


@pytest.mark.parametrize(
    "typed",
    [
        "ｓｔａｔｕｓ　１２３４",
        "status １２３４",
        "  status 　 1234  ",
        "状态1234",
        "状态 1234",
        "1234号",
        "#1234",
        "＃１２３４",
        "1234.",
        "1234。",
        "status 1234。",
    ],
)
def test_an_order_number_is_read_however_a_chinese_keyboard_types_it(desk, typed):
    text = said(desk.command("/order", typed, DESK_EAST))
    assert "订单 1234 · 上海华联机械有限公司" in text


@pytest.mark.parametrize(
    "typed", ["status SO-2026-1101", "ＳＯ－２０２６－１１０１", "SO-2026-1101。"]
)
def test_an_order_number_with_letters_and_dashes_is_read_the_same_way(desk, typed):
    text = said(desk.command("/order", typed, ADMIN))
    assert "Order SO-2026-1101 · 上海华联机械有限公司" in text


@pytest.mark.parametrize("typed", ["列表　逾期", "列表逾期", "ｌｉｓｔ　ｌａｔｅ"])
def test_a_list_typed_with_an_ideographic_space_or_none_is_the_list_asked_for(desk, typed):
    text = said(desk.command("/order", typed, DESK_EAST))
    assert "1234" in text and "SO-2026-1101" not in text


def test_an_update_typed_in_full_width_moves_the_order(desk, team_db):
    text = said(desk.command("/order", "更新１２３４　待发货　物料已到", DESK_EAST))
    assert "已从生产/采购中改为待发货" in text
    card = said(desk.command("/order", "1234", ADMIN))
    assert "Ready to ship" in card and "物料已到" in card


def test_every_command_reads_full_width_text(desk):
    """The text is made plain before any listener reads it, so /receivable benefits too."""
    text = said(desk.command("/receivable", "ｌｉｓｔ　ｍｉｎｅ", REP_EXPORT))
    assert "INV-2024-001" in text


# -- 2. a payment's day, then its reference -------------------------------------------------------


def test_the_readme_example_keeps_its_reference_and_a_second_reference_is_a_second_payment(
    desk, team_db
):
    first = said(desk.command("/receivable", "付款 INV-1 77 昨天 TT20241120", DESK_EAST))
    assert "参考号 TT20241120" in first
    second = said(desk.command("/receivable", "付款 INV-1 77 昨天 TT20241121", DESK_EAST))
    assert "参考号 TT20241121" in second
    assert payments(team_db, "INV-1") == [("77.00", "TT20241120"), ("77.00", "TT20241121")]
    with team_db.session() as session:
        days = session.exec(select(Payment.paid_on)).all()
    assert days == [yesterday_in("Asia/Shanghai")] * 2


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("pay INV-2024-001 5,000 yesterday TT20241120", ("5000.00", "TT20241120")),
        ("pay INV-2024-001 5,000 yesterday 20241120", ("5000.00", "20241120")),
        ("pay INV-2024-001 5,000 TT20241120", ("5000.00", "TT20241120")),
        ("pay INV-2024-001 all", ("10000.00", None)),
    ],
)
def test_an_english_payment_keeps_its_reference(desk, team_db, typed, stored):
    said(desk.command("/receivable", typed, DESK_EXPORT))
    assert payments(team_db, "INV-2024-001") == [stored]


def test_a_chinese_payment_in_full_on_a_day_keeps_a_labelled_reference(desk, team_db):
    typed = f"付款 INV-1 全额 {day(-2)} 转账单号123"
    text = said(desk.command("/receivable", typed, DESK_EAST))
    assert "参考号 123" in text
    assert payments(team_db, "INV-1") == [("5000.00", "123")]
    with team_db.session() as session:
        assert session.exec(select(Payment.paid_on)).one().isoformat() == day(-2)


def test_a_payment_s_time_of_day_is_part_of_its_day_not_its_reference(desk, team_db):
    said(desk.command("/receivable", "pay INV-2024-001 100 yesterday 3pm TT-9", DESK_EXPORT))
    assert payments(team_db, "INV-2024-001") == [("100.00", "TT-9")]


# -- 3. a bare invoice number -----------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["INV-2024-001", "inv-2024-001", "ＩＮＶ－２０２４－００１", "INV-2024-001。"]
)
def test_a_bare_invoice_number_shows_the_invoice(desk, typed):
    text = said(desk.command("/receivable", typed, REP_EXPORT))
    assert "Invoice INV-2024-001" in text
    assert "Pacific Rim Trading" in text


def test_a_bare_invoice_number_one_may_not_see_is_a_customer_query_as_before(desk):
    hidden = said(desk.command("/receivable", "INV-2024-001", REP_EAST))
    missing = said(desk.command("/receivable", "INV-9999", REP_EAST))
    assert "Pacific Rim" not in hidden
    assert hidden.replace("INV-2024-001", "N") == missing.replace("INV-9999", "N")


# -- 4. /desk set: the team as people name it, mentions, languages ------------------------------


@pytest.mark.parametrize(
    "team",
    [
        '"East 华东"',
        "“East 华东”",
        "‘East 华东’",
        "'East 华东'",
        "East 华东",
        "east",
        "华东",
        "EAST 华东",
    ],
)
def test_desk_set_finds_the_team_however_it_is_named(desk, team_db, team):
    text = said(desk.command("/desk", f"set {team} digest_time=07:15", ADMIN))
    assert "Saved. East 华东 now has: digest_time=07:15." in text
    assert team_settings(team_db, "East 华东").digest_time == "07:15"


def test_desk_set_names_the_teams_a_name_could_mean_and_changes_nothing(desk, team_db):
    before = audit_count(team_db)
    text = said(desk.command("/desk", "set 华 digest_time=07:15", ADMIN))
    assert "“华” could be East 华东 / 华南 South" in text
    assert "Nothing was changed" in text
    assert audit_count(team_db) == before
    chinese = said(desk.command("/desk", "set 华 digest_time=07:15", MANAGER_EAST))
    assert "只有管理员" in chinese


def test_desk_set_tells_of_a_team_no_name_matches(desk):
    text = said(desk.command("/desk", "set Nowhere digest_time=07:15", ADMIN))
    assert "There is no team called “Nowhere”" in text


@pytest.mark.parametrize(
    "typed",
    [
        f"legal_reviewers=<@{LEGAL}>,<@{DESK_EAST}|lina>",
        f"legal_reviewers=<@{LEGAL}>, <@{DESK_EAST}|lina>",
        f"legal_reviewers={LEGAL}, {DESK_EAST}",
    ],
)
def test_legal_reviewers_are_read_from_mentions_and_ids(desk, team_db, typed):
    said(desk.command("/desk", f"set east {typed}", ADMIN))
    assert team_settings(team_db, "East 华东").legal_reviewer_ids == (LEGAL, DESK_EAST)


@pytest.mark.parametrize(
    ("typed", "named"),
    [("UNOBODY01", "UNOBODY01"), ("<@UNOBODY01|ghost>", "@ghost"), ("<@UNOBODY01>", "UNOBODY01")],
)
def test_a_legal_reviewer_who_is_not_a_member_is_refused_by_name(desk, team_db, typed, named):
    before = audit_count(team_db)
    text = said(desk.command("/desk", f"set east legal_reviewers={LEGAL},{typed}", ADMIN))
    assert f"{named} is not a member of Sales Desk" in text
    assert team_settings(team_db, "East 华东").legal_reviewer_ids == ()
    assert audit_count(team_db) == before


@pytest.mark.parametrize(
    ("typed", "stored"), [("en-US", "en"), ("zh-HK", "zh-CN"), ("zh_CN", "zh-CN")]
)
def test_a_team_s_language_is_read_from_any_english_or_chinese_locale(desk, team_db, typed, stored):
    text = said(desk.command("/desk", f"set Export locale={typed}", ADMIN))
    assert f"Saved. Export now has: locale={stored}." in text
    assert team_settings(team_db, "Export").locale == stored


def test_a_language_we_do_not_speak_is_refused(desk, team_db):
    text = said(desk.command("/desk", "set Export locale=ja-JP", ADMIN))
    assert "“ja-JP” is not a language I speak" in text


# -- 5. wording ---------------------------------------------------------------------------------


def test_a_shipped_order_says_when_it_shipped_not_when_it_ships(desk):
    shipped_on = formatted_day(TODAY + timedelta(days=-10), "en")
    [line] = [
        line
        for line in said(desk.command("/order", "list", ADMIN)).splitlines()
        if "EX-501" in line
    ]
    assert line.endswith(f"shipped {shipped_on}") and "ships" not in line
    chinese = said(desk.command("/order", "list", MANAGER_EAST))
    assert "计划发货" in chinese and "已于" not in chinese


def test_a_name_ending_in_a_full_stop_ends_the_sentence_once(desk):
    said(
        desk.command("/sample", "C-2001; M8 bolts 304; 200; trial run; by next Friday", REP_EXPORT)
    )
    [dm] = desk.slack.wait_for(
        "chat.postMessage", where=lambda call: call.args["channel"] == "UMGR00002"
    )
    text = visible_text(dm.args)
    assert "asks for a sample for Pacific Rim Trading Co., Ltd. Approve or reject it below." in text
    assert ".." not in text


def test_the_chinese_weekly_review_uses_the_chinese_colon(team_db, slack, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", team_db.url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-jobs")
    monkeypatch.setenv("SLACK_API_URL", slack.api_url)
    for name in ("SALESDESK_LOCALE", "SALESDESK_TIMEZONE", "SALESDESK_ADMINS"):
        monkeypatch.delenv(name, raising=False)
    main(["jobs", "run", "weekly-report", "--at", "2026-11-23T09:00+08:00"])
    [review] = [c for c in slack.calls_to("chat.postMessage") if c.args["channel"] == MANAGER_EAST]
    text = visible_text(review.args)
    assert "王芳 Wang Fang：" in text and "王芳 Wang Fang:" not in text
