"""Search as a school user uses it: the button in the header, a service's name, its page.

The site's search is Pagefind's component UI over the index `handbook build` makes
(`handbook.site.search`, overrides/partials/pagefind.html): a button opens a named dialog, the
results are the pages' titles and excerpts, the count is announced, Escape closes the dialog and
gives focus back to the button. Every request stays on the site (the `page` fixture checks).
"""

from __future__ import annotations

import pytest

from handbook.views import catalogue

pytestmark = pytest.mark.browser

RESULT_LINKS = "pagefind-results a[href]"


def _open(page, site_url, address: str = ""):
    """The page with the search dialog opened from the keyboard: Tab to the button, Enter."""
    page.goto(site_url + address)
    button = page.get_by_role("button", name="Search")
    button.wait_for()
    button.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Search")
    dialog.wait_for()
    return button, dialog


def _search(page, site_url, words: str):
    _, dialog = _open(page, site_url)
    page.keyboard.type(words)
    page.wait_for_selector(RESULT_LINKS, timeout=15000)
    return dialog, page.locator(RESULT_LINKS)


def _hrefs(links) -> list[str]:
    return links.evaluate_all("els => els.map(e => e.getAttribute('href'))")


def test_the_search_button_is_reached_with_tab_from_the_top_of_the_page(page, site_url):
    page.goto(site_url)
    page.get_by_role("button", name="Search").wait_for()
    reached = []
    for _ in range(12):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.getAttribute('aria-label') || document.activeElement.textContent.trim()"))
        if reached[-1] == "Search":
            break
    assert reached[-1] == "Search", reached


def test_search_finds_a_service_by_name_first_and_opens_it(page, site_url, sample_handbook):
    service = next(s for s in catalogue.public_services(sample_handbook) if s.keywords)
    dialog, links = _search(page, site_url, service.name)
    first = links.first
    assert first.get_attribute("href").endswith(f"services/{service.id}/")
    assert service.name in first.inner_text()
    first.click()
    page.wait_for_url(f"**/services/{service.id}/")
    assert page.locator("h1").first.inner_text() == service.name


# Records what the page's live regions say: Pagefind writes each announcement, then clears it.
HEARD = """() => {
  window.__heard = [];
  new MutationObserver(changes => {
    for (const change of changes) {
      const node = change.target.nodeType === 1 ? change.target : change.target.parentElement;
      const region = node && node.closest('[aria-live]');
      if (region && region.textContent.trim()) window.__heard.push(region.textContent.trim());
    }
  }).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


def test_the_count_of_results_is_announced(page, site_url, sample_handbook):
    service = catalogue.public_services(sample_handbook)[0]
    _, dialog = _open(page, site_url)
    page.evaluate(HEARD)
    page.keyboard.type(service.name)
    page.wait_for_selector(RESULT_LINKS, timeout=15000)
    links = page.locator(RESULT_LINKS)
    shown = dialog.locator("pagefind-summary")
    page.wait_for_function("() => /\\d+ results? for/.test(document.querySelector('pagefind-summary').textContent)")
    page.wait_for_timeout(500)  # the last keystroke's search has answered
    summary = shown.inner_text().strip()
    assert summary.split()[0].isdigit() and service.name in summary and links.count() > 0
    # The summary shown is the one announced to screen readers.
    page.wait_for_function("(summary) => window.__heard.includes(summary)", arg=summary)


def test_escape_closes_the_dialog_and_gives_focus_back_to_the_button(page, site_url):
    button, dialog = _open(page, site_url, "catalogue/")
    page.keyboard.type("payroll")
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    assert button.evaluate("b => b === document.activeElement")
    assert button.get_attribute("aria-expanded") == "false"


def test_search_finds_a_service_by_keyword(page, site_url, sample_handbook):
    service = next(s for s in catalogue.public_services(sample_handbook) if s.keywords and " " not in s.keywords[0])
    _, links = _search(page, site_url, service.keywords[0])
    assert any(h.endswith(f"services/{service.id}/") for h in _hrefs(links)), _hrefs(links)


def test_search_finds_services_by_contact_role(page, site_url, sample_handbook):
    service = catalogue.public_services(sample_handbook)[0]
    role = catalogue.service_contacts(sample_handbook, service)[0]
    _, links = _search(page, site_url, role.title)
    hrefs = _hrefs(links)
    # Other pages name the role too (the contacts directory); a service page must be among them.
    listing = {s.id for s in catalogue.public_services(sample_handbook) if role.id in s.contacts}
    assert any(h.endswith(f"services/{sid}/") for h in hrefs for sid in listing), hrefs


def test_without_javascript_the_page_works_and_shows_no_broken_search(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(site_url + "catalogue/")
        assert tab.locator("h1").first.is_visible()
        assert tab.get_by_role("button", name="Search").count() == 0
    finally:
        context.close()


def test_every_service_name_finds_the_services_own_page_first(page, site_url, sample_handbook):
    """The catalogue, the price list and the kinds-of-school pages name every service too; for a
    service's name its own page comes first (Pagefind's API, as the UI asks it)."""
    page.goto(site_url)
    services = catalogue.public_services(sample_handbook)
    firsts = page.evaluate(
        """async (names) => {
          const pagefind = await import('./pagefind/pagefind.js');
          await pagefind.init();
          const firsts = [];
          for (const name of names) {
            const found = await pagefind.search(name);
            firsts.push(found.results.length ? (await found.results[0].data()).url : null);
          }
          return firsts;
        }""",
        [s.name for s in services],
    )
    wrong = [(s.name, url) for s, url in zip(services, firsts, strict=True) if not (url or "").endswith(f"services/{s.id}/")]
    assert wrong == []
