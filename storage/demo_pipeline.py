"""The demo's front of the funnel: a price list, routing rules by region, leads at each step
(one on the first-contact clock, one in East's pool, one qualified, one contacted in Export)
and opportunities at several stages with their history (one quiet long enough to be stalled,
one lost)."""

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlmodel import Session, select

from storage.match_keys import company_key, email_key, phone_key
from storage.models import (
    Customer,
    Lead,
    LeadRoutingRule,
    Member,
    Opportunity,
    OpportunityStageChange,
    Product,
    Team,
    stored_id,
)
from storage.statuses import LeadStatus, OpportunityStage

PRODUCTS = [
    # sku, English name, Chinese name, unit, list price, currency, cost
    ("SKU-100", "Stainless flange DN50", "不锈钢法兰 DN50", "pc", "120.00", "CNY", "80.00"),
    (
        "SKU-200",
        "M8 bolts, 304, box of 100",
        "M8 螺栓 304（100 只装）",
        "box",
        "35.00",
        "CNY",
        "21.00",
    ),
    ("SKU-300", "Gasket kit", "垫片套装", "set", "18.50", "USD", "9.20"),
    ("SKU-400", "Valve body DN80", "阀体 DN80", "pc", "420.00", "USD", "260.00"),
]
LEADS = [
    # company, contact, phone, region, industry, source, need, status, owner, days since
    (
        "宁波海天精工有限公司",
        "陈总",
        "+86 135 0000 2001",
        "浙江",
        "机械",
        "website",
        "询价不锈钢法兰 DN50，每月约 500 件",
        LeadStatus.assigned,
        "UREP00001",
        0,
    ),
    (
        "无锡恒通阀门有限公司",
        "孙经理",
        "+86 136 0000 2002",
        "江苏",
        "机械",
        "trade_show",
        "阀门配件，展会上留的名片",
        LeadStatus.recycled,
        None,
        3,
    ),
    (
        "南京科创电子",
        "周工",
        "+86 137 0000 2003",
        "江苏",
        "电子",
        "referral",
        "电子元件的防松螺栓",
        LeadStatus.qualified,
        "UREP00002",
        4,
    ),
    (
        "Harbor Supply Co.",
        "Dan Wright",
        "+1 206 555 0142",
        "US",
        "Distribution",
        "email",
        "Gasket kits for the West Coast",
        LeadStatus.contacted,
        "UREP00003",
        2,
    ),
]
ROUTES = [("浙江", "East 华东"), ("上海", "East 华东"), ("UK", "Export"), ("US", "Export")]
DEALS = [
    # customer, title, amount, currency, stages entered (days ago), close in days, next step
    (
        "C-1001",
        "2027年法兰年度供货",
        "120000",
        "CNY",
        [("qualification", 20), ("needs", 12), ("proposal", 5)],
        20,
        "周五前发报价",
    ),
    ("C-1003", "新材料样品试产", "45000", "CNY", [("qualification", 30), ("needs", 20)], 40, None),
    (
        "C-2001",
        "Spare valves 2027",
        "8500",
        "USD",
        [("qualification", 25), ("needs", 18), ("proposal", 9), ("negotiation", 2)],
        10,
        "Call Jane about the delivery terms",
    ),
    ("C-2002", "Gasket kits Q4", "3200", "USD", [("qualification", 40), ("lost", 15)], None, None),
]


def load_demo_pipeline(session: Session, today: date) -> None:
    now = datetime.combine(today, time(datetime.now(UTC).hour), UTC)
    members = {m.slack_user_id: m for m in session.exec(select(Member))}
    customers = {c.code: c for c in session.exec(select(Customer))}
    for sku, name_en, name_zh, unit, price, currency, cost in PRODUCTS:
        session.add(
            Product(
                sku=sku,
                name_en=name_en,
                name_zh=name_zh,
                unit=unit,
                list_price=Decimal(price),
                currency=currency,
                cost=Decimal(cost),
            )
        )
    teams = {team.name: team for team in session.exec(select(Team))}
    for position, (region, team) in enumerate(ROUTES, start=1):
        session.add(
            LeadRoutingRule(
                team_id=stored_id(teams[team]), position=position, region=region, created_by="demo"
            )
        )
    for lead in LEADS:
        session.add(_lead(lead, members, now))
    session.flush()
    for deal in DEALS:
        _deal(session, deal, customers, members, now, today)


def _lead(row: tuple, members: dict[str, Member], now: datetime) -> Lead:
    company, contact, phone, region, industry, source, need, status, owner, days = row
    came_in = now - timedelta(days=days, hours=1)
    east = members["UREP00001"].team_id
    owner_member = members[owner] if owner else None
    lead = Lead(
        source=source,
        company=company,
        company_key=company_key(company),
        contact_name=contact,
        phone=phone,
        phone_key=phone_key(phone),
        email_key=email_key(None),
        region=region,
        industry=industry,
        need=need,
        status=status,
        team_id=owner_member.team_id if owner_member else east,
        owner_id=owner_member.id if owner_member else None,
        assignment_note="round robin" if owner else None,
        assigned_at=came_in,
        last_activity_at=came_in,
        created_by="demo",
        created_at=came_in,
        updated_at=came_in,
    )
    if status == LeadStatus.assigned:  # on the clock: two business hours, half of them gone
        lead.sla_remind_at = now + timedelta(minutes=30)
        lead.sla_due_at = now + timedelta(hours=1)
        lead.sla_return_at = now + timedelta(hours=2)
        lead.sla_next_at = lead.sla_remind_at
    elif status == LeadStatus.recycled:
        lead.previous_owner_id = members["UREP00001"].id
        lead.pooled_at = came_in + timedelta(days=1)
        lead.sla_stage = "returned"
    else:
        lead.accepted_at = lead.first_contact_at = came_in + timedelta(hours=1)
        if status == LeadStatus.qualified:
            lead.qualified_at = came_in + timedelta(days=1)
    return lead


def _deal(
    session: Session,
    row: tuple,
    customers: dict[str, Customer],
    members: dict[str, Member],
    now: datetime,
    today: date,
) -> None:
    code, title, amount, currency, stages, close_in, next_step = row
    customer = customers[code]
    owner = next(m for m in members.values() if m.id == customer.owner_id)
    entered = [(OpportunityStage(stage), now - timedelta(days=days)) for stage, days in stages]
    stage, since = entered[-1]
    deal = Opportunity(
        team_id=owner.team_id or 0,
        owner_id=stored_id(owner),
        customer_id=stored_id(customer),
        title=title,
        amount=Decimal(amount),
        currency=currency,
        stage=stage,
        expected_close_on=today + timedelta(days=close_in) if close_in else None,
        next_step=next_step,
        lost_reason="price" if stage == OpportunityStage.lost else None,
        competitor="Acme Seals" if stage == OpportunityStage.lost else None,
        created_by="demo",
        created_at=entered[0][1],
        updated_at=since,
        stage_changed_at=since,
        last_activity_at=since,
        closed_at=since if stage == OpportunityStage.lost else None,
    )
    session.add(deal)
    session.flush()
    previous = None
    for entered_stage, at in entered:
        session.add(
            OpportunityStageChange(
                opportunity_id=stored_id(deal),
                from_stage=previous,
                to_stage=entered_stage,
                changed_at=at,
                changed_by="demo",
            )
        )
        previous = entered_stage
