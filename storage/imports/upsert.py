"""What every kind of import shares: compare each row with the stored record of the same natural
key, then write the differences in bulk, each with an audit entry."""

from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from typing import NamedTuple, TypeVar

from sqlmodel import Session, SQLModel

from storage.imports.bulk import (
    CHUNK,
    analyze,
    indexes_built_after,
    insert_rows,
    last_id,
    new_ids,
    rows_in,
    update_rows,
)
from storage.imports.csvfile import CsvRow, CsvTable, collector_paused
from storage.imports.fields import Reader, max_length
from storage.imports.progress import Progress, Silent
from storage.imports.report import ImportReport, Rejected, Rejection, RowWarning
from storage.models import AuditEntry, utcnow

ACTOR = "import"
T = TypeVar("T")
READ_CACHE = 4096  # values each column's reader remembers
# Rows checked, then written, at a time, all in the file's one transaction: what memory holds
# of a file's records (their fields, their changes) is one batch's, whatever the file's size.
BATCH = 10_000
INDEXES_BUILT_AFTER = 2 * BATCH  # rows of a file from which rebuilding indexes pays
_UNREAD = object()


class Step(NamedTuple):
    column: str
    read: Reader
    mandatory: bool  # an empty cell rejects the row
    seen: dict[str, object]  # what `read` gave for the values read so far (rejected ones aside)


@dataclass(frozen=True)
class Stored:
    """A record already in the database, its fields named like the file's columns."""

    id: int
    fields: dict[str, object]


@dataclass(slots=True)
class Change:
    line: int
    key: str
    fields: dict[str, object]  # a new record: all of its fields; an update: the changed ones
    stored: Stored | None = None

    @property
    def record(self) -> Stored:
        """The stored record an update changes (a new record has none)."""
        assert self.stored is not None, f"{self.key} is new: it has no stored record"
        return self.stored


def saved(record_id: int | None) -> int:
    """The id of a record read from the database, which always has one."""
    assert record_id is not None, "a stored record without an id"
    return record_id


def value_of(fields: Mapping[str, object], column: str, kind: type[T]) -> T:
    """A field its reader (or the database) gives as `kind`."""
    value = fields[column]
    assert isinstance(value, kind), f"{column} holds {type(value).__name__}, not {kind.__name__}"
    return value


@dataclass
class Plan:
    creates: list[Change] = field(default_factory=list)
    updates: list[Change] = field(default_factory=list)
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[RowWarning] = field(default_factory=list)

    def add_to(self, report: ImportReport) -> None:
        """Count this batch's outcome into the file's report."""
        report.created += len(self.creates)
        report.updated += len(self.updates)
        report.unchanged += self.unchanged
        report.rejected += self.rejected
        report.warnings += self.warnings


class Importer:
    """One kind of record. The key column is also the model's natural key field."""

    entity: str
    model: type[SQLModel]
    key: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    may_be_blank: tuple[str, ...] = ()  # required columns whose cell may be empty
    also_written: tuple[type[SQLModel], ...] = ()  # other tables `write` fills

    def __init__(self, default_timezone: str = "UTC"):
        self.default_timezone = default_timezone  # the organisation's, where a team has none
        self.row_warnings: list[tuple[str, dict]] = []
        self.progress: Progress = Silent()

    def warn(self, key: str, **params: object) -> None:
        """Note something about the row being checked; it is still imported."""
        self.row_warnings.append((key, params))

    def load(self, session: Session, table: CsvTable) -> dict[str, Stored]:
        """The stored records by key; also the lookups the readers and `check` need."""
        raise NotImplementedError

    def readers(self) -> dict[str, Reader]:
        """A reader for each column, in the order a row is checked."""
        raise NotImplementedError

    def check(self, fields: dict[str, object], stored: Stored | None) -> dict[str, object]:
        """Rules across the fields of one row (and other rows); the fields to store."""
        return fields

    def defaults(self, fields: dict[str, object]) -> dict[str, object]:
        """What a new record holds where the file gives nothing."""
        return dict.fromkeys(self.optional + self.may_be_blank)

    def columns(self, fields: dict[str, object]) -> dict[str, object]:
        """The model's columns for (some of) a record's fields."""
        return fields

    def new_row(self, fields: dict[str, object], now: datetime) -> dict[str, object]:
        return self.columns(fields)

    def changed_row(self, fields: dict[str, object], now: datetime) -> dict[str, object]:
        return self.columns(fields)

    def finish(self, session: Session, now: datetime) -> list[RowWarning]:
        """Work on the file as a whole, once every batch is written; warnings about it."""
        return []

    def run(self, session: Session, table: CsvTable) -> ImportReport:
        stored = self.load(session, table)
        rows = table.rows
        self.progress.stage("rows", len(rows))
        report = ImportReport(rejected=list(table.rejected))
        self._first_lines: dict[str, int] = {}
        self._key_reader, self._read_steps = self._steps()
        now = utcnow()
        with collector_paused(), self._indexes_for(session, len(rows)):
            while rows:
                batch = rows[:BATCH]
                del rows[:BATCH]  # read once: the file's rows need not stay in memory
                self._import_batch(session, batch, stored, now).add_to(report)
                self.progress.advance(len(batch))
            report.warnings += self.finish(session, now)
        if report.created or report.updated:
            analyze(session, self.model, AuditEntry, *self.also_written)
        report.rejected.sort(key=lambda rejection: rejection.line)
        return report

    def _indexes_for(self, session: Session, rows: int) -> AbstractContextManager[None]:
        """A large file into a table that holds fewer rows: its indexes are built after."""
        if rows >= INDEXES_BUILT_AFTER and rows > rows_in(session, self.model):
            return indexes_built_after(session, self.model)
        return nullcontext()

    def _import_batch(
        self, session: Session, rows: list[CsvRow], stored: dict[str, Stored], now: datetime
    ) -> Plan:
        plan = self.plan(rows, stored)
        self.write(session, plan, now)
        for audits in chunks(audit_rows(self.entity, plan, now)):
            insert_rows(session, AuditEntry, audits)
        return plan

    def plan(self, rows: list[CsvRow], stored: dict[str, Stored]) -> Plan:
        """One batch of rows checked against the stored records and the rows before them."""
        plan = Plan()
        for row in rows:
            self.row_warnings = []
            try:
                key = self._unique_key(row)
                record = stored.get(key)
                fields = self.check(_read(row, key, self.key, self._read_steps), record)
            except Rejected as rejected:
                plan.rejected.append(Rejection(row.line, rejected.key, rejected.params))
                continue
            if self.row_warnings:
                plan.warnings += [RowWarning(row.line, *warning) for warning in self.row_warnings]
            self._compare(plan, row.line, key, fields, record)
        return plan

    def write(self, session: Session, plan: Plan, now: datetime) -> dict[str, int]:
        """One batch's inserts and updates; returns the new records' ids by key."""
        created = {}
        if plan.creates:
            after_id = last_id(session, self.model)
            new_rows = [self.new_row(change.fields, now) for change in plan.creates]
            insert_rows(session, self.model, new_rows)
            created = new_ids(session, self.model, self.key, after_id)
        changed_rows = [
            {"id": change.record.id, **row}
            for change in plan.updates
            if (row := self.changed_row(change.fields, now))
        ]
        update_rows(session, self.model, changed_rows)
        return created

    def _unique_key(self, row: CsvRow) -> str:
        """The row's key, unless an earlier row of the file (in any batch) has it."""
        key = self._key_reader(self.key, row.required(self.key))
        assert isinstance(key, str), "a key column is read as text"
        first_line = self._first_lines.setdefault(key, row.line)
        if first_line != row.line:
            raise Rejected(
                "import.reject.duplicate", column=self.key, value=key, first_line=first_line
            )
        return key

    def _steps(self) -> tuple[Reader, list[Step]]:
        """The key's reader, and the other columns' steps. Each step remembers what its reader
        read: the same dates, statuses and codes come back row after row (keys do not)."""
        readers = self.readers()
        mandatory = set(self.required) - set(self.may_be_blank)
        steps = [
            Step(column, read, column in mandatory, {})
            for column, read in readers.items()
            if column != self.key
        ]
        return readers[self.key], steps

    def _compare(
        self, plan: Plan, line: int, key: str, fields: dict[str, object], stored: Stored | None
    ) -> None:
        if stored is None:
            plan.creates.append(Change(line, key, self.defaults(fields) | fields))
            return
        changed = {
            column: value for column, value in fields.items() if stored.fields[column] != value
        }
        if changed:
            plan.updates.append(Change(line, key, changed, stored))
        else:
            plan.unchanged += 1


def _read(row: CsvRow, key: str, key_column: str, steps: list[Step]) -> dict[str, object]:
    """The row's values, key included; an empty optional cell is left out (kept as stored)."""
    fields: dict[str, object] = {key_column: key}
    cells = row.cells
    for column, read, mandatory, seen in steps:
        value = cells.get(column)
        if value:
            found = seen.get(value, _UNREAD)
            fields[column] = _read_new(seen, read, column, value) if found is _UNREAD else found
        elif mandatory:
            raise Rejected("import.reject.missing_value", column=column)
    return fields


def _read_new(seen: dict[str, object], read: Reader, column: str, value: str) -> object:
    if len(seen) >= READ_CACHE:
        seen.clear()
    found = seen[value] = read(column, value)
    return found


def audit_rows(entity: str, plan: Plan, now: datetime) -> Iterator[dict]:
    for change in plan.creates:
        given = {column: str(value) for column, value in change.fields.items() if value is not None}
        yield _audit(entity, change.key, "import.create", None, given, now)
    for change in plan.updates:
        before = {column: change.record.fields[column] for column in change.fields}
        after = _strings(change.fields)
        yield _audit(entity, change.key, "import.update", _strings(before), after, now)


def chunks(items: Iterable[T]) -> Iterator[list[T]]:
    """At most CHUNK items at a time: a chunk's rows are written and let go before the next
    chunk's are made."""
    iterator = iter(items)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def _audit(
    entity: str, key: str, action: str, before: dict | None, after: dict, now: datetime
) -> dict:
    return {
        "at": now,
        "actor": ACTOR,
        "entity": entity,
        "entity_key": key[: max_length(AuditEntry, "entity_key")],
        "action": action,
        "before": before,
        "after": after,
    }


def _strings(fields: dict[str, object]) -> dict[str, str | None]:
    return {column: None if value is None else str(value) for column, value in fields.items()}
