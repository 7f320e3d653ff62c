"""Search as a school user uses it: type a word, see the service and its summary."""

from __future__ import annotations

import pytest

from handbook.views import catalogue

pytestmark = pytest.mark.browser


def _search(page, site_url, words: str):
    page.goto(site_url)
    page.get_by_role("textbox", name="Search").first.click()
    page.keyboard.type(words)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.locator(".md-search-result__item")


def test_search_finds_a_service_by_name_and_shows_its_summary(page, site_url, sample_handbook):
    service = next(s for s in catalogue.public_services(sample_handbook) if s.keywords)
    results = _search(page, site_url, service.name)
    first = results.first
    assert service.name in first.inner_text()
    assert service.summary[:40] in first.inner_text()
    first.locator("a").first.click()
    page.wait_for_url(f"**/services/{service.id}/**")


def test_search_finds_a_service_by_keyword(page, site_url, sample_handbook):
    service = next(s for s in catalogue.public_services(sample_handbook) if s.keywords and " " not in s.keywords[0])
    results = _search(page, site_url, service.keywords[0])
    hrefs = results.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert any(f"services/{service.id}/" in h for h in hrefs)


def test_search_finds_services_by_contact_role(page, site_url, sample_handbook):
    service = catalogue.public_services(sample_handbook)[0]
    role = catalogue.service_contacts(sample_handbook, service)[0]
    results = _search(page, site_url, role.title)
    hrefs = results.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    # Other pages name the role too (the contacts directory); a service page must be among them.
    listing = {s.id for s in catalogue.public_services(sample_handbook) if role.id in s.contacts}
    assert any(f"services/{sid}/" in h for h in hrefs for sid in listing), hrefs
