"""`POST /leads`: leads sent as JSON by a website form or a marketing tool.

    Authorization: Bearer <the source's token>
    Content-Type: application/json
    Content-Length: … (at most 64 KiB)

    {"company": "…", "contact_name": "…", "phone": "…", "email": "…", "region": "…",
     "industry": "…", "need": "…", "score": 80, "source_id": "the source's own id"}

201 {"id": …} for a new lead, 200 {"id": …} for one the source sent before under the same
source_id, 400 {"errors": {"field": "message"}} naming every bad field, 401 without a valid
token, 411 without a Content-Length, 413 for a longer body (refused before it is read), 415 for
anything but JSON, 429 with Retry-After when the source sends faster than its rate, 500 with an
apology (the traceback goes to the log). Nothing is stored unless the answer is 200 or 201.

The token is looked up (by its SHA-256) on every request, so a revoked token stops at once.
The rate is a token bucket per source, in each process: with several worker processes, each
counts on its own.
"""

import json
import logging
import math
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy.exc import IntegrityError

from bot.i18n import t
from commands.errors import DomainError, FormProblems
from commands.leads import LeadSaved, read_draft, source_of_token, take_from_source
from storage.db import Database

LEADS_PATH = "/leads"
MAX_BODY_BYTES = 64 * 1024
PER_MINUTE = 60
ANSWER_LOCALE = "en"  # the machines that call us read English
STATUS_TEXT = {
    200: "200 OK",
    201: "201 Created",
    400: "400 Bad Request",
    401: "401 Unauthorized",
    405: "405 Method Not Allowed",
    411: "411 Length Required",
    413: "413 Content Too Large",
    415: "415 Unsupported Media Type",
    429: "429 Too Many Requests",
    500: "500 Internal Server Error",
}

log = logging.getLogger(__name__)


@dataclass
class Bucket:
    tokens: float
    filled_at: float


@dataclass
class RateLimits:
    """A token bucket per source: `per_minute` requests a minute, in bursts up to as many."""

    per_minute: int = PER_MINUTE
    clock: Callable[[], float] = time.monotonic
    _buckets: dict[str, Bucket] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def wait(self, source: str) -> int:
        """0 when the request may go ahead (and is counted), else the seconds to wait."""
        rate = self.per_minute / 60.0
        with self._lock:
            now = self.clock()
            bucket = self._buckets.setdefault(source, Bucket(self.per_minute, now))
            bucket.tokens = min(self.per_minute, bucket.tokens + (now - bucket.filled_at) * rate)
            bucket.filled_at = now
            if bucket.tokens >= 1:
                bucket.tokens -= 1
                return 0
            return max(1, math.ceil((1 - bucket.tokens) / rate))


class Refused(Exception):
    def __init__(self, status: int, body: dict, headers: Iterable[tuple[str, str]] = ()):
        super().__init__(status)
        self.status = status
        self.body = body
        self.headers = list(headers)


def lead_intake(db: Database, limits: RateLimits | None = None):
    """The WSGI application of `POST /leads`."""
    limits = limits or RateLimits()

    def application(environ, start_response):
        try:
            status, body = _take(db, limits, environ)
            return _json(start_response, status, body)
        except Refused as refused:
            return _json(start_response, refused.status, refused.body, refused.headers)
        except Exception:
            log.exception("POST /leads failed")
            return _json(start_response, 500, _error("lead.api.internal"))

    return application


def _take(db: Database, limits: RateLimits, environ) -> tuple[int, dict]:
    if environ.get("REQUEST_METHOD") != "POST":
        raise Refused(405, _error("lead.api.method"), [("Allow", "POST")])
    source = _source(db, environ)
    wait = limits.wait(source)
    if wait:
        raise Refused(429, _error("lead.api.rate", seconds=wait), [("Retry-After", str(wait))])
    values = _json_body(environ)
    try:
        draft = read_draft(values, source=source)
    except FormProblems as problems:
        raise Refused(400, {"errors": _by_field(problems)}) from None
    saved = _stored(db, draft, source)
    return (201 if saved.created else 200), {"id": saved.lead_id, "status": str(saved.status)}


def _source(db: Database, environ) -> str:
    scheme, _, token = environ.get("HTTP_AUTHORIZATION", "").strip().partition(" ")
    source = None
    if scheme.lower() == "bearer" and token.strip():
        with db.reading() as connection:
            source = source_of_token(connection, token.strip())
    if source is None:
        raise Refused(401, _error("lead.api.unauthorized"), [("WWW-Authenticate", "Bearer")])
    return source


def _json_body(environ) -> dict:
    """The body as a JSON object; its length judged from Content-Length before a byte is
    read."""
    declared = environ.get("CONTENT_LENGTH") or ""
    if not declared:
        raise Refused(411, _error("lead.api.length_required"))
    if not declared.isdigit():
        raise Refused(400, _error("lead.api.bad_length"))
    if int(declared) > MAX_BODY_BYTES:
        raise Refused(413, _error("lead.api.too_large", limit=MAX_BODY_BYTES))
    media_type = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
    if media_type != "application/json":
        raise Refused(415, _error("lead.api.not_json"))
    raw = environ["wsgi.input"].read(int(declared))
    try:
        values = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise Refused(400, {"errors": {"body": _text("lead.api.malformed")}}) from None
    if not isinstance(values, dict):
        raise Refused(400, {"errors": {"body": _text("lead.api.not_object")}})
    return values


def _stored(db: Database, draft, source: str) -> LeadSaved:
    """The lead stored; two requests with one source id at once give one lead: the second
    insert fails on the unique index, and reads the first's."""
    try:
        with db.session() as session:
            return take_from_source(session, draft, source)
    except IntegrityError:
        if not draft.source_id:
            raise
        with db.session() as session:
            return take_from_source(session, draft, source)


def _by_field(problems: FormProblems) -> dict[str, str]:
    return {name: _message(error) for name, error in problems.problems.items()}


def _message(error: DomainError) -> str:
    return _text(error.key, **error.params)


def _text(key: str, **params: object) -> str:
    return t(ANSWER_LOCALE, key, **params)


def _error(key: str, **params: object) -> dict:
    return {"error": _text(key, **params)}


def _json(start_response, status: int, body: dict, headers: Iterable[tuple[str, str]] = ()):
    payload = json.dumps(body, ensure_ascii=False).encode()
    start_response(
        STATUS_TEXT[status],
        [
            ("Content-Type", "application/json; charset=utf-8"),
            ("Content-Length", str(len(payload))),
            *headers,
        ],
    )
    return [payload]
