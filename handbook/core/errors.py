"""Problems found in an officer's data, and the one exception for user mistakes.

Validation failures are values (`Problem`), collected and printed once by `report`.
`HandbookUserError` is for a mistake in how the tool was called (missing folder, bad option):
the CLI prints its message on one line, without a traceback. Anything else is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Level(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or worth a look) in the data, with where it is.

    `path` is the field in the file, written the way an officer reads it
    (`services[3].offers[0].charges[1].unit`); `line` and `col` are 1-based. `suggestion` is the
    known name the message proposes ("did you mean 'per day'?"), kept as a value so that no one
    has to read it back out of the sentence; `None` when the message proposes nothing.
    """

    file: str
    line: int
    col: int
    path: str
    message: str
    level: Level = Level.ERROR
    code: str = "invalid"
    suggestion: str | None = None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.col, self.path, self.message)


class HandbookUserError(Exception):
    """A mistake the user can fix (bad option, missing folder, data with errors).

    The CLI prints the message without a traceback and exits with `status`: 2 for bad usage,
    1 when the data or a build step failed.
    """

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status
