"""Each team channel's canvas holds the live month, rewritten section by section after each
stand-up. Team, members, customers, orders, invoices, rates and targets loaded with `salesdesk
import` (tests/test_attainment.py's October 2026 for 华东 East, plus an invoice of 50,000 due
on 12 October); the daily-digest job run at fixed moments and the outbox delivering through
the Slack stand-in, whose canvases are read back. On SQLite and PostgreSQL.

By hand, Friday 16 October (Shanghai): the team's order amount 76,240 of 200,000 (38.1 %); the
board ranks 王芳 64.2 % then 李雷 20.0 % (top three shown: privacy `top3`); INV-2610-01,
50,000.00 open, due 12 October: 4 days overdue (7 on Monday the 19th); no first-contact
deadline fell in October.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from bot.app import create_desk
from bot.settings import Settings
from commands.team_settings import change_team_settings
from jobs.runner import JobRunner
from storage.models import Notification, Team
from test_attainment import EAST, EAST_CHANNEL, FILES, load

SHANGHAI = ZoneInfo("Asia/Shanghai")
FAR_FUTURE = datetime(2030, 1, 1, tzinfo=ZoneInfo("UTC"))
HEADINGS_ZH = ["本月目标", "排行榜", "首次联系时限", "最大逾期"]
HEADINGS_EN = ["Target this month", "Leaderboard", "First-contact SLA", "Largest overdue"]
WITH_OVERDUE = FILES | {
    "invoices": FILES["invoices"] + "INV-2610-01,SO-2610-01,50000.00,CNY,2026-10-09,2026-10-12\n"
}


def at(day: int) -> datetime:
    return datetime(2026, 10, day, 8, 30, tzinfo=SHANGHAI)


@pytest.fixture
def desk(db, database_url, monkeypatch, tmp_path, slack):
    load(db, database_url, monkeypatch, tmp_path, WITH_OVERDUE)
    settings = Settings(database_url=db.url, slack_bot_token="xoxb-t", slack_api_url=slack.api_url)
    return create_desk(settings, db)


def stand_up(db, desk, day: int) -> None:
    JobRunner(db, "UTC", "en").run("daily-digest", at(day))
    deliver(desk)


def deliver(desk) -> None:
    while desk.outbox.deliver_due(now=FAR_FUTURE):
        pass


def canvas_status(db, day: int) -> str:
    with db.session() as session:
        key = session.exec(select(Notification.key).where(Notification.kind == "canvas")).all()
        wanted = [k for k in key if k.endswith(f"2026-10-{day:02d}")]
        return session.exec(select(Notification.status).where(Notification.key == wanted[0])).one()


def stored_canvas(db) -> str | None:
    with db.session() as session:
        return session.exec(select(Team.canvas_id).where(Team.name == EAST)).one()


def h2s(slack, canvas_id: str) -> list[tuple[str, str]]:
    return [(s["id"], s["heading"]) for s in slack.canvas_sections(canvas_id) if s["type"] == "h2"]


def section(slack, canvas_id: str, heading: str) -> str:
    return next(s["markdown"] for s in slack.canvas_sections(canvas_id) if s["heading"] == heading)


def test_the_canvas_is_created_once_and_holds_the_live_month(db, desk, slack):
    stand_up(db, desk, 16)

    canvas_id = slack.canvas_of(EAST_CHANNEL)
    assert canvas_id and stored_canvas(db) == canvas_id
    assert [heading for _, heading in h2s(slack, canvas_id)] == HEADINGS_ZH
    target = section(slack, canvas_id, "本月目标")
    assert "截至 2026年10月16日 的站会" in target
    assert "订单额" in target and "38.1%" in target and "¥76,240.00 / ¥200,000.00" in target
    board = section(slack, canvas_id, "排行榜")
    assert "1\\. 王芳 · 64.2%" in board and "2\\. 李雷 · 20.0%" in board
    assert "¥" not in board  # the channel sees percents, never amounts
    assert "本月还没有到期的首次联系时限。" in section(slack, canvas_id, "首次联系时限")
    overdue = section(slack, canvas_id, "最大逾期")
    assert "INV-2610-01 · 上海华瑞机电有限公司 · 未收 ¥50,000.00 · 逾期 4 天" in overdue

    stand_up(db, desk, 16)  # the same day again: nothing written twice
    assert len(slack.calls_to("conversations.canvases.create")) == 1
    assert len(slack.calls_to("canvases.edit")) == 0


def test_the_next_day_rewrites_each_section_in_place(db, desk, slack):
    stand_up(db, desk, 16)
    canvas_id = slack.canvas_of(EAST_CHANNEL)
    before = h2s(slack, canvas_id)

    stand_up(db, desk, 19)

    assert slack.canvas_of(EAST_CHANNEL) == canvas_id == stored_canvas(db)
    assert h2s(slack, canvas_id) == before  # same sections, same ids, none appended
    assert "逾期 7 天" in section(slack, canvas_id, "最大逾期")
    assert "逾期 4 天" not in slack.canvas_markdown(canvas_id)
    assert "截至 2026年10月19日 的站会" in section(slack, canvas_id, "本月目标")
    assert len(slack.calls_to("conversations.canvases.create")) == 1
    edits = [c.args["changes"] for c in slack.calls_to("canvases.edit")]
    assert [len(changes) for changes in edits] == [1, 1, 1, 1]  # one change per call
    assert {changes[0]["operation"] for changes in edits} == {"replace"}
    lookups = slack.calls_to("canvases.sections.lookup")
    assert all('"section_types": ["h2"]' in c.args["criteria"] for c in lookups)


def test_a_canvas_deleted_in_slack_is_made_again(db, desk, slack):
    stand_up(db, desk, 16)
    first = slack.canvas_of(EAST_CHANNEL)
    slack.delete_canvas(first)

    stand_up(db, desk, 19)

    second = slack.canvas_of(EAST_CHANNEL)
    assert second and second != first and stored_canvas(db) == second
    assert [heading for _, heading in h2s(slack, second)] == HEADINGS_ZH


def test_a_channel_that_already_has_a_canvas_gets_the_sections_in_it(db, desk, slack):
    from slack_sdk import WebClient

    client = WebClient(token="xoxb-t", base_url=slack.api_url)
    made_by_hand = {"type": "markdown", "markdown": "# 华东团队\n\n欢迎！\n"}
    existing = client.conversations_canvases_create(
        channel_id=EAST_CHANNEL, document_content=made_by_hand
    )["canvas_id"]

    stand_up(db, desk, 16)

    assert slack.canvas_of(EAST_CHANNEL) == existing == stored_canvas(db)
    markdown = slack.canvas_markdown(existing)
    assert markdown.startswith("# 华东团队\n\n欢迎！\n")  # what people wrote is kept
    assert [heading for _, heading in h2s(slack, existing)] == HEADINGS_ZH


def test_a_slack_error_is_retried_not_lost(db, desk, slack):
    stand_up(db, desk, 16)
    canvas_id = slack.canvas_of(EAST_CHANNEL)
    slack.fail_next("canvases.edit", "internal_error")

    JobRunner(db, "UTC", "en").run("daily-digest", at(19))
    desk.outbox.deliver_due(now=FAR_FUTURE)
    assert canvas_status(db, 19) == "pending"

    deliver(desk)
    assert canvas_status(db, 19) == "sent"
    assert "逾期 7 天" in section(slack, canvas_id, "最大逾期")
    assert len(h2s(slack, canvas_id)) == 4


def test_the_canvas_speaks_the_teams_language_and_keeps_a_private_board_private(db, desk, slack):
    stand_up(db, desk, 16)
    canvas_id = slack.canvas_of(EAST_CHANNEL)
    with db.session() as session:
        change_team_settings(session, None, EAST, {"locale": "en", "leaderboard_privacy": "none"})

    stand_up(db, desk, 19)

    assert [heading for _, heading in h2s(slack, canvas_id)] == HEADINGS_EN  # replaced, not added
    board = section(slack, canvas_id, "Leaderboard")
    assert "The leaderboard is private in this team" in board
    assert "64.2" not in board and "王芳" not in board
    target = section(slack, canvas_id, "Target this month")
    assert "as of the stand-up on Oct 19, 2026" in target and "38.1 %" in target
    assert "7 days overdue" in section(slack, canvas_id, "Largest overdue")
