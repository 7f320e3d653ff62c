"""reproducible: the one build time every output carries, so two builds of a commit are identical.

Input: the environment and the project's git history. Output: a UNIX time in seconds. The
convention is `SOURCE_DATE_EPOCH` (reproducible-builds.org): when it is set, every date a build
writes (the PDF's dates and ids, the sitemap's `lastmod`) derives from it; when it is not, the
time of the last commit of the folder's repository stands in, so a checkout rebuilt tomorrow
writes the same bytes. It never reads the clock.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

VARIABLE = "SOURCE_DATE_EPOCH"
# Used only outside any git repository with no SOURCE_DATE_EPOCH: a fixed time, never "now".
FALLBACK = 0


def source_date_epoch(folder: Path | str = ".") -> int:
    """`SOURCE_DATE_EPOCH` when it holds a whole number, else the last commit's time in `folder`.

    Why not the clock: a date that changes with each build makes every build's files differ,
    so nobody can check that a published PDF came from the commit it claims.
    """
    value = os.environ.get(VARIABLE, "").strip()
    if value.isdigit():
        return int(value)
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=folder, capture_output=True, text=True, check=False)
    except (FileNotFoundError, NotADirectoryError):
        return FALLBACK
    stamp = out.stdout.strip()
    return int(stamp) if out.returncode == 0 and stamp.isdigit() else FALLBACK


def environment(folder: Path | str = ".") -> dict[str, str]:
    """`{"SOURCE_DATE_EPOCH": ...}` for a build step (MkDocs reads it for the sitemap's dates)."""
    return {VARIABLE: str(source_date_epoch(folder))}
