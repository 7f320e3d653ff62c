"""The whole book: settings as values, order of parts, contents targets, nothing internal."""

import re
from pathlib import Path

from handbook.core.project import project_at
from handbook.data.model.types import Visibility
from handbook.pdf.assemble import assemble, book_title


def test_the_settings_are_the_datas_values(sample_book, sample_handbook):
    settings = sample_book.settings
    assert settings.title == book_title(sample_handbook) and settings.author == "Westmarch County Council"
    assert settings.lang == "en-GB" and settings.primary == sample_handbook.authority.branding.primary_colour
    assert settings.book_title == sample_handbook.authority.handbook.title
    assert settings.edition_line == "2026-27 edition · Westmarch County Council"


def test_sections_come_first_then_appendices_in_order(sample_book):
    titles = re.findall(r"#hb-heading\(1\)\[#hb-number\[([^\]]+)\]", sample_book.body)
    numbers = [t for t in titles if t.isdigit()]
    letters = [t for t in titles if not t.isdigit()]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)] and len(numbers) >= 9
    assert letters == ["Appendix " + chr(ord("A") + i) for i in range(len(letters))] and len(letters) >= 4
    assert titles == numbers + letters


def test_every_contents_entry_and_link_points_at_a_label_of_the_book(sample_book):
    labels = set(re.findall(r"<([A-Za-z_][\w.:-]*)>\n", sample_book.body)) | set(re.findall(r'#hb-anchor\("([^"]+)"\)', sample_book.body))
    targets = re.findall(r'#hb-toc-entry\(\d, "([^"]+)"', sample_book.body)
    refs = re.findall(r'#hb-ref\("([^"]+)"\)', sample_book.body)
    assert len(targets) >= 30 and set(targets) <= labels
    assert refs and set(refs) <= labels
    assert "\x00" not in sample_book.body


def test_each_label_is_written_once(sample_book):
    labels = re.findall(r"<([A-Za-z_][\w.:-]*)>\n", sample_book.body) + re.findall(r'#hb-anchor\("([^"]+)"\)', sample_book.body)
    assert len(labels) == len(set(labels))


def test_the_logo_and_the_chart_are_files_beside_the_book(sample_book):
    assert list(sample_book.files) == ["image-1.svg", "image-2.svg"]
    assert sample_book.body.count('hb-logo("image-1.svg"') == 1


def test_nothing_internal_is_in_the_book(sample_book, sample_handbook):
    for service in sample_handbook.services.services:
        if service.visibility is Visibility.INTERNAL:
            assert f"service-{service.id}" not in sample_book.body
    for role in sample_handbook.contacts.roles:
        if role.visibility is Visibility.INTERNAL:
            assert f"role-{role.id}" not in sample_book.body


def test_without_prose_pages_the_book_is_made_from_data_alone(sample_handbook, sample_data, tmp_path: Path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    body = assemble(sample_handbook, sample_data, project_at(tmp_path / "mkdocs.yml")).body
    headings = re.findall(r"\] <([\w-]+)>\n", body)
    assert headings[0] == "foreword" and {"catalogue", "prices", "contacts", "contacts-chart"} <= set(headings)
    assert "#hb-signatories[" in body
