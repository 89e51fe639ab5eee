"""The operator's side: settings checked at start, the console, migrations, gunicorn."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

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


def test_serve_names_the_missing_tokens(tmp_path):
    result = salesdesk("serve", cwd=tmp_path)
    assert result.returncode == 2
    assert "SLACK_APP_TOKEN is not set" in result.stderr
    http = salesdesk("serve", "--http", cwd=tmp_path, env={"SLACK_SIGNING_SECRET": "s"})
    assert "SLACK_BOT_TOKEN is not set" in http.stderr
    assert "Traceback" not in result.stderr + http.stderr


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


def test_db_upgrade_migrates_and_is_idempotent(database_url):
    for _ in range(2):
        result = salesdesk("db", "upgrade", env={"DATABASE_URL": database_url})
        assert result.returncode == 0, result.stderr
        assert "up to date" in result.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_http_answers_slack_through_gunicorn(tmp_path, slack):
    salesdesk("console", "-c", "/order help", cwd=tmp_path)  # creates the demo database
    port = free_port()
    env = {
        "SLACK_BOT_TOKEN": "xoxb-serve",
        "SLACK_SIGNING_SECRET": "serve-secret",
        "SLACK_API_URL": slack.api_url,
        "PYTHONPATH": str(ROOT),
    }
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "SALESDESK_"))}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bot.cli",
            "serve",
            "--http",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "2",
        ],
        env={**clean, **env},
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        assert _wait_healthy(base + "/healthz")
        body = slash_command_body(
            "/order", "update 1236 in_production", "UADMIN0001", slack.response_url()
        )
        request = urllib.request.Request(
            base + "/slack/events",
            data=body.encode(),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                **signed_headers(body, "serve-secret"),
            },
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            assert "Order 1236" in response.read().decode()
        # The scheduler may post digests and reminders that fell due beside the DM we caused.
        slack.wait_for(
            "chat.postMessage",
            timeout=10,
            where=lambda c: c.args["channel"] == "UREP00001" and "1236" in c.args["text"],
        )
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0].decode()
    assert "Traceback" not in output


def _wait_healthy(url: str, timeout: float = 30) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status == 200
        except OSError:
            time.sleep(0.2)
    return False
