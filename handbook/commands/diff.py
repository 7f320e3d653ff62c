"""diff: two editions named as folders or git refs -> the `ChangeReport` between them.

Input: `old` and `new`, each a data folder or a git tag/branch/commit (optionally `ref:folder`).
Output: `handbook.views.changes.ChangeReport`, made on what each edition published and filtered
by the newer edition's privacy (the rule is stated in `handbook.views.changes`). Each edition is
loaded and validated by `handbook.data.editions`. It never changes the working tree or the
repository.
"""

from __future__ import annotations

from handbook.core.errors import HandbookUserError
from handbook.data.editions import load_edition
from handbook.views.changes import ChangeReport, compare


def compare_sources(old: str, new: str, threshold: float | None = None) -> ChangeReport:
    """What changed from edition `old` to edition `new`.

    Args:
        old: the older edition (folder or git ref).
        new: the newer edition (folder or git ref).
        threshold: flag price rises above this percentage; default is the newer edition's
            `pricing.rise_threshold_percent` in authority.yaml.
    """
    if threshold is not None and threshold < 0:
        raise HandbookUserError(f"--threshold must be a percentage of 0 or more, not {threshold:g}")
    return compare(load_edition(old), load_edition(new), threshold)
