"""Page functions: named people only with consent; internal records never shown; the changes page compares editions."""

from __future__ import annotations

import shutil

from handbook.data.validate import load_handbook
from handbook.presentation.macros import functions


def test_contacts_directory_names_only_consenting_holders(sample_handbook, sample_data):
    html = functions(sample_handbook, sample_data, lambda p: p)["contacts_directory"]()
    for role in sample_handbook.contacts.roles:
        if role.holder and not role.holder.consent_to_publish:
            assert role.holder.name not in html
        if role.public_name and role.visibility.value == "public":
            assert role.public_name in html
        if role.visibility.value == "internal":
            assert role.title not in html


def test_service_counts_link_to_the_filtered_catalogue(sample_handbook, sample_data):
    html = functions(sample_handbook, sample_data, lambda p: "/" + p)["service_counts"]()
    assert 'href="/catalogue/?provision=statutory"' in html


def test_counts_are_honest_when_mixed_services_count_under_statutory_and_traded(sample_handbook, sample_data):
    from bs4 import BeautifulSoup

    from handbook.data.model.services import Provision
    from handbook.presentation import wording
    from handbook.views import catalogue

    soup = BeautifulSoup(functions(sample_handbook, sample_data, lambda p: p)["service_counts"](), "html.parser")
    public = catalogue.public_services(sample_handbook)
    mixed = sum(s.provision is Provision.MIXED for s in public)
    assert mixed, "the sample should have a statutory-and-traded service"
    items = [li.get_text(" ", strip=True) for li in soup.select("li")]
    for provision, item in zip(catalogue.used_provisions(sample_handbook), items):
        count = len(catalogue.services_by_provision(sample_handbook, provision))
        text, note = wording.provision_count(provision, count, mixed)
        assert item.startswith(text) and note in item
    statutory = len(catalogue.services_by_provision(sample_handbook, Provision.STATUTORY))
    assert statutory == sum(s.provision is not Provision.TRADED for s in public)
    assert f"{mixed} of them are statutory and traded" in items[0]
    assert soup.find_all("p")[-1].get_text(strip=True) == f"{len(public)} services in all."


def test_statutory_and_traded_lists_both_hold_the_mixed_services(sample_handbook, sample_data):
    from handbook.data.model.services import Provision
    from handbook.views import catalogue

    make = functions(sample_handbook, sample_data, lambda p: p)["services_list"]
    mixed = [s for s in catalogue.public_services(sample_handbook) if s.provision is Provision.MIXED]
    for provision in ("statutory", "traded"):
        html = make(provision=provision)
        assert all(f'href="services/{s.id}/"' in html for s in mixed), provision
    traded_only = [s for s in catalogue.public_services(sample_handbook) if s.provision is Provision.TRADED]
    assert not any(f'href="services/{s.id}/"' in make(provision="statutory") for s in traded_only)


def test_the_catalogue_cards_carry_the_kinds_by_the_one_rule_and_every_provision_they_are_under(sample_handbook, sample_data):
    from bs4 import BeautifulSoup

    from handbook.data.model.types import Setting, kinds_covered
    from handbook.views import catalogue

    soup = BeautifulSoup(functions(sample_handbook, sample_data, lambda p: p)["catalogue"](), "html.parser")
    for service in catalogue.public_services(sample_handbook):
        card = soup.select_one(f"#service-{service.id}")
        assert set(card["data-settings"].split()) == kinds_covered(service.audience.settings)
        assert card["data-provisions"].split() == [p.value for p in catalogue.provisions_of(service)]
    options = [o["value"] for o in soup.select("#filter-setting option") if o["value"]]
    assert Setting.FREE_SCHOOL.value in options


def test_changes_page_uses_the_editions_report(tmp_path, sample_data):
    data = tmp_path / "data"
    shutil.copytree(sample_data, data)
    archived = data / "archive" / "2025-26" / "services.yaml"
    archived.write_text(archived.read_text(encoding="utf-8").replace("    name: School Meals\n", "    name: School Dinners\n"), encoding="utf-8")
    text = functions(load_handbook(data), data, lambda p: p)["changes"]()
    assert text.startswith("Changes from the 2025-26 edition to the 2026-27 edition.")
    assert "- School Dinners is now called School Meals" in text


def test_changes_page_without_a_previous_edition_says_it_is_the_first(tmp_path, sample_data):
    data = tmp_path / "data"
    shutil.copytree(sample_data, data)
    authority = data / "authority.yaml"
    authority.write_text(authority.read_text(encoding="utf-8").replace("  previous: archive/2025-26\n", ""), encoding="utf-8")
    text = functions(load_handbook(data), data, lambda p: p)["changes"]()
    assert text.startswith("This is the first edition of the handbook held here")


def test_the_accessibility_statement_follows_the_model_statement(sample_handbook, sample_data):
    from bs4 import BeautifulSoup

    html = functions(sample_handbook, sample_data, lambda p: p)["accessibility_statement"]()
    page = BeautifulSoup(html, "html.parser")
    headings = [h.get_text() for h in page.find_all("h2")]
    assert headings == [
        "How accessible the handbook is",
        "Asking for the handbook in another format",
        "Reporting accessibility problems",
        "Enforcement procedure",
        "Technical information about the handbook's accessibility",
        "How we tested the handbook",
        "Preparation of this accessibility statement",
    ]
    facts = sample_handbook.authority.accessibility
    text = " ".join(page.get_text(" ").split())
    assert "partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard" in text
    assert "Equality and Human Rights Commission" in text and "Equality Advisory and Support Service" in text
    assert f"prepared on {facts.prepared.day} August 2026" in text and "last tested on 18 August 2026" in text
    assert page.find("a", href="mailto:schools@westmarch.example") is not None
    assert f"within {facts.reply_within_days} working days" in text
    for issue in facts.known_issues:
        assert issue.content in text and issue.problem in text
    assert "Machines cannot check everything" in text


def test_the_statement_escapes_the_council_s_words(sample_handbook, sample_data):
    import dataclasses

    facts = sample_handbook.authority.accessibility
    issues = [facts.known_issues[0].model_copy(update={"content": "<script>alert(1)</script>"})]
    authority = sample_handbook.authority.model_copy(update={"accessibility": facts.model_copy(update={"known_issues": issues})})
    html = functions(dataclasses.replace(sample_handbook, authority=authority), sample_data, lambda p: p)["accessibility_statement"]()
    assert "<script>" not in html and "&lt;script&gt;" in html
