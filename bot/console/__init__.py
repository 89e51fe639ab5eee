"""`salesdesk console`: the real Bolt app, driven from the terminal instead of Slack."""

import secrets
import sys
import time
from datetime import date

from slack_bolt import BoltRequest
from sqlmodel import select

from bot.app import create_desk
from bot.console.local_slack import LocalSlack
from bot.console.render import render_form, render_message
from bot.i18n import t
from bot.runtime import open_database
from bot.settings import Settings
from storage.demo import is_empty, load_demo, load_demo_paperwork
from storage.models import Member

try:
    from slack_sdk.signature import SignatureVerifier
except ImportError:  # pragma: no cover
    SignatureVerifier = None

RESPONSE_URL_METHOD = "response"  # what the bot sends to a command's response_url, printed


def run_console(settings: Settings, line: str | None = None, user: str | None = None) -> int:
    db = open_database(settings)
    with db.session() as session:
        if is_empty(session):
            load_demo(session, date.today())
            load_demo_paperwork(session, date.today())
        member = _member(session, user)
    if member is None:
        print(t(settings.locale, "console.no_member", user=user), file=sys.stderr)
        return 2
    locale = member.locale or member.slack_locale or settings.locale
    with LocalSlack(_printer(locale)) as slack:
        secret = secrets.token_hex(16)
        console_settings = _console_settings(settings, slack.api_url, secret)
        desk = create_desk(console_settings, db, process_before_response=True)
        response_url = slack.api_url + RESPONSE_URL_METHOD
        session = ConsoleSession(desk, member, locale, secret, response_url)
        if line is not None:
            return session.run(line)
        print(t(locale, "console.banner"))
        you = {"name": member.name, "user": member.slack_user_id, "role": member.role}
        print(t(locale, "console.you_are", **you))
        return session.loop()


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
                print()
                return 0
            if line.strip():
                self.run(line)

    def run(self, line: str) -> int:
        line = line.strip()
        if not line.startswith("/"):
            print(t(self.locale, "console.type_a_command"))
            return 1
        command, _, text = line.partition(" ")
        response = self.desk.app.dispatch(self._request(command, text.strip()))
        if response.status != 200:
            print(t(self.locale, "console.unknown_command", command=command))
            return 1
        if response.body:
            print(render_message(_json(response.body)))
        self.desk.outbox.deliver_due()
        return 0

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


def _member(session, user: str | None) -> Member | None:
    if user:
        return session.exec(select(Member).where(Member.slack_user_id == user)).first()
    admin = session.exec(select(Member).where(Member.role == "admin").order_by(Member.id)).first()
    return admin or session.exec(select(Member).order_by(Member.id)).first()


def _console_settings(settings: Settings, api_url: str, secret: str) -> Settings:
    from dataclasses import replace

    return replace(
        settings, slack_bot_token="xoxb-console", slack_signing_secret=secret, slack_api_url=api_url
    )


def _printer(locale: str):
    def print_post(method: str, args: dict) -> None:
        if method == "chat.postMessage":
            print("\n" + t(locale, "console.message_to", channel=args.get("channel")))
            print(render_message(args))
        elif method in (RESPONSE_URL_METHOD, "chat.postEphemeral"):
            print(render_message(args))
        elif method == "views.open":
            print(render_form(args.get("view") or {}, locale))

    return print_post


def _json(body: str) -> dict:
    import json

    return json.loads(body)
