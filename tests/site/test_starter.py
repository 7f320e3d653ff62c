"""`handbook init`: a new council's project builds its website and PDF at once, with its name,
colours and logo, placeholders that say what to write, and its internal example nowhere."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from handbook.commands.cli import main
from handbook.core.errors import HandbookUserError
from handbook.site.starter import create_handbook, placeholder_page

BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def new_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("init") / "wessex"
    logo = folder.parent / "crest.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#0b4f2a"/></svg>\n', encoding="utf-8")
    assert main(["init", str(folder), "--authority", "Wessex & Mercia County Council", "--logo", str(logo), "--colours", "#0b4f2a", "#7a2e8a"]) == 0
    # `make site` in the new folder, as its README-getting-started says: validate, then build site and PDF.
    result = subprocess.run(["make", "site", f"HANDBOOK={BIN / 'handbook'}"], cwd=folder, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder


@pytest.mark.slow
def test_the_new_project_builds_its_site_and_pdf_with_the_councils_name_and_colours(new_project: Path):
    site = new_project / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Wessex &amp; Mercia County Council" in home and "Westmarch" not in home
    assert (site / "assets" / "logo.svg").read_text(encoding="utf-8").count("circle") == 1
    assert "--md-primary-fg-color: #0b4f2a;" in home and "#7a2e8a" in home
    pdf = site / "pdf" / "wessex-mercia-handbook-2026-27.pdf"
    assert pdf.is_file()
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Wessex & Mercia County Council" in text and "Write here" in text and "Westmarch" not in text


@pytest.mark.slow
def test_every_page_of_the_nav_is_built_with_placeholders_and_the_example_service_is_nowhere(new_project: Path):
    site = new_project / "site"
    for page in ("structure", "role", "partnerships", "funding", "catalogue", "prices", "contacts", "changes", "officers-guide"):
        assert (site / page / "index.html").is_file(), page
    role = (site / "role" / "index.html").read_text(encoding="utf-8")
    assert "<em>Write here</em> about" in role and "{{" not in role
    everything = [p for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".json", ".csv", ".xml")]
    assert not [p for p in everything if "Example service" in p.read_text(encoding="utf-8", errors="replace") or "example-service" in p.read_text(encoding="utf-8", errors="replace")]
    pdf_text = subprocess.run(["pdftotext", str(next((site / "pdf").glob("*.pdf"))), "-"], capture_output=True, text=True, check=True).stdout
    assert "Example service" not in pdf_text


def test_a_folder_that_is_not_empty_is_refused(tmp_path: Path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "notes.txt").write_text("mine")
    with pytest.raises(HandbookUserError, match="already exists and is not empty"):
        create_handbook(tmp_path / "x", "Wessex County Council")
    assert [p.name for p in (tmp_path / "x").iterdir()] == ["notes.txt"]


def test_bad_colours_or_logo_leave_no_folder_behind(tmp_path: Path):
    with pytest.raises(HandbookUserError, match="contrast"):
        create_handbook(tmp_path / "a", "Wessex County Council", colours=("#ffff00", "#7a2e8a"))
    with pytest.raises(HandbookUserError, match=r"\.svg or \.png"):
        create_handbook(tmp_path / "b", "Wessex County Council", logo=tmp_path / "logo.gif")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_placeholder_page_keeps_headings_and_macros_and_says_what_to_write():
    page = "---\ntitle: T\n---\n\n# 1. T\n\nSome {{ authority_name }} prose here.\n\nMore prose.\n\n{{ org_chart() }}\n\n## Next\n\nLast words.\n"
    out = placeholder_page(page)
    assert out.startswith("---\ntitle: T\n---\n\n# 1. T\n\n*Write here* about 10 words")
    assert "\u201cSome \u2026 prose here. More prose.\u2026\u201d" in out and "{{ authority_name }}" not in out
    assert "\n\n{{ org_chart() }}\n\n## Next\n\n*Write here*" in out


def test_an_svg_logo_that_could_run_a_script_is_refused(tmp_path: Path):
    from handbook.site.starter import svg_problem

    plain = b'<svg xmlns="http://www.w3.org/2000/svg"><defs><path id="p" d="M0 0h1"/></defs><use href="#p"/></svg>'
    assert svg_problem(plain) is None
    assert svg_problem(b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') == "it has a <script> element"
    assert svg_problem(b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') == "it has an event attribute (onload)"
    assert "links outside itself" in svg_problem(b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><a x:href="javascript:alert(1)"/></svg>')
    assert "foreignobject" in svg_problem(b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>')
    bad = tmp_path / "crest.svg"
    bad.write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    with pytest.raises(HandbookUserError, match="cannot be published: it has an event attribute"):
        create_handbook(tmp_path / "c", "Wessex County Council", logo=bad)
    assert not (tmp_path / "c").exists()
