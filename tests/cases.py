"""Fault fixtures: tests/cases/invalid/<fault>.yaml, each a minimal-handbook file with one fault.

Line 1 names the file it replaces (`# replaces: services.yaml`); each following `# expect:` line
is one problem the validator must report: `# expect: LINE:COL LEVEL CODE PATH`.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

CASES = Path(__file__).parent / "cases"
MINIMAL = CASES / "minimal"
INVALID = sorted((CASES / "invalid").glob("*.yaml"))


@dataclass(frozen=True)
class Case:
    path: Path
    replaces: str
    expected: list[tuple[int, int, str, str, str]]


def read_case(path: Path) -> Case:
    header = path.read_bytes().decode("utf-8", "replace").splitlines()
    replaces = header[0].split(":", 1)[1].strip()
    expected = []
    for line in header[1:]:
        if not line.startswith("# expect:"):
            break
        where, level, code, *rest = line.split(":", 1)[1].split()
        row, col = where.split(":")
        expected.append((int(row), int(col), level, code, rest[0] if rest else ""))
    return Case(path, replaces, expected)


def data_folder_with(case: Case, target: Path) -> Path:
    """A copy of the minimal handbook with the case's file swapped in."""
    shutil.copytree(MINIMAL, target)
    shutil.copy(case.path, target / case.replaces)
    return target
