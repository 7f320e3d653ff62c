"""valuecache: the values read from a data file's text, kept in the handbook cache by the text.

Input: a text and the values `handbook.data.load` built from it without a problem. Output: those
values again for the same text, ~10x faster than composing it. Why a module of its own: the
loader reads YAML; this keeps what it read, and `handbook new` seeds it for the file it writes.
A tampered entry cannot run code: only plain values and `Decimal` are unpickled.
"""

from __future__ import annotations

import io
import pickle
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

from handbook.core import cache, limits
from handbook.data import characters

KIND = "yaml"
LOADER = Path(__file__).with_name("load.py")  # its rules make the values: part of every key
MISSING = object()


class _ValuesOnly(pickle.Unpickler):
    """Unpickles only what the loader's scalars make: a tampered cache entry cannot run code."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("decimal", "Decimal"):
            return Decimal
        raise pickle.UnpicklingError(f"{module}.{name} is not a data value")


def cache_name(text: str) -> str:
    """The cache entry of a text's values: keyed by the text, PyYAML and the loader's rules.

    Why the characters module and Unicode's version too: a text is cached only when it has no
    problem, so a change to which characters are allowed must not be served an old "no problem".
    PyYAML by its source, found without importing it.
    """
    import importlib.util

    rules = cache.code_version(str(characters.__file__), unicodedata.unidata_version, str(limits.MAX_DIGITS))
    yaml_source = importlib.util.find_spec("yaml").origin
    return cache.key(cache.code_version(str(LOADER), cache.code_version(str(yaml_source)), rules), text) + ".pickle"


def cached_values(name: str) -> Any:
    """The values kept under `name`, or `MISSING`."""
    data = cache.read_bytes(KIND, name)
    if data is None:
        return MISSING
    try:
        return _ValuesOnly(io.BytesIO(data)).load()
    except Exception:  # a damaged or foreign entry is only a miss
        return MISSING


def keep(name: str, value: Any) -> None:
    if cache.root() is not None:  # no pickling for a cache that is off
        cache.write_bytes(KIND, name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def remember(text: str, value: Any) -> None:
    """Keeps `value` as what `text` loads to, for a text made from one read without a problem by
    adding lines whose values were read without a problem (`handbook new`)."""
    keep(cache_name(text), value)
