"""The sample built by each generator, served under a sub-path as a published edition is: every
internal address of every page answers 200, and both generators build the same pages.

Why a sub-path: at the server's root a link with one `../` too many still lands (a browser stops
at `/`), so only under `/2026-27/` does a miscounted link show. Zensical 0.0.73 read our raw
HTML's links from the Markdown file and added a `../` on 59 of 67 pages, and its `--strict` said
nothing. One build per generator (module fixtures), each served by its own server on 127.0.0.1;
Python's HTTP client asks for each distinct address once. No browser is needed.
"""

from __future__ import annotations

import functools
import http.client
import http.server
import json
import os
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from tests.site.helpers import ROOT, make_project

GENERATORS = ("properdocs", "zensical")  # the default first
EDITION = "2026-27"
# The theme writes the 404 page's addresses from site_url's path (it is served at any depth),
# so the builds are told the sub-path as a published edition's public address says it.
PUBLIC = f"https://handbook.westmarch.example/{EDITION}/"
TAGS = {"a": "href", "link": "href", "script": "src", "img": "src"}


class _Addresses(HTMLParser):
    """a[href], link[href], script[src] and img[src] of one page, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        value = dict(attrs).get(TAGS.get(tag, ""))
        if value is not None:
            self.found.append(value)


def addresses(page: Path) -> list[str]:
    parser = _Addresses()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.found


def internal(address: str) -> bool:
    """An address inside the site: no scheme (mailto:, tel:, https:) and no host."""
    parts = urlsplit(address)
    return not parts.scheme and not parts.netloc


def page_url(base: str, site: Path, page: Path) -> str:
    """The address a page is served at: `services/x/index.html` -> `<base>services/x/`."""
    relative = page.relative_to(site).as_posix()
    return base + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    """The sample (with its PDF) built by each generator in its own project copy, as `make site` builds."""
    from handbook.commands.build import build

    built, cwd, public = {}, os.getcwd(), os.environ.get("HANDBOOK_SITE_URL")
    os.environ["HANDBOOK_SITE_URL"] = PUBLIC
    try:
        for name in GENERATORS:
            project = make_project(tmp_path_factory.mktemp(name) / "project", ROOT / "data")
            os.chdir(project)
            build(Path("data"), Path("site"), pdf=True, generator=name)
            built[name] = project / "site"
    finally:
        os.chdir(cwd)
        os.environ.pop("HANDBOOK_SITE_URL") if public is None else os.environ.__setitem__("HANDBOOK_SITE_URL", public)
    return built


@pytest.fixture(scope="module")
def served(sites, tmp_path_factory):
    """Each site at http://127.0.0.1:PORT/2026-27/ (and nothing else on that server)."""
    servers, bases = [], {}
    for name, site in sites.items():
        root = tmp_path_factory.mktemp(f"{name}-server")
        (root / EDITION).symlink_to(site, target_is_directory=True)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        bases[name] = f"http://127.0.0.1:{server.server_address[1]}/{EDITION}/"
    yield bases
    for server in servers:
        server.shutdown()
        server.server_close()


def status(url: str) -> int:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def broken_links(site: Path, base: str) -> list[str]:
    """`page: address -> why` for every internal address of every page that does not answer 200."""
    targets: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        here = page_url(base, site, page)
        for address in addresses(page):
            if internal(address) and urldefrag(address).url:
                target = urldefrag(urljoin(here, address)).url
                targets.setdefault(target, []).append(f"{page.relative_to(site).as_posix()}: {address}")
    broken = []
    for target, where in sorted(targets.items()):
        answer = status(target) if target.startswith(base) else "outside the edition"
        if answer != 200:
            broken.extend(f"{w} -> {answer}" for w in where[:3])
    return broken


@pytest.mark.parametrize("generator", GENERATORS)
def test_every_internal_address_resolves_under_a_sub_path(sites, served, generator):
    site, base = sites[generator], served[generator]
    checked = sum(1 for p in site.rglob("*.html") for a in addresses(p) if internal(a))
    assert checked > 1000  # every page's links were read, not none
    broken = broken_links(site, base)
    assert not broken, f"{len(broken)} links break under /{EDITION}/ ({generator}):\n" + "\n".join(broken[:40])


def test_zensical_builds_the_same_pages_as_the_default_generator(sites):
    default, zensical = pages(sites[GENERATORS[0]]), pages(sites["zensical"])
    assert default == zensical, f"only the default: {sorted(default - zensical)}; only Zensical: {sorted(zensical - default)}"
    assert len(default) > 60


def test_both_sites_publish_the_downloads_and_the_pdf(sites):
    """The files prepare adds beside the pages, and the same search under both: Pagefind's bundle,
    and no index of the theme's (`search/search_index.json`; Zensical's `search.json` is left empty)."""
    for site in sites.values():
        assert (site / "downloads" / "services.json").is_file() and (site / "downloads" / "charges.csv").is_file()
        assert len(list((site / "pdf").glob("*.pdf"))) == 1
        assert (site / "pagefind" / "pagefind-component-ui.js").is_file() and (site / "pagefind" / "pagefind-entry.json").is_file()
        assert not (site / "search" / "search_index.json").exists()
        if (site / "search.json").exists():  # Zensical with its search off writes one with no items
            assert json.loads((site / "search.json").read_text(encoding="utf-8"))["items"] == []


@pytest.mark.parametrize("generator", GENERATORS)
def test_the_search_assets_answer_under_the_sub_path(sites, served, generator):
    """The header's script and the stylesheet's import of Pagefind's styles, from a service page."""
    site, base = sites[generator], served[generator]
    page = next(p for p in sorted((site / "services").rglob("index.html")))
    here = page_url(base, site, page)
    script = next(a for a in addresses(page) if a.endswith("pagefind/pagefind-component-ui.js"))
    assert status(urljoin(here, script)) == 200 and urljoin(here, script).startswith(base)
    stylesheet = urljoin(base, "assets/stylesheets/search.css")
    imported = (site / "assets" / "stylesheets" / "search.css").read_text(encoding="utf-8").split('url("')[1].split('"')[0]
    assert status(stylesheet) == 200 and status(urljoin(stylesheet, imported)) == 200


def test_a_link_miscounted_by_one_level_is_caught(sites, served):
    """The check itself: one `../` too many on a service page escapes the edition and is reported."""
    site = sites[GENERATORS[0]]
    page = next(p for p in sorted((site / "services").rglob("index.html")))
    assert any(address.startswith("../../catalogue/") for address in addresses(page))
    here = page_url(served[GENERATORS[0]], site, page)
    assert not urljoin(here, "../../../catalogue/").startswith(served[GENERATORS[0]])
