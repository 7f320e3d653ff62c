"""editions: loading another edition's data, from a folder, a git reference or the archive.

Input: where an edition is kept (a folder, or `ref[:folder]` in git), or the current edition
whose `authority.yaml` names its previous one. Output: that edition's validated `Handbook`.
Reads files (and git objects); a comparison of data with errors would mislead, so an edition
that does not validate is a `HandbookUserError` naming it.
"""

from __future__ import annotations

from pathlib import Path

from handbook.core.errors import HandbookUserError
from handbook.data.gitsource import edition_folder
from handbook.data.model import Handbook
from handbook.data.validate import load_handbook


def load_edition(source: str) -> Handbook:
    """The validated handbook of one edition, wherever it is kept."""
    with edition_folder(source) as folder:
        try:
            return load_handbook(folder)
        except HandbookUserError as error:
            raise HandbookUserError(f"the edition {source!r} cannot be compared: {error}", status=1) from error


def previous_edition(handbook: Handbook, data_dir: Path | str) -> Handbook | None:
    """The previous edition the data names (`edition.previous`, a folder under `data_dir`), or None."""
    previous = handbook.authority.edition.previous
    if previous is None:
        return None
    folder = Path(data_dir) / previous
    if not folder.is_dir():
        raise HandbookUserError(f"authority.yaml names the previous edition's data as {previous!r}, but there is no folder {folder}", status=1)
    return load_handbook(folder)
