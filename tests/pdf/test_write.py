"""The PDF edition as a governor receives it: the real file from the site build, read with pypdf
and poppler's pdftotext (no mocks of Typst)."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from handbook.core.errors import HandbookUserError
from handbook.data.model.types import Visibility
from handbook.core.project import project_at
from handbook.pdf.assemble import Settings, Typeset
from handbook.pdf.markup import text as typst_text
from handbook.pdf.write import render_pdf, write_pdf, write_pdf_for
from handbook.views.catalogue import public_services

MM = 72 / 25.4  # points in a millimetre
SETTINGS = Settings("Book", "Author", "About", ("a",), "en-GB", "#1d4f73", "#8a3b12", "Book", "2026-27 edition")


def small_book(body: str) -> Typeset:
    """A book of one page of `body` (Typst markup) with fixed settings."""
    return Typeset(f"#set page(header: running-head, footer: main-footer)\n{body}", SETTINGS)


@pytest.fixture(scope="module")
def project(root):
    return project_at(root / "mkdocs.yml")
LEADER_LINE = re.compile(r"^(?P<title>.*?)\s*(?:\.\s*){3,}(?P<page>\d+|[ivxlc]+)\s*$")


def roman(text: str) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    for a, b in zip(text, text[1:] + " "):
        total += -values[a] if b != " " and values[b] > values[a] else values[a]
    return total


def contents_entries(pages: list[str]) -> list[tuple[str, int]]:
    """(title, page) for each line of the printed contents; a wrapped title is joined."""
    start = next(i for i, page in enumerate(pages) if page.lstrip().startswith("Contents"))
    entries, pending = [], ""
    for page in pages[start:]:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        if not any(LEADER_LINE.search(line) for line in lines):
            break
        for line in lines:
            found = LEADER_LINE.search(line)
            if found:
                number = found["page"]
                entries.append((f"{pending} {found['title']}".strip(), int(number) if number.isdigit() else roman(number)))
                pending = ""
            elif line != "Contents" and "edition" not in line:  # a title's first line; not the footer
                pending = line
    return entries


def outline_pages(reader) -> dict[str, int]:
    """Bookmark title -> 1-based page number, at every level of the outline."""
    found: dict[str, int] = {}

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.setdefault(item.title, reader.get_destination_page_number(item) + 1)

    walk(reader.outline)
    return found


def test_the_pdf_has_a_sensible_number_of_pages(pdf_reader):
    assert 15 <= len(pdf_reader.pages) <= 120


def test_metadata_gives_title_author_and_language(pdf_reader, sample_handbook):
    info = pdf_reader.metadata
    assert sample_handbook.authority.handbook.title in info.title
    assert "2026-27 edition" in info.title
    assert info.author == sample_handbook.authority.authority.name
    root = pdf_reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])


def test_the_pdf_is_tagged_for_pdf_ua(pdf_reader):
    root = pdf_reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "pdfuaid:part" in xmp and "1" in xmp.split("pdfuaid:part")[1][:6]


def structure_elements(reader) -> list:
    """Every element of the PDF's structure tree (the tags a screen reader follows), in order."""
    found = []

    def walk(node) -> None:
        node = node.get_object()
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif hasattr(node, "get"):
            if "/S" in node:
                found.append(node)
            if "/K" in node:
                walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def test_the_structure_tree_has_headings_tables_lists_links_and_described_figures(pdf_reader):
    elements = structure_elements(pdf_reader)
    roles = [str(e["/S"]) for e in elements]
    headings = [r for r in roles if re.fullmatch(r"/H\d", r)]
    assert roles.count("/H1") >= 14 and "/H2" in roles and "/H3" in roles
    # Levels never skip on the way down (PDF/UA): each heading is at most one below the last.
    assert all(int(b[2:]) <= int(a[2:]) + 1 for a, b in zip(["/H0"] + headings, headings))
    for role in ("/Table", "/THead", "/TH", "/TD", "/L", "/LI", "/Link"):
        assert role in roles, role
    figures = [e for e in elements if e["/S"] == "/Figure"]
    assert figures and all(str(e.get("/Alt", "")).strip() for e in figures), "every figure needs alternative text"


def test_every_font_is_embedded_and_is_noto(pdf_reader):
    """The same look on every machine: Noto embedded, no glyph fallen back to another family."""
    fonts = {}
    for page in pdf_reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    for name, font in fonts.items():
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        descriptor = descendant["/FontDescriptor"].get_object()
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), f"{name} is not embedded"
        assert "Noto" in name, f"{name}: a character fell back to a font other than Noto"


def test_the_outline_has_every_section_appendix_and_public_service(pdf_reader, sample_handbook):
    titles = set(outline_pages(pdf_reader))
    for expected in ("Foreword", "Contents", "1 The structure of children's services", "8 Communications and critical incidents"):
        assert expected in titles, sorted(titles)
    assert any(t.startswith("Appendix A ") for t in titles) and any(t.startswith("Appendix D ") for t in titles)
    for service in public_services(sample_handbook):
        assert any(service.name in t for t in titles), service.name


def test_every_public_service_is_printed(pdf_pages, sample_handbook, squash):
    text = squash(" ".join(pdf_pages))
    for service in public_services(sample_handbook):
        assert squash(service.name) in text, service.name


def test_nothing_internal_or_unconsented_is_printed(pdf_pages, sample_handbook, squash):
    text = squash(" ".join(pdf_pages))
    internal_services = [s for s in sample_handbook.services.services if s.visibility is Visibility.INTERNAL]
    internal_roles = [r for r in sample_handbook.contacts.roles if r.visibility is Visibility.INTERNAL]
    assert internal_services and internal_roles, "the sample must have internal records to prove this"
    for service in internal_services:
        assert squash(service.name) not in text
    for role in internal_roles:
        assert squash(role.title) not in text
        assert role.email is None or str(role.email) not in text
    unnamed = [r.holder.name for r in sample_handbook.contacts.roles if r.holder and not r.holder.consent_to_publish]
    assert unnamed, "the sample must have a holder who did not consent to being named"
    for name in unnamed:
        assert squash(name) not in text


def test_every_contents_entry_gives_the_page_its_heading_starts_on(pdf_pages, pdf_reader, squash):
    entries = contents_entries(pdf_pages)
    bookmarks = {squash(title): page for title, page in outline_pages(pdf_reader).items()}
    assert len(entries) >= 30
    for title, page in entries:
        assert squash(title) in squash(pdf_pages[page - 1]), f"{title!r} is not on page {page}"
        assert bookmarks[squash(title)] == page, f"{title!r}: contents says {page}, heading is on {bookmarks[squash(title)]}"


def test_footers_say_page_x_of_y_and_the_edition(pdf_pages, pdf_reader):
    total = len(pdf_reader.pages)
    for number in (5, total // 2, total):
        footer = pdf_pages[number - 1]
        assert f"Page {number} of {total}" in footer
        assert "2026-27 edition" in footer
    assert "Page 1 of" not in pdf_pages[0]  # the cover has no folio


def test_running_heads_name_the_section_the_page_is_in(pdf_pages, pdf_reader):
    pages = outline_pages(pdf_reader)
    start = pages["2 The council's role in relation to schools"]
    next_section = pages["3 Key partnerships and meetings"]
    for page in range(pages["1 The structure of children's services"] + 1, start):
        assert pdf_pages[page - 1].lstrip().startswith("1 The structure of children's services")
    assert pdf_pages[next_section - 1].lstrip().startswith("3 Key partnerships")


def test_a_long_table_repeats_its_header_row_on_every_page(pdf_pages, pdf_reader):
    pages = outline_pages(pdf_reader)
    first = next(p for t, p in pages.items() if t.endswith("Roles by team"))
    later = [p for p in pages.values() if p > first]  # the accessibility statement follows it
    last = min(later) - 1 if later else len(pdf_pages)
    assert last > first, "the roles table should continue over at least two pages"
    for number in range(first, last + 1):
        assert re.search(r"Role\s+Name\s+E-mail\s+Telephone", pdf_pages[number - 1]), f"no header row on page {number}"


def test_internal_links_print_the_page_they_point_to(pdf_pages, pdf_reader, squash):
    pages = outline_pages(pdf_reader)
    text = squash(" ".join(pdf_pages))
    refs = [int(n) for n in re.findall(r"\(see page (\d+)\)", text)]
    assert len(refs) >= 10 and all(1 <= n <= len(pdf_pages) for n in refs)
    appendix_a = next(page for title, page in pages.items() if title.startswith("Appendix A "))
    cited = re.findall(r"appendix A \(see page (\d+)\)", text, re.I)
    assert cited and all(int(n) == appendix_a for n in cited)


def test_catalogue_cross_references_cite_service_numbers(pdf_pages, squash):
    text = squash(" ".join(pdf_pages))
    assert re.search(r"Related services .+? \(9\.\d+\.\d+\)", text)
    # The price list names each charge's service by its number in the catalogue.
    assert re.search(r"No\. Service and offer", text)


def test_external_links_print_their_address(pdf_pages, squash):
    text = squash(" ".join(pdf_pages))
    assert "https://" in text
    assert "(https://" in text  # a link whose words are not its address gains it in brackets


def test_write_pdf_for_refuses_data_with_errors(data_copy: Path, tmp_path: Path, project):
    services = data_copy / "services.yaml"
    services.write_text(services.read_text(encoding="utf-8").replace("unit: per day", "unit: per dya", 1), encoding="utf-8")
    with pytest.raises(HandbookUserError):
        write_pdf_for(data_copy, tmp_path / "site", project)
    assert not (tmp_path / "site" / "pdf").exists()


def test_write_pdf_replaces_the_file_whole_and_leaves_no_temporary_file(sample_handbook, sample_data, tmp_path, monkeypatch, project):
    out = tmp_path / "pdf" / "book.pdf"
    out.parent.mkdir()
    out.write_bytes(b"an older edition")
    monkeypatch.setattr("handbook.pdf.write.assemble", lambda handbook, data_dir, project: small_book("Small"))
    assert write_pdf(sample_handbook, sample_data, out, project) == out
    assert out.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in out.parent.iterdir()] == ["book.pdf"]


def test_a_folder_that_cannot_be_written_fails_before_the_book_is_rendered(tmp_path, sample_handbook, sample_data, monkeypatch, project):
    from handbook.pdf import write

    rendered = []
    monkeypatch.setattr(write, "render_pdf", lambda *args: rendered.append(args) or b"")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OSError):
        write.write_pdf(sample_handbook, sample_data, blocker / "pdf" / "book.pdf", project)
    assert rendered == []


def test_a_book_typst_cannot_set_is_one_clear_error_and_the_old_file_stays(sample_handbook, sample_data, tmp_path, monkeypatch, project):
    # With the page styles replaced by a file Typst cannot evaluate, it fails and says why.
    from handbook.pdf import write

    broken = tmp_path / "broken.typ"
    broken.write_text("#let hb-settings = none\n#hb-settings.title.len()\n", encoding="utf-8")
    monkeypatch.setattr(write, "STYLE", broken)
    out = tmp_path / "pdf" / "book.pdf"
    out.parent.mkdir()
    out.write_bytes(b"an older edition")
    with pytest.raises(HandbookUserError, match=r"^the PDF could not be typeset: ") as raised:
        write_pdf(sample_handbook, sample_data, out, project)
    assert "\n" not in str(raised.value)
    assert out.read_bytes() == b"an older edition"
    assert [p.name for p in out.parent.iterdir()] == ["book.pdf"]


def test_without_its_fonts_the_book_is_refused_not_printed_blank(sample_handbook, sample_data, tmp_path, monkeypatch, project):
    # Font folders that hold none of the book's fonts (`fonts.font_folders` refuses such a
    # folder itself; this is the check behind it): Typst only warns, and would print the book
    # in its own fallback faces.
    from handbook.pdf import write

    empty = tmp_path / "no-fonts"
    empty.mkdir()
    monkeypatch.setattr(write, "font_folders", lambda: [empty])
    with pytest.raises(HandbookUserError, match=r"fonts-noto-core, fonts-noto-cjk.*unknown font family: noto sans"):
        write_pdf(sample_handbook, sample_data, tmp_path / "book.pdf", project)
    assert not (tmp_path / "book.pdf").exists()


def test_no_word_runs_outside_the_text_area_of_its_page(pdf_path):
    # Wide tables fit the page and nothing runs off it: every word after the cover lies between
    # the side margins (20 mm and 18 mm) and above the foot of the page.
    layout = subprocess.run(["pdftotext", "-bbox", str(pdf_path), "-"], capture_output=True, text=True, check=True).stdout
    pages = layout.split("<page ")[1:]
    assert len(pages) > 20
    outside = []
    for number, page in enumerate(pages[1:], start=2):
        width, height = (float(v) for v in re.search(r'width="([\d.]+)" height="([\d.]+)"', page).groups())
        for found in re.finditer(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page):
            left, right, bottom = (float(v) for v in found.groups()[:3])
            if left < 20 * MM - 1 or right > width - 18 * MM + 1 or bottom > height - 10 * MM:
                outside.append((number, found.group(4)))
    assert not outside, outside[:10]


def test_page_numbers_that_never_settle_stop_the_build(sample_handbook, sample_data, tmp_path, monkeypatch, project):
    # A layout that flips between one and two pages never converges; Typst only warns.
    from handbook.pdf import write

    flipping = tmp_path / "flipping.typ"
    flipping.write_text('#set document(title: "Book")\n#set text(font: "Noto Sans")\n#context if counter(page).final().first() > 1 [one] else [#pagebreak() two]\n', encoding="utf-8")
    monkeypatch.setattr(write, "STYLE", flipping)
    monkeypatch.setattr(write, "assemble", lambda handbook, data_dir, project: Typeset("", SETTINGS))
    with pytest.raises(HandbookUserError, match=r"page numbers did not settle.*converge"):
        write_pdf(sample_handbook, sample_data, tmp_path / "book.pdf", project)
    assert not (tmp_path / "book.pdf").exists()


def test_two_pdfs_of_the_same_data_and_epoch_are_byte_identical(sample_handbook, sample_data, tmp_path, monkeypatch, project):
    # The first takes its date from SOURCE_DATE_EPOCH, the second is given it: the same bytes,
    # whatever the clock, the temporary folder or the output's path.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = write_pdf(sample_handbook, sample_data, tmp_path / "a" / "book.pdf", project).read_bytes()
    second = write_pdf(sample_handbook, sample_data, tmp_path / "b" / "edition.pdf", project, epoch=1_700_000_000).read_bytes()
    assert first == second
    assert b"D:20231114221320" in first  # 1700000000 is 2023-11-14 22:13:20 UTC


def _small_pdf(body: str, epoch: int) -> tuple[bytes, PdfReader]:
    data = render_pdf(small_book(f"#par[{typst_text(body)}]"), epoch)
    return data, PdfReader(io.BytesIO(data))


def test_the_epoch_gives_the_dates_and_the_content_the_instance_id():
    words, first = _small_pdf("Words.", 1_700_000_000)
    _, later = _small_pdf("Words.", 1_800_000_000)
    _, changed = _small_pdf("Other words.", 1_700_000_000)
    assert first.metadata.creation_date.year == 2023 and later.metadata.creation_date.year == 2027
    assert first.metadata.modification_date == first.metadata.creation_date
    xmp = first.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert "2023-11-14T22:13:20" in xmp and "2027" not in xmp
    # The trailer's ID: the document's (from its title and author) stays across versions; the
    # instance's changes with the date and with the content, and with nothing else.
    ids = [[str(part) for part in reader.trailer["/ID"]] for reader in (first, later, changed)]
    assert ids[0][0] == ids[1][0] == ids[2][0]
    assert len({instance for _, instance in ids}) == 3
    assert _small_pdf("Words.", 1_700_000_000)[0] == words  # and the same inputs, the same bytes


# ------------------------------------------------------------------ scripts the data may hold
from handbook.data.characters import PRINTABLE_RANGES  # noqa: E402  (the table these tests prove)
from handbook.data.characters import find as refused_at  # noqa: E402


def script_sample(ranges, count: int = 6) -> str:
    """`count` real characters spread across `ranges`: letters (symbols for a range with none),
    never a combining mark alone, a format character or an unassigned code point."""
    import unicodedata

    chars = [chr(c) for low, high in ranges for c in range(low, high + 1)]
    letters = [c for c in chars if unicodedata.category(c).startswith("L")]
    pool = letters or [c for c in chars if unicodedata.category(c)[0] in "SPN" and c not in "#*_`[]<>\\"]
    step = max(1, len(pool) // count)
    return "".join(pool[i * step] for i in range(count))


SAMPLES = {script: script_sample(ranges) for script, ranges in PRINTABLE_RANGES.items()}


def test_every_script_the_data_may_hold_prints_in_a_real_book(tmp_path, project):
    # A service whose name, summary and how-to-buy (the Markdown the PDF prints) hold a few real
    # letters of every range validation lets through: the book is written as PDF/UA-1, with no
    # Typst error or warning, and the text read back from it holds every one of them.
    import json
    import shutil

    from handbook.data.validate import validate
    from handbook.pdf.assemble import assemble
    from handbook.pdf.write import compile_book
    from tests.cases import MINIMAL

    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    services = data / "services.yaml"
    name = "Greetings " + " ".join(sample[:2] for sample in SAMPLES.values())
    summary = "; ".join(f"{script}: {sample}" for script, sample in SAMPLES.items())
    text = services.read_text(encoding="utf-8")
    for old, new in (("name: School Finance Support", f"name: {json.dumps(name, ensure_ascii=False)}"),
                     ("summary: Budget planning, monitoring and year-end help from accountants who know school funding.", f"summary: {json.dumps(summary, ensure_ascii=False)}"),
                     ("how_to_buy: Buy through the traded services portal during the buy-back window.", f"how_to_buy: {json.dumps('Ask: ' + summary, ensure_ascii=False)}")):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    services.write_text(text, encoding="utf-8")
    result = validate(data)
    assert result.ok, result.errors
    pdf, warnings = compile_book(assemble(result.handbook, data, project), 1_700_000_000)
    assert [w.message for w in warnings] == []
    path = tmp_path / "book.pdf"
    path.write_bytes(pdf)
    xmp = PdfReader(path).trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert "pdfuaid:part" in xmp
    printed = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
    missing = {script: [c for c in sample if c not in printed] for script, sample in SAMPLES.items()}
    assert not any(missing.values()), {script: [f"U+{ord(c):04X}" for c in chars] for script, chars in missing.items() if chars}
    assert "Greetings" in printed


def accepted_characters() -> list[str]:
    """Every character of PRINTABLE_RANGES that validation lets through (assigned, not a
    control, format character other than the joiners and marks real text needs, surrogate,
    private-use character or noncharacter)."""
    return [chr(c) for ranges in PRINTABLE_RANGES.values() for low, high in ranges for c in range(low, high + 1) if refused_at(chr(c)) == -1]


def test_every_character_validation_accepts_has_a_glyph_in_the_books_fonts():
    # Not a sample: every such character, set in the book's own fonts. One that no font has
    # would stop the build with a PDF/UA error that names no file or field.
    chars = accepted_characters()
    body = "".join(f"#par[{typst_text(''.join(chars[i:i + 2000]))}]\n" for i in range(0, len(chars), 2000))
    try:
        render_pdf(small_book(body), 1_700_000_000)
    except HandbookUserError as error:
        diagnostic = getattr(error.__cause__, "diagnostic", str(error))
        missing = sorted({c for text in re.findall(r"the text `(.+?)` could not be displayed", diagnostic) for c in text if ord(c) > 0x7F})
        pytest.fail(f"{len(missing)} characters have no glyph in the book's fonts: " + " ".join(f"U+{ord(c):04X}" for c in missing))


# ---------------------------------------------------------------- an independent PDF/UA checker
# outloud (pinned in requirements.txt) checks the finished file against PDF/UA-1 (ISO 14289-1, by
# the Matterhorn Protocol's checkpoints) and WCAG 2.2, without Typst's code: its "conformance"
# rules are what veraPDF tests, its "semantic" rules what a validator cannot. veraPDF itself
# needs Java and a download no package registry here serves.
RUNNING_HEAD_NOTE = "running heads are artifacts by PDF/UA's rule; outloud calls a running head prose when it is on fewer pages than it takes for page furniture"


@pytest.fixture(scope="module")
def outloud_result(pdf_path):
    from outloud import check

    result = check(str(pdf_path))
    assert result.error is None, result.error
    return result


def test_an_independent_checker_finds_the_pdf_conforms_to_pdf_ua(outloud_result):
    from outloud.registry import load_catalogue

    layer = {rule_id: meta.layer for rule_id, meta in load_catalogue().items()}
    conformance = [(f.rule, f.page, f.message) for f in outloud_result.findings if layer.get(f.rule) == "conformance"]
    assert conformance == []
    checkpoints = {row["id"]: row["status"] for row in outloud_result.criteria["pdfua1"]}
    assert len(checkpoints) == 31 and "fail" not in checkpoints.values()
    wcag = {row["id"]: row["status"] for row in outloud_result.criteria["wcag22"]}
    assert (wcag["1.1.1"], wcag["2.4.2"], wcag["3.1.1"]) == ("pass", "pass", "pass")  # text alternatives, title, language


def test_the_checker_s_semantic_findings_are_only_the_ones_known(outloud_result, sample_handbook):
    """What outloud's heuristics report, each known and why: a new kind of finding fails."""
    title = sample_handbook.authority.handbook.title
    errors = [f for f in outloud_result.findings if f.severity == "error"]
    # TAG-002: RUNNING_HEAD_NOTE; every one is a running head ("<section> <book title>").
    assert all(f.rule == "TAG-002" and str(f.evidence).endswith(title) for f in errors), (RUNNING_HEAD_NOTE, [(f.rule, f.evidence) for f in errors])
    # LNK-010: e-mail and web addresses are printed as text (paper has no links); ORD-001: some
    # catalogue pages paint a fact's label beside its text in another order than the tags read.
    assert {f.rule for f in outloud_result.findings if f.severity == "warning"} <= {"LNK-010", "ORD-001"}
    # Every other rule that ran passed, among them: running heads and folios are artifacts, not
    # read as content (PAG-001); headings, tables, lists, figures and links are well formed.
    outcomes = {run.rule: run.outcome for run in outloud_result.runs if run.status == "ran"}
    assert outcomes["PAG-001"] == "pass" and outcomes["HDG-001"] == "pass" and outcomes["TBL-001"] == "pass"
    assert {rule for rule, outcome in outcomes.items() if outcome != "pass"} <= {"TAG-002", "LNK-010", "ORD-001"}
    assert not [run.rule for run in outloud_result.runs if run.status == "crashed"]


def test_the_checker_fails_a_pdf_without_its_language(pdf_path, tmp_path):
    """The checker is not blind: the same PDF with its language removed fails."""
    from outloud import check
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(pdf_path))
    del writer._root_object["/Lang"]
    broken = tmp_path / "no-language.pdf"
    writer.write(broken)
    result = check(str(broken), only=["DOC-010", "DOC-013", "DOC-014"])  # title, language, its form
    assert [(f.rule, f.severity) for f in result.findings] == [("DOC-013", "error")]


def test_every_table_has_header_cells(pdf_reader):
    def cells(node, found):
        node = node.get_object()
        if isinstance(node, list):
            for child in node:
                cells(child, found)
        elif hasattr(node, "get"):
            if "/S" in node:
                found.append(str(node["/S"]))
            if "/K" in node:
                cells(node["/K"], found)
        return found

    tables = [e for e in structure_elements(pdf_reader) if e["/S"] == "/Table"]
    assert len(tables) >= 5
    for table in tables:
        assert "/TH" in cells(table["/K"], []), "a table without header cells"


def test_the_contents_are_read_in_the_order_they_are_printed(pdf_path, pdf_pages):
    """On the contents pages, the structure tree (what a screen reader reads) lists every piece of
    text in the order the page paints it: entries, their dot leaders and page numbers, top to
    bottom. Read with outloud's model of the file (its tags, and each page's paint order)."""
    from outloud.model import Document

    contents = [number for number, text in enumerate(pdf_pages, start=1) if text.count(" . . . ") >= 10]
    assert contents and contents == list(range(contents[0], contents[-1] + 1))
    doc = Document(str(pdf_path))
    try:
        tagged: dict[int, list] = {}
        for element in doc.elements:
            for ref in element.mcrefs:
                if ref.page is not None:
                    tagged.setdefault(ref.page, []).append((ref.stream, ref.mcid))
        for number in contents:
            order = {key: i for i, key in enumerate(tagged[number - 1])}
            painted = [order[key] for key in doc.content(number - 1).paint_order if key in order]
            assert len(painted) > 20 and painted == sorted(painted), f"page {number} is read in another order than it is printed"
    finally:
        doc.close()
