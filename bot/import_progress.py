"""A progress bar for `salesdesk import` on the operator's terminal (none when stdout is a
file or a pipe): one task per stage, reading the file, checking its rows, writing them."""

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from bot.i18n import t
from storage.imports import Progress as ImportProgress
from storage.imports.progress import Silent


class _Bar:
    def __init__(self, progress: Progress, locale: str):
        self.progress, self.locale, self.task = progress, locale, None

    def stage(self, name: str, total: int | None) -> None:
        self.finish()
        self.task = self.progress.add_task(t(self.locale, f"import.progress.{name}"), total=total)

    def advance(self, rows: int) -> None:
        self.progress.advance(self.task, rows)

    def finish(self) -> None:
        """The current stage is done: its bar full (the last rows are not reported)."""
        if self.task is not None:
            total = self.progress.tasks[-1].total
            self.progress.update(self.task, total=total or 1, completed=total or 1)


@contextmanager
def progress_bar(locale: str) -> Iterator[ImportProgress]:
    if not sys.stdout.isatty():
        yield Silent()
        return
    console = Console(stderr=True)  # the report itself goes to stdout, after the bar
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        bar = _Bar(progress, locale)
        yield bar
        bar.finish()
