"""KPI scorecards for `/target kpi` (dispatched by bot/listeners/targets): a rep's own scorecard
with its parts, each rep of a team for its manager, and a team's indicators set."""

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.views import scorecards as views
from commands.people import Actor
from commands.targets.scorecards import scorecards_for, set_kpi
from commands.targets.text import SetKpi, ShowScorecard
from storage.db import Database


def scorecard_reply(db: Database, actor: Actor, request: ShowScorecard) -> dict:
    today = datetime.now(ZoneInfo(actor.timezone)).date()
    with db.session() as session:
        found = scorecards_for(session, actor, request, today)
    return views.scorecards_reply(found, actor.locale)


def kpi_set_reply(db: Database, actor: Actor, request: SetKpi) -> dict:
    with db.session() as session:
        result = set_kpi(session, actor, request)
    return views.kpi_set_reply(result, actor.locale)
