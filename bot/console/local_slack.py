"""The console's Slack: a loopback Web API that prints what the bot posts."""

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

Printer = Callable[[str, dict], None]


class LocalSlack:
    """Answers the Web API calls the bot makes and hands each posted message to `show`."""

    def __init__(self, show: Printer):
        self.show = show
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def api_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/api/"

    def __enter__(self) -> "LocalSlack":
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self):
        show = self.show

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                method = self.path.rsplit("/", 1)[-1]
                args = _read_args(self)
                show(method, args)
                body = json.dumps(_answer(method, args)).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args) -> None:
                pass

        return Handler


def _read_args(request: BaseHTTPRequestHandler) -> dict:
    raw = request.rfile.read(int(request.headers.get("Content-Length") or 0)).decode()
    if request.headers.get("Content-Type", "").startswith("application/json"):
        return json.loads(raw or "{}")
    args = dict(parse_qsl(raw))
    for key in ("blocks", "view"):
        if key in args:
            args[key] = json.loads(args[key])
    return args


def _answer(method: str, args: dict) -> dict:
    if method == "users.info":
        return {"ok": True, "user": {"id": args.get("user"), "locale": "en-US"}}
    if method.startswith("chat."):
        return {"ok": True, "channel": args.get("channel"), "ts": "1.000001"}
    if method.startswith("views."):
        return {"ok": True, "view": {**args.get("view", {}), "id": "VCONSOLE"}}
    return {"ok": True}
