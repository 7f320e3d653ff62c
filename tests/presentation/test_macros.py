"""Page functions: named people only with consent; internal records never shown."""

from __future__ import annotations

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


def test_changes_page_uses_the_editions_report(sample_handbook, sample_data):
    text = functions(sample_handbook, sample_data, lambda p: p)["changes"]()
    assert text.strip()
