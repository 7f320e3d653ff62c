"""assemble: a validated `Handbook` and the docs' prose -> one print HTML document (a string).

The book, in order: cover; foreword and contents (front matter, roman folios); the numbered
sections in the site's nav order, with the catalogue of services as a numbered section; the
appendices (A, B, …) ending with the price list and the contacts. The prose is the site's own
Markdown, rendered by `handbook.presentation.prose` (see `prose`); lists and tables come from the views.

It never writes files and never evaluates data text as a template: officers' text is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from handbook.data.model import Handbook
from handbook.pdf import links, parts, prose
from handbook.pdf.labels import FILTERS
from handbook.pdf.outline import Entry, Outline
from handbook.presentation.templating import template_cache
from handbook.views.edition import edition_label

HERE = Path(__file__).resolve().parent
LANG = "en-GB"


@dataclass(frozen=True)
class Part:
    id: str
    kind: str  # "front", "section" or "appendix"
    html: Markup
    entries: list[Entry]  # its lines in the contents


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The PDF's Jinja environment: strict, autoescaping, with the shared filters."""
    env = Environment(loader=FileSystemLoader(HERE / "templates"), undefined=StrictUndefined, autoescape=True, trim_blocks=False, bytecode_cache=template_cache())
    env.filters.update(FILTERS)
    return env


def book_title(handbook: Handbook) -> str:
    """The PDF's document title: the handbook's title and its edition."""
    return f"{handbook.authority.handbook.title}, {edition_label(handbook)}"


def assemble(handbook: Handbook, data_dir: Path, project_dir: Path | None = None) -> str:
    """The whole book as one HTML document, for `typeset` to turn into Typst.

    Args:
        handbook: the validated data.
        data_dir: its folder (the prose's macros and "What has changed" read from it).
        project_dir: where `mkdocs.yml` and `docs/` are; found from `data_dir` when `None`.
            Without them the book still has the cover, foreword, catalogue and appendices.
    """
    env = environment()
    project = project_dir if project_dir is not None else prose.find_project(data_dir)
    pages = prose.nav_pages(project) if project else []
    outline = Outline()

    foreword = next((p for p in pages if p.role == "foreword" and p.file is not None), None)
    with outline.part() as entries:
        html = prose.front_page(foreword, handbook, data_dir, outline) if foreword else parts.foreword(env, handbook, outline)
    front = [Part("foreword", "front", html, entries)]

    # What the site shows on pages of its own the book always carries: catalogue, prices, contacts.
    held = {p.role for p in pages}
    pages += [prose.NavPage(f"{role}.md", role, role != "catalogue", role, None) for role in ("catalogue", "prices", "contacts") if role not in held]
    chart_in_prose = prose.has_chart(pages)
    site = links.site_url(project / "mkdocs.yml") if project else None
    body: list[Part] = []
    for page in pages:
        if page.role == "foreword":
            continue
        appendix = page.appendix or page.role in ("prices", "contacts")
        number = outline.next_number(appendix)
        with outline.part() as entries:
            html = _part_html(env, handbook, data_dir, outline, page, number, chart_in_prose, site)
        body.append(Part(page.anchor, "appendix" if appendix else "section", html, entries))
    # Sections first, then appendices, each in reading order: numbers and contents follow.
    body.sort(key=lambda part: part.kind == "appendix")
    return _book(env, handbook, data_dir, front, body)


def _part_html(
    env: Environment, handbook: Handbook, data_dir: Path, outline: Outline, page: prose.NavPage, number: str, chart_in_prose: bool, site: str | None
) -> Markup:
    if page.role == "catalogue":
        return parts.catalogue_part(env, handbook, outline, number, page.anchor, site)
    if page.role == "prices":
        return parts.price_list_part(env, handbook, outline, number, page.anchor)
    if page.role == "contacts":
        return parts.contacts_part(env, handbook, outline, number, page.anchor, chart=not chart_in_prose)
    return prose.section_page(page, handbook, data_dir, outline, number)


def _book(env: Environment, handbook: Handbook, data_dir: Path, front: list[Part], body: list[Part]) -> str:
    data = handbook.authority
    logo = prose.asset_url(data_dir, data.branding.logo)
    edition_line = f"{edition_label(handbook).capitalize()} · {data.authority.name}"
    cover = env.get_template("cover.html.j2").render(
        authority=data.authority, handbook=data.handbook, edition=data.edition, edition_line=edition_line, logo=logo
    )
    contents = env.get_template("contents.html.j2").render(entries=[e for part in front + body for e in part.entries])
    return env.get_template("book.html.j2").render(
        lang=LANG,
        title=book_title(handbook),
        author=data.authority.name,
        subject=data.handbook.subtitle or data.handbook.title,
        keywords="schools, services to schools, traded services, charges, contacts",
        primary=data.branding.primary_colour,
        accent=data.branding.accent_colour,
        cover=Markup(cover),
        front=front,
        contents=Markup(contents),
        parts=body,
    )
