"""assemble: a validated `Handbook` and its project -> the whole book in Typst, with its settings.

The book, in order: cover; foreword and contents (front matter, roman folios); the numbered
sections in the nav's reading order (`pages`), with the catalogue of services as a numbered
section; the appendices (A, B, …) ending with the price list and the contacts. The prose is the
site's own Markdown (`prose`); the parts made from data come from the views (`catalogue`,
`parts`). The metadata `book.typ` needs (title, colours, running head) is returned as values.
Reads the docs' pages and images; writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from handbook.core.project import Project
from handbook.data.model import Handbook
from handbook.pdf import catalogue, parts, prose
from handbook.pdf.book import Book
from handbook.pdf.links import Links
from handbook.pdf.outline import Entry, Outline
from handbook.pdf.pages import BookPage, book_pages, is_appendix
from handbook.presentation import wording
from handbook.views.catalogue import service_ids

LANG = "en-GB"
KEYWORDS = ("schools", "services to schools", "traded services", "charges", "contacts")


@dataclass(frozen=True)
class Settings:
    """What `book.typ` reads besides the body (`hb-settings`): metadata, colours, running head."""

    title: str
    author: str
    description: str
    keywords: tuple[str, ...]
    lang: str
    primary: str
    accent: str
    book_title: str  # the running head's right side: the cover's title
    edition_line: str  # the footer's left side: the cover's first edition line


@dataclass
class Typeset:
    """The book: its Typst body, its settings, the files beside it and the classes it met unnamed."""

    body: str
    settings: Settings
    files: dict[str, bytes] = field(default_factory=dict)
    unknown_classes: set[str] = field(default_factory=set)


def book_title(handbook: Handbook) -> str:
    """The PDF's document title: the handbook's title and its edition."""
    return f"{handbook.authority.handbook.title}, {wording.edition_label(handbook)}"


def settings(handbook: Handbook) -> Settings:
    data = handbook.authority
    return Settings(
        title=book_title(handbook),
        author=data.authority.name,
        description=data.handbook.subtitle or data.handbook.title,
        keywords=KEYWORDS,
        lang=LANG,
        primary=data.branding.primary_colour,
        accent=data.branding.accent_colour,
        book_title=" ".join(data.handbook.title.split()),
        edition_line=" ".join(parts.edition_line(handbook).split()),
    )


@dataclass
class _Part:
    page: BookPage
    kind: str  # "section" or "appendix"
    number: str
    markup: str = ""
    entries: list[Entry] = field(default_factory=list)


def assemble(handbook: Handbook, data_dir: Path, project: Project) -> Typeset:
    """The whole book as Typst markup over `book.typ`'s components.

    Args:
        handbook: the validated data.
        data_dir: its folder (the prose's macros and "What has changed" read from it).
        project: where the nav, the docs and the site's address are (`handbook.core.project`).
    """
    book = Book(Links(frozenset(service_ids(handbook)), project.site_url), docs_dir=project.docs_dir, glossary={t.term: t.meaning for t in handbook.glossary.terms})
    parts.register_chart(book, handbook)
    outline = Outline()
    pages = book_pages(project)
    trees = {page.path: prose.page_tree(page, handbook, data_dir) for page in pages if page.role in (None, "foreword") and page.file is not None}
    chart_in_prose = any(prose.has_chart(trees[page.path]) for page in pages if page.role is None and page.path in trees)

    cover = parts.cover(book, handbook, handbook.authority.branding.logo)
    home = next((page for page in pages if page.role == "foreword" and page.path in trees), None)
    with outline.part() as front_entries:
        front = prose.front_page(book, home, trees[home.path], outline) if home else parts.foreword(book, handbook, outline)

    body: list[_Part] = []
    for page in pages:
        if page.role == "foreword":
            continue
        appendix = is_appendix(page, prose.first_heading(trees[page.path]) if page.path in trees else None)
        body.append(_Part(page, "appendix" if appendix else "section", outline.next_number(appendix)))
    # Sections first, then appendices, each in reading order: numbers and contents follow.
    body.sort(key=lambda part: part.kind == "appendix")
    for part in body:
        with outline.part() as entries:
            part.markup = _part(book, handbook, outline, part, trees, chart_in_prose, project.site_url)
        part.entries = entries
    contents = parts.contents(book, front_entries + [entry for part in body for entry in part.entries])

    out = [cover, book.pages("front"), front, "\n", book.pages("front"), contents]
    for part in body:
        out += [book.pages("main"), part.markup, "\n"]
    return Typeset(book.finish("".join(out)), settings(handbook), book.files, book.unknown_classes)


def _part(book: Book, handbook: Handbook, outline: Outline, part: _Part, trees: dict, chart_in_prose: bool, site: str | None) -> str:
    page = part.page
    if page.role == "catalogue":
        return catalogue.catalogue_part(book, handbook, outline, part.number, page.anchor, site)
    if page.role == "prices":
        return catalogue.price_list_part(book, handbook, outline, part.number, page.anchor)
    if page.role == "contacts":
        return parts.contacts_part(book, handbook, outline, part.number, page.anchor, chart=not chart_in_prose)
    return prose.section_page(book, page, trees[page.path], outline, part.number)
