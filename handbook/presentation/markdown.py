"""Safe Markdown for officers' text: data fields in Markdown -> HTML that cannot run or fetch anything.

Input: a Markdown string from `data/*.yaml`. Output: HTML (a `markupsafe.Markup`). Raw HTML in the
text is shown as typed (escaped before parsing), links keep only http(s), mailto, tel and relative
addresses, and images become their alt text (an image would be a request to another site).
Never evaluates the text as a template.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache

import markdown as md
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from handbook.core import cache

SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:", "/", "#", "./", "../")
# No attr_list or md_in_html: both let text set attributes or HTML.
DATA_EXTENSIONS = ["tables", "sane_lists", "smarty"]


class _Sanitise(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for parent in root.iter():
            for i, child in enumerate(list(parent)):
                if child.tag == "img":
                    span = ET.Element("span")
                    span.text = child.get("alt", "")
                    span.tail = child.tail
                    parent.remove(child)
                    parent.insert(i, span)
                elif child.tag == "a":
                    href = (child.get("href") or "").strip()
                    if not href.lower().startswith(SAFE_SCHEMES) and ":" in href.split("/")[0]:
                        del child.attrib["href"]


class SanitiseExtension(Extension):
    """The safe rules as a Python-Markdown extension (the PDF's data-field tree uses it too)."""

    def extendMarkdown(self, md_: md.Markdown) -> None:
        md_.treeprocessors.register(_Sanitise(md_), "handbook-sanitise", 0)


def escape_raw_html(text: str) -> str:
    """Raw HTML in an officer's text, made to display as typed before Markdown parses it."""
    # `<` and `&` only: `>` must survive for block quotes, and `&lt;` then displays as typed.
    return text.replace("&", "&amp;").replace("<", "&lt;")


@lru_cache(maxsize=1)
def _converter() -> md.Markdown:
    # One converter, reset per text: building a Markdown instance costs more than converting.
    return md.Markdown(extensions=[*DATA_EXTENSIONS, SanitiseExtension()], output_format="html")


def cache_name(text: str) -> str:
    """The cache entry of a text's HTML: keyed by the text, Python-Markdown and this module's rules."""
    return cache.key(cache.code_version(__file__, md.__version__), text) + ".html"


@lru_cache(maxsize=4096)
def to_html(text: str) -> Markup:
    """Block Markdown (paragraphs, lists, links) -> safe HTML.

    Kept in the handbook cache (`handbook.core.cache`): Python-Markdown takes ~0.7 ms a paragraph,
    most of a service page's cost, and officers' texts rarely change between builds.
    """
    name = cache_name(text or "")
    html = cache.read("markdown", name)
    if html is None:
        converter = _converter()
        try:
            html = converter.convert(escape_raw_html(text or ""))
        finally:
            converter.reset()
        cache.write("markdown", name, html)
    return Markup(html)


def to_inline_html(text: str) -> Markup:
    """Markdown for one line -> safe HTML without the wrapping paragraph."""
    html = str(to_html(text)).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)
