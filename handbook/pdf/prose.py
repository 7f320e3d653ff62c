"""prose: the site's own prose pages (docs/*.md) -> numbered parts of the book, in Typst.

Input: a `pages.BookPage`, its Markdown with its macros evaluated by
`presentation.prose.render_page_markdown` (the same macros as the website), parsed by `parse`.
Output: the page's tree made ready for the book (ids unique in the book, `<page>--<id>`; images
named from the docs folder; h2s numbered and listed in the outline; the site's chart left for
the book's own drawing), then its Typst through `tree.Writer`. Pages the book prints from data
(catalogue, price list, contacts) are never read here. Reads the page's file; writes nothing.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from pathlib import Path, PurePosixPath

from handbook.data.model import Handbook
from handbook.pdf import classes
from handbook.pdf.book import Book
from handbook.pdf.outline import Outline, section_label, sub_number
from handbook.pdf.pages import BookPage, untitled
from handbook.pdf.parse import prose_tree
from handbook.pdf.tree import Writer, plain
from handbook.presentation import abbreviations
from handbook.presentation.prose import render_page_markdown


def page_tree(page: BookPage, handbook: Handbook, data_dir: Path) -> ET.Element:
    """The page as the website has it, as a tree whose ids and image names hold in the book."""
    assert page.file is not None
    text = render_page_markdown(page.file.read_text(encoding="utf-8"), handbook, data_dir, url_for=lambda path: path)
    root = prose_tree(text, abbreviations.glossary_config(handbook))
    folder = PurePosixPath(page.path).parent
    for element in root.iter():
        anchor = element.get("id")
        if anchor:
            element.set("id", f"{page.stem}--{anchor}")
        if element.tag == "img" and ":" not in (element.get("src") or ":").split("/", 1)[0]:
            element.set("src", posixpath.normpath(str(folder / element.get("src", ""))))
    return root


def first_heading(root: ET.Element) -> str | None:
    """The text of the page's h1, if it has one (its title, and whether it is an appendix)."""
    found = root.find(".//h1")
    return plain(found) if found is not None else None


def has_chart(root: ET.Element) -> bool:
    """Whether the page prints the organisation chart (the contacts part then leaves it out)."""
    return any(classes.SITE_CHART in (element.get("class") or "").split() for element in root.iter("div"))


def front_page(book: Book, page: BookPage, root: ET.Element, outline: Outline) -> str:
    """The home page as the foreword: unnumbered, listed in the contents with a roman folio.

    The home page's welcome (its title, then links to find your way) is the website's cover and
    contents; the book has its own, so it starts after the page's "Foreword" heading.
    """
    children = list(root)
    start = next((i for i, child in enumerate(children) if child.tag == "h2" and plain(child) == "Foreword"), None)
    if start is not None:
        root.text = None
        for child in children[: start + 1]:
            root.remove(child)
    else:
        _remove(root, root.find(".//h1"))
    return outline.heading(book, 1, "foreword", "Foreword", front=True) + Writer(book, page.stem).blocks(root)


def section_page(book: Book, page: BookPage, root: ET.Element, outline: Outline, number: str) -> str:
    """A numbered section or appendix: its title from the page's first heading, its h2s numbered."""
    first = root.find(".//h1")
    title = untitled(plain(first)) if first is not None else page.title
    _remove(root, first)
    heading = outline.heading(book, 1, page.anchor, title, section_label(number))
    for count, h2 in enumerate(root.iter("h2"), start=1):
        anchor = h2.get("id") or f"{page.stem}--h2-{count}"
        sub, words = sub_number(number, count), plain(h2)
        outline.add(anchor, words, sub)
        tail = h2.tail
        h2.clear()
        h2.set("id", anchor)
        h2.tail = tail
        span = ET.SubElement(h2, "span", {"class": "heading-number"})
        span.text, span.tail = sub, f" {words}"
    return heading + Writer(book, page.stem).blocks(root)


def _remove(root: ET.Element, element: ET.Element | None) -> None:
    """Removes `element` from the tree, keeping the text that followed it."""
    if element is None:
        return
    for parent in root.iter():
        children = list(parent)
        if element in children:
            index = children.index(element)
            if element.tail:
                if index:
                    children[index - 1].tail = (children[index - 1].tail or "") + element.tail
                else:
                    parent.text = (parent.text or "") + element.tail
            parent.remove(element)
            return
