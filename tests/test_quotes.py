"""/quote: quotes of opportunities made with /deal, in one line and by form, priced from the price
list imported with `salesdesk import products`; the team's manager approving or rejecting a deep
discount by DM (double clicks, stale buttons and replays harmless); the PDF and XLSX uploaded to
the rep's DM after the answer; send and accept; who may do what. Over signed HTTP into the real
app, on SQLite and PostgreSQL."""

import io
import threading
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlmodel import select

from commands.quotes import make_quote
from commands.quotes.text import LineRequest
from commands.team_settings import change_team_settings
from harness import RunningDesk
from helpers import actor, button_values, count, import_files, message_text, posted_to, told
from storage.models import AuditEntry, Notification, Opportunity, Quote, QuoteLine

WANG = "U0REPWANG"  # 王芳, zh-CN, East; owns C-1001
CHEN = "U0REPCHEN"  # 陈杰, zh-CN, East
EMMA = "U0REPEMMA"  # Emma Davis, en, Export; owns C-2001
ZHOU = "U0MGRZHOU"  # 周敏, manager of East
LINA = "U0DESKLIN"  # 李娜, desk of East
MARK = "U0MGREXPO"  # Mark Hill, manager of Export
ADMIN = "U0ADMIN01"
STRANGER = "U0NOBODY1"
SHANGHAI = ZoneInfo("Asia/Shanghai")
YEAR = datetime.now(SHANGHAI).year

FILES = {
    "teams": "name,slack_channel_id,timezone,manager_slack_id\n"
    f"华东 East,C0EAST0001,Asia/Shanghai,{ZHOU}\n"
    f"Export,C0EXPORT01,Europe/London,{MARK}\n",
    "members": "slack_user_id,name,role,team,locale\n"
    f"{ZHOU},周敏,manager,华东 East,zh-CN\n"
    f"{LINA},李娜,desk,华东 East,zh-CN\n"
    f"{WANG},王芳,rep,华东 East,zh-CN\n"
    f"{CHEN},陈杰,rep,华东 East,zh-CN\n"
    f"{MARK},Mark Hill,manager,Export,en\n"
    f"{EMMA},Emma Davis,rep,Export,en\n"
    f"{ADMIN},Ada Admin,admin,,en\n",
    "customers": "code,name,owner_slack_id\n"
    f"C-1001,上海华联贸易有限公司,{WANG}\n"
    f'C-2001,"Acme Trading Co., Ltd.",{EMMA}\n',
    "products": "sku,name_en,name_zh,list_price,currency,unit\n"
    "SKU-100,Stainless flange DN50,不锈钢法兰 DN50,123.45,CNY,件\n"
    "SKU-200,Gate valve DN80,闸阀 DN80,88.00,CNY,件\n"
    "SKU-300,Sensor kit,传感器套件,40.00,USD,set\n",
}


@pytest.fixture
def workspace(db, database_url, monkeypatch, tmp_path):
    import_files(database_url, monkeypatch, tmp_path, FILES)
    return db


@pytest.fixture
def desk(workspace, slack):
    with RunningDesk(workspace, slack) as running:
        yield running


def deal(desk, user: str = WANG, line: str = "C-1001; 华联二期法兰; 120000 CNY; 2026-12-31") -> int:
    """An opportunity made the way a rep makes one: /deal new."""
    reply = desk.command("/deal", f"new {line}", user)
    assert reply.status == 200, reply.body
    with desk.desk.db.session() as session:
        return session.exec(select(Opportunity.id).order_by(Opportunity.id.desc())).first()


def said(desk, text: str, user: str = WANG) -> str:
    reply = desk.command("/quote", text, user)
    assert reply.status == 200, reply.body
    assert reply.body["response_type"] == "ephemeral"
    return message_text(reply.body)


def quotes(db) -> list[Quote]:
    with db.session() as session:
        return list(session.exec(select(Quote).order_by(Quote.id)).all())


def lines_of(db, quote: Quote) -> list[QuoteLine]:
    with db.session() as session:
        return list(session.exec(select(QuoteLine).where(QuoteLine.quote_id == quote.id)).all())


def number(n: int) -> str:
    return f"Q-{YEAR}-{n:04d}"


def snapshot(db) -> tuple:
    rows = [(q.number, q.status, q.sent_at, q.decided_by_id) for q in quotes(db)]
    return rows, count(db, AuditEntry), count(db, Notification)


def files_in_dm(slack, user: str, count_: int = 2) -> dict:
    """The files shared in `user`'s DM (opened with conversations.open), by name."""
    return {upload.filename: upload for upload in slack.wait_for_files("D" + user, count_, 15)}


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def xlsx_total(content: bytes) -> Decimal:
    sheet = load_workbook(io.BytesIO(content)).active
    [total] = [row[7] for row in sheet.iter_rows(values_only=True) if row[6] in ("Total", "合计")]
    assert isinstance(total, float)
    return Decimal(str(total))


# -- one line, within the threshold ---------------------------------------------------------


def test_a_one_line_quote_is_priced_from_the_price_list_and_its_files_reach_the_reps_dm(desk):
    opportunity = deal(desk)
    text = said(desk, f"new {opportunity} SKU-100 x10 -5%, SKU-200 ×3")
    [quote] = quotes(desk.desk.db)
    # 10 × 123.45 × 0.95 = 1,172.775 → 1,172.78; 3 × 88 = 264; tax 13% inclusive: 165.29
    assert (quote.number, quote.status, quote.currency) == (number(1), "draft", "CNY")
    assert (quote.subtotal, quote.tax_amount, quote.total) == (
        Decimal("1271.49"),
        Decimal("165.29"),
        Decimal("1436.78"),
    )
    assert quote.tax_rate == Decimal("13") and quote.tax_inclusive
    assert quote.valid_until == datetime.now(SHANGHAI).date() + timedelta(days=30)
    totals = [(line.product_name, line.line_total) for line in lines_of(desk.desk.db, quote)]
    assert totals == [("不锈钢法兰 DN50", Decimal("1172.78")), ("闸阀 DN80", Decimal("264.00"))]
    assert f"报价单 {number(1)}（上海华联贸易有限公司）：¥1,436.78" in text
    assert "PDF 和 XLSX 正在发到 王芳 的私信" in text
    shared = files_in_dm(desk.slack, WANG)
    pdf, xlsx = shared[f"{number(1)}.pdf"], shared[f"{number(1)}.xlsx"]
    assert "上海华联贸易有限公司" in pdf_text(pdf.content)
    assert "不锈钢法兰 DN50" in pdf_text(pdf.content)
    assert xlsx_total(xlsx.content) == quote.total
    assert pdf.comment.startswith(f"报价单 {number(1)}（上海华联贸易有限公司）")
    [opened] = desk.slack.calls_to("conversations.open")
    assert opened.args["users"] == WANG


def test_chinese_discount_words_and_a_validity_date(desk):
    opportunity = deal(desk)
    said(desk, f"新建 {opportunity} SKU-100 *2 折扣 7.5%；SKU-200 x1；有效期至 {YEAR + 1}-01-31")
    [quote] = quotes(desk.desk.db)
    assert quote.valid_until == date(YEAR + 1, 1, 31)
    # 2 × 123.45 × 0.925 = 228.3825 → 228.38; + 88 = 316.38
    assert quote.total == Decimal("316.38") and quote.max_discount_percent == Decimal("7.5")
    files_in_dm(desk.slack, WANG)


def test_exclusive_tax_is_added_on_top(desk):
    with desk.desk.db.session() as session:
        change_team_settings(session, None, "华东 East", {"quote_tax_display": "exclusive"})
    opportunity = deal(desk)
    said(desk, f"new {opportunity} SKU-100 x10 -5%, SKU-200 x3")
    [quote] = quotes(desk.desk.db)
    assert (quote.subtotal, quote.tax_amount, quote.total) == (
        Decimal("1436.78"),
        Decimal("186.78"),
        Decimal("1623.56"),
    )
    assert not quote.tax_inclusive
    assert xlsx_total(files_in_dm(desk.slack, WANG)[f"{number(1)}.xlsx"].content) == quote.total


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("SKU-300 x2, SKU-100 x1", "以下产品的币种不是商机的 CNY，不会自动换算：SKU-300 (USD)"),
        ("SKU-999 x2", "没有 SKU 为 SKU-999 的产品"),
        ("SKU-100 x2, sku-100 x3", "只能出现一次"),
        ("SKU-100", "数量是多少"),
        ("SKU-100 x0", "数量必须大于 0"),
        ("SKU-100 x2 -100%", "折扣是 0 到 100 以下的百分比"),
        ("SKU-100 x2 cheap", "看不懂“SKU-100 x2 cheap”中的“cheap”"),
        ("SKU-100 x2; 有效期至 2020-01-01", "已经过去了"),
    ],
)
def test_a_line_that_cannot_be_quoted_is_named_and_nothing_is_stored(desk, line, expected):
    opportunity = deal(desk)
    before = snapshot(desk.desk.db)
    assert expected in said(desk, f"new {opportunity} {line}")
    assert snapshot(desk.desk.db) == before


def test_the_same_quote_typed_twice_is_made_once(desk):
    opportunity = deal(desk)
    said(desk, f"new {opportunity} SKU-100 x10")
    assert f"这与刚刚生成的 {number(1)} 是同一张报价单" in said(
        desk, f"new {opportunity} SKU-100 x10"
    )
    assert len(quotes(desk.desk.db)) == 1
    files_in_dm(desk.slack, WANG)


# -- the manager's decision --------------------------------------------------------------------


def asked(desk, manager: str = ZHOU) -> dict:
    [dm] = posted_to(desk.slack, manager, contains=number(1))
    return dm.args


def test_a_deep_discount_waits_for_the_manager_and_the_files_follow_the_approval(desk):
    opportunity = deal(desk)
    text = said(desk, f"new {opportunity} SKU-100 x10 -15%")
    [quote] = quotes(desk.desk.db)
    assert quote.status == "pending_approval" and quote.max_discount_percent == Decimal("15")
    assert "15% 的折扣超过团队上限 10%，已提交给 周敏 审批" in text
    dm = asked(desk)
    assert button_values(dm) == {"quote_approve": number(1), "quote_reject": number(1)}
    assert "王芳 请你审批报价单" in message_text(dm)
    assert desk.slack.shared_files() == []

    clicked = desk.click_in_message(ZHOU, "quote_approve", number(1))
    assert f"报价单 {number(1)} 已批准" in told(desk.slack, clicked)
    [approved] = quotes(desk.desk.db)
    assert approved.status == "approved" and approved.decided_at is not None
    updated = desk.slack.wait_for("chat.update", timeout=15)[0].args
    assert "周敏 于" in message_text(updated) and button_values(updated) == {}
    [decision] = posted_to(desk.slack, WANG, contains="已由 周敏 批准")
    assert decision.args["channel"] == WANG
    assert set(files_in_dm(desk.slack, WANG)) == {f"{number(1)}.pdf", f"{number(1)}.xlsx"}

    before = snapshot(desk.desk.db)
    again = desk.click_in_message(ZHOU, "quote_approve", number(1))
    assert "已由 周敏 于" in told(desk.slack, again, "批准")
    assert snapshot(desk.desk.db) == before
    assert len(desk.slack.shared_files()) == 2


def test_reject_asks_a_reason_and_tells_the_rep(desk):
    opportunity = deal(desk)
    said(desk, f"new {opportunity} SKU-200 x5 -30%")
    asked(desk)
    desk.click_in_message(ZHOU, "quote_reject", number(1))
    [form] = desk.slack.wait_for("views.open", timeout=15)
    view = form.args["view"]
    assert view["callback_id"] == "quote_reject_form" and view["private_metadata"] == number(1)
    values = {"reason": {"value": {"type": "plain_text_input", "value": "折扣太大"}}}
    reply = desk.submit_view(ZHOU, "quote_reject_form", values, metadata=number(1))
    assert reply.status == 200 and reply.body["response_action"] == "update"
    [quote] = quotes(desk.desk.db)
    assert (quote.status, quote.decision_note) == ("rejected", "折扣太大")
    [dm] = posted_to(desk.slack, WANG, contains="被 周敏 驳回")
    assert "原因：折扣太大" in message_text(dm.args)
    stale = desk.click_in_message(ZHOU, "quote_approve", number(1))
    assert "已被 周敏 于" in told(desk.slack, stale)
    assert desk.slack.shared_files() == []


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        (WANG, "不能审批自己的报价单"),  # the maker
        (LINA, "应由 周敏 决定"),  # the team's desk
        (CHEN, "没有你负责的报价单"),  # another rep of the team
        (EMMA, "There is no quote"),  # another team
        (MARK, "There is no quote"),  # another team's manager
    ],
)
def test_only_the_teams_manager_or_an_admin_decides(desk, who, expected):
    opportunity = deal(desk)
    said(desk, f"new {opportunity} SKU-100 x10 -15%")
    asked(desk)
    before = snapshot(desk.desk.db)
    clicked = desk.click_in_message(who, "quote_approve", number(1))
    assert expected in told(desk.slack, clicked)
    assert snapshot(desk.desk.db) == before


def test_an_admin_may_decide_and_a_managers_own_quote_goes_to_the_admins(desk):
    opportunity = deal(desk)
    said(desk, f"new {opportunity} SKU-100 x10 -15%", user=ZHOU)
    [dm] = posted_to(desk.slack, ADMIN, contains=number(1))
    assert "You get this as an admin: 周敏 manages the team" in message_text(dm.args)
    assert "不能审批自己的报价单" in said(desk, f"approve {number(1)}", user=ZHOU)
    assert "approved" in said(desk, f"approve {number(1)}", user=ADMIN)
    assert quotes(desk.desk.db)[0].status == "approved"
    files_in_dm(desk.slack, WANG)


def test_a_stranger_is_told_politely_and_sees_nothing(desk):
    opportunity = deal(desk)
    said(desk, f"new {opportunity} SKU-100 x1")
    files_in_dm(desk.slack, WANG)
    reply = desk.command("/quote", number(1), STRANGER)
    assert reply.status == 200 and number(1) not in reply.text()


def test_another_teams_rep_cannot_quote_on_an_opportunity(desk):
    opportunity = deal(desk)
    assert f"There is no opportunity #{opportunity} you work on" in said(
        desk, f"new {opportunity} SKU-100 x1", user=EMMA
    )
    assert quotes(desk.desk.db) == []


# -- send, accept, show, list ------------------------------------------------------------------


def test_send_uploads_again_and_accept_supersedes_the_earlier_quotes(desk):
    opportunity = deal(desk)
    said(desk, f"new {opportunity} SKU-100 x10")
    said(desk, f"new {opportunity} SKU-100 x12 -3%")
    files_in_dm(desk.slack, WANG, 4)
    assert "已标记为已发送" in said(desk, f"send {number(2)}", user=LINA)
    files_in_dm(desk.slack, WANG, 6)
    assert desk.slack.shared_files("D" + LINA) == []  # the files go to the opportunity's rep
    text = said(desk, f"accept {number(2)}")
    assert "已被客户接受" in text and f"以下报价单随之作废：{number(1)}" in text
    assert [q.status for q in quotes(desk.desk.db)] == ["superseded", "accepted"]
    assert "已被客户接受" in said(desk, f"accept {number(2)}")
    assert "已被之后的报价单取代" in said(desk, f"send {number(1)}")
    listed = said(desk, f"list {opportunity}")
    assert number(1) in listed and "已作废" in listed and "已接受" in listed
    shown = said(desk, number(2))
    assert "不锈钢法兰 DN50" in shown and "折扣 3%" in shown


def test_a_quote_waiting_for_approval_cannot_be_sent(desk):
    opportunity = deal(desk)
    said(desk, f"new {opportunity} SKU-100 x10 -15%")
    assert "需要先审批" in said(desk, f"send {number(1)}")
    assert desk.slack.shared_files() == []


def test_help_in_both_languages(desk):
    assert "/quote new 12 SKU-100 x10 -5%, SKU-200 x3" in said(desk, "help", user=EMMA)
    assert "一行报价" in said(desk, "帮助")


# -- the form ------------------------------------------------------------------------------------


def test_the_form_offers_the_price_list_and_makes_the_quote(desk):
    opportunity = deal(desk)
    desk.command("/quote", f"new {opportunity}", WANG)
    [form] = desk.slack.wait_for("views.open", timeout=15)
    view = form.args["view"]
    assert view["callback_id"] == "quote_form" and view["private_metadata"] == str(opportunity)
    options = desk.interact(
        {
            "type": "block_suggestion",
            "user": WANG,
            "action_id": "quote_product_select",
            "block_id": "product_1",
            "value": "法兰",
            "view": view,
        }
    )
    assert [o["value"] for o in options.body["options"]] == ["SKU-100"]
    values = {
        "product_1": {
            "quote_product_select": {
                "type": "external_select",
                "selected_option": {"value": "SKU-100"},
            }
        },
        "quantity_1": {"value": {"type": "number_input", "value": "10"}},
        "discount_1": {"value": {"type": "number_input", "value": "5"}},
    }
    reply = desk.submit_view(WANG, "quote_form", values, metadata=str(opportunity))
    assert reply.body["response_action"] == "update"
    [quote] = quotes(desk.desk.db)
    assert quote.total == Decimal("1172.78")
    files_in_dm(desk.slack, WANG)


# -- Slack failing, two writers ----------------------------------------------------------------


def test_an_upload_slack_refuses_is_told_not_raised(desk):
    desk.slack.set_response("files.completeUploadExternal", {"ok": False, "error": "fatal_error"})
    opportunity = deal(desk)
    assert "正在发到" in said(desk, f"new {opportunity} SKU-100 x1")
    [dm] = posted_to(desk.slack, WANG, contains="文件暂时无法上传")
    assert f"/quote send {number(1)}" in message_text(dm.args)
    assert quotes(desk.desk.db)[0].status == "draft"


def test_two_writers_never_take_the_same_number(desk):
    opportunity = deal(desk)
    rep = actor(desk.desk.db, WANG)
    made: list[str] = []

    def write(quantity: int) -> None:
        with desk.desk.db.session() as session:
            line = LineRequest("SKU-100", Decimal(quantity))
            made.append(make_quote(session, rep, opportunity, (line,)).card.number)

    writers = [threading.Thread(target=write, args=(n,)) for n in range(1, 5)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert sorted(made) == [number(n) for n in range(1, 5)]
