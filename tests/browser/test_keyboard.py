"""Keyboard journeys, with nothing but Tab, Enter, Space, the arrows and Escape: the first Tab
reaches the skip link; the menu opens and closes at phone width; a search is typed and a result
opened; the catalogue's filters are set and cleared; the PDF and every download are reached.
At every stop the element with focus shows it (an outline or a shadow) and is not hidden,
under the sticky header or anything else (WCAG 2.4.7, 2.4.11).
"""

from __future__ import annotations

import pytest

from handbook.data.model.services import Provision
from handbook.views import catalogue
from tests.browser.conftest import DESKTOP, PHONE, axe_violations, built_addresses
from tests.site.helpers import soup

pytestmark = pytest.mark.browser

# Why the element with focus cannot be seen, or None: no focus, no outline or shadow, off the
# screen, or every one of five points of it covered by something else (the sticky header).
FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return 'nothing has focus';
  const name = el.tagName.toLowerCase() + ' "' + (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40) + '"';
  const s = getComputedStyle(el);
  if (!((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none')) return name + ': no focus indicator';
  const b = el.getBoundingClientRect();
  if (b.width < 1 || b.height < 1 || b.bottom <= 0 || b.top >= innerHeight || b.right <= 0 || b.left >= innerWidth) return name + ': off the screen';
  // The part of it on the screen (a table's box may be taller than the screen).
  const r = {left: Math.max(b.left, 0), top: Math.max(b.top, 0), right: Math.min(b.right, innerWidth), bottom: Math.min(b.bottom, innerHeight)};
  const points = [[.5, .5], [.1, .2], [.9, .2], [.1, .8], [.9, .8]]
    .map(([x, y]) => [r.left + x * (r.right - r.left), r.top + y * (r.bottom - r.top)]);
  const hits = points.map(([x, y]) => document.elementFromPoint(x, y));
  if (!hits.some((hit) => hit && (hit === el || el.contains(hit) || hit.contains(el)))) {
    const over = hits.find((hit) => hit);
    return name + ': hidden under ' + (over ? over.tagName.toLowerCase() + '.' + over.className : 'nothing');
  }
  return null;
}"""
ACTIVE = "() => { const el = document.activeElement; return {tag: el.tagName.toLowerCase(), id: el.id, cls: typeof el.className === 'string' ? el.className : '', href: el.getAttribute('href'), name: (el.getAttribute('aria-label') || el.textContent || '').trim()}; }"


@pytest.fixture(params=["desktop", "phone"])
def tab(request, browser, site_url):
    context = browser.new_context(viewport=DESKTOP if request.param == "desktop" else PHONE)
    page = context.new_page()
    page.width = request.param
    yield page
    context.close()


def _tab_until(page, found, limit: int = 400) -> list[dict]:
    """Presses Tab until `found(active)` holds, checking focus can be seen at every stop; returns
    every stop. Fails if `limit` presses do not get there."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        stops.append(active)
        assert page.evaluate(FOCUS) is None, (len(stops), active, page.evaluate(FOCUS))
        if found(active):
            return stops
    raise AssertionError(f"not reached in {limit} presses of Tab: {stops[-3:]}")


def test_every_page_starts_with_a_skip_link_to_its_content(built_site):
    # Material writes the skip link from the page's contents; its 404 page has none (nor headings).
    for address in [a for a in built_addresses(built_site) if a != "404.html"]:
        page = soup(built_site / address / "index.html")
        skip = page.select_one("a.md-skip")
        assert skip is not None and skip["href"].startswith("#"), address
        assert page.find(id=skip["href"][1:]) is not None, address


@pytest.mark.parametrize("address", ["", "catalogue/", "services/payroll/", "accessibility/"])
def test_the_first_tab_reaches_the_skip_link_and_it_skips_to_the_content(tab, site_url, address):
    tab.goto(site_url + address)
    tab.keyboard.press("Tab")
    assert "md-skip" in tab.evaluate(ACTIVE)["cls"].split()
    assert tab.evaluate(FOCUS) is None
    target = tab.locator("a.md-skip").get_attribute("href")
    tab.keyboard.press("Enter")
    tab.wait_for_timeout(200)
    header = tab.locator(".md-header").bounding_box()
    heading = tab.locator(target).bounding_box()
    assert heading["y"] >= header["y"] + header["height"] - 1, "the content is under the header"


def test_the_menu_opens_and_closes_by_keyboard_at_phone_width(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "catalogue/")
    button = page.get_by_role("button", name="Menu", exact=True)
    _tab_until(page, lambda a: a["name"] == "Menu")
    assert button.get_attribute("aria-expanded") == "false"
    for key in ("Enter", "Space"):
        page.keyboard.press(key)
        page.wait_for_timeout(400)  # the drawer slides in
        assert button.get_attribute("aria-expanded") == "true"
        assert page.evaluate(ACTIVE)["cls"].startswith("md-nav__link") and page.evaluate(FOCUS) is None
        if key == "Enter":
            assert axe_violations(page) == []  # the open drawer too
        stops = _tab_until(page, lambda a: a["href"] and a["href"].endswith("prices/"))
        assert all("md-nav__link" in s["cls"] for s in stops)
        page.keyboard.press("Escape")
        page.wait_for_timeout(400)
        assert button.get_attribute("aria-expanded") == "false"
        assert page.evaluate(ACTIVE)["name"] == "Menu" and page.evaluate(FOCUS) is None
    # Closed, the drawer's links are out of the way: Tab goes on to the page.
    stops = _tab_until(page, lambda a: a["id"] == "filter-provision")
    assert not any("md-nav__link" in s["cls"] for s in stops)
    context.close()


def test_a_search_is_typed_and_a_result_opened_by_keyboard(tab, site_url, sample_handbook):
    service = next(s for s in catalogue.public_services(sample_handbook) if s.provision is Provision.TRADED)
    tab.goto(site_url + "prices/")
    _tab_until(tab, lambda a: a["name"] == "Search")
    tab.keyboard.press("Enter")
    tab.get_by_role("dialog", name="Search").wait_for()
    tab.keyboard.type(service.name)
    tab.wait_for_selector("pagefind-results a[href]", timeout=15000)
    tab.wait_for_timeout(300)
    _tab_until(tab, lambda a: "pf-result-link" in a["cls"], limit=10)
    assert tab.evaluate(ACTIVE)["href"].endswith(f"services/{service.id}/")
    tab.keyboard.press("Enter")
    tab.wait_for_url(f"**/services/{service.id}/")
    assert tab.locator("h1").first.inner_text() == service.name


def test_the_filters_are_set_and_cleared_by_keyboard(tab, site_url, sample_handbook):
    tab.goto(site_url + "catalogue/")
    cards = tab.locator("li.hb-card:visible")
    everything = cards.count()
    _tab_until(tab, lambda a: a["id"] == "filter-provision")
    while "provision=traded" not in tab.url:
        tab.keyboard.press("ArrowDown")  # a closed list box takes its next option
        assert tab.evaluate(ACTIVE)["id"] == "filter-provision"
    narrowed = cards.count()
    assert 0 < narrowed < everything
    tab.keyboard.press("Tab")
    tab.keyboard.press("Tab")
    tab.keyboard.press("ArrowDown")  # the phase: its first option after "all"
    assert tab.evaluate(ACTIVE)["id"] == "filter-phase" and "phase=" in tab.url
    _tab_until(tab, lambda a: a["name"] == "Clear filters", limit=5)
    tab.keyboard.press("Enter")
    tab.wait_for_timeout(200)
    assert cards.count() == everything and "provision=" not in tab.url and "phase=" not in tab.url
    assert tab.evaluate(ACTIVE)["name"] == "Clear filters"


@pytest.mark.parametrize("address", ["prices/", "funding/"])
def test_the_pdf_and_every_download_are_reached_by_keyboard(tab, site_url, address):
    tab.goto(site_url + address)
    wanted = set(tab.locator("a[download]").evaluate_all("els => els.map(e => e.getAttribute('href'))"))
    assert any(h.endswith(".pdf") for h in wanted) and any(h.endswith("charges.csv") for h in wanted) and any(h.endswith("services.json") for h in wanted)
    reached: set[str] = set()
    _tab_until(tab, lambda a: reached.add(a["href"]) or wanted <= reached)


@pytest.mark.parametrize("address", ["", "accessibility/", "services/payroll/", "contacts/", "structure/"])
def test_focus_is_always_seen_and_never_under_the_header_through_a_whole_page(tab, site_url, address):
    tab.goto(site_url + address)
    tab.keyboard.press("Tab")  # the skip link
    stops = _tab_until(tab, lambda a: "hb-footer-link" in a["cls"].split())
    assert len(stops) > 5


def test_back_to_top_goes_to_the_top_and_focus_follows_it(tab, site_url, built_site):
    # Material's own back-to-top button (navigation.top) hid itself while the page scrolled down
    # and blurred itself as it hid: a keyboard user on it was left with focus on nothing. The
    # footer's plain link is always there, and the next Tab after it lands in the header.
    for address in built_addresses(built_site):
        page = soup(built_site / address if address.endswith(".html") else built_site / address / "index.html")
        assert page.select(".md-top") == [] and len(page.select("a.hb-back-to-top[href='#hb-top']")) == 1, address
        assert len(page.select("#hb-top")) == 1, address
    tab.goto(site_url + "services/payroll/")
    stops = _tab_until(tab, lambda a: a["name"] == "Back to top")
    assert len(stops) > 5
    tab.keyboard.press("Enter")
    tab.wait_for_timeout(200)
    assert tab.evaluate("scrollY") < 40
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.closest('.md-header') !== null")
    assert tab.evaluate(FOCUS) is None
