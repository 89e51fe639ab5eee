"""What the HTTP endpoint does with requests that are not Slack's, and the health check."""

import logging
import socket
import time
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from harness import SIGNING_SECRET, RunningDesk
from slack_standin import signed_headers, slash_command_body
from storage.db import Database
from storage.migrate import alembic_config, upgrade


def test_forged_signatures_are_refused_without_any_slack_traffic(desk):
    body = slash_command_body("/order", "list", "UADMIN0001", desk.slack.response_url())
    reply = desk.post(body, signed_headers(body, "not-the-secret"))
    assert reply.status == 401
    assert desk.slack.total_requests == 0


def test_requests_older_than_five_minutes_are_refused(desk):
    body = slash_command_body("/order", "list", "UADMIN0001", desk.slack.response_url())
    stale = signed_headers(body, SIGNING_SECRET, timestamp=int(time.time()) - 301)
    reply = desk.post(body, stale)
    assert reply.status == 401
    assert "1234" not in str(reply.body)
    assert desk.slack.total_requests == 0


def test_unsigned_requests_are_refused(desk):
    body = slash_command_body("/order", "list", "UADMIN0001", desk.slack.response_url())
    assert desk.post(body, {}).status == 401


def test_health_check_answers_when_the_database_is_reachable_and_migrated(desk):
    reply = desk.get("/healthz")
    assert reply.status == 200
    assert reply.body == {"ok": True, "database": "reachable", "schema": "current"}


def test_health_check_refuses_an_empty_unmigrated_database(tmp_path, slack):
    empty = Database(f"sqlite:///{tmp_path / 'empty.db'}")
    with RunningDesk(empty, slack) as desk:
        reply = desk.get("/healthz")
    empty.dispose()
    assert reply.status == 503
    assert reply.body["ok"] is False
    assert "salesdesk db upgrade" in reply.body["schema"]


def test_health_check_refuses_a_database_one_migration_behind_until_it_is_upgraded(db, slack):
    command.downgrade(alembic_config(db.url), "-1")
    with RunningDesk(db, slack) as desk:
        behind = desk.get("/healthz")
        upgrade(db.url)
        current = desk.get("/healthz")
    assert behind.status == 503
    assert behind.body["database"] == "reachable"
    assert "latest migration" in behind.body["schema"]
    assert current.status == 200


def take_the_database_away(db: Database) -> None:
    """The database stops answering: a PostgreSQL database is dropped under the app's feet, a
    SQLite file is overwritten with bytes that are not a database."""
    url = make_url(db.url)
    if url.get_backend_name() == "sqlite":
        db.engine.dispose()  # as a lost disk would: the open connections go with it
        for suffix in ("-wal", "-shm"):
            Path(url.database + suffix).unlink(missing_ok=True)
        Path(url.database).write_bytes(b"not a database, not any more " * 1000)
        return
    server = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{url.database}" WITH (FORCE)'))
    server.dispose()


def test_health_check_says_the_database_is_unreachable_when_it_goes_away(desk):
    take_the_database_away(desk.desk.db)
    reply = desk.get("/healthz")
    assert reply.status == 503
    assert reply.body == {"ok": False, "database": "unreachable"}


def test_while_the_database_is_down_a_member_hears_so_in_their_language(desk, caplog):
    assert desk.command("/order", "list", "UREP00001").status == 200  # 王芳 speaks Chinese
    take_the_database_away(desk.desk.db)
    with caplog.at_level(logging.ERROR, logger="bot.unavailable"):
        reply = desk.command("/order", "list", "UREP00001")
    assert reply.status == 200
    assert reply.body["response_type"] == "ephemeral"
    assert reply.text() == "销售内勤暂时无法使用，请一分钟后再试。"
    failures = [record for record in caplog.records if record.name == "bot.unavailable"]
    assert failures and failures[0].exc_info is not None


def test_while_the_database_is_down_someone_not_seen_before_hears_so_in_both_languages(desk):
    take_the_database_away(desk.desk.db)
    reply = desk.command("/order", "list", "UREP00003")
    assert reply.status == 200
    assert reply.text() == (
        "The desk is unavailable right now; please try again in a minute.\n"
        "销售内勤暂时无法使用，请一分钟后再试。"
    )


def test_while_the_database_is_down_a_button_is_answered_through_its_response_url(desk):
    desk.command("/order", "list", "UDESK0002")
    take_the_database_away(desk.desk.db)
    name = desk.click_in_message("UDESK0002", "customer_card_open_0", "C-2001")
    answer = desk.slack.wait_for("response_url", where=lambda call: call.args["_name"] == name)
    assert (
        answer[0].args["text"] == "The desk is unavailable right now; please try again in a minute."
    )


def test_while_the_database_is_down_a_submitted_form_stays_open_under_a_notice(desk):
    desk.command("/order", "list", "UREP00003")
    take_the_database_away(desk.desk.db)
    reply = desk.submit_view("UREP00003", "visit_log", {})
    assert reply.status == 200
    assert reply.body["response_action"] == "push"
    shown = reply.body["view"]["blocks"][0]["text"]["text"]
    assert shown == "The desk is unavailable right now; please try again in a minute."


def _raw_post(desk, head: str, body: bytes = b"") -> socket.socket:
    """A POST to /slack/events over a plain socket: the headers given, then `body`, and the
    socket left open for more."""
    host, port = desk.url.removeprefix("http://").split(":")
    connection = socket.create_connection((host, int(port)), timeout=5)
    request = f"POST /slack/events HTTP/1.1\r\nHost: {host}\r\n{head}\r\n"
    connection.sendall(request.encode() + body)
    return connection


def _status_line(connection: socket.socket) -> str:
    return connection.makefile("rb").readline().decode().strip()


def test_a_body_declared_larger_than_a_mebibyte_is_refused_before_it_is_sent(desk):
    started = time.monotonic()
    connection = _raw_post(
        desk,
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 209715200\r\n",
        b"command=%2Forder&text=",
    )
    with connection:
        status = _status_line(connection)
    assert status.startswith("HTTP/1.0 413") or status.startswith("HTTP/1.1 413"), status
    assert time.monotonic() - started < 2
    assert desk.slack.total_requests == 0


def test_a_chunked_body_is_read_no_further_than_a_mebibyte(desk):
    chunk = b"a" * 65536
    framed = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    connection = _raw_post(
        desk, "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n"
    )
    sent = 0
    with connection:
        try:
            while sent < 200 * 1024 * 1024:
                connection.sendall(framed)
                sent += len(framed)
        except OSError:
            pass  # the server stopped reading and closed the connection: what we want
        status = _status_line(connection)
    assert " 413 " in status, status
    assert sent < 20 * 1024 * 1024


def test_a_signed_request_of_ordinary_size_still_reaches_the_app(desk):
    body = slash_command_body("/order", "help", "UADMIN0001", desk.slack.response_url())
    reply = desk.post(body, signed_headers(body, SIGNING_SECRET))
    assert reply.status == 200
    assert "/order" in reply.text()
