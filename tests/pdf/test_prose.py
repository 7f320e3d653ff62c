"""The site's prose pages placed in the book: ids, numbered headings, the foreword, the chart."""

import pytest

from handbook.core.project import project_at
from handbook.pdf.outline import Outline
from handbook.pdf.pages import book_pages
from handbook.pdf.prose import first_heading, front_page, has_chart, page_tree, section_page


@pytest.fixture(scope="module")
def pages(root):
    return {page.path: page for page in book_pages(project_at(root / "mkdocs.yml"))}


def test_ids_are_prefixed_with_the_page(pages, sample_handbook, sample_data):
    root = page_tree(pages["role.md"], sample_handbook, sample_data)
    ids = [element.get("id") for element in root.iter() if element.get("id")]
    assert ids and all(anchor.startswith("role--") for anchor in ids)
    assert first_heading(root) == "2. The council's role in relation to schools"


def test_a_section_is_numbered_from_the_book_not_the_page(book, pages, sample_handbook, sample_data):
    outline = Outline()
    markup = book.finish(section_page(book, pages["role.md"], page_tree(pages["role.md"], sample_handbook, sample_data), outline, "2"))
    assert markup.startswith('\n#hb-section("2 The council\'s role in relation to schools")\n#hb-heading(1)[#hb-number[2] The council')
    assert "2\\. The council" not in markup  # the page's own number is not printed twice
    assert [e.number for e in outline.entries][:3] == ["2", "2.1", "2.2"]
    assert "#hb-heading(2)[#hb-number[2\\.1] What the law asks of us] <role--what-the-law-asks-of-us>" in markup


def test_the_home_page_prints_from_its_foreword(book, pages, sample_handbook, sample_data):
    outline = Outline()
    markup = book.finish(front_page(book, pages["index.md"], page_tree(pages["index.md"], sample_handbook, sample_data), outline))
    assert markup.startswith('\n#hb-section("Foreword")\n#hb-heading(1)[Foreword] <foreword>')
    assert "Find what you need" not in markup
    assert f"#strong[{sample_handbook.authority.foreword.signatories[0].name}]" in markup
    assert outline.entries[0].front


def test_the_structure_page_carries_the_chart_redrawn_for_paper(book, pages, sample_handbook, sample_data):
    from handbook.pdf.parts import register_chart

    register_chart(book, sample_handbook)
    root = page_tree(pages["structure.md"], sample_handbook, sample_data)
    assert has_chart(root) and not has_chart(page_tree(pages["role.md"], sample_handbook, sample_data))
    markup = section_page(book, pages["structure.md"], root, Outline(), "1")
    assert '#hb-image("image-1.svg", "Organisation chart of' in markup and "<svg" not in markup
