"""Quote numbers: Q-YYYY-NNNN, counted per year, the next after the highest of the year.

Two writers must not take the same number. On PostgreSQL numbering is serialised by a lock
held to the end of the transaction (the second writer then reads the first one's number);
SQLite has one writer at a time, and the caller writes before it numbers, so its transaction
holds the write lock already. The unique index is the last guard."""

from sqlalchemy import func, text
from sqlmodel import Session, col, select

from storage.models import Quote

# pg_advisory_xact_lock's key for quote numbering (any constant no other feature uses).
NUMBERING_LOCK = 0x51554F5445  # "QUOTE"


def next_quote_number(session: Session, year: int) -> str:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": NUMBERING_LOCK})
    prefix = f"Q-{year:04d}-"
    highest = session.exec(
        select(Quote.number)
        .where(col(Quote.number).like(f"{prefix}%"))
        .order_by(func.length(Quote.number).desc(), col(Quote.number).desc())
        .limit(1)
    ).first()
    following = int(highest[len(prefix) :]) + 1 if highest else 1
    return f"{prefix}{following:04d}"
