"""Browser fixtures: the built site served on 127.0.0.1 only, and Debian's headless Chromium."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AUDIT = Path(__file__).resolve().parent / "audit.js"
# Every WCAG 2.0, 2.1 and 2.2 success criterion at A and AA that axe-core tests.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 320, "height": 640}  # WCAG 1.4.10's 320 CSS pixels


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(built_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    outside: list[str] = []
    tab.on("request", lambda r: None if r.url.startswith(site_url) or r.url.startswith("data:") else outside.append(r.url))
    yield tab
    context.close()
    assert outside == [], "the site requested another site"


def axe_violations(tab) -> list[dict]:
    """axe-core's WCAG A/AA violations in the page as it is now (axe injected unless already there)."""
    if not tab.evaluate("typeof window.axe !== 'undefined'"):
        tab.add_script_tag(path=str(AXE))
    result = tab.evaluate("async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_TAGS)
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]


def audit_context(browser, site_url: str, viewport: dict):
    """A context whose every page has axe and `audit.js` (window.hbAudit) loaded before its own
    scripts, and which records any request that leaves the site (`outside`)."""
    context = browser.new_context(viewport=viewport)
    context.add_init_script(path=str(AXE))
    context.add_init_script(path=str(AUDIT))
    context.outside = []
    context.on("request", lambda r: None if r.url.startswith(site_url) or r.url.startswith("data:") else context.outside.append(r.url))
    return context


def check_page(tab, zoom: bool = False) -> dict:
    """Everything the accessibility tests measure in the page as it is now: axe's violations, and
    `audit.js`'s sideways scrolling, small targets and unnamed scrolling boxes; with `zoom`, then
    text at 200% (which changes the page: call it last)."""
    found = {"axe": axe_violations(tab), **tab.evaluate("hbAudit.layout()")}
    if zoom:
        found["zoom"] = tab.evaluate("hbAudit.zoomText()")
    return found


def sweep(browser, site_url: str, addresses: list[str], viewport: dict, zoom: bool = False) -> dict[str, dict]:
    """`check_page` for each address, one tab of one context: address -> what it found."""
    context = audit_context(browser, site_url, viewport)
    tab = context.new_page()
    found = {}
    for address in addresses:
        tab.goto(site_url + address)
        found[address] = check_page(tab, zoom)
    context.close()
    assert context.outside == [], "the site requested another site"
    return found


def built_addresses(site: Path) -> list[str]:
    """The address of every page in a built site: each folder's index.html, and the 404 page."""
    pages = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html") if "pagefind" not in p.parts)
    return [("" if p == "./" else p) for p in pages] + (["404.html"] if (site / "404.html").is_file() else [])
