"""axe-core finds no WCAG 2.2 A/AA violation on each kind of page; the keyboard reaches the filters."""

from __future__ import annotations

import pytest

from handbook.views import catalogue
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser

PAGES = ["", "catalogue/", "catalogue/?provision=traded", "prices/", "contacts/", "structure/", "schools-causing-concern/", "appendix-a/", "partnerships/", "appendix-c/", "downloads/"]


@pytest.mark.parametrize("address", PAGES)
def test_axe_reports_no_violations(page, site_url, address):
    page.goto(site_url + address)
    assert axe_violations(page) == []


def test_axe_reports_no_violations_on_service_pages(page, site_url, sample_handbook):
    for service in catalogue.public_services(sample_handbook)[:6]:
        page.goto(site_url + f"services/{service.id}/")
        assert axe_violations(page) == [], service.id


def test_the_keyboard_reaches_the_catalogue_filters_in_order(page, site_url):
    page.goto(site_url + "catalogue/")
    page.locator("#filter-provision").focus()
    order = []
    for _ in range(4):
        order.append(page.evaluate("document.activeElement.id"))
        page.keyboard.press("Tab")
    assert order == ["filter-provision", "filter-category", "filter-phase", "filter-setting"]
