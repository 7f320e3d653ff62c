"""Every built page, as a person uses it: axe-core's WCAG 2.0/2.1/2.2 A and AA rules at a desktop
width and at 320 CSS pixels, with the search open and showing results, with the catalogue's
filters set and with the school's own cost view in use; no page scrolls sideways at 320 px;
every scrolling box is a named region a keyboard reaches; every target is 24 by 24 px or spaced
so (WCAG 2.2, 2.5.8); text at 200% loses nothing (1.4.4). A handbook of 100 generated services
is checked on every kind of page too.

One browser; each width is one context and one tab that visits every page once (`sweep` in
conftest.py), and every check reads that one visit. What `audit.js` measures is tested on a
page broken on purpose, so a check that found nothing has looked.
"""

from __future__ import annotations

import pytest

from handbook.data.model.services import Provision
from handbook.views import catalogue, schools
from tests.browser.conftest import DESKTOP, PHONE, audit_context, built_addresses, check_page, sweep

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": DESKTOP, "phone": PHONE}


@pytest.fixture(scope="module")
def addresses(built_site) -> list[str]:
    found = built_addresses(built_site)
    assert len(found) > 70 and "" in found and "accessibility/" in found and "404.html" in found
    return found


@pytest.fixture(scope="module")
def sweeps(browser, site_url, addresses) -> dict[str, dict[str, dict]]:
    """Every page at each width, visited once; at desktop width text is then doubled."""
    return {name: sweep(browser, site_url, addresses, viewport, zoom=name == "desktop") for name, viewport in WIDTHS.items()}


def _failing(found: dict[str, dict], key: str) -> dict:
    return {address: checks[key] for address, checks in found.items() if checks[key]}


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_nothing_on_any_page(sweeps, addresses, width):
    assert list(sweeps[width]) == addresses
    assert _failing(sweeps[width], "axe") == {}


def test_no_page_scrolls_sideways_at_320_pixels(sweeps):
    assert _failing(sweeps["phone"], "sideways") == {}


@pytest.mark.parametrize("width", WIDTHS)
def test_every_box_that_scrolls_is_a_named_region_a_keyboard_reaches(sweeps, width):
    assert _failing(sweeps[width], "scrollers") == {}


@pytest.mark.parametrize("width", WIDTHS)
def test_every_target_is_24_pixels_or_spaced_so(sweeps, width):
    assert _failing(sweeps[width], "small") == {}


def test_text_at_200_percent_loses_nothing(sweeps):
    zoomed = {address: checks["zoom"] for address, checks in sweeps["desktop"].items()}
    assert {a: z for a, z in zoomed.items() if z["sideways"] or z["clipped"]} == {}


def test_the_checks_find_what_is_wrong_on_a_page_broken_on_purpose(browser, site_url):
    """Each measure of audit.js (and axe) reports a fault put into a real page."""
    context = audit_context(browser, site_url, PHONE)
    tab = context.new_page()
    tab.goto(site_url + "contacts/")
    tab.evaluate("""() => {
      const main = document.querySelector('article');
      main.insertAdjacentHTML('afterbegin', '<div id="wide" style="width: 600px">wide</div>'
        + '<div style="overflow-x: auto"><div style="width: 900px">a box that scrolls, unnamed</div></div>'
        + '<p><button id="tiny1" style="width: 10px; height: 10px; padding: 0"></button><button id="tiny2" style="width: 10px; height: 10px; padding: 0">x</button></p>'
        + '<p id="cut" style="overflow: hidden; height: 1em">one line<br>and a second line cut off</p>');
    }""")
    found = check_page(tab, zoom=True)
    context.close()
    assert found["sideways"] and found["sideways"][1] == 320
    assert {v["id"] for v in found["axe"]} >= {"button-name", "target-size"}
    assert any("tiny1" in s for s in found["small"]) and any("tiny2" in s for s in found["small"])
    assert any(s.startswith("div ") for s in found["scrollers"])
    assert any("p#cut" in s for s in found["zoom"]["clipped"])


# ---------------------------------------------------------------- pages in use


def _open_search(tab, words: str) -> None:
    tab.get_by_role("button", name="Search").click()
    tab.get_by_role("dialog", name="Search").wait_for()
    tab.keyboard.type(words)
    tab.wait_for_selector("pagefind-results a[href]", timeout=15000)
    tab.wait_for_timeout(300)  # the last keystroke's results are drawn


def _set_filters(tab) -> None:
    tab.locator("#filter-provision").select_option("traded")
    tab.locator("#filter-phase").select_option("primary")
    tab.locator("#filter-setting").select_option("academy")


def _enter_school(tab, roll: str = "210") -> None:
    tab.locator("#hb-school-phase").select_option("primary")
    tab.locator("#hb-school-kind").select_option("maintained")
    tab.get_by_label("Pupils on roll").fill(roll)


@pytest.mark.parametrize("width", WIDTHS)
def test_pages_in_use_have_no_violations_and_stay_within_the_screen(browser, site_url, sample_handbook, width):
    """The search dialog open with results, the catalogue filtered, the school's view with a school
    entered (on the catalogue and on a traded service's page, with a basket), at each width."""
    traded = next(s for s in catalogue.public_services(sample_handbook) if s.provision is Provision.TRADED)
    context = audit_context(browser, site_url, WIDTHS[width])
    tab = context.new_page()
    found = {}
    for address in ("", "catalogue/", f"services/{traded.id}/"):
        tab.goto(site_url + address)
        _open_search(tab, traded.name)
        found[f"search on /{address}"] = check_page(tab)
    tab.goto(site_url + "catalogue/")
    _set_filters(tab)
    assert "provision=traded" in tab.url
    found["catalogue filtered"] = check_page(tab)
    _enter_school(tab)
    found["catalogue filtered, with a school"] = check_page(tab)
    tab.goto(site_url + f"services/{traded.id}/")
    _enter_school(tab, "abc")  # the roll's error message shown too
    found["service, school with an error"] = check_page(tab)
    _enter_school(tab)
    tab.locator("[data-hb-add]").first.click()
    assert tab.locator("[data-hb-basket] tbody tr").count() == 1
    found["service, school and basket"] = check_page(tab)
    context.close()
    assert context.outside == []
    assert {state: {k: v for k, v in checks.items() if v} for state, checks in found.items() if any(checks.values())} == {}


# ---------------------------------------------------------------- 100 generated services


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory, sample_data):
    """The sample with 100 generated services (bench/synthetic.py), built like `make site`."""
    from bench.synthetic import make_data
    from tests.site.helpers import build_site

    work = tmp_path_factory.mktemp("synthetic")
    data = make_data(sample_data, work / "data", 100)
    return build_site(data, work / "project")


def test_100_generated_services_every_kind_of_page_is_clean(browser, synthetic_site):
    """One page of each kind, at both widths, from a handbook of 100 services: the home page, a
    prose page with the organisation chart, the catalogue, the price list, the contacts, the
    changes, the statement, the pages per kind of school, and a service of each provision."""
    import functools
    import http.server
    import threading

    from handbook.data.validate import load_handbook
    from tests.browser.conftest import _Quiet

    handbook = load_handbook(synthetic_site.parent / "data")
    services = catalogue.public_services(handbook)
    assert len(services) >= 100
    kinds = [next(s for s in services if s.provision is p) for p in catalogue.used_provisions(handbook)]
    first_kind = schools.school_kinds(handbook)[0].slug
    pages = ["", "structure/", "catalogue/", "prices/", "contacts/", "changes/", "accessibility/", "schools/", f"schools/{first_kind}/"]
    pages += [f"services/{s.id}/" for s in kinds]
    assert set(pages) <= set(built_addresses(synthetic_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(synthetic_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        found = {f"{name} /{a}": checks for name, viewport in WIDTHS.items() for a, checks in sweep(browser, url, pages, viewport).items()}
    finally:
        server.shutdown()
        server.server_close()
    assert {page: {k: v for k, v in checks.items() if v} for page, checks in found.items() if any(checks.values())} == {}


def test_the_keyboard_reaches_the_catalogue_filters_in_order(page, site_url):
    page.goto(site_url + "catalogue/")
    page.locator("#filter-provision").focus()
    order = []
    for _ in range(4):
        order.append(page.evaluate("document.activeElement.id"))
        page.keyboard.press("Tab")
    assert order == ["filter-provision", "filter-category", "filter-phase", "filter-setting"]
