"""Hostile values in every field: each ends as a located validation error or as inert text.

The corpus and the field walker are in tests/hostile.py. Fast tests put payloads into every leaf
field of every data file (one of each class per field, rotating through the class so every
payload lands somewhere; the whole corpus in a few representative fields) and run
`handbook.data.validate.validate` and the `handbook validate` command. Slow tests build the real site
and PDF once per class, with a payload in every field that validation accepts, and read what
came out: no script, event handler, dangerous URL or payload element beyond the clean build's,
no formula cell in the CSV, the text printed as typed, no file from outside the project read.
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from handbook.core import limits
from handbook.core.errors import HandbookUserError, Level
from handbook.data.load import load_text
from handbook.data.validate import validate
from tests import hostile
from tests.hostile import COMPLETE, PAYLOADS, TODAY, Payload, Target

TARGETS, MISSING = hostile.targets()
REPRESENTATIVE = [  # fields that get the whole corpus: one of each kind, and the examples
    "services:services[].name", "services:services[].description", "services:services[].keywords[]",
    "authority:handbook.title", "authority:branding.logo", "contacts:contact_points[].url",
    "services:services[].offers[].charges[].amount", "contacts:roles[].holder.consent_to_publish",
]


def _target(name: str) -> Target:
    return next(t for t in TARGETS if t.field.name == name)


def _rotation(index: int) -> list[Payload]:
    """One payload of each class for the index-th field (values over 50 KB only in REPRESENTATIVE)."""
    chosen = []
    for cls in hostile.CLASSES:
        pool = [p for p in PAYLOADS if p.cls == cls and len(p.value) <= 50_000]
        chosen.append(pool[index % len(pool)])
    return chosen


def _in_file(problem, folder: Path, stem: str) -> bool:
    return Path(problem.file).resolve() == (folder / f"{stem}.yaml").resolve()


def outcome(folder: Path, target: Target, payload: Payload, line: int, prose: bool) -> str | None:
    """None when `payload` in `target` ends as the corpus expects; otherwise what went wrong.

    `prose`: the field holds words (its base value has letters), so real text in any language
    must be accepted; a telephone number is text too, but not prose.
    """
    hostile.write_data(folder, [(target, payload)])
    # A file over the limit is refused unread (bounded cost): its error can only name the file.
    unread = (folder / f"{target.file}.yaml").stat().st_size > getattr(limits, "MAX_FILE_BYTES", float("inf"))
    try:
        result = validate(folder, today=TODAY)
    except Exception as error:  # a traceback for the officer: the worst outcome
        return f"validate raised {type(error).__name__}: {str(error)[:200]}"
    finally:
        (folder / f"{target.file}.yaml").write_bytes((COMPLETE / f"{target.file}.yaml").read_bytes())
    errors = [p for p in result.problems if p.level is Level.ERROR]
    here = [p for p in errors if _in_file(p, folder, target.file) and (unread or hostile.under(p.path, target.shown))]
    renamed_id = target.field.kind == "pattern" and hostile.could_accept(target.field, payload)
    if errors and not here and not renamed_id:  # a new, valid id leaves references dangling: fine
        return f"rejected, but no error names {target.file}.yaml and {target.shown}: {[(p.file, p.line, p.path, p.message[:80]) for p in errors[:3]]}"
    if here and not unread and not any(p.line == line for p in here):
        return f"the error is not on line {line}, where the value is: {[(p.line, p.col, p.path) for p in here]}"
    kind = target.field.kind
    expected_error = (
        payload.expect == "reject"
        or (payload.expect == "reject-typed" and kind in hostile.TYPED)
        or (payload.expect == "reject-pattern" and kind == "pattern")
    )
    if expected_error and not here:
        return f"accepted, but a {kind} field must reject it ({payload.expect})"
    if payload.expect == "accept" and prose and errors:
        return f"rejected, but real text must be accepted here: {[p.message[:120] for p in errors[:2]]}"
    return None


def _run(target: Target, payloads: list[Payload], tmp_path: Path) -> list[str]:
    folder = hostile.write_data(tmp_path / "data", [])
    values = hostile.read_values(COMPLETE / f"{target.file}.yaml")
    line = hostile.line_of(values, target)
    base = values
    for part in target.path:
        base = base[part]
    prose = target.field.kind == "text" and bool(re.search("[A-Za-z]{2}", str(base)))
    failures = []
    for payload in payloads:
        wrong = outcome(folder, target, payload, line, prose)
        if wrong:
            failures.append(f"{target} <- {payload.label}: {wrong}")
    return failures


def test_the_complete_base_writes_every_field_of_every_model():
    # A new model field fails here until tests/cases/complete/ writes it, so it is attacked too.
    assert MISSING == [], f"write these fields in tests/cases/complete/: {[f.name for f in MISSING]}"


def test_the_complete_base_is_valid_without_a_warning():
    result = validate(COMPLETE, today=TODAY)
    assert result.handbook is not None and result.problems == [], result.problems


def test_every_payload_reaches_the_loader_exactly_as_written():
    # Otherwise the corpus would test a tamer value than it says (a NUL or U+0085 lost on the way).
    target = _target("authority:authority.name")
    values = hostile.read_values(COMPLETE / "authority.yaml")
    for payload in (p for p in PAYLOADS if not p.raw):
        doc, _ = load_text(hostile.dump(values, [(target, payload)]), "x")
        assert doc is not None and doc.value["authority"]["name"] == payload.value, payload.label


@pytest.mark.parametrize("target", TARGETS, ids=str)
def test_each_class_of_payload_in_each_field_ends_located_or_accepted(target, tmp_path):
    failures = _run(target, _rotation(TARGETS.index(target)), tmp_path)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("name", REPRESENTATIVE)
def test_the_whole_corpus_in_a_representative_field_ends_located_or_accepted(name, tmp_path):
    failures = _run(_target(name), PAYLOADS, tmp_path)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("cls", hostile.CLASSES)
def test_the_command_reports_a_class_in_every_field_with_locations_and_no_traceback(cls, tmp_path):
    pool = [p for p in PAYLOADS if p.cls == cls and len(p.value) <= 50_000]
    data = hostile.write_data(tmp_path / "data", [(t, pool[i % len(pool)]) for i, t in enumerate(TARGETS)])
    run = subprocess.run([sys.executable, "-m", "handbook", "validate", "--data", str(data)], capture_output=True, text=True, timeout=60)
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    assert run.returncode == 1, (run.returncode, run.stdout[-1000:], run.stderr[-1000:])
    unlocated = [line for line in run.stdout.splitlines() if line.strip() and not re.match(rf"{re.escape(str(data))}/\w+\.yaml:\d+:\d+: ", line)]
    assert unlocated == [], unlocated[:5]


# --- Real builds ------------------------------------------------------------------------------

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset", "ping", "cite", "longdesc", "manifest", "codebase"}
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
# Elements a payload might make; a page may hold as many as the clean build's same page, no more.
WATCHED = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "textarea", "style", "link",
           "meta", "svg", "math", "img", "input", "button", "select", "details", "video", "audio", "source", "template",
           "noscript", "dialog", "marquee", "portal", "title", "body", "html", "head"}
# Fields whose text the PDF and the site print as typed (plain text, public records).
SPOT = ["services:services[].name", "authority:authority.name", "authority:handbook.title", "structure:units[].name",
        "contacts:roles[].title", "partnerships:groups[].name", "services:categories[].name"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Built:
    cls: str
    injections: list[tuple[Target, Payload]]
    site: Path | None = None
    error: str | None = None
    pdf_text: str = ""
    pages: dict = field(default_factory=dict)

    def require(self) -> Path:
        assert self.error is None, f"validation accepted every value of the {self.cls!r} build, but the build failed:\n{self.error}"
        return self.site


def _url_is_bad(value: str) -> bool:
    squeezed = "".join(ch for ch in value if ord(ch) > 0x20).lower()  # browsers drop these in URLs
    return squeezed.startswith(BAD_SCHEMES)


def findings(root, depth: int | None = None) -> dict:
    """What in a parsed page could run: on* attributes, bad URLs, scripts, watched elements.

    `depth`: how many folders below the site's root the page is; then a relative URL that climbs
    out of the site (`../../../usr/...`) is a bad URL too.
    """
    on, urls, scripts, tags = [], [], Counter(), Counter()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in WATCHED:
            tags[tag] += 1
        for name, value in el.attrib.items():
            if name.lower().startswith("on"):
                on.append(f"<{tag} {name}={value[:60]!r}>")
            if name.lower() in URL_ATTRIBUTES and (_url_is_bad(value) or (depth is not None and _climbs_out(value, depth))):
                urls.append(f"<{tag} {name}={value[:60]!r}>")
        if tag == "script":
            kind = el.get("type") or ""
            scripts[(el.get("src") or "", kind, "json" if kind == "application/json" else (el.text or ""))] += 1
    return {"on": on, "urls": urls, "scripts": scripts, "tags": tags}


def _climbs_out(url: str, depth: int) -> bool:
    level = depth
    for part in url.split("#")[0].split("?")[0].split("/"):
        level += -1 if part == ".." else 0 if part in ("", ".") else 1
        if level < 0:
            return True
    return False


def _parse(path: Path):
    from lxml import html

    return html.document_fromstring(path.read_bytes())


def _site_pages(site: Path) -> dict[str, dict]:
    return {str(p.relative_to(site)): findings(_parse(p), len(p.relative_to(site).parts) - 1) for p in sorted(site.rglob("*.html"))}


def _index_docs(site: Path) -> dict[str, dict]:
    """What the site's search (Pagefind's index, its UI) can put into a page, per indexed page:
    its address and image as attributes, its title, text and headings as text, escaped, as the
    UI writes them (the browser test of hostile pages runs the UI itself)."""
    from html import escape

    from lxml import html

    from handbook.site.search import BUNDLE, fragments

    out = {}
    for url, page in fragments(site / BUNDLE).items():
        meta = page.get("meta") or {}
        parts = [f'<a href="{escape(url)}">{escape(meta.get("title", ""))}</a>', escape(page.get("content", ""))]
        parts += [f'<img src="{escape(meta["image"])}">'] if meta.get("image") else []
        parts += [escape(f"#{a.get('id', '')} {a.get('text', '')}") for a in page.get("anchors") or []]
        out[url] = findings(html.fragment_fromstring(" ".join(parts), create_parent="div"))
    return out


def _pdf_images(site: Path) -> Counter:
    """(type, width, height) of each image in the PDF, from `pdfimages -list`."""
    pdf = next((site / "pdf").glob("*.pdf"))
    rows = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    return Counter(tuple(row.split()[2:5]) for row in rows if row.strip())


def _pdf_text(site: Path) -> str:
    pdf = next((site / "pdf").glob("*.pdf"))
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _build(cls: str, work: Path) -> Built:
    injections = hostile.accepted([cls], work / "scratch", TARGETS)
    built = Built(cls, injections)
    if not injections:
        return built
    data = hostile.write_data(work / "data", injections)
    try:
        built.site = hostile.build_site(data, work)
    except HandbookUserError as error:
        built.error = f"HandbookUserError: {error}"
        return built
    except Exception as error:  # noqa: BLE001 - a bug: recorded so every test of the class says so
        import traceback

        built.error = f"{type(error).__name__}: {str(error)[:300]}\n" + "".join(traceback.format_exception(error))[-1500:]
        return built
    built.pages = _site_pages(built.site)
    built.pdf_text = _pdf_text(built.site)
    return built


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> Built:
    work = tmp_path_factory.mktemp("clean")
    built = Built("clean", [], site=hostile.build_site(hostile.write_data(work / "data", []), work))
    built.pages = _site_pages(built.site)
    return built


@pytest.fixture(scope="module", params=hostile.CLASSES)
def hostile_build(request, tmp_path_factory) -> Built:
    return _build(request.param, tmp_path_factory.mktemp(f"hostile-{request.param}"))


def _baseline(theirs: dict[str, dict], page: str) -> dict:
    """The clean build's same page; for a page it lacks (a service whose id a payload renamed),
    the most the clean build's pages in the same folder (or else any page) hold."""
    if page in theirs:
        return theirs[page]
    folder = str(Path(page).parent.parent)
    similar = [f for p, f in theirs.items() if str(Path(p).parent.parent) == folder and p.count("/") == page.count("/")] or list(theirs.values())
    merged = {"on": [], "urls": [], "scripts": Counter(), "tags": Counter()}
    for found in similar:
        merged = {"on": merged["on"] + found["on"], "urls": merged["urls"] + found["urls"],
                  "scripts": merged["scripts"] | found["scripts"], "tags": merged["tags"] | found["tags"]}
    return merged


def _compare(mine: dict[str, dict], theirs: dict[str, dict]) -> list[str]:
    wrong = []
    for page, found in mine.items():
        base = _baseline(theirs, page)
        wrong += [f"{page}: event handler {x}" for x in found["on"] if x not in base["on"]]
        wrong += [f"{page}: URL {x}" for x in found["urls"] if x not in base["urls"]]
        extra = found["scripts"] - base["scripts"]
        wrong += [f"{page}: a script the theme does not write: {s[0] or s[2][:80]!r}" for s in extra]
        more = found["tags"] - base["tags"]
        wrong += [f"{page}: {n} more <{tag}> than the clean build" for tag, n in more.items()]
    return wrong


def _explain(built: Built, wrong: list[str]) -> str:
    """The findings, each with the fields whose payload it came from (by the marker's tag)."""
    lines = []
    for finding in dict.fromkeys(wrong):
        tags = set(re.findall(rf"{hostile.MARKER}\(['\"]?([\w-]+)", finding))
        sources = sorted({str(t) for t, p in built.injections if tags and any(f"({q}{tag}" in p.value for tag in tags for q in "'\"")})
        lines.append(finding + (f"   <- {', '.join(sources[:4])}" if sources else ""))
    return f"{built.cls}: {len(lines)} findings:\n" + "\n".join(lines[:40])


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["[", "- ", "> ", "*_"])
def test_markdown_as_large_as_validation_allows_renders_or_is_refused(unit, tmp_path):
    # The cost class at the size limit, in one service's description: refused at its line, or
    # converted without an error. (What it costs is `make bench`'s business, not a timed test;
    # the child's timeout only stops a render that would never end.)
    size = getattr(limits, "MAX_MARKDOWN", 20_000) // len(unit) // (2 if unit == "[" else 1) - 2
    text = "[" * size + "x" + "]" * size if unit == "[" else unit * size + "x"
    payload = Payload("cost", text)
    target = _target("services:services[].description")
    if _run(target, [Payload("cost", text, "reject")], tmp_path) == []:
        return  # refused, at its line
    code = "import sys; from handbook.presentation.markdown import to_html; to_html(sys.stdin.read())"
    try:  # in a child process, never served from a cache
        run = subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True, timeout=300, env={**os.environ, "HANDBOOK_CACHE": "off"})
    except subprocess.TimeoutExpired:
        pytest.fail(f"{payload.label} is valid, and rendering it does not end")
    assert run.returncode == 0, f"{payload.label} is valid, and rendering it fails:\n{run.stderr[-600:]}"


@pytest.mark.slow
def test_a_build_of_every_accepted_value_succeeds(hostile_build):
    if hostile_build.injections:
        hostile_build.require()


@pytest.mark.slow
def test_no_page_holds_script_handlers_bad_urls_or_payload_elements(hostile_build, clean):
    if not hostile_build.injections:
        return
    hostile_build.require()
    wrong = _compare(hostile_build.pages, clean.pages)
    assert not wrong, _explain(hostile_build, wrong)


@pytest.mark.slow
def test_the_search_index_holds_only_inert_text(hostile_build, clean):
    if not hostile_build.injections:
        return
    site = hostile_build.require()
    wrong = _compare(_index_docs(site), _index_docs(clean.site))
    assert not wrong, _explain(hostile_build, wrong)
    json.loads((site / "downloads" / "services.json").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_the_charges_download_has_no_cell_a_spreadsheet_would_run(hostile_build, clean):
    if not hostile_build.injections:
        return
    site = hostile_build.require()

    def cells(path: Path) -> list[str]:
        with path.open(encoding="utf-8", newline="") as handle:
            return [cell for row in csv.reader(handle) for cell in row]

    allowed = set(cells(clean.site / "downloads" / "charges.csv"))
    formulas = [c for c in cells(site / "downloads" / "charges.csv") if c.lstrip(" ").startswith(FORMULA_STARTS) and c not in allowed]
    assert formulas == [], f"cells a spreadsheet would run as formulas: {formulas}"


def _squeeze(text: str) -> str:
    """Text as compared with a PDF's or a page's: no spaces, no invisible or unprintable characters.

    Why no combining marks and no repeats: pdftotext gives `Z̴̧a̸l̷g̵o̶` as `Z̴̧ a̸l̷l̷g̵o̶o̶`, though the
    page shows it rightly; the letters' order is still compared.
    """
    text = unicodedata.normalize("NFKC", text)
    kept = [ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp", "Mn", "Me")]
    return "".join(ch for i, ch in enumerate(kept) if i == 0 or ch != kept[i - 1])


@pytest.mark.slow
def test_accepted_text_is_printed_as_typed_in_the_pdf_and_on_its_page(hostile_build):
    site = hostile_build.require() if hostile_build.injections else None
    pdf, missing = _squeeze(hostile_build.pdf_text), []
    for target, payload in hostile_build.injections:
        if target.field.name not in SPOT or payload.raw:
            continue
        value = _squeeze(payload.value)
        if value not in pdf and value[::-1] not in pdf:  # pdftotext may give right-to-left text reversed
            missing.append(f"PDF: {target} <- {payload.label}")
        if target.field.name == "services:services[].name":
            page = site / "services" / hostile.read_values(COMPLETE / "services.yaml")["services"][target.path[1]]["id"] / "index.html"
            if value not in _squeeze(_parse(page).text_content()):
                missing.append(f"HTML {page.relative_to(site)}: {target} <- {payload.label}")
        if target.field.name in ("authority:handbook.title", "authority:authority.name"):
            if value not in _squeeze(_parse(site / "index.html").text_content()):
                missing.append(f"HTML index.html: {target} <- {payload.label}")
    assert missing == [], "not printed as typed:\n" + "\n".join(missing)


@pytest.mark.slow
def test_no_file_from_outside_the_project_reaches_the_site_or_the_pdf(hostile_build, clean):
    if not hostile_build.injections:
        return
    site = hostile_build.require()
    assert hostile.PASSWD not in hostile_build.pdf_text
    foreign = _pdf_images(site) - _pdf_images(clean.site)
    assert not foreign, f"the PDF holds images the clean build does not (a file read from elsewhere?): {dict(foreign)}"
    leaked = [str(p.relative_to(site)) for p in site.rglob("*") if p.is_file() and p.suffix in {".html", ".json", ".xml", ".csv", ".txt"} and hostile.PASSWD in p.read_text(encoding="utf-8", errors="replace")]
    assert leaked == []
