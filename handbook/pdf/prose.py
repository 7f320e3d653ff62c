"""prose: the site's own prose pages (docs/*.md) -> numbered HTML parts of the book.

Input: `handbook.presentation.prose.PROSE_PAGES` (the reading order the site's nav mirrors), each page's
Markdown rendered by `handbook.presentation.prose.render_page_markdown` (the same macros as the website) and
converted with the site's `MARKDOWN_EXTENSIONS`. Output: HTML whose headings are numbered and
listed in the outline, whose ids are unique in the book and whose links point inside it (see
`links`). Pages the book prints from its own templates (catalogue, price list, contacts) are
only placed here, never rendered from the site's screen-oriented page.
Never writes files; reads only `docs/` and `mkdocs.yml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import markdown as md
from markupsafe import Markup

from handbook.data.model import Handbook
from handbook.pdf import links
from handbook.pdf.outline import Outline, plain, section_label, sub_number

# Site pages the book replaces with its print parts, and the home page that carries the foreword.
ROLES = {"index.md": "foreword", "catalogue.md": "catalogue", "prices.md": "prices", "contacts.md": "contacts"}
_NUMBERED_TITLE = re.compile(r"^(?:\d+\.\s*|Appendix\s+[A-Z]+\s*[:.]\s*)")
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_SITE_CHART = re.compile(r'(<div class="hb-org-chart__image">)\s*<svg\b.*?</svg>', re.S)
_H2 = re.compile(r"<h2\b([^>]*)>(.*?)</h2>", re.S)


@dataclass(frozen=True)
class NavPage:
    path: str  # inside docs/, e.g. "structure.md"
    title: str  # without its number
    appendix: bool
    role: str | None  # "foreword", "catalogue", "prices", "contacts" or None for prose
    file: Path | None  # None: a page the site has not written (the book uses its own part)

    @property
    def stem(self) -> str:
        return self.path.removesuffix(".md").replace("/", "-")

    @property
    def anchor(self) -> str:
        return {"catalogue": "catalogue", "prices": "prices", "contacts": "contacts"}.get(self.role or "", f"page-{self.stem}")


def find_project(data_dir: Path) -> Path | None:
    """The folder with `mkdocs.yml` and `docs/`: beside the data folder, else the working folder."""
    for candidate in (Path(data_dir).resolve().parent, Path.cwd()):
        if (candidate / "mkdocs.yml").is_file() and (candidate / "docs").is_dir():
            return candidate
    return None


def nav_pages(project: Path) -> list[NavPage]:
    """The printed pages in the site's reading order; prose pages missing from docs/ are skipped."""
    try:
        from handbook.presentation.prose import PROSE_PAGES
    except ImportError:  # the site's renderer is not installed: the book is made from data only
        return []
    pages = []
    for path, title in PROSE_PAGES:
        role = ROLES.get(path)
        file = project / "docs" / path
        if role is None and not file.is_file():
            continue
        appendix = title.startswith("Appendix") or path.startswith("appendix")
        pages.append(NavPage(path, _NUMBERED_TITLE.sub("", title), appendix, role, file if file.is_file() else None))
    return pages


def has_chart(pages: list[NavPage]) -> bool:
    """Whether a prose page already prints the organisation chart."""
    return any(p.role is None and p.file is not None and "org_chart(" in p.file.read_text(encoding="utf-8") for p in pages)


def page_html(page: NavPage, handbook: Handbook, data_dir: Path) -> str:
    """The page as the website has it, from Markdown to HTML (before the book's rewriting)."""
    from handbook.presentation.prose import MARKDOWN_EXTENSION_CONFIGS, MARKDOWN_EXTENSIONS, render_page_markdown

    assert page.file is not None
    text = render_page_markdown(page.file.read_text(encoding="utf-8"), handbook, data_dir, url_for=lambda path: path)
    converter = md.Markdown(extensions=MARKDOWN_EXTENSIONS, extension_configs=MARKDOWN_EXTENSION_CONFIGS, output_format="html")
    return converter.convert(text)


def front_page(page: NavPage, handbook: Handbook, data_dir: Path, outline: Outline) -> Markup:
    """The home page as the foreword: unnumbered, listed in the contents with a roman folio."""
    html = links.rewrite(page_html(page, handbook, data_dir), page.stem, _site_url(page), handbook, page.file.parent)
    # The home page's welcome (its title, then links to find your way) is the website's cover
    # and contents; the book has its own, so it starts at the page's "Foreword" heading.
    start = re.search(r"<h2\b[^>]*>\s*Foreword\s*</h2>", html)
    html = html[start.end() :] if start else _H1.sub("", html, count=1)
    heading = outline.heading(1, "foreword", "Foreword", front=True)
    return Markup(heading + Markup(html))


def print_chart(html: str, handbook: Handbook) -> str:
    """The site's organisation chart redrawn for a portrait page (see `parts.chart_image`)."""
    from handbook.pdf.parts import chart_image

    return _SITE_CHART.sub(lambda m: m.group(1) + str(chart_image(handbook)), html, count=1)


def section_page(page: NavPage, handbook: Handbook, data_dir: Path, outline: Outline, number: str) -> Markup:
    """A numbered section or appendix: its title from the page's first heading, h2s numbered."""
    if page.file is None:
        return outline.heading(1, page.anchor, page.title, section_label(number))
    html = links.rewrite(page_html(page, handbook, data_dir), page.stem, _site_url(page), handbook, page.file.parent)
    html = print_chart(html, handbook)
    first = _H1.search(html)
    title = _NUMBERED_TITLE.sub("", plain(first.group(1))) if first else page.title
    if first:
        html = html[: first.start()] + html[first.end() :]
    heading = outline.heading(1, page.anchor, title, section_label(number))
    count = 0

    def number_h2(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        attrs, inner = match.group(1), match.group(2)
        found = re.search(r'id="([^"]+)"', attrs)
        anchor = found.group(1) if found else f"{page.stem}--h2-{count}"
        return str(outline.heading(2, anchor, plain(inner), sub_number(number, count)))

    return Markup(heading + Markup(_H2.sub(number_h2, html)))


def asset_url(data_dir: Path, relative: str) -> str | None:
    """A file under docs/ (the logo) as a file URL (typeset embeds it), or None when absent."""
    project = find_project(data_dir)
    path = project / "docs" / relative if project else None
    return path.as_uri() if path is not None and path.is_file() else None


def _site_url(page: NavPage) -> str | None:
    project = page.file.parent.parent if page.file else None
    return links.site_url(project / "mkdocs.yml") if project else None
