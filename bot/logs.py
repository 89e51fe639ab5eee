"""Logging for operators: one line per record, errors included (no tracebacks on the terminal)."""

import logging
import sys
import traceback


class OneLineFormatter(logging.Formatter):
    def formatException(self, exc_info) -> str:
        kind, error, tb = exc_info
        frame = traceback.extract_tb(tb)[-1] if tb else None
        where = f" at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}" if frame else ""
        return f"{kind.__name__}: {error}{where}"

    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).replace("\n", " | ")


def setup_logging(level: int = logging.INFO) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLineFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("alembic").setLevel(logging.WARNING)
