"""prose: the prose pages' shared renderer. Docs page text + validated `Handbook` -> Markdown.

How it is used:
- The website: `macros/__init__.py` (mkdocs-macros' module) registers `macro_functions(...)` and
  `page_variables(...)`; MkDocs then converts each prose page with `MARKDOWN_EXTENSIONS`.
- The PDF (`handbook.pdf.prose`): for each page of the nav, `render_page_markdown(text, handbook,
  data_dir)`, then Python-Markdown with `MARKDOWN_EXTENSIONS` into a tree it writes as Typst.

Each macro returns a block of HTML (from a template in `handbook/presentation/templates/*.html.j2`,
autoescaped) surrounded by blank lines, so Markdown passes it through untouched. The page
author's text is the only template: data inserted by a macro is never evaluated again, and data
text is escaped (Markdown fields go through `handbook.presentation.markdown`, which shows raw HTML as typed).
Its I/O is the macros': reading templates, the previous edition's data for the changes page
(`handbook.data.editions`), and Graphviz for the org chart (`handbook.presentation.chart`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from handbook.data.model import Handbook
from handbook.presentation import escape, macros
from handbook.presentation import wording as filters
from handbook.presentation.templating import render_page_text
from handbook.views import prices

# The Markdown extensions of every prose page; mkdocs.yml's `markdown_extensions` mirrors these
# (tests/presentation/test_prose.py compares them).
MARKDOWN_EXTENSIONS = ["handbook.presentation.abbreviations", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc"]
MARKDOWN_EXTENSION_CONFIGS: dict[str, dict[str, Any]] = {"toc": {"permalink": False, "toc_depth": 3}}

UrlFor = Callable[[str], str]


def _identity(path: str) -> str:
    return path


def macro_functions(handbook: Handbook, data_dir: Path | str, url_for: UrlFor | None = None) -> dict[str, Callable[..., str]]:
    """Every function the prose pages call, by name. Each returns Markdown-safe HTML text.

    Args:
        handbook: the validated data.
        data_dir: the data folder (the changes page compares it with the previous edition's).
        url_for: maps a site-root address such as `services/school-meals/` to the link to print;
            the website passes one relative to the current page.
    """
    return macros.functions(handbook, Path(data_dir), url_for or _identity)


def page_variables(handbook: Handbook) -> dict[str, Any]:
    """Names a page can print with `{{ ... }}`: escaped for Markdown (`escape.markdown_text`).

    Why not HTML escaping: the page is Markdown, where `[t](javascript:...)` or `{: onclick=...}`
    needs no `<`; as numeric references no character of the value is Markdown (or HTML) syntax.
    """
    a = handbook.authority
    years = prices.price_years(handbook)  # once: it reads every charge
    text = {
        "authority_name": a.authority.name,
        "authority_short_name": a.authority.short_name,
        "authority_website": str(a.authority.website),
        "handbook_title": a.handbook.title,
        "edition_label": filters.edition_label(handbook),
        "academic_year": a.edition.covers.academic_year,
        "financial_year": a.edition.covers.financial_year,
        # The years the prices run for, worked out from the charges (`views.prices.price_years`).
        "price_period": filters.price_period(years, a.edition.covers),
        "price_years": filters.price_period(years, a.edition.covers, counts=False),
        "published": filters.long_date(a.edition.published),
    }
    return {k: escape.markdown_text(v) for k, v in text.items()}


_FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.S)


def render_page_markdown(text: str, handbook: Handbook, data_dir: Path | str, url_for: UrlFor | None = None) -> str:
    """A docs page's text with its `{{ macro() }}` calls evaluated -> Markdown (front matter removed).

    The author's text is the template; what the macros return is inserted as it stands.
    Unknown names fail (StrictUndefined), as they do in the website build.
    """
    body = _FRONT_MATTER.sub("", text, count=1)
    return render_page_text(body, {**page_variables(handbook), **macro_functions(handbook, data_dir, url_for)})
