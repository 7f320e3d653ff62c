"""diff: two editions named as folders or git refs -> the `ChangeReport` between them.

Input: `old` and `new`, each a data folder or a git tag/branch/commit (optionally `ref:folder`).
Output: `handbook.views.changes.ChangeReport`, made on what each edition published and filtered
by the newer edition's privacy (the rule is stated in `handbook.views.changes`), so the CLI, the
site page and the PDF can print it whole. Each edition is validated first: a comparison
of data with errors would mislead, so that is a `HandbookUserError` naming the edition. It
never changes the working tree or the repository.
"""

from __future__ import annotations

from pathlib import Path

from handbook.errors import HandbookUserError
from handbook.gitsource import edition_folder
from handbook.model import Handbook
from handbook.validate import load_handbook
from handbook.views.changes import ChangeReport, compare


def load_edition(source: str) -> Handbook:
    """The validated handbook of one edition, wherever it is kept."""
    with edition_folder(source) as folder:
        try:
            return load_handbook(folder)
        except HandbookUserError as error:
            raise HandbookUserError(f"the edition {source!r} cannot be compared: {error}", status=1) from error


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


def edition_changes(handbook: Handbook, data_dir: Path | str) -> ChangeReport | None:
    """The current edition compared with the previous one its data names, or `None` if none.

    Why here and not in the site: the site page and the PDF section must show the same report,
    and views read no files.
    """
    previous = handbook.authority.edition.previous
    if previous is None:
        return None
    folder = Path(data_dir) / previous
    if not folder.is_dir():
        raise HandbookUserError(f"authority.yaml names the previous edition's data as {previous!r}, but there is no folder {folder}", status=1)
    return compare(load_handbook(folder), handbook)
