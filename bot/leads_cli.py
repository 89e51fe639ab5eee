"""`salesdesk leads token create SOURCE | list | revoke SOURCE`: the tokens lead sources send
with `POST /leads`. A token is printed once, when created; only its SHA-256 is kept."""

import sys

from bot.i18n import moment, t
from bot.runtime import open_database
from bot.settings import Settings
from bot.views.errors import error_text
from commands.errors import DomainError
from commands.leads import create_source_token, list_source_tokens, revoke_source_token
from commands.people import Reader
from storage.models import as_utc

OPERATOR = "cli"


def create_token(settings: Settings, source: str) -> int:
    db = open_database(settings)
    try:
        with db.session() as session:
            source, token = create_source_token(session, source, OPERATOR)
    except DomainError as error:
        return _refused(settings, error)
    finally:
        db.dispose()
    print(t(settings.locale, "lead.token.created", source=source))
    print(token)
    return 0


def revoke_token(settings: Settings, source: str) -> int:
    db = open_database(settings)
    try:
        with db.session() as session:
            source = revoke_source_token(session, source, OPERATOR)
    except DomainError as error:
        return _refused(settings, error)
    finally:
        db.dispose()
    print(t(settings.locale, "lead.token.revoked", source=source))
    return 0


def list_tokens(settings: Settings) -> int:
    locale, zone = settings.locale, settings.timezone
    db = open_database(settings)
    try:
        with db.session() as session:
            lines = list_source_tokens(session)
    finally:
        db.dispose()
    if not lines:
        print(t(locale, "lead.token.list_empty"))
        return 0
    print(t(locale, "lead.token.list_header"))
    for line in lines:
        revoked = (
            moment(as_utc(line.revoked_at), locale, zone)
            if line.revoked_at
            else t(locale, "lead.token.active")
        )
        created = moment(as_utc(line.created_at), locale, zone)
        print(f"{line.source} · {created} · {line.created_by} · {revoked}")
    return 0


def _refused(settings: Settings, error: DomainError) -> int:
    reader = Reader(settings.locale, settings.timezone)
    print(f"salesdesk: {error_text(error, reader)}", file=sys.stderr)
    return 2
