"""Benchmark of search (issue 15): the theme's lunr search against Pagefind, on the same built site.

Input: built sites (`handbook build` output) and the data folders they were built from. Output:
figures per site and rows of (name, figure, target) for `bench.run` to print. Measures only: it
asserts nothing, and it writes only `<site>/pagefind/` (the index Pagefind would publish).

- index: lunr's `search/search_index.json` is written by Material's search plugin inside the
  generator's build, and every visitor's browser fetches it whole and builds the lunr index from
  it; Pagefind's index is made after the build by `handbook.site.search.index` (timed here);
- bytes for one query: measured in headless Chromium, in a fresh context (empty cache), from
  opening the home page to the results shown: every response of the engine's files (lunr: the
  index and the search worker; Pagefind: its script, WebAssembly, index chunks and the
  fragments of the results shown, and the component UI's script and style). The server sends
  them as they are (python's http.server: no compression), so the figures are bytes on the wire
  without gzip; lunr's index gzipped is given beside it, since most servers would compress it;
- quality: the queries schools make (`queries`): a service's name, the rarest word of its
  summary, and one of its contact roles' titles; a query is answered when a right page is among
  the first three results;
- accessibility: axe (WCAG 2.2 AA rules) on the search UI with the results showing; lunr is the
  theme's search dialog, Pagefind its component UI (`pagefind-input`, `pagefind-summary`,
  `pagefind-results`) added to the page as the site would carry it.
Since the site's search became Pagefind (the theme's search plugin off in mkdocs.yml), lunr is
measured only on a site built with the theme's search turned back on (`engines`).
Chromium runs in a fresh interpreter (`python -m bench.search --browser ENGINE SITE QUERIES`).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import re
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"]
AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
ENGINES = ("lunr", "pagefind")
PER_KIND = 4  # services sampled for each kind of query
TOP = 3
WAIT_MS = 20_000  # a query with no result shows nothing to wait for
BYTES_TARGET_KB = 500  # what one query may cost a school on a slow connection

_WORD = re.compile(r"[A-Za-z][a-z]{4,}")
_COMMON = frozenset("schools school support service services their which about local there where other these those would should could".split())


@dataclass(frozen=True)
class Query:
    """A search a school makes, and the pages that answer it (paths such as `services/payroll-0001/`)."""

    kind: str  # "name", "summary word" or "contact role"
    text: str
    right: tuple[str, ...]


def queries(data_dir: Path, per_kind: int = PER_KIND) -> list[Query]:
    """`per_kind` queries of each kind for the services of `data_dir`, spread over the catalogue."""
    from handbook.data.validate import load_handbook
    from handbook.views import catalogue

    handbook = load_handbook(Path(data_dir))
    services = catalogue.public_services(handbook)
    step = max(1, len(services) // per_kind)
    chosen = services[::step][:per_kind]
    page = lambda s: f"services/{s.id}/"  # noqa: E731
    words = {s.id: {w for w in _WORD.findall(s.summary) if w.lower() not in _COMMON} for s in services}
    spread = Counter(w.lower() for ws in words.values() for w in ws)
    found = [Query("name", s.name, (page(s),)) for s in chosen]
    for s in chosen:
        if words[s.id]:
            word = min(words[s.id], key=lambda w: (spread[w.lower()], w))
            found.append(Query("summary word", word, tuple(page(o) for o in services if word in words[o.id])))
    for s in chosen:
        roles = catalogue.service_contacts(handbook, s)
        if roles:
            found.append(Query("contact role", roles[0].title, tuple(page(o) for o in services if roles[0].id in o.contacts)))
    return found


def _kb(size: int) -> float:
    return size / 1024


def _gzipped(path: Path) -> int:
    """What a server that compresses sends for `path`: gzipped, unless that is no smaller
    (Pagefind's chunks are gzipped already)."""
    data = path.read_bytes()
    return min(len(data), len(gzip.compress(data, 6)))


def engines(site: Path) -> tuple[str, ...]:
    """The engines `site` carries: Pagefind always (`handbook build` indexes every site with it);
    lunr only where the theme's search plugin was on (a config with `search` in its plugins)."""
    return ENGINES if (site / "search" / "search_index.json").is_file() else ("pagefind",)


def lunr_files(site: Path) -> dict:
    """The theme's search files every visitor fetches: the index (raw and gzipped) and the worker."""
    index = (site / "search" / "search_index.json").read_bytes()
    worker = sum(p.stat().st_size for p in (site / "assets" / "javascripts" / "workers").glob("search.*.js"))
    return {"index_kb": _kb(len(index)), "index_gzip_kb": _kb(len(gzip.compress(index, 6))), "worker_kb": _kb(worker)}


def pagefind_index(site: Path) -> dict:
    """Pagefind's index of `site`, made as `handbook build` makes it; seconds, pages, sizes."""
    from handbook.site.search import index

    start = time.perf_counter()
    report = index(site)
    seconds = time.perf_counter() - start
    bundle = site / "pagefind"
    chunks = [p.stat().st_size for p in (bundle / "index").iterdir()] + [p.stat().st_size for p in (bundle / "fragment").iterdir()]
    return {
        "seconds": seconds,
        "pages": report.pages,
        "bundle_kb": _kb(sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())),
        "largest_chunk_kb": _kb(max(chunks)),
    }


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


# Pagefind's component UI on a page of the site, as the site would carry it (for the bench only).
_PAGEFIND_UI = """(base) => {
  const css = document.createElement('link'); css.rel = 'stylesheet'; css.href = base + 'pagefind/pagefind-component-ui.css';
  document.head.append(css);
  const box = document.createElement('div'); box.id = 'hb-search-bench';
  box.innerHTML = '<pagefind-input></pagefind-input><pagefind-summary></pagefind-summary><pagefind-results></pagefind-results>';
  document.querySelector('.md-content__inner').prepend(box);
  const script = document.createElement('script'); script.type = 'module'; script.src = base + 'pagefind/pagefind-component-ui.js';
  document.head.append(script);
}"""
_ENGINE_FILES = {"lunr": re.compile(r"/search/search_index\.json|/workers/search\."), "pagefind": re.compile(r"/pagefind/")}
_RESULTS = {"lunr": ".md-search-result__item > a:first-child", "pagefind": "#hb-search-bench .pf-result-link"}
_SHOWN = """(top) => { const all = document.querySelectorAll('#hb-search-bench .pf-result').length;
  return all > 0 && document.querySelectorAll('#hb-search-bench .pf-result-link').length >= Math.min(top, all); }"""
_UI = {"lunr": ".md-search", "pagefind": "#hb-search-bench"}


def _one_query(browser, base: str, engine: str, text: str, axe: bool) -> dict:
    """One query in a fresh context: bytes of the engine's files, milliseconds, the first hrefs."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sizes: dict[str, int] = {}
    outside: list[str] = []

    def seen(response) -> None:
        if not response.url.startswith(base):
            outside.append(response.url)
        elif _ENGINE_FILES[engine].search(response.url):
            try:
                sizes[response.url] = len(response.body())
            except Exception:  # a response without a body (a redirect): nothing fetched
                pass

    page.on("response", seen)
    page.goto(base)
    if engine == "lunr":
        field = page.get_by_role("textbox", name="Search").first
        field.click()
    else:
        page.evaluate(_PAGEFIND_UI, base)
        field = page.locator("#hb-search-bench input").first
        field.wait_for()
    start = time.perf_counter()
    field.press_sequentially(text)  # keystrokes, as a school types
    try:
        page.wait_for_selector(_RESULTS[engine], timeout=WAIT_MS)
        if engine == "pagefind":  # a result's link shows once its fragment is loaded, when in view
            for i in range(min(TOP, page.locator(".pf-result").count())):
                page.locator(".pf-result").nth(i).scroll_into_view_if_needed()
            page.wait_for_function(_SHOWN, TOP, timeout=WAIT_MS)
    except Exception:  # no result at all: a miss, timed at the wait
        pass
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # the results of the last keystroke settle
    ms = (time.perf_counter() - start) * 1000
    hrefs = page.locator(_RESULTS[engine]).evaluate_all("els => els.map(e => e.href)")
    found = {"ms": ms, "kb": _kb(sum(sizes.values())), "urls": sorted(sizes), "hrefs": hrefs[:TOP], "outside": outside}
    if axe:
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "async (ui) => await axe.run({include: [ui]}, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})", _UI[engine]
        )
        found["axe"] = sorted({v["id"] for v in result["violations"]})
    context.close()
    return found


def in_browser(site: Path, engine: str, found: list[Query]) -> dict:
    """Each query of `found` against `engine` on `site`, served on 127.0.0.1, in Chromium."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
            runs = [_one_query(browser, base, engine, q.text, axe=(i == 0)) for i, q in enumerate(found)]
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    for run in runs:
        run["kb_gzip"] = _kb(sum(_gzipped(site / urlsplit(url).path.removeprefix("/")) for url in run["urls"]))
    hits = [any(path in href for href in run["hrefs"] for path in q.right) for q, run in zip(found, runs)]
    return {
        "kb": statistics.median(r["kb"] for r in runs),
        "kb_max": max(r["kb"] for r in runs),
        "kb_gzip": statistics.median(r["kb_gzip"] for r in runs),
        "files": statistics.median(len(r["urls"]) for r in runs),
        "ms": statistics.median(r["ms"] for r in runs),
        "hits": {kind: [sum(h for q, h in zip(found, hits) if q.kind == kind), sum(q.kind == kind for q in found)] for kind in dict.fromkeys(q.kind for q in found)},
        "misses": [(q.kind, q.text, r["hrefs"]) for q, r, h in zip(found, runs, hits) if not h],
        "axe": runs[0]["axe"],
        "outside": sorted({u for r in runs for u in r["outside"]}),
    }


def _browser_in_child(site: Path, engine: str, found: list[Query]) -> dict:
    root = Path(__file__).resolve().parents[1]
    argv = [sys.executable, "-m", "bench.search", "--browser", engine, str(site), json.dumps([asdict(q) for q in found])]
    out = subprocess.run(argv, capture_output=True, text=True, check=False, cwd=root)
    if out.returncode != 0:
        raise RuntimeError(f"bench.search in Chromium ({engine}, {site}) failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(data_dir: Path, site: Path, per_kind: int = PER_KIND) -> dict:
    """Every figure for one site: lunr's files, Pagefind's index, and both engines in Chromium."""
    found = queries(data_dir, per_kind)
    figures = {"queries": len(found), "pagefind": pagefind_index(site)}
    if "lunr" in engines(site):
        figures["lunr"] = lunr_files(site)
    for engine in engines(site):
        figures[engine]["browser"] = _browser_in_child(site, engine, found)
    return figures


def _hits(browser: dict) -> str:
    return ", ".join(f"{kind} {got}/{of}" for kind, (got, of) in browser["hits"].items())


def _measure_in_child(data_dir: Path, site: Path, per_kind: int) -> dict:
    """`measure` in a fresh interpreter that lifts the file limits (a site of 2,000 services is
    built from more than a valid file holds), as `bench.run` measures each step."""
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-m", "bench.search", str(data_dir), str(site), str(per_kind)], capture_output=True, text=True, check=False, cwd=root)
    if out.returncode != 0:
        raise RuntimeError(f"bench.search of {site} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout)


def rows(sites: dict[int, tuple[Path, Path]], per_kind: int = PER_KIND) -> list[tuple[str, str, str]]:
    """(name, figure, target) for each site, keyed by its number of services: (data folder, built site).

    Writes each site's Pagefind index into it (`<site>/pagefind/`)."""
    found = []
    for count, (data_dir, site) in sorted(sites.items()):
        f = _measure_in_child(data_dir, site, per_kind)
        lunr, pagefind = f.get("lunr"), f["pagefind"]
        measured = [("lunr", lunr, f"index {lunr['index_kb']:,.0f} KB ({lunr['index_gzip_kb']:,.0f} KB gzipped) + worker {lunr['worker_kb']:,.0f} KB")] if lunr else []
        measured.append(("Pagefind", pagefind, f"{pagefind['pages']:,} pages indexed in {pagefind['seconds']:.1f} s; chunks <= {pagefind['largest_chunk_kb']:.0f} KB"))
        for engine, figures, note in measured:
            b = figures["browser"]
            found.append((f"search, {engine}: bytes for one query ({count:,} services)", f"{b['kb']:,.0f} KB", f"target < {BYTES_TARGET_KB} KB ({note})"))
            found.append((f"search, {engine}: results in top {TOP} ({count:,} services)", _hits(b), f"first results {b['ms']:,.0f} ms after typing; axe: {', '.join(b['axe']) or 'no violations'}"))
    return found


def over_target(row: tuple[str, str, str]) -> bool:
    """Whether a bytes row is over its target (quality rows have none)."""
    if not row[1].endswith(" KB"):
        return False
    return float(row[1][:-3].replace(",", "")) >= BYTES_TARGET_KB


if __name__ == "__main__":  # python -m bench.search DATA SITE [PER_KIND] (or --browser ENGINE SITE QUERIES: the child)
    if sys.argv[1] == "--browser":
        print(json.dumps(in_browser(Path(sys.argv[3]), sys.argv[2], [Query(q["kind"], q["text"], tuple(q["right"])) for q in json.loads(sys.argv[4])])))
    else:
        from bench.run import _lift_limits

        _lift_limits()  # before any model is built: the largest sites' data is past the limits
        print(json.dumps(measure(Path(sys.argv[1]), Path(sys.argv[2]), *map(int, sys.argv[3:4]))))
