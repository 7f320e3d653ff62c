"""gitsource: an edition named as a folder or a git ref -> a folder holding its data files.

Input: `data/archive/2025-26` (a folder), `v2025-26` or `HEAD~3` (a git ref: its `data/`
folder), or `v2025-26:data/archive/2024-25` (a ref and a folder inside it). Output: a folder
with the edition's `*.yaml` data files, temporary when read from git. It only reads the
repository (`git show`); it never checks anything out or touches the working tree.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from handbook.core.errors import HandbookUserError
from handbook.data.model import FILES

DEFAULT_DATA_PATH = "data"


def git(*args: str, cwd: Path | str | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run git, capturing its output; a missing git is a user error, not a traceback."""
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError as error:
        raise HandbookUserError("git is not installed; install it to compare editions by tag or to publish") from error


def _split(source: str) -> tuple[str, str]:
    """`ref:path` -> (ref, path); a bare ref reads the repository's `data/` folder."""
    if ":" in source:
        ref, path = source.split(":", 1)
        return ref, path.strip("/") or DEFAULT_DATA_PATH
    return source, DEFAULT_DATA_PATH


def _is_ref(ref: str) -> bool:
    return git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode == 0


@contextmanager
def edition_folder(source: str) -> Iterator[Path]:
    """Yield a folder with the data of `source` (a folder, or a git ref as described above).

    Why `git show` per file rather than a checkout: the officer's working tree (and any
    uncommitted edits in it) must stay exactly as it is.
    """
    folder = Path(source)
    if folder.is_dir():
        yield folder
        return
    ref, path = _split(source)
    if not _is_ref(ref):
        raise HandbookUserError(f"{source!r} is neither a data folder nor a git tag, branch or commit in this repository")
    temp = Path(tempfile.mkdtemp(prefix="handbook-edition-"))
    try:
        found = 0
        for stem in FILES:
            shown = git("show", f"{ref}:{path}/{stem}.yaml")
            if shown.returncode == 0:
                (temp / f"{stem}.yaml").write_bytes(shown.stdout)
                found += 1
        if not found:
            raise HandbookUserError(f"{ref} has no data files in {path}/; name the folder as {ref}:<folder>")
        yield temp
    finally:
        shutil.rmtree(temp, ignore_errors=True)
