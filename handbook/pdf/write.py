"""write: the assembled print HTML -> the PDF edition, a tagged PDF/UA-1 file, written atomically.

Input: a validated `Handbook` (or a data folder, validated here). Output: the PDF at the path
given, replaced in one rename so a reader never sees half a file. WeasyPrint renders the book
directly (no browser, no JavaScript): tags, bookmarks and page references come from the HTML
and `print.css`. Never prints problems itself; bad data is a `HandbookUserError`.
"""

from __future__ import annotations

import logging
import os
import resource
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from weasyprint import HTML

from handbook.model import Handbook
from handbook.pdf.assemble import assemble
from handbook.pdf.links import drop_dangling
from handbook.views.edition import pdf_filename

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
    html = drop_dangling(assemble(handbook, data_dir))
    pdf = render_pdf(html, data_dir.resolve())
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".tmp", dir=out_path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(pdf)
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


@dataclass(frozen=True)
class Measurement:
    """One PDF build as the benchmark reports it."""

    seconds: float
    peak_mb: float  # the process's peak resident memory so far (Linux ru_maxrss)
    pages: int
    size_bytes: int
    path: Path


def measure_pdf(data_dir: Path, out_dir: Path) -> Measurement:
    """Builds the PDF for a data folder and reports its time, pages, size and peak memory.

    Why peak memory of the whole process: WeasyPrint's layout is the largest allocation, and
    the benchmark runs each size in a fresh process so the figure is this build's own.
    """
    from pypdf import PdfReader

    from handbook.validate import load_handbook

    start = time.perf_counter()
    handbook = load_handbook(data_dir)
    path = write_pdf(handbook, data_dir, Path(out_dir) / pdf_filename(handbook))
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return Measurement(seconds, peak_mb, len(PdfReader(path).pages), path.stat().st_size, path)
