"""KPI scorecards (考核) through `/target kpi`: the team's weighted indicators set by its manager
(weights summing to exactly 100, floors under caps, audited; anything else refused and nothing
changed), and each rep's monthly score with its parts: a capped part, a part under its floor,
an indicator without a target, data completeness. Records loaded with `salesdesk import`
(targets too), driven over signed HTTP, on SQLite and PostgreSQL.

November 2026, team 华东 East, KPI order_amount=40 collections=30:60-120
effective_visits=10 data_completeness=20, by hand:

- 王芳: orders 120,000 / 100,000 = 120.0 %, capped at 100 → 40.0; collections 55,000 / 50,000
  = 110.0 % → 33.0; visits: no target → 0; completeness 1 of 2 = 50.0 % → 10.0. Total 83.0.
- 陈杰: orders 30,000 / 100,000 = 30.0 % → 12.0; collections 20,000 / 50,000 = 40.0 %, under
  the floor of 60 → 0; visits 0 / 4 = 0.0 % → 0.0; completeness 1 of 1 = 100.0 % → 20.0.
  Total 32.0.
- 李雷: no target for any metric → 0 each; completeness 0 of 1 = 0.0 % → 0.0. Total 0.0.

王芳's second customer has no industry; 李雷's customer has no contact; 陈杰's only contact
has an email and no phone, which is enough.
"""

import pytest
from sqlmodel import select

from harness import RunningDesk
from helpers import import_files
from storage.models import AuditEntry, KpiIndicator

ADMIN = "UADMIN001"
MANAGER = "UMGRE0001"  # 周敏
DESK = "UDESKE001"
WANG, CHEN, LI = "UREPE0001", "UREPE0002", "UREPE0003"
HAN = "UREPE0005"  # en-GB
EXPORT_MANAGER = "UMGRX0001"

FILES = {
    "teams": "name,slack_channel_id,timezone,digest_time,manager_slack_id\n"
    f"华东 East,C0EAST001,Asia/Shanghai,08:30,{MANAGER}\n"
    f"Export 外贸,C0EXPORT1,Europe/London,09:00,{EXPORT_MANAGER}\n",
    "members": "slack_user_id,name,role,team,manager_slack_id,timezone,locale,email\n"
    f"{ADMIN},Alex Admin,admin,,,Europe/London,en-GB,\n"
    f"{MANAGER},周敏,manager,华东 East,,Asia/Shanghai,zh-CN,\n"
    f"{DESK},李娜,desk,华东 East,{MANAGER},Asia/Shanghai,zh-CN,\n"
    f"{WANG},王芳,rep,华东 East,{MANAGER},Asia/Shanghai,zh-CN,\n"
    f"{CHEN},陈杰,rep,华东 East,{MANAGER},Asia/Shanghai,zh-CN,\n"
    f"{LI},李雷,rep,华东 East,{MANAGER},Asia/Shanghai,zh-CN,\n"
    f"{HAN},Han Meimei,rep,华东 East,{MANAGER},Asia/Shanghai,en-GB,\n"
    f"{EXPORT_MANAGER},Sarah Miller,manager,Export 外贸,,Europe/London,en-GB,\n",
    "customers": "code,name,owner_slack_id,tier,region,industry,contact_name,contact_phone,"
    "contact_email\n"
    f"E-001,上海华瑞机电有限公司,{WANG},A,上海,机械,张伟,021-5555 0001,\n"
    f"E-006,上海东方贸易有限公司,{WANG},B,上海,,刘洋,,liu@example.cn\n"
    f"E-002,杭州明达电子科技有限公司,{CHEN},B,浙江,电子,孙丽,,sun@example.cn\n"
    f"E-003,苏州恒信精密制造厂,{LI},B,江苏,机械,,,\n",
    "orders": "number,customer_code,status,amount,currency,ordered_on,rep_slack_id\n"
    "SO-2611-01,E-001,invoiced,120000.00,CNY,2026-11-05,\n"
    "SO-2611-02,E-002,invoiced,30000.00,CNY,2026-11-06,\n",
    "invoices": "number,order_number,customer_code,amount,currency,issued_on,due_on\n"
    "INV-2611-01,SO-2611-01,E-001,120000.00,CNY,2026-11-06,2026-12-06\n"
    "INV-2611-02,SO-2611-02,E-002,30000.00,CNY,2026-11-07,2026-12-07\n",
    "payments": "invoice_number,amount,paid_on,reference\n"
    "INV-2611-01,55000.00,2026-11-20,TT-0001\n"
    "INV-2611-02,20000.00,2026-11-21,TT-0002\n",
    "targets": "team,member_slack_id,metric,period,amount\n"
    f"华东 East,{WANG},订单,2026-11,100000\n"
    f"华东 East,{WANG},回款,2026-11,50000\n"
    f"华东 East,{CHEN},订单,2026-11,100000\n"
    f"华东 East,{CHEN},回款,2026-11,50000\n"
    f"华东 East,{CHEN},拜访,2026-11,4\n",
}
KPI = "kpi set order_amount=40 collections=30:60-120 effective_visits=10 data_completeness=20"

WANG_CARD = [
    "王芳：83.0 分",
    "• 订单额：120.0%（¥120,000.00 / 目标 ¥100,000.00），按上限 100% 计 → 40.0",
    "• 回款：110.0%（¥55,000.00 / 目标 ¥50,000.00） → 33.0",
    "• 资料完整度：2 个客户中 1 个资料完整（50.0%） → 10.0",
    "• 有效拜访：无目标 → 0.0",
]
CHEN_CARD = [
    "陈杰：32.0 分",
    "• 订单额：30.0%（¥30,000.00 / 目标 ¥100,000.00） → 12.0",
    "• 回款：40.0%（¥20,000.00 / 目标 ¥50,000.00），低于 60% 下限 → 0.0",
    "• 资料完整度：1 个客户中 1 个资料完整（100.0%） → 20.0",
    "• 有效拜访：0.0%（0 / 目标 4） → 0.0",
]
LI_CARD = [
    "李雷：0.0 分",
    "• 订单额：无目标 → 0.0",
    "• 回款：无目标 → 0.0",
    "• 资料完整度：1 个客户中 0 个资料完整（0.0%） → 0.0",
    "• 有效拜访：无目标 → 0.0",
]


@pytest.fixture
def loaded(db, database_url, monkeypatch, tmp_path):
    import_files(database_url, monkeypatch, tmp_path, FILES)
    return db


@pytest.fixture
def desk(loaded, slack):
    with RunningDesk(loaded, slack, timezone="Asia/Shanghai") as running:
        yield running


def target(desk, user: str, text: str) -> str:
    reply = desk.command("/target", text, user)
    assert reply.status == 200, reply.body
    return reply.text()


def indicators(db) -> dict[str, tuple[int, int, int]]:
    with db.session() as session:
        rows = session.exec(select(KpiIndicator)).all()
    return {r.indicator: (r.weight, r.floor_percent, r.cap_percent) for r in rows}


def kpi_audits(db) -> list[AuditEntry]:
    with db.session() as session:
        return list(session.exec(select(AuditEntry).where(AuditEntry.entity == "kpi")).all())


def test_the_manager_sets_the_indicators_and_it_is_audited(loaded, desk):
    text = target(desk, MANAGER, KPI)

    assert (
        "华东 East的考核指标已设定：订单额 40%、回款 30%（60% 起计，最高 120%）、"
        "资料完整度 20%、有效拜访 10%。" in text
    )
    assert indicators(loaded) == {
        "order_amount": (40, 0, 100),
        "collections": (30, 60, 120),
        "effective_visits": (10, 0, 100),
        "data_completeness": (20, 0, 100),
    }
    [entry] = kpi_audits(loaded)
    assert (entry.actor, entry.entity_key, entry.before) == (MANAGER, "华东 East", None)
    assert entry.after["collections"] == "30:60-120"


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            "kpi set order_amount=40 collections=30 effective_visits=20",
            "权重合计为 90%，必须正好是 100%",
        ),
        ("kpi set order_amount=60 collections=30:60-120 data_completeness=20", "权重合计为 110%"),
        ("kpi set order_amount=50 collections=50:120-100", "下限（120%）必须低于上限（100%）"),
        ("kpi set order_amount=50 quotes=50", "“quotes”不是考核指标"),
        ("kpi set order_amount=50 orders=50", "order_amount 重复出现"),
    ],
)
def test_indicators_that_do_not_add_up_are_refused_and_nothing_changes(loaded, desk, typed, said):
    target(desk, MANAGER, KPI)
    before = indicators(loaded)

    assert said in target(desk, MANAGER, typed)
    assert indicators(loaded) == before
    assert len(kpi_audits(loaded)) == 1


def test_only_the_teams_manager_or_an_admin_sets_indicators(loaded, desk):
    assert "只有华东 East的经理或管理员可以设定考核指标。" in target(desk, WANG, KPI)
    assert "只有华东 East的经理或管理员可以设定考核指标。" in target(desk, DESK, KPI)
    other = target(desk, EXPORT_MANAGER, "kpi set East order_amount=100")
    assert "Only the manager of 华东 East or an admin can set its KPI indicators." in other
    assert indicators(loaded) == {}

    assert "Name the team" in target(desk, ADMIN, "kpi set order_amount=100")
    done = target(desk, ADMIN, "kpi set 华东 order_amount=100")
    assert "KPI indicators of 华东 East set: order amount 100%." in done
    assert indicators(loaded) == {"order_amount": (100, 0, 100)}


def test_a_rep_sees_their_own_scorecard_with_its_parts(desk):
    target(desk, MANAGER, KPI)

    text = target(desk, WANG, "kpi 2026-11")

    assert "绩效考核 · 2026年11月 · 华东 East" in text
    assert "\n".join(WANG_CARD) in text
    assert "陈杰" not in text
    assert "你只能查看自己的考核。" in target(desk, WANG, f"kpi 2026-11 <@{CHEN}>")


def test_the_manager_sees_each_rep_scored_by_hand(desk):
    target(desk, MANAGER, KPI)

    text = target(desk, MANAGER, "考核 2026年11月")

    for card in (WANG_CARD, CHEN_CARD, LI_CARD):
        assert "\n".join(card) in text
    assert "Han Meimei：0.0 分" in text
    one = target(desk, MANAGER, f"kpi 2026-11 <@{CHEN}|chen>")
    assert "陈杰：32.0 分" in one and "王芳" not in one


def test_an_english_rep_reads_their_scorecard_in_english(desk):
    target(desk, MANAGER, KPI)
    text = target(desk, HAN, "kpi 2026-11")
    assert "KPI scorecard · 2026-11 · 华东 East" in text
    assert "Han Meimei: 0.0 points" in text
    assert "• order amount: no target → 0.0" in text
    assert "• data completeness: no customers → 0.0" in text


def test_a_team_without_indicators_is_told_how_to_set_them(desk):
    text = target(desk, WANG, "kpi")
    assert "华东 East还没有设定考核指标。" in text
