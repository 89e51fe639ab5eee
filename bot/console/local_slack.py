"""The console's Slack: a loopback Web API that prints what the bot posts, and keeps the files
it uploads in a folder (bot.console.files)."""

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl

from bot.console.files import FOLDER, FileShelf

Printer = Callable[[str, dict], None]
UPLOAD_PATH = "/upload/"
SHARED = "files.shared"  # what `show` is given once uploaded files are written: their paths


class LocalSlack:
    """Answers the Web API calls the bot makes and hands each posted message to `show`."""

    def __init__(self, show: Printer, files_folder: Path | None = None):
        self.show = show
        self.files = FileShelf(files_folder or Path.cwd() / FOLDER)
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
        local = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                if self.path.startswith(UPLOAD_PATH):
                    length = int(self.headers.get("Content-Length") or 0)
                    received = local.files.receive(
                        self.path[len(UPLOAD_PATH) :], self.rfile.read(length)
                    )
                    self._reply(200 if received else 404, b"OK")
                    return
                method = self.path.rsplit("/", 1)[-1]
                args = _read_args(self)
                local.show(method, args)
                self._reply(200, json.dumps(local.answer(method, args)).encode())

            def _reply(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args) -> None:
                pass

        return Handler

    def answer(self, method: str, args: dict) -> dict:
        if method == "files.getUploadURLExternal":
            file_id = self.files.reserve(str(args.get("filename") or ""))
            return {"ok": True, "file_id": file_id, "upload_url": self._upload_url(file_id)}
        if method == "files.completeUploadExternal":
            return self._shared(args)
        return _answer(method, args)

    def _upload_url(self, file_id: str) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{UPLOAD_PATH}{file_id}"

    def _shared(self, args: dict) -> dict:
        files = json.loads(args.get("files") or "[]")
        paths = self.files.save([str(f.get("id")) for f in files])
        if paths is None:
            return {"ok": False, "error": "file_uploads_incomplete"}
        self.show(SHARED, {**args, "paths": [str(path) for path in paths]})
        return {"ok": True, "files": [{"id": f.get("id"), "title": f.get("title")} for f in files]}


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
    if method == "conversations.open":
        return {"ok": True, "channel": {"id": "D" + str(args.get("users") or "")}}
    if method == "conversations.canvases.create":  # a console has no canvas: accepted, kept nowhere
        return {"ok": True, "canvas_id": "FCONSOLE"}
    if method == "canvases.sections.lookup":
        return {"ok": True, "sections": []}
    if method.startswith("views."):
        return {"ok": True, "view": {**args.get("view", {}), "id": "VCONSOLE"}}
    return {"ok": True}
