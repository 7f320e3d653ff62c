"""fonts: the folders that hold the fonts the PDF edition is typeset in, found by a rule.

Input: the environment (`HANDBOOK_FONTS`, else fontconfig's `fc-list`) and the families
`book.typ` names. Output: the folders to give Typst, which reads no system font of its own, so
the book is drawn only in the faces it names. Never guesses a path: a missing font, a missing
fontconfig or a wrong `HANDBOOK_FONTS` is a `HandbookUserError` that says what to install or set.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
from pathlib import Path

from handbook.core.errors import HandbookUserError

STYLE = Path(__file__).resolve().parent / "book.typ"
ENVIRONMENT = "HANDBOOK_FONTS"
PACKAGES = "fonts-noto-core, fonts-noto-cjk and fontconfig"
FONT_SUFFIXES = {".ttf", ".otf", ".ttc", ".otc"}
# A family is named in book.typ as a string, e.g. `font: ("Noto Serif",) + body-fonts`.
_FAMILY = re.compile(r'"(Noto [^"]+)"')
# fontconfig writes a font's names comma-separated, and a comma inside a name as `\,`.
_NAME_SEPARATOR = re.compile(r"(?<!\\),")


def _remedy() -> str:
    return (
        f"install Debian's {PACKAGES} (`make system` installs them), or set {ENVIRONMENT} "
        f"to the folders that hold the fonts, separated by {os.pathsep!r}"
    )


def book_families(style: Path = STYLE) -> list[str]:
    """The font families `book.typ` names, in the order it first names them.

    Why read them from `book.typ`: it is the one place the look is decided, so a family added
    there is looked for here with no other edit. Comment lines are left out: they may mention a
    family the book does not use.
    """
    families: dict[str, None] = {}
    for line in style.read_text(encoding="utf-8").splitlines():
        if not line.lstrip().startswith("//"):
            families.update(dict.fromkeys(_FAMILY.findall(line)))
    return list(families)


def _folders_from_environment(value: str) -> list[Path]:
    """The folders `HANDBOOK_FONTS` lists, each checked to exist and to hold a Noto Sans file."""
    folders = []
    for entry in value.split(os.pathsep):
        if not entry:
            continue
        folder = Path(entry)
        if not folder.is_dir():
            raise HandbookUserError(f"{ENVIRONMENT} names {entry!r}, which is not a folder; {_remedy()}")
        # Typst looks for fonts in the folders' subfolders too, so a file anywhere below counts.
        if not any(path.name.startswith("NotoSans") and path.suffix.lower() in FONT_SUFFIXES for path in folder.rglob("*")):
            raise HandbookUserError(f"{ENVIRONMENT} names {entry!r}, which holds no Noto Sans font file (NotoSans*.ttf, .otf or .ttc); {_remedy()}")
        folders.append(folder)
    if not folders:
        raise HandbookUserError(f"{ENVIRONMENT} is set but names no folder; {_remedy()}")
    return folders


def _fontconfig_files() -> dict[str, list[Path]]:
    """Every font fontconfig knows, as the files of each family name (case as fontconfig has it)."""
    try:
        listing = subprocess.run(
            ["fc-list", "--format", "%{family}\t%{file}\n"],
            capture_output=True, text=True, check=True,
        ).stdout
    except FileNotFoundError as error:
        raise HandbookUserError(f"the PDF's fonts are found with fontconfig, and its `fc-list` is not installed: {_remedy()}", status=1) from error
    except subprocess.CalledProcessError as error:
        raise HandbookUserError(f"fontconfig's `fc-list` failed ({error.stderr.strip() or error.returncode}): {_remedy()}", status=1) from error
    files: dict[str, list[Path]] = {}
    for row in listing.splitlines():
        names, _, file = row.partition("\t")
        if not file:
            continue
        for name in _NAME_SEPARATOR.split(names):
            files.setdefault(name.replace("\\,", ",").casefold(), []).append(Path(file))
    return files


def _folders_from_fontconfig(families: list[str]) -> list[Path]:
    """The folders of the files of `families`, by name: each family must be there itself.

    Why `fc-list` and a family check rather than `fc-match`: `fc-match` always answers, with
    another family (DejaVu Sans, say) when the one asked for is absent, and the book would then
    fail later, in Typst, or be printed in a face it does not name.
    """
    files = _fontconfig_files()
    missing = [family for family in families if family.casefold() not in files]
    if missing:
        raise HandbookUserError(f"the PDF needs fonts that fontconfig cannot find ({', '.join(missing)}): {_remedy()}", status=1)
    return sorted({file.parent for family in families for file in files[family.casefold()]})


@functools.lru_cache(maxsize=None)
def _font_folders(environment: str | None) -> tuple[Path, ...]:
    if environment is not None:
        return tuple(_folders_from_environment(environment))
    return tuple(_folders_from_fontconfig(book_families()))


def font_folders() -> list[Path]:
    """The folders to give Typst for the book's fonts, in a stable order.

    `HANDBOOK_FONTS` (folders separated by `os.pathsep`), when set, is used as it is, in its
    order; otherwise fontconfig is asked for the files of every family `book.typ` names and
    their folders are returned sorted. The answer is kept for the rest of the process (one
    `fc-list` per build), per value of `HANDBOOK_FONTS`; a failure is not kept, so it is
    looked for again next time.

    Raises:
        HandbookUserError: a folder of `HANDBOOK_FONTS` is missing or holds no Noto Sans file
            (status 2), or a family is not installed or fontconfig is missing (status 1); the
            message names the Debian packages to install and `HANDBOOK_FONTS`.
    """
    return list(_font_folders(os.environ.get(ENVIRONMENT)))

