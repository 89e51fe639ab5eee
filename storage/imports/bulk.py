"""Writing thousands of rows at once: COPY on PostgreSQL, the driver's own executemany on SQLite.

No ORM objects and no RETURNING: psycopg parses each many-row INSERT … RETURNING anew, which
costs more than the insert itself. New ids are read back in one query instead. On SQLite,
SQLAlchemy's executemany compiles the parameters of every row anew, which costs more than the
insert: the rows become tuples here, through each column's own bind processor (looked up once
per batch), and go to the driver's cursor on the session's connection (same transaction).
"""

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import (
    JSON,
    Column,
    ColumnDefault,
    Table,
    bindparam,
    func,
    inspect,
    select,
    update,
)
from sqlmodel import Session, SQLModel

CHUNK = 5000
ANALYSIS_LIMIT = 1000  # rows SQLite's ANALYZE reads of each index
IMPORT_CACHE_KIB = 256 * 1024  # SQLite's page cache while an import writes
REMEMBERED = 4096  # bound values remembered per column


def table_of(model: type[SQLModel]) -> Table:
    """The table of a table model (SQLModel's stubs do not declare `__table__`)."""
    table = inspect(model).local_table
    assert isinstance(table, Table)  # every model given here is a table=True model
    return table


def last_id(session: Session, model: type[SQLModel]) -> int:
    table = table_of(model)
    return session.execute(select(func.max(table.c.id))).scalar() or 0


def new_ids(session: Session, model: type[SQLModel], key: str, after_id: int) -> dict[str, int]:
    """The ids by key of the records inserted since `after_id` was the last id. Ids only grow
    (SQLite takes the largest plus one, PostgreSQL a sequence), so this transaction's new
    records are all there."""
    table = table_of(model)
    rows = session.execute(select(table.c[key], table.c.id).where(table.c.id > after_id))
    return dict(rows.all())


Done = Callable[[int], None]  # told how many rows each batch wrote
Processor = Callable[[object], object] | None  # a column type's bind processor, if any


def insert_rows(
    session: Session, model: type[SQLModel], rows: list[dict], done: Done | None = None
) -> None:
    table = table_of(model)
    postgres = session.get_bind().dialect.name == "postgresql"
    for batch in _batches(rows):
        if postgres:
            _copy(session, table, batch)
        else:
            _insert(session, table, batch)
        if done:
            done(len(batch))


def update_rows(
    session: Session, model: type[SQLModel], rows: list[dict], done: Done | None = None
) -> None:
    """UPDATEs by primary key: each row holds `id` and the columns to set."""
    table = table_of(model)
    postgres = session.get_bind().dialect.name == "postgresql"
    statement = update(table).where(table.c.id == bindparam("row_id"))
    for batch in _batches(rows):
        if postgres:
            session.execute(statement, [_by_row_id(row) for row in batch])
        else:
            _update(session, table, batch)
        if done:
            done(len(batch))


@contextmanager
def roomy_cache(session: Session) -> Iterator[None]:
    """SQLite's page cache made large for one import: with the default 2 MB, every index's
    pages are evicted and rewritten to the journal over and over while a big file is written."""
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    driver = _driver(session)
    before = driver.execute("PRAGMA cache_size").fetchone()[0]
    driver.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        driver.execute(f"PRAGMA cache_size = {before}")


def analyze(session: Session, *models: type[SQLModel]) -> None:
    """Fresh planner statistics for the tables an import has just filled: the next query's
    plan knows their new size at once. SQLite samples (analysis_limit) rather than reading
    every row of every index."""
    driver = _driver(session)
    sqlite = session.get_bind().dialect.name == "sqlite"
    if sqlite:
        driver.execute(f"PRAGMA analysis_limit = {ANALYSIS_LIMIT}")
    for model in models:
        driver.execute(f"ANALYZE {_quote(session, table_of(model).name)}")
    if sqlite:
        driver.execute("PRAGMA analysis_limit = 0")


def _insert(session: Session, table: Table, rows: list[dict]) -> None:
    given = list(rows[0])
    defaulted = [c for c in table.columns if c.name not in rows[0] and _has_default(c)]
    quote = _quote_for(session)
    names = ", ".join(quote(name) for name in given + [c.name for c in defaulted])
    marks = ", ".join("?" * (len(given) + len(defaulted)))
    sql = f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})"
    processors = _processors(session, table, given)
    defaults = tuple(_default(session, column) for column in defaulted)
    values = _tuples(rows, given, processors)
    _driver(session).executemany(sql, [row + defaults for row in values] if defaults else values)


def _update(session: Session, table: Table, rows: list[dict]) -> None:
    given = [column for column in rows[0] if column != "id"]
    quote = _quote_for(session)
    settings = ", ".join(f"{quote(name)} = ?" for name in given)
    sql = f"UPDATE {quote(table.name)} SET {settings} WHERE id = ?"
    columns = [*given, "id"]
    _driver(session).executemany(sql, _tuples(rows, columns, _processors(session, table, columns)))


def _processors(session: Session, table: Table, columns: list[str]) -> list[Processor]:
    dialect = session.get_bind().dialect
    return [_remembering(table.c[name].type._cached_bind_processor(dialect)) for name in columns]


def _remembering(process: Processor) -> Processor:
    """The same timestamps, dates and statuses come back row after row: each is bound once.
    JSON documents (unhashable) are bound every time."""
    if process is None:
        return None
    seen: dict = {}

    def bind(value: object) -> object:
        try:
            return seen[value]
        except KeyError:
            if len(seen) > REMEMBERED:
                seen.clear()
            bound = seen[value] = process(value)
            return bound
        except TypeError:
            return process(value)

    return bind


def _tuples(rows: list[dict], columns: list[str], processors: list[Processor]) -> list[tuple]:
    """The rows' values in `columns` order, bound; built a column at a time (much faster than
    a row at a time)."""
    values = []
    for name, process in zip(columns, processors, strict=True):
        cells = [row[name] for row in rows]
        if process is not None:
            cells = [None if cell is None else process(cell) for cell in cells]
        values.append(cells)
    return list(zip(*values, strict=True))


def _has_default(column: Column) -> bool:
    return column.default is not None and not column.primary_key


def _default(session: Session, column: Column) -> object:
    default = column.default
    assert isinstance(default, ColumnDefault)  # _has_default: a non-key column's plain default
    value = default.arg(None) if default.is_callable else default.arg
    process = column.type._cached_bind_processor(session.get_bind().dialect)
    return value if process is None or value is None else process(value)


def _copy(session: Session, table: Table, rows: list[dict]) -> None:
    columns = list(rows[0])
    as_json = [isinstance(table.c[column].type, JSON) for column in columns]
    quote = _quote_for(session)
    sql = f"COPY {quote(table.name)} ({', '.join(map(quote, columns))}) FROM STDIN"
    with _driver(session).cursor() as cursor, cursor.copy(sql) as copy:
        for row in rows:
            values = (row[column] for column in columns)
            copy.write_row([_json(v) if j else v for v, j in zip(values, as_json, strict=True)])


def _driver(session: Session):
    """The DBAPI connection under the session: its transaction is the import's."""
    return session.connection().connection.driver_connection


def _quote_for(session: Session) -> Callable[[str], str]:
    return session.get_bind().dialect.identifier_preparer.quote


def _quote(session: Session, name: str) -> str:
    return _quote_for(session)(name)


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
