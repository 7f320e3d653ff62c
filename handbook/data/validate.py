"""validate: data folder -> problems and, when there are no errors, the `Handbook`.

Runs the three stages in order (load, model, checks) and collects every problem from all of
them, so an officer sees all their mistakes at once. It never raises for bad data; only a
missing data folder is a `HandbookUserError`.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from handbook.core.errors import HandbookUserError, Level, Problem
from handbook.data import checks
from handbook.data.load import Document, format_path, load_file
from handbook.data.messages import explain
from handbook.data.model import FILES, OPTIONAL_FILES, Handbook
from handbook.data.salvage import salvage


@dataclass
class Result:
    problems: list[Problem]
    handbook: Handbook | None
    documents: dict[str, Document] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level is Level.ERROR]

    @property
    def ok(self) -> bool:
        return not self.errors


def display_path(path: Path) -> str:
    """Paths relative to the working folder where possible: `data/services.yaml`."""
    rel = os.path.relpath(path)
    return str(path) if rel.startswith("..") else rel


def model_problems(model: type[BaseModel], doc: Document) -> tuple[Any, list[Problem]]:
    """Validate a whole file; its errors as problems (a misspelt field is not also 'missing')."""
    try:
        return model.model_validate(doc.value), []
    except ValidationError as error:
        explained = [explain(model, detail) for detail in error.errors(include_url=False)]
        # A misspelt field whose suggestion is a missing one is one mistake, reported once.
        suggested = {(e.loc[:-1], e.suggestion) for e in explained if e.code == "unknown-field" and e.suggestion is not None}
        problems = []
        for e in explained:
            if e.code == "missing-field" and (e.loc, e.missing) in suggested:
                continue
            line, col = doc.locate(e.loc, prefer_key=e.at_key)
            problems.append(Problem(doc.file, line, col, format_path(e.loc), e.message, Level.ERROR, e.code, e.suggestion))
        return None, problems


def _records_of(value: Any) -> dict[str, list[tuple[int, Any]]]:
    return {name: list(enumerate(items)) for name, items in value if isinstance(items, list) and items and isinstance(items[0], BaseModel)}


def validate(data_dir: Path | str, today: dt.date | None = None, *, warnings: bool = True) -> Result:
    """Load, model and check every data file; all problems, and the `Handbook` if no errors.

    `warnings=False` skips the advisory rules (overdue reviews...): for builds, which show
    errors only, and would otherwise locate each warning in its file for nothing.
    """
    # Why: loading allocates ~100,000 short-lived acyclic objects for a large file, which sets off
    # the cycle collector again and again (40% of the time); reference counting frees them anyway.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _validate(Path(data_dir), today, warnings)
    finally:
        if paused:
            gc.enable()


def _validate(data_dir: Path, today: dt.date | None, warnings: bool) -> Result:
    if not data_dir.is_dir():
        raise HandbookUserError(f"there is no data folder at {display_path(data_dir)!s}")
    problems: list[Problem] = []
    documents: dict[str, Document] = {}
    models: dict[str, Any] = {}  # files that validated: the `Handbook`'s
    checked: dict[str, Any] = {}  # and, for the checks, files salvaged where they have field errors
    records: dict[str, dict[str, list[tuple[int, Any]]]] = {}
    sources: dict[str, str] = {}
    incomplete: set[int] = set()  # ids of salvaged records (kept alive by `records`)
    for stem, model in FILES.items():
        path = data_dir / f"{stem}.yaml"
        shown = display_path(path)
        sources[stem] = shown
        if not path.is_file() and stem in OPTIONAL_FILES:
            models[stem] = checked[stem] = model()
            records[stem] = {}
            continue
        if not path.is_file():
            problems.append(Problem(shown, 1, 1, "", f"the file {stem}.yaml is missing from the data folder; every handbook needs it", code="missing-file"))
            continue
        doc, load_problems = load_file(path, shown)
        problems += load_problems
        if doc is None:
            continue
        documents[stem] = doc
        value, found = model_problems(model, doc)
        problems += found
        # A file with structural problems (duplicate keys, aliases) is not trusted further.
        if value is not None and not load_problems:
            models[stem] = checked[stem] = value
        elif isinstance(doc.value, dict):
            # Why: the checks across records (ids, references, bands) still run over every entry
            # of a file with a bad one, and over the right fields of the bad entry itself.
            checked[stem] = salvage(model, doc.value, incomplete)
        if stem in checked:
            records[stem] = _records_of(checked[stem])
    context = checks.Context(models=checked, records=records, documents=documents, today=today or dt.date.today(), data_dir=data_dir, incomplete=incomplete)
    problems += checks.run(context, warnings)
    handbook = None
    if not any(p.level is Level.ERROR for p in problems) and len(models) == len(FILES):
        handbook = Handbook(**models, sources=sources)
    return Result(sorted(set(problems), key=Problem.sort_key), handbook, documents)


def load_handbook(data_dir: Path | str, today: dt.date | None = None) -> Handbook:
    """The validated handbook, or `HandbookUserError` listing the problems (for build steps)."""
    from handbook.data.report import render

    result = validate(data_dir, today, warnings=False)
    if result.handbook is None:
        raise HandbookUserError("the data has errors; run `handbook validate` to see them:\n" + render(result.errors), status=1)
    return result.handbook
