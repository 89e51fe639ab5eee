"""What an import tells its caller: counts, rejected rows, warnings and file-level problems."""

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Rejection:
    """A row left out of the import: its line in the file and a message key with parameters."""

    line: int
    reason: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class RowWarning(Rejection):
    """A row imported all the same, with something the operator should know about it."""


@dataclass(frozen=True)
class Money:
    """An amount in a message parameter: shown with its currency in the reader's language."""

    amount: Decimal
    currency: str


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[RowWarning] = field(default_factory=list)


class ImportFileError(Exception):
    """The file as a whole cannot be imported; nothing was changed."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params


class Rejected(Exception):
    """One row cannot be imported; raised while reading it, recorded as a Rejection."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params
