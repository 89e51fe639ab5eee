"""`/target [mine|team] [PERIOD] [METRIC]`: attainment and pace, answered by
bot/listeners/targets.py in the ack (ephemeral)."""

from bot.views.attainment import targets_message
from commands.people import Actor
from commands.targets.progress import targets_report
from commands.targets.text import ShowTargets
from storage.db import Database


def targets_reply(db: Database, actor: Actor, request: ShowTargets) -> dict:
    with db.session() as session:
        report = targets_report(
            session, actor, request.scope, request.period, request.metric, actor.timezone
        )
    return targets_message(report, actor.reader)
