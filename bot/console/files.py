"""Files the bot uploads while it runs in the console: kept in a folder beside where the console
was started (`./salesdesk-files/`), where the desk opens them in Excel, rather than in the
system's temporary folder, which is hidden and emptied. A name already there gets a number
(`report-sales-East-2026-11-2.xlsx`): a report made again never overwrites the one before,
which may be open."""

import itertools
import threading
from dataclasses import dataclass, field
from pathlib import Path

FOLDER = "salesdesk-files"


@dataclass
class Pending:
    filename: str
    content: bytes | None = None


@dataclass
class FileShelf:
    """files_upload_v2's three steps: a URL asked for (`reserve`), the bytes sent there
    (`receive`), the files shared (`save`: written to the folder, their paths returned)."""

    folder: Path
    _pending: dict[str, Pending] = field(default_factory=dict)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def reserve(self, filename: str) -> str:
        with self._lock:
            file_id = f"FCONSOLE{next(self._ids):06d}"
            self._pending[file_id] = Pending(filename or "file")
        return file_id

    def receive(self, file_id: str, content: bytes) -> bool:
        with self._lock:
            pending = self._pending.get(file_id)
            if pending is None:
                return False
            pending.content = content
            return True

    def save(self, file_ids: list[str]) -> list[Path] | None:
        """The files written, in order; None when one was never reserved or sent."""
        with self._lock:
            pending = [self._pending.get(file_id) for file_id in file_ids]
            if not pending or any(p is None or p.content is None for p in pending):
                return None
            for file_id in file_ids:
                del self._pending[file_id]
            self.folder.mkdir(parents=True, exist_ok=True)
            return [self._write(p.filename, p.content) for p in pending if p and p.content]

    def _write(self, filename: str, content: bytes) -> Path:
        path = self._free_path(_safe_name(filename))
        path.write_bytes(content)
        return path.resolve()

    def _free_path(self, name: str) -> Path:
        path = self.folder / name
        stem, suffix = path.stem, path.suffix
        for number in itertools.count(2):
            if not path.exists():
                return path
            path = self.folder / f"{stem}-{number}{suffix}"
        raise AssertionError("unreachable")


def _safe_name(filename: str) -> str:
    """The name's last part only, so a name never writes outside the folder."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1].strip().lstrip(".")
    return name or "file"
