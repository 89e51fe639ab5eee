"""Line editing and history for the interactive console, where Python has `readline` and the
console talks to a person at a terminal. History is kept in ~/.salesdesk_history."""

import sys
from contextlib import suppress
from pathlib import Path

HISTORY_FILE = ".salesdesk_history"
HISTORY_LENGTH = 1000


def history_path() -> Path:
    return Path.home() / HISTORY_FILE


def start_line_editing() -> Path | None:
    """Turn on readline with the saved history; the history file, or None when there is no
    line editing here (no terminal, or no readline on this platform)."""
    if not sys.stdin.isatty():
        return None
    try:
        import readline
    except ImportError:
        return None
    path = history_path()
    with suppress(OSError):  # no history yet, or a home we cannot read: start afresh
        readline.read_history_file(path)
    readline.set_history_length(HISTORY_LENGTH)
    return path


def save_history(path: Path | None) -> None:
    if path is None:
        return
    import readline

    with suppress(OSError):  # a read-only home keeps the console usable, without history
        readline.write_history_file(path)
