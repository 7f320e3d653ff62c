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
