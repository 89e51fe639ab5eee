"""The WSGI application gunicorn serves: Slack's endpoint and a health check."""

import json

from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.app import SalesDesk

EVENTS_PATH = "/slack/events"


def wsgi_app(desk: SalesDesk):
    slack = SlackRequestHandler(desk.app, path=EVENTS_PATH)

    def application(environ, start_response):
        if environ.get("PATH_INFO") == "/healthz":
            return _health(desk, start_response)
        return slack(environ, start_response)

    return application


def _health(desk: SalesDesk, start_response):
    healthy = desk.db.is_reachable()
    body = json.dumps({"ok": healthy, "database": "reachable" if healthy else "unreachable"})
    status = "200 OK" if healthy else "503 Service Unavailable"
    start_response(status, [("Content-Type", "application/json")])
    return [body.encode()]
