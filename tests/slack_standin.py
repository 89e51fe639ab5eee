"""A loopback stand-in for Slack's Web API and response_url endpoints, for tests.

    with SlackStandIn() as slack:
        client = WebClient(token="xoxb-test", base_url=slack.api_url)
        client.chat_postMessage(channel="C1", text="hi")
        assert slack.wait_for("chat.postMessage")[0].args["text"] == "hi"

Standard library only; the server runs on 127.0.0.1 (a free port) in a daemon thread.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import random
import re
import threading
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

__all__ = ["Call", "SlackStandIn", "Upload", "signed_headers", "slash_command_body"]

JSON_FIELDS = ("blocks", "view", "attachments")
AUTH_TEST = {
    "user_id": "UBOT",
    "bot_id": "BBOT",
    "team_id": "T0001",
    "team": "Sales",
    "url": "https://example.slack.com/",
}
Response = dict | Callable[["Call"], dict]


@dataclass
class Call:
    method: str
    args: dict
    headers: dict
    at: float = field(default_factory=time.monotonic)
    status: int = 200  # HTTP status answered; set on failed_calls
    retry_after: int | None = None  # the Retry-After answered with a 429


@dataclass
class Upload:
    """A file uploaded the way files_upload_v2 does it: a URL asked for, the bytes POSTed there,
    then the upload completed (shared in `channel`, with `comment`)."""

    file_id: str
    filename: str
    length: int
    content: bytes | None = None
    title: str | None = None
    channel: str | None = None
    comment: str | None = None


# What files.completeUploadExternal takes as channel_id: a channel, group or DM id, never a
# user's (Slack answers invalid_arguments; a DM is conversations.open'ed first).
CHANNEL_ID = re.compile(r"^[CGDZ][A-Z0-9]{8,}$")


@dataclass
class _RateLimit:
    per_channel_per_second: int | None
    burst_per_minute: int | None
    channel_seconds: float = 1.0
    window_seconds: float = 60.0
    by_channel: defaultdict = field(default_factory=lambda: defaultdict(deque))
    overall: deque = field(default_factory=deque)


class SlackStandIn:
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._responses: dict[str, Response] = {}
        self._users: dict[str, dict] = {}
        self._seq = 0
        # Canvases outlive reset(), like users: canvas id → its sections, channel → its canvas.
        self.canvases: dict[str, list[dict]] = {}
        self.channel_canvases: dict[str, str] = {}
        self.reset()

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> SlackStandIn:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.standin = self
        serve = self._server.serve_forever
        self._thread = threading.Thread(target=serve, args=(0.01,), daemon=True)  # quick stop()
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join()
            self._server = self._thread = None

    def __enter__(self) -> SlackStandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/"

    def response_url(self, name: str = "r1") -> str:
        return f"{self.base_url}/response/{name}"

    # -- configuration ---------------------------------------------------------------------

    def set_response(self, method: str, response: Response) -> None:
        """Answer `method` with a dict, or with `response(call)`; HTTP 200 either way."""
        with self._cond:
            self._responses[method] = response

    def add_user(
        self, user_id: str, name: str | None = None, locale: str = "en-US", tz: str = "UTC"
    ) -> None:
        name = name or user_id.lower()
        user = {"id": user_id, "name": name, "real_name": name, "tz": tz, "locale": locale}
        with self._cond:
            self._users[user_id] = user

    def fail_randomly(
        self,
        rate: float = 0.3,
        seed: int | None = None,
        statuses: tuple[int, ...] = (503, 429),
        retry_after: int = 1,
    ) -> None:
        """Fail `rate` of Web API calls with one of `statuses`; rate 0 switches it off."""
        with self._cond:
            self._fault = (rate, random.Random(seed), statuses, retry_after) if rate else None

    def rate_limit(
        self,
        method: str,
        per_channel_per_second: int | None = None,
        burst_per_minute: int | None = None,
        channel_seconds: float = 1.0,
        window_seconds: float = 60.0,
    ) -> None:
        """Answer 429 + Retry-After when `method` is called more often than allowed: more
        than `per_channel_per_second` calls to one channel in `channel_seconds`, or
        `burst_per_minute` in all in `window_seconds` (Slack's second and minute by default;
        shorter ones keep a test quick)."""
        with self._cond:
            self._limits[method] = _RateLimit(
                per_channel_per_second, burst_per_minute, channel_seconds, window_seconds
            )

    def reset(self) -> None:
        """Forget recorded calls, request counts, random faults and rate limits."""
        with self._cond:
            self.calls: list[Call] = []
            self.failed_calls: list[Call] = []
            self.total_requests = 0
            self._fault = None
            self._limits: dict[str, _RateLimit] = {}
            self.uploads: dict[str, Upload] = {}

    def fail_next(self, method: str, error: str, times: int = 1) -> None:
        """Answer the next `times` calls to `method` with {ok: false, error}, then as before."""
        with self._cond:
            before = self._responses.get(method, self._default_response)
        left = [times]

        def failing(call: Call) -> dict:
            if left[0] > 0:
                left[0] -= 1
                return {"ok": False, "error": error}
            return before(call) if callable(before) else before

        self.set_response(method, failing)

    def delete_canvas(self, canvas_id: str) -> None:
        """The canvas deleted in Slack: gone, and its channel has none."""
        with self._cond:
            self.canvases.pop(canvas_id, None)
            for channel in [c for c, i in self.channel_canvases.items() if i == canvas_id]:
                del self.channel_canvases[channel]

    def canvas_of(self, channel: str) -> str | None:
        with self._cond:
            return self.channel_canvases.get(channel)

    def canvas_sections(self, canvas_id: str) -> list[dict]:
        """The canvas's sections in order: {id, type (h1/h2/h3 or None), heading, markdown}."""
        with self._cond:
            return [dict(section) for section in self.canvases.get(canvas_id, [])]

    def canvas_markdown(self, canvas_id: str) -> str:
        return "".join(s["markdown"] for s in self.canvas_sections(canvas_id))

    # -- queries ---------------------------------------------------------------------------

    def calls_to(self, method: str) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.method == method]

    def wait_for(
        self,
        method: str,
        count: int = 1,
        timeout: float = 5.0,
        where: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Block until `count` recorded calls to `method` (matching `where`) exist."""

        def matching() -> list[Call]:
            return [c for c in self.calls if c.method == method and (where is None or where(c))]

        with self._cond:
            if self._cond.wait_for(lambda: len(matching()) >= count, timeout):
                return matching()
            seen = Counter(c.method for c in self.calls)
            recorded = ", ".join(f"{m} x{n}" for m, n in seen.items()) or "nothing"
            raise AssertionError(
                f"expected {count} call(s) to {method}{' matching where' if where else ''}"
                f" within {timeout}s, got {len(matching())}; recorded: {recorded}"
            )

    def shared_files(self, channel: str | None = None) -> list[Upload]:
        """The files whose upload was completed (in `channel`, if given), oldest first."""
        with self._cond:
            return [
                u
                for u in self.uploads.values()
                if u.channel is not None and channel in (None, u.channel)
            ]

    def wait_for_files(self, channel: str, count: int = 1, timeout: float = 5.0) -> list[Upload]:
        """Block until `count` files were shared in `channel`."""
        with self._cond:
            if self._cond.wait_for(lambda: len(self.shared_files(channel)) >= count, timeout):
                return self.shared_files(channel)
        raise AssertionError(f"expected {count} file(s) shared in {channel} within {timeout}s")

    # -- request handling (called from server threads) -------------------------------------

    def _handle_upload(self, file_id: str, content: bytes) -> int:
        """The POST of a file's bytes to the upload_url files.getUploadURLExternal gave."""
        with self._cond:
            self.total_requests += 1
            upload = self.uploads.get(file_id)
            if upload is None:
                return 404
            upload.content = content
            self._cond.notify_all()
            return 200

    def _handle_api(self, call: Call) -> tuple[int, dict | None, dict]:
        """Return (status, json body or None, extra headers) for a Web API call."""
        with self._cond:
            self.total_requests += 1
            refusal = self._random_fault() or self._rate_limited(call)
            if refusal:
                call.status = refusal[0]
                call.retry_after = refusal[2].get("Retry-After")
                self.failed_calls.append(call)
                return refusal
            self._record(call)
            respond = self._responses.get(call.method, self._default_response)
        error = _auth_error(call.headers.get("Authorization"))
        if error:
            return 200, {"ok": False, "error": error}, {}
        return 200, respond(call) if callable(respond) else respond, {}

    def _handle_response_url(self, call: Call) -> None:
        with self._cond:
            self.total_requests += 1
            self._record(call)

    def _count_request(self) -> None:
        with self._cond:
            self.total_requests += 1

    def _record(self, call: Call) -> None:
        self.calls.append(call)
        self._cond.notify_all()

    def _random_fault(self) -> tuple[int, dict | None, dict] | None:
        if self._fault is None:
            return None
        rate, rng, statuses, retry_after = self._fault
        if rng.random() >= rate:
            return None
        status = rng.choice(statuses)
        if status == 429:
            return _ratelimited(retry_after)
        return status, None, {}

    def _rate_limited(self, call: Call) -> tuple[int, dict | None, dict] | None:
        limit = self._limits.get(call.method)
        if limit is None:
            return None
        now = call.at
        windows = [(limit.overall, limit.burst_per_minute, limit.window_seconds)]
        if "channel" in call.args:
            channel = limit.by_channel[call.args["channel"]]
            windows.append((channel, limit.per_channel_per_second, limit.channel_seconds))
        for times, allowed, span in windows:
            while times and times[0] <= now - span:
                times.popleft()
            if allowed is not None and len(times) >= allowed:
                return _ratelimited(max(1, math.ceil(times[0] + span - now)))
        for times, _, _ in windows:
            times.append(now)
        return None

    # -- default answers -------------------------------------------------------------------

    def _default_response(self, call: Call) -> dict:
        answer = getattr(self, "_answer_" + call.method.replace(".", "_"), None)
        return {"ok": True, **(answer(call.args) if answer else {})}

    def _next(self) -> int:
        with self._cond:
            self._seq += 1
            return self._seq

    def _answer_auth_test(self, args: dict) -> dict:
        return dict(AUTH_TEST)

    def _answer_chat_postMessage(self, args: dict) -> dict:
        ts = args.get("ts") or _ts(self._next())
        message = {"type": "message", "user": "UBOT", "bot_id": "BBOT", "ts": ts}
        message.update({k: args[k] for k in ("text", "blocks", "attachments") if k in args})
        return {"channel": args.get("channel"), "ts": ts, "message": message}

    _answer_chat_update = _answer_chat_postMessage

    def _answer_chat_postEphemeral(self, args: dict) -> dict:
        answer = self._answer_chat_postMessage(args)
        return {**answer, "message_ts": answer["ts"]}

    def _answer_conversations_open(self, args: dict) -> dict:
        users = str(args.get("users") or args.get("user") or "")
        return {"channel": {"id": "D" + users.replace(",", "")}}

    def _answer_views_open(self, args: dict) -> dict:
        n = self._next()
        view_id = args.get("view_id") or f"V{n:08d}"
        return {"view": {**(args.get("view") or {}), "id": view_id, "hash": f"h{n:08d}"}}

    _answer_views_update = _answer_views_push = _answer_views_publish = _answer_views_open

    def _answer_files_getUploadURLExternal(self, args: dict) -> dict:
        if not args.get("filename") or not str(args.get("length") or "").isdigit():
            return {"ok": False, "error": "invalid_arguments"}
        file_id = f"F{self._next():08d}"
        with self._cond:
            self.uploads[file_id] = Upload(file_id, args["filename"], int(args["length"]))
        return {"upload_url": f"{self.base_url}/upload/{file_id}", "file_id": file_id}

    def _answer_files_completeUploadExternal(self, args: dict) -> dict:
        channel = args.get("channel_id")
        if channel is not None and not CHANNEL_ID.match(str(channel)):
            return {"ok": False, "error": "invalid_arguments"}
        files = json.loads(args.get("files") or "[]")
        with self._cond:
            uploads = [self.uploads.get(f.get("id")) for f in files]
            if not files or any(u is None or u.content is None for u in uploads):
                return {"ok": False, "error": "file_uploads_incomplete"}
            for upload, f in zip(uploads, files, strict=True):
                upload.title = f.get("title")
                upload.channel = channel
                upload.comment = args.get("initial_comment")
            self._cond.notify_all()
        shared = [{"id": u.file_id, "name": u.filename, "title": u.title} for u in uploads]
        return {"files": shared}

    def _answer_conversations_canvases_create(self, args: dict) -> dict:
        channel = str(args.get("channel_id") or "")
        if not CHANNEL_ID.match(channel):
            return {"ok": False, "error": "invalid_arguments"}
        content = args.get("document_content") or {}
        with self._cond:
            if channel in self.channel_canvases:
                return {"ok": False, "error": "channel_canvas_already_exists"}
            canvas_id = f"F{self._seq + 1:08d}C"
            self._seq += 1
            self.canvases[canvas_id] = self._canvas_parts(str(content.get("markdown") or ""))
            self.channel_canvases[channel] = canvas_id
        return {"canvas_id": canvas_id}

    def _answer_conversations_info(self, args: dict) -> dict:
        channel = str(args.get("channel") or "")
        with self._cond:
            canvas_id = self.channel_canvases.get(channel)
        found: dict = {"id": channel, "is_channel": True}
        if canvas_id:
            found["properties"] = {"canvas": {"file_id": canvas_id, "is_empty": False}}
        return {"channel": found}

    def _answer_canvases_sections_lookup(self, args: dict) -> dict:
        criteria = args.get("criteria") or {}
        if isinstance(criteria, str):
            criteria = json.loads(criteria)
        types = set(criteria.get("section_types") or [])
        text = criteria.get("contains_text")
        if not types and not text:
            return {"ok": False, "error": "invalid_arguments"}
        with self._cond:
            sections = self.canvases.get(str(args.get("canvas_id")))
            if sections is None:
                return {"ok": False, "error": "canvas_not_found"}
            found = [
                {"id": s["id"]}
                for s in sections
                if (not types or s["type"] in types or ("any_header" in types and s["type"]))
                and (text is None or text in s["heading"])
            ]
        return {"sections": found}

    def _answer_canvases_edit(self, args: dict) -> dict:
        changes = args.get("changes")
        if not isinstance(changes, list) or len(changes) != 1:  # one change per call
            return {"ok": False, "error": "invalid_arguments"}
        change = changes[0]
        new = self._canvas_parts(str((change.get("document_content") or {}).get("markdown") or ""))
        with self._cond:
            sections = self.canvases.get(str(args.get("canvas_id")))
            if sections is None:
                return {"ok": False, "error": "canvas_not_found"}
            if change.get("operation") == "insert_at_end":
                sections.extend(new)
                return {}
            at = [i for i, s in enumerate(sections) if s["id"] == change.get("section_id")]
            if change.get("operation") != "replace" or not at or not new:
                return {"ok": False, "error": "canvas_editing_failed"}
            new[0]["id"] = sections[at[0]]["id"]  # replaced in place
            sections[at[0] : at[0] + 1] = new
        return {}

    def _canvas_parts(self, markdown: str) -> list[dict]:
        """Markdown cut into sections: each heading with the lines under it."""
        parts: list[dict] = []
        for line in markdown.splitlines(keepends=True):
            level = len(line) - len(line.lstrip("#"))
            if (1 <= level <= 3 and line[level : level + 1] == " ") or not parts:
                is_heading = 1 <= level <= 3 and line[level : level + 1] == " "
                parts.append(
                    {
                        "id": f"temp:C:{self._seq + 1:012d}",
                        "type": f"h{level}" if is_heading else None,
                        "heading": line[level:].strip() if is_heading else "",
                        "markdown": "",
                    }
                )
                self._seq += 1
            parts[-1]["markdown"] += line
        return parts

    def _answer_users_info(self, args: dict) -> dict:
        with self._cond:
            user = self._users.get(args.get("user"))
        return {"user": dict(user)} if user else {"ok": False, "error": "user_not_found"}


class _Handler(BaseHTTPRequestHandler):
    server: ThreadingHTTPServer

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _dispatch(self) -> None:
        standin: SlackStandIn = self.server.standin
        url = urlsplit(self.path)
        try:
            if url.path.startswith("/api/"):
                call = Call(url.path[len("/api/") :], self._args(url.query), dict(self.headers))
                self._reply(*standin._handle_api(call))
            elif url.path.startswith("/upload/"):
                length = int(self.headers.get("Content-Length") or 0)
                status = standin._handle_upload(
                    url.path[len("/upload/") :], self.rfile.read(length)
                )
                self._reply(status, "OK" if status == 200 else "no such upload", {})
            elif url.path.startswith("/response/"):
                args = {**self._args(""), "_name": url.path[len("/response/") :]}
                standin._handle_response_url(Call("response_url", args, dict(self.headers)))
                self._reply(200, "ok", {})
            else:
                standin._count_request()
                self._reply(404, {"ok": False, "error": "unknown_path"}, {})
        except Exception as exc:  # surface stand-in/callable bugs to the test, not stderr
            self._reply(500, {"ok": False, "error": f"standin_error: {exc!r}"}, {})

    def _args(self, query: str) -> dict:
        args: dict = dict(parse_qsl(query, keep_blank_values=True))
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.headers.get_content_type() == "application/json":
            args.update(json.loads(body or b"{}"))
        elif body:
            args.update(parse_qsl(body.decode(), keep_blank_values=True))
        for key in JSON_FIELDS:
            if isinstance(args.get(key), str):
                args[key] = json.loads(args[key])
        return args

    def _reply(self, status: int, body: dict | str | None, headers: dict) -> None:
        if isinstance(body, dict):
            ctype, data = "application/json", json.dumps(body).encode()
        else:
            ctype, data = "text/plain", (body or "").encode()
        self.send_response(status)
        self.send_header("Content-Type", f"{ctype}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name, str(value))
        self.end_headers()
        self.wfile.write(data)


def _auth_error(authorization: str | None) -> str | None:
    if not authorization:
        return "not_authed"
    if not authorization.startswith(("Bearer xoxb-", "Bearer xapp-")):
        return "invalid_auth"
    return None


def _ratelimited(retry_after: int) -> tuple[int, dict, dict]:
    return 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": retry_after}


def _ts(n: int) -> str:
    micros = 1_700_000_000_000_000 + 100 * n
    return f"{micros // 1_000_000}.{micros % 1_000_000:06d}"


def signed_headers(body: bytes | str, signing_secret: str, timestamp: int | None = None) -> dict:
    """Slack's v0 request-signing headers for `body`."""
    ts = int(time.time()) if timestamp is None else timestamp
    text = body.decode() if isinstance(body, bytes) else body
    digest = hmac.new(signing_secret.encode(), f"v0:{ts}:{text}".encode(), hashlib.sha256)
    return {"X-Slack-Request-Timestamp": str(ts), "X-Slack-Signature": "v0=" + digest.hexdigest()}


def slash_command_body(
    command: str, text: str, user_id: str, response_url: str, **extra: str
) -> str:
    """A urlencoded slash command payload as Slack posts it; `extra` overrides any field."""
    payload = {
        "token": "verification-token",
        "team_id": "T0001",
        "team_domain": "sales",
        "channel_id": "C0001",
        "channel_name": "sales-desk",
        "user_id": user_id,
        "user_name": user_id.lower(),
        "command": command,
        "text": text,
        "api_app_id": "A0001",
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": "13345224609.738474920.8088930838d88f008e0",
    }
    return urlencode({**payload, **extra})
