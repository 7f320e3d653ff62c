"""No script runs in Chromium on a site built from hostile data: on load, focus, hover or click.

One real build (site and PDF) holds, in every field that validation accepts it, a payload of each
script class of tests/hostile.py (HTML, attribute breakouts, Markdown, templates, front matter,
JSON breakers, URL schemes). Each payload calls `window.__hb_pwned()`, `alert()` or sets the
title to `PWNED`. Every page is loaded with that function bound to the test, every element
focused, hovered and clicked (links to ordinary pages with their navigation prevented), the keyboard
tabbed through, and the search used with payloads as queries; the marker must never fire.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from tests import hostile
from tests.browser.conftest import _Quiet

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Before any page script: links to http(s) pages and form submissions are clicked, but do not
# leave the page (nor does any other navigation the page starts); javascript: and other schemes
# are clicked for real.
GUARD = """
addEventListener('click', e => {
  const a = e.target && e.target.closest && e.target.closest('a[href], area[href]');
  if (a && /^https?:$/.test(a.protocol)) e.preventDefault();
}, true);
addEventListener('submit', e => e.preventDefault(), true);
// Whatever starts it (the search's result links among them), an http(s) navigation the page
// starts is stopped too; javascript: addresses start none, so they still run if anything runs them.
navigation.addEventListener('navigate', e => {
  if (e.cancelable && /^https?:/.test(e.destination.url)) e.preventDefault();
});
"""

# Focus, hover and click every element (synthetic events run inline handlers too).
POKE = """
async () => {
  const all = [...document.querySelectorAll('*')];
  for (const el of all) {
    try { el.focus({preventScroll: true}); } catch (e) {}
    for (const type of ['mouseover', 'mouseenter', 'mousemove', 'pointerover', 'pointerenter'])
      el.dispatchEvent(new MouseEvent(type, {bubbles: true}));
  }
  const clickable = all.filter(el => el.matches('a[href], area[href], button, summary, label, input, select, [role=button], [tabindex], [onclick], details'));
  for (const el of clickable) {
    try { el.click(); } catch (e) {}
  }
  await new Promise(r => setTimeout(r, 150));
  return {count: all.length, clicked: clickable.length, title: document.title};
}
"""
SEARCHES = [f"<img src=x onerror={hostile.MARKER}('search')>", "script", "onerror", "javascript", "PWNED", "__hb_pwned"]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("hostile-pages")
    all_targets, _ = hostile.targets()
    injections = hostile.accepted(hostile.SCRIPT_CLASSES, work / "scratch", all_targets)
    assert injections, "validation rejected every script payload in every field: nothing to attack"
    site = hostile.build_site(hostile.write_data(work / "data", injections), work)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture()
def watched(browser, hostile_site):
    """A browser tab whose marker, dialogs and requests to other sites are recorded."""
    site, url = hostile_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    fired: list[str] = []
    context.expose_function(hostile.MARKER, lambda *args: fired.append(f"{hostile.MARKER}{args}"))
    context.add_init_script(GUARD)
    tab = context.new_page()
    tab.on("dialog", lambda d: (fired.append(f"dialog {d.type}: {d.message}"), d.dismiss()))
    tab.on("request", lambda r: None if r.url.startswith((url, "data:", "about:", "mailto:", "tel:")) else fired.append(f"request to {r.url}"))
    yield tab, site, url, fired
    context.close()


def _pages(site: Path) -> list[str]:
    """Each page's address relative to the site's root: `""`, `services/x/`, `404.html`."""
    addresses = []
    for path in site.rglob("*.html"):
        rel = path.relative_to(site)
        addresses.append(rel.as_posix() if rel.name != "index.html" else ("" if rel.parent == Path(".") else rel.parent.as_posix() + "/"))
    return sorted(addresses)


def test_no_script_runs_on_load_focus_hover_or_click_on_any_page(watched):
    tab, site, url, fired = watched
    pages = _pages(site)
    assert len(pages) > 10
    report = []
    for address in pages:
        before = len(fired)
        tab.goto(url + address, wait_until="load")
        tab.wait_for_timeout(100)  # autofocus and onload handlers
        poked = tab.evaluate(POKE)
        for _ in range(min(poked["clicked"], 150)):
            tab.keyboard.press("Tab")
        title = tab.evaluate("document.title")
        if title == "PWNED":
            fired.append("document.title was set to PWNED")
        report += [f"/{address}: {x}" for x in dict.fromkeys(fired[before:])]
    assert report == [], "\n".join(report[:40])


def test_no_script_runs_when_the_search_shows_hostile_text(watched):
    tab, site, url, fired = watched
    shown = {}
    for words in SEARCHES:
        tab.goto(url, wait_until="load")
        tab.get_by_role("button", name="Search").click()  # the site's search: Pagefind's dialog
        tab.get_by_role("searchbox").click()
        tab.keyboard.type(words)
        tab.wait_for_timeout(800)  # Pagefind answers, results render
        shown[words] = tab.locator("pagefind-results a[href]").count()  # before POKE closes the dialog
        tab.evaluate(POKE)
        if tab.evaluate("document.title") == "PWNED":
            fired.append(f"search {words!r}: document.title was set to PWNED")
    assert fired == [], "\n".join(dict.fromkeys(fired))
    # The hostile text is in the data, so these words must find it: results were really rendered.
    assert shown["script"] > 0 and shown["javascript"] > 0, f"the search showed no results, so no hostile text was rendered: {shown}"


def test_the_watch_sees_a_script_that_runs(watched):
    # The control: were the marker or the dialog watch broken, the tests above would pass blindly.
    tab, site, url, fired = watched
    tab.goto(url, wait_until="load")
    tab.evaluate(f"() => {{ window.{hostile.MARKER}('control'); alert('control'); }}")
    tab.wait_for_timeout(100)
    assert sorted(fired) == sorted([f"{hostile.MARKER}('control',)", "dialog alert: control"])
