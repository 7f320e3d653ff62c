"""The whole print document: metadata, order of parts, contents targets, nothing internal."""

import re
from pathlib import Path

import pytest

from handbook.data.model.types import Visibility
from handbook.pdf.assemble import assemble, book_title


@pytest.fixture(scope="module")
def book(sample_handbook, sample_data) -> str:
    return assemble(sample_handbook, sample_data)


def test_the_document_names_its_language_title_and_author(book, sample_handbook):
    assert book.startswith("<!DOCTYPE html>\n<html lang=\"en-GB\">")
    assert f"<title>{book_title(sample_handbook)}</title>" in book.replace("&#39;", "'")
    assert '<meta name="author" content="Westmarch County Council">' in book


def test_sections_come_first_then_appendices_in_order(book):
    titles = re.findall(r'<h1 id="[^"]+"><span class="heading-number">([^<]+)</span>', book)
    numbers = [t for t in titles if t.isdigit()]
    letters = [t for t in titles if not t.isdigit()]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)] and len(numbers) >= 9
    assert letters == ["Appendix " + chr(ord("A") + i) for i in range(len(letters))] and len(letters) >= 4
    assert titles == numbers + letters


def test_every_contents_entry_points_at_a_heading_in_the_book(book):
    ids = set(re.findall(r'\sid="([^"]+)"', book))
    targets = re.findall(r'<a class="toc-(?:main|front)" href="#([^"]+)"', book)
    assert len(targets) >= 30 and set(targets) <= ids


def test_ids_are_unique_in_the_book(book):
    ids = re.findall(r'\sid="([^"]+)"', book)
    assert len(ids) == len(set(ids))


def test_nothing_internal_is_in_the_document(book, sample_handbook):
    for service in sample_handbook.services.services:
        if service.visibility is Visibility.INTERNAL:
            assert service.name not in book
    for role in sample_handbook.contacts.roles:
        if role.visibility is Visibility.INTERNAL:
            assert role.title not in book and str(role.email) not in book


def test_without_the_docs_the_book_is_made_from_data_alone(sample_handbook, sample_data, tmp_path: Path):
    book = assemble(sample_handbook, sample_data, project_dir=tmp_path)
    headings = re.findall(r'<h1 id="([^"]+)">', book)
    assert headings[0] == "foreword" and {"catalogue", "prices", "contacts"} <= set(headings)
