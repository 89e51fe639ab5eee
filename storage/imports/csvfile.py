"""Reading an operator's CSV file: its encoding, its header and one record per row, each with
the line it starts on (the header is line 1)."""

import csv
import gc
import io
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from storage.imports.report import ImportFileError, Rejected, Rejection

BOM = b"\xef\xbb\xbf"
ENCODINGS = ("utf-8", "gb18030")  # GB18030: Excel's CSV on Chinese Windows
_LINE_END = re.compile(rb"(?<=\n)|(?<=\r)(?!\n)")


@dataclass(slots=True)
class CsvRow:
    line: int
    cells: dict[str, str]  # known column -> value with surrounding spaces stripped

    def required(self, column: str) -> str:
        value = self.cells[column]
        if not value:
            raise Rejected("import.reject.missing_value", column=column)
        return value


@dataclass(frozen=True)
class CsvTable:
    rows: list[CsvRow]
    rejected: list[Rejection]  # lines that could not be decoded


def read_table(path: Path, required: tuple[str, ...], optional: tuple[str, ...]) -> CsvTable:
    lines, bad_lines = decode_lines(_read_bytes(path))
    records = _records(lines, path)
    header_line, header = next(((start, cells) for start, _, cells in records), (0, []))
    if not header_line:
        raise ImportFileError("import.error.empty", file=str(path))
    if header_line in bad_lines:
        raise ImportFileError("import.error.undecodable", file=str(path))
    index = _column_index(header, required, optional, path)
    cells_of = _cells_reader(index)
    rows, rejected = [], []
    with collector_paused():
        for start, end, cells in records:
            if bad_lines and not bad_lines.isdisjoint(range(start, end + 1)):
                rejected.append(Rejection(start, "import.reject.wrong_encoding"))
                continue
            rows.append(CsvRow(start, cells_of(cells)))
    return CsvTable(rows, rejected)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a file's rows are read and written: it would walk
    every one of them over and over (a tenth of a large import's time), and the rows make no
    cycles for it to find."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _cells_reader(index: dict[str, int]) -> Callable[[list[str]], dict[str, str]]:
    """A record's cells as {column: value stripped}; a short record's missing cells are empty."""
    names, positions = list(index), list(index.values())
    width = max(positions) + 1

    def cells_of(cells: list[str]) -> dict[str, str]:
        if len(cells) >= width:
            return dict(zip(names, [cells[i].strip() for i in positions], strict=True))
        return {name: cells[i].strip() if i < len(cells) else "" for name, i in index.items()}

    return cells_of


def decode_lines(data: bytes) -> tuple[Iterable[str], set[int]]:
    """The file's lines as text, and the numbers of lines that could not be decoded."""
    data = data.removeprefix(BOM)
    for encoding in ENCODINGS:
        try:
            return io.StringIO(data.decode(encoding), newline=""), set()
        except UnicodeDecodeError:
            continue
    raw = _LINE_END.split(data)  # the same lines as StringIO's with newline=""
    encoding = max(ENCODINGS, key=lambda name: sum(_decodes(line, name) for line in raw))
    bad_lines = {number for number, line in enumerate(raw, 1) if not _decodes(line, encoding)}
    return [line.decode(encoding, errors="replace") for line in raw], bad_lines


def _decodes(line: bytes, encoding: str) -> bool:
    try:
        line.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError("import.error.not_found", file=str(path)) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise ImportFileError("import.error.unreadable", file=str(path), reason=reason) from None


def _records(lines: Iterable[str], path: Path) -> Iterator[tuple[int, int, list[str]]]:
    """(first line, last line, cells) of each record that is not blank; a quoted cell may span
    lines."""
    reader = csv.reader(lines)
    start = 1
    try:
        for cells in reader:
            if "".join(cells).strip():
                yield start, reader.line_num, cells
            start = reader.line_num + 1
    except csv.Error as error:
        line, detail = reader.line_num, str(error)
        raise ImportFileError(
            "import.error.bad_csv", file=str(path), line=line, detail=detail
        ) from None


def _column_index(
    header: list[str], required: tuple[str, ...], optional: tuple[str, ...], path: Path
) -> dict[str, int]:
    index: dict[str, int] = {}
    for i, name in enumerate(header):
        column = name.strip().lower()
        if column not in required and column not in optional:
            continue
        if column in index:
            raise ImportFileError("import.error.duplicate_column", file=str(path), column=column)
        index[column] = i
    missing = [column for column in required if column not in index]
    if missing:
        raise ImportFileError(
            "import.error.missing_columns", file=str(path), columns=", ".join(missing)
        )
    return index
