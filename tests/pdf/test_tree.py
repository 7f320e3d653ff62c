"""A parsed page as Typst: text prints as itself, never as code; structure and links survive.

Several tests compile real Typst (the `printed` fixture) and read the PDF back with pdftotext.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from handbook.pdf.parse import prose_tree
from handbook.pdf.tree import Writer


def typst_of(book, markdown: str, stem: str | None = "page") -> str:
    return book.finish(Writer(book, stem).blocks(prose_tree(markdown)))


@pytest.mark.parametrize(
    "words",
    [
        '#read("/etc/passwd")',
        "#panic(1) $x^2$ *bold* _em_ `raw` @ref <label> // comment /* block */",
        '\\#" ] [ } { ~ -- --- ... \'quoted\' "double"',
    ],
)
def test_text_that_looks_like_typst_prints_as_typed(tmp_path, book, printed, words):
    root = ET.Element("div")
    ET.SubElement(root, "p").text = words
    body = Writer(book).blocks(root)
    assert " ".join(words.split()) in " ".join(printed(tmp_path, body).split())


def test_headings_never_skip_a_level(book):
    body = typst_of(book, "# A\n\n### B\n\n### C\n\n#### D\n\n## E\n")
    assert re.findall(r"#hb-heading\((\d)\)", body) == ["1", "2", "2", "3", "2"]


def test_a_link_inside_the_book_prints_its_page_and_an_outside_one_its_address(tmp_path, book, printed):
    body = typst_of(book, "# Title\n\nRead [the rules](#there) and [the site](https://example.org/a).\n\n## There {: #there }\n", stem=None)
    text = " ".join(printed(tmp_path, body).split())
    assert "the rules (see page 1)" in text
    assert "the site (https://example.org/a)" in text


def test_a_link_to_an_anchor_the_book_lacks_is_its_words_alone(book):
    body = typst_of(book, "See [a service](services/fraud-review/) and [that page](gone.md).\n")
    assert "hb-ref" not in body and "see page" not in body
    assert "a service" in body and "that page" in body


def test_a_bare_address_is_not_printed_twice(book):
    body = typst_of(book, "<https://gov.uk/>\n")
    assert '#link("https://gov.uk/")' in body and "hb-external" not in body


def test_a_blocks_id_is_written_after_its_first_heading_else_at_its_start(book):
    # An anchor before the block could be left at the foot of the previous page.
    after = Writer(book, "page").blocks(prose_tree('<section id="a" markdown="1">\n\n### Level 1\n\nText\n\n</section>\n'))
    assert '#hb-heading(1)[Level 1] <level-1>\n#hb-anchor("a")\n' in after
    start = Writer(book, "page").blocks(prose_tree('<section id="b" markdown="1">\n\nIntro\n\n### Level 1\n\n</section>\n'))
    assert start.startswith('\n#hb-anchor("b")\n#par[Intro]')
    assert {"a", "b"} <= book.labels


def test_a_table_keeps_every_row_and_its_header(tmp_path, book, printed):
    rows = "".join(f"| Row {n} | £{n},000 |\n" for n in range(1, 121))
    body = typst_of(book, f"# Prices\n\n| What | Price |\n|---|--:|\n{rows}")
    text = printed(tmp_path, body)
    assert all(f"Row {n} " in text for n in range(1, 121))
    assert sum("What" in page and "Price" in page for page in text.split("\f")) >= 2  # the header repeats


def test_a_row_too_tall_for_a_page_continues_rather_than_losing_words(tmp_path, book, printed):
    words = " ".join(f"word{n}" for n in range(1500))
    body = typst_of(book, f"# Groups\n\n| Group | Remit |\n|---|---|\n| Forum | {words} |\n")
    assert "breakable: true" in body
    text = printed(tmp_path, body).split()
    assert all(f"word{n}" in text for n in range(1500))


def test_a_code_block_keeps_its_lines_and_indentation(tmp_path, book, printed):
    body = typst_of(book, "# Guide\n\n    - amount: 2150\n      unit: per day\n\nAfter.\n")
    text = printed(tmp_path, body)
    assert re.search(r"- amount: 2150\n\s+unit: per day\n", text)
    assert "After." in text


def test_an_image_the_book_cannot_hold_prints_its_alternative_text(book):
    body = typst_of(book, '<p><img src="file:///etc/passwd" alt="The logo"> and <img src="https://example.org/a.png" alt="A remote picture"></p>\n')
    assert "The logo" in body and "A remote picture" in body
    assert not book.files


def test_classes_the_table_does_not_name_are_recorded(book):
    typst_of(book, '<p class="hb-signatories">Signed</p>\n\n<div class="hb-unheard-of">x</div>\n')
    assert book.unknown_classes == {"hb-unheard-of"}


def test_the_signatories_are_set_by_their_components(book):
    body = typst_of(book, '<p class="hb-signatories"><span class="hb-signatory"><strong>A</strong><br>Role</span></p>\n')
    assert "#hb-signatories[#hb-signatory[#strong[A]#linebreak()Role]]" in body
