"""POST /leads over real HTTP into the real app: the source's token (made with `salesdesk leads
token create`), the body's size judged before it is read, JSON errors by field, the same source
id taken once, the rate per source, and a revoked token stopped at once; SQLite and PostgreSQL."""

import json
import socket
from urllib.parse import urlparse

import pytest
from sqlmodel import select

from bot.cli import main
from harness import RunningDesk
from helpers import count
from storage.models import AuditEntry, Lead, LeadSourceToken

LEAD = {
    "company": "上海华联贸易有限公司",
    "contact_name": "张伟",
    "phone": "+86 138-0013-8000",
    "email": "zhang.wei@hualian.cn",
    "region": "上海",
    "industry": "贸易",
    "need": "询价不锈钢法兰，每月 500 件",
    "score": 80,
    "source_id": "web-0001",
}


def cli(database_url, monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SALESDESK_LOCALE", "en")
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SALESDESK_ADMINS", "SALESDESK_TIMEZONE"):
        monkeypatch.delenv(name, raising=False)
    capsys.readouterr()
    status = main(list(args))
    out = capsys.readouterr()
    return status, out.out, out.err


def new_token(database_url, monkeypatch, capsys, source: str = "website") -> str:
    status, out, _ = cli(database_url, monkeypatch, capsys, "leads", "token", "create", source)
    assert status == 0
    note, token = out.strip().splitlines()
    assert "cannot be shown again" in note
    return token


@pytest.fixture
def desk(db, slack):
    with RunningDesk(db, slack) as running:
        yield running


@pytest.fixture
def token(database_url, monkeypatch, capsys) -> str:
    return new_token(database_url, monkeypatch, capsys)


def send(desk, body: object, token: str | None, content_type: str = "application/json"):
    raw = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
    headers = {"Content-Type": content_type}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return desk.post(raw, headers, path="/leads")


def raw_exchange(desk, head: str, body: bytes = b"") -> str:
    """A request written byte for byte (headers as given, no Content-Length added), and the
    status line and headers of the answer."""
    address = urlparse(desk.url)
    with socket.create_connection((address.hostname, address.port), timeout=5) as connection:
        connection.sendall(head.encode() + b"\r\n" + body)
        answer = b""
        while b"\r\n\r\n" not in answer:
            part = connection.recv(4096)
            if not part:
                break
            answer += part
    return answer.decode("utf-8", "replace")


# -- tokens --------------------------------------------------------------------------------------


def test_a_token_is_shown_once_stored_hashed_listed_without_it_and_refused_twice(
    db, database_url, monkeypatch, capsys
):
    token = new_token(database_url, monkeypatch, capsys, "展会")
    with db.session() as session:
        [stored] = session.exec(select(LeadSourceToken)).all()
    assert stored.source == "trade_show"
    assert len(token) >= 43 and token not in stored.token_hash and len(stored.token_hash) == 64

    status, _, err = cli(
        database_url, monkeypatch, capsys, "leads", "token", "create", "trade_show"
    )
    assert status == 2
    assert "trade_show already has a token. Revoke it first" in err

    status, out, _ = cli(database_url, monkeypatch, capsys, "leads", "token", "list")
    assert status == 0 and token not in out
    [line] = out.splitlines()[1:]
    assert line.startswith("trade_show · ") and line.endswith(" · cli · in use")

    status, _, err = cli(database_url, monkeypatch, capsys, "leads", "token", "create", "fax")
    assert status == 2 and "'fax' is not a lead source" in err


# -- who may send ----------------------------------------------------------------------------------


def test_no_token_a_wrong_one_or_a_revoked_one_is_401_and_nothing_is_stored(
    desk, db, token, database_url, monkeypatch, capsys
):
    for sent in (None, "not-a-token", token[:-1]):
        reply = send(desk, LEAD, sent)
        assert reply.status == 401, sent
        assert reply.body == {
            "error": "A valid source token is required: Authorization: Bearer <token>."
        }
    assert count(db, Lead) == 0

    assert send(desk, LEAD, token).status == 201
    status, out, _ = cli(database_url, monkeypatch, capsys, "leads", "token", "revoke", "website")
    assert (status, out.strip()) == (
        0,
        "The token of website is revoked: requests with it are refused from now on.",
    )
    refused = send(desk, {**LEAD, "source_id": "web-0002"}, token)
    assert refused.status == 401
    assert count(db, Lead) == 1

    # a new token for the source works at once; the old one stays refused
    fresh = new_token(database_url, monkeypatch, capsys)
    assert send(desk, {**LEAD, "source_id": "web-0002"}, fresh).status == 201
    assert send(desk, {**LEAD, "source_id": "web-0003"}, token).status == 401


# -- what is sent --------------------------------------------------------------------------------


def test_a_lead_is_201_with_its_id_and_the_same_source_id_again_is_200_with_the_same(
    desk, db, token
):
    first = send(desk, LEAD, token)
    assert first.status == 201
    again = send(desk, {**LEAD, "need": "changed my mind"}, token)
    assert again.status == 200
    assert again.body["id"] == first.body["id"]
    with db.session() as session:
        [lead] = session.exec(select(Lead)).all()
        audits = session.exec(select(AuditEntry).where(AuditEntry.entity == "lead")).all()
    assert (lead.id, lead.source, lead.source_ref) == (first.body["id"], "website", "web-0001")
    assert (lead.company_key, lead.phone_key, lead.email_key) == (
        "上海华联贸易",
        "13800138000",
        "zhang.wei@hualian.cn",
    )
    assert (lead.status, lead.owner_id, lead.score, lead.need) == ("new", None, 80, LEAD["need"])
    assert [a.action for a in audits] == ["lead.create"]

    without_id = {key: value for key, value in LEAD.items() if key != "source_id"}
    assert send(desk, without_id, token).status == 201
    assert send(desk, without_id, token).status == 201
    assert count(db, Lead) == 3


def test_bad_fields_are_400_naming_each_of_them_and_nothing_is_stored(desk, db, token):
    reply = send(
        desk,
        {
            "company": "",
            "email": "not an address",
            "score": 101,
            "need": "x" * 3001,
            "region": 7,
            "source_id": "s" * 101,
        },
        token,
    )
    assert reply.status == 400
    assert reply.body == {
        "errors": {
            "company": "The company is missing.",
            "email": "The e-mail does not look like an address (name@example.com).",
            "score": "The score is a whole number from 0 to 100.",
            "need": "This is too long: 3000 characters at most.",
            "region": "This must be text (a JSON string).",
            "source_id": "This is too long: 100 characters at most.",
        }
    }
    reply = send(desk, {"company": "Acme", "phone": "12"}, token)
    assert reply.body == {"errors": {"phone": "The phone needs at least 5 digits."}}
    reply = send(desk, {"company": "Acme"}, token)
    assert reply.body == {
        "errors": {"phone": "Give a phone or an e-mail, so the lead can be reached."}
    }
    assert send(desk, {**LEAD, "score": True}, token).status == 400
    assert count(db, Lead) == 0


def test_a_body_that_is_not_json_is_415_or_400(desk, db, token):
    assert send(desk, "company=Acme", token, "application/x-www-form-urlencoded").status == 415
    broken = send(desk, '{"company": "Acme",', token)
    assert (broken.status, broken.body) == (
        400,
        {"errors": {"body": "The body is not valid JSON in UTF-8."}},
    )
    listed = send(desk, [LEAD], token)
    assert listed.body == {"errors": {"body": "The body must be a JSON object of fields."}}
    assert count(db, Lead) == 0


def test_a_body_over_64_kib_is_413_from_its_length_before_a_byte_is_read(desk, db, token):
    # The headers promise a large body that never comes: an answer at all proves it was not
    # waited for.
    head = (
        "POST /leads HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        f"Authorization: Bearer {token}\r\nContent-Length: {64 * 1024 + 1}\r\n"
    )
    answer = raw_exchange(desk, head)
    assert answer.startswith("HTTP/1.0 413") or answer.startswith("HTTP/1.1 413")
    assert count(db, Lead) == 0

    near = {**LEAD, "need": "x" * 3000, "padding": "p" * (64 * 1024 - 4000)}
    assert send(desk, near, token).status == 201


def test_a_request_without_content_length_is_411(desk, db, token):
    head = (
        "POST /leads HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        f"Authorization: Bearer {token}\r\nConnection: close\r\n"
    )
    answer = raw_exchange(desk, head)
    assert " 411 " in answer.splitlines()[0]
    assert count(db, Lead) == 0


def test_a_source_over_its_rate_is_429_with_retry_after_and_others_are_not(
    desk, db, token, database_url, monkeypatch, capsys
):
    statuses = [send(desk, {"company": "x"}, token).status for _ in range(60)]
    assert statuses == [400] * 60
    over = send(desk, LEAD, token)
    assert over.status == 429
    assert over.body == {"error": "Too many leads from this source: try again in 1 seconds."}
    other = new_token(database_url, monkeypatch, capsys, "referral")
    assert send(desk, LEAD, other).status == 201
    assert count(db, Lead) == 1


def test_retry_after_is_sent(desk, token):
    for _ in range(60):
        send(desk, {"company": "x"}, token)
    head = (
        "POST /leads HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        f"Authorization: Bearer {token}\r\nContent-Length: 2\r\nConnection: close\r\n"
    )
    answer = raw_exchange(desk, head, b"{}")
    assert " 429 " in answer.splitlines()[0]
    assert "Retry-After: 1" in answer
