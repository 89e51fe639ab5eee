"""The real app served over loopback HTTP, driven the way Slack drives it."""

import functools
import itertools
import json
import threading
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from socketserver import ThreadingMixIn
from urllib.parse import urlencode
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from bot.app import create_desk
from bot.settings import Settings
from bot.wsgi import wsgi_app
from commands.when import warm_up
from slack_standin import SlackStandIn, signed_headers, slash_command_body
from storage.db import Database

SIGNING_SECRET = "test-signing-secret"
_clicks = itertools.count(1)
BOT_TOKEN = "xoxb-test-token"


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *_args) -> None:
        pass


@dataclass
class Reply:
    status: int
    body: dict | str

    def text(self) -> str:
        """Everything a person would read in the reply, blocks and fallback alike."""
        return visible_text(self.body) if isinstance(self.body, dict) else self.body


class RunningDesk:
    """`pace_seconds`: the outbox's least time between two messages to one channel; 0 here,
    so tests do not sleep through Slack's second (the pacing tests set it)."""

    def __init__(self, db: Database, slack: SlackStandIn, pace_seconds: float = 0.0, **settings):
        self.slack = slack
        self.settings = Settings(
            database_url=db.url,
            slack_bot_token=BOT_TOKEN,
            slack_signing_secret=SIGNING_SECRET,
            slack_api_url=slack.api_url,
            **settings,
        )
        self.desk = create_desk(
            self.settings, db, outbox_poll_seconds=0.2, outbox_pace_seconds=pace_seconds
        )
        self._server = make_server(
            "127.0.0.1", 0, wsgi_app(self.desk), _ThreadingWSGIServer, _QuietHandler
        )
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def __enter__(self) -> "RunningDesk":
        _date_reader_loaded()
        self._thread.start()
        self.desk.outbox.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.desk.outbox.stop()
        self._server.shutdown()
        self._server.server_close()

    def command(self, command: str, text: str, user: str, **extra) -> Reply:
        body = slash_command_body(command, text, user, self.slack.response_url(), **extra)
        return self.post(body, signed_headers(body, SIGNING_SECRET))

    def interact(self, payload: dict) -> Reply:
        """A block action, view submission, shortcut or options request, as Slack posts it."""
        body = urlencode({"payload": json.dumps(interaction(payload))})
        return self.post(body, signed_headers(body, SIGNING_SECRET))

    def submit_view(self, user: str, callback_id: str, values: dict, metadata: str = "") -> Reply:
        """A modal submitted with `values` (block id → action id → value)."""
        view = {
            "id": "V0000001",
            "type": "modal",
            "callback_id": callback_id,
            "private_metadata": metadata,
            "hash": "h1",
            "state": {"values": values},
        }
        return self.interact({"type": "view_submission", "user": user, "view": view})

    def click_in_message(
        self, user: str, action: str, value: str, message: dict | None = None
    ) -> str:
        """Click a button of a message the bot sent (`message`: its channel, ts and blocks; a
        DM by default). Returns the name of the response_url where a reply would go."""
        name = f"click{next(_clicks)}"
        channel = (message or {}).get("channel", user)
        ts = (message or {}).get("ts", "1700000000.000100")
        button = {
            "type": "button",
            "action_id": action,
            "block_id": "actions",
            "value": value,
            "action_ts": "1700000001.000200",
        }
        reply = self.interact(
            {
                "type": "block_actions",
                "user": user,
                "container": {"type": "message", "message_ts": ts, "channel_id": channel},
                "channel": {"id": channel, "name": "directmessage"},
                "message": {"ts": ts, "text": "", "blocks": (message or {}).get("blocks", [])},
                "response_url": self.slack.response_url(name),
                "actions": [button],
            }
        )
        assert reply.status == 200
        return name

    def event(self, event: dict) -> Reply:
        """An Events API callback (e.g. app_home_opened), as Slack posts it."""
        body = json.dumps(
            {
                "token": "legacy",
                "team_id": "T0001",
                "api_app_id": "A0001",
                "type": "event_callback",
                "event_id": f"Ev{uuid.uuid4().hex[:10]}",
                "event_time": int(time.time()),
                "event": event,
            }
        )
        headers = {"Content-Type": "application/json", **signed_headers(body, SIGNING_SECRET)}
        return self.post(body, headers)

    def post(self, body: str, headers: dict, path: str = "/slack/events") -> Reply:
        headers = {"Content-Type": "application/x-www-form-urlencoded", **headers}
        request = urllib.request.Request(self.url + path, data=body.encode(), headers=headers)
        return _send(request)

    def get(self, path: str) -> Reply:
        return _send(urllib.request.Request(self.url + path))


@functools.cache
def _date_reader_loaded() -> None:
    """What production does at start (SalesDesk.start_background), once per test process and
    before serving: on a loaded machine dateparser's first load and the holiday tables can
    outlast Slack's three seconds for the first command's ack."""
    warm_up()


def interaction(payload: dict) -> dict:
    """Fill in what every interaction payload carries; `payload["user"]` may be a plain id."""
    user = payload.get("user", "UADMIN0001")
    base = {
        "team": {"id": "T0001", "domain": "sales"},
        "api_app_id": "A0001",
        "token": "legacy",
        "trigger_id": f"trigger-{uuid.uuid4().hex[:8]}",
    }
    filled = {**base, **payload}
    filled["user"] = {"id": user, "team_id": "T0001"} if isinstance(user, str) else user
    return filled


def _send(request: urllib.request.Request) -> Reply:
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return Reply(response.status, _decode(response.read()))
    except urllib.error.HTTPError as error:
        return Reply(error.code, _decode(error.read()))


def _decode(raw: bytes) -> dict | str:
    text = raw.decode()
    try:
        return json.loads(text)
    except ValueError:
        return text


def visible_text(message: dict) -> str:
    parts = [message.get("text", "")]
    for block in message.get("blocks", []):
        parts += [obj["text"] for obj in _text_objects(block)]
    return "\n".join(parts)


def _text_objects(block: dict) -> list[dict]:
    """The text objects of a block: its text, fields, and its elements' texts (button labels
    included)."""
    objects = [block["text"]] if isinstance(block.get("text"), dict) else []
    objects += block.get("fields", [])
    for element in block.get("elements", []):
        if element.get("type") in ("plain_text", "mrkdwn"):
            objects.append(element)
        elif isinstance(element.get("text"), dict):
            objects.append(element["text"])
    return objects


def mrkdwn_texts(message: dict) -> list[str]:
    """The strings Slack would parse as mrkdwn (where `<!channel>` would be obeyed)."""
    found = [message.get("text", "")]
    for block in message.get("blocks", []):
        found += [o["text"] for o in _text_objects(block) if o.get("type") == "mrkdwn"]
    return found


def eventually(read, until, timeout: float = 5.0):
    """Read again until `until(value)` holds; the last value read is returned either way."""

    deadline = time.monotonic() + timeout
    value = read()
    while not until(value) and time.monotonic() < deadline:
        time.sleep(0.02)
        value = read()
    return value
