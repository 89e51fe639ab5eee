"""`salesdesk serve`: Socket Mode, or HTTP through gunicorn with Bolt's WSGI adapter."""

import logging

from gunicorn.app.base import BaseApplication

from bot.app import create_desk
from bot.runtime import open_database
from bot.settings import Settings
from bot.wsgi import wsgi_app

log = logging.getLogger(__name__)


def serve_socket_mode(settings: Settings, scheduler: bool = True) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    settings.require("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN")
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
    settings.require("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET")
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
