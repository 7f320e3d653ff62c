"""Benchmark of the school's own view (issue 12): what the catalogue page carries for it, and how
long a change of school takes to show.

Input: two built sites (the sample's and a large one, e.g. 2,000 services). Output: rows of
(name, figure, target) for `bench.run` to print. Measures only: it asserts nothing.
- size: `overrides/assets/javascripts/school.js` and the catalogue's `#hb-prices` data, each
  gzipped as a server sends them (target: under 100 KB together at 2,000 services);
- time: in headless Chromium, the catalogue page with a school entered; each change of school is
  timed from setting the form to the page laid out again (the script's work, then style and
  layout, forced by reading a size); the median of `CHANGES` changes (target: under 100 ms).
  Chromium is driven from a fresh interpreter (`python -m bench.school --times SITE`), as
  `bench.run` measures each step, and so that a caller already driving a browser is left alone.
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
from pathlib import Path

from bs4 import BeautifulSoup

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"]
CHANGES = 40
SIZE_TARGET_KB = 100
TIME_TARGET_MS = 100

# Schools to switch between: every change draws every card anew (open, closed, lowest figure).
SCHOOLS = [("primary", "academy", "210"), ("secondary", "maintained", "1200"), ("special", "free-school", "75"), ("post-16", "other-authority", "601")]

# In the page: `n` changes of school, each timed to the page laid out again; returns milliseconds.
TIMED_CHANGES = """([schools, n]) => {
  const form = document.querySelector('[data-hb-school-form]');
  const times = [];
  for (let i = 0; i < n; i++) {
    const [phase, kind, roll] = schools[i % schools.length];
    const start = performance.now();
    form.elements['school-phase'].value = phase;
    form.elements['school-kind'].value = kind;
    form.elements.roll.value = roll;
    form.elements.roll.dispatchEvent(new Event('input', {bubbles: true}));
    void document.body.offsetHeight;  // style and layout now, as the next frame would
    times.push(performance.now() - start);
  }
  return times;
}"""


def _gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def payload(site: Path) -> dict:
    """The school view's bytes on the catalogue page: its script and its data, raw and gzipped."""
    script = (site / "assets" / "javascripts" / "school.js").read_bytes()
    page = BeautifulSoup((site / "catalogue" / "index.html").read_text(encoding="utf-8"), "html.parser")
    data = page.select_one("script#hb-prices").string.encode("utf-8")
    return {
        "services": len(json.loads(data)["services"]),
        "script_kb": _gzipped(script) / 1024,
        "data_kb": _gzipped(data) / 1024,
        "data_raw_kb": len(data) / 1024,
    }


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def change_times(site: Path, changes: int = CHANGES) -> list[float]:
    """Milliseconds for each of `changes` changes of school on the catalogue page, in Chromium."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/catalogue/")
            page.evaluate(TIMED_CHANGES, [SCHOOLS, len(SCHOOLS)])  # warm up: the first draw builds the cards' lines
            times = page.evaluate(TIMED_CHANGES, [SCHOOLS, changes])
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return times


def _times_in_child(site: Path) -> list[float]:
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-m", "bench.school", "--times", str(site)], capture_output=True, text=True, check=True, cwd=root)
    return json.loads(out.stdout.strip().splitlines()[-1])


def rows(sample_site: Path, big_site: Path) -> list[tuple[str, str, str]]:
    """(name, figure, target) for the sample's site and the large one."""
    found = []
    for site in (sample_site, big_site):
        size = payload(site)
        count = f"{size['services']:,} services"
        total = size["script_kb"] + size["data_kb"]
        found.append((
            f"school view: script + data gzipped, catalogue ({count})",
            f"{total:.1f} KB",
            f"target < {SIZE_TARGET_KB} KB (script {size['script_kb']:.1f} + data {size['data_kb']:.1f}; data {size['data_raw_kb']:,.0f} KB raw)",
        ))
        times = _times_in_child(site)
        found.append((
            f"school view: a change of school, catalogue ({count})",
            f"{statistics.median(times):.1f} ms",
            f"target < {TIME_TARGET_MS} ms (median of {len(times)}, slowest {max(times):.1f} ms)",
        ))
    return found


def over_target(row: tuple[str, str, str]) -> bool:
    """Whether a row's figure is over its target (for a caller that marks rows)."""
    number = float(re.match(r"[\d.,]+", row[1]).group().replace(",", ""))
    return number >= (SIZE_TARGET_KB if row[1].endswith("KB") else TIME_TARGET_MS)


if __name__ == "__main__":  # python -m bench.school SAMPLE_SITE BIG_SITE (or --times SITE: the child)
    if sys.argv[1] == "--times":
        print(json.dumps(change_times(Path(sys.argv[2]))))
    else:
        for name, figure, target in rows(Path(sys.argv[1]), Path(sys.argv[2])):
            print(f"  {name:<60} {figure:>10}   {target}")
