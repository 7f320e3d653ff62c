"""The validated handbook for a data folder, loaded once per change of its files.

Why: `handbook build`, the MkDocs hooks and the macros module each need the handbook; during
`mkdocs serve` every rebuild asks again. Validating once per edit of `data/*.yaml` keeps a
rebuild cheap and makes all three see the same data. Never caches a handbook with errors.
"""

from __future__ import annotations

from pathlib import Path

from handbook.data.model import Handbook
from handbook.data.validate import load_handbook

_cache: dict[Path, tuple[tuple, Handbook]] = {}


def fingerprint(data_dir: Path) -> tuple:
    """(name, mtime, size) of every YAML file in the folder: changes whenever an officer saves."""
    files = sorted(data_dir.glob("*.yaml"))
    return tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files)


def handbook_for(data_dir: Path | str) -> Handbook:
    """The handbook of `data_dir`; raises `HandbookUserError` listing the problems if it has errors."""
    path = Path(data_dir).resolve()
    key = fingerprint(path) if path.is_dir() else ()
    cached = _cache.get(path)
    if cached is not None and cached[0] == key:
        return cached[1]
    handbook = load_handbook(path)
    _cache[path] = (key, handbook)
    return handbook
