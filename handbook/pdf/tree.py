"""tree: a parsed page (an element tree from `parse`) -> Typst markup over the components of `book.typ`.

Input: the elements Python-Markdown and the site's fragments make (p, lists, definition lists,
tables, links, headings, images, …) and their classes (each named in `classes`). Output: Typst
that calls `book.typ`'s functions for them. Links are resolved here, in the tree, by `links`;
text is written only through `markup.text`, so nothing from the data or the prose is ever read
as Typst code. Never reads or writes files (images go through `Book.image`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from handbook.pdf import classes, tables
from handbook.pdf.book import CHART_SRC, Book
from handbook.pdf.links import EXTERNAL, INTERNAL, LINK
from handbook.pdf.markup import string, text

_SPACE = re.compile(r"\s+")
_BLOCKS = {"div", "section", "article", "nav", "header", "footer", "aside", "main", "address", "details", "summary", "figure", "figcaption"}
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_OWN_ANCHOR = ("tr", "dt", "li")  # written by their handler, where Typst can hold it


def plain(element: ET.Element) -> str:
    """An element's text with its whitespace collapsed (a heading's words for the running head)."""
    return _SPACE.sub(" ", "".join(element.itertext())).strip()


def _nodes(element: ET.Element) -> Iterator[str | ET.Element]:
    if element.text:
        yield element.text
    for child in element:
        yield child
        if child.tail:
            yield child.tail


def _classes(element: ET.Element) -> list[str]:
    return (element.get("class") or "").split()


class Writer:
    """Walks one page's tree once, writing Typst; `el_<tag>` methods handle each element."""

    def __init__(self, book: Book, stem: str | None = None) -> None:
        self.book = book
        self.stem = stem  # the page's id prefix, for its own `#fragment` links; None in a data field
        self.after_heading: dict[int, str] = {}  # id(heading) -> its block's id

    # ---------------------------------------------------------------- generic
    def blocks(self, element: ET.Element) -> str:
        """A block's content: its own paragraphs and blocks, each on a line of its own."""
        return self.children(element, block=True)

    def children(self, element: ET.Element, block: bool = False) -> str:
        """Typst for `element`'s content; in a block, whitespace between elements is dropped."""
        return "".join(self.each(_nodes(element), block))

    def each(self, nodes: Iterator[str | ET.Element] | list, block: bool = False) -> list[str]:
        out: list[str] = []
        for node in nodes:
            if isinstance(node, str):
                value = _SPACE.sub(" ", node.replace("\x00", ""))
                if not (block and not value.strip()):
                    out.append(text(self.book.spell_out(value)))
            else:
                out.append(self.element(node))
        return out

    def element(self, element: ET.Element) -> str:
        name = element.tag if isinstance(element.tag, str) else ""
        found = _classes(element)
        self.book.unknown_classes.update(c for c in found if not classes.known(c))
        if "hb-glossary" in found:  # the glossary is where each acronym is explained: never twice
            self.book.spelled_out.update(self.book.glossary)
        if name in _HEADINGS:
            return self.heading(element, min(int(name[1]), 4))  # h5 and h6 print as h4 does
        handler = getattr(self, f"el_{name}", None)
        if handler is None:
            handler = self.el_block if name in _BLOCKS else self.el_inline
        if name in _BLOCKS and element.get("id"):
            first = element[0] if len(element) else None
            if first is not None and first.tag in _HEADINGS and not (element.text or "").strip():
                self.after_heading[id(first)] = element.get("id")
                return handler(element, found)
            return handler(element, found, anchor=self.book.anchor(element.get("id")))
        if name in _OWN_ANCHOR:
            return handler(element, found)
        return self.book.anchor(element.get("id")) + handler(element, found)

    def el_block(self, element: ET.Element, found: list[str], anchor: str = "") -> str:
        """A wrapper element; its id (if any) is written inside it."""
        if classes.SITE_CHART in found:
            return f"\n{anchor}{self.chart()}\n"
        inner = anchor + (self.children(element) if element.tag == "figcaption" else self.blocks(element))
        for cls, function in classes.BLOCK.items():
            if cls in found:
                return f"\n#{function}[\n{inner}\n]\n"
        if element.tag in ("figure", "figcaption"):
            return f"\n#hb-{element.tag}[\n{inner}\n]\n"
        return f"\n{inner}\n"

    def chart(self) -> str:
        """The organisation chart the book draws for paper (see `parts.chart_image`), if it has one."""
        call = self.book.image(CHART_SRC, self.book.chart_alt)
        return f"#{call}" if call else ""

    def el_inline(self, element: ET.Element, found: list[str]) -> str:
        for cls, function in classes.INLINE.items():
            if cls in found:
                inner = self.children(element)
                return f"#{function}[{inner.strip() if cls == 'hb-badge' else inner}]"
        return self.children(element)

    # ---------------------------------------------------------------- text
    def el_p(self, element: ET.Element, found: list[str]) -> str:
        for cls, function in classes.PARAGRAPH.items():
            if cls in found:
                return f"\n#{function}[{self.children(element).strip()}]\n"
        return f"\n#par[{self.children(element).strip()}]\n"

    def el_abbr(self, element: ET.Element, found: list[str]) -> str:
        """An acronym: spelled out the first time the book uses it ("Meaning (ACR)"), then as written.

        Why: paper has no tooltip. (`presentation.abbreviations.mark` leaves an acronym unmarked where
        the text has just spelled it out, "… Education (SACRE)", so it is not printed twice in a row.)
        """
        written, meaning = plain(element), element.get("title") or ""
        term = written[:-1] if written.endswith("s") and written[:-1].isupper() else written  # "SENCOs"
        if term in self.book.spelled_out or not meaning:
            return text(written)
        self.book.spelled_out.add(term)
        return text(f"{meaning} ({written})")

    def el_strong(self, element: ET.Element, found: list[str]) -> str:
        return f"#strong[{self.children(element)}]"

    el_b = el_strong

    def el_em(self, element: ET.Element, found: list[str]) -> str:
        return f"#emph[{self.children(element)}]"

    el_i = el_em

    def el_code(self, element: ET.Element, found: list[str]) -> str:
        return f"#hb-code[{self.children(element)}]"

    def el_br(self, element: ET.Element, found: list[str]) -> str:
        return "#linebreak()"

    def el_pre(self, element: ET.Element, found: list[str]) -> str:
        """A code block (the officers' YAML in prose): its lines and their indentation kept."""
        kept = []
        for line in "".join(element.itertext()).strip("\n").split("\n"):
            words = line.lstrip(" ")
            kept.append("\u00a0" * (len(line) - len(words)) + text(words))  # no-break spaces hold the indent
        return "\n#hb-pre[" + "#linebreak()".join(kept) + "]\n"

    def el_hr(self, element: ET.Element, found: list[str]) -> str:
        return "\n#hb-rule()\n"

    def el_blockquote(self, element: ET.Element, found: list[str]) -> str:
        return f"\n#hb-quote[\n{self.blocks(element)}\n]\n"

    def el_a(self, element: ET.Element, found: list[str]) -> str:
        words = self.children(element)
        target = self.book.links.target(element.get("href") or "", self.stem)
        if target is None:
            return words
        if target.kind == INTERNAL:
            return self.book.ref(target.address, words)
        if target.kind == EXTERNAL and "".join(element.itertext()) != target.address:
            return f"#hb-external({string(target.address)})[{words}]"
        if target.kind in (EXTERNAL, LINK):  # a bare address already shows itself
            return f"#link({string(target.address)})[{words}]"
        return words

    def el_img(self, element: ET.Element, found: list[str]) -> str:
        call = self.book.image(element.get("src") or "", element.get("alt") or "")
        return f"#{call}" if call else text(element.get("alt") or "")

    # ---------------------------------------------------------------- headings
    def heading(self, element: ET.Element, level: int) -> str:
        after = self.after_heading.pop(id(element), None)
        return self.book.heading(level, self.children(element).strip(), plain(element), element.get("id"), after)

    # ---------------------------------------------------------------- lists
    def _items(self, element: ET.Element) -> list[str]:
        return [f"[{self.book.anchor(li.get('id'))}{self.children(li).strip()}]" for li in element.findall("li")]

    def el_ul(self, element: ET.Element, found: list[str]) -> str:
        items = self._items(element)
        return f"\n#list({', '.join(items)})\n" if items else ""

    def el_ol(self, element: ET.Element, found: list[str]) -> str:
        items = self._items(element)
        return f"\n#enum({', '.join(items)})\n" if items else ""

    def el_dl(self, element: ET.Element, found: list[str]) -> str:
        return f"\n#hb-terms[\n{self.blocks(element)}\n]\n"

    def el_dt(self, element: ET.Element, found: list[str]) -> str:
        return f"\n#hb-term[{self.book.anchor(element.get('id'))}{self.children(element).strip()}]\n"

    def el_dd(self, element: ET.Element, found: list[str]) -> str:
        return f"\n#hb-description[{self.children(element).strip()}]\n"

    # ---------------------------------------------------------------- tables
    def el_table(self, element: ET.Element, found: list[str]) -> str:
        head: list[ET.Element] = []
        body: list[ET.Element] = []
        for child in element:
            if child.tag == "tr":
                body.append(child)
            elif child.tag in ("thead", "tbody", "tfoot"):
                (head if child.tag == "thead" else body).extend(row for row in child if row.tag == "tr")
        rows = head + body
        if not rows:
            return ""
        count = max(sum(_span(cell) for cell in _cells(row)) for row in rows)
        specs, column_mm = tables.columns(None, count)
        cells = []
        if head:
            cells.append("table.header(" + ", ".join(self.cell(cell) for row in head for cell in _cells(row)) + ")")
        for row in body:
            anchor = self.book.anchor(row.get("id"))
            row_cells = _cells(row)
            sizes = [(len("".join(cell.itertext())), sum(1 for _ in cell.iter("br")), _span(cell)) for cell in row_cells]
            breakable = tables.may_outgrow_a_page(sizes, column_mm)
            for index, cell in enumerate(row_cells):
                cells.append(self.cell(cell, prefix=anchor if index == 0 else "", breakable=breakable))
        return tables.table(" ".join(found), bool(head), specs, cells)

    def cell(self, cell: ET.Element, prefix: str = "", breakable: bool = False) -> str:
        content = prefix + self.children(cell).strip()
        if cell.tag == "th":
            content = f"#strong[{content}]"
        return tables.cell(content, breakable=breakable, colspan=_span(cell), right="text-align: right" in (cell.get("style") or ""))


def _cells(row: ET.Element) -> list[ET.Element]:
    return [cell for cell in row if cell.tag in ("td", "th")]


def _span(cell: ET.Element) -> int:
    try:
        return max(1, int(cell.get("colspan") or 1))
    except ValueError:
        return 1

