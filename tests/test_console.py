"""The console as an operator meets it: on a team's own database, with typos, acting as someone
found by name, piped into another program, with line editing and history at a terminal."""

import os
import pty
import select
import subprocess
import sys
import time

from sqlalchemy.engine import make_url
from sqlmodel import select as query

from storage.db import Database
from storage.models import Member
from test_cli import ROOT, salesdesk

TEAMS = "name,slack_channel_id,timezone\n华南 South,C0SOUTH001,Asia/Shanghai\n"
MEMBERS = (
    "slack_user_id,name,role,team,locale\n"
    "UMOLLY001,Molly Reed,manager,华南 South,en-GB\n"
    "UMOLLY002,Molly Chen,rep,华南 South,zh-CN\n"
    "UZHANG001,张伟,desk,华南 South,zh-CN\n"
)


def members_in(url: str) -> int:
    db = Database(url)
    try:
        with db.session() as session:
            return len(session.exec(query(Member)).all())
    finally:
        db.dispose()


def with_password(url: str) -> str:
    """The URL with a password in it (trust authentication on the test server ignores it)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return url
    return parsed.set(password="s3cret-pw").render_as_string(hide_password=False)


def test_a_teams_own_empty_database_gets_no_demo_data_and_advice(database_url, tmp_path):
    url = with_password(database_url)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = salesdesk("console", "-c", "/order list", env={"DATABASE_URL": url}, cwd=elsewhere)
    assert result.returncode == 2
    assert "has no members yet" in result.stderr
    assert "salesdesk import members FILE.csv" in result.stderr
    assert "salesdesk console --demo" in result.stderr
    assert "s3cret-pw" not in result.stderr + result.stdout
    assert members_in(database_url) == 0
    assert not (elsewhere / "salesdesk.db").exists()


def test_demo_data_goes_into_an_empty_database_only_on_request(database_url, tmp_path):
    env = {"DATABASE_URL": database_url}
    first = salesdesk("console", "--demo", "-c", "/order list", env=env, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "Latest orders (12)" in first.stdout
    assert "Demo data loaded into the empty database" in first.stderr
    again = salesdesk("console", "--demo", "-c", "/order list", env=env, cwd=tmp_path)
    assert "already has members, so it was left as it is" in again.stderr
    assert members_in(database_url) == 8


def test_the_console_says_where_the_database_lives(database_url, tmp_path):
    env = {"DATABASE_URL": with_password(database_url)}
    result = salesdesk("console", "--demo", env=env, cwd=tmp_path)
    parsed = make_url(database_url)
    if parsed.get_backend_name() == "sqlite":
        assert f"Database: {parsed.database}\n" in result.stdout
    else:
        where = f"postgresql://{parsed.host}:{parsed.port}/{parsed.database}"
        assert f"Database: {where}\n" in result.stdout
    assert "s3cret-pw" not in result.stdout
    default = salesdesk("console", cwd=tmp_path / "..")
    assert f"Database: {(tmp_path / '..' / 'salesdesk.db').resolve()}\n" in default.stdout


def test_a_mistyped_command_is_answered_with_the_command_meant(tmp_path):
    typo = salesdesk("console", "-c", "/ordr status 1", cwd=tmp_path)
    assert typo.stdout == "Unknown command /ordr — did you mean /order?\n"
    plural = salesdesk("console", "-c", "/orders", cwd=tmp_path)
    assert plural.stdout == "Unknown command /orders — did you mean /order?\n"
    chinese = salesdesk("console", "--as", "UREP00001", "-c", "/vist", cwd=tmp_path)
    assert chinese.stdout == "未知命令 /vist——您是想输入 /visit 吗？\n"
    nothing_like = salesdesk("console", "-c", "/weather", cwd=tmp_path)
    assert nothing_like.stdout.startswith("Unknown command /weather. Commands: /order, ")
    for result in (typo, plural, chinese, nothing_like):
        assert "Unhandled request" not in result.stderr and "@app.command" not in result.stderr


def test_as_finds_a_member_by_id_name_or_the_start_of_one(database_url, tmp_path):
    for kind, content in (("teams", TEAMS), ("members", MEMBERS)):
        (tmp_path / f"{kind}.csv").write_text(content, encoding="utf-8-sig")
        imported = salesdesk(
            "import", kind, str(tmp_path / f"{kind}.csv"), env={"DATABASE_URL": database_url}
        )
        assert imported.returncode == 0, imported.stdout + imported.stderr
    env = {"DATABASE_URL": database_url}

    def acting_as(wanted: str) -> str:
        result = salesdesk("console", "--as", wanted, env=env, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert "You are Molly Reed (UMOLLY001, manager)." in acting_as("molly reed")
    assert "You are Molly Reed (UMOLLY001, manager)." in acting_as("MOLLY REED")
    assert "You are Molly Reed (UMOLLY001, manager)." in acting_as("umolly001")
    assert "你是 Molly Chen（UMOLLY002，rep）。" in acting_as("molly c")
    assert "你是 Molly Chen（UMOLLY002，rep）。" in acting_as("chen")
    assert "你是 张伟（UZHANG001，desk）。" in acting_as("张")


def test_as_lists_the_members_when_none_or_several_match(tmp_path):
    salesdesk("console", "-c", "/order help", cwd=tmp_path)  # the demo database
    several = salesdesk("console", "--as", "UREP", "-c", "/order list", cwd=tmp_path)
    assert several.returncode == 2
    assert several.stdout == ""
    assert several.stderr.splitlines() == [
        "salesdesk: 'UREP' matches several members; use the id or more of the name. Matching:",
        "  UREP00001 · 王芳 Wang Fang · rep · East 华东",
        "  UREP00002 · 陈杰 Chen Jie · rep · East 华东",
        "  UREP00003 · Emma Davis · rep · Export",
    ]
    nobody = salesdesk("console", "--as", "Molly", "-c", "/order list", cwd=tmp_path)
    assert nobody.returncode == 2
    lines = nobody.stderr.splitlines()
    assert lines[0] == "salesdesk: no member matches 'Molly'. Members:"
    assert lines[1] == "  UADMIN0001 · Alex Admin · admin · no team"
    assert "  UDESK0001 · 李娜 Li Na · desk · East 华东" in lines
    assert len(lines) == 9


def test_output_into_a_closed_pipe_ends_quietly(tmp_path):
    salesdesk("console", "-c", "/order help", cwd=tmp_path)  # the demo database
    reader, writer = os.pipe()
    os.close(reader)  # like `| head -1` once it has its line
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "SALESDESK_"))}
    env.pop("DATABASE_URL", None)
    for line in ("/order list", "/order update 1237 confirmed"):  # a reply, then a DM too
        result = subprocess.run(
            [sys.executable, "-m", "bot.cli", "console", "--as", "UDESK0001", "-c", line],
            env={**env, "PYTHONPATH": str(ROOT)},
            cwd=tmp_path,
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
        assert result.stderr == ""
    os.close(writer)


def test_at_a_terminal_lines_can_be_edited_and_are_kept_in_history(tmp_path):
    salesdesk("console", "-c", "/order help", cwd=tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "SALESDESK_"))}
    env.pop("DATABASE_URL", None)
    env.update({"HOME": str(tmp_path), "PYTHONPATH": str(ROOT), "TERM": "dumb"})
    seen = type_at_terminal(
        [sys.executable, "-m", "bot.cli", "console"], env, tmp_path, "/order lsit\b\b\bist late\n"
    )
    assert f"history is kept in {tmp_path / '.salesdesk_history'}" in seen
    assert "Late orders (3)" in seen  # the line as edited, not as first typed
    assert "/order list late" in (tmp_path / ".salesdesk_history").read_text()


def type_at_terminal(command: list[str], env: dict, cwd, keys: str) -> str:
    """Run `command` on a pseudo-terminal, type `keys` and then Ctrl-D; all it showed."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        command, stdin=follower, stdout=follower, stderr=follower, env=env, cwd=cwd
    )
    os.close(follower)
    shown = b""

    def read_for(seconds: float) -> None:
        nonlocal shown
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 0.1)
            if ready:
                try:
                    shown += os.read(leader, 65536)
                except OSError:
                    return

    read_for(8)
    os.write(leader, keys.encode())
    read_for(5)
    os.write(leader, b"\x04")
    read_for(3)
    process.wait(timeout=30)
    os.close(leader)
    return shown.decode(errors="replace")
