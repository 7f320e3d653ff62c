"""cache: a folder for results that are slow to make and depend only on their inputs.

What is kept, each under a key that hashes everything that makes it (so an edit is never served
a stale entry): the values read from each data file (`handbook.data.load`), the validated handbook of a
whole data folder (`handbook.data.snapshot`, for `handbook quote`), officers' Markdown as HTML
(`handbook.presentation.markdown`), compiled templates (`handbook.presentation.templating`), the
Graphviz chart (`handbook.presentation.chart`) and the built pages the guard has passed
(`handbook.site.guard`). Why: like Python's .pyc files, a build in a fresh process (`make site`, CI
re-runs, each `mkdocs serve` start) would otherwise redo all of that for data that has not changed.

Where: `$HANDBOOK_CACHE`, else `$XDG_CACHE_HOME/handbook`, else `~/.cache/handbook`.
`HANDBOOK_CACHE=off` turns it off (the benchmark's cold-start figure). A folder that cannot be
written means no cache, never an error: the cache only ever saves time.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from functools import lru_cache
from pathlib import Path

OFF = "off"


def root() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    chosen = os.environ.get("HANDBOOK_CACHE")
    if chosen == OFF:
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "handbook"


def folder(kind: str) -> Path | None:
    """`<root>/<kind>/`, made private (0700) if new; None if off or not writable."""
    base = root()
    return None if base is None else _usable(base / kind)


@lru_cache(maxsize=32)
def _usable(path: Path) -> Path | None:
    # Asked once per entry read; the folder is made and checked once per process.
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return path if os.access(path, os.W_OK) else None


@lru_cache(maxsize=None)
def code_version(source: str, *versions: str) -> str:
    """What besides its inputs makes a module's entries: its own source and its libraries' versions.

    Why: put into each key, so an edit of the module (or an upgrade) is never served old entries.
    """
    return ":".join((*versions, hashlib.sha256(Path(source).read_bytes()).hexdigest()))


def key(*parts: str | bytes) -> str:
    """A file name for the entry made from `parts` (a hash: same inputs, same name)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def read(kind: str, name: str) -> str | None:
    """The entry's text, or None if it is not there (or caching is off)."""
    data = read_bytes(kind, name)
    try:
        return None if data is None else data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def read_bytes(kind: str, name: str) -> bytes | None:
    path = folder(kind)
    if path is None:
        return None
    try:
        return (path / name).read_bytes()
    except OSError:
        return None


def write(kind: str, name: str, text: str) -> None:
    write_bytes(kind, name, text.encode("utf-8"))


def write_bytes(kind: str, name: str, data: bytes) -> None:
    """Stores the entry; written beside and renamed, so a reader never sees half of it."""
    path = folder(kind)
    if path is None:
        return
    try:
        handle, temporary = tempfile.mkstemp(dir=path, prefix=f".{name}.")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path / name)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
