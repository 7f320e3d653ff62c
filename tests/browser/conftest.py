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
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate("async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})")
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]
