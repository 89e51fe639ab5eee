"""The funnel in the manager's weekly review: for the month the week ends in, the open
opportunities closing in it per stage with their amounts in the team's reporting currency,
conversion lead → qualified → converted and opportunity → won, and the weighted forecast for
the month and quarter, as `/pipeline MONTH` counts them; a team with no leads and no
opportunities shows no funnel. Teams, people, customers, leads and the month's rate come with
`salesdesk import`, deals with `/deal new`, and the review is the real job, delivered through
the Slack stand-in, on SQLite and PostgreSQL.

The review is run for a week that ends in this month (the deals can only close from today on):
this week when its Sunday is still in this month, else last week.

East (CNY): 王芳 a proposal of ¥100,000 closing at the month's end (50 %: ¥50,000) and a
qualification of ¥40,000 for next year (neither this month nor quarter); 陈杰 needs $20,000
closing at the month's end (× 7 = ¥140,000; 25 %: $5,000 = ¥35,000) and one won. Forecast
¥85,000 for the month and the quarter. Three leads imported, one qualified."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import col, select

from harness import RunningDesk
from helpers import import_files, message_text
from jobs.runner import JobRunner
from storage.models import Lead, Opportunity
from test_target_jobs import delivered

SHANGHAI = ZoneInfo("Asia/Shanghai")
ZHOU = "U0MGRZHOU"  # 周敏, East's manager, reads Chinese
MIKE = "U0MGRMIKE"  # Mike Ross, East's other manager, reads English
WANG = "U0REPWANG"
CHEN = "U0REPCHEN"
TEAMS = "name,slack_channel_id,timezone\n华东 East,C0EAST0001,Asia/Shanghai\n"
MEMBERS = (
    "slack_user_id,name,role,team,locale\n"
    f"{ZHOU},周敏,manager,华东 East,zh-CN\n"
    f"{MIKE},Mike Ross,manager,华东 East,en\n"
    f"{WANG},王芳,rep,华东 East,zh-CN\n"
    f"{CHEN},陈杰,rep,华东 East,zh-CN\n"
)
CUSTOMERS = (
    f"code,name,owner_slack_id\nC-1001,上海华联贸易有限公司,{WANG}\nC-1002,杭州明达电子,{CHEN}\n"
)
LEADS = (
    "company,contact_name,phone,source\n"
    "宁波东海阀门,陈晨,13900001111,website\n"
    "苏州精工,李四,13755556666,展会\n"
    "Brightwater Foods Ltd,Sam Lee,+44 20 7946 0018,referral\n"
)


def today() -> date:
    return datetime.now(SHANGHAI).date()


def month_end(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def review_monday() -> date:
    """The Monday the review is sent on: after a week whose Sunday is in this month."""
    now = today()
    this_monday = now - timedelta(days=now.weekday())
    sunday = this_monday + timedelta(days=6)
    return this_monday + timedelta(days=7) if sunday.month == now.month else this_monday


def quarter_of(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


@pytest.fixture
def files():
    return {
        "teams": TEAMS,
        "members": MEMBERS,
        "customers": CUSTOMERS,
        "leads": LEADS,
        "rates": f"month,currency,to_currency,rate\n{today():%Y-%m},USD,CNY,7\n",
    }


@pytest.fixture
def desk(db, database_url, monkeypatch, tmp_path, slack, files):
    import_files(database_url, monkeypatch, tmp_path, files)
    with RunningDesk(db, slack, timezone="Asia/Shanghai") as running:
        yield running


def deal(desk, user: str, line: str) -> int:
    said = message_text(desk.command("/deal", f"new {line}", user).body)
    assert "#" in said, said
    with desk.desk.db.session() as session:
        return session.exec(select(Opportunity.id).order_by(col(Opportunity.id).desc())).first()


def weekly(db, slack) -> dict[str, str]:
    """Each manager's weekly review, as they read it."""
    moment = datetime.combine(review_monday(), time(9, 0), SHANGHAI)
    assert sum(run.queued for run in JobRunner(db, "UTC", "en").run("weekly-report", moment)) == 2
    return {channel: "\n".join(texts) for channel, texts in delivered(db, slack).items()}


@pytest.fixture
def funnel(desk):
    close = month_end(today()).isoformat()
    proposal = deal(desk, WANG, f"C-1001; 法兰; 100000; {close}")
    desk.command("/deal", f"move {proposal} needs", WANG)
    desk.command("/deal", f"move {proposal} proposal", WANG)
    deal(desk, WANG, f"C-1001; 元件; 40000; {today().year + 1}-01-15")
    needs = deal(desk, CHEN, f"C-1002; 阀门; 20000 USD; {close}")
    desk.command("/deal", f"move {needs} needs", CHEN)
    won = deal(desk, CHEN, f"C-1002; 样品; 5000; {close}")
    desk.command("/deal", f"won {won}", CHEN)
    with desk.desk.db.session() as session:
        first = session.exec(select(Lead.id).order_by(Lead.id)).first()
    qualified = desk.command("/lead", f"qualify {first}", ZHOU)
    assert qualified.status == 200
    return desk


def test_the_manager_reads_the_months_funnel_in_english(funnel, db, slack):
    text = weekly(db, slack)[MIKE]
    month = f"{today():%Y-%m}"
    assert f"Funnel · {month} (in CNY)" in text
    assert "Qualification: 0 · CN¥0.00" in text  # next year's ¥40,000 closes after the month
    assert "Needs analysis: 1 · CN¥140,000.00" in text
    assert "Proposal: 1 · CN¥100,000.00" in text
    assert (
        "Conversion: 3 leads → 1 qualified (33%) → 0 converted (0%); "
        "4 opportunities → 1 won (25%)" in text
    )
    assert f"Weighted forecast: {month} CN¥85,000.00 · {quarter_of(today())} CN¥85,000.00" in text
    assert "Weekly review · 华东 East" in text  # the rest of the review is still there


def test_the_manager_reads_the_months_funnel_in_chinese(funnel, db, slack):
    text = weekly(db, slack)[ZHOU]
    month = f"{today():%Y-%m}"
    assert f"销售漏斗 · {month}（CNY）" in text
    assert "需求分析：1 个 · ¥140,000.00" in text
    assert "方案报价：1 个 · ¥100,000.00" in text
    assert "转化：3 条线索 → 1 条合格（33%）→ 0 条已转化（0%）；4 个商机 → 1 个赢单（25%）" in text
    assert f"加权预测：{month} ¥85,000.00 · {quarter_of(today())} ¥85,000.00" in text


def test_a_missing_rate_is_named_not_guessed(desk, db, slack, database_url, monkeypatch):
    from bot.cli import main

    monkeypatch.setenv("DATABASE_URL", database_url)
    assert main(["settings", "set", "华东 East", "reporting_currency=EUR"]) == 0
    close = month_end(today()).isoformat()
    deal(desk, CHEN, f"C-1002; 阀门; 20000 USD; {close}")
    text = weekly(db, slack)[MIKE]
    assert f"Funnel · {today():%Y-%m} (in EUR)" in text
    assert f"Not counted, no exchange rate: USD→EUR {today():%Y-%m}" in text


@pytest.mark.parametrize(
    "files",
    [{"teams": TEAMS, "members": MEMBERS, "customers": CUSTOMERS}],
)
def test_a_team_with_no_leads_and_no_deals_shows_no_funnel(desk, db, slack, files):
    reviews = weekly(db, slack)
    assert "Weekly review · 华东 East" in reviews[MIKE]
    assert "Funnel" not in reviews[MIKE]
    assert "Conversion" not in reviews[MIKE]
    assert "销售漏斗" not in reviews[ZHOU]
    assert "加权预测" not in reviews[ZHOU]
