"""The WSGI application gunicorn serves: Slack's endpoint and a health check."""

import io
import json
import logging

from slack_bolt.adapter.wsgi import SlackRequestHandler
from sqlalchemy.exc import SQLAlchemyError

from bot.app import SalesDesk
from bot.lead_intake import LEADS_PATH, RateLimits, lead_intake
from storage.migrate import is_current

EVENTS_PATH = "/slack/events"
# Slack's largest payloads (a modal's whole state, a message's blocks) are tens of kilobytes;
# a mebibyte leaves room for growth while a flood of unsigned bytes is refused unread.
MAX_BODY_BYTES = 1024 * 1024
_READ_SIZE = 64 * 1024

log = logging.getLogger(__name__)


class _BadLength(ValueError):
    pass


def wsgi_app(desk: SalesDesk, lead_limits: RateLimits | None = None):
    """`lead_limits`: how fast each lead source may send (default: a minute's worth of
    requests a minute, per process)."""
    slack = SlackRequestHandler(desk.app, path=EVENTS_PATH)
    leads = lead_intake(desk.db, lead_limits)

    def application(environ, start_response):
        if environ.get("PATH_INFO") == "/healthz":
            return _health(desk, start_response)
        if environ.get("PATH_INFO") == LEADS_PATH:  # its body is judged there, before it is read
            return leads(environ, start_response)
        if environ.get("REQUEST_METHOD") == "POST":
            try:
                body = _bounded_body(environ)
            except _BadLength:
                return _plain(start_response, "400 Bad Request", "Bad Content-Length")
            if body is None:
                return _plain(start_response, "413 Content Too Large", "Request body too large")
            environ["wsgi.input"] = io.BytesIO(body)
            environ["CONTENT_LENGTH"] = str(len(body))
        return slack(environ, start_response)

    return application


def _bounded_body(environ) -> bytes | None:
    """The request body, or None when it is longer than MAX_BODY_BYTES: a declared length is
    judged before a byte is read, a chunked body is read no further than the limit."""
    declared = environ.get("CONTENT_LENGTH")
    if declared:
        if not declared.isdigit():
            raise _BadLength(declared)
        if int(declared) > MAX_BODY_BYTES:
            return None
        return environ["wsgi.input"].read(int(declared))
    if "chunked" not in environ.get("HTTP_TRANSFER_ENCODING", "").lower():
        return b""
    return _read_at_most(environ["wsgi.input"], MAX_BODY_BYTES)


def _read_at_most(stream, limit: int) -> bytes | None:
    parts, size = [], 0
    while size <= limit:
        part = stream.read(min(_READ_SIZE, limit + 1 - size))
        if not part:
            return b"".join(parts)
        parts.append(part)
        size += len(part)
    return None


def _plain(start_response, status: str, text: str):
    body = text.encode()
    headers = [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))]
    start_response(status, headers)
    return [body]


def _health(desk: SalesDesk, start_response):
    healthy, state = _database_state(desk)
    status = "200 OK" if healthy else "503 Service Unavailable"
    start_response(status, [("Content-Type", "application/json")])
    return [json.dumps({"ok": healthy, **state}).encode()]


def _database_state(desk: SalesDesk) -> tuple[bool, dict]:
    if not desk.db.is_reachable():
        return False, {"database": "unreachable"}
    try:
        current = is_current(desk.db.engine)
    except SQLAlchemyError as error:
        log.warning("health check could not read the schema revision: %s", error)
        return False, {"database": "unreachable"}
    if not current:
        reason = "not at the latest migration: run `salesdesk db upgrade`"
        return False, {"database": "reachable", "schema": reason}
    return True, {"database": "reachable", "schema": "current"}
