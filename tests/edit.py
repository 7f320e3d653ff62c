"""Make a minimal-handbook data folder with small text edits, for focused rule tests."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from handbook.data.validate import Result, validate
from tests.cases import MINIMAL


def validate_edited(tmp_path: Path, edits: dict[str, list[tuple[str, str]]], today: dt.date = dt.date(2026, 11, 1)) -> Result:
    """Copy the minimal handbook, apply (old, new) replacements per file stem, validate it."""
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    for stem, replacements in edits.items():
        path = data / f"{stem}.yaml"
        text = path.read_text(encoding="utf-8")
        for old, new in replacements:
            assert text.count(old) == 1, f"{old!r} is not unique in {stem}.yaml"
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    return validate(data, today=today)


def codes(result: Result) -> list[tuple[str, str]]:
    return [(p.code, p.path) for p in result.problems]
