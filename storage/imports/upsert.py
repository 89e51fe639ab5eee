"""What every kind of import shares: compare each row with the stored record of the same natural
key, then write the differences in bulk, each with an audit entry."""

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from itertools import islice
from typing import NamedTuple, TypeVar

from sqlmodel import Session, SQLModel

from storage.imports.bulk import CHUNK, analyze, insert_rows, last_id, new_ids, update_rows
from storage.imports.csvfile import CsvRow, CsvTable
from storage.imports.fields import Reader, max_length
from storage.imports.progress import STEP, Progress, Silent
from storage.imports.report import ImportReport, Rejected, Rejection, RowWarning
from storage.models import AuditEntry, utcnow

ACTOR = "import"
T = TypeVar("T")
READ_CACHE = 4096


class Step(NamedTuple):
    column: str
    read: Reader
    mandatory: bool  # an empty cell rejects the row


@dataclass(frozen=True)
class Stored:
    """A record already in the database, its fields named like the file's columns."""

    id: int
    fields: dict[str, object]


@dataclass(frozen=True)
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

    def report(self) -> ImportReport:
        rejected = sorted(self.rejected, key=lambda rejection: rejection.line)
        return ImportReport(
            len(self.creates), len(self.updates), self.unchanged, rejected, self.warnings
        )


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

    def run(self, session: Session, table: CsvTable) -> ImportReport:
        stored = self.load(session, table)
        self.progress.stage("check", len(table.rows))
        plan = self.plan(table, stored)
        table.rows.clear()  # checked: the file's rows need not stay in memory while writing
        self.progress.stage("write", len(plan.creates) + len(plan.updates))
        now = utcnow()
        self.write(session, plan, now)
        for audits in chunks(audit_rows(self.entity, plan, now)):
            insert_rows(session, AuditEntry, audits)
        if plan.creates or plan.updates:
            analyze(session, self.model, AuditEntry, *self.also_written)
        return plan.report()

    def plan(self, table: CsvTable, stored: dict[str, Stored]) -> Plan:
        plan = Plan(rejected=list(table.rejected))
        key_reader, steps = self._steps()
        first_lines: dict[str, int] = {}
        for number, row in enumerate(table.rows, 1):
            if number % STEP == 0:
                self.progress.advance(STEP)
            self.row_warnings = []
            try:
                key = self._unique_key(row, key_reader, first_lines)
                fields = self.check(_read(row, key, self.key, steps), stored.get(key))
            except Rejected as rejected:
                plan.rejected.append(Rejection(row.line, rejected.key, rejected.params))
                continue
            plan.warnings += [RowWarning(row.line, *warning) for warning in self.row_warnings]
            self._compare(plan, row.line, key, fields, stored.get(key))
        return plan

    def write(self, session: Session, plan: Plan, now: datetime) -> dict[str, int]:
        """Inserts and updates; returns the new records' ids by key."""
        after_id = last_id(session, self.model)
        for creates in chunks(plan.creates):
            new_rows = [self.new_row(change.fields, now) for change in creates]
            insert_rows(session, self.model, new_rows, self.progress.advance)
        created = new_ids(session, self.model, self.key, after_id)
        changed_rows = [
            {"id": change.record.id, **row}
            for change in plan.updates
            if (row := self.changed_row(change.fields, now))
        ]
        update_rows(session, self.model, changed_rows, self.progress.advance)
        return created

    def _unique_key(self, row: CsvRow, reader: Reader, first_lines: dict[str, int]) -> str:
        key = reader(self.key, row.required(self.key))
        assert isinstance(key, str), "a key column is read as text"
        if key in first_lines:
            raise Rejected(
                "import.reject.duplicate", column=self.key, value=key, first_line=first_lines[key]
            )
        first_lines[key] = row.line
        return key

    def _steps(self) -> tuple[Reader, list[Step]]:
        """The key's reader, and the other columns' steps. Readers remember what they read: the
        same dates, statuses and codes come back row after row."""
        readers = {column: lru_cache(READ_CACHE)(read) for column, read in self.readers().items()}
        mandatory = set(self.required) - set(self.may_be_blank)
        steps = [
            Step(column, read, column in mandatory)
            for column, read in readers.items()
            if column != self.key
        ]
        return readers[self.key], steps

    def _compare(
        self, plan: Plan, line: int, key: str, fields: dict[str, object], stored: Stored | None
    ) -> None:
        if stored is None:
            defaults = self.defaults(fields).items()
            record = fields | {column: value for column, value in defaults if column not in fields}
            plan.creates.append(Change(line, key, record))
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
    for column, read, mandatory in steps:
        value = cells.get(column)
        if value:
            fields[column] = read(column, value)
        elif mandatory:
            raise Rejected("import.reject.missing_value", column=column)
    return fields


def audit_rows(entity: str, plan: Plan, now: datetime) -> Iterator[dict]:
    for change in plan.creates:
        yield _audit(entity, change.key, "import.create", None, _strings(change.fields), now)
    for change in plan.updates:
        before = {column: change.record.fields[column] for column in change.fields}
        after = _strings(change.fields, keep_empty=True)
        yield _audit(entity, change.key, "import.update", _strings(before, True), after, now)


def chunks(items: Iterable[T]) -> Iterator[list[T]]:
    """At most CHUNK items at a time: a chunk's rows are written and let go before the next
    chunk's are made."""
    iterator = iter(items)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def _audit(
    entity: str, key: str, action: str, before: dict | None, after: dict, now: datetime
) -> dict:
    key = key[: max_length(AuditEntry, "entity_key")]
    return dict(
        at=now,
        actor=ACTOR,
        entity=entity,
        entity_key=key,
        action=action,
        before=before,
        after=after,
    )


def _strings(fields: dict[str, object], keep_empty: bool = False) -> dict[str, str | None]:
    return {
        column: None if value is None else str(value)
        for column, value in fields.items()
        if keep_empty or value is not None
    }
