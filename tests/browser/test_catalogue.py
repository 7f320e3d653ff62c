"""The catalogue as a school user meets it: filters narrow the list, the address keeps the choice."""

from __future__ import annotations

import pytest

from handbook.data.model.services import Provision
from handbook.data.model.types import kinds_covered
from handbook.views import catalogue

pytestmark = pytest.mark.browser


def _visible_ids(page) -> list[str]:
    return page.eval_on_selector_all("li.hb-card:not([hidden])", "els => els.map(e => e.id.replace('service-', ''))")


def test_filters_narrow_the_list_and_the_address_keeps_the_choice(page, site_url, sample_handbook):
    page.goto(site_url + "catalogue/")
    everything = catalogue.public_services(sample_handbook)
    assert len(_visible_ids(page)) == len(everything)
    page.get_by_label("Kind of service").select_option("traded")
    page.get_by_label("Phase").select_option("primary")
    # Mixed is both: a statutory-and-traded service is traded too.
    expected = sorted(s.id for s in everything if s.provision in (Provision.TRADED, Provision.MIXED) and any(p.value == "primary" for p in s.audience.phases))
    assert sorted(_visible_ids(page)) == expected
    assert "provision=traded" in page.url and "phase=primary" in page.url
    assert page.locator("[data-hb-count]").inner_text() == f"Showing {len(expected)} of {len(everything)} services"
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)
    assert sorted(_visible_ids(page)) == expected
    assert page.get_by_label("Kind of service").input_value() == "traded"
    page.get_by_role("button", name="Clear filters").click()
    page.wait_for_function("document.querySelectorAll('li.hb-card[hidden]').length === 0")
    assert "provision" not in page.url


def test_setting_filter_shows_services_for_that_kind_of_school(page, site_url, sample_handbook):
    page.goto(site_url + "catalogue/?setting=academy")
    everything = catalogue.public_services(sample_handbook)
    expected = sorted(s.id for s in everything if any(x.value == "academy" for x in s.audience.settings))
    assert 0 < len(expected) < len(everything)  # else the filter would have nothing to leave out
    assert sorted(_visible_ids(page)) == expected


def test_a_service_for_academies_is_shown_to_free_schools(page, site_url, sample_handbook):
    """The one rule: a free school is an academy in law, so the filter follows `kinds_covered`."""
    page.goto(site_url + "catalogue/?setting=free-school")
    everything = catalogue.public_services(sample_handbook)
    expected = sorted(s.id for s in everything if any(k.value == "free-school" for k in kinds_covered(s.audience.settings)))
    assert sorted(_visible_ids(page)) == expected
    academy = sorted(s.id for s in everything if any(x.value == "academy" for x in s.audience.settings))
    assert set(academy) <= set(_visible_ids(page))


def test_mixed_services_show_under_traded_and_under_statutory(page, site_url, sample_handbook):
    everything = catalogue.public_services(sample_handbook)
    mixed = {s.id for s in everything if s.provision is Provision.MIXED}
    assert mixed, "the sample data should have a statutory-and-traded service"
    page.goto(site_url + "catalogue/")
    for provision in (Provision.STATUTORY, Provision.TRADED):
        page.get_by_label("Kind of service").select_option(provision.value)
        shown = set(_visible_ids(page))
        assert mixed <= shown, provision
        assert shown == {s.id for s in catalogue.services_by_provision(sample_handbook, provision)}
        assert page.locator("[data-hb-count]").inner_text() == f"Showing {len(shown)} of {len(everything)} services"
    page.get_by_label("Kind of service").select_option(Provision.MIXED.value)
    assert set(_visible_ids(page)) == mixed


def test_without_javascript_the_full_list_shows_and_no_filters(browser, site_url, sample_handbook):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "catalogue/?provision=traded")
    assert len(_visible_ids(tab)) == len(catalogue.public_services(sample_handbook))
    assert not tab.locator("form[data-hb-filters]").is_visible()
    context.close()


def test_price_list_sorts_by_price_from_the_keyboard(page, site_url):
    page.goto(site_url + "prices/")
    prices = lambda: [float(v) for v in page.eval_on_selector_all("table.hb-price-list tbody tr td[data-value]", "tds => tds.map(td => td.dataset.value)") if v]  # noqa: E731
    assert prices() != sorted(prices())  # the list opens in service order, so sorting has work to do
    button = page.locator("table.hb-price-list th button", has_text="Price")
    button.focus()
    page.keyboard.press("Enter")
    assert prices() == sorted(prices())
    assert page.locator("table.hb-price-list th[aria-sort=ascending]").count() == 1
