"""Writing thousands of rows at once: COPY on PostgreSQL, the driver's own executemany on SQLite.

No ORM objects and no RETURNING: psycopg parses each many-row INSERT … RETURNING anew, which
costs more than the insert itself. New ids are read back in one query instead. On SQLite,
SQLAlchemy's executemany compiles the parameters of every row anew, which costs more than the
insert: the rows become tuples here, through each column's own bind processor (called once per
distinct value of a batch), and go to the driver's cursor on the session's connection (same
transaction). Updates on PostgreSQL are copied into a temporary table and applied by one
UPDATE … FROM per batch, rather than one UPDATE per row.
"""

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import JSON, Column, ColumnDefault, Table, func, inspect, select
from sqlmodel import Session, SQLModel

CHUNK = 5000
ANALYSIS_LIMIT = 1000  # rows SQLite's ANALYZE reads of each index
IMPORT_CACHE_KIB = 256 * 1024  # SQLite's page cache while an import writes


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
    for batch in _batches(rows):
        if postgres:
            _update_from_copy(session, table, batch)
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


def rows_in(session: Session, model: type[SQLModel]) -> int:
    return session.execute(select(func.count()).select_from(table_of(model))).scalar() or 0


@contextmanager
def indexes_built_after(session: Session, model: type[SQLModel]) -> Iterator[None]:
    """On SQLite, the table's secondary indexes dropped for the import and built again at its
    end, inside its transaction: building an index from the whole table sorts once, where
    inserting a million rows one by one into each of a table's indexes (the order table has
    nine, most in no order the file follows) costs more than the rest of the import. The
    unique constraints stay, and so does every check. Nobody sees the table without them:
    readers read the last committed state (WAL), writers wait for the import's, and a failed
    import rolls the drop back with everything else. Not on PostgreSQL, where dropping an
    index would lock the table against readers until the import commits."""
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    driver = _driver(session)
    indexes = driver.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL",
        (table_of(model).name,),
    ).fetchall()
    if not driver.in_transaction:
        driver.execute("BEGIN")  # the driver would begin only at the first write
    for name, _ in indexes:
        driver.execute(f"DROP INDEX {_quote(session, name)}")
    yield
    for _, create in indexes:
        driver.execute(create)


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
    return [table.c[name].type._cached_bind_processor(dialect) for name in columns]


def _tuples(rows: list[dict], columns: list[str], processors: list[Processor]) -> list[tuple]:
    """The rows' values in `columns` order, bound; built a column at a time (much faster than
    a row at a time)."""
    values = []
    for name, process in zip(columns, processors, strict=True):
        cells = [row[name] for row in rows]
        values.append(cells if process is None else _bound(cells, process))
    return list(zip(*values, strict=True))


def _bound(cells: list[object], process: Callable[[object], object]) -> list[object]:
    """A column's cells through its bind processor: the same timestamps, dates and statuses
    come back row after row, so each distinct value is bound once. JSON documents (unhashable)
    are bound one by one."""
    try:
        distinct = set(cells)
    except TypeError:
        return [None if cell is None else process(cell) for cell in cells]
    distinct.discard(None)
    bound = {value: process(value) for value in distinct}
    return [bound.get(cell) for cell in cells]  # None stays None


def _has_default(column: Column) -> bool:
    return column.default is not None and not column.primary_key


def _default(session: Session, column: Column) -> object:
    default = column.default
    assert isinstance(default, ColumnDefault)  # _has_default: a non-key column's plain default
    value = default.arg(None) if default.is_callable else default.arg
    process = column.type._cached_bind_processor(session.get_bind().dialect)
    return value if process is None or value is None else process(value)


def _copy(session: Session, table: Table, rows: list[dict], into: str | None = None) -> None:
    """COPY the rows into `table`, or into the table named `into` with the same columns."""
    columns = list(rows[0])
    as_json = [isinstance(table.c[column].type, JSON) for column in columns]
    quote = _quote_for(session)
    sql = f"COPY {quote(into or table.name)} ({', '.join(map(quote, columns))}) FROM STDIN"
    with _driver(session).cursor() as cursor, cursor.copy(sql) as copy:
        for row in rows:
            values = (row[column] for column in columns)
            copy.write_row([_json(v) if j else v for v, j in zip(values, as_json, strict=True)])


def _update_from_copy(session: Session, table: Table, rows: list[dict]) -> None:
    """The rows copied into a temporary table of the same column types, then one UPDATE."""
    quote = _quote_for(session)
    given = [quote(column) for column in rows[0] if column != "id"]
    name, staged = quote(table.name), f"import_{table.name}"
    settings = ", ".join(f"{column} = staged.{column}" for column in given)
    with _driver(session).cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE {quote(staged)} ON COMMIT DROP AS "
            f"SELECT id, {', '.join(given)} FROM {name} WITH NO DATA"
        )
        _copy(session, table, rows, into=staged)
        cursor.execute(
            f"UPDATE {name} SET {settings} FROM {quote(staged)} AS staged "
            f"WHERE {name}.id = staged.id"
        )
        cursor.execute(f"DROP TABLE {quote(staged)}")


def _driver(session: Session):
    """The DBAPI connection under the session: its transaction is the import's."""
    return session.connection().connection.driver_connection


def _quote_for(session: Session) -> Callable[[str], str]:
    return session.get_bind().dialect.identifier_preparer.quote


def _quote(session: Session, name: str) -> str:
    return _quote_for(session)(name)


def _json(value: object) -> str | None:
    return None if value is None else json.dumps(value)


def _batches(rows: list[dict]) -> Iterator[list[dict]]:
    """Rows with the same columns together (one statement each), at most CHUNK at a time. Rows
    made by the same code name their columns in the same order."""
    groups: dict[tuple[str, ...], list[dict]] = {}
    for row in rows:
        groups.setdefault(tuple(row), []).append(row)
    for group in groups.values():
        for start in range(0, len(group), CHUNK):
            yield group[start : start + CHUNK]
