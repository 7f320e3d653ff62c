"""typeset: the assembled print HTML -> Typst source for the PDF edition.

Input: the book as one HTML document (`assemble`), whose elements and classes are our own
templates' and Python-Markdown's. Output: Typst markup that calls the functions of `book.typ`
(its page styles and components) for each of them. Every piece of text is written escaped, so
nothing from the data or the prose is ever read as Typst code: an escaped character is always
printed as itself (see `markup`). Never reads or writes files.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, PageElement, ProcessingInstruction, Tag

from handbook.pdf import tables
from handbook.pdf.markup import array, label, string, text

_SPACE = re.compile(r"\s+")

_BLOCKS = {"div", "section", "article", "nav", "header", "footer", "aside", "main", "address", "details", "summary", "figure", "figcaption"}
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)
# Paragraph classes and the `book.typ` function that sets each.
_PARAGRAPHS = {
    "details": "hb-details",
    "service-summary": "hb-summary",
    "category-intro": "hb-intro",
    "hb-signatories": "hb-signatories",
    "hb-visually-secondary": "hb-small",
    "hb-small": "hb-small",
}


@dataclass
class Book:
    """What the Typst preamble needs besides the body: metadata and the images it loads."""

    title: str = ""
    author: str = ""
    description: str = ""
    keywords: list[str] = field(default_factory=list)
    lang: str = "en-GB"
    primary: str = "#1d4f73"
    accent: str = "#8a3b12"
    book_title: str = ""  # the running head's right side: the cover's title
    edition_line: str = ""  # the footer's left side: the cover's edition line
    files: dict[str, bytes] = field(default_factory=dict)  # name -> bytes, beside the source


def typeset(html: str, read_file: Callable[[str], bytes | None]) -> tuple[str, Book]:
    """(Typst markup of the book's body, its metadata and images).

    Args:
        html: the assembled book.
        read_file: reads a `file://` image the book refers to (the logo), as bytes, or None.
    """
    # lxml's parser (C) builds the same tree as Python's html.parser in half the time.
    soup = BeautifulSoup(html, "lxml")
    book = _metadata(soup)
    writer = _Writer(book, read_file)
    body = soup.body or soup
    return writer.children(body, block=True), book


def _metadata(soup: BeautifulSoup) -> Book:
    book = Book()
    if soup.html and soup.html.get("lang"):
        book.lang = soup.html["lang"]
    if soup.title:
        book.title = soup.title.get_text()
    for meta in soup.find_all("meta"):
        name, content = meta.get("name"), meta.get("content", "")
        if name == "author":
            book.author = content
        elif name == "description":
            book.description = content
        elif name == "keywords":
            book.keywords = [k.strip() for k in content.split(",") if k.strip()]
    for cls, attribute in (("cover-title", "book_title"), ("cover-edition-line", "edition_line")):
        found = soup.find(class_=cls)
        if found:
            setattr(book, attribute, _SPACE.sub(" ", found.get_text()).strip())
    style = soup.find("style")
    if style:
        for name, value in re.findall(r"--(primary|accent):\s*(#[0-9A-Fa-f]{3,8})", style.get_text()):
            setattr(book, name, value)
    return book


class _Writer:
    """Walks the book's HTML once, writing Typst; `el_<tag>` methods handle each element."""

    def __init__(self, book: Book, read_file: Callable[[str], bytes | None]) -> None:
        self.book = book
        self.read_file = read_file
        self.page_kind = "cover"
        self.headings: list[tuple[int, int]] = []  # (level in the HTML, level written)
        # A block's id, written just after its first heading: an anchor before the block could be
        # left at the foot of the previous page when the heading moves on with what follows it.
        self.after_heading: dict[int, str] = {}

    # ---------------------------------------------------------------- generic
    def children(self, tag: Tag, block: bool = False) -> str:
        """Typst for `tag`'s content; in a block, whitespace between elements is dropped."""
        return "".join(self.children_of(tag.children, block))

    def children_of(self, nodes: Iterable[PageElement], block: bool = False) -> list[str]:
        """Typst for each of `nodes` (text and elements), in order."""
        out: list[str] = []
        for child in nodes:
            if isinstance(child, NavigableString):
                if isinstance(child, _NOT_TEXT):
                    continue
                value = _SPACE.sub(" ", str(child))
                if block and not value.strip():
                    continue
                out.append(text(value))
            elif isinstance(child, Tag):
                out.append(self.element(child))
        return out

    def element(self, tag: Tag) -> str:
        name = tag.name
        classes = tag.get("class", [])
        if name in _HEADINGS:
            return self.heading(tag, min(int(name[1]), 4))  # h5 and h6 print as h4 does
        handler = getattr(self, f"el_{name}", None)
        if handler is None:
            handler = self.el_block if name in _BLOCKS else self.el_inline
        if name in _BLOCKS and tag.get("id"):
            first = tag.find(True, recursive=False)
            if first is not None and first.name in _HEADINGS:
                self.after_heading[id(first)] = tag["id"]
                return handler(tag, classes)
            return handler(tag, classes, anchor=self.anchor(tag))
        return self.anchor(tag) + handler(tag, classes) if name not in ("tr", "dt", "li") else handler(tag, classes)

    def anchor(self, tag: Tag) -> str:
        """An invisible, locatable point for an id other parts of the book link to."""
        anchor = tag.get("id")
        return f"#hb-anchor({string(anchor)})" if anchor else ""

    def block_children(self, tag: Tag) -> str:
        """A block's content: its own paragraphs and blocks, each on a line of its own."""
        return self.children(tag, block=True)

    def el_block(self, tag: Tag, classes: list[str], anchor: str = "") -> str:
        """A wrapper element; its id (if any) is written inside it, after any page break."""
        if "cover" in classes:
            return self.cover(tag)
        if "toc" in classes:
            return self.toc(tag, anchor)
        if "part" in classes or ("front" in classes and tag.name == "section"):
            return f"{self.pages('main' if 'part' in classes else 'front')}{anchor}{self.block_children(tag)}\n"
        inner = anchor + (self.children(tag) if tag.name == "figcaption" else self.block_children(tag))
        for cls, function in (("service", "hb-service"), ("admonition", "hb-admonition")):
            if cls in classes:
                return f"\n#{function}[\n{inner}\n]\n"
        if tag.name in ("figure", "figcaption"):
            return f"\n#hb-{tag.name}[\n{inner}\n]\n"
        return f"\n{inner}\n"

    def el_inline(self, tag: Tag, classes: list[str]) -> str:
        if "hb-sr-only" in classes:
            return ""
        if "heading-number" in classes:
            return f"#hb-number[{self.children(tag)}]"
        if "badge" in classes or "hb-badge" in classes:
            return f"#hb-badge[{self.children(tag).strip()}]"
        if "muted" in classes:
            return f"#hb-muted[{self.children(tag)}]"
        if "note" in classes:
            return f"#hb-note[{self.children(tag)}]"
        if "hb-signatory" in classes:
            return f"#hb-signatory[{self.children(tag)}]"
        if "hb-small" in classes or "hb-visually-secondary" in classes:
            return f"#hb-small[{self.children(tag)}]"
        return self.children(tag)

    # ---------------------------------------------------------------- text
    def el_p(self, tag: Tag, classes: list[str]) -> str:
        if "fact" in classes and tag.b is not None:
            # A fact: its label (the leading <b>) hangs beside the text.
            name = _SPACE.sub(" ", tag.b.get_text()).strip()
            rest = "".join(self.children_of([c for c in tag.children if c is not tag.b]))
            return f"\n#hb-fact[{text(name)}][{rest.strip()}]\n"
        for cls, function in _PARAGRAPHS.items():
            if cls in classes:
                return f"\n#{function}[{self.children(tag).strip()}]\n"
        return f"\n#par[{self.children(tag).strip()}]\n"

    def el_strong(self, tag: Tag, classes: list[str]) -> str:
        return f"#strong[{self.children(tag)}]"

    el_b = el_strong

    def el_em(self, tag: Tag, classes: list[str]) -> str:
        return f"#emph[{self.children(tag)}]"

    el_i = el_em

    def el_code(self, tag: Tag, classes: list[str]) -> str:
        return f"#hb-code[{self.children(tag)}]"

    def el_br(self, tag: Tag, classes: list[str]) -> str:
        return "#linebreak()"

    def el_pre(self, tag: Tag, classes: list[str]) -> str:
        """A code block (the officers' YAML in prose): its lines and their indentation kept."""
        kept = []
        for line in tag.get_text().strip("\n").split("\n"):
            words = line.lstrip(" ")
            kept.append("\u00a0" * (len(line) - len(words)) + text(words))  # no-break spaces hold the indent
        return "\n#hb-pre[" + "#linebreak()".join(kept) + "]\n"

    def el_hr(self, tag: Tag, classes: list[str]) -> str:
        return "\n#hb-rule()\n"

    def el_blockquote(self, tag: Tag, classes: list[str]) -> str:
        return f"\n#hb-quote[\n{self.block_children(tag)}\n]\n"

    def el_a(self, tag: Tag, classes: list[str]) -> str:
        href = tag.get("href", "")
        words = self.children(tag)
        if href.startswith("#") and "internal" in classes:
            return f"#hb-ref({string(href[1:])})[{words}]"
        if href.startswith("#"):
            return f"#link(label({string(href[1:])}))[{words}]"
        if "external" in classes:
            return f"#hb-external({string(href)})[{words}]"
        if href.startswith(("http://", "https://", "mailto:", "tel:")):
            return f"#link({string(href)})[{words}]"
        return words

    # ---------------------------------------------------------------- headings
    def heading(self, tag: Tag, level: int) -> str:
        # PDF/UA: levels never skip. A heading goes one below the nearest earlier heading of a
        # higher rank, so a page's h3s straight after its h1 (a macro's sections) become level 2.
        source = level
        while self.headings and self.headings[-1][0] >= source:
            self.headings.pop()
        level = min(source, self.headings[-1][1] + 1 if self.headings else 1)
        self.headings.append((source, level))
        anchor = tag.get("id")
        words = self.children(tag).strip()
        labelled = f" {label(anchor)}" if anchor else ""
        section = f"#hb-section({string(_SPACE.sub(' ', tag.get_text()).strip())})\n" if level == 1 else ""
        owner = self.after_heading.pop(id(tag), None)
        after = f"#hb-anchor({string(owner)})\n" if owner else ""
        return f"\n{section}#hb-heading({level})[{words}]{labelled}\n{after}"

    # ---------------------------------------------------------------- lists
    def _items(self, tag: Tag) -> str:
        items = [f"[{self.anchor(li)}{self.children(li).strip()}]" for li in tag.find_all("li", recursive=False)]
        return ", ".join(items)

    def el_ul(self, tag: Tag, classes: list[str]) -> str:
        return f"\n#list({self._items(tag)})\n" if tag.find("li", recursive=False) else ""

    def el_ol(self, tag: Tag, classes: list[str]) -> str:
        return f"\n#enum({self._items(tag)})\n" if tag.find("li", recursive=False) else ""

    def el_dl(self, tag: Tag, classes: list[str]) -> str:
        return f"\n#hb-terms[\n{self.block_children(tag)}\n]\n"

    def el_dt(self, tag: Tag, classes: list[str]) -> str:
        return f"\n#hb-term[{self.anchor(tag)}{self.children(tag).strip()}]\n"

    def el_dd(self, tag: Tag, classes: list[str]) -> str:
        return f"\n#hb-description[{self.children(tag).strip()}]\n"

    # ---------------------------------------------------------------- images
    def el_img(self, tag: Tag, classes: list[str]) -> str:
        call = self.image(tag)
        return f"#{call}" if call else text(tag.get("alt", ""))

    def image(self, tag: Tag) -> str | None:
        """`hb-logo(…)` or `hb-image(…)` for an image the book holds (its file kept in `files`)."""
        src, alt = tag.get("src", ""), tag.get("alt", "")
        if src.startswith("data:image/svg+xml;base64,"):
            suffix, data = "svg", base64.b64decode(src.split(",", 1)[1])
        elif src.startswith("file://"):
            suffix, data = PurePosixPath(src).suffix.lstrip(".").lower(), self.read_file(src)
        else:
            return None
        if data is None or not suffix.isalnum():  # Typst knows an image's format by its suffix
            return None
        name = f"image-{len(self.book.files) + 1}.{suffix}"
        self.book.files[name] = data
        kind = "hb-logo" if "cover-logo" in tag.get("class", []) else "hb-image"
        return f"{kind}({string(name)}, {string(alt)})"

    # ---------------------------------------------------------------- tables
    def el_table(self, tag: Tag, classes: list[str]) -> str:
        rows = tag.find_all("tr")
        if not rows:
            return ""
        count = max(sum(int(c.get("colspan", 1)) for c in row.find_all(["td", "th"], recursive=False)) for row in rows)
        specs, column_mm = tables.columns(classes, count)
        head = [r for r in rows if r.parent and r.parent.name == "thead"]
        body = [r for r in rows if r not in head]
        parts = [f"columns: ({', '.join(specs)},)"]
        if head:
            parts.append("table.header(" + ", ".join(self.cell(c) for r in head for c in r.find_all(["td", "th"], recursive=False)) + ")")
        for row in body:
            team = "team-row" in row.get("class", [])
            anchor = self.anchor(row)
            cells = row.find_all(["td", "th"], recursive=False)
            breakable = tables.may_outgrow_a_page(cells, column_mm)
            for index, cell in enumerate(cells):
                parts.append(self.cell(cell, team=team, prefix=anchor if index == 0 else "", breakable=breakable))
        return f"\n#hb-table({string(' '.join(classes))}, header: {'true' if head else 'false'}, {', '.join(parts)})\n"

    def cell(self, cell: Tag, team: bool = False, prefix: str = "", breakable: bool = False) -> str:
        classes = cell.get("class", [])
        options = ["breakable: true"] if breakable else []
        span = int(cell.get("colspan", 1))
        if span > 1:
            options.append(f"colspan: {span}")
        right = "money" in classes or "text-align: right" in cell.get("style", "")
        if right:
            options.append("align: right")
        content = prefix + self.children(cell).strip()
        if team:
            content = f"#hb-team[{content}]"
        elif cell.name == "th":
            content = f"#strong[{content}]"
        if "number" in classes:
            content = f"#hb-muted[{content}]"
        if "phone" in classes or "number" in classes:
            content = f"#hb-nowrap[{content}]"
        if options:
            return f"table.cell({', '.join(options)})[{content}]"
        return f"[{content}]"

    # ---------------------------------------------------------------- cover and contents
    def cover(self, tag: Tag) -> str:
        def pick(cls: str) -> str:
            found = tag.find(class_=cls)
            return self.children(found).strip() if found else ""

        def lines(cls: str) -> str:
            found = tag.find(class_=cls)
            return array([self.children(p).strip() for p in found.find_all("p")] if found else [])

        logo = tag.find("img")
        logo_call = (self.image(logo) if logo else None) or "none"
        return (
            f"\n#hb-cover(logo: {logo_call}, authority: [{pick('cover-authority')}], "
            f"title: [{pick('cover-title')}], subtitle: [{pick('cover-subtitle')}], "
            f"edition: {lines('cover-edition')}, foot: {lines('cover-foot')})\n"
        )

    def toc(self, tag: Tag, anchor: str = "") -> str:
        title = tag.find(["h1", "h2"])
        heading = self.heading(title, 1) if title else ""
        entries = []
        for li in tag.find_all("li"):
            link = li.find("a")
            if not link or not link.get("href", "").startswith("#"):
                continue
            level = 1 if "toc-section" in li.get("class", []) else 2
            roman = "toc-front" in link.get("class", [])
            entries.append(f"#hb-toc-entry({level}, {string(link['href'][1:])}, roman: {'true' if roman else 'false'})[{self.children(link).strip()}]")
        return f"{self.pages('front')}{anchor}{heading}\n" + "\n".join(entries) + "\n"

    def pages(self, kind: str) -> str:
        """A new page; the first of the front matter or of the body also sets their page style."""
        if kind == self.page_kind:
            return "\n#pagebreak(weak: true)\n"
        self.page_kind = kind
        style = "header: none, footer: front-footer" if kind == "front" else "header: running-head, footer: main-footer"
        return f"\n#set page({style})\n"
