"""The real PDF edition, read once per session from the shared built site (no second build)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader


@pytest.fixture(scope="session")
def pdf_path(built_site: Path, sample_handbook) -> Path:
    from handbook.views.edition import pdf_filename

    path = built_site / "pdf" / pdf_filename(sample_handbook)
    assert path.is_file(), f"the site build wrote no PDF at {path}"
    return path


@pytest.fixture(scope="session")
def pdf_reader(pdf_path: Path) -> PdfReader:
    return PdfReader(pdf_path)


@pytest.fixture(scope="session")
def pdf_pages(pdf_path: Path) -> list[str]:
    """Each page's text as pdftotext (poppler) lays it out, page 1 first."""
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf_path), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


@pytest.fixture(scope="session")
def pdf_raw(pdf_path: Path) -> str:
    """The whole PDF's text in the order it was drawn (pdftotext -raw): a table cell by cell."""
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf_path), "-"], capture_output=True, text=True, check=True).stdout


def _squash(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2010", "-").replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="session")
def squash():
    """Whitespace collapsed, typographic quotes and hyphens made plain: for comparing text."""
    return _squash


SITE = "https://handbook.example/"
EPOCH = 1_700_000_000  # a PDF's date in the tests that compile one: any fixed time


@pytest.fixture()
def book(sample_handbook):
    """An empty book with the sample's services and a site address, as `assemble` makes one."""
    from handbook.pdf.book import Book
    from handbook.pdf.links import Links
    from handbook.views.catalogue import service_ids

    return Book(Links(frozenset(service_ids(sample_handbook)), SITE))


@pytest.fixture(scope="session")
def printed():
    """A function: Typst body markup -> the text of the PDF it makes (pdftotext -layout, or
    `layout=False`: -raw, the order it was drawn in, a table cell by cell).

    It compiles real Typst with `book.typ` (a fraction of a second for a page), so what is
    checked is what a reader would see.
    """
    from handbook.pdf.assemble import Settings, Typeset
    from handbook.pdf.write import render_pdf

    settings = Settings("Book", "Author", "About", ("a",), "en-GB", "#1d4f73", "#8a3b12", "Book", "2026-27 edition")

    def text_of(tmp_path: Path, body: str, files: dict | None = None, layout: bool = True) -> str:
        path = tmp_path / "book.pdf"
        path.write_bytes(render_pdf(Typeset("#set page(header: running-head, footer: main-footer)\n" + body, settings, files or {}), EPOCH))
        mode = "-layout" if layout else "-raw"
        return subprocess.run(["pdftotext", mode, "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout

    return text_of


@pytest.fixture(scope="session")
def sample_book(sample_handbook, sample_data, root):
    """The sample's book as `assemble` writes it (Typst and settings), from the sample project."""
    from handbook.core.project import project_at
    from handbook.pdf.assemble import assemble

    return assemble(sample_handbook, sample_data, project_at(root / "mkdocs.yml"))
