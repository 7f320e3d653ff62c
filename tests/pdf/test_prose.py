"""The site's prose pages placed in the book: order, roles, numbered headings, the chart."""

from pathlib import Path

from handbook.pdf.outline import Outline
from handbook.pdf.prose import find_project, has_chart, nav_pages, section_page, front_page
from handbook.presentation.prose import PROSE_PAGES


def test_the_project_is_found_beside_the_data_folder(root: Path, sample_data: Path, tmp_path: Path, monkeypatch):
    assert find_project(sample_data) == root
    monkeypatch.chdir(tmp_path)
    assert find_project(tmp_path / "data") is None


def test_pages_follow_the_sites_reading_order_with_their_roles(root: Path):
    pages = nav_pages(root)
    assert [p.path for p in pages] == [path for path, _ in PROSE_PAGES if (root / "docs" / path).exists()]
    roles = {p.path: p.role for p in pages}
    assert roles["index.md"] == "foreword" and roles["catalogue.md"] == "catalogue" and roles["structure.md"] is None
    appendix = {p.path: p.appendix for p in pages}
    assert appendix["appendix-a.md"] and not appendix["structure.md"]
    assert next(p for p in pages if p.path == "structure.md").title == "The structure of children's services"


def test_a_section_is_numbered_from_the_book_not_the_page(root, sample_handbook, sample_data):
    page = next(p for p in nav_pages(root) if p.path == "role.md")
    outline = Outline()
    html = str(section_page(page, sample_handbook, sample_data, outline, "2"))
    assert html.startswith('<h1 id="page-role"><span class="heading-number">2</span> The council')
    assert "2. The council" not in html  # the page's own number is not printed twice
    assert [e.number for e in outline.entries][:3] == ["2", "2.1", "2.2"]


def test_the_home_page_prints_from_its_foreword(root, sample_handbook, sample_data):
    page = next(p for p in nav_pages(root) if p.role == "foreword")
    outline = Outline()
    html = str(front_page(page, sample_handbook, sample_data, outline))
    assert html.startswith('<h1 id="foreword">Foreword</h1>')
    assert "Find what you need" not in html
    assert sample_handbook.authority.foreword.signatories[0].name in html
    assert outline.entries[0].front


def test_the_structure_page_carries_the_chart_redrawn_as_an_image(root, sample_handbook, sample_data):
    pages = nav_pages(root)
    assert has_chart(pages)
    page = next(p for p in pages if p.path == "structure.md")
    html = str(section_page(page, sample_handbook, sample_data, Outline(), "1"))
    assert '<img class="org-chart" src="data:image/svg+xml;base64,' in html and "<svg" not in html
