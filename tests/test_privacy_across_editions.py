"""Across two editions, the real site and PDF publish nothing the newer edition withholds.

The sample data is changed so that, since its previous edition (data/archive/2025-26), two
post-holders withdraw consent to be named (one of them chairs a group), a renamed service with a
price change and a service with its contact role become internal, a group whose chair changed
and a contact point become internal. The site and the PDF are built once, by the same code as
`make site`, from a copy of the project. Then every text of every internal record of the newer
edition (and of the same records as the older edition published them), and every name given
without consent in either edition, that the newer edition does not publish, is looked for in every file of the site (pages, search index, sitemap, downloads,
images, scripts) and in the PDF's text.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import shutil
import subprocess
from enum import Enum
from pathlib import Path

import pytest
from pydantic import BaseModel
from pydantic_core import Url

from handbook.data.model.units import Counted, Period, Unit
from handbook.data.model.contacts import Person
from handbook.data.model.handbook import FILES
from handbook.data.model.types import Visibility
from handbook.data.validate import load_handbook
from tests.conftest import SAMPLE_DATA
from tests.site.helpers import build_site

NEWLY_INTERNAL = {"services": ["grounds-maintenance", "cpd-programme"], "contacts": ["grounds-maintenance-supervisor", "payroll-helpdesk"], "partnerships": ["primary-heads-association"]}
WITHDRAWN_CONSENT = ["Sunita Kaur", "Kevin Ahmed"]  # admissions-manager; property-manager, who chairs a committee


def _make_private(data: Path) -> None:
    """Plant the cases in data/ (the newer edition); the archive stays as it was published."""
    for stem, ids in NEWLY_INTERNAL.items():
        path = data / f"{stem}.yaml"
        text = path.read_text(encoding="utf-8")
        for record in ids:
            line = f"  - id: {record}\n"
            assert text.count(line) == 1, record
            text = text.replace(line, line + "    visibility: internal\n")
            # A public service may not point at an internal one: leave it out of `related`.
            text = re.sub(rf"(related: \[[^\]\n]*?)(?:{record}, |, {record}(?=[,\]]))", r"\1", text)
        path.write_text(text, encoding="utf-8")
    contacts = data / "contacts.yaml"
    text = contacts.read_text(encoding="utf-8")
    for name in WITHDRAWN_CONSENT:
        named = f"      name: {name}\n      consent_to_publish: true\n"
        assert text.count(named) == 1, name
        text = text.replace(named, named.replace("true", "false"))
    contacts.write_text(text, encoding="utf-8")


def _texts(handbook, hidden: frozenset = frozenset()) -> tuple[set[str], set[str], frozenset]:
    """(what the edition publishes, what it withholds, its internal records' (kind, id)).

    Every text of every record; a name given without consent counts as withheld wherever it is,
    and so does every text of a record listed in `hidden` (internal in the newer edition).
    """
    public: set[str] = set()
    private: set[str] = set()
    internal_ids: set[tuple] = set()

    def walk(value: object, internal: bool) -> None:
        if isinstance(value, Person):
            (public if value.consent_to_publish and not internal else private).add(value.name)
        elif isinstance(value, BaseModel):
            key = (type(value).__name__, getattr(value, "id", None))
            if getattr(value, "visibility", None) is Visibility.INTERNAL:
                internal_ids.add(key)
            internal = internal or key in internal_ids or key in hidden
            for name in type(value).model_fields:
                walk(getattr(value, name), internal)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item, internal)
        elif isinstance(value, (Enum, Unit)):
            public.add(str(value.value))  # a word of the fixed vocabulary (`per twilight`), never a secret
        elif isinstance(value, (str, Url)):
            (private if internal else public).add(str(value))

    # Every unit word (`twilight`, `half day`) is the handbook's vocabulary: the calculator's data on
    # every priced page names them all, whatever an internal record's keywords say.
    public.update(word.value for vocabulary in (Counted, Period) for word in vocabulary)
    for stem in FILES:
        walk(getattr(handbook, stem), False)
    return public, private, frozenset(internal_ids)


def _normal(text: str) -> str:
    """Text as a reader sees it: entities decoded, typographic quotes plain, spaces single."""
    text = html.unescape(html.unescape(text)).replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text.replace("\u00ad", ""))


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Both editions, the secrets, and the site and PDF built from the changed data."""
    staged = tmp_path_factory.mktemp("staged") / "data"
    shutil.copytree(SAMPLE_DATA, staged)
    _make_private(staged)
    new = load_handbook(staged)
    old = load_handbook(staged / new.authority.edition.previous)
    new_public, new_private, new_internal = _texts(new)
    old_private = _texts(old, hidden=new_internal)[1]
    published = _normal(" \n ".join(new_public))
    # What the newer edition prints itself is no secret, even where an internal record says it too.
    secrets = {s for s in map(_normal, new_private | old_private) if s.strip() and s not in published}
    site = build_site(staged, tmp_path_factory.mktemp("built") / "project")
    return {"old": old, "new": new, "secrets": secrets, "site": site}


def _file_text(path: Path) -> str:
    if path.suffix == ".pdf":
        return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    data = path.read_bytes()
    if path.suffix == ".gz" or data[:2] == b"\x1f\x8b":  # the search index's chunks are gzipped too
        data = gzip.decompress(data)
    text = data.decode("utf-8", errors="replace")
    if path.suffix == ".ics":  # a calendar's values as written: lines unfolded, RFC 5545's escapes undone
        import icalendar

        calendar = icalendar.Calendar.from_ical(text)
        return "\n".join(str(v) for c in calendar.walk() for _, v in c.property_items(recursive=False) if isinstance(v, str))
    signed = text.startswith("pagefind_dcd{")  # a search fragment: JSON after Pagefind's signature
    if path.suffix == ".json" or signed:  # strings inside JSON may be escaped (\u2019, \")
        strings: list[str] = []
        stack = [json.loads(text[len("pagefind_dcd"):] if signed else text)]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, str):
                strings.append(item)
        text += "\n" + "\n".join(strings)
    return text


def test_the_planted_cases_happen_and_the_secrets_were_published_before(editions):
    old, new, secrets = editions["old"], editions["new"], editions["secrets"]
    for sid in NEWLY_INTERNAL["services"]:
        assert old.services_by_id[sid].is_public and not new.services_by_id[sid].is_public
    # The older edition printed these; the newer one must not print them anywhere.
    # ("Professional Development Courses" is not among them: a public service names it.)
    for text in [*WITHDRAWN_CONSENT, "Lee Hammond", "Grounds Maintenance", "Training and Development Courses", "schools.payroll@westmarch.example", "Mrs Joy Adeyemi, headteacher, St Aidan's CE Primary School", "Mr David Coleman, headteacher, Brookfield Primary School"]:
        assert any(text in s for s in secrets), text
    changes = _normal((editions["site"] / "changes" / "index.html").read_text(encoding="utf-8"))
    assert "Changes from the 2025-26 edition to the 2026-27 edition" in changes and "Olivia Hart" in changes


def test_no_withheld_text_is_in_any_file_of_the_site(editions):
    site, secrets = editions["site"], editions["secrets"]
    files = [p for p in site.rglob("*") if p.is_file() and p.suffix != ".pdf"]
    assert {site / "pagefind" / "pagefind-entry.json", site / "sitemap.xml", site / "downloads" / "charges.csv"} <= set(files)
    # The open-data downloads (issue 13) are read too: JSON by its strings, calendars by their values.
    downloads = site / "downloads"
    assert {downloads / "openreferral-uk" / "services.json", downloads / "services.schema.json", downloads / "calendar.ics", downloads / "calendar-meetings.ics", downloads / "index.html"} <= set(files)
    assert any(p.parent.name == "fragment" for p in files)  # the search index's text, one file per page
    leaks = []
    for path in files:
        text = _normal(_file_text(path))
        leaks += [(str(path.relative_to(site)), s) for s in secrets if s in text]
    assert leaks == []


def test_no_withheld_text_is_in_the_pdf(editions):
    (pdf,) = (editions["site"] / "pdf").glob("*.pdf")
    text = _normal(_file_text(pdf))
    # Lines break anywhere in print: compare without spaces and without a hyphen at a line's end.
    squashed = re.sub(r"\s+", "", re.sub(r"-\s*\n", "", _file_text(pdf)))
    leaks = [s for s in editions["secrets"] if s in text or re.sub(r"\s+", "", s) in squashed]
    assert leaks == []
