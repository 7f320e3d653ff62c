"""snapshot: the validated handbook kept in the cache, read back when nothing it depends on changed.

Input: a data folder. Output: the same `Handbook` that `validate.load_handbook` returns (or its
`HandbookUserError`). Why: a question asked of unchanged data (`handbook quote` run again, by a
school or a script) would otherwise read, model and check every file afresh, which costs more
than the answer at 2,000 services. The key hashes every byte under the data folder, the date
(checks compare dates with today), the data stage's own source and the libraries' versions, so
an edit anywhere is never served an old handbook. Data with errors is never kept.

A tampered cache entry cannot run code: it is read with an unpickler that makes only the model's
own classes and plain values, and anything else is treated as a missing entry.
"""

from __future__ import annotations

import datetime as dt
import gc
import importlib.util
import io
import pickle
from functools import lru_cache
from pathlib import Path

import pydantic
import pydantic_core

from handbook.core import cache
from handbook.data.model import Handbook

KIND = "handbook"
STAGE = Path(__file__).parent  # handbook/data: the loader, the models and the checks
# (module, name) pairs a snapshot may make besides the model's own classes: plain values only.
PLAIN = {
    ("builtins", "set"), ("builtins", "frozenset"), ("builtins", "getattr"),
    ("decimal", "Decimal"), ("datetime", "date"), ("datetime", "datetime"),
    ("copyreg", "_reconstructor"), ("builtins", "object"),
    ("pydantic_core._pydantic_core", "Url"),
}


class _ModelOnly(pickle.Unpickler):
    """Unpickles the model's classes and plain values; refuses every other global."""

    def find_class(self, module: str, name: str):
        if module.startswith("handbook.data.model") or (module, name) in PLAIN:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of the handbook's model")


@lru_cache(maxsize=1)
def _code_version() -> str:
    # Every module of the data stage: a new check or field changes what validation accepts.
    # PyYAML by its source, found without importing it: the cached path never parses YAML.
    sources = [*sorted(STAGE.rglob("*.py")), Path(importlib.util.find_spec("yaml").origin)]
    parts = [cache.code_version(str(path)) for path in sources]
    return ":".join([pydantic.VERSION, pydantic_core.__version__, *parts])


def _key(data_dir: Path, today: dt.date) -> str | None:
    parts: list[str | bytes] = [_code_version(), today.isoformat()]
    try:
        for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
            parts += [path.relative_to(data_dir).as_posix(), path.read_bytes()]
    except OSError:
        return None
    return cache.key(*parts) + ".pickle"


def cached_handbook(data_dir: Path | str, today: dt.date | None = None) -> Handbook:
    """`validate.load_handbook(data_dir, today)`, read from the cache when the data is unchanged.

    Validation (the YAML loader and every check) is imported only when the cache cannot answer.
    """
    data_dir = Path(data_dir)
    today = today or dt.date.today()
    name = _key(data_dir, today) if data_dir.is_dir() else None
    if name is None:
        from handbook.data.validate import load_handbook

        return load_handbook(data_dir, today)
    stored = cache.read_bytes(KIND, name)
    if stored is not None:
        found = _read(stored)
        if isinstance(found, Handbook):
            return found
    from handbook.data.validate import load_handbook

    handbook = load_handbook(data_dir, today)  # raises, and keeps nothing, when the data has errors
    cache.write_bytes(KIND, name, pickle.dumps(handbook, protocol=pickle.HIGHEST_PROTOCOL))
    return handbook


def _read(stored: bytes) -> object:
    # Why the collector is paused, then told to leave these objects be: a large catalogue is
    # ~100,000 objects that live as long as the process; each collection would walk them all
    # again (a third of a quote's time at 2,000 services), and none of them can form a cycle.
    paused = gc.isenabled()
    gc.disable()
    try:
        found = _ModelOnly(io.BytesIO(stored)).load()
    except Exception:  # noqa: BLE001 - a damaged or tampered entry is a missing one
        return None
    finally:
        if paused:
            gc.enable()
    gc.freeze()
    return found
