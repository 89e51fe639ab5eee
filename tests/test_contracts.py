"""/contract: drafting by form, legal review and approval through DMs updated in place,
signing, archiving, rejection and reopening, who may take which step, and the expiry reminders
and stalled-review escalations of the scheduled jobs; driven over signed HTTP the way Slack
sends it, against the demo workspace (East has a legal reviewer, 刘律师 Liu, no team)."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from itertools import count as counter

import pytest
from sqlmodel import select

from commands.contracts import ContractDraft, create_contract, take_step
from commands.team_settings import change_team_settings
from harness import mrkdwn_texts
from helpers import (
    actor,
    button_values,
    count,
    customer_id,
    message_text,
    posted_to,
    told,
    updated_for,
)
from jobs.runner import JobRunner
from storage.demo import load_demo_paperwork
from storage.models import AuditEntry, Contract, Customer, Member, Notification

ADMIN = "UADMIN0001"  # English, no team
MANAGER_EAST = "UMGR00001"  # 周敏 Zhou Min, Chinese; the East reps' manager
DESK_EAST = "UDESK0001"  # 李娜 Li Na
REP_EAST = "UREP00001"  # 王芳 Wang Fang, owns C-1001 and C-1002
REP_EAST_2 = "UREP00002"  # 陈杰 Chen Jie, owns C-1003
MANAGER_EXPORT = "UMGR00002"
DESK_EXPORT = "UDESK0002"  # Tom Baker
REP_EXPORT = "UREP00003"  # Emma Davis, owns C-2001 and C-2002
LEGAL = "ULEGAL0001"  # Liu Lawyer, the East team's legal reviewer, English
STRANGER = "UNOBODY01"
WAIT = 15.0  # the outbox sends one message a second to any one person
TODAY = date.today()
DOC = "https://docs.example.com/contracts/huanglian-2026.pdf"


@pytest.fixture
def legal(demo_db):
    """A legal reviewer for East: a member of no team, named in East's settings."""
    with demo_db.session() as session:
        session.add(Member(slack_user_id=LEGAL, name="Liu Lawyer", role="desk", locale="en"))
        change_team_settings(session, None, "East 华东", {"legal_reviewers": LEGAL})
    return LEGAL


# -- reading what happened -----------------------------------------------------------------


def contract(db, contract_id: int) -> Contract:
    with db.session() as session:
        return session.get(Contract, contract_id)


def contracts(db) -> list[Contract]:
    with db.session() as session:
        return list(session.exec(select(Contract).order_by(Contract.id)).all())


def audits(db, contract_id: int) -> list[AuditEntry]:
    with db.session() as session:
        query = select(AuditEntry).where(
            AuditEntry.entity == "contract", AuditEntry.entity_key == str(contract_id)
        )
        return list(session.exec(query.order_by(AuditEntry.id)).all())


def snapshot(db) -> tuple:
    """Everything a refused action must leave as it was."""
    rows = [(c.id, c.status, c.title, c.reject_reason) for c in contracts(db)]
    return rows, count(db, AuditEntry), count(db, Notification)


def said(reply) -> str:
    """Everything the asker reads in a reply (its buttons too)."""
    return message_text(reply.body) if isinstance(reply.body, dict) else reply.body


# -- acting the way Slack does ---------------------------------------------------------------


def _option(value: str) -> dict:
    return {"text": {"type": "plain_text", "text": value}, "value": value}


def form_values(
    customer: int | None,
    kind: str | None = "sales_agreement",
    title: str | None = "Supply agreement 2026",
    value: str | None = "50000",
    currency: str | None = "CNY",
    starts: date | None = TODAY,
    expires: date | None = TODAY + timedelta(days=365),
    document: str | None = DOC,
) -> dict:
    def selected(option: str | None, kind_of: str = "static_select") -> dict:
        return {"type": kind_of, "selected_option": _option(option) if option else None}

    return {
        "customer": {"customer_select": selected(str(customer) if customer else None)},
        "kind": {"value": selected(kind)},
        "title": {"value": {"type": "plain_text_input", "value": title}},
        "value": {"value": {"type": "number_input", "value": value}},
        "currency": {"value": selected(currency)},
        "starts_on": {"value": {"type": "datepicker", "selected_date": _iso(starts)}},
        "expires_on": {"value": {"type": "datepicker", "selected_date": _iso(expires)}},
        "document": {"value": {"type": "url_text_input", "value": document}},
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def drafted(desk, user: str = REP_EAST, code: str = "C-1001", **fields) -> int:
    """A contract drafted through the form; returns its id."""
    reply = desk.submit_view(
        user, "contract_form", form_values(customer_id(desk_db(desk), code), **fields)
    )
    assert reply.body["response_action"] == "update", reply.body
    return max(c.id for c in contracts(desk_db(desk)))


def desk_db(desk):
    return desk.desk.db


_titles = counter(1)


def contract_in(db, status: str, owner: str = REP_EAST, value: str = "50000", **steps) -> int:
    """A contract of C-1001 brought to `status` by the people whose job each step is."""
    with db.session() as session:
        draft = ContractDraft(
            customer_id=session.exec(select(Customer.id).where(Customer.code == "C-1001")).one(),
            kind="sales_agreement",
            title=f"Agreement {next(_titles)}",
            value=None if value is None else Decimal(value),
            currency="CNY",
            starts_on=TODAY,
            expires_on=TODAY + timedelta(days=365),
            document_url=DOC,
        )
        contract_id = create_contract(session, actor(db, owner), draft).card.id
    path = {
        "draft": [],
        "legal_review": [("submit", owner)],
        "reviewed": [("submit", owner), ("review", LEGAL)],
        "approved": [("submit", owner), ("review", LEGAL), ("approve", MANAGER_EAST)],
        "signed": [
            ("submit", owner),
            ("review", LEGAL),
            ("approve", MANAGER_EAST),
            ("sign", owner),
        ],
        "rejected": [("submit", owner), ("reject", MANAGER_EAST)],
    }[status]
    for step, who in path:
        with db.session() as session:
            take_step(
                session,
                actor(db, who),
                contract_id,
                step,
                "not for us" if step == "reject" else None,
            )
    return contract_id


# -- help, the form ---------------------------------------------------------------------------


def test_help_explains_the_commands_and_who_does_what_in_both_languages(desk):
    english = said(desk.command("/contract", "help", ADMIN))
    assert "/contract submit 12" in english and "legal reviewers" in english
    assert "large_contract_value" in english and "Nobody reviews or approves their own" in english
    chinese = said(desk.command("/contract", "帮助", REP_EAST))
    assert "法务审核" in chinese and "大额合同" in chinese


def test_bare_contract_opens_the_form_with_a_customer_search_and_pickers(desk):
    reply = desk.command("/contract", "", REP_EXPORT)
    assert reply.status == 200
    [opened] = desk.slack.wait_for("views.open")
    view = opened.args["view"]
    assert opened.args["trigger_id"] and view["callback_id"] == "contract_form"
    elements = {block["block_id"]: block["element"] for block in view["blocks"]}
    assert elements["customer"]["type"] == "external_select"
    assert elements["customer"]["action_id"] == "customer_select"
    assert elements["kind"]["type"] == "static_select"
    kinds = [option["text"]["text"] for option in elements["kind"]["options"]]
    assert kinds == ["Sales agreement", "Agency agreement", "NDA"]
    assert elements["starts_on"]["type"] == elements["expires_on"]["type"] == "datepicker"
    assert elements["document"]["type"] == "url_text_input"
    assert elements["value"]["type"] == "number_input"


def test_the_form_speaks_chinese_to_a_chinese_member(desk):
    desk.command("/contract", "", REP_EAST)
    [opened] = desk.slack.wait_for("views.open")
    assert opened.args["view"]["title"]["text"] == "起草合同"
    assert "到期日期" in message_text(opened.args["view"])
    kinds = opened.args["view"]["blocks"][1]["element"]["options"]
    assert [option["text"]["text"] for option in kinds] == ["销售合同", "代理协议", "保密协议"]


def test_the_form_saves_a_draft_owned_by_its_author_and_confirms_in_place(desk, demo_db):
    reply = desk.submit_view(
        REP_EXPORT, "contract_form", form_values(customer_id(demo_db, "C-2001"))
    )
    assert reply.body["response_action"] == "update"
    text = message_text({"blocks": reply.body["view"]["blocks"]})
    [saved] = contracts(demo_db)
    assert f"Contract #{saved.id} “Supply agreement 2026” is saved as a draft" in text
    assert "CN¥50,000.00" in text and "Northwind Trading Ltd" in text
    assert (saved.status, saved.kind, saved.value, saved.document_url) == (
        "draft",
        "sales_agreement",
        50000,
        DOC,
    )
    [entry] = audits(demo_db, saved.id)
    assert (entry.actor, entry.action, entry.after["title"]) == (
        REP_EXPORT,
        "draft",
        "Supply agreement 2026",
    )
    card = desk.command("/contract", str(saved.id), REP_EXPORT)
    assert "Owner: Emma Davis" in said(card) and "Status: Draft" in said(card)
    assert set(button_values(card.body)) == {
        "contract_submit",
        "contract_edit",
        "contract_document",
    }


def test_the_same_form_sent_twice_is_one_contract(desk, demo_db):
    values = form_values(customer_id(demo_db, "C-2001"))
    assert desk.submit_view(REP_EXPORT, "contract_form", values).body["response_action"] == "update"
    again = desk.submit_view(REP_EXPORT, "contract_form", values).body
    assert again["response_action"] == "errors"
    assert "already exists: contract #" in again["errors"]["title"]
    assert count(demo_db, Contract) == 1


@pytest.mark.parametrize(
    ("change", "field", "expected"),
    [
        (
            {"starts": TODAY + timedelta(days=30), "expires": TODAY + timedelta(days=10)},
            "expires_on",
            "must expire after it starts",
        ),
        ({"starts": None, "expires": TODAY - timedelta(days=1)}, "expires_on", "already past"),
        ({"document": "ftp://files.example.com/x.pdf"}, "document", "http:// or https://"),
        ({"document": "javascript:alert(1)"}, "document", "http:// or https://"),
        ({"document": "https://x.example.com/" + "a" * 500}, "document", "500 characters"),
        ({"value": None}, "value", "sales and agency agreements need one"),
        ({"value": "-5"}, "value", "can't be negative"),
        ({"value": "12.345"}, "value", "at most 2 decimals"),
        ({"value": "lots"}, "value", "is not an amount"),
        ({"title": ""}, "title", "Give the contract a title"),
        ({"title": "x" * 201}, "title", "200 characters"),
        ({"kind": None}, "kind", "Choose the kind"),
    ],
)
def test_each_bad_field_of_the_form_is_shown_under_it(desk, demo_db, change, field, expected):
    values = form_values(customer_id(demo_db, "C-2001"), **change)
    reply = desk.submit_view(REP_EXPORT, "contract_form", values).body
    assert reply["response_action"] == "errors"
    assert expected in reply["errors"][field], reply["errors"]
    assert count(demo_db, Contract) == 0 and count(demo_db, AuditEntry) == 0


def test_an_nda_needs_no_value(desk, demo_db):
    values = form_values(customer_id(demo_db, "C-2001"), kind="nda", value=None)
    assert desk.submit_view(REP_EXPORT, "contract_form", values).body["response_action"] == "update"
    assert contracts(demo_db)[0].value is None


def test_a_customer_the_author_may_not_see_is_refused_like_an_unknown_one(desk, demo_db):
    hidden = form_values(customer_id(demo_db, "C-1001"))  # East's customer
    reply = desk.submit_view(REP_EXPORT, "contract_form", hidden).body
    assert "can't find that customer" in reply["errors"]["customer"]
    assert count(demo_db, Contract) == 0


def test_every_bad_field_is_shown_at_once(desk, demo_db):
    values = form_values(None, title="", document="not a link", value="lots")
    errors = desk.submit_view(REP_EXPORT, "contract_form", values).body["errors"]
    assert set(errors) == {"customer", "title", "document", "value"}


def test_markup_in_what_people_type_is_shown_not_obeyed(desk, demo_db, legal):
    title = "<!channel> *Urgent* <https://evil.example|click>"
    contract_id = drafted(desk, title=title)
    card = desk.command("/contract", f"show {contract_id}", ADMIN).body
    assert title in message_text(card)
    assert not any("<!channel>" in text for text in mrkdwn_texts(card))
    desk.command("/contract", f"submit {contract_id}", REP_EAST)
    [dm] = posted_to(desk.slack, LEGAL)
    assert title in message_text(dm.args)
    assert not any("<!channel>" in text for text in mrkdwn_texts(dm.args))
    assert "<!channel>" not in dm.args["text"]


# -- the life cycle, through DMs --------------------------------------------------------------


def test_review_approve_sign_and_archive_each_tell_the_next_person_and_the_owner(
    desk, demo_db, legal
):
    contract_id = drafted(desk)
    reply = said(desk.command("/contract", f"submit {contract_id}", REP_EAST))
    assert "已进入法务审核，已请 Liu Lawyer 审核" in reply
    assert contract(demo_db, contract_id).status == "legal_review"

    [ask] = posted_to(desk.slack, LEGAL, "submitted this contract for legal review")
    assert set(button_values(ask.args)) == {
        "contract_review",
        "contract_reject",
        "contract_document",
    }
    assert button_values(ask.args)["contract_document"] == DOC
    name = desk.click_in_message(LEGAL, "contract_review", str(contract_id), ask.args)
    assert "Asked to approve it: 周敏 Zhou Min" in told(desk.slack, name)
    assert contract(demo_db, contract_id).status == "legal_review"
    updated = updated_for(desk.slack, LEGAL, "Legal review passed: Liu Lawyer")
    assert button_values(updated) == {"contract_document": DOC}
    posted_to(desk.slack, REP_EAST, "已通过法务审核")

    [approval] = posted_to(desk.slack, MANAGER_EAST, "已通过法务审核，请批准")
    assert {"contract_approve", "contract_reject"} <= set(button_values(approval.args))
    name = desk.click_in_message(MANAGER_EAST, "contract_approve", str(contract_id), approval.args)
    assert "已批准" in told(desk.slack, name)
    assert contract(demo_db, contract_id).status == "approved"
    updated_for(desk.slack, MANAGER_EAST, "周敏 Zhou Min 于")

    [approved] = posted_to(desk.slack, REP_EAST, "已由 周敏 Zhou Min")
    assert "contract_sign" in button_values(approved.args)
    name = desk.click_in_message(REP_EAST, "contract_sign", str(contract_id), approved.args)
    assert "已签署" in told(desk.slack, name)
    assert contract(demo_db, contract_id).status == "signed"
    signed_dm = updated_for(desk.slack, REP_EAST, "已签署，王芳 Wang Fang")
    assert "contract_sign" not in button_values(signed_dm)
    posted_to(desk.slack, DESK_EAST, "已签署")

    archived = said(desk.command("/contract", f"归档 {contract_id}", DESK_EAST))
    assert "已归档" in archived
    assert contract(demo_db, contract_id).status == "archived"
    posted_to(desk.slack, REP_EAST, "已由 李娜 Li Na")
    steps = [(entry.action, entry.actor) for entry in audits(demo_db, contract_id)]
    assert steps == [
        ("draft", REP_EAST),
        ("submit", REP_EAST),
        ("review", LEGAL),
        ("approve", MANAGER_EAST),
        ("sign", REP_EAST),
        ("archive", DESK_EAST),
    ]
    history = said(desk.command("/contract", str(contract_id), ADMIN))
    assert "Legal review passed, by Liu Lawyer" in history
    assert "Approved by 周敏 Zhou Min" in history and "Archived by 李娜 Li Na" in history


def test_reject_asks_for_a_reason_updates_the_asks_and_the_owner_can_start_again(
    desk, demo_db, legal
):
    contract_id = contract_in(demo_db, "legal_review")
    [ask] = posted_to(desk.slack, LEGAL, "submitted this contract")
    desk.click_in_message(LEGAL, "contract_reject", str(contract_id), ask.args)
    [opened] = desk.slack.wait_for("views.open")
    assert opened.args["view"]["callback_id"] == "contract_reject_form"
    assert contract(demo_db, contract_id).status == "legal_review"

    empty = desk.submit_view(
        LEGAL, "contract_reject_form", {"reason": {"value": {"value": ""}}}, str(contract_id)
    )
    assert "Say why" in empty.body["errors"]["reason"]
    reason = {
        "reason": {
            "value": {"type": "plain_text_input", "value": "Clause 7 caps liability too low"}
        }
    }
    done = desk.submit_view(LEGAL, "contract_reject_form", reason, str(contract_id))
    assert done.body["response_action"] == "update"
    saved = contract(demo_db, contract_id)
    assert (saved.status, saved.reject_reason) == ("rejected", "Clause 7 caps liability too low")
    updated_for(desk.slack, LEGAL, "Rejected by Liu Lawyer")
    posted_to(desk.slack, REP_EAST, "Clause 7 caps liability too low")

    assert "请先用 /contract reopen" in said(
        desk.command("/contract", f"submit {contract_id}", REP_EAST)
    )
    assert "已退回草稿" in said(desk.command("/contract", f"重新起草 {contract_id}", REP_EAST))
    assert contract(demo_db, contract_id).status == "draft"
    desk.command("/contract", f"edit {contract_id}", REP_EAST)
    [edit_form] = [c for c in desk.slack.wait_for("views.open", count=2)][1:]
    assert edit_form.args["view"]["private_metadata"] == str(contract_id)
    values = form_values(customer_id(demo_db, "C-1001"), title="Agreement, liability fixed")
    saved_edit = desk.submit_view(REP_EAST, "contract_form", values, str(contract_id))
    assert saved_edit.body["response_action"] == "update"
    assert contract(demo_db, contract_id).title == "Agreement, liability fixed"
    desk.command("/contract", f"submit {contract_id}", REP_EAST)
    second_round = desk.slack.wait_for(
        "chat.postMessage",
        count=2,
        timeout=WAIT,
        where=lambda c: c.args["channel"] == LEGAL and "submitted this" in c.args["text"],
    )
    assert "Agreement, liability fixed" in message_text(second_round[1].args)


def test_a_second_click_and_a_replayed_command_change_nothing_and_say_who_did_it(
    desk, demo_db, legal
):
    contract_id = contract_in(demo_db, "reviewed")
    [approval] = posted_to(desk.slack, MANAGER_EAST, "请批准")
    first = desk.click_in_message(MANAGER_EAST, "contract_approve", str(contract_id), approval.args)
    assert "已批准" in told(desk.slack, first)
    before = snapshot(demo_db)
    name = desk.click_in_message(MANAGER_EAST, "contract_approve", str(contract_id), approval.args)
    assert "已由 周敏 Zhou Min 于" in told(desk.slack, name) and "未做任何更改" in told(
        desk.slack, name
    )
    replay = said(desk.command("/contract", f"approve {contract_id}", ADMIN))
    assert "was already approved, by 周敏 Zhou Min" in replay
    assert snapshot(demo_db) == before


def test_a_step_taken_before_the_desk_kept_records_is_told_without_a_who_or_when(desk, demo_db):
    # The demo's contracts are loaded as they stand, with no audit of the steps behind them.
    with demo_db.session() as session:
        load_demo_paperwork(session, TODAY)
    [signed] = [c.id for c in contracts(demo_db) if c.status == "signed"]  # Northwind, Export
    [in_review] = [c.id for c in contracts(demo_db) if c.status == "legal_review"]  # 华联, East
    before = snapshot(demo_db)

    def lines(text: str, user: str) -> set[str]:
        return set(said(desk.command("/contract", text, user)).splitlines())

    english = lines(f"submit {signed}", ADMIN)
    again = lines(f"sign {signed}", ADMIN)
    chinese = lines(f"submit {in_review}", REP_EAST)

    assert english == {f"Contract #{signed} was already submitted. Nothing was changed."}
    assert again == {f"Contract #{signed} was already marked signed. Nothing was changed."}
    assert chinese == {f"合同 #{in_review} 已提交。未做任何更改。"}
    assert snapshot(demo_db) == before


def test_a_stale_approve_button_after_a_rejection_changes_nothing(desk, demo_db, legal):
    contract_id = contract_in(demo_db, "reviewed")
    [approval] = posted_to(desk.slack, MANAGER_EAST, "请批准")
    desk.command("/contract", f"reject {contract_id} wrong customer entity", ADMIN)
    before = snapshot(demo_db)
    name = desk.click_in_message(MANAGER_EAST, "contract_approve", str(contract_id), approval.args)
    assert "驳回：wrong customer entity" in told(desk.slack, name)
    assert snapshot(demo_db) == before


def test_approval_waits_for_the_legal_review(desk, demo_db, legal):
    contract_id = contract_in(demo_db, "legal_review")
    before = snapshot(demo_db)
    text = said(desk.command("/contract", f"approve {contract_id}", ADMIN))
    assert "has not passed legal review yet: Liu Lawyer must review it first" in text
    assert snapshot(demo_db) == before


def test_a_draft_without_a_document_link_cannot_go_to_review(desk, demo_db, legal):
    contract_id = drafted(desk, document=None)
    before = snapshot(demo_db)
    text = said(desk.command("/contract", f"submit {contract_id}", REP_EAST))
    assert "还没有文件链接" in text
    assert snapshot(demo_db) == before


def test_without_legal_reviewers_the_manager_reviews_and_an_admin_may(desk, demo_db):
    contract_id = drafted(desk)
    assert "周敏 Zhou Min" in said(desk.command("/contract", f"submit {contract_id}", REP_EAST))
    [ask] = posted_to(desk.slack, MANAGER_EAST, "法务审核")
    assert "没有指定法务审核人" in message_text(ask.args)
    refused = said(desk.command("/contract", f"review {contract_id}", DESK_EAST))
    assert "由主管（周敏 Zhou Min）或管理员审核" in refused
    assert "recorded" in said(desk.command("/contract", f"review {contract_id}", ADMIN))


# -- large contracts ----------------------------------------------------------------------------


def test_where_the_desk_may_approve_a_large_contract_still_needs_the_manager(desk, demo_db, legal):
    with demo_db.session() as session:
        change_team_settings(
            session,
            None,
            "East 华东",
            {"contract_approver_roles": "manager,desk", "large_contract_value": "100000"},
        )
    small = contract_in(demo_db, "reviewed", value="100000")
    assert "已批准" in said(desk.command("/contract", f"approve {small}", DESK_EAST))
    assert contract(demo_db, small).status == "approved"

    large = contract_in(demo_db, "reviewed", value="100000.01")
    before = snapshot(demo_db)
    refused = said(desk.command("/contract", f"批准 {large}", DESK_EAST))
    assert "大额合同（金额超过 100,000）" in refused and "周敏 Zhou Min" in refused
    assert snapshot(demo_db) == before
    asked = [call.args["channel"] for call in posted_to(desk.slack, MANAGER_EAST, "大额合同")]
    assert asked == [MANAGER_EAST]
    assert "已批准" in said(desk.command("/contract", f"approve {large}", MANAGER_EAST))
    assert contract(demo_db, large).status == "approved"


def test_by_default_the_desk_does_not_approve(desk, demo_db, legal):
    contract_id = contract_in(demo_db, "reviewed", value="10")
    text = said(desk.command("/contract", f"approve {contract_id}", DESK_EAST))
    assert "由 周敏 Zhou Min 或管理员批准" in text
    assert contract(demo_db, contract_id).status == "legal_review"


# -- who may take which step ------------------------------------------------------------------

DONE, FORBIDDEN, HIDDEN, NOT_A_MEMBER = "done", "forbidden", "hidden", "not a member"
STEP_CASES = {
    # step: (status it needs, status it leads to)
    "submit": ("draft", "legal_review"),
    "review": ("legal_review", "legal_review"),
    "approve": ("reviewed", "approved"),
    "reject": ("legal_review", "rejected"),
    "sign": ("approved", "signed"),
    "archive": ("signed", "archived"),
    "reopen": ("rejected", "draft"),
}
MATRIX = {
    # who: submit, review, approve, reject, sign, archive, reopen
    REP_EAST: (DONE, FORBIDDEN, FORBIDDEN, FORBIDDEN, DONE, FORBIDDEN, DONE),  # the owner
    REP_EAST_2: (HIDDEN,) * 7,
    DESK_EAST: (DONE, FORBIDDEN, FORBIDDEN, FORBIDDEN, DONE, DONE, DONE),
    MANAGER_EAST: (DONE, FORBIDDEN, DONE, DONE, DONE, DONE, DONE),
    ADMIN: (DONE, FORBIDDEN, DONE, DONE, DONE, DONE, DONE),
    LEGAL: (FORBIDDEN, DONE, FORBIDDEN, DONE, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    DESK_EXPORT: (HIDDEN,) * 7,
    STRANGER: (NOT_A_MEMBER,) * 7,
}


def test_permission_matrix(desk, demo_db, legal):
    for who, outcomes in MATRIX.items():
        for (step, (needs, leads_to)), expected in zip(STEP_CASES.items(), outcomes, strict=True):
            contract_id = contract_in(demo_db, needs)
            before = contract(demo_db, contract_id).status
            audited = len(audits(demo_db, contract_id))
            text = said(desk.command("/contract", f"{step} {contract_id} a reason", who))
            after = contract(demo_db, contract_id)
            case = f"{who} {step}: {text}"
            if expected == DONE:
                assert after.status == leads_to, case
                assert len(audits(demo_db, contract_id)) == audited + 1, case
                continue
            assert after.status == before, case
            assert len(audits(demo_db, contract_id)) == audited, case
            if expected == HIDDEN:
                hidden = (
                    f"can't find a contract #{contract_id}",
                    f"找不到您能查看的合同 #{contract_id}",
                )
                assert any(words in text for words in hidden), case
            elif expected == NOT_A_MEMBER:
                assert "not registered" in text, case
            else:
                refusal = ("Only", "only", "is for", "by", "只有", "由", "自己的合同")
                assert any(word in text for word in refusal), case
                assert not any(word in text for word in ("can't find", "找不到", "抱歉", "Sorry"))


def test_a_contract_you_may_not_see_reads_like_one_that_does_not_exist(desk, demo_db, legal):
    contract_id = contract_in(demo_db, "draft")
    hidden = said(desk.command("/contract", f"show {contract_id}", REP_EXPORT))
    missing = said(desk.command("/contract", "show 99999", REP_EXPORT))
    assert hidden.replace(str(contract_id), "N") == missing.replace("99999", "N")
    assert "上海华联" not in hidden
    for step in ("submit", "approve", "sign"):
        text = said(desk.command("/contract", f"{step} {contract_id}", REP_EXPORT))
        assert text.replace(str(contract_id), "N") == missing.replace("99999", "N")
    listed = said(desk.command("/contract", "list", REP_EXPORT))
    assert "Agreement" not in listed


def test_a_forged_button_value_is_refused_politely(desk, demo_db, legal):
    name = desk.click_in_message(MANAGER_EAST, "contract_approve", "12; DROP TABLE contract")
    assert "不是合同编号" in told(desk.slack, name)
    name = desk.click_in_message(MANAGER_EAST, "contract_approve", "424242")
    assert "找不到您能查看的合同 #424242" in told(desk.slack, name)


def test_unregistered_people_get_a_polite_word_and_no_data(desk, demo_db, legal):
    contract_in(demo_db, "draft")
    text = said(desk.command("/contract", "list", STRANGER))
    assert "not registered" in text and "Agreement" not in text


# -- bad one-line input -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("frobnicate 12", "I don't know “frobnicate”"),
        ("approve", "Which contract? Add its number, like /contract approve 12"),
        ("approve twelve", "“twelve” is not a contract number"),
        ("show 99999", "I can't find a contract #99999"),
        ("reject 1 " + "x" * 1001, "1000 characters at most"),
        ("list " + "x" * 3001, "3000 characters at most"),
    ],
)
def test_bad_input_gets_a_specific_polite_answer_and_changes_nothing(
    desk, demo_db, legal, text, expected
):
    contract_in(demo_db, "legal_review")
    before = snapshot(demo_db)
    reply = desk.command("/contract", text, ADMIN)
    assert reply.status == 200 and reply.body["response_type"] == "ephemeral"
    assert expected in said(reply)
    assert snapshot(demo_db) == before


def test_reject_without_a_reason_opens_the_reason_form(desk, demo_db, legal):
    contract_id = contract_in(demo_db, "legal_review")
    reply = desk.command("/contract", f"reject {contract_id}", MANAGER_EAST)
    assert reply.status == 200
    [opened] = desk.slack.wait_for("views.open")
    assert opened.args["view"]["callback_id"] == "contract_reject_form"
    assert opened.args["view"]["private_metadata"] == str(contract_id)
    assert contract(demo_db, contract_id).status == "legal_review"
    refused = desk.command("/contract", f"reject {contract_id}", REP_EAST)
    assert "可由 Liu Lawyer、周敏 Zhou Min 或管理员驳回" in said(refused)
    assert len(desk.slack.calls_to("views.open")) == 1


# -- lists -------------------------------------------------------------------------------------


def test_lists_show_what_each_reader_needs(desk, demo_db, legal):
    waiting = contract_in(demo_db, "legal_review")
    signed = contract_in(demo_db, "signed")
    with demo_db.session() as session:
        session.get(Contract, signed).expires_on = TODAY + timedelta(days=20)
    everything = said(desk.command("/contract", "list", ADMIN))
    assert "Open contracts (2)" in everything
    assert f"#{waiting}" in everything and f"#{signed}" in everything
    expiring = said(desk.command("/contract", "list expiring", ADMIN))
    assert f"#{signed}" in expiring and f"#{waiting} ·" not in expiring
    todo = said(desk.command("/contract", "list waiting", LEGAL))
    assert "waiting for you (1)" in todo and f"#{waiting}" in todo
    assert "没有等您审核或批准的合同" in said(desk.command("/contract", "列表 待办", MANAGER_EAST))
    mine = said(desk.command("/contract", "列表 我的", REP_EAST))
    assert "您的合同（2）" in mine
    by_customer = said(desk.command("/contract", "list 华联", DESK_EAST))
    assert f"#{waiting}" in by_customer
    assert "No contracts of a customer matching “Northwind”" in said(
        desk.command("/contract", "list Northwind", ADMIN)
    )


def test_a_card_offers_only_what_the_reader_may_do_now(desk, demo_db, legal):
    contract_id = contract_in(demo_db, "reviewed")
    manager_card = desk.command("/contract", str(contract_id), MANAGER_EAST).body
    assert {"contract_approve", "contract_reject"} <= set(button_values(manager_card))
    assert "等待批准：周敏 Zhou Min" in message_text(manager_card)
    owner_card = desk.command("/contract", str(contract_id), REP_EAST).body
    assert set(button_values(owner_card)) == {"contract_document"}
    legal_card = desk.command("/contract", str(contract_id), LEGAL).body
    assert "contract_review" not in button_values(legal_card)


# -- scheduled reminders and escalations ---------------------------------------------------------


def kinds_queued(db, kind: str) -> list[Notification]:
    with db.session() as session:
        query = select(Notification).where(Notification.kind == kind).order_by(Notification.id)
        return list(session.exec(query).all())


def test_expiry_reminders_go_to_the_owner_once_per_level(desk, demo_db, legal):
    contract_id = contract_in(demo_db, "signed", owner=DESK_EAST)  # drafted by the desk for C-1001
    expires = TODAY + timedelta(days=400)
    with demo_db.session() as session:
        session.get(Contract, contract_id).expires_on = expires
    runner = JobRunner(demo_db)

    def run(days_before: int, hour: int = 10):
        moment = datetime.combine(expires - timedelta(days=days_before), datetime.min.time())
        runner.run("reminders", moment.replace(hour=hour, tzinfo=UTC))

    run(61)
    assert kinds_queued(demo_db, "contract_expiring") == []
    run(60)
    run(60, hour=11)
    run(45)
    first = kinds_queued(demo_db, "contract_expiring")
    assert sorted(n.channel for n in first) == [DESK_EAST, REP_EAST]  # the owner, the account's rep
    assert {n.params["level"] for n in first} == {"first"}
    [dm] = posted_to(desk.slack, REP_EAST, "是时候商谈续约了")
    assert "还有 60 天" in message_text(dm.args)
    run(30)
    run(29)
    run(3)
    queued = kinds_queued(demo_db, "contract_expiring")
    assert len(queued) == 4
    assert [n.params["days_left"] for n in queued if n.params["level"] == "second"] == [30, 30]
    posted_to(desk.slack, DESK_EAST, "请尽快落实续约")


def test_unsigned_or_archived_contracts_get_no_expiry_reminder(desk, demo_db, legal):
    for status in ("approved", "draft"):
        contract_id = contract_in(demo_db, status)
        with demo_db.session() as session:
            session.get(Contract, contract_id).expires_on = TODAY + timedelta(days=20)
    JobRunner(demo_db).run("reminders", datetime.now(UTC))
    assert kinds_queued(demo_db, "contract_expiring") == []


def test_a_stalled_review_goes_to_the_owners_manager_once_per_stall(desk, demo_db, legal):
    submitted = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    contract_id = contract_in(demo_db, "draft")
    with demo_db.session() as session:
        take_step(session, actor(demo_db, REP_EAST), contract_id, "submit", now=submitted)
    runner = JobRunner(demo_db)
    runner.run("escalations", submitted + timedelta(days=2, hours=23))
    assert kinds_queued(demo_db, "escalation_contract_review") == []
    runner.run("escalations", submitted + timedelta(days=3, hours=1))
    runner.run("escalations", submitted + timedelta(days=5))
    [escalation] = kinds_queued(demo_db, "escalation_contract_review")
    assert escalation.channel == MANAGER_EAST
    [dm] = posted_to(desk.slack, MANAGER_EAST, "等待法务审核")
    assert "Liu Lawyer" in message_text(dm.args) and "已超过 3 天" in message_text(dm.args)

    with demo_db.session() as session:
        take_step(session, actor(demo_db, LEGAL), contract_id, "reject", "redo", now=submitted)
        take_step(session, actor(demo_db, REP_EAST), contract_id, "reopen", now=submitted)
        resubmitted = submitted + timedelta(days=10)
        take_step(session, actor(demo_db, REP_EAST), contract_id, "submit", now=resubmitted)
        take_step(session, actor(demo_db, LEGAL), contract_id, "review", now=resubmitted)
    runner.run("escalations", resubmitted + timedelta(days=4))
    runner.run("escalations", resubmitted + timedelta(days=6))
    second = kinds_queued(demo_db, "escalation_contract_review")
    assert len(second) == 2
    assert second[1].params["waiting_on"] == "approval"
    posted_to(desk.slack, MANAGER_EAST, "等待批准")
