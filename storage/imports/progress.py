"""How far an import has got, for whoever shows it (a bar on the operator's terminal): a stage
(reading the file, then its rows checked and written a batch at a time) with its number of rows,
then rows done."""

from typing import Protocol


class Progress(Protocol):
    def stage(self, name: str, total: int | None) -> None:
        """A new stage begins; `total` rows, or None when not known yet."""

    def advance(self, rows: int) -> None:
        """`rows` more rows of the current stage are done."""


class Silent:
    def stage(self, name: str, total: int | None) -> None:
        pass

    def advance(self, rows: int) -> None:
        pass
