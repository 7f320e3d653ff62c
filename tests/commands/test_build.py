"""The real site, built by handbook.commands.build from the sample data: pages, privacy, links, atomicity."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from handbook.commands.build import build
from handbook.core.errors import HandbookUserError
from handbook.data.model.types import Visibility
from handbook.presentation import wording
from handbook.presentation.wording import money
from handbook.site import search
from handbook.views import catalogue, prices
from handbook.views.edition import pdf_filename
from tests.site.helpers import build_site, make_project, page, soup, text_files


@pytest.fixture(scope="module")
def public(sample_handbook):
    return catalogue.public_services(sample_handbook)


def test_every_public_service_has_a_page_with_summary_first_and_a_worded_badge(built_site, public):
    for service in public:
        html = page(built_site, f"services/{service.id}")
        content = html.select_one("article")
        assert content.h1.get_text(strip=True) == service.name
        first = content.find("p")
        assert first.get_text(" ", strip=True) == service.summary
        badge = content.select_one(".hb-badge")
        assert badge.get_text(strip=True) == wording.PROVISION_LABELS[service.provision]


def test_service_charges_table_gives_each_kind_of_schools_price(built_site, sample_handbook, public):
    for service in public:
        if not service.offers:
            continue
        table = page(built_site, f"services/{service.id}").select_one("table.hb-charges")
        headers = [th.get_text(strip=True) for th in table.thead.find_all("th")]
        assert headers[1:] == [wording.PAYER_COLUMN_LABELS[setting] for setting in prices.price_columns(service)]
        text = table.get_text(" ", strip=True)
        for offer in service.offers:
            for charge in offer.charges:
                assert money(charge.amount, charge.price_on_application) in text
        assert "Price on application per" not in text and "Paid by:" not in text


def test_catalogue_lists_every_public_service_and_no_internal_one(built_site, sample_handbook, public):
    cards = page(built_site, "catalogue").select("li.hb-card")
    assert sorted(c["id"] for c in cards) == sorted(f"service-{s.id}" for s in public)
    for card in cards:
        link = card.select_one("a")["href"]
        assert (built_site / "catalogue" / link / "index.html").resolve().is_file()


def _private_strings(handbook) -> set[str]:
    """Text that must never be published: internal records and names given without consent."""
    secrets: set[str] = set()
    for s in handbook.services.services:
        if s.visibility is Visibility.INTERNAL:
            secrets |= {s.name, s.summary, f"services/{s.id}/"}
    for r in handbook.contacts.roles:
        if r.visibility is Visibility.INTERNAL:
            secrets |= {r.title} | ({str(r.email)} if r.email else set())
        if r.holder and not r.holder.consent_to_publish:
            secrets.add(r.holder.name)
    named = [
        (handbook.contacts.contact_points, "name"),
        (handbook.structure.units, "name"),
        (handbook.partnerships.groups, "name"),
        (handbook.publications.data_releases, "title"),
        (handbook.protocols.protocols, "title"),
    ]
    for records, field in named:
        secrets |= {getattr(r, field) for r in records if r.visibility is Visibility.INTERNAL}
    return secrets


def test_nothing_internal_or_unconsented_appears_in_pages_search_sitemap_or_downloads(built_site, sample_handbook):
    secrets = _private_strings(sample_handbook)
    assert secrets, "the sample data should exercise the privacy rule"
    files = text_files(built_site)
    assert built_site / "sitemap.xml" in files
    assert built_site / "downloads" / "charges.csv" in files
    assert {built_site / "downloads" / "openreferral-uk" / "services.json", built_site / "downloads" / "calendar.ics"} <= set(files)
    leaks = [(f.relative_to(built_site), s) for f in files for s in secrets if s in f.read_text(encoding="utf-8")]
    indexed = search.fragments(built_site / search.BUNDLE)  # the search index, gzipped per page
    assert len(indexed) > 60
    leaks += [(f"search: {url}", s) for url, f in indexed.items() for s in secrets if s in json.dumps(f, ensure_ascii=False)]
    assert leaks == []


def _local_target(site: Path, page_file: Path, href: str) -> tuple[Path, str] | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:")):
        return None
    base = page_file.parent
    path = unquote(parts.path)
    target = (base / path).resolve() if path else page_file
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def test_every_internal_link_and_anchor_resolves(built_site):
    broken = []
    ids: dict[Path, set[str]] = {}
    for html_file in built_site.rglob("*.html"):
        if html_file.name == "404.html":
            continue  # its links are absolute to the deployed root
        doc = soup(html_file)
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for el in doc.find_all(tag):
                value = el.get(attr)
                if not value:
                    continue
                found = _local_target(built_site, html_file, value)
                if found is None:
                    continue
                target, fragment = found
                if not target.is_file():
                    broken.append((str(html_file.relative_to(built_site)), value))
                elif fragment and target.suffix == ".html":
                    if target not in ids:
                        ids[target] = {e["id"] for e in soup(target).find_all(id=True)}
                    if fragment not in ids[target]:
                        broken.append((str(html_file.relative_to(built_site)), value))
    assert broken == []


def test_every_page_links_the_pdf_edition_with_its_size(built_site, sample_handbook):
    pdf = built_site / "pdf" / pdf_filename(sample_handbook)
    assert pdf.is_file()
    for html_file in [built_site / "index.html", built_site / "prices" / "index.html", built_site / "services" / catalogue.public_services(sample_handbook)[0].id / "index.html"]:
        link = soup(html_file).select_one("a.hb-pdf-link")
        assert link is not None
        assert re.fullmatch(r"Download the PDF edition \(\d+\.\d MB\)", link.get_text(strip=True))
        assert (html_file.parent / link["href"]).resolve() == pdf.resolve()


def test_no_page_requests_anything_from_another_site(built_site):
    for html_file in built_site.rglob("*.html"):
        doc = soup(html_file)
        for el in doc.find_all(["script", "link", "img", "iframe"]):
            url = el.get("src") or (el.get("href") if el.name == "link" and el.get("rel") != ["canonical"] else None)
            if url and el.get("rel") not in (["canonical"], ["alternate"]):
                assert not urlsplit(url).netloc, f"{html_file}: {url}"
        text = html_file.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text
        # No edition switcher outside a mike-published site: it would ask for a missing versions.json.
        assert '"provider": "mike"' not in text, html_file


def test_search_index_holds_each_service_with_its_summary(built_site, public):
    indexed = search.fragments(built_site / search.BUNDLE)
    assert not (built_site / "search" / "search_index.json").exists()  # the theme's search is off
    for service in public:
        page = indexed[f"/services/{service.id}/"]
        assert page["meta"]["title"] == service.name
        assert service.summary in page["content"]


@pytest.fixture()
def small_project(tmp_path, data_copy) -> Path:
    project = make_project(tmp_path / "project", data_copy)
    cwd = os.getcwd()
    os.chdir(project)
    yield project
    os.chdir(cwd)


def test_a_failed_build_leaves_the_previous_site_in_place(small_project):
    build(Path("data"), Path("site"), pdf=False)
    before = (small_project / "site" / "index.html").read_text(encoding="utf-8")
    (small_project / "docs" / "role.md").write_text("---\nrender_macros: true\n---\n# Role\n\n{{ no_such_macro() }}\n", encoding="utf-8")
    with pytest.raises(HandbookUserError) as error:
        build(Path("data"), Path("site"), pdf=False)
    assert error.value.status == 1
    assert (small_project / "site" / "index.html").read_text(encoding="utf-8") == before
    assert [p.name for p in small_project.iterdir() if p.name.startswith(".site")] == []


def test_data_with_errors_stops_the_build_with_the_problems(small_project):
    services = small_project / "data" / "services.yaml"
    services.write_text(services.read_text(encoding="utf-8").replace("provision: traded", "provision: sold", 1), encoding="utf-8")
    with pytest.raises(HandbookUserError) as error:
        build(Path("data"), Path("site"), pdf=False)
    assert error.value.status == 1
    assert "services.yaml:" in str(error.value)
    assert not (small_project / "site").exists()


NEW_SERVICE = """
  - id: zz-forest-school-visits
    name: Forest School Visits
    summary: Guided outdoor learning days in Westmarch woodland for primary classes.
    description: Qualified leaders run a day of outdoor learning for one class.
    category: {category}
    provision: traded
    audience:
      phases: [primary]
      settings: [maintained, academy]
    offers:
      - id: forest-day
        name: Forest day
        kind: pay-as-you-go
        charges:
          - amount: 612.35
            unit: per day
            settings: [maintained, academy]
            vat: exempt
            valid_from: 2026-04-01
    how_to_buy: Book through the outdoor centre.
    contacts: [{contact}]
    owner: {owner}
    last_reviewed: 2026-05-01
    review_due: 2027-05-01
    keywords: [woodland]
"""


def test_a_new_service_reaches_catalogue_search_price_list_and_downloads_with_no_other_edit(small_project, sample_handbook):
    public = catalogue.public_services(sample_handbook)[0]
    services = small_project / "data" / "services.yaml"
    services.write_text(
        services.read_text(encoding="utf-8").rstrip("\n") + "\n" + NEW_SERVICE.format(category=public.category, contact=public.contacts[0], owner=public.owner),
        encoding="utf-8",
    )
    build(Path("data"), Path("site"), pdf=False)
    site = small_project / "site"
    assert page(site, "services/zz-forest-school-visits").h1.get_text(strip=True) == "Forest School Visits"
    assert page(site, "catalogue").select_one("#service-zz-forest-school-visits") is not None
    assert "£612.35" in page(site, "prices").select_one("table.hb-price-list").get_text()
    indexed = search.fragments(site / search.BUNDLE)
    assert "woodland" in indexed["/services/zz-forest-school-visits/"]["content"]
    assert "zz-forest-school-visits" in (site / "downloads" / "charges.csv").read_text(encoding="utf-8")
    ids = [s["id"] for s in json.loads((site / "downloads" / "services.json").read_text(encoding="utf-8"))["services"]]
    assert "zz-forest-school-visits" in ids


def test_the_published_site_is_readable_by_a_web_server(built_site):
    # The staging folder comes from mkdtemp (0700); a server running as another user must read it.
    import os
    import stat

    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(built_site.stat().st_mode) == 0o777 & ~umask


def test_two_builds_of_the_same_sources_are_byte_identical_in_every_file(built_site, tmp_path, sample_data):
    """Another folder, a warm cache, the same SOURCE_DATE_EPOCH: every file of site/ the same, PDF included."""
    site = build_site(sample_data, tmp_path / "elsewhere" / "project")
    first = {p.relative_to(built_site): p for p in built_site.rglob("*") if p.is_file()}
    second = {p.relative_to(site): p for p in site.rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    assert any(name.suffix == ".pdf" for name in first)
    assert [str(name) for name in first if first[name].read_bytes() != second[name].read_bytes()] == []


def test_the_sitemap_is_dated_from_source_date_epoch(small_project, monkeypatch):
    import gzip

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # 2026-09-21
    build(Path("data"), Path("site"), pdf=False)
    sitemap = (small_project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) == {"2026-09-21"}
    with gzip.open(small_project / "site" / "sitemap.xml.gz") as packed:
        assert packed.read().decode("utf-8") == sitemap
    # The gzip header carries the day of the newest page (MkDocs), so it too is the same each build.
    assert int.from_bytes((small_project / "site" / "sitemap.xml.gz").read_bytes()[4:8], "little") == 1790000000 // 86400 * 86400


def test_a_killed_builds_folders_are_removed_and_a_running_ones_kept(small_project):
    import subprocess
    import sys

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    dead = int(gone.stdout)
    left = [small_project / f".site.building-{dead}-abc", small_project / f".site.old-{dead}"]
    running = small_project / f".site.building-{os.getppid()}-xyz"
    other = small_project / f".other.building-{dead}-abc"
    for folder in (*left, running, other):
        (folder / "x").mkdir(parents=True)
    build(Path("data"), Path("site"), pdf=False)
    assert not any(folder.exists() for folder in left)
    assert running.exists() and other.exists()


def test_without_the_pdf_no_pdf_is_published_not_even_one_left_in_docs(small_project, sample_handbook):
    stale = small_project / "docs" / "pdf" / pdf_filename(sample_handbook)
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"%PDF-1.7 from other data")
    build(Path("data"), Path("site"), pdf=False)
    site = small_project / "site"
    assert not (site / "pdf").exists()
    assert soup(site / "index.html").select_one("a.hb-pdf-link") is None


def test_a_page_the_guard_refuses_stops_the_build_and_keeps_the_old_site(small_project):
    build(Path("data"), Path("site"), pdf=False)
    before = (small_project / "site" / "index.html").read_bytes()
    template = small_project / "overrides" / "service.html"
    template.write_text(template.read_text(encoding="utf-8").replace('<nav class="hb-back"', '<nav onmouseover="alert(1)" class="hb-back"'), encoding="utf-8")
    with pytest.raises(HandbookUserError) as error:
        build(Path("data"), Path("site"), pdf=False)
    assert error.value.status == 1
    assert re.search(r"services/[a-z0-9-]+/index\.html: <nav onmouseover=\.\.\.>", str(error.value))
    assert (small_project / "site" / "index.html").read_bytes() == before
    assert [p.name for p in small_project.iterdir() if p.name.startswith(".site")] == []


def test_a_generated_page_whose_front_matter_does_not_parse_stops_the_build(small_project, monkeypatch):
    from handbook.presentation import escape

    monkeypatch.setattr(escape, "front_matter", lambda text: '"unterminated')
    with pytest.raises(HandbookUserError, match=r"docs/services/.*front matter"):
        build(Path("data"), Path("site"), pdf=False)
    assert not (small_project / "site").exists()


HOSTILE_TITLE = "Tom & Jerry's <b>\"Handbook\"</b> [t](javascript:alert(1)) {: onclick=alert(1) }"
HOSTILE_NAME = "<img src=x onerror=alert(2)> & \"Co\""


def test_the_authoritys_name_and_the_title_are_shown_as_typed_everywhere(small_project):
    authority = small_project / "data" / "authority.yaml"
    text = authority.read_text(encoding="utf-8")
    text = text.replace("  title: Working Together for Westmarch Learners", "  title: " + json.dumps(HOSTILE_TITLE))
    text = text.replace("  name: Westmarch County Council", "  name: " + json.dumps(HOSTILE_NAME))
    text = text.replace("  subtitle: Services to schools and the traded-services catalogue", "  subtitle: " + json.dumps(HOSTILE_TITLE))
    authority.write_text(text, encoding="utf-8")
    build(Path("data"), Path("site"), pdf=False)
    site = small_project / "site"
    for page_file in (site / "index.html", site / "prices" / "index.html"):
        html = soup(page_file)
        assert html.title.get_text().endswith(HOSTILE_TITLE)
        assert html.select_one(".md-header__topic .md-ellipsis").get_text(strip=True) == HOSTILE_TITLE
        assert html.select_one("a.md-logo")["title"] == HOSTILE_TITLE  # Material's `| e`: not escaped twice
        assert html.select_one(".md-copyright__highlight").get_text(strip=True).startswith(HOSTILE_NAME + ", ")
        assert html.find("meta", attrs={"name": "description"})["content"] in (HOSTILE_TITLE, "")
        assert html.find("img", src="x") is None and html.find("b") is None
        assert not html.find_all(lambda e: any(a.startswith("on") for a in e.attrs))
    home = soup(site / "index.html").select_one("article")
    assert home.h1.get_text() == HOSTILE_TITLE and home.h1.find("a") is None
    assert HOSTILE_NAME in home.get_text()
