"""Demo data for a fresh embedded database, so the console shows something at once."""

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlmodel import Session, select

from storage.demo_pipeline import load_demo_pipeline
from storage.models import (
    AuditEntry,
    Contact,
    Contract,
    Customer,
    ExchangeRate,
    Invoice,
    KpiIndicator,
    Meeting,
    MeetingAttendee,
    Member,
    Payment,
    SalesOrder,
    SampleRequest,
    Target,
    Team,
    Visit,
    stored_id,
)
from storage.statuses import ContractStatus, Metric, OrderStatus

TEAMS = [
    ("East 华东", "C0EAST0001", "Asia/Shanghai", "08:30", "UMGR00001"),
    ("Export", "C0EXPORT01", "Europe/London", "09:00", "UMGR00002"),
]
MEMBERS = [
    # slack id, name, role, team, locale
    ("UADMIN0001", "Alex Admin", "admin", None, "en"),
    ("UMGR00001", "周敏 Zhou Min", "manager", "East 华东", "zh-CN"),
    ("UDESK0001", "李娜 Li Na", "desk", "East 华东", "zh-CN"),
    ("UREP00001", "王芳 Wang Fang", "rep", "East 华东", "zh-CN"),
    ("UREP00002", "陈杰 Chen Jie", "rep", "East 华东", "zh-CN"),
    ("UMGR00002", "Sarah Miller", "manager", "Export", "en"),
    ("UDESK0002", "Tom Baker", "desk", "Export", "en"),
    ("UREP00003", "Emma Davis", "rep", "Export", "en"),
]
CUSTOMERS = [
    # code, name, owner, tier, region, contact
    ("C-1001", "上海华联机械有限公司", "UREP00001", "A", "上海", ("张伟", "+86 138 0000 1001")),
    ("C-1002", "杭州明达电子", "UREP00001", "B", "浙江", ("刘洋", "+86 139 0000 1002")),
    ("C-1003", "苏州新材料科技", "UREP00002", "C", "江苏", ("赵磊", "+86 137 0000 1003")),
    (
        "C-2001",
        "Northwind Trading Ltd",
        "UREP00003",
        "A",
        "UK",
        ("Jane Cooper", "+44 20 7946 0001"),
    ),
    (
        "C-2002",
        "Bluebird Components GmbH",
        "UREP00003",
        "B",
        "DE",
        ("Max Weber", "+49 30 1234 567"),
    ),
]
ORDERS = [
    # number, customer, status, amount, currency, ordered (days ago), promised (days from today)
    ("1234", "C-1001", "in_production", "128000.00", "CNY", 12, -2),
    ("1235", "C-1001", "shipped", "56400.50", "CNY", 20, -6),
    ("1236", "C-1002", "confirmed", "9800.00", "CNY", 3, 7),
    ("1237", "C-1002", "received", "15200.00", "CNY", 1, 10),
    ("1238", "C-1003", "ready_to_ship", "230000.00", "CNY", 15, -1),
    ("1239", "C-1003", "delivered", "4300.00", "CNY", 30, -18),
    ("1240", "C-1001", "on_hold", "77000.00", "CNY", 9, 2),
    ("EX-501", "C-2001", "confirmed", "18500.00", "USD", 5, 9),
    ("EX-502", "C-2001", "in_production", "42750.00", "USD", 14, -3),
    ("EX-503", "C-2002", "invoiced", "12900.00", "EUR", 40, -25),
    ("EX-504", "C-2002", "paid", "8800.00", "EUR", 60, -45),
    ("EX-505", "C-2002", "received", "3100.00", "EUR", 0, 14),
]
INVOICES = [
    # number, order, amount, issued (days ago), due (days from today), paid so far
    ("INV-1239", "1239", "4300.00", 5, 25, "0"),
    ("INV-EX-503", "EX-503", "12900.00", 40, -10, "5000.00"),
    ("INV-EX-504", "EX-504", "8800.00", 55, -25, "8800.00"),
]
CONTRACTS = [
    # customer, kind, title, value, currency, status, expires (days from today)
    ("C-2001", "sales_agreement", "Northwind supply agreement 2026", "250000", "USD", "signed", 45),
    ("C-1001", "sales_agreement", "华联年度供货合同", "1200000", "CNY", "legal_review", 380),
    ("C-2002", "nda", "Bluebird mutual NDA", None, "EUR", "draft", 730),
]
VISITS = [
    # rep, customer, channel, days ago, summary, next step, due (days from today)
    (
        "UREP00003",
        "C-2001",
        "visit",
        6,
        "Walked the new warehouse; they want a quote for 2027 volumes",
        "Send the 2027 quote",
        2,
    ),
    ("UREP00001", "C-1001", "wechat", 2, "张伟确认1240暂停原因：客户改图纸", "跟进新图纸", 1),
]
SAMPLES = [
    # rep, customer, product, quantity, purpose, needed by (days from today): awaiting approval
    ("UREP00002", "C-1003", "PTFE 垫片 DN50", "50", "新产线试用", 6),
]
MEETINGS = [
    # organiser, title, customer, day (from today), start (HH:MM UTC), minutes, place, attendees
    (
        "UMGR00002",
        "Quarterly review with Northwind",
        "C-2001",
        1,
        "10:00",
        60,
        "Teams",
        ("UREP00003",),
    ),
    ("UMGR00002", "Bluebird trial results", "C-2002", -1, "14:00", 30, "Phone", ("UREP00003",)),
]


PLANS = [
    # team, reporting currency, year's order amount for the team and for each of its reps
    ("East 华东", "CNY", "12000000", {"UREP00001": "7200000", "UREP00002": "6000000"}),
    ("Export", "USD", "2400000", {"UREP00003": "2400000"}),
]
MONTH_COLLECTIONS = {"UREP00001": "300000", "UREP00002": "250000", "UREP00003": "150000"}
EUR_IN_USD = "1.0850"
# Export reports in US dollars, the company in yuan (most teams' currency).
DEMO_RATES = (("EUR", "USD", EUR_IN_USD), ("USD", "CNY", "7.1200"), ("EUR", "CNY", "7.7250"))
EAST_KPI = (
    ("order_amount", 50, 0, 120),
    ("collections", 30, 60, 100),
    ("data_completeness", 20, 0, 100),
)


def is_empty(session: Session) -> bool:
    return session.exec(select(Member.id).limit(1)).first() is None


def load_demo(session: Session, today: date) -> None:
    teams = {
        name: Team(
            name=name,
            slack_channel_id=channel,
            timezone=tz,
            digest_time=at,
            manager_slack_id=manager,
        )
        for name, channel, tz, at, manager in TEAMS
    }
    session.add_all(teams.values())
    session.flush()
    members = {}
    for slack_id, name, role, team, locale in MEMBERS:
        manager = teams[team].manager_slack_id if team and role == "rep" else None
        members[slack_id] = Member(
            slack_user_id=slack_id,
            name=name,
            role=role,
            locale=locale,
            team_id=teams[team].id if team else None,
            manager_slack_id=manager,
        )
    session.add_all(members.values())
    session.flush()
    customers = {}
    for code, name, owner, tier, region, _contact in CUSTOMERS:
        customers[code] = Customer(
            code=code, name=name, owner_id=stored_id(members[owner]), tier=tier, region=region
        )
    session.add_all(customers.values())
    session.flush()
    for code, *_, (contact, phone) in CUSTOMERS:
        session.add(Contact(customer_id=stored_id(customers[code]), name=contact, phone=phone))
    for number, code, status, amount, currency, ordered, promised in ORDERS:
        customer = customers[code]
        session.add(
            SalesOrder(
                number=number,
                customer_id=stored_id(customer),
                rep_id=customer.owner_id,
                status=OrderStatus(status),
                amount=Decimal(amount),
                currency=currency,
                ordered_on=today - timedelta(days=ordered),
                promised_ship_on=today + timedelta(days=promised),
                shipped_on=today + timedelta(days=promised) if status in _SHIPPED else None,
            )
        )


_SHIPPED = (OrderStatus.shipped, OrderStatus.delivered, OrderStatus.invoiced, OrderStatus.paid)


def load_demo_paperwork(session: Session, today: date) -> None:
    """Invoices, contracts, visits, a sample awaiting approval and two meetings (tomorrow's
    and yesterday's) for the demo orders: the console's, not the tests' demo."""
    orders = {o.number: o for o in session.exec(select(SalesOrder))}
    for number, order_number, amount, issued, due, paid in INVOICES:
        order = orders[order_number]
        invoice = Invoice(
            number=number,
            order_id=order.id,
            customer_id=order.customer_id,
            amount=Decimal(amount),
            currency=order.currency,
            issued_on=today - timedelta(days=issued),
            due_on=today + timedelta(days=due),
            paid_amount=Decimal(paid),
            paid_in_full_on=today - timedelta(days=1) if paid == amount else None,
        )
        session.add(invoice)
        session.flush()
        if Decimal(paid):
            paid_on = today - timedelta(days=1)
            session.add(
                Payment(
                    invoice_id=stored_id(invoice),
                    amount=Decimal(paid),
                    paid_on=paid_on,
                    recorded_by="demo",
                )
            )
    customers = {c.code: c for c in session.exec(select(Customer))}
    for code, kind, title, value, currency, status, expires in CONTRACTS:
        customer = customers[code]
        session.add(
            Contract(
                customer_id=stored_id(customer),
                owner_id=customer.owner_id,
                kind=kind,
                title=title,
                value=Decimal(value) if value else None,
                currency=currency,
                starts_on=today - timedelta(days=365 - expires),
                expires_on=today + timedelta(days=expires),
                document_url=f"https://docs.example.com/contracts/{code.lower()}.pdf",
                status=ContractStatus(status),
            )
        )
    _load_visits(session, today, customers)
    _load_samples(session, today, customers)
    _load_meetings(session, today, customers)
    _load_targets(session, today)
    load_demo_pipeline(session, today)


def _load_targets(session: Session, today: date) -> None:
    """This year's order-amount plans, split evenly to quarters and months (so they lock), a
    collections target for each rep this month, Export reporting in US dollars with the euro's
    rate for the demo's months, and East's KPI weights."""
    teams = {team.name: team for team in session.exec(select(Team))}
    members = {m.slack_user_id: m for m in session.exec(select(Member))}
    month = f"{today.year}-{today.month:02d}"
    for name, currency, year_amount, reps in PLANS:
        team = teams[name]
        team.settings = {**(team.settings or {}), "reporting_currency": currency}
        _add_year_plan(session, stored_id(team), None, today.year, Decimal(year_amount))
        for rep, amount in reps.items():
            rep_id = stored_id(members[rep])
            _add_year_plan(session, stored_id(team), rep_id, today.year, Decimal(amount))
            session.add(
                Target(
                    team_id=stored_id(team),
                    member_id=rep_id,
                    metric=Metric.collections,
                    period=month,
                    amount=Decimal(MONTH_COLLECTIONS[rep]),
                )
            )
    first = today.replace(day=1)
    for _ in range(3):  # the demo's orders go two months back
        month = f"{first.year}-{first.month:02d}"
        for currency, to_currency, rate in DEMO_RATES:
            session.add(
                ExchangeRate(
                    month=month,
                    currency=currency,
                    to_currency=to_currency,
                    rate=Decimal(rate),
                    updated_by="demo",
                )
            )
        first = (first - timedelta(days=1)).replace(day=1)
    east = stored_id(teams["East 华东"])
    session.add_all(
        KpiIndicator(
            team_id=east, indicator=name, weight=weight, floor_percent=low, cap_percent=high
        )
        for name, weight, low, high in EAST_KPI
    )


def _add_year_plan(
    session: Session, team_id: int, member_id: int | None, year: int, amount: Decimal
) -> None:
    """A year's order-amount target with its quarters and months, each an even share (the
    demo's amounts divide by twelve)."""
    periods = [(str(year), amount)]
    periods += [(f"{year}-Q{quarter}", amount / 4) for quarter in range(1, 5)]
    periods += [(f"{year}-{month:02d}", amount / 12) for month in range(1, 13)]
    session.add_all(
        Target(
            team_id=team_id,
            member_id=member_id,
            metric=Metric.order_amount,
            period=period,
            amount=share,
        )
        for period, share in periods
    )


def _load_visits(session: Session, today: date, customers: dict[str, Customer]) -> None:
    reps = {m.slack_user_id: m for m in session.exec(select(Member))}
    for rep, code, channel, ago, summary, next_step, due in VISITS:
        session.add(
            Visit(
                rep_id=stored_id(reps[rep]),
                customer_id=stored_id(customers[code]),
                at=datetime.combine(today - timedelta(days=ago), time(8), UTC),
                channel=channel,
                summary=summary,
                next_step=next_step,
                next_step_due=today + timedelta(days=due),
            )
        )


def _load_samples(session: Session, today: date, customers: dict[str, Customer]) -> None:
    reps = {m.slack_user_id: m for m in session.exec(select(Member))}
    for rep, code, product, quantity, purpose, needed in SAMPLES:
        sample = SampleRequest(
            rep_id=stored_id(reps[rep]),
            customer_id=stored_id(customers[code]),
            product=product,
            quantity=Decimal(quantity),
            purpose=purpose,
            needed_by=today + timedelta(days=needed),
        )
        session.add(sample)
        session.flush()
        after = {"status": sample.status, "customer_id": sample.customer_id, "product": product}
        session.add(
            AuditEntry(
                actor=rep, entity="sample", entity_key=str(sample.id), action="request", after=after
            )
        )


def _load_meetings(session: Session, today: date, customers: dict[str, Customer]) -> None:
    members = {m.slack_user_id: m for m in session.exec(select(Member))}
    for organiser, title, code, day, at, minutes, place, attendees in MEETINGS:
        starts_at = datetime.combine(today + timedelta(days=day), time.fromisoformat(at), UTC)
        meeting = Meeting(
            organiser_id=stored_id(members[organiser]),
            title=title,
            customer_id=customers[code].id,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(minutes=minutes),
            place=place,
        )
        session.add(meeting)
        session.flush()
        session.add_all(
            MeetingAttendee(meeting_id=stored_id(meeting), slack_user_id=slack_id)
            for slack_id in (organiser, *attendees)
        )
