"""Files in the console: what the bot would upload to Slack (a report's XLSX, CSV and charts) is
written into ./salesdesk-files/ beside where the console was started, and each path printed
under what was said with the files; a report made again is numbered, never written over.
On the demo data, on SQLite and PostgreSQL."""

import codecs
import io
from pathlib import Path

from openpyxl import load_workbook

from test_cli import salesdesk

PNG = b"\x89PNG\r\n\x1a\n"


def saved_paths(stdout: str) -> list[Path]:
    return [Path(line.split("📎", 1)[1].strip()) for line in stdout.splitlines() if "📎" in line]


def test_a_reports_files_are_written_to_a_folder_and_their_paths_printed(database_url, tmp_path):
    env = {"DATABASE_URL": database_url}
    first = salesdesk("console", "--demo", "-c", "/report sales this month", env=env, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "[files for DUADMIN0001, saved]" in first.stdout  # the admin's DM, where Slack has them
    assert "The files of the Sales report · the company ·" in first.stdout
    paths = saved_paths(first.stdout)
    folder = (tmp_path / "salesdesk-files").resolve()
    assert paths and all(path.parent == folder and path.is_file() for path in paths)
    by_ending = {path.suffix: path for path in paths}
    assert set(by_ending) == {".xlsx", ".csv", ".png"}
    workbook = load_workbook(io.BytesIO(by_ending[".xlsx"].read_bytes()))
    assert len(workbook.sheetnames) >= 2
    assert by_ending[".csv"].read_bytes().startswith(codecs.BOM_UTF8)
    assert all(p.read_bytes().startswith(PNG) for p in paths if p.suffix == ".png")

    again = salesdesk("console", "-c", "/report sales this month", env=env, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    second = saved_paths(again.stdout)
    assert len(second) == len(paths) and not set(second) & set(paths)
    assert all(path.stem.endswith("-2") and path.is_file() for path in second)
    assert sorted(folder.iterdir()) == sorted(paths + second)


def test_a_chinese_readers_files_are_announced_in_chinese(database_url, tmp_path):
    env = {"DATABASE_URL": database_url}
    made = salesdesk("console", "--demo", env=env, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    result = salesdesk(
        "console", "--as", "王芳 Wang Fang", "-c", "/report 销售 本月", env=env, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "的文件，已保存］" in result.stdout
    paths = saved_paths(result.stdout)
    assert paths and all(path.is_file() for path in paths)
    assert all(path.parent == (tmp_path / "salesdesk-files").resolve() for path in paths)
