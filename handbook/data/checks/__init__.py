"""checks: rules across records and files, each yielding `Problem`s (never raising).

A rule about one record lives in its model (a validator); a rule that needs several records or
files lives here. Every check takes a `Context`. Why records rather than whole files: a file
with one bad entry still has its other entries checked, so an officer sees a typo and a dangling
reference in the same run. `ids()` comes from the raw text, so an entry with its own error is
still a valid target and is not reported a second time as missing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handbook.core.errors import Level, Problem
from handbook.data.load import Document, Path_, format_path


@dataclass
class Context:
    models: dict[str, Any]  # stem -> file model: validated, or salvaged (wrong parts None) where it has field errors
    records: dict[str, dict[str, list[tuple[int, Any]]]]  # stem -> list field -> (index, record: valid or salvaged)
    documents: dict[str, Document]  # stem -> loaded document
    today: dt.date
    data_dir: Path | None = None  # for rules about other files the data names
    incomplete: set[int] = field(default_factory=set)  # ids of records salvaged with wrong parts
    _known: dict[tuple[str, str], set[str]] = field(default_factory=dict, repr=False)

    def has(self, *stems: str) -> bool:
        """Files that could be read as a mapping: for rules over a file's non-list parts (a part
        with a field error is `None` or empty, see `handbook.data.salvage`)."""
        return all(stem in self.models for stem in stems)

    def complete(self, record: Any) -> bool:
        """Whether every part of a record validated: a salvaged record (`handbook.data.salvage`)
        holds `None` where a value was wrong, which a rule comparing values must not read as
        "not given"."""
        return id(record) not in self.incomplete

    def items(self, stem: str, field: str) -> list[tuple[int, Any]]:
        """(index in the file, record) for every entry of a top-level list: valid, or salvaged
        (its wrong parts `None` or empty) when it has field errors."""
        return self.records.get(stem, {}).get(field, [])

    def ids(self, stem: str, field: str) -> list[str]:
        """Every id written in a top-level list, valid entry or not."""
        doc = self.documents.get(stem)
        entries = doc.value.get(field) if doc and isinstance(doc.value, dict) else None
        if not isinstance(entries, list):
            return []
        return [str(e["id"]) for e in entries if isinstance(e, dict) and isinstance(e.get("id"), (str, int))]

    def known(self, stem: str, field: str) -> set[str] | None:
        """Ids that references may point at, or None when the file could not be read at all."""
        if stem not in self.documents:
            return None
        if (stem, field) not in self._known:  # asked once per reference: computed once per list
            self._known[(stem, field)] = set(self.ids(stem, field))
        return self._known[(stem, field)]

    def problem(self, stem: str, path: Path_, message: str, code: str, level: Level = Level.ERROR, *, suggestion: str | None = None) -> Problem:
        doc = self.documents[stem]
        line, col = doc.locate(path)
        return Problem(doc.file, line, col, format_path(path), message, level, code, suggestion)


Check = Callable[[Context], Iterator[Problem]]


def all_checks(warnings: bool = True) -> list[Check]:
    """Every rule; without the advisory ones (whose every problem is a warning) if not `warnings`."""
    from handbook.data.checks import charges, editions, glossary, printed, privacy, references, reviews, uniqueness, units

    advisory = [reviews.check, editions.check, units.check, glossary.missing]
    return [uniqueness.check, references.check, charges.check, printed.check, privacy.check, glossary.check, *(advisory if warnings else [])]


def run(context: Context, warnings: bool = True) -> list[Problem]:
    return [problem for check in all_checks(warnings) for problem in check(context)]
