"""/receivable: open invoices and their aging per currency, one invoice and its payments, payments
recorded by the desk (an invoice paid in full moves its order to paid), who may see and do what,
the invoice and payment imports, the due-date reminders and overdue escalations of the scheduled
jobs, and the receivables in the stand-up and the weekly review; driven over signed HTTP the way
Slack sends it, against the demo workspace.

Fixture dates count from each team's own today (Export: London, East: Shanghai), the day its
members live in."""

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from bot.cli import main
from commands.team_settings import change_team_settings
from harness import visible_text
from helpers import order
from jobs.runner import JobRunner
from storage.imports.payments import settle_invoices
from storage.models import (
    AuditEntry,
    Customer,
    Invoice,
    Member,
    Notification,
    OrderStatusChange,
    Payment,
    SalesOrder,
    utcnow,
)

ADMIN = "UADMIN0001"  # English, no team
MANAGER_EAST = "UMGR00001"  # 周敏 Zhou Min, Chinese
DESK_EAST = "UDESK0001"  # 李娜 Li Na, Chinese
REP_EAST = "UREP00001"  # 王芳 Wang Fang, owns C-1001 and C-1002, Chinese
REP_EAST_2 = "UREP00002"  # 陈杰 Chen Jie, owns C-1003
MANAGER_EXPORT = "UMGR00002"  # Sarah Miller
DESK_EXPORT = "UDESK0002"  # Tom Baker
REP_EXPORT = "UREP00003"  # Emma Davis, owns C-2001 (Northwind) and C-2002 (Bluebird)
STRANGER = "UNOBODY01"
WAIT = 15.0  # the outbox sends one message a second to any one person
ZONES = {"C-1": "Asia/Shanghai", "C-2": "Europe/London"}
INVOICE_HEADER = "number,order_number,customer_code,amount,currency,issued_on,due_on"
PAYMENT_HEADER = "invoice_number,amount,paid_on,reference"


def today(code: str = "C-2") -> date:
    """Today where the customer's team lives."""
    return datetime.now(ZoneInfo(ZONES[code[:3]])).date()


def days(offset: int, code: str = "C-2") -> date:
    return today(code) + timedelta(days=offset)


# -- fixtures written straight to the database ------------------------------------------------


def add_invoice(
    db,
    number: str,
    code: str,
    amount: str,
    currency: str = "CNY",
    issued: int = -30,
    due: int = 0,
    order: str | None = None,
    paid: tuple[tuple[str, int], ...] = (),
) -> None:
    """An invoice of customer `code` issued and due `issued`/`due` days from its team's today,
    with payments (amount, days from today) settled the way an import settles them."""
    with db.session() as session:
        customer = session.exec(select(Customer).where(Customer.code == code)).one()
        order_id = None
        if order:
            order_id = session.exec(select(SalesOrder.id).where(SalesOrder.number == order)).one()
        invoice = Invoice(
            number=number,
            order_id=order_id,
            customer_id=customer.id,
            amount=Decimal(amount),
            currency=currency,
            issued_on=days(issued, code),
            due_on=days(due, code),
        )
        session.add(invoice)
        session.flush()
        for value, when in paid:
            session.add(
                Payment(
                    invoice_id=invoice.id,
                    amount=Decimal(value),
                    paid_on=days(when, code),
                    recorded_by="import",
                )
            )
        session.flush()
        settle_invoices(session, {invoice.id}, utcnow())


def export_aging_book(db) -> None:
    """Northwind owes in dollars, Bluebird in euros; figures checked by hand below."""
    add_invoice(db, "INV-A1", "C-2001", "1000.00", "USD", due=-10, paid=(("400", -2),))
    add_invoice(db, "INV-A2", "C-2001", "2500.00", "USD", issued=-80, due=-45)
    add_invoice(db, "INV-A3", "C-2001", "300.00", "USD", issued=-90, due=-61)
    add_invoice(db, "INV-A4", "C-2002", "800.00", "EUR", issued=-120, due=-95)
    add_invoice(db, "INV-A5", "C-2002", "1200.00", "EUR", issued=-5, due=5)
    add_invoice(db, "INV-A6", "C-2002", "500.00", "EUR", due=-3, paid=(("500", -1),))


# -- reading what happened ----------------------------------------------------------------------


def said(reply) -> str:
    assert reply.status == 200
    return reply.text()


def invoice(db, number: str) -> Invoice:
    with db.session() as session:
        return session.exec(select(Invoice).where(Invoice.number == number)).one()


def rows(db, model, *where) -> list:
    with db.session() as session:
        return list(session.exec(select(model).where(*where).order_by(model.id)).all())


def snapshot(db) -> tuple:
    """Everything a refused payment must leave as it was."""
    invoices = [(i.number, i.paid_amount, i.paid_in_full_on) for i in rows(db, Invoice)]
    orders = [(o.number, o.status) for o in rows(db, SalesOrder)]
    counts = [len(rows(db, model)) for model in (Payment, AuditEntry, Notification)]
    return invoices, orders, counts


def aging_of(reply, currency: str) -> dict[str, str]:
    """The aging fields shown for one currency: bucket label → amount."""
    blocks = reply.body["blocks"]
    for at, block in enumerate(blocks):
        if f"Aging · {currency}" in block.get("text", {}).get("text", ""):
            fields = blocks[at + 1]["fields"]
            return dict(field["text"].replace("*", "").split("\n") for field in fields)
    raise AssertionError(f"no aging for {currency}")


def queued(db, kind: str) -> list[Notification]:
    return rows(db, Notification, Notification.kind == kind)


def dm(slack, user: str, contains: str) -> str:
    [call] = slack.wait_for(
        "chat.postMessage",
        timeout=WAIT,
        where=lambda c: c.args["channel"] == user and contains in c.args.get("text", ""),
    )
    return call.args["text"]


def posted(slack, channel: str) -> str:
    """Everything read in the one message posted to `channel`."""
    [call] = slack.wait_for(
        "chat.postMessage", timeout=WAIT, where=lambda c: c.args["channel"] == channel
    )
    return visible_text(call.args)


def at_noon(day: date) -> datetime:
    """Midday UTC: after every demo team's digest time, the same date in London and Shanghai."""
    return datetime.combine(day, time(12), UTC)


# -- the list and its aging ---------------------------------------------------------------------


def test_help_explains_the_commands_in_both_languages(desk):
    assert "/receivable pay INV-2024-001" in said(desk.command("/receivable", "help", ADMIN))
    assert "登记收款（内勤和管理员）" in said(desk.command("/receivable", "帮助", REP_EAST))


def test_aging_is_bucketed_by_days_overdue_per_currency_and_never_summed_across(desk, demo_db):
    export_aging_book(demo_db)
    reply = desk.command("/receivable", "", DESK_EXPORT)
    text = said(reply)
    assert "Open invoices (5)" in text
    assert "INV-A6" not in text  # paid in full
    assert text.index("INV-A4") < text.index("INV-A3") < text.index("INV-A2") < text.index("INV-A5")
    assert "$600.00 open of $1,000.00" in text and "10 days overdue" in text
    assert aging_of(reply, "USD") == {
        "Not yet due": "$0.00",
        "1–30 days overdue": "$600.00",
        "31–60 days overdue": "$2,500.00",
        "61–90 days overdue": "$300.00",
        "Over 90 days overdue": "$0.00",
    }
    assert aging_of(reply, "EUR") == {
        "Not yet due": "€1,200.00",
        "1–30 days overdue": "€0.00",
        "31–60 days overdue": "€0.00",
        "61–90 days overdue": "€0.00",
        "Over 90 days overdue": "€800.00",
    }
    assert "*Aging · USD*: 3 open, $3,400.00 in all, $3,400.00 overdue" in text
    assert "*Aging · EUR*: 2 open, €2,000.00 in all, €800.00 overdue" in text
    assert "never added up" in text
    assert "5,400" not in text  # dollars and euros are not one number


def test_an_invoice_due_today_is_not_yet_overdue_and_day_thirty_is_the_first_bucket(desk, demo_db):
    add_invoice(demo_db, "INV-T0", "C-2001", "100", "USD", due=0)
    add_invoice(demo_db, "INV-T30", "C-2001", "30", "USD", issued=-60, due=-30)
    add_invoice(demo_db, "INV-T31", "C-2001", "31", "USD", issued=-60, due=-31)
    reply = desk.command("/receivable", "", DESK_EXPORT)
    assert "due today" in said(reply)
    assert aging_of(reply, "USD") == {
        "Not yet due": "$100.00",
        "1–30 days overdue": "$30.00",
        "31–60 days overdue": "$31.00",
        "61–90 days overdue": "$0.00",
        "Over 90 days overdue": "$0.00",
    }


def test_the_buckets_are_the_ones_an_admin_set_for_the_team(desk, demo_db):
    export_aging_book(demo_db)
    with demo_db.session() as session:
        change_team_settings(session, None, "Export", {"aging_buckets": "15,60"})
    reply = desk.command("/receivable", "", MANAGER_EXPORT)
    assert aging_of(reply, "USD") == {
        "Not yet due": "$0.00",
        "1–15 days overdue": "$600.00",
        "16–60 days overdue": "$2,500.00",
        "Over 60 days overdue": "$300.00",
    }


def test_mine_overdue_and_customer_narrow_the_list(desk, demo_db):
    export_aging_book(demo_db)
    add_invoice(demo_db, "INV-E1", "C-1001", "5000", due=-3)
    mine = said(desk.command("/receivable", "mine", REP_EXPORT))
    assert "Your customers' open invoices (5)" in mine and "INV-E1" not in mine
    overdue = said(desk.command("/receivable", "overdue", ADMIN))
    assert "INV-E1" in overdue and "INV-A2" in overdue and "INV-A5" not in overdue
    bluebird = desk.command("/receivable", "bluebird", ADMIN)
    assert "INV-A4" in said(bluebird) and "INV-A2" not in said(bluebird)
    assert "USD" not in said(bluebird)
    assert "No open invoices" in said(desk.command("/receivable", "Acme", ADMIN))


def test_a_long_list_shows_the_most_overdue_fifteen_and_ages_them_all(desk, demo_db):
    for n in range(1, 18):
        add_invoice(demo_db, f"INV-{n:02}", "C-2001", "10", "USD", issued=-60, due=-n)
    reply = desk.command("/receivable", "", DESK_EXPORT)
    text = said(reply)
    assert "Open invoices (17)" in text and "…and 2 more, counted in the aging below" in text
    assert "INV-17" in text and "INV-03" in text and "INV-02 " not in text
    assert aging_of(reply, "USD")["1–30 days overdue"] == "$170.00"


def test_a_chinese_member_reads_the_list_in_chinese(desk, demo_db):
    add_invoice(demo_db, "INV-E1", "C-1001", "5000", due=-3)
    add_invoice(demo_db, "INV-E2", "C-1002", "800", issued=-2, due=10)
    text = said(desk.command("/receivable", "我的", REP_EAST))
    assert "您客户的未结发票（2）" in text
    assert "逾期 3 天" in text and "10 天后到期" in text
    assert "*账龄 · CNY*：未结 2 张，合计 ¥5,800.00，其中逾期 ¥5,000.00" in text
    assert "没有逾期发票" in said(desk.command("/receivable", "逾期", REP_EAST_2))


def test_an_invoice_card_shows_its_payments_and_what_is_open(desk, demo_db):
    add_invoice(demo_db, "INV-A1", "C-2001", "1000.00", "USD", due=-10, paid=(("400", -2),))
    for text in ("INV-A1", "show INV-A1"):
        card = said(desk.command("/receivable", text, REP_EXPORT))
        assert "Invoice INV-A1 · Northwind Trading Ltd" in card
        assert "$600.00 · 10 days overdue" in card
        assert "$400.00 · recorded by import" in card
        assert "Aging: 1–30 days overdue" in card


# -- who may see and do what --------------------------------------------------------------------

SEES, HIDDEN, FORBIDDEN, DONE, NOT_A_MEMBER = "sees", "hidden", "forbidden", "done", "stranger"
MATRIX = {
    # who: (show the Bluebird invoice, record a payment on it)
    REP_EXPORT: (SEES, FORBIDDEN),  # the rep of the account
    DESK_EXPORT: (SEES, DONE),
    MANAGER_EXPORT: (SEES, FORBIDDEN),
    ADMIN: (SEES, DONE),
    DESK_EAST: (HIDDEN, HIDDEN),  # another team
    REP_EAST: (HIDDEN, FORBIDDEN),
    STRANGER: (NOT_A_MEMBER, NOT_A_MEMBER),
}


def test_permission_matrix(desk, demo_db):
    add_invoice(demo_db, "INV-503", "C-2002", "12900", "EUR", issued=-20, due=10)
    for cents, (who, (show, pay)) in enumerate(MATRIX.items()):
        shown = said(desk.command("/receivable", "show INV-503", who))
        before = snapshot(demo_db)
        paid = said(desk.command("/receivable", f"pay INV-503 10.0{cents}", who))
        for outcome, text in ((show, shown), (pay, paid)):
            case = f"{who}: {text}"
            if outcome == SEES:
                assert "Invoice INV-503 · Bluebird" in text or "发票 INV-503" in text, case
            elif outcome == DONE:
                assert f"Recorded €10.0{cents}" in text, case
            elif outcome == HIDDEN:
                assert "can't find an invoice numbered INV-503" in text or "找不到" in text, case
            elif outcome == FORBIDDEN:
                assert "Only the sales desk and admins" in text or "只有销售内勤" in text, case
            else:
                assert "not registered" in text and "Bluebird" not in text, case
        if pay != DONE:
            assert snapshot(demo_db) == before, who
    assert invoice(demo_db, "INV-503").paid_amount == Decimal("20.04")  # the desk's and admin's


def test_an_invoice_you_may_not_see_reads_exactly_like_one_that_does_not_exist(desk, demo_db):
    add_invoice(demo_db, "INV-C3", "C-1003", "7000", due=-40)  # 陈杰 Chen Jie's customer
    for text in ("show {}", "{}", "pay {} 100"):
        hidden = said(desk.command("/receivable", text.format("INV-C3"), DESK_EXPORT))
        missing = said(desk.command("/receivable", text.format("INV-ZZ"), DESK_EXPORT))
        assert hidden.replace("INV-C3", "N") == missing.replace("INV-ZZ", "N")
    same_team = said(desk.command("/receivable", "INV-C3", REP_EAST))
    assert "苏州新材料" not in same_team
    assert same_team.replace("INV-C3", "N") == said(
        desk.command("/receivable", "INV-ZZ", REP_EAST)
    ).replace("INV-ZZ", "N")
    assert "INV-C3" not in said(desk.command("/receivable", "overdue", REP_EAST))
    assert "INV-C3" in said(desk.command("/receivable", "overdue", REP_EAST_2))


# -- payments -----------------------------------------------------------------------------------


def test_a_partial_payment_then_the_rest_moves_the_invoiced_order_to_paid(desk, demo_db):
    add_invoice(demo_db, "INV-503", "C-2002", "12900", "EUR", issued=-20, due=10, order="EX-503")
    first = said(desk.command("/receivable", "pay INV-503 €5,000 yesterday TT-1", DESK_EXPORT))
    assert "Recorded €5,000.00 received on" in first and "· ref TT-1" in first
    assert "Still open: €7,900.00 of €12,900.00" in first
    assert order(demo_db, "EX-503").status == "invoiced"
    told = dm(desk.slack, REP_EXPORT, "paid €5,000.00 on invoice INV-503")
    assert "recorded by Tom Baker" in told and "Still open: €7,900.00" in told

    rest = said(desk.command("/receivable", "pay INV-503 all", DESK_EXPORT))
    assert "Recorded €7,900.00" in rest and "Invoice INV-503 is now paid in full." in rest
    assert "Order EX-503 moved from Invoiced to Paid." in rest
    settled = invoice(demo_db, "INV-503")
    assert (settled.paid_amount, settled.paid_in_full_on) == (Decimal("12900.00"), today())
    assert [(p.amount, p.paid_on, p.reference) for p in rows(demo_db, Payment)] == [
        (Decimal("5000.00"), days(-1), "TT-1"),
        (Decimal("7900.00"), today(), None),
    ]
    paid_order = order(demo_db, "EX-503")
    assert paid_order.status == "paid"
    step = rows(demo_db, OrderStatusChange, OrderStatusChange.order_id == paid_order.id)[-1]
    desk_id = rows(demo_db, Member, Member.slack_user_id == DESK_EXPORT)[0].id
    assert (step.from_status, step.to_status, step.source, step.actor_id) == (
        "invoiced",
        "paid",
        "payment",
        desk_id,
    )
    assert "invoice INV-503 paid in full" in step.note
    [moved] = rows(demo_db, AuditEntry, AuditEntry.entity == "order")
    assert (moved.actor, moved.entity_key, moved.before, moved.after["status"]) == (
        DESK_EXPORT,
        "EX-503",
        {"status": "invoiced"},
        "paid",
    )
    audited = rows(demo_db, AuditEntry, AuditEntry.entity == "invoice")
    assert [entry.after["paid_amount"] for entry in audited] == ["5000.00", "12900.00"]
    assert "now paid in full" in dm(desk.slack, REP_EXPORT, "paid €7,900.00")


def test_paid_in_full_leaves_an_order_that_is_not_invoiced_where_it_is(desk, demo_db):
    add_invoice(demo_db, "INV-502", "C-2001", "42750", "USD", issued=-3, due=27, order="EX-502")
    text = said(desk.command("/receivable", "pay INV-502 42750", ADMIN))
    assert "Order EX-502 is In production, so I left it there" in text
    assert order(demo_db, "EX-502").status == "in_production"
    assert rows(demo_db, AuditEntry, AuditEntry.entity == "order") == []


def test_an_order_invoiced_in_parts_is_paid_once_its_last_invoice_is(desk, demo_db, salesdesk):
    add_invoice(demo_db, "INV-503A", "C-2002", "9000", "EUR", issued=-20, due=10, order="EX-503")
    add_invoice(demo_db, "INV-503B", "C-2002", "3900", "EUR", issued=-20, due=40, order="EX-503")
    first = said(desk.command("/receivable", "pay INV-503A all", DESK_EXPORT))
    assert "Order EX-503 stays Invoiced until its other invoices are paid too." in first
    assert order(demo_db, "EX-503").status == "invoiced"
    assert rows(demo_db, AuditEntry, AuditEntry.entity == "order") == []
    salesdesk("payments", PAYMENT_HEADER, f"INV-503B,3900,{days(-1)},TT-3")
    assert order(demo_db, "EX-503").status == "paid"
    [step] = rows(demo_db, OrderStatusChange, OrderStatusChange.to_status == "paid")
    assert "INV-503B" in step.note


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pay INV-503 -100", "A payment must be more than zero, not “-100”"),
        ("pay INV-503 0", "A payment must be more than zero, not “0”"),
        (
            "pay INV-503 13,000",
            "That is more than is open on invoice INV-503: €13,000.00 received, but only "
            "€12,900.00 is still open.",
        ),
        ("pay INV-404 100", "I can't find an invoice numbered INV-404 that you can see."),
        ("pay INV-503 12x", "“12x” is not an amount"),
        ("pay INV-503 $100", "Invoice INV-503 is in EUR, but “$100” is in another currency"),
        ("pay INV-503 1.005", "“1.005” is not an amount"),
        ("pay INV-503 100 {future}", "is in the future: record a payment once it has arrived"),
        ("pay INV-503 100 {before}", "Invoice INV-503 was issued on"),
        ("pay INV-503", "give the invoice number and the amount"),
        ("pay INV-503 100 ref " + "x" * 101, "100 characters at most"),
        ("pay INV/503! 100", "is not an invoice number"),
    ],
)
def test_bad_payments_get_a_specific_polite_answer_and_change_nothing(
    desk, demo_db, text, expected
):
    add_invoice(demo_db, "INV-503", "C-2002", "12900", "EUR", issued=-20, due=10, order="EX-503")
    before = snapshot(demo_db)
    typed = text.format(future=days(2).isoformat(), before=days(-21).isoformat())
    reply = desk.command("/receivable", typed, DESK_EXPORT)
    assert reply.body["response_type"] == "ephemeral"
    assert expected in said(reply)
    assert snapshot(demo_db) == before


def test_a_payment_already_recorded_is_not_recorded_twice(desk, demo_db):
    add_invoice(demo_db, "INV-A1", "C-2001", "1000", "USD", issued=-20, due=10)
    said(desk.command("/receivable", "pay INV-A1 100 yesterday TT-7", DESK_EXPORT))
    said(desk.command("/receivable", "pay INV-A1 200", DESK_EXPORT))
    before = snapshot(demo_db)
    again = said(desk.command("/receivable", "pay INV-A1 300 TT-7", DESK_EXPORT))
    assert "A payment with reference TT-7 was already recorded on invoice INV-A1" in again
    twin = said(desk.command("/receivable", "pay INV-A1 200", DESK_EXPORT))
    assert "A payment of $200.00 on" in twin and "add its reference" in twin
    assert snapshot(demo_db) == before


def test_an_invoice_paid_in_full_takes_no_more_payments(desk, demo_db):
    add_invoice(demo_db, "INV-A6", "C-2002", "500", "EUR", due=-3, paid=(("500", -1),))
    before = snapshot(demo_db)
    text = said(desk.command("/receivable", "pay INV-A6 1", DESK_EXPORT))
    assert "Invoice INV-A6 was paid in full on" in text and "nothing left to pay" in text
    assert snapshot(demo_db) == before


def test_the_desk_records_payments_in_chinese_and_hears_back_in_chinese(desk, demo_db):
    add_invoice(demo_db, "INV-E1", "C-1001", "5000", issued=-30, due=-3, order="1235")
    with demo_db.session() as session:
        session.exec(
            select(SalesOrder).where(SalesOrder.number == "1235")
        ).one().status = "invoiced"
    wrong = said(desk.command("/receivable", "付款 INV-E1 -5", DESK_EAST))
    assert "付款金额必须大于零，而不是“-5”。未登记任何内容。" in wrong
    over = said(desk.command("/receivable", "付款 INV-E1 6000元", DESK_EAST))
    assert "超出发票 INV-E1 的未收金额：收到 ¥6,000.00，但仅剩 ¥5,000.00 未收" in over
    dollars = said(desk.command("/receivable", "付款 INV-E1 $100", DESK_EAST))
    assert "发票 INV-E1 的币种是 CNY，而“$100”是其他币种" in dollars
    done = said(desk.command("/receivable", "付款 INV-E1 全额 昨天 流水号 TT88", DESK_EAST))
    assert "已登记发票 INV-E1（上海华联机械有限公司）" in done and "参考号 TT88" in done
    assert "发票 INV-E1 现已全额回款。" in done and "订单 1235 已由“已开票”改为“已回款”。" in done
    assert order(demo_db, "1235").status == "paid"
    assert "该发票现已全额回款" in dm(desk.slack, REP_EAST, "已为发票 INV-E1 付款")
    assert "只有销售内勤和管理员可以登记收款" in said(
        desk.command("/receivable", "付款 INV-E1 1", MANAGER_EAST)
    )


# -- imports --------------------------------------------------------------------------------


@pytest.fixture
def salesdesk(demo_db, monkeypatch, tmp_path, capsys):
    """`salesdesk import KIND FILE` on the demo database, the way an operator runs it."""
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SALESDESK_ADMINS", "SALESDESK_TIMEZONE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", demo_db.url)
    monkeypatch.setenv("SALESDESK_LOCALE", "en")

    def run(kind: str, header: str, *lines: str) -> list[str]:
        path = tmp_path / f"{kind}.csv"
        path.write_text("\n".join((header, *lines)) + "\n", encoding="utf-8")
        capsys.readouterr()
        main(["import", kind, str(path)])
        report = capsys.readouterr().out.splitlines()
        return [report[0].replace(str(path), kind + ".csv"), *report[1:]]

    return run


def test_invoices_are_imported_and_a_second_import_updates_only_what_changed(salesdesk, demo_db):
    lines = (
        f"INV-503,EX-503,,12900,,{days(-20)},{days(10)}",
        f'INV-900,,C-2001,"1,500.00",usd,{days(-40)},{days(-10)}',
    )
    assert salesdesk("invoices", INVOICE_HEADER, *lines) == [
        "Imported invoices from invoices.csv: 2 created, 0 updated, 0 unchanged, 0 rejected."
    ]
    bluebird = invoice(demo_db, "INV-503")
    assert (bluebird.amount, bluebird.currency, bluebird.paid_amount) == (
        Decimal("12900.00"),
        "EUR",  # the order's
        Decimal("0"),
    )
    assert invoice(demo_db, "INV-900").currency == "USD"
    moved = (lines[0].replace(str(days(10)), str(days(15))), lines[1])
    assert salesdesk("invoices", INVOICE_HEADER, *moved)[0].endswith(
        "0 created, 1 updated, 1 unchanged, 0 rejected."
    )
    assert invoice(demo_db, "INV-503").due_on == days(15)
    [update] = rows(demo_db, AuditEntry, AuditEntry.action == "import.update")
    assert (update.entity_key, update.before, update.after) == (
        "INV-503",
        {"due_on": days(10).isoformat()},
        {"due_on": days(15).isoformat()},
    )


def test_bad_invoice_rows_are_rejected_with_their_line(salesdesk, demo_db):
    report = salesdesk(
        "invoices",
        INVOICE_HEADER,
        f"INV-1,,C-2001,100,USD,{days(-5)},{days(25)}",
        f"INV-1,,C-2001,200,USD,{days(-5)},{days(25)}",
        f"INV-2,,,100,USD,{days(-5)},{days(25)}",
        f"INV-3,EX-999,,100,USD,{days(-5)},{days(25)}",
        f"INV-4,EX-503,C-2001,100,,{days(-5)},{days(25)}",
        f"INV-5,,C-2001,0,USD,{days(-5)},{days(25)}",
        f"INV-6,,C-2001,100,USD,{days(-5)},{days(-6)}",
    )
    assert report == [
        "Imported invoices from invoices.csv: 1 created, 0 updated, 0 unchanged, 6 rejected.",
        "line 3: number 'INV-1' already appears on line 2",
        "line 4: no customer_code given (nor an order_number to take the customer from)",
        "line 5: unknown order number 'EX-999'",
        "line 6: customer_code 'C-2001' is not the customer of order EX-503 (C-2002)",
        "line 7: an invoice amount must be more than 0",
        f"line 8: due_on {days(-6)} is before issued_on {days(-5)}",
        report[-1],
    ]
    assert [i.amount for i in rows(demo_db, Invoice)] == [Decimal("100.00")]


def test_imported_payments_settle_invoices_and_move_their_orders_to_paid(salesdesk, demo_db):
    salesdesk(
        "invoices",
        INVOICE_HEADER,
        f"INV-503,EX-503,,12900,,{days(-20)},{days(10)}",
        f"INV-900,,C-2001,1500,USD,{days(-40)},{days(-10)}",
    )
    payments = (
        f"INV-503,7900,{days(-2)},TT-1",
        f"INV-503,5000,{days(-1)},TT-2",
        f"INV-900,500,{days(-1)},",
    )
    assert salesdesk("payments", PAYMENT_HEADER, *payments) == [
        "Imported payments from payments.csv: 3 created, 0 updated, 0 unchanged, 0 rejected."
    ]
    settled = invoice(demo_db, "INV-503")
    assert (settled.paid_amount, settled.paid_in_full_on) == (Decimal("12900.00"), days(-1))
    assert invoice(demo_db, "INV-900").paid_amount == Decimal("500.00")
    paid_order = order(demo_db, "EX-503")
    assert paid_order.status == "paid"
    step = rows(demo_db, OrderStatusChange, OrderStatusChange.order_id == paid_order.id)[-1]
    assert (step.from_status, step.to_status, step.source, step.actor_id) == (
        "invoiced",
        "paid",
        "payment",
        None,
    )
    [moved] = rows(demo_db, AuditEntry, AuditEntry.entity == "order")
    assert (moved.actor, moved.entity_key, moved.after["status"]) == ("import", "EX-503", "paid")

    history, audited = len(rows(demo_db, OrderStatusChange)), len(rows(demo_db, AuditEntry))
    assert salesdesk("payments", PAYMENT_HEADER, *payments)[0].endswith(
        "0 created, 0 updated, 3 unchanged, 0 rejected."
    )
    assert len(rows(demo_db, Payment)) == 3
    assert len(rows(demo_db, OrderStatusChange)) == history
    assert len(rows(demo_db, AuditEntry)) == audited


def test_a_bank_export_does_not_count_payments_typed_in_slack_twice(desk, salesdesk, demo_db):
    add_invoice(demo_db, "INV-A1", "C-2001", "1000", "USD", issued=-20, due=10)
    said(desk.command("/receivable", "pay INV-A1 300 yesterday", DESK_EXPORT))
    said(desk.command("/receivable", "pay INV-A1 200 today TT-5", DESK_EXPORT))
    report = salesdesk(
        "payments",
        PAYMENT_HEADER,
        f"INV-A1,300,{days(-1)},TT-4",  # the reference is added to the one typed without
        f"INV-A1,200,{today()},",
        f"INV-A1,100,{today()},TT-6",
    )
    assert report[0].endswith("1 created, 1 updated, 1 unchanged, 0 rejected.")
    assert sorted((p.amount, p.reference) for p in rows(demo_db, Payment)) == [
        (Decimal("100.00"), "TT-6"),
        (Decimal("200.00"), "TT-5"),
        (Decimal("300.00"), "TT-4"),
    ]
    assert invoice(demo_db, "INV-A1").paid_amount == Decimal("600.00")


def test_bad_payment_rows_are_rejected_with_their_line(salesdesk, demo_db):
    salesdesk("invoices", INVOICE_HEADER, f"INV-900,,C-2001,1500,USD,{days(-40)},{days(-10)}")
    report = salesdesk(
        "payments",
        PAYMENT_HEADER,
        f"INV-404,10,{days(-1)},",
        f"INV-900,1000,{days(-1)},R-1",
        f"INV-900,1000,{days(-1)},R-1",
        f"INV-900,600,{days(-1)},R-2",
        f"INV-900,100,{days(-41)},",
        f"INV-900,100,{days(3)},",
        f"INV-900,-5,{days(-1)},",
        f"INV-900,ten,{days(-1)},",
    )
    assert report[:8] == [
        "Imported payments from payments.csv: 1 created, 0 updated, 0 unchanged, 7 rejected.",
        "line 2: unknown invoice number 'INV-404'",
        "line 4: the same payment already appears on line 3",
        "line 5: $600.00 is more than is open on invoice INV-900 ($500.00 open)",
        f"line 6: paid_on {days(-41)} is before the invoice was issued ({days(-40)})",
        f"line 7: paid_on {days(3)} is in the future",
        report[6],
        report[7],
    ]
    assert "a payment must be more than 0, not -5" in report[6]
    assert "payment amount 'ten' is not an amount" in report[7]
    assert invoice(demo_db, "INV-900").paid_amount == Decimal("1000.00")


# -- reminders and escalations ------------------------------------------------------------------


def test_a_friendly_reminder_goes_to_the_rep_once_before_the_invoice_falls_due(desk, demo_db):
    add_invoice(demo_db, "INV-R1", "C-2001", "2400", "USD", issued=-10, due=20)
    due = days(20)
    runner = JobRunner(demo_db)
    runner.run("reminders", at_noon(due - timedelta(days=4)))
    assert queued(demo_db, "invoice_due_soon") == []
    for before in (3, 2, 0):
        runner.run("reminders", at_noon(due - timedelta(days=before)))
    [reminder] = queued(demo_db, "invoice_due_soon")
    assert (reminder.channel, reminder.params["days_left"]) == (REP_EXPORT, 3)
    text = dm(desk.slack, REP_EXPORT, "Friendly reminder: invoice INV-R1")
    assert "(Northwind Trading Ltd) is due in 3 days" in text and "$2,400.00" in text


def test_overdue_goes_to_the_rep_then_the_manager_once_per_level(desk, demo_db):
    add_invoice(demo_db, "INV-R1", "C-2001", "2400", "USD", issued=-10, due=20)
    add_invoice(demo_db, "INV-R2", "C-2001", "99", "USD", issued=-10, due=20, paid=(("99", 0),))
    due = days(20)
    runner = JobRunner(demo_db)

    def run(days_after: int) -> list[tuple[str, str]]:
        runner.run("escalations", at_noon(due + timedelta(days=days_after)))
        return [(n.channel, n.params["level"]) for n in queued(demo_db, "invoice_overdue")]

    assert run(0) == []  # due today is not overdue yet
    assert run(1) == [(REP_EXPORT, "rep")]
    assert run(7) == [(REP_EXPORT, "rep")]
    assert run(8) == [(REP_EXPORT, "rep"), (MANAGER_EXPORT, "manager")]
    assert run(9) == run(30) == [(REP_EXPORT, "rep"), (MANAGER_EXPORT, "manager")]
    assert "is 1 day overdue" in dm(desk.slack, REP_EXPORT, "Invoice INV-R1 (Northwind")
    told = dm(desk.slack, MANAGER_EXPORT, "Invoice INV-R1")
    assert "rep Emma Davis) is 8 days overdue" in told and "$2,400.00 is still open" in told


def test_the_team_s_settings_set_when_reminders_and_escalations_come(desk, demo_db):
    add_invoice(demo_db, "INV-R1", "C-2001", "2400", "USD", issued=-10, due=20)
    with demo_db.session() as session:
        change_team_settings(
            session, None, "Export", {"invoice_reminder_days": "5", "overdue_manager_days": "2"}
        )
    due = days(20)
    runner = JobRunner(demo_db)
    runner.run("reminders", at_noon(due - timedelta(days=5)))
    assert [n.params["days_left"] for n in queued(demo_db, "invoice_due_soon")] == [5]
    runner.run("escalations", at_noon(due + timedelta(days=3)))
    assert {n.channel for n in queued(demo_db, "invoice_overdue")} == {REP_EXPORT, MANAGER_EXPORT}


def test_chinese_reps_and_managers_are_chased_in_chinese(desk, demo_db):
    add_invoice(demo_db, "INV-E1", "C-1001", "5000", issued=-40, due=-10)
    JobRunner(demo_db).run("escalations", at_noon(today("C-1")))
    rep = dm(desk.slack, REP_EAST, "发票 INV-E1")
    assert "已逾期 10 天" in rep and "仍有 ¥5,000.00 未收" in rep
    manager = dm(desk.slack, MANAGER_EAST, "发票 INV-E1")
    assert "销售 王芳 Wang Fang" in manager


# -- the stand-up and the weekly review ---------------------------------------------------------


def test_the_daily_digest_lists_overdue_invoices_with_totals_per_currency(desk, demo_db):
    export_aging_book(demo_db)
    JobRunner(demo_db).run("daily-digest", at_noon(today()))
    text = posted(desk.slack, "C0EXPORT01")
    assert "Overdue invoices (4): €800.00 · $3,400.00" in text
    assert "INV-A4 · Bluebird Components GmbH · Emma Davis · €800.00 · 95 days overdue" in text
    assert "INV-A5" not in text and "INV-A6" not in text


def test_the_weekly_review_shows_collections_and_overdue_by_bucket_per_currency(desk, demo_db):
    this_monday = today() - timedelta(days=today().weekday())
    week = (this_monday - timedelta(days=7) - today()).days  # the reviewed week's Monday
    book = [
        # number, currency, amount, due, payments (amount, day) — days from the week's Monday
        ("W-1", "USD", "1000", 2, (("600", 3),)),  # fell due, part paid in the week
        ("W-2", "USD", "400", 5, (("400", 6),)),  # fell due, paid in full in the week
        ("W-3", "USD", "2000", -20, (("500", 1),)),  # older, part paid in the week
        ("W-4", "EUR", "800", -40, ()),  # long overdue
        ("W-5", "EUR", "500", -100, (("500", 7),)),  # paid the Monday after: open at week's end
        ("W-6", "EUR", "250", 4, ()),  # fell due, nothing paid
        ("W-7", "EUR", "300", 8, ()),  # falls due after the week
    ]
    for number, currency, amount, due, paid in book:
        shifted = tuple((value, week + when) for value, when in paid)
        add_invoice(
            demo_db, number, "C-2001", amount, currency, week - 120, week + due, paid=shifted
        )
    JobRunner(demo_db).run("weekly-report", at_noon(this_monday))
    text = posted(desk.slack, MANAGER_EXPORT)
    assert "USD: $1,500.00 collected against $1,400.00 that fell due · collection rate 107.1%" in (
        text
    )
    assert "EUR: €0.00 collected against €250.00 that fell due · collection rate 0%" in text
    assert (
        "USD $1,900.00: 1–30 days overdue $1,900.00 · 31–60 days overdue $0.00 · "
        "61–90 days overdue $0.00 · Over 90 days overdue $0.00"
    ) in text
    assert (
        "EUR €1,550.00: 1–30 days overdue €250.00 · 31–60 days overdue €800.00 · "
        "61–90 days overdue €0.00 · Over 90 days overdue €500.00"
    ) in text
    assert "3,450" not in text and "3,400" not in text  # dollars and euros are not one number


def test_a_chinese_manager_reads_the_receivables_of_the_weekly_review_in_chinese(desk, demo_db):
    this_monday = today("C-1") - timedelta(days=today("C-1").weekday())
    week = (this_monday - timedelta(days=7) - today("C-1")).days
    paid = (("250", week + 2),)
    add_invoice(demo_db, "W-1", "C-1001", "1000", issued=week - 30, due=week + 1, paid=paid)
    add_invoice(demo_db, "W-2", "C-1003", "800", issued=week - 90, due=week - 60)
    JobRunner(demo_db).run("weekly-report", at_noon(this_monday))
    text = posted(desk.slack, MANAGER_EAST)
    assert "CNY：收回 ¥250.00，本周到期 ¥1,000.00 · 回款率 25%" in text
    assert (
        "CNY ¥1,550.00：逾期 1–30 天 ¥750.00 · 逾期 31–60 天 ¥0.00 · 逾期 61–90 天 ¥800.00" in text
    )
