"""The tokens sources send with `POST /leads`: one per source category, shown once when
created, stored only as its SHA-256, revoked at once.

A second token for a source that has one is refused until the first is revoked: rotating is
`revoke` then `create`, and the old token stops working the moment it is revoked (there is
never a moment when two tokens of one source work)."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection
from sqlmodel import Session, col, select

from commands.errors import InvalidInput, NotFound
from commands.records import audit
from storage.leads import LEAD_SOURCES, lead_source
from storage.models import LeadSourceToken, utcnow


@dataclass(frozen=True)
class TokenLine:
    source: str
    created_at: datetime
    created_by: str
    revoked_at: datetime | None


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def source_category(word: str) -> str:
    source = lead_source(word)
    if source is None:
        raise InvalidInput("lead.token.bad_source", source=word, sources=", ".join(LEAD_SOURCES))
    return source


def create_source_token(session: Session, word: str, by: str) -> tuple[str, str]:
    """A new token for a source: (the source, the token), the token never stored."""
    source = source_category(word)
    record = session.exec(select(LeadSourceToken).where(LeadSourceToken.source == source)).first()
    if record is not None and record.revoked_at is None:
        raise InvalidInput("lead.token.exists", source=source)
    token = secrets.token_urlsafe(32)
    record = record or LeadSourceToken(source=source, token_hash="")
    record.token_hash = token_hash(token)
    record.created_at = utcnow()
    record.created_by = by
    record.revoked_at = None
    session.add(record)
    audit(session, by, "lead_source_token", source, "token.create", None, {"source": source})
    return source, token


def revoke_source_token(session: Session, word: str, by: str) -> str:
    source = source_category(word)
    record = session.exec(select(LeadSourceToken).where(LeadSourceToken.source == source)).first()
    if record is None or record.revoked_at is not None:
        raise NotFound("lead.token.none", source=source)
    record.revoked_at = utcnow()
    session.add(record)
    audit(session, by, "lead_source_token", source, "token.revoke", None, {"source": source})
    return source


def list_source_tokens(session: Session) -> list[TokenLine]:
    records = session.exec(select(LeadSourceToken).order_by(col(LeadSourceToken.source))).all()
    return [
        TokenLine(record.source, record.created_at, record.created_by, record.revoked_at)
        for record in records
    ]


def source_of_token(connection: Connection, token: str) -> str | None:
    """The source a token belongs to, while it is not revoked; read on every request, so a
    revoked token stops at once."""
    query = select(LeadSourceToken.source).where(
        LeadSourceToken.token_hash == token_hash(token),
        col(LeadSourceToken.revoked_at).is_(None),
    )
    return connection.execute(query).scalar()
