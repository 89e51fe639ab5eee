"""Settings as an operator writes them: any case of a zone, any English or Chinese locale, the
databases we support named, a port that exists; every problem in one line."""

import pytest

from bot.settings import Settings
from test_cli import salesdesk


def test_a_time_zone_in_any_case_is_read_as_its_canonical_name(tmp_path):
    assert Settings.from_env({"SALESDESK_TIMEZONE": "Asia/shanghai"}).timezone == "Asia/Shanghai"
    assert Settings.from_env({"SALESDESK_TIMEZONE": "europe/LONDON"}).timezone == "Europe/London"
    assert Settings.from_env({"SALESDESK_TIMEZONE": "utc"}).timezone == "UTC"
    result = salesdesk(
        "console", "-c", "/order help", env={"SALESDESK_TIMEZONE": "Asia/shanghai"}, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("written", "spoken"), [("en-US", "en"), ("en_GB", "en"), ("zh-TW", "zh-CN"), ("ZH", "zh-CN")]
)
def test_any_english_or_chinese_locale_is_accepted(tmp_path, written, spoken):
    assert Settings.from_env({"SALESDESK_LOCALE": written}).locale == spoken
    result = salesdesk("db", "upgrade", env={"SALESDESK_LOCALE": written}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def test_a_language_we_do_not_speak_is_refused_naming_the_ones_we_do(tmp_path):
    result = salesdesk("db", "upgrade", env={"SALESDESK_LOCALE": "fr-FR"}, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "salesdesk: SALESDESK_LOCALE is malformed: 'fr-FR' is not a language Sales Desk speaks:"
        " use en or zh-CN (any en-* or zh-*, like en-US or zh-TW, works too)\n"
    )


def test_an_unsupported_database_is_named_with_the_ones_we_support(tmp_path):
    url = "mysql://sales:secret@db.example.com/desk"
    result = salesdesk("db", "upgrade", env={"DATABASE_URL": url}, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "salesdesk: DATABASE_URL names a database Sales Desk does not support (mysql): "
        "use sqlite:///FILE, postgresql+psycopg://USER@HOST/DB\n"
    )


def test_every_malformed_setting_is_named_in_one_line_in_the_operators_language(tmp_path):
    env = {
        "SALESDESK_LOCALE": "zh-CN",
        "SALESDESK_TIMEZONE": "Mars/Olympus",
        "SLACK_BOT_TOKEN": "xapp-1",
    }
    result = salesdesk("console", "-c", "/order list", env=env, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "salesdesk: SLACK_BOT_TOKEN 格式不正确：应以“xoxb-”开头；"
        "SALESDESK_TIMEZONE 格式不正确：“Mars/Olympus”不是 IANA 时区（例如 Asia/Shanghai）\n"
    )


@pytest.mark.parametrize("port", ["99999", "0", "http", "-1"])
def test_a_port_that_cannot_exist_is_refused_in_one_line(tmp_path, port):
    result = salesdesk("serve", "--http", "--port", port, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        f"salesdesk serve: argument --port: --port must be a port number from 1 to 65535, "
        f"not '{port}' (`salesdesk serve --help` shows how to use it)\n"
    )


def test_usage_mistakes_are_one_line_in_the_operators_language(tmp_path):
    env = {"SALESDESK_LOCALE": "zh-CN"}
    result = salesdesk("serve", "--http", "--workers", "0", env=env, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "salesdesk serve: argument --workers: --workers 必须是不小于 1 的整数，而不是“0”"
        "（用法见 `salesdesk serve --help`）\n"
    )
