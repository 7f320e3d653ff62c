"""guard: a built site -> what no template of ours writes, found on the real pages, as findings.

Input: the site folder MkDocs just wrote, and what the theme may write (`Allowance`). Output: a
list of `Finding(file, what)`; the MkDocs adapter's `on_post_build` stops the build on any, so
`handbook build`, `handbook publish` and a bare `mkdocs build` never publish such a site. It reads
every `*.html` file with lxml's HTML parser (libxml2's HTML5 tokenizer: entities, case and
attribute quoting as a browser reads them), never regexes over markup, and it never changes a
file. It fails on:

- an `on*` attribute (an event handler);
- a `javascript:`, `vbscript:` or `data:` address in any attribute that holds one (`URL_ATTRIBUTES`),
  read as a browser's URL parser does: case-insensitive, tabs and line breaks anywhere and
  spaces or controls around it ignored, entities already decoded by the parser;
- an element that loads or runs something no page of ours has (`FORBIDDEN_ELEMENTS`, `<base>`,
  `<meta http-equiv>`);
- a `<script>` that is not the theme's own: a `src` that is one of the theme's script files
  (`assets/javascripts/*.js` of Material and of `overrides/`, and `extra_javascript`) or the
  search's script in the site's own Pagefind bundle (`handbook.site.search.SCRIPTS`), an inline
  script whose text is one of Material's snippets (`partials/javascripts/*.html`, its `{{ }}`
  parts standing for a relative address), or a `type="application/json"` data block that parses
  as JSON: Material's `__config`, or the prices the school's own view reads (`hb-prices`).

Why: escaping at the boundary (`handbook.presentation.escape`) closes the holes found; this proves on every
build, over what a browser will actually load, that no future template, Markdown extension or
theme change reopens one. The search index needs no check of its own: Pagefind builds it from
these checked pages' text, and its UI writes that text into the page as text.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import lxml.etree
import lxml.html

from handbook.core import cache
from handbook.site.search import SCRIPTS as SEARCH_SCRIPTS

# Elements that embed, frame or re-base a page; none of our templates or Material's writes one.
FORBIDDEN_ELEMENTS = ("iframe", "frame", "frameset", "object", "embed", "applet", "portal", "fencedframe", "base")
# Attributes that hold an address (HTML, SVG, and SVG animation, which can set an `href`).
URL_ATTRIBUTES = (
    "href", "src", "action", "formaction", "xlink:href", "srcset", "imagesrcset", "poster", "background",
    "cite", "data", "codebase", "classid", "archive", "longdesc", "lowsrc", "dynsrc", "manifest", "ping",
    "icon", "profile", "usemap", "to", "from", "values", "by",
)
FORBIDDEN_SCHEMES = frozenset({"javascript", "vbscript", "data"})

# Findings listed in full in a failed build's message; the rest are counted.
MAX_SHOWN = 20

# One XPath, compiled once, finds in one walk of the tree in C the attributes to look at: event
# handlers, and values with a `:` (an address with a scheme needs one; the parser has decoded
# entities). `iter` finds the elements. Python then looks only at those few.
_URL_NAMES = frozenset(URL_ATTRIBUTES)
_ATTRIBUTES = lxml.etree.XPath("//@*[starts-with(name(), 'on') or contains(., ':')]")
_ELEMENTS = ("script", "meta", *FORBIDDEN_ELEMENTS)

# A browser's URL parser drops tabs and line breaks anywhere, and C0 controls and spaces around.
_IGNORED = str.maketrans("", "", "\t\n\r")
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.\-]*(?=:)")
# What a `{{ ... }}` in one of Material's snippets may print: a relative address (`base_url`).
_TEMPLATE_VALUE = r"[A-Za-z0-9._~/\-]*"
_SNIPPET = re.compile(r"<script>(.*?)</script>", re.S)
_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)
# MkDocs writes UTF-8; saying so spares libxml2 guessing from the bytes.
_PARSER = lxml.html.HTMLParser(encoding="utf-8")


@dataclass(frozen=True)
class Finding:
    """Something a built page carries that no template of ours writes."""

    file: str  # relative to the site folder
    what: str

    def __str__(self) -> str:
        return f"{self.file}: {self.what}"


@dataclass(frozen=True)
class Allowance:
    """The scripts the theme writes: site paths of script files, and inline snippets (regexes)."""

    script_paths: frozenset[str]
    snippets: tuple[re.Pattern[str], ...]
    base_path: str = "/"  # the site's path on its server (site_url's), for root-relative `src`s

    def fingerprint(self) -> str:
        """The same text for the same allowance in every process (a set's order is not)."""
        return "\n".join([self.base_path, *sorted(self.script_paths), *(s.pattern for s in self.snippets)])


def theme_allowance(theme_dirs: list[Path | str], extra_javascript: list[str] = (), site_url: str = "") -> Allowance:
    """What the theme folders (Material's, then `overrides/`) may write into a page.

    Args:
        theme_dirs: MkDocs' `config.theme.dirs` (custom_dir first, then the theme's own).
        extra_javascript: `config.extra_javascript`: scripts the site adds by configuration.
        site_url: `config.site_url`; its path prefixes root-relative addresses (404.html).
    """
    paths = {s.lstrip("/") for s in map(str, extra_javascript)} | set(SEARCH_SCRIPTS)
    snippets: list[re.Pattern[str]] = []
    for folder in map(Path, theme_dirs):
        paths |= {f"assets/javascripts/{p.name}" for p in (folder / "assets" / "javascripts").glob("*.js")}
        for partial in sorted((folder / "partials" / "javascripts").glob("*.html")):
            for body in _SNIPPET.findall(partial.read_text(encoding="utf-8")):
                if "{%" in body:
                    continue  # a snippet with logic inside is not one we can match exactly
                parts = _EXPRESSION.split(body)
                snippets.append(re.compile(_TEMPLATE_VALUE.join(re.escape(p) for p in parts)))
    base = urlsplit(site_url).path or "/"
    return Allowance(frozenset(paths), tuple(snippets), base if base.endswith("/") else base + "/")


def scheme_of(value: str) -> str | None:
    """The scheme a browser reads in an address (`javascript` for ` Java\\tScript:x`), or None."""
    if ":" not in value:
        return None
    value = value.translate(_IGNORED).strip("".join(map(chr, range(0x21))))
    match = _SCHEME.match(value)
    return match.group(0).lower() if match else None


def _addresses(name: str, value: str) -> list[str]:
    # srcset-like attributes hold a list: "a.png 1x, b.png 2x"; ping a space-separated list.
    if name in ("srcset", "imagesrcset", "ping", "archive"):
        return [v for v in re.split(r"[\s,]+", value) if v]
    return [value]


def _script_finding(element, page: str, allowance: Allowance) -> str | None:
    src = element.get("src")
    if src is not None:
        parts = urlsplit(src.translate(_IGNORED).strip())
        if parts.scheme or parts.netloc:
            return f"<script src={src!r}> loads a script from outside the site"
        if parts.query:  # the theme's scripts are plain files
            return f"<script src={src!r}> is not one of the theme's scripts"
        if parts.path.startswith("/"):
            path = parts.path[len(allowance.base_path):] if parts.path.startswith(allowance.base_path) else "/.."
        else:
            path = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))
        if path not in allowance.script_paths:
            return f"<script src={src!r}> is not one of the theme's scripts"
        return None
    text = element.text or ""
    data_ids = ("__config", "hb-prices")  # Material's config; the school's prices (`presentation.calculator`)
    if (element.get("type") or "").strip().lower() == "application/json" and element.get("id") in data_ids:
        try:
            json.loads(text)
            return None
        except ValueError:
            return f"<script id={element.get('id')!r}> does not hold JSON"
    if any(s.fullmatch(text) for s in allowance.snippets):
        return None
    return f"an inline <script> that is not one of Material's: {text[:80]!r}"


def check_page(html: bytes | str, page: str, allowance: Allowance) -> list[Finding]:
    """The findings of one page; `page` is its path in the site (`services/x/index.html`)."""
    if not html.strip():
        return []
    tree = lxml.html.document_fromstring(html.encode("utf-8") if isinstance(html, str) else html, parser=_PARSER)
    found: list[Finding] = []
    for hit in _ATTRIBUTES(tree):  # an attribute's value; lxml tells its name and element
        name, tag = hit.attrname, hit.getparent().tag
        if name.startswith("on"):
            found.append(Finding(page, f"<{tag} {name}=...>: an event handler attribute"))
        elif name in _URL_NAMES:
            for address in _addresses(name, str(hit)):
                scheme = scheme_of(address)
                if scheme in FORBIDDEN_SCHEMES:
                    found.append(Finding(page, f"<{tag} {name}={address[:80]!r}>: a {scheme}: address"))
    for hit in tree.iter(*_ELEMENTS):
        if hit.tag == "script":
            problem = _script_finding(hit, page, allowance)
            if problem:
                found.append(Finding(page, problem))
        elif hit.tag == "meta":
            if hit.get("http-equiv") is None:
                continue
            found.append(Finding(page, f"<meta http-equiv={hit.get('http-equiv')!r}>: a page that reloads or redirects itself"))
        else:
            found.append(Finding(page, f"a <{hit.tag}> element"))
    return found


def check_site(site: Path, allowance: Allowance, since: float | None = None) -> list[Finding]:
    """The findings of every HTML file of the built site (or of those written at or after the
    time `since`: a partial rebuild of `make serve`, `handbook.site.serving`), in file order.

    Why a cache: a page's findings depend only on its bytes, its place and the allowance, and
    parsing is most of the guard's cost (about 1 ms a page). Pages that passed before, byte for
    byte, are not parsed again (`handbook.core.cache`, one entry per allowance and version of this
    module); a page with findings is always checked.
    """
    site = Path(site)
    version = cache.key(cache.code_version(__file__, lxml.etree.__version__), allowance.fingerprint())
    passed = set((cache.read("guard", version) or "").split())
    now_passed: list[str] = []
    found: list[Finding] = []
    for path in sorted(site.rglob("*.html")):
        if since is not None and path.stat().st_mtime < since:
            continue
        page, data = path.relative_to(site).as_posix(), path.read_bytes()
        digest = hashlib.blake2b(page.encode("utf-8") + b"\0" + data, digest_size=20).hexdigest()
        if digest in passed:
            now_passed.append(digest)
            continue
        findings = check_page(data, page, allowance)
        found += findings
        if not findings:
            now_passed.append(digest)
    if not found:  # a partial check keeps the pages it did not read
        cache.write("guard", version, "\n".join(now_passed if since is None else sorted(passed | set(now_passed))))
    return found


def describe(findings: list[Finding]) -> str:
    """The message of a build the guard stopped: what was found where, first `MAX_SHOWN` in full."""
    lines = [f"  {f}" for f in findings[:MAX_SHOWN]]
    if len(findings) > MAX_SHOWN:
        lines.append(f"  … and {len(findings) - MAX_SHOWN} more")
    return (
        "the built pages carry what no template of ours writes, so the site was not published "
        "(look for the text in data/*.yaml or in a changed template):\n" + "\n".join(lines)
    )
