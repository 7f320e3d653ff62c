"""The book being written: anchors, held links, consecutive headings, pages and images."""

from pathlib import Path

from handbook.pdf.book import CHART_SRC, Book
from handbook.pdf.links import Links


def test_a_held_link_is_written_only_when_its_anchor_exists(book):
    body = book.ref("here", "ok") + " " + book.ref("gone", "lost") + book.anchor("here")
    assert book.finish(body) == '#hb-ref("here")[ok] lost#hb-anchor("here")'


def test_headings_go_one_below_the_nearest_higher_rank(book):
    levels = [book.heading(level, "x", "x").split("#hb-heading(")[1][0] for level in (1, 3, 3, 4, 2, 1)]
    assert levels == ["1", "2", "2", "3", "2", "1"]


def test_a_first_level_heading_names_the_running_head_and_an_anchor_can_follow(book):
    markup = book.heading(1, "#hb-number[1] Title", "1  Title", "page-x", "block-y")
    assert book.finish(markup) == '\n#hb-section("1 Title")\n#hb-heading(1)[#hb-number[1] Title] <page-x>\n#hb-anchor("block-y")\n'
    assert {"page-x", "block-y"} <= book.labels


def _two_parts(book, middle: str = "") -> str:
    """Front matter (a foreword and the contents), then two parts of the body, each opening a
    page; `middle` is written inside the first part, after its opening text."""
    return "".join([
        book.pages("front"), book.heading(1, "Foreword", "Foreword"), "#par[a]",
        book.pages("front"), book.heading(1, "Contents", "Contents"),
        book.pages("main"), book.heading(1, "1 One", "1 One"), "#par[b]", middle,
        book.pages("main"), book.heading(1, "2 Two", "2 Two"), "#par[c]",
    ])


def test_a_section_opening_a_page_sets_the_running_head_of_its_pages(book):
    body = book.finish(_two_parts(book))
    assert '\n#pagebreak(weak: true)\n\n#set page(header: hb-running-head("2 Two"))\n#hb-heading(1)[2 Two]' in body
    assert 'footer: main-footer)\n\n#set page(header: hb-running-head("1 One"))\n#hb-heading(1)[1 One]' in body
    # No page asks which sections it holds; the front matter has no running head.
    assert "hb-section" not in body and "Foreword\")" not in body and "Contents\")" not in body


def test_a_section_opening_mid_page_makes_every_page_find_its_head(book):
    body = book.finish(_two_parts(book, book.heading(1, "1b Later", "1b Later")))
    assert [line for line in body.splitlines() if "hb-section" in line or "hb-running-head" in line] == [
        '#hb-section("Foreword")', '#hb-section("Contents")', '#hb-section("1 One")', '#hb-section("1b Later")', '#hb-section("2 Two")',
    ]


def test_a_running_head_found_on_the_pages_names_the_first_section_opening_on_the_page(printed, tmp_path, book):
    # A page's head is the first section opening on it, else the last before it (the query of
    # `running-head`, which the body uses when a section opens mid-page).
    body = book.finish("".join([
        book.heading(1, "Alpha", "Alpha"), "#par[one]", book.heading(1, "Beta", "Beta"), "#par[two]",
        "\n#pagebreak()\n#par[three]",
    ]))
    pages = printed(tmp_path, body).split("\f")
    assert pages[0].lstrip().startswith("Alpha") and pages[1].lstrip().startswith("Beta")


def test_the_first_page_of_front_matter_and_body_sets_their_style_then_pages_break(book):
    assert [book.pages(kind) for kind in ("front", "front", "main", "main")] == [
        "\n#set page(header: none, footer: front-footer)\n",
        "\n#pagebreak(weak: true)\n",
        "\n#set page(header: running-head, footer: main-footer)\n",
        "\n#pagebreak(weak: true)\n",
    ]


def test_images_are_read_from_the_docs_folder_only(tmp_path: Path):
    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    (docs / "assets" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "secret.svg").write_text("<svg/>", encoding="utf-8")
    book = Book(Links(frozenset(), None), docs_dir=docs)
    assert book.image("assets/logo.svg", "Logo", logo=True) == 'hb-logo("image-1.svg", "Logo")'
    assert book.image("../secret.svg", "S") is None and book.image("/etc/passwd", "P") is None
    assert book.image("https://example.org/a.svg", "A") is None
    assert list(book.files) == ["image-1.svg"]


def test_an_image_the_book_made_is_held_under_its_own_name(book):
    assert book.image(CHART_SRC, "Chart") is None
    book.images[CHART_SRC] = ("svg", b"<svg/>")
    assert book.image(CHART_SRC, "Chart") == 'hb-image("image-1.svg", "Chart")'


def test_an_acronym_is_spelled_out_the_first_time_the_book_uses_it_and_only_then():
    from handbook.pdf.book import Book
    from handbook.pdf.links import Links

    book = Book(Links(frozenset(), None), glossary={"SENCO": "Special educational needs co-ordinator", "SACRE": "Standing Advisory Council on Religious Education"})
    assert book.spell_out("such as SENCOs, a SENCO") == "such as Special educational needs co-ordinator (SENCOs), a SENCO"
    assert book.spell_out("the Standing Advisory Council on Religious Education (SACRE), then SACRE") == "the Standing Advisory Council on Religious Education (SACRE), then SACRE"
    assert book.spell_out("SENCO and SACRE again") == "SENCO and SACRE again"


def test_the_sample_pdf_spells_out_an_acronym_once_and_lists_the_glossary(built_site):
    import re
    import subprocess

    (pdf,) = (built_site / "pdf").glob("*.pdf")
    text = re.sub(r"\s+", " ", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    assert text.count("Information and communications technology (ICT)") == 1
    assert "Glossary of acronyms" in text and "PRU Pupil referral unit" in text


def test_every_acronym_the_sample_pdf_uses_before_its_glossary_is_spelled_out_there(built_site, sample_handbook):
    # Data-made text too: the charges tables' notes ("plus VAT") and related services' names.
    import re
    import subprocess

    (pdf,) = (built_site / "pdf").glob("*.pdf")
    text = re.sub(r"\s+", " ", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    terms = sample_handbook.glossary.terms
    body = text[: text.index(f"{terms[0].term} {terms[0].meaning}")]  # up to the glossary's first entry
    used = [t.term for t in terms if re.search(rf"(?<![\w-]){re.escape(t.term)}s?(?![\w-])", body)]
    assert len(used) > 20 and {"VAT", "NEET", "SEND"} <= set(used)
    assert [term for term in used if f"({term}" not in body] == []
