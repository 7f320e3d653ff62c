"""write: the assembled print HTML -> the PDF edition, a tagged PDF/UA-1 file, written atomically.

Input: a validated `Handbook` (or a data folder, validated here). Output: the PDF at the path
given, replaced in one rename so a reader never sees half a file. WeasyPrint renders the book
directly (no browser, no JavaScript): tags, bookmarks and page references come from the HTML
and `print.css`. Never prints problems itself; bad data is a `HandbookUserError`.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

import pydyf
from weasyprint import HTML

from handbook.model import Handbook
from handbook.pdf.assemble import assemble
from handbook.pdf.links import drop_dangling
from handbook.views.edition import pdf_filename

def _page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
    kids = pdf.pages["Kids"]
    cached = pdf.__dict__.get("_handbook_page_references")
    if cached is None or cached[0] != len(kids):
        cached = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
        pdf.__dict__["_handbook_page_references"] = cached
    return cached[1]


# Why: pydyf 0.13 rebuilds the tuple of every page's reference on each `page_references` read,
# and WeasyPrint's PDF/UA tagger reads it once per tagged element, so a tagged PDF took time
# proportional to pages x elements (20 s of a 285-page build). Pages are only ever appended,
# so the tuple is cached per page count: the same values, built once.
pydyf.PDF.page_references = property(_page_references)

# WeasyPrint logs every CSS property it ignores (Material-free, but Markdown extensions emit
# a few) at WARNING; the build's output should stay about the build.
logging.getLogger("weasyprint").setLevel(logging.ERROR)


def render_pdf(html: str, base_url: Path) -> bytes:
    """The book's HTML as PDF bytes: PDF/UA-1, tagged, with HTML presentational hints."""
    document = HTML(string=html, base_url=str(base_url))
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True, presentational_hints=True)


def write_pdf(handbook: Handbook, data_dir: Path, out_path: Path) -> Path:
    """Writes the PDF edition of `handbook` to `out_path` (a temporary file, then a rename).

    Args:
        handbook: the validated data.
        data_dir: its folder; the prose pages (docs/ beside it) and "What has changed" use it.
        out_path: where the PDF goes; its folder is created.

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
            handle.write(render_pdf(html, data_dir.resolve()))
        os.chmod(tmp, 0o644)
        os.replace(tmp, out_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out_path


def write_pdf_for(data_dir: Path, site_dir: Path) -> Path:
    """Validates the data folder, then writes its PDF to `site_dir/pdf/<pdf_filename>`."""
    from handbook.validate import load_handbook

    handbook = load_handbook(data_dir)
    return write_pdf(handbook, data_dir, Path(site_dir) / "pdf" / pdf_filename(handbook))
