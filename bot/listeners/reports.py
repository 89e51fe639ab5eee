"""`/report` (报表): a report of a kind for a period and a scope, acknowledged at once; then a
"preparing…" message in the DM with the asker (or the team's own channel, when a manager or the
desk asks there for the team) updated step by step with chat.update, replaced by the summary,
and the files (the chart PNGs, and the XLSX and CSV where their writers are installed)
uploaded beside it. Help, bad words, scopes the asker may not see and the subscriptions are
answered in the ack."""

import logging
from dataclasses import dataclass

from slack_bolt import Ack, App
from slack_sdk import WebClient
from sqlmodel import Session, col, select

from bot.listeners.replies import answer
from bot.report_delivery import report_files, upload_files
from bot.views import reports as views
from commands.people import Actor
from commands.pipeline import today_on
from commands.reports import build_report
from commands.reports.request import (
    ListSubscriptions,
    MakeReport,
    ShowHelp,
    Subscribe,
    Unsubscribe,
    parse_report_command,
)
from commands.reports.scope import REP, ReportScope, report_scope
from commands.reports.subscriptions import subscribe, subscriptions, unsubscribe
from jobs.report_packs import asked_delivered, queue_asked
from storage.db import Database
from storage.models import Team, utcnow

COMMAND = "/report"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    request: MakeReport
    scope: ReportScope
    channel: str | None  # the team's channel it was asked in; None: the asker's DM
    kept_as: str  # its row in the outbox, which sends it should this process stop first


def report_command(ack: Ack, command: dict, actor: Actor, db: Database, client: WebClient) -> None:
    jobs: list[Job] = []

    def first_answer() -> dict:
        request = parse_report_command(command.get("text", ""), today_on(actor))
        if isinstance(request, ShowHelp):
            return views.report_help(actor.locale)
        with db.session() as session:
            if isinstance(request, MakeReport):
                job = _planned(session, actor, request, command.get("channel_id", ""))
                session.commit()
                jobs.append(job)
                where = "channel" if job.channel else "dm"
                return views.asked(
                    request.kind, job.scope.label, request.period.key, where, actor.locale
                )
            return _subscriptions(session, actor, request)

    ack(**answer(actor, first_answer))
    for job in jobs:
        deliver(client, db, actor, job)


def _planned(session: Session, actor: Actor, request: MakeReport, channel_id: str) -> Job:
    scope = report_scope(session, actor, request.target, actor.timezone)
    channel = None
    if scope.kind != REP and channel_id:
        team_channels = session.exec(
            select(Team.slack_channel_id).where(col(Team.id).in_(scope.team_ids))
        ).all()
        channel = channel_id if channel_id in team_channels and len(scope.team_ids) == 1 else None
    kept_as = queue_asked(
        session,
        request.kind,
        request.period,
        scope,
        channel or actor.slack_user_id,
        actor.locale,
        utcnow(),
    )
    return Job(request, scope, channel, kept_as)


def _subscriptions(session: Session, actor: Actor, request: Subscribe | ListSubscriptions) -> dict:
    if isinstance(request, ListSubscriptions):
        return views.subscription_list(subscriptions(session, actor), actor.locale)
    if isinstance(request, Unsubscribe):
        return views.subscribed(unsubscribe(session, actor, request), actor.locale, removed=True)
    return views.subscribed(subscribe(session, actor, request), actor.locale)


def deliver(client: WebClient, db: Database, actor: Actor, job: Job) -> None:
    """The progress message, then the summary in its place and the files beside it."""
    locale, request = actor.locale, job.request
    try:
        channel = (
            job.channel or client.conversations_open(users=actor.slack_user_id)["channel"]["id"]
        )
        progress = views.preparing(request.kind, job.scope.label, request.period.key, 1, locale)
        posted = client.chat_postMessage(channel=channel, **progress)
    except Exception:
        log.exception("report for %s: no place to post it", actor.slack_user_id)
        return
    ts = posted["ts"]
    try:
        with db.session() as session:
            report = build_report(session, request.kind, job.scope, request.period)
            for table in report.tables:
                table.rows = list(table.rows)  # read by the summary and by every file
        step = views.preparing(request.kind, job.scope.label, request.period.key, 2, locale)
        client.chat_update(channel=channel, ts=ts, **step)
        files = report_files(report, locale)
        client.chat_update(channel=channel, ts=ts, **views.report_summary(report, locale))
        upload_files(client, channel, views.files_comment(report, locale), files)
        with db.session() as session:
            asked_delivered(session, job.kept_as, utcnow())
    except Exception:
        log.exception("report %s for %s failed", request.kind, actor.slack_user_id)
        client.chat_update(channel=channel, ts=ts, **views.failed(locale))


def register(app: App) -> None:
    app.command(COMMAND)(report_command)
