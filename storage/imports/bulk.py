"""Writing thousands of rows at once: executemany INSERTs and UPDATEs, COPY on PostgreSQL.

No ORM objects and no RETURNING: psycopg parses each many-row INSERT … RETURNING anew, which
costs more than the insert itself. New ids are read back in one query instead.
"""

import json
from collections.abc import Callable, Iterator

from sqlalchemy import JSON, Table, bindparam, func, insert, select, update
from sqlmodel import Session, SQLModel

CHUNK = 5000


def last_id(session: Session, model: type[SQLModel]) -> int:
    table = model.__table__
    return session.execute(select(func.max(table.c.id))).scalar() or 0


def new_ids(session: Session, model: type[SQLModel], key: str, after_id: int) -> dict[str, int]:
    """The ids by key of the records inserted since `after_id` was the last id. Ids only grow
    (SQLite takes the largest plus one, PostgreSQL a sequence), so this transaction's new
    records are all there."""
    table = model.__table__
    rows = session.execute(select(table.c[key], table.c.id).where(table.c.id > after_id))
    return dict(rows.all())


Done = Callable[[int], None]  # told how many rows each batch wrote


def insert_rows(
    session: Session, model: type[SQLModel], rows: list[dict], done: Done | None = None
) -> None:
    table = model.__table__
    postgres = session.get_bind().dialect.name == "postgresql"
    for batch in _batches(rows):
        if postgres:
            _copy(session, table, batch)
        else:
            session.execute(insert(table), batch)
        if done:
            done(len(batch))


def update_rows(
    session: Session, model: type[SQLModel], rows: list[dict], done: Done | None = None
) -> None:
    """UPDATEs by primary key: each row holds `id` and the columns to set."""
    table = model.__table__
    statement = update(table).where(table.c.id == bindparam("row_id"))
    for batch in _batches(rows):
        session.execute(statement, [_by_row_id(row) for row in batch])
        if done:
            done(len(batch))


def _copy(session: Session, table: Table, rows: list[dict]) -> None:
    columns = list(rows[0])
    as_json = [isinstance(table.c[column].type, JSON) for column in columns]
    quote = session.get_bind().dialect.identifier_preparer.quote
    sql = f"COPY {quote(table.name)} ({', '.join(map(quote, columns))}) FROM STDIN"
    driver = session.connection().connection.driver_connection  # same transaction
    with driver.cursor() as cursor, cursor.copy(sql) as copy:
        for row in rows:
            values = (row[column] for column in columns)
            copy.write_row([_json(v) if j else v for v, j in zip(values, as_json, strict=True)])


def _json(value: object) -> str | None:
    return None if value is None else json.dumps(value)


def _by_row_id(row: dict) -> dict:
    """The primary key as `row_id`: `id` itself would be set, not matched."""
    return {"row_id" if column == "id" else column: value for column, value in row.items()}


def _batches(rows: list[dict]) -> Iterator[list[dict]]:
    """Rows with the same columns together (one statement each), at most CHUNK at a time."""
    groups: dict[tuple[str, ...], list[dict]] = {}
    for row in rows:
        groups.setdefault(tuple(sorted(row)), []).append(row)
    for group in groups.values():
        for start in range(0, len(group), CHUNK):
            yield group[start : start + CHUNK]
