"""Logging for operators. The server's log keeps full tracebacks; a CLI command's terminal gets
one line per record (an error's kind, message and where it happened, never a traceback)."""

import logging
import sys
import traceback

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Bolt warns that the bot token it finds in the environment is unused because `authorize`
# hands the token to each request; that is by design here, and every worker would say it.
_BOLT_TOKEN_SKIPPED = "`token` (or SLACK_BOT_TOKEN env variable) will be ignored"


class OneLineFormatter(logging.Formatter):
    def formatException(self, exc_info) -> str:
        kind, error, tb = exc_info
        frame = traceback.extract_tb(tb)[-1] if tb else None
        where = f" at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}" if frame else ""
        return f"{kind.__name__}: {error}{where}"

    def format(self, record: logging.LogRecord) -> str:
        return super().format(record).replace("\n", " | ")


class ServerFormatter(logging.Formatter):
    """One line per record, except a crash's full traceback, indented under it."""

    def formatException(self, exc_info) -> str:
        return "\n".join("    " + line for line in super().formatException(exc_info).splitlines())


def _not_bolt_token_skipped(record: logging.LogRecord) -> bool:
    return _BOLT_TOKEN_SKIPPED not in record.getMessage()


def setup_logging(level: int = logging.INFO, server: bool = False) -> None:
    handler = logging.StreamHandler(sys.stderr)
    formatter = ServerFormatter(FORMAT) if server else OneLineFormatter(FORMAT)
    handler.setFormatter(formatter)
    handler.addFilter(_not_bolt_token_skipped)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("alembic").setLevel(logging.WARNING)
