"""The operator's side: settings checked at start, the console, migrations, gunicorn."""

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from slack_standin import signed_headers, slash_command_body

ROOT = Path(__file__).resolve().parent.parent


def salesdesk(*args: str, env: dict | None = None, cwd: Path | None = None, input: str = ""):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "SALESDESK_"))}
    clean.pop("DATABASE_URL", None)
    clean["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        env={**clean, **(env or {})},
        cwd=cwd,
        input=input,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("DATABASE_URL", "not a url", "DATABASE_URL is malformed"),
        ("SALESDESK_TIMEZONE", "Mars/Olympus", "SALESDESK_TIMEZONE is malformed"),
        ("SALESDESK_TIMEZONE", "America", "SALESDESK_TIMEZONE is malformed"),
        ("SALESDESK_LOCALE", "fr", "SALESDESK_LOCALE is malformed"),
        ("SALESDESK_ADMINS", "U01,bob", "SALESDESK_ADMINS is malformed: 'bob'"),
        ("SLACK_BOT_TOKEN", "xapp-1", "SLACK_BOT_TOKEN is malformed"),
        ("SLACK_API_URL", "ftp://x", "SLACK_API_URL is malformed"),
    ],
)
def test_a_malformed_setting_stops_with_one_line_naming_it(tmp_path, name, value, expected):
    result = salesdesk("console", "-c", "/order list", env={name: value}, cwd=tmp_path)
    assert result.returncode == 2
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr + result.stdout


def test_serve_names_every_missing_setting_in_one_line(tmp_path):
    socket_mode = salesdesk("serve", cwd=tmp_path)
    assert socket_mode.returncode == 2
    assert "SLACK_BOT_TOKEN, SLACK_APP_TOKEN are not set" in socket_mode.stderr
    http = salesdesk("serve", "--http", cwd=tmp_path)
    assert "SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET are not set" in http.stderr
    only_one = salesdesk("serve", "--http", cwd=tmp_path, env={"SLACK_SIGNING_SECRET": "s"})
    assert "salesdesk: SLACK_BOT_TOKEN is not set:" in only_one.stderr
    for result in (socket_mode, http, only_one):
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr


def test_an_unreachable_database_is_one_line(tmp_path):
    url = "postgresql+psycopg://nobody@127.0.0.1:1/none"
    result = salesdesk("console", "-c", "/order list", env={"DATABASE_URL": url}, cwd=tmp_path)
    assert result.returncode == 2
    assert (
        "DATABASE_URL postgresql+psycopg://nobody@127.0.0.1:1/none cannot be used" in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_console_on_a_fresh_machine_shows_demo_orders(tmp_path):
    result = salesdesk("console", "-c", "/order list", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Latest orders (12)" in result.stdout
    assert (tmp_path / "salesdesk.db").exists()


def test_console_acts_as_a_member_and_prints_the_dm_the_bot_sends(tmp_path):
    result = salesdesk(
        "console", "--as", "UDESK0001", "-c", "/order 更新 1237 已确认", cwd=tmp_path
    )
    assert "订单 1237" in result.stdout and "已从已接收改为已审核确认" in result.stdout
    assert "［发给 UREP00001 的消息］" in result.stdout  # the header in the member's language
    again = salesdesk("console", "-c", "/order 1237", cwd=tmp_path)
    assert "Confirmed" in again.stdout and "Last change: 李娜 Li Na" in again.stdout


def test_console_shows_what_a_form_asks_in_the_members_language(tmp_path):
    english = salesdesk("console", "-c", "/visit", cwd=tmp_path)
    assert english.returncode == 0, english.stderr
    assert "[form: Log a visit]" in english.stdout
    assert "• Customer" in english.stdout and "• Next step due" in english.stdout
    chinese = salesdesk("console", "--as", "UREP00001", "-c", "/sample", cwd=tmp_path)
    assert "［表单：" in chinese.stdout and "• 客户" in chinese.stdout
    assert "Traceback" not in english.stderr + chinese.stderr
    assert "ERROR" not in english.stderr + chinese.stderr


def test_console_session_reads_lines_until_end_of_input(tmp_path):
    result = salesdesk("console", cwd=tmp_path, input="/order help\nhello\n/order list late\n")
    assert result.returncode == 0
    assert "/order list mine" in result.stdout
    assert "Type a slash command" in result.stdout
    assert "Late orders (3)" in result.stdout


def test_db_upgrade_says_each_migration_it_applied_then_that_nothing_was_left(empty_database):
    first = salesdesk("db", "upgrade", env={"DATABASE_URL": empty_database})
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert lines[0] == "applied 0001: initial tables"
    assert "applied 0005: what real teams need: members who leave" in lines[4]
    assert "applied 0006: the audit trail of one record" in lines[5]
    assert "applied 0007: targets per team and rep" in lines[6]
    assert "applied 0008: the price list, order lines by product" in lines[7]
    assert "applied 0009: the pipeline: lead assignment and first-contact clocks" in lines[8]
    assert "applied 0010: reports on schedule" in lines[9]
    assert lines[-1] == "the database is up to date (revision 0010)"
    again = salesdesk("db", "upgrade", env={"DATABASE_URL": empty_database})
    assert again.stdout == "the database is already up to date (revision 0010)\n"
    chinese = salesdesk(
        "db", "upgrade", env={"DATABASE_URL": empty_database, "SALESDESK_LOCALE": "zh-CN"}
    )
    assert chinese.stdout == "数据库本来就是最新的（版本 0010）\n"


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request, tmp_path):
    """A database no migration has touched yet."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'team.db'}"
        return
    server = request.getfixturevalue("postgres_server")
    name = f"salesdesk_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(tmp_path, slack_api_url: str, *extra: str, token: str = "xoxb-serve"):
    """`salesdesk serve --http` on a free port; yields its base URL, then its whole log."""
    port = free_port()
    env = {
        "SLACK_BOT_TOKEN": token,
        "SLACK_SIGNING_SECRET": "serve-secret",
        "SLACK_API_URL": slack_api_url,
        "PYTHONPATH": str(ROOT),
    }
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "SALESDESK_"))}
    clean.pop("DATABASE_URL", None)
    command = ["serve", "--http", "--host", "127.0.0.1", "--port", str(port), *extra]
    server = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", *command],
        env={**clean, **env},
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    log: list[str] = []
    try:
        yield f"http://127.0.0.1:{port}", log
    finally:
        server.terminate()
        log.append(server.communicate(timeout=30)[0].decode())


def test_serve_http_answers_slack_through_gunicorn(tmp_path, slack):
    salesdesk("console", "-c", "/order help", cwd=tmp_path)  # creates the demo database
    with serving(tmp_path, slack.api_url, "--workers", "2") as (base, log):
        assert _wait_healthy(base + "/healthz")
        reply = _slash_command(base, "update 1236 in_production", slack)
        assert "Order 1236" in reply
        # The scheduler may post digests and reminders that fell due beside the DM we caused.
        slack.wait_for(
            "chat.postMessage",
            timeout=10,
            where=lambda c: c.args["channel"] == "UREP00001" and "1236" in c.args["text"],
        )
    output = log[0]
    assert "Traceback" not in output
    assert "will be ignored" not in output  # Bolt's note on the unused token, once per worker
    assert output.count("Booting worker") == 2


def test_a_crash_leaves_its_whole_traceback_in_the_servers_log(tmp_path, slack):
    salesdesk("console", "-c", "/order help", cwd=tmp_path)
    with serving(tmp_path, slack.api_url, "--workers", "1") as (base, log):
        assert _wait_healthy(base + "/healthz")
        with sqlite3.connect(tmp_path / "salesdesk.db") as broken:
            broken.execute("ALTER TABLE member RENAME TO member_gone")
        _slash_command(base, "status 1236", slack)
    output = log[0]
    traceback = output[output.index("Traceback (most recent call last)") :]
    frames = [line for line in traceback.splitlines() if line.strip().startswith('File "')]
    assert len(frames) > 3  # every frame down to the driver, not only the last one
    assert any("/bot/" in frame for frame in frames)
    assert "no such table: member" in traceback


def test_serve_stops_at_start_when_slack_refuses_the_bot_token(tmp_path, slack):
    salesdesk("console", "-c", "/order help", cwd=tmp_path)
    slack.set_response("auth.test", {"ok": False, "error": "invalid_auth"})
    env = {"SLACK_BOT_TOKEN": "xoxb-revoked", "SLACK_API_URL": slack.api_url}
    http = salesdesk("serve", "--http", cwd=tmp_path, env={**env, "SLACK_SIGNING_SECRET": "s"})
    socket_mode = salesdesk("serve", cwd=tmp_path, env={**env, "SLACK_APP_TOKEN": "xapp-1"})
    for result in (http, socket_mode):
        assert result.returncode == 2
        assert result.stderr == (
            "salesdesk: SLACK_BOT_TOKEN is not valid (Slack says invalid_auth)\n"
        )
    asked = slack.calls_to("auth.test")
    assert [call.headers["Authorization"] for call in asked] == ["Bearer xoxb-revoked"] * 2


def test_serve_starts_with_a_warning_when_slack_cannot_be_reached(tmp_path):
    salesdesk("console", "-c", "/order help", cwd=tmp_path)
    nowhere = f"http://127.0.0.1:{free_port()}/api/"
    with serving(tmp_path, nowhere, "--workers", "1", "--no-scheduler") as (base, log):
        assert _wait_healthy(base + "/healthz")
    output = log[0]
    assert "WARNING bot.serve: Slack could not be reached to check SLACK_BOT_TOKEN" in output
    assert "Traceback" not in output


def _slash_command(base: str, text: str, slack) -> str:
    body = slash_command_body("/order", text, "UADMIN0001", slack.response_url())
    request = urllib.request.Request(
        base + "/slack/events",
        data=body.encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            **signed_headers(body, "serve-secret"),
        },
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read().decode()


def _wait_healthy(url: str, timeout: float = 30) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status == 200
        except OSError:
            time.sleep(0.2)
    return False


def test_jobs_run_shows_what_it_queued_and_nothing_on_a_rerun(tmp_path):
    salesdesk("console", "-c", "/order help", cwd=tmp_path)  # the demo database
    at = ("--at", "2026-11-23T08:30+08:00")
    first = salesdesk("jobs", "run", "daily-digest", *at, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "\n[daily_digest to C0EAST0001]\n☀️ Stand-up · East 华东 · Nov 23, 2026\n" in first.stdout
    assert "[daily_digest to C0EXPORT01]" in first.stdout
    assert "the messages wait in the outbox for the running bot" in first.stdout
    again = salesdesk("jobs", "run", "daily-digest", *at, cwd=tmp_path)
    assert again.stdout.splitlines() == [
        "daily-digest · East 华东 · 2026-11-23: nothing to post: already done for that period",
        "daily-digest · Export · 2026-11-23: nothing to post: already done for that period",
    ]
