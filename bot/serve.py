"""`salesdesk serve`: Socket Mode, or HTTP through gunicorn with Bolt's WSGI adapter."""

import logging

from gunicorn.app.base import BaseApplication
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.app import create_desk
from bot.i18n import t
from bot.runtime import open_database
from bot.settings import Settings, SettingsError
from bot.wsgi import wsgi_app

log = logging.getLogger(__name__)
TOKEN_CHECK_SECONDS = 5
_QUIET = logging.getLogger("salesdesk.token_check")
_QUIET.disabled = True


def serve_socket_mode(settings: Settings, scheduler: bool = True) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    settings.require("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", why="config.why.socket_mode")
    check_bot_token(settings)
    desk = create_desk(settings, open_database(settings))
    jobs = desk.start_background(scheduler)
    log.info("Sales Desk is connecting to Slack in Socket Mode")
    try:
        SocketModeHandler(desk.app, settings.slack_app_token).start()
    finally:
        if jobs:
            jobs.stop()
        desk.outbox.stop()


def serve_http(
    settings: Settings, host: str, port: int, workers: int, scheduler: bool = True
) -> None:
    settings.require("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", why="config.why.http_mode")
    check_bot_token(settings)
    open_database(settings).dispose()  # fail fast, before forking workers
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": 4,
        "worker_class": "gthread",
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "info",
        "timeout": 30,
    }
    GunicornServer(settings, options, scheduler).run()


def check_bot_token(settings: Settings) -> None:
    """Stop at start when Slack refuses the bot token, naming it. When Slack cannot be asked
    (an outage, a proxy down), warn and go on: the outbox holds messages until Slack answers."""
    client = WebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        timeout=TOKEN_CHECK_SECONDS,
        logger=_QUIET,  # the one warning below says it all, not an error per attempt
    )
    try:
        client.auth_test()
    except SlackApiError as error:
        answer = error.response
        if answer.status_code == 200 and isinstance(answer.data, dict):
            refusal = answer.data.get("error", "unknown")
            raise SettingsError(
                t(settings.locale, "config.bot_token_invalid", error=refusal)
            ) from None
        _unreachable(settings, f"HTTP {answer.status_code}")
    except (OSError, ValueError) as error:  # no connection, a timeout, an answer not JSON
        reason = getattr(error, "reason", None) or error
        _unreachable(settings, str(reason) or type(error).__name__)


def _unreachable(settings: Settings, reason: str) -> None:
    log.warning(t(settings.locale, "config.slack_unreachable", reason=reason))


class GunicornServer(BaseApplication):
    """Each worker builds its own app, database pool, outbox sender and scheduler after the
    fork; runs are claimed in the database, so several workers never post twice."""

    def __init__(self, settings: Settings, options: dict, scheduler: bool):
        self.settings = settings
        self.options = options
        self.scheduler = scheduler
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        desk = create_desk(self.settings, open_database(self.settings))
        desk.start_background(self.scheduler)
        return wsgi_app(desk)
