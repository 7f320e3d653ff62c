"""The book's HTML as Typst: text prints as itself, never as code; structure survives.

Each test compiles real Typst (`render_pdf`, a fraction of a second for a page) and reads the
PDF back with poppler's pdftotext, so what is checked is what a reader would see.
"""

from __future__ import annotations

import re
import subprocess

import pytest
from pypdf import PdfReader

from handbook.pdf.typeset import typeset
from handbook.pdf.write import render_pdf

EPOCH = 1_700_000_000  # the PDF's date: any fixed time
COVER = (
    '<header class="cover"><div class="cover-band"><p class="cover-title">Book</p>'
    '<div class="cover-edition"><p class="cover-edition-line">2026-27 edition</p></div></div></header>'
)


def book(body: str) -> str:
    return f'<html lang="en-GB"><head><title>Book</title></head><body>{COVER}<section class="part part-section">{body}</section></body></html>'


def pdf_text(tmp_path, html: str) -> str:
    path = tmp_path / "book.pdf"
    path.write_bytes(render_pdf(html, EPOCH))
    result = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    return result.stdout


@pytest.mark.parametrize(
    "words",
    [
        '#read("/etc/passwd")',
        "#panic(1) $x^2$ *bold* _em_ `raw` @ref <label> // comment /* block */",
        "= Not a heading\n- not a list\n+ nor an enum\n1. nor this",
        '\\#" ] [ } { ~ -- --- ... \'quoted\' "double"',
    ],
)
def test_text_that_looks_like_typst_prints_as_typed(tmp_path, words):
    html = book(f"<h1>Title</h1><p>{words.replace('<', '&lt;').replace('>', '&gt;')}</p>")
    printed = " ".join(pdf_text(tmp_path, html).split())
    assert " ".join(words.split()) in printed


def test_headings_never_skip_a_level(tmp_path):
    # PDF/UA-1: an h3 straight after an h1 (a macro's sections) is written as level 2.
    body, _ = typeset(book("<h1>A</h1><h3>B</h3><h3>C</h3><h4>D</h4><h2>E</h2>"), lambda uri: None)
    levels = [line.split("(")[1].split(")")[0] for line in body.splitlines() if line.startswith("#hb-heading(")]
    assert levels == ["1", "2", "2", "3", "2"]


def test_a_link_inside_the_book_prints_its_page_and_an_outside_one_its_address(tmp_path):
    html = book(
        '<h1>Title</h1><p>Read <a class="internal" href="#there">the rules</a> and '
        '<a class="external" href="https://example.org/a">the site</a>.</p>'
        '<h2 id="there">There</h2>'
    )
    printed = " ".join(pdf_text(tmp_path, html).split())
    assert "the rules (see page 2)" in printed
    assert "the site (https://example.org/a)" in printed


def test_a_table_keeps_every_row_and_its_header(tmp_path):
    rows = "".join(f"<tr><td>Row {n}</td><td>£{n},000</td></tr>" for n in range(1, 121))
    html = book(f'<h1>Prices</h1><table><thead><tr><th>What</th><th>Price</th></tr></thead><tbody>{rows}</tbody></table>')
    printed = pdf_text(tmp_path, html)
    pages = printed.split("\f")
    assert all(f"Row {n} " in printed for n in range(1, 121))
    assert sum("What" in page and "Price" in page for page in pages) >= 2  # the header repeats


def test_the_document_carries_its_title_language_and_tags(tmp_path):
    path = tmp_path / "book.pdf"
    path.write_bytes(render_pdf(book("<h1>Title</h1><p>Words.</p>"), EPOCH))
    reader = PdfReader(path)
    assert reader.metadata.title == "Book"
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert "/StructTreeRoot" in reader.trailer["/Root"]


def test_a_row_too_tall_for_a_page_continues_rather_than_losing_words(tmp_path):
    # Rows are kept whole, but one longer than a page must break, or its end would be lost.
    words = " ".join(f"word{n}" for n in range(1500))
    html = book(f"<h1>Groups</h1><table><thead><tr><th>Group</th><th>Remit</th></tr></thead><tbody><tr><td>Forum</td><td>{words}</td></tr></tbody></table>")
    printed = pdf_text(tmp_path, html).split()
    assert all(f"word{n}" in printed for n in range(1500))


def test_a_code_block_keeps_its_lines_and_indentation(tmp_path):
    html = book("<h1>Guide</h1><pre><code>- amount: 2150\n  unit: per day\n</code></pre><p>After.</p>")
    printed = pdf_text(tmp_path, html)
    assert re.search(r"- amount: 2150\n\s+unit: per day\n", printed)
    assert "After." in printed


def test_an_image_the_book_cannot_hold_prints_its_alternative_text():
    html = book('<h1>T</h1><p><img src="file:///nowhere/logo" alt="The logo"> and <img src="https://example.org/a.png" alt="A remote picture"></p>')
    body, held = typeset(html, lambda uri: b"<svg/>")
    assert "The logo" in body and "A remote picture" in body
    assert not held.files
