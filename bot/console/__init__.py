"""`salesdesk console`: the real Bolt app, driven from the terminal instead of Slack."""

import difflib
import secrets
import sys
import time
from datetime import date
from pathlib import Path

from slack_bolt import BoltRequest
from sqlalchemy.engine import make_url

from bot.app import create_desk
from bot.console.history import save_history, start_line_editing
from bot.console.local_slack import SHARED, LocalSlack
from bot.console.members import choose_member
from bot.console.output import say
from bot.console.render import render_form, render_message
from bot.i18n import t
from bot.listeners import SLASH_COMMANDS
from bot.runtime import open_database
from bot.settings import Settings, is_embedded_database
from storage.demo import is_empty, load_demo, load_demo_paperwork
from storage.models import Member

try:
    from slack_sdk.signature import SignatureVerifier
except ImportError:  # pragma: no cover
    SignatureVerifier = None

RESPONSE_URL_METHOD = "response"  # what the bot sends to a command's response_url, printed


def run_console(
    settings: Settings, line: str | None = None, user: str | None = None, demo: bool = False
) -> int:
    """Demo data goes only into an empty embedded database, or any empty one with `demo`: a
    team's own database is never filled with made-up customers."""
    db = open_database(settings)
    where = database_location(settings.database_url)
    with db.session() as session:
        if is_empty(session) and (demo or is_embedded_database(settings)):
            load_demo(session, date.today())
            load_demo_paperwork(session, date.today())
            print(t(settings.locale, "console.demo_loaded", where=where), file=sys.stderr)
        elif demo:
            print(t(settings.locale, "console.demo_not_empty", where=where), file=sys.stderr)
        choice = choose_member(session, user)
    member = choice.member
    if member is None:
        return _no_member(settings.locale, user, choice, where)
    locale = member.locale or member.slack_locale or settings.locale
    with LocalSlack(_printer(locale)) as slack:
        secret = secrets.token_hex(16)
        console_settings = _console_settings(settings, slack.api_url, secret)
        desk = create_desk(console_settings, db, process_before_response=True)
        response_url = slack.api_url + RESPONSE_URL_METHOD
        session = ConsoleSession(desk, member, locale, secret, response_url)
        if line is not None:
            return session.run(line)
        history = start_line_editing()
        say(t(locale, "console.banner"))
        say(t(locale, "console.database", where=where))
        if history:
            say(t(locale, "console.history", path=history))
        you = {"name": member.name, "user": member.slack_user_id, "role": member.role}
        say(t(locale, "console.you_are", **you))
        try:
            return session.loop()
        finally:
            save_history(history)


def database_location(url: str) -> str:
    """Where the data lives, for people: the SQLite file's full path, or the server and
    database name (never the user's password)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return str(Path(parsed.database).resolve()) if parsed.database else ":memory:"
    port = f":{parsed.port}" if parsed.port else ""
    return f"{parsed.get_backend_name()}://{parsed.host}{port}/{parsed.database}"


def _no_member(locale: str, wanted: str | None, choice, where: str) -> int:
    if not choice.candidates:
        print(t(locale, "console.no_members", where=where), file=sys.stderr)
        return 2
    key = "console.several_members" if choice.ambiguous else "console.no_such_member"
    print(t(locale, key, user=wanted), file=sys.stderr)
    for member, team in choice.candidates:
        line = {"user": member.slack_user_id, "name": member.name, "role": member.role}
        team_name = team or t(locale, "console.no_team")
        print(t(locale, "console.member_line", **line, team=team_name), file=sys.stderr)
    return 2


class ConsoleSession:
    def __init__(self, desk, member: Member, locale: str, secret: str, response_url: str):
        self.desk = desk
        self.member = member
        self.locale = locale
        self.secret = secret
        self.response_url = response_url

    def loop(self) -> int:
        while True:
            try:
                line = input("> ")
            except EOFError:
                say()
                return 0
            except KeyboardInterrupt:  # Ctrl-C drops the line being typed, as a shell does
                say()
                continue
            if line.strip():
                self.run(line)

    def run(self, line: str) -> int:
        line = line.strip()
        if not line.startswith("/"):
            say(t(self.locale, "console.type_a_command"))
            return 1
        command, _, text = line.partition(" ")
        if command not in SLASH_COMMANDS:
            say(self._unknown(command))
            return 1
        response = self.desk.app.dispatch(self._request(command, text.strip()))
        if response.status != 200:
            say(t(self.locale, "console.unknown_command", command=command))
            return 1
        if response.body:
            say(render_message(_json(response.body)))
        self.desk.outbox.deliver_due()
        return 0

    def _unknown(self, command: str) -> str:
        close = difflib.get_close_matches(command.lower(), SLASH_COMMANDS, n=1, cutoff=0.6)
        if close:
            return t(
                self.locale, "console.unknown_command_suggest", command=command, suggestion=close[0]
            )
        commands = t(self.locale, "list.separator").join(SLASH_COMMANDS)
        return t(self.locale, "console.unknown_command_list", command=command, commands=commands)

    def _request(self, command: str, text: str) -> BoltRequest:
        from urllib.parse import urlencode

        body = urlencode(
            {
                "command": command,
                "text": text,
                "user_id": self.member.slack_user_id,
                "user_name": self.member.name,
                "team_id": "TCONSOLE",
                "channel_id": "CCONSOLE",
                "response_url": self.response_url,
                "trigger_id": "console",
            }
        )
        timestamp = str(int(time.time()))
        signature = SignatureVerifier(self.secret).generate_signature(
            timestamp=timestamp, body=body
        )
        headers = {
            "content-type": "application/x-www-form-urlencoded",
            "x-slack-request-timestamp": timestamp,
            "x-slack-signature": signature,
        }
        return BoltRequest(body=body, headers=headers)


def _console_settings(settings: Settings, api_url: str, secret: str) -> Settings:
    from dataclasses import replace

    return replace(
        settings, slack_bot_token="xoxb-console", slack_signing_secret=secret, slack_api_url=api_url
    )


def _printer(locale: str):
    def print_post(method: str, args: dict) -> None:
        if method == "chat.postMessage":
            say("\n" + t(locale, "console.message_to", channel=args.get("channel")))
            say(render_message(args))
        elif method == "chat.update":  # a message replaced where it stands (a report's progress)
            say("\n" + t(locale, "console.message_updated", channel=args.get("channel")))
            say(render_message(args))
        elif method in (RESPONSE_URL_METHOD, "chat.postEphemeral"):
            say(render_message(args))
        elif method == "views.open":
            say(render_form(args.get("view") or {}, locale))
        elif method == SHARED:
            say(shared_files_text(args, locale))

    return print_post


def shared_files_text(args: dict, locale: str) -> str:
    """Files the bot shared: where they would have gone, what was said with them, and the
    path each was written to."""
    lines = ["\n" + t(locale, "console.files.shared", channel=args.get("channel_id"))]
    if args.get("initial_comment"):
        lines.append(render_message({"text": args["initial_comment"]}))
    lines += [t(locale, "console.files.path", path=path) for path in args.get("paths", [])]
    return "\n".join(lines)


def _json(body: str) -> dict:
    import json

    return json.loads(body)
