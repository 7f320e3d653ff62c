"""parse: Markdown -> the element tree Python-Markdown builds, with its raw HTML in place.

Input: a prose page's Markdown (its macros already evaluated) or an officer's Markdown field.
Output: an `xml.etree.ElementTree.Element` (a `div` holding the page) that `tree.Writer` walks
into Typst. Prose is parsed with the site's own extensions (`presentation.prose.MARKDOWN_EXTENSIONS`)
and data fields with the safe rules of `presentation.markdown` (raw HTML shown as typed, only
safe link schemes, images as their words), so paper reads what the screen does.

Why raw HTML needs care: Python-Markdown keeps each raw HTML block (a macro's fragment), inline
tag and entity in its stash and leaves a placeholder in the tree; it puts them back only into
the serialised text. A tree processor that runs last captures the finished tree; then each
top-level element holding a placeholder is serialised and post-processed as Python-Markdown
would, and parsed back (lxml's HTML parser) into elements. A placeholder that holds only an
entity (`&amp;`, a numeric reference) is replaced by its character in place, the common case.
Never reads or writes files.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from functools import lru_cache

import lxml.html
import markdown as md
from lxml import etree
from markdown.extensions import Extension
from markdown.serializers import to_html_string
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, STX

from handbook.presentation.markdown import DATA_EXTENSIONS, SanitiseExtension, escape_raw_html
from handbook.presentation import abbreviations
from handbook.presentation.prose import MARKDOWN_EXTENSION_CONFIGS, MARKDOWN_EXTENSIONS

_ENTITY = re.compile(r"^&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);$")
# The footnotes extension's own placeholders, replaced by its post-processor.
_FOOTNOTE_MARKS = ("zz1337820767766393qq", "qq3936677670287331zz")


class _Capture(Treeprocessor):
    """Keeps the finished tree: registered last, it runs after `inline`, `toc`, `abbr`, `footnote`."""

    def run(self, root: ET.Element) -> None:
        self.md.hb_root = root  # type: ignore[attr-defined]


class _CaptureExtension(Extension):
    def extendMarkdown(self, md_: md.Markdown) -> None:
        md_.treeprocessors.register(_Capture(md_), "hb-capture", -1000)


def _converter(extensions: list, configs: dict | None = None) -> md.Markdown:
    return md.Markdown(extensions=[*extensions, _CaptureExtension()], extension_configs=configs or {}, output_format="html")


@lru_cache(maxsize=2)
def _prose_converter(glossary: tuple[tuple[str, str], ...] = ()) -> md.Markdown:
    """The site's converter; with the glossary, as the site's abbreviations extension has it."""
    configs = {**MARKDOWN_EXTENSION_CONFIGS, abbreviations.NAME: {"glossary": dict(glossary)}} if glossary else MARKDOWN_EXTENSION_CONFIGS
    return _converter(MARKDOWN_EXTENSIONS, configs)


@lru_cache(maxsize=1)
def _data_converter() -> md.Markdown:
    return _converter([*DATA_EXTENSIONS, SanitiseExtension()])


def prose_tree(text: str, glossary: dict[str, str] | None = None) -> ET.Element:
    """A prose page's Markdown as its element tree (a `div`), raw HTML parsed in place; the
    glossary's acronyms as `abbr` elements, as on the site (the book spells them out once)."""
    return _tree(_prose_converter(tuple(sorted((glossary or {}).items()))), text)


@lru_cache(maxsize=4096)
def data_tree(text: str) -> ET.Element:
    """An officer's Markdown field as its element tree (a `div`), by the safe rules.

    Kept per text (do not change the tree): many services share their "how to buy" wording.
    """
    return _tree(_data_converter(), escape_raw_html(text or ""))


def _tree(converter: md.Markdown, text: str) -> ET.Element:
    converter.hb_root = ET.Element("div")  # type: ignore[attr-defined]
    try:
        if text.strip():
            converter.convert(text)
        root: ET.Element = converter.hb_root  # type: ignore[attr-defined]
        _settle(converter, root)
    finally:
        converter.reset()
    return root


def _settle(converter: md.Markdown, root: ET.Element) -> None:
    """Puts the stash back into `root`: entities as characters, markup as parsed elements."""
    stash = converter.htmlStash.rawHtmlBlocks
    for child in list(root):
        if _has_markup(child, stash):
            _reparse(converter, root, child)
        else:
            for node in child.iter():
                if node.text and STX in node.text:
                    node.text = _entities(node.text, stash)
                if node.tail and STX in node.tail:
                    node.tail = _entities(node.tail, stash)
            if child.tail and STX in child.tail:
                child.tail = _entities(child.tail, stash)


def _entities(text: str, stash: list) -> str:
    return HTML_PLACEHOLDER_RE.sub(lambda m: html.unescape(str(stash[int(m.group(1))])), text)


def _has_markup(element: ET.Element, stash: list) -> bool:
    """Whether `element` holds a placeholder other than an entity's (a tag, a block, a footnote mark)."""
    for node in element.iter():
        for value in (node.text, node.tail, *node.attrib.values()):
            if not value:
                continue
            if STX in value:
                rest = HTML_PLACEHOLDER_RE.sub(lambda m: "" if _ENTITY.match(str(stash[int(m.group(1))])) else STX, value)
                if STX in rest:
                    return True
            if any(mark in value for mark in _FOOTNOTE_MARKS):
                return True
    return False


def _reparse(converter: md.Markdown, root: ET.Element, child: ET.Element) -> None:
    """Replaces `child` by what its HTML becomes once Python-Markdown's post-processors ran."""
    tail, child.tail = child.tail, None
    text = to_html_string(child)
    for processor in converter.postprocessors:
        text = processor.run(text)
    index = list(root).index(child)
    root.remove(child)
    holder = lxml.html.fragment_fromstring(text, create_parent="div") if text.strip() else None
    made = _element(holder) if holder is not None else ET.Element("div")
    if made.text:  # text before the first element: kept after the previous one
        _append_text(root, index, made.text)
    for offset, element in enumerate(list(made)):
        root.insert(index + offset, element)
    if tail:
        _append_text(root, index + len(made), tail)


def _append_text(root: ET.Element, index: int, text: str) -> None:
    if index == 0:
        root.text = (root.text or "") + text
    else:
        previous = root[index - 1]
        previous.tail = (previous.tail or "") + text


def _element(node: etree._Element) -> ET.Element:
    """An lxml element as an ElementTree element; comments and processing instructions dropped."""
    out = ET.Element(node.tag, dict(node.attrib))
    out.text = node.text
    for child in node:
        if not isinstance(child.tag, str):  # a comment: only its tail is text
            if child.tail:
                if len(out):
                    out[-1].tail = (out[-1].tail or "") + child.tail
                else:
                    out.text = (out.text or "") + child.tail
            continue
        made = _element(child)
        made.tail = child.tail
        out.append(made)
    return out
