"""write: the book in Typst -> the PDF edition, a tagged PDF/UA-1 file, written atomically.

Input: a validated `Handbook` (or a data folder, validated here) and its `Project`. Output: the
PDF at the path given, replaced in one rename so a reader never sees half a file. `assemble`
writes the book as Typst markup over the components of `book.typ`, and its settings as values;
the Typst compiler (a library, no browser, no JavaScript) lays it out and writes a tagged
PDF/UA-1 file, checking PDF/UA's rules as it goes, in the fonts `fonts` finds. The file is
reproducible: its dates come from `SOURCE_DATE_EPOCH` (or the last commit), its ids from that and
the content, never from the clock or the temporary folder. Never prints problems itself; bad
data is a `HandbookUserError`.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import typst

from handbook.core.errors import HandbookUserError
from handbook.core.project import Project
from handbook.core.reproducible import source_date_epoch
from handbook.data.model import Handbook
from handbook.pdf.assemble import Settings, Typeset, assemble
from handbook.pdf.fonts import PACKAGES, font_folders
from handbook.pdf.markup import string
from handbook.views.edition import pdf_filename

HERE = Path(__file__).resolve().parent
STYLE = HERE / "book.typ"


def settings_markup(settings: Settings) -> str:
    """The Typst dictionary `hb-settings` that `book.typ` reads, every value a string literal."""
    lang, _, region = settings.lang.partition("-")
    values = {
        "title": string(settings.title),
        "author": string(settings.author),
        "description": string(settings.description),
        "keywords": "(" + "".join(f"{string(k)}, " for k in settings.keywords) + ")",
        "lang": string(lang.lower() or "en"),
        "region": string(region.upper()) if region else "none",
        "primary": string(settings.primary),
        "accent": string(settings.accent),
        "book-title": string(settings.book_title),
        "edition-line": string(settings.edition_line),
    }
    return "#let hb-settings = (" + ", ".join(f"{key}: {value}" for key, value in values.items()) + ")\n"


def compile_book(book: Typeset, epoch: int) -> tuple[bytes, list[typst.TypstWarning]]:
    """The book as PDF bytes (PDF/UA-1, tagged, fonts embedded, dated `epoch`) and Typst's warnings.

    Why `epoch`: Typst writes the PDF's creation and modification dates from it, and its ids
    from it, the title, the author and the content, so the same book and epoch give the same
    bytes (the clock would make every build differ).

    Args:
        book: the assembled book (`assemble.assemble`).
        epoch: UNIX seconds (`handbook.core.reproducible.source_date_epoch`).
    """
    source = settings_markup(book.settings) + STYLE.read_text(encoding="utf-8") + book.body
    fonts = font_folders()  # a HandbookUserError naming what to install when they are missing
    with tempfile.TemporaryDirectory(prefix="handbook-pdf-") as folder:
        # Typst reads images from files beside the source, and nothing outside that folder.
        root = Path(folder)
        for name, data in book.files.items():
            (root / name).write_bytes(data)
        (root / "book.typ").write_text(source, encoding="utf-8")
        try:
            return typst.compile_with_warnings(
                str(root / "book.typ"),
                root=str(root),
                font_paths=[str(folder) for folder in fonts],
                ignore_system_fonts=True,
                pdf_standards=["ua-1"],
                timestamp=epoch,
            )
        except typst.TypstError as error:
            # All text reaches Typst escaped, so this is the book's own markup failing (or a
            # PDF/UA rule the content breaks): say what Typst said, without a traceback.
            raise HandbookUserError(f"the PDF could not be typeset: {error.message}", status=1) from error


def render_pdf(book: Typeset, epoch: int) -> bytes:
    """`compile_book`'s PDF, refused when a warning means the book would print wrong."""
    pdf, warnings = compile_book(book, epoch)
    # Typst only warns in two cases that would print a wrong book, so they stop the build: without
    # its fonts every letter is missing, and if its layout does not settle, the contents' and
    # "see page" numbers may not match the pages.
    for warning in warnings:
        if "font" in warning.message:
            folders = " and ".join(str(folder) for folder in font_folders())
            raise HandbookUserError(f"the PDF needs the Noto fonts in {folders} (Debian's {PACKAGES}; `make system` installs them): {warning.message}", status=1)
        if "converge" in warning.message:
            raise HandbookUserError(f"the PDF's page numbers did not settle, so it was not written: {warning.message}", status=1)
    return pdf


def write_pdf(handbook: Handbook, data_dir: Path, out_path: Path, project: Project, epoch: int | None = None) -> Path:
    """Writes the PDF edition of `handbook` to `out_path` (a temporary file, then a rename).

    Args:
        handbook: the validated data.
        data_dir: its folder; the prose pages' macros and "What has changed" read it.
        project: the project whose nav, docs and site address the book follows
            (`handbook.core.project.project_at`).
        out_path: where the PDF goes; its folder is created.
        epoch: the PDF's date in UNIX seconds; by default `SOURCE_DATE_EPOCH`, else the time of
            the last commit of the data's repository (`handbook.core.reproducible`), never the clock.

    Returns:
        `out_path`.
    """
    data_dir = Path(data_dir)
    out_path = Path(out_path)
    # The temporary file first: a folder that cannot be written fails now, not after the render.
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".tmp", dir=out_path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            book = assemble(handbook, data_dir, project)
            handle.write(render_pdf(book, source_date_epoch(data_dir) if epoch is None else epoch))
        os.chmod(tmp, 0o644)
        os.replace(tmp, out_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out_path


def write_pdf_for(data_dir: Path, site_dir: Path, project: Project) -> Path:
    """Validates the data folder, then writes its PDF to `site_dir/pdf/<pdf_filename>`."""
    from handbook.data.validate import load_handbook

    handbook = load_handbook(data_dir)
    return write_pdf(handbook, data_dir, Path(site_dir) / "pdf" / pdf_filename(handbook), project)
