"""The baseline: a bare Bolt app whose `/order` handler is one line, served like the real app.

    python -m bench.bare_app --port 3001 --workers 2

Same settings from the environment (signing secret, bot token, SLACK_API_URL), the same
single-workspace authorization (no auth.test call), and gunicorn with bot/serve.py's options
(keep gunicorn_options in step with serve_http).
"""

import argparse
import logging
import sys

from gunicorn.app.base import BaseApplication
from slack_bolt import App, BoltContext
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.authorization import AuthorizeResult

from bot.logs import setup_logging
from bot.settings import Settings
from bot.slack_client import slack_client
from bot.wsgi import EVENTS_PATH

REPLY = "bare app: order noted"


def bare_app(settings: Settings) -> App:
    app = App(
        client=slack_client(None, settings.slack_api_url),
        signing_secret=settings.slack_signing_secret,
        authorize=lambda context: _authorized(context, settings.slack_bot_token),
        token_verification_enabled=False,
        logger=logging.getLogger("bench.bare"),
        ignoring_self_events_enabled=False,
    )
    app.command("/order")(lambda ack: ack(REPLY))
    return app


def _authorized(context: BoltContext, token: str | None) -> AuthorizeResult:
    return AuthorizeResult(
        enterprise_id=context.enterprise_id, team_id=context.team_id, bot_token=token
    )


class BareServer(BaseApplication):
    def __init__(self, settings: Settings, options: dict):
        self.settings = settings
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return SlackRequestHandler(bare_app(self.settings), path=EVENTS_PATH)


def gunicorn_options(host: str, port: int, workers: int) -> dict:
    """The options bot/serve.py's serve_http gives gunicorn."""
    return {
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": 4,
        "worker_class": "gthread",
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "info",
        "timeout": 30,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bare_app")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=3001)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    setup_logging()
    settings = Settings.from_env()
    settings.require("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET")
    BareServer(settings, gunicorn_options(args.host, args.port, args.workers)).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
