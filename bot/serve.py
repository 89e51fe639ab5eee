"""`salesdesk serve`: Socket Mode, or HTTP through gunicorn with Bolt's WSGI adapter."""

import logging

from gunicorn.app.base import BaseApplication

from bot.app import create_desk
from bot.runtime import open_database
from bot.settings import Settings
from bot.wsgi import wsgi_app

log = logging.getLogger(__name__)


def serve_socket_mode(settings: Settings) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    settings.require("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN")
    desk = create_desk(settings, open_database(settings))
    desk.outbox.start()
    log.info("Sales Desk is connecting to Slack in Socket Mode")
    try:
        SocketModeHandler(desk.app, settings.slack_app_token).start()
    finally:
        desk.outbox.stop()


def serve_http(settings: Settings, host: str, port: int, workers: int) -> None:
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
    GunicornServer(settings, options).run()


class GunicornServer(BaseApplication):
    """Each worker builds its own app, database pool and outbox sender after the fork."""

    def __init__(self, settings: Settings, options: dict):
        self.settings = settings
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        desk = create_desk(self.settings, open_database(self.settings))
        desk.outbox.start()
        return wsgi_app(desk)
