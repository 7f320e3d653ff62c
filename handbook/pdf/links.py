"""links: a web page's ids and links -> the book's, so paper can say "see page 14".

Input: HTML of one prose page (as the website renders it) or the whole book. Output: the same
HTML with ids made unique in the book (`<page>--<id>`), links to other pages, services and
contacts turned into in-book anchors (class `internal`, printed with their page number),
external links marked `external` (printed with their address), and links to anything the book
does not hold left as plain text. Regular expressions suffice: the HTML comes from
Python-Markdown and our own templates, which always write double-quoted attributes.
Never reads or writes files except `mkdocs.yml` for the site's address.
"""

from __future__ import annotations

import html as _html
import os
import re
from functools import lru_cache
from pathlib import Path

import yaml

from handbook.data.model import Handbook
from handbook.views.catalogue import service_ids

_TAG = re.compile(r"<(a|[a-z][a-z0-9]*)\b([^>]*)>", re.I)
_LINK_CLASS = re.compile(r'\sclass="(internal|toc-main|toc-front)"')
_A_OPEN = re.compile(r'<a\b([^>]*)>', re.I)
_ID = re.compile(r'\sid="([^"]+)"')
# Site pages the book prints from its own parts, by their address.
PART_ANCHORS = {"catalogue": "catalogue", "prices": "prices", "contacts": "contacts", "index": "foreword", "": "foreword"}


def _target(href: str, stem: str, services: set[str], site: str | None) -> tuple[str | None, str]:
    """(new href or None for plain text, class) for one link on page `stem`."""
    if href.startswith(("http://", "https://")):
        return href, "external"
    if href.startswith(("mailto:", "tel:")):
        return href, ""
    path, _, frag = _html.unescape(href).partition("#")
    path = path.partition("?")[0]  # a filtered catalogue address is the catalogue on paper
    path = re.sub(r"^(\./|/)+", "", path)
    path = re.sub(r"(/?index)?(\.md|\.html)?/?$", "", path)
    if not path:
        return (f"#{stem}--{frag}" if frag else None), "internal"
    if path.startswith("services/"):
        sid = path.split("/", 1)[1]
        return (f"#service-{sid}" if sid in services else None), "internal"
    if path == "contacts" and frag.startswith("role-"):
        return f"#{frag}", "internal"
    if path in PART_ANCHORS:
        return f"#{PART_ANCHORS[path]}", "internal"
    if path.startswith(("downloads/", "assets/")) or "/" in path:
        return (f"{site.rstrip('/')}/{path}" if site else None), "external"
    return (f"#{path}--{frag}" if frag else f"#page-{path}"), "internal"


def rewrite(html: str, stem: str, site: str | None, handbook: Handbook, docs_dir: Path | None = None) -> str:
    """One prose page's HTML with book-wide ids, in-book links and printable addresses."""
    services = service_ids(handbook)

    def tag(match: re.Match[str]) -> str:
        name, attrs = match.group(1), match.group(2)
        attrs = re.sub(r'\sid="([^"]*)"', lambda m: f' id="{stem}--{m.group(1)}"', attrs)
        if name.lower() == "img" and docs_dir is not None:
            attrs = re.sub(r'\ssrc="(?!data:|https?:|file:)([^"]*)"', lambda m: f' src="{(docs_dir / m.group(1)).resolve().as_uri()}"', attrs)
        if name.lower() != "a":
            return f"<{name}{attrs}>"
        found = re.search(r'\shref="([^"]*)"', attrs)
        if not found:
            return f"<a{attrs}>"
        new, kind = _target(found.group(1), stem, services, site)
        attrs = attrs.replace(found.group(0), f' href="{_html.escape(new)}"' if new else "")
        if new and kind and "class=" not in attrs:
            attrs += f' class="{kind}"'
        return f"<a{attrs}>"

    html = _TAG.sub(tag, html)
    # A bare address already shows itself: do not print it twice.
    return re.sub(r'<a href="([^"]+)" class="external">\1</a>', r'<a href="\1">\1</a>', html)


def drop_dangling(html: str) -> str:
    """The book with every in-book link whose target is missing made plain text.

    Why: Typst stops with an error at a link or page reference to a label that does not exist;
    a link to a part the book does not hold is better as its words alone.
    """
    ids = set(_ID.findall(html))

    def fix(match: re.Match[str]) -> str:
        attrs = match.group(1)
        found = re.search(r'\shref="#([^"]*)"', attrs)
        if not found or _html.unescape(found.group(1)) in ids or found.group(1) in ids:
            return match.group(0)
        attrs = attrs.replace(found.group(0), "")
        return "<a" + _LINK_CLASS.sub("", attrs) + ">"

    return _A_OPEN.sub(fix, html)


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as data: `!ENV [NAME, default]` resolved like MkDocs, other tags ignored."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    for name in names[:-1] if len(names) > 1 else names:
        if isinstance(name, str) and os.environ.get(name):
            return os.environ[name]
    return names[-1] if len(names) > 1 else None


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@lru_cache(maxsize=8)
def site_url(mkdocs_yml: Path) -> str | None:
    """The site's public address from mkdocs.yml (`site_url`), for download links on paper."""
    try:
        config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (OSError, yaml.YAMLError):
        return None
    url = config.get("site_url") if isinstance(config, dict) else None
    return url if isinstance(url, str) and url.startswith(("https://", "http://")) else None
