"""Generated pages (services, kinds of school): Markdown written only when changed, stale pages
removed, data escaped; and the real built pages follow issue 12's rules: no charges heading names a
kind of school its prices exclude, a mixed service says what is free, a price on application says
whom to ask, payers in words, and each kind of school's page lists the right services."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from handbook.data.model.services import Provision
from handbook.data.model.types import Setting, kinds_covered
from handbook.data.validate import load_handbook
from handbook.presentation import escape, wording
from handbook.site.pages import SCHOOLS, school_page_paths, school_pages, service_markdown, write_school_pages, write_service_pages
from handbook.views import catalogue, prices, schools
from tests.site.helpers import ROOT, make_project, page

# Any string a UTF-8 file can hold (no lone surrogates).
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)


def test_pages_are_written_once_and_stale_ones_removed(tmp_path, sample_handbook):
    docs = tmp_path / "docs"
    (docs / "services").mkdir(parents=True)
    (docs / "services" / "withdrawn-service.md").write_text("old", encoding="utf-8")
    first = write_service_pages(sample_handbook, docs)
    names = sorted(p.name for p in (docs / "services").glob("*.md"))
    assert names == sorted(f"{s.id}.md" for s in catalogue.public_services(sample_handbook))
    assert docs / "services" / "withdrawn-service.md" in first
    assert write_service_pages(sample_handbook, docs) == []


def test_a_page_is_rendered_again_when_a_service_it_names_changes_and_not_otherwise(tmp_path, data_copy, monkeypatch):
    """`make serve` writes the pages after every edit; a page is rendered again only when what it
    is made from changed (here the name of a related service), so no page is older than the data."""
    from handbook.site import reuse

    monkeypatch.setattr(reuse, "_kept", {})
    monkeypatch.setattr(reuse, "_keeping", True)  # as in a serving process
    docs = tmp_path / "docs"
    write_service_pages(load_handbook(data_copy), docs)
    services = data_copy / "services.yaml"
    services.write_text(services.read_text(encoding="utf-8").replace("    name: Behaviour Support Service\n", "    name: Behaviour & Inclusion Support\n"), encoding="utf-8")
    changed = write_service_pages(load_handbook(data_copy), docs)
    naming = sorted(p.name for p in (docs / "services").glob("*.md") if "Behaviour &amp; Inclusion Support" in p.read_text(encoding="utf-8"))
    assert "behaviour-support.md" in naming and len(naming) > 1  # its own page and a page that relates to it
    assert sorted(p.name for p in changed) == naming


def test_internal_services_get_no_page(tmp_path, sample_handbook):
    write_service_pages(sample_handbook, tmp_path)
    internal = [s.id for s in sample_handbook.services.services if not s.is_public]
    assert internal and not any((tmp_path / "services" / f"{i}.md").exists() for i in internal)


def test_data_text_is_escaped_and_never_evaluated(data_copy):
    services = data_copy / "services.yaml"
    text = services.read_text(encoding="utf-8")
    first = catalogue.public_services(load_handbook(data_copy))[0]
    text = text.replace(f"name: {first.name}\n", "name: Café <script>alert(1)</script> {{ 7 * 7 }}\n", 1)
    services.write_text(text, encoding="utf-8")
    handbook = load_handbook(data_copy)
    markdown = service_markdown(handbook, handbook.services_by_id[first.id])
    assert "<script>" not in markdown
    assert "{{ 7 * 7 }}" in markdown and "49" not in markdown.split("---")[1]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=ANY_TEXT, summary=ANY_TEXT)
def test_the_front_matter_mkdocs_reads_holds_any_name_and_summary(sample_handbook, name, summary):
    """A C1 control (U+0085) once made MkDocs drop the front matter, and read the title as Markdown."""
    service = catalogue.public_services(sample_handbook)[0].model_copy(update={"name": name, "summary": summary})
    body, meta = get_data(service_markdown(sample_handbook, service))
    assert meta["title"] == str(escape.html(name)) and meta["description"] == str(escape.html(summary))
    assert meta["template"] == "service.html"
    assert not body.startswith("---")


def test_terms_and_vat_on_a_service_page_are_the_shared_wording(sample_handbook):

    for service in catalogue.public_services(sample_handbook):
        text = service_markdown(sample_handbook, service)
        for offer in service.offers:
            if offer.terms is not None:
                assert f"<dt>Contract year</dt><dd>{wording.CONTRACT_YEAR_LABELS[offer.terms.contract_year]}</dd>" in text
        standard = [c for o in service.offers for c in o.charges if c.vat.value == "standard"]
        assert (f", {wording.vat_label('standard')}<" in text or f", {wording.vat_label('standard')}</td>" in text) == bool(standard), service.id


# --- Issue 12: the real built pages follow the one kind-of-school rule, mixed is both, and a
# price on application says what a school does.




# Services added to a copy of the sample: a mixed one whose every price is on application, and a
# traded one priced for academies only, paid by de-delegation for maintained schools.
EXTRA_SERVICES = """
  - id: zz-mixed-on-application
    name: Zz Mixed On Application
    summary: A statutory duty with traded extras that are quoted case by case.
    description: The duty is met for every school; extra work is quoted.
    category: {category}
    provision: mixed
    statutory_basis:
      - act: Zz Act 2001
        section: s.9
    audience:
      phases: [primary]
      settings: [maintained, academy]
    offers:
      - id: zz-extra-work
        name: Extra work
        kind: pay-as-you-go
        charges:
          - price_on_application: true
            unit: per school per year
            settings: [maintained, academy]
            vat: exempt
            valid_from: 2026-04-01
    how_to_buy: Ask for a quote.
    contacts: [{contact}]
    owner: {owner}
    last_reviewed: 2026-05-01
    review_due: 2027-05-01
  - id: zz-academy-only
    name: Zz Academy Only
    summary: A traded service priced for academies, and de-delegated for maintained schools.
    description: Priced for academies; maintained schools have it from de-delegated funds.
    category: {category}
    provision: traded
    audience:
      phases: [secondary]
      settings: [maintained, academy]
    offers:
      - id: zz-academy-offer
        name: Academy offer
        kind: sla
        charges:
          - amount: 777.77
            unit: per pupil per year
            settings: [academy]
            payer: trust
            vat: exempt
            valid_from: 2026-04-01
          - amount: 111.11
            unit: per pupil per year
            settings: [maintained]
            payer: de-delegated
            vat: exempt
            valid_from: 2026-04-01
    how_to_buy: Sign the agreement.
    contacts: [{contact}]
    owner: {owner}
    last_reviewed: 2026-05-01
    review_due: 2027-05-01
"""


@pytest.fixture(scope="module")
def extra_site(tmp_path_factory, sample_handbook):
    """The real site (no PDF) of the sample with EXTRA_SERVICES; returns (site folder, handbook)."""
    from handbook.commands.build import build

    base = tmp_path_factory.mktemp("extra")
    data = base / "data"
    shutil.copytree(ROOT / "data", data)
    first = catalogue.public_services(sample_handbook)[0]
    services = data / "services.yaml"
    extra = EXTRA_SERVICES.format(category=first.category, contact=first.contacts[0], owner=first.owner)
    services.write_text(services.read_text(encoding="utf-8").rstrip("\n") + "\n" + extra, encoding="utf-8")
    project = make_project(base / "project", data)
    build(project / "data", project / "site", pdf=False, config_file=project / "mkdocs.yml")
    return project / "site", load_handbook(project / "data")




def _cells(table) -> list[list[str]]:
    return [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")]


def _check_charges_tables(site, handbook):
    for service in catalogue.public_services(handbook):
        if not service.offers:
            continue
        table = page(site, f"services/{service.id}").select_one("table.hb-charges")
        columns = prices.price_columns(service)
        headers = [th.get_text(strip=True) for th in table.thead.find_all("th")][1:]
        assert headers == [wording.PAYER_COLUMN_LABELS[s] for s in columns], service.id
        lines = prices.price_lines(service)
        rows = _cells(table)
        assert len(rows) == len(lines)
        for row, line in zip(rows, lines):
            for cell, column in zip(row, columns):
                charge = line.by_setting.get(column)
                if charge is None:
                    assert cell == f"– {wording.NOT_OFFERED}", (service.id, column)
                else:  # the heading names kinds_covered([column]); the price is for every one of them
                    assert kinds_covered([column]) <= charge.kinds, (service.id, column)
                    assert wording.price(charge) in cell
        for index, column in enumerate(columns):  # no column of dashes: each names a kind some price is for
            assert any(not row[index].startswith("–") for row in rows), (service.id, column)


def test_no_charges_heading_names_a_kind_of_school_its_charges_exclude(built_site, sample_handbook):
    _check_charges_tables(built_site, sample_handbook)


def test_a_price_for_academies_only_is_headed_academy_or_free_school_and_no_other_kind(extra_site):
    site, handbook = extra_site
    _check_charges_tables(site, handbook)
    headers = [th.get_text(strip=True) for th in page(site, "services/zz-academy-only").select("table.hb-charges thead th")][1:]
    assert headers == [wording.PAYER_COLUMN_LABELS[Setting.MAINTAINED], wording.PAYER_COLUMN_LABELS[Setting.ACADEMY]]


def test_payers_are_worded_never_their_raw_values(built_site, sample_handbook, extra_site):
    for site, handbook in ((built_site, sample_handbook), extra_site):
        for service in catalogue.public_services(handbook):
            if not service.offers:
                continue
            text = page(site, f"services/{service.id}").select_one("table.hb-charges").get_text(" ", strip=True)
            assert "Paid by:" not in text
            for charge in (c for o in service.offers for c in o.charges):
                if wording.payer_note(charge.payer):
                    assert wording.payer_note(charge.payer) in text, service.id
    zz = page(extra_site[0], "services/zz-academy-only").select_one("table.hb-charges").get_text(" ", strip=True)
    assert "De-delegated from maintained schools' budgets" in zz and "de-delegated " not in zz.replace("De-delegated from", "")


def test_a_mixed_service_page_says_what_is_free_and_what_is_charged(built_site, sample_handbook):
    mixed = [s for s in catalogue.public_services(sample_handbook) if s.provision is Provision.MIXED]
    assert mixed
    for service in mixed:
        note = page(built_site, f"services/{service.id}").select_one("p.hb-mixed-note").get_text(" ", strip=True)
        assert note == wording.mixed_explanation(service.statutory_basis)
        assert "without charge" in note and all(b.act in note for b in service.statutory_basis)
    for service in catalogue.public_services(sample_handbook):
        if service.provision is not Provision.MIXED:
            assert page(built_site, f"services/{service.id}").select_one("p.hb-mixed-note") is None


def _on_application_checks(site, handbook) -> int:
    checked = 0
    for service in catalogue.public_services(handbook):
        charges = [c for o in service.offers for c in o.charges]
        html = page(site, f"services/{service.id}")
        advice = html.select_one("p.hb-on-application")
        article = html.select_one("article").get_text(" ", strip=True)
        assert "Price on application per" not in article and "Price on application flat" not in article
        if not any(c.price_on_application for c in charges):
            assert advice is None
            continue
        main = catalogue.service_contacts(handbook, service)[0]
        every = all(c.price_on_application for c in charges)
        assert advice.get_text(" ", strip=True) == wording.on_application_advice(main, every=every)
        assert main.title in advice.get_text()
        cells = [td.get_text(" ", strip=True) for td in html.select("table.hb-charges td")]
        assert any(cell.startswith(wording.ON_APPLICATION) for cell in cells)
        checked += 1
    return checked


def test_a_price_on_application_says_whom_to_ask_and_never_reads_as_a_price(built_site, sample_handbook, extra_site):
    _on_application_checks(built_site, sample_handbook)
    site, handbook = extra_site
    assert _on_application_checks(site, handbook) >= 1
    advice = page(site, "services/zz-mixed-on-application").select_one("p.hb-on-application").get_text(" ", strip=True)
    assert advice.startswith("Price on application: ask the ") and advice.endswith("for a quote.")
    row = page(site, "prices").find("a", string="Zz Mixed On Application").find_parent("tr")
    assert "Price on application" in row.get_text(" ") and "quoted per school per year" in row.get_text(" ")


def _page_lists(site, kind: Setting) -> tuple[list[str], list[str]]:
    html = page(site, f"{SCHOOLS}/{kind.value}")
    free = [a["href"].rstrip("/").rsplit("/", 1)[1] for a in html.select("ul.hb-services-list > li > a")]
    bought = [a["href"].rstrip("/").rsplit("/", 1)[1] for a in html.select("section.hb-offer h3 a")]
    return free, bought


def test_the_pages_per_kind_of_school_list_the_right_services(built_site, sample_handbook, extra_site):
    for site, handbook in ((built_site, sample_handbook), extra_site):
        kinds = schools.school_kinds(handbook)
        assert {k.kind for k in kinds} >= {Setting.MAINTAINED, Setting.ACADEMY, Setting.FREE_SCHOOL, Setting.OTHER_AUTHORITY}
        index = page(site, SCHOOLS)
        assert [a["href"].strip("/").split("/")[-1] for a in index.select("ul.hb-services-list a")] == [k.slug for k in kinds]
        for view in kinds:
            free, bought = _page_lists(site, view.kind)
            assert free == [s.id for s in view.free], view.kind
            assert bought == [p.service.id for p in view.purchases], view.kind
            offers = [a["href"] for a in page(site, f"{SCHOOLS}/{view.slug}").select("ul.hb-kind-offers > li > a")]
            assert offers == [f"../../services/{p.service.id}/#offer-{o.offer.id}" for p in view.purchases for o in p.offers]
    site, handbook = extra_site
    for kind in (Setting.ACADEMY, Setting.FREE_SCHOOL):  # the one rule: academy prices are free schools' too
        free, bought = _page_lists(site, kind)
        assert "zz-academy-only" in bought and "zz-mixed-on-application" in free
    assert "zz-academy-only" not in _page_lists(site, Setting.OTHER_AUTHORITY)[1]
    text = page(site, f"{SCHOOLS}/free-school").select_one("article").get_text(" ", strip=True)
    assert wording.school_kind_rule(Setting.FREE_SCHOOL) in text and "£777.77" in text


def test_pages_per_kind_of_school_are_written_once_kept_off_paper_and_escape_data(tmp_path, data_copy, sample_handbook):
    docs = tmp_path / "docs"
    (docs / SCHOOLS).mkdir(parents=True)
    (docs / SCHOOLS / "gone.md").write_text("old", encoding="utf-8")
    first = write_school_pages(sample_handbook, docs)
    assert {f"{SCHOOLS}/{p.name}" for p in (docs / SCHOOLS).glob("*.md")} == school_page_paths(sample_handbook)
    assert docs / SCHOOLS / "gone.md" in first and write_school_pages(sample_handbook, docs) == []
    for text in school_pages(sample_handbook).values():
        assert get_data(text)[1]["print"] is False  # handbook.pdf.pages leaves it off paper
    services = data_copy / "services.yaml"
    target = next(s for s in catalogue.public_services(sample_handbook) if s.provision is Provision.STATUTORY)
    services.write_text(services.read_text(encoding="utf-8").replace(f"name: {target.name}\n", "name: Zz <script>alert(1)</script> {{ 7 * 7 }}\n", 1), encoding="utf-8")
    pages = school_pages(load_handbook(data_copy))
    assert all("<script>" not in text for text in pages.values())
    assert any("&lt;script&gt;" in text and "{{ 7 * 7 }}" in text for text in pages.values())


def test_the_book_leaves_the_pages_per_kind_of_school_off_paper(built_site):
    from handbook.core.project import project_at
    from handbook.pdf.pages import book_pages

    project = project_at(built_site.parent / "mkdocs.yml")
    assert not [p.path for p in book_pages(project) if p.path.startswith(f"{SCHOOLS}/")]
    assert (built_site.parent / "docs" / SCHOOLS / "academy.md").is_file()  # there, and still left out
