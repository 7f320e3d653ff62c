"""write: the assembled print HTML -> the PDF edition, a tagged PDF/UA-1 file, written atomically.

Input: a validated `Handbook` (or a data folder, validated here). Output: the PDF at the path
given, replaced in one rename so a reader never sees half a file. `typeset` turns the book's
HTML into Typst markup over the components of `book.typ`; the Typst compiler (a library, no
browser, no JavaScript) lays it out and writes a tagged PDF/UA-1 file, checking PDF/UA's rules
as it goes. The file is reproducible: its dates come from `SOURCE_DATE_EPOCH` (or the last
commit), its ids from that and the content, never from the clock or the temporary folder. Never
prints problems itself; bad data is a `HandbookUserError`.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import typst

from handbook.core.errors import HandbookUserError
from handbook.core.reproducible import source_date_epoch
from handbook.data.model import Handbook
from handbook.pdf.assemble import assemble
from handbook.pdf.links import drop_dangling
from handbook.pdf.markup import string
from handbook.pdf.typeset import Book, typeset
from handbook.views.edition import pdf_filename

HERE = Path(__file__).resolve().parent
STYLE = HERE / "book.typ"
# Debian's Noto fonts (installed by `make system`), the only fonts the book may use:
# fonts-noto-core (Latin, Greek, Cyrillic, Hebrew, Arabic, the Indic scripts, symbols) installs
# TrueType files in the first folder, fonts-noto-cjk (Han, kana, Hangul) OpenType in the second.
FONT_DIRS = (Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/opentype/noto"))
FONT_PACKAGES = "fonts-noto-core and fonts-noto-cjk"


def _read_file(uri: str) -> bytes | None:
    """A `file://` image of the book (the logo) as bytes, or None when it cannot be read."""
    try:
        return Path(unquote(urlparse(uri).path)).read_bytes()
    except OSError:
        return None


def _settings(book: Book) -> str:
    """The Typst dictionary `hb-settings` that `book.typ` reads, every value a string literal."""
    lang, _, region = book.lang.partition("-")
    values = {
        "title": string(book.title),
        "author": string(book.author),
        "description": string(book.description),
        "keywords": "(" + "".join(f"{string(k)}, " for k in book.keywords) + ")",
        "lang": string(lang.lower() or "en"),
        "region": string(region.upper()) if region else "none",
        "primary": string(book.primary),
        "accent": string(book.accent),
        "book-title": string(book.book_title),
        "edition-line": string(book.edition_line),
    }
    return "#let hb-settings = (" + ", ".join(f"{key}: {value}" for key, value in values.items()) + ")\n"


def compile_book(html: str, epoch: int) -> tuple[bytes, list[typst.TypstWarning]]:
    """The book's HTML as PDF bytes (PDF/UA-1, tagged, fonts embedded, dated `epoch`) and Typst's warnings.

    Why `epoch`: Typst writes the PDF's creation and modification dates from it, and its ids
    from it, the title, the author and the content, so the same book and epoch give the same
    bytes (the clock would make every build differ).

    Args:
        html: the assembled print HTML.
        epoch: UNIX seconds (`handbook.core.reproducible.source_date_epoch`).
    """
    body, book = typeset(html, _read_file)
    source = _settings(book) + STYLE.read_text(encoding="utf-8") + body
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
                font_paths=[str(fonts) for fonts in FONT_DIRS],
                ignore_system_fonts=True,
                pdf_standards=["ua-1"],
                timestamp=epoch,
            )
        except typst.TypstError as error:
            # All text reaches Typst escaped, so this is the book's own markup failing (or a
            # PDF/UA rule the content breaks): say what Typst said, without a traceback.
            raise HandbookUserError(f"the PDF could not be typeset: {error.message}", status=1) from error


def render_pdf(html: str, epoch: int) -> bytes:
    """`compile_book`'s PDF, refused when a warning means the book would print wrong."""
    pdf, warnings = compile_book(html, epoch)
    # Typst only warns in two cases that would print a wrong book, so they stop the build: without
    # its fonts every letter is missing, and if its layout does not settle, the contents' and
    # "see page" numbers may not match the pages.
    for warning in warnings:
        if "font" in warning.message:
            folders = " and ".join(str(fonts) for fonts in FONT_DIRS)
            raise HandbookUserError(f"the PDF needs the Noto fonts in {folders} (Debian's {FONT_PACKAGES}; `make system` installs them): {warning.message}", status=1)
        if "converge" in warning.message:
            raise HandbookUserError(f"the PDF's page numbers did not settle, so it was not written: {warning.message}", status=1)
    return pdf


def write_pdf(handbook: Handbook, data_dir: Path, out_path: Path, epoch: int | None = None) -> Path:
    """Writes the PDF edition of `handbook` to `out_path` (a temporary file, then a rename).

    Args:
        handbook: the validated data.
        data_dir: its folder; the prose pages (docs/ beside it) and "What has changed" use it.
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
            html = drop_dangling(assemble(handbook, data_dir))
            handle.write(render_pdf(html, source_date_epoch(data_dir) if epoch is None else epoch))
        os.chmod(tmp, 0o644)
        os.replace(tmp, out_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out_path


def write_pdf_for(data_dir: Path, site_dir: Path) -> Path:
    """Validates the data folder, then writes its PDF to `site_dir/pdf/<pdf_filename>`."""
    from handbook.data.validate import load_handbook

    handbook = load_handbook(data_dir)
    return write_pdf(handbook, data_dir, Path(site_dir) / "pdf" / pdf_filename(handbook))
