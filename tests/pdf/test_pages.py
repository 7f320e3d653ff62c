"""The pages the book prints: the nav's reading order, parts by role, appendices, `print: false`."""

from pathlib import Path

from handbook.core.project import project_at
from handbook.pdf.pages import BookPage, anchor_for, book_pages, is_appendix, untitled


def _project(tmp_path: Path, nav: str, pages: dict[str, str]):
    (tmp_path / "docs").mkdir()
    for name, text in pages.items():
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(f"site_name: x\nnav:\n{nav}", encoding="utf-8")
    return project_at(tmp_path / "mkdocs.yml")


def test_the_sample_prints_the_navs_pages_in_order_without_the_officers_guide(root: Path):
    pages = book_pages(project_at(root / "mkdocs.yml"))
    nav = [page.path for page in project_at(root / "mkdocs.yml").nav]
    # Off paper: the officers' guide, and the pages per kind of school (generated at build time with
    # `print: false`; the catalogue and the price list already print what they say), and the downloads
    # page (generated, `print: false`: paper has no files).
    assert [page.path for page in pages] == [path for path in nav if path != "officers-guide.md" and not path.startswith(("schools/", "downloads/"))]
    roles = {page.path: page.role for page in pages}
    assert roles["index.md"] == "foreword" and roles["catalogue.md"] == "catalogue" and roles["structure.md"] is None


def test_a_page_whose_front_matter_says_print_false_is_left_out(tmp_path: Path):
    project = _project(tmp_path, "  - a.md\n  - b.md\n", {"a.md": "---\nprint: false\n---\n# A\n", "b.md": "# B\n"})
    assert [page.path for page in book_pages(project)] == ["b.md", "catalogue.md", "prices.md", "contacts.md"]


def test_the_parts_the_book_always_carries_are_added_when_the_nav_lacks_them(tmp_path: Path):
    project = _project(tmp_path, "  - Price list: prices.md\n  - Gone: missing.md\n", {})
    pages = book_pages(project)
    assert [(page.path, page.role, page.file) for page in pages] == [
        ("prices.md", "prices", None), ("catalogue.md", "catalogue", None), ("contacts.md", "contacts", None)
    ]


def test_titles_lose_the_sites_numbers_and_anchors_follow_roles():
    assert untitled("3. Key partnerships") == "Key partnerships" and untitled("Appendix B: Groups") == "Groups"
    assert BookPage("structure.md", "S", None, None).anchor == "page-structure"
    assert BookPage("prices.md", "P", "prices", None).anchor == "prices"
    assert anchor_for("contacts") == "contacts" and anchor_for("") == "foreword" and anchor_for("role") is None


def test_an_appendix_by_its_file_name_its_first_heading_or_its_role():
    assert is_appendix(BookPage("appendix-c.md", "C", None, None), None)
    assert is_appendix(BookPage("groups.md", "G", None, None), "Appendix C: Groups")
    assert is_appendix(BookPage("contacts.md", "C", "contacts", None), None)
    assert not is_appendix(BookPage("role.md", "R", None, None), "2. The council's role")


def test_the_accessibility_statement_is_end_matter():
    assert is_appendix(BookPage("accessibility.md", "Accessibility statement", None, None), "Accessibility statement")


def test_the_pdf_ends_with_the_accessibility_statement(pdf_pages):
    last = "\n".join(pdf_pages[-3:])
    assert "Accessibility statement" in pdf_pages[1] + pdf_pages[2] + pdf_pages[3]  # listed in the contents
    assert "Enforcement procedure" in last and "Preparation of this accessibility statement" in last
