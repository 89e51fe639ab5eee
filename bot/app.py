"""The Bolt app factory: middleware, listeners and the outbox sender, wired to one database."""

import logging
import threading
from dataclasses import dataclass

from slack_bolt import App, BoltContext
from slack_bolt.authorization import AuthorizeResult

from bot import listeners
from bot.middleware import member_resolver, plain_command_text, services
from bot.settings import Settings
from bot.slack_client import slack_client
from bot.unavailable import KnownLanguages, error_handler
from bot.views.notifications import render_notification
from commands.people import Reader
from commands.when import warm_up
from jobs.outbox import PER_CHANNEL_SECONDS, OutboxSender
from jobs.runner import JobRunner
from jobs.scheduler import JobScheduler
from storage.db import Database


@dataclass
class SalesDesk:
    settings: Settings
    db: Database
    app: App
    outbox: OutboxSender

    def job_runner(self) -> JobRunner:
        return JobRunner(self.db, self.settings.timezone, self.settings.locale)

    def start_background(self, scheduler: bool = True) -> JobScheduler | None:
        """The outbox sender, and unless told otherwise the job scheduler."""
        threading.Thread(target=warm_up, name="warm-up", daemon=True).start()
        self.outbox.start()
        if not scheduler:
            return None
        jobs = JobScheduler(self.job_runner(), on_queued=self.outbox.wake)
        jobs.start()
        return jobs


def create_desk(
    settings: Settings,
    db: Database,
    outbox_poll_seconds: float = 5.0,
    process_before_response: bool = False,
    outbox_pace_seconds: float = PER_CHANNEL_SECONDS,
) -> SalesDesk:
    """The Bolt app with every listener. `process_before_response` finishes a listener's work
    (forms opened, follow-ups sent) before answering: for the console, never for Slack, which
    wants its answer within three seconds. `outbox_pace_seconds`: the least time between two
    messages to one channel (Slack's second; tests that are not about pacing use 0)."""
    app = App(
        # No token here: `authorize` hands it to each request's client.
        client=slack_client(None, settings.slack_api_url),
        signing_secret=settings.slack_signing_secret,
        authorize=_single_workspace(settings.slack_bot_token),
        logger=logging.getLogger("salesdesk.bolt"),
        ignoring_self_events_enabled=False,
        process_before_response=process_before_response,
    )
    outbox = OutboxSender(
        db,
        slack_client(settings.slack_bot_token, settings.slack_api_url, retry_rate_limited=False),
        render_notification,
        defaults=Reader(settings.locale, settings.timezone),
        admins=settings.admins,
        poll_seconds=outbox_poll_seconds,
        pace_seconds=outbox_pace_seconds,
    )
    languages = KnownLanguages()
    app.middleware(services(db=db, notify=outbox.wake, settings=settings))
    app.middleware(plain_command_text)
    app.middleware(member_resolver(db, settings))
    app.middleware(languages.middleware)
    app.error(error_handler(languages, settings.locale))
    listeners.register(app, db, on_notify=outbox.wake, settings=settings)
    return SalesDesk(settings, db, app, outbox)


def _single_workspace(token: str | None):
    """One workspace, one bot token: no auth.test round trip on the request path."""

    def authorize(context: BoltContext) -> AuthorizeResult:
        return AuthorizeResult(
            enterprise_id=context.enterprise_id, team_id=context.team_id, bot_token=token
        )

    return authorize
