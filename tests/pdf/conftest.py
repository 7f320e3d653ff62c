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


def _squash(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2010", "-").replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="session")
def squash():
    """Whitespace collapsed, typographic quotes and hyphens made plain: for comparing text."""
    return _squash
