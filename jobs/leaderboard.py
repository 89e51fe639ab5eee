"""The weekly leaderboard, at the team's weekly review time, once per team and ISO week (the
run is claimed in jobs/runs; each message has its own key too). The board is the month the
week just ended belongs to (its last day: the day before the post), on the team's
leaderboard_metric, shared as the team's leaderboard_privacy says:

- `everyone`: the whole board in the team channel;
- `top3`: the top three in the channel, and each rep their own rank by DM;
- `none`: nothing in the channel, each rep their own rank by DM, the manager the whole board.

A team where nobody has a target for that month gets nothing: there is no ranking to share."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from commands.targets.leaderboard import (
    EVERYONE,
    NONE,
    TOP3,
    Leaderboard,
    board_record,
    standing_record,
    team_leaderboard,
)
from commands.targets.periods import Period
from commands.team_settings import TeamSettings
from jobs.recipients import queue_new, team_members
from storage.models import Team
from storage.statuses import Role


def queue(session: Session, team: Team, at: datetime, settings: TeamSettings) -> int:
    local = at.astimezone(ZoneInfo(settings.timezone))
    last_day = local.date() - timedelta(days=1)
    board = team_leaderboard(session, team, None, Period.containing(last_day), last_day, settings)
    if not board.ranked:
        return 0
    year, week, _ = local.isocalendar()
    key = f"leaderboard:{team.id}:{year}-W{week:02d}"
    privacy = settings.leaderboard_privacy
    planned = []
    if privacy in (EVERYONE, TOP3):
        planned.append(_channel_post(team, board, privacy, settings, key))
    if privacy in (TOP3, NONE):
        planned += _own_ranks(board, privacy, key)
    if privacy == NONE:
        planned += [
            {
                "key": f"{key}:board:{manager}",
                "channel": manager,
                "kind": "leaderboard_board",
                "board": board_record(board),
            }
            for manager in _managers(session, team)
        ]
    return queue_new(session, planned)


def _channel_post(
    team: Team, board: Leaderboard, privacy: str, settings: TeamSettings, key: str
) -> dict:
    shown = board.top() if privacy == TOP3 else None
    return {
        "key": f"{key}:channel",
        "channel": team.slack_channel_id,
        "kind": "leaderboard_post",
        "board": board_record(board, shown),
        "privacy": privacy,
        "locale": settings.locale,
    }


def _own_ranks(board: Leaderboard, privacy: str, key: str) -> list[dict]:
    summary = board_record(board, ())
    return [
        {
            "key": f"{key}:rank:{standing.slack_user_id}",
            "channel": standing.slack_user_id,
            "kind": "leaderboard_rank",
            "board": summary,
            "own": standing_record(board, standing),
            "privacy": privacy,
        }
        for standing in board.ranked + board.unranked
        if standing.slack_user_id
    ]


def _managers(session: Session, team: Team) -> list[str]:
    ids = {m.slack_user_id for m in team_members(session, team) if m.role == Role.manager}
    if team.manager_slack_id:
        ids.add(team.manager_slack_id)
    return sorted(ids)
