"""search: a built site -> its Pagefind index at `<site>/pagefind/`, whichever generator built it.

Input: the folder a generator has just written. Output: Pagefind's bundle (its script, its
component UI, the index in chunks and a fragment per page) inside that folder, and an
`IndexReport`. It runs after the generator, on the finished HTML, so it needs no generator's
hooks or plugins; it never changes a page.

Why Pagefind and not the theme's lunr search (figures in `bench.search`): lunr's index is one
file every visitor downloads whole (11.8 MB at 2,000 services, 0.7 MB at 100) and builds in the
browser; Pagefind splits its index into chunks (40 KB at most) and fetches only those a query
needs, so a query costs about the same at 100 services as at 2,000 (about 440 KB with its UI,
210 KB gzipped). The bundle's binary (`pagefind[bin]`) runs offline.

What is indexed: each page's main content only (Material's `<article>`, which the templates mark
`data-pagefind-body`; `ROOT` finds it in a page that does not), so the navigation, header and
footer repeated on every page do not drown the words that are the page's own; the school's own
view (its form and figures worked out in the browser) is left out (`IGNORED`).
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from handbook.core.errors import HandbookUserError

BUNDLE = "pagefind"
# The one script a page loads from the bundle (the search box in the header); it loads the rest.
SCRIPTS = (f"{BUNDLE}/pagefind-component-ui.js",)
# Material's main content, in every page it writes (the classic theme and Zensical's alike).
ROOT = "article.md-content__inner"
# What a page carries that is not its text: the school's own view, worked out in the browser.
IGNORED = "[data-hb-school-form], .hb-school, .md-content__button"
LANGUAGE = "en"
_INDEXED = re.compile(r"Indexed (\d+) pages?")


@dataclass(frozen=True)
class IndexReport:
    """What Pagefind indexed: the pages and the bundle's folder."""

    pages: int
    bundle: Path


def command(site_dir: Path) -> list[str]:
    """The Pagefind command line for `site_dir` (the venv's bundled binary, run by its module)."""
    return [
        sys.executable, "-m", "pagefind",
        "--site", str(site_dir),
        "--output-subdir", BUNDLE,
        "--root-selector", ROOT,
        "--exclude-selectors", IGNORED,
        "--force-language", LANGUAGE,
    ]


def index(site_dir: Path) -> IndexReport:
    """Indexes the built site in `site_dir` with Pagefind; returns what it indexed.

    Raises:
        HandbookUserError: Pagefind is missing or failed (its own last lines in the message).
    """
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").is_file():
        raise HandbookUserError(f"{site_dir} is not a built site (no index.html); build it first", status=1)
    try:
        done = subprocess.run(command(site_dir), capture_output=True, text=True, check=False)
    except OSError as error:
        raise HandbookUserError(f"the search index could not be made: {error}", status=1) from error
    if done.returncode != 0:
        detail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-10:])
        raise HandbookUserError(f"the search index could not be made (pagefind exited {done.returncode}):\n{detail}", status=1)
    found = _INDEXED.search(done.stdout)
    return IndexReport(pages=int(found[1]) if found else 0, bundle=site_dir / BUNDLE)


def fragments(bundle: Path) -> dict[str, dict]:
    """What the index holds for each page (its title, text and address), by address.

    Pagefind writes one fragment per page: gzipped JSON after a `pagefind_dcd` signature. Read by
    the tests that check what a visitor's search can show (no internal record, each service).
    """
    found = {}
    for file in (Path(bundle) / "fragment").iterdir():
        data = gzip.decompress(file.read_bytes())
        page = json.loads(data[data.index(b"{"):])
        found[page["url"]] = page
    return found
