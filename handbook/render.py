"""render: the prose pages' shared renderer. Docs page text + validated `Handbook` -> Markdown.

How it is used:
- The website: `macros/__init__.py` (mkdocs-macros' module) registers `macro_functions(...)` and
  `page_variables(...)`; MkDocs then converts each prose page with `MARKDOWN_EXTENSIONS`.
- The PDF: for each page of `PROSE_PAGES`, call `render_page_markdown(text, handbook, data_dir)`
  and convert the result with `markdown.Markdown(extensions=MARKDOWN_EXTENSIONS,
  extension_configs=MARKDOWN_EXTENSION_CONFIGS)`. Pass `url_for` to map site addresses
  (`services/<id>/`, `contacts/#role-<id>`) to the PDF's own anchors.

Each macro returns a block of HTML (from a template in `handbook/site/templates/*.html.j2`,
autoescaped) surrounded by blank lines, so Markdown passes it through untouched. The page
author's text is the only template: data inserted by a macro is never evaluated again, and data
text is escaped (Markdown fields go through `handbook.markdown`, which shows raw HTML as typed).
Never does I/O beyond reading templates (the org chart runs Graphviz in `handbook.chart`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from handbook import cache, escape, filters
from handbook.markdown import to_html, to_inline_html
from handbook.model import Handbook

TEMPLATES = Path(__file__).parent / "site" / "templates"

# The Markdown extensions of every prose page; mkdocs.yml's `markdown_extensions` mirrors these
# (tests/test_render.py compares them).
MARKDOWN_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc"]
MARKDOWN_EXTENSION_CONFIGS: dict[str, dict[str, Any]] = {"toc": {"permalink": False, "toc_depth": 3}}

# The prose pages in reading order (mkdocs.yml's nav mirrors it): (file in docs/, title).
# `officers-guide.md` is written by the editions work and is not part of the printed handbook.
PROSE_PAGES: list[tuple[str, str]] = [
    ("index.md", "Foreword"),
    ("structure.md", "1. The structure of children's services"),
    ("role.md", "2. The council's role"),
    ("partnerships.md", "3. Key partnerships and meetings"),
    ("priorities.md", "4. Strategic priorities"),
    ("monitoring.md", "5. Monitoring, challenge and support"),
    ("schools-causing-concern.md", "6. Schools causing concern"),
    ("funding.md", "7. Funding and services: statutory and traded"),
    ("communications.md", "8. Communications and critical incidents"),
    ("appendix-a.md", "Appendix A: Data publications schedule"),
    ("appendix-b.md", "Appendix B: Consultative groups and their chairs"),
    ("catalogue.md", "Services catalogue"),
    ("prices.md", "Price list"),
    ("contacts.md", "Contacts directory"),
    ("changes.md", "What has changed in this edition"),
]

UrlFor = Callable[[str], str]


def _identity(path: str) -> str:
    return path


def template_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept in the handbook cache (`handbook.cache`), or None if it is off.

    Why: compiling a template costs more than rendering it (5-50 ms each, paid again by every
    build in a fresh process); Jinja keys each entry on the template's text, so an edit recompiles.
    """
    folder = cache.folder("templates")
    return jinja2.FileSystemBytecodeCache(str(folder), "%s.jinja") if folder else None


def make_environment(templates: Path, *, keep_trailing_newline: bool = False) -> jinja2.Environment:
    """A Jinja environment for the project's templates: autoescaped (every data value lands in
    HTML), strict (a misspelt variable fails the build), with the shared filters."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        bytecode_cache=template_cache(),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=keep_trailing_newline,
    )
    filters.register(env)
    env.filters["markdown"] = to_html
    env.filters["inline_markdown"] = to_inline_html
    return env


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The environment for HTML fragments (`site/templates/*.html.j2`)."""
    return make_environment(TEMPLATES)


def block(template: str, **context: Any) -> str:
    """Renders a fragment template as one raw-HTML block Markdown leaves alone.

    Why the blank lines are squeezed out: Python-Markdown ends some raw blocks at a blank line,
    and the page author's text around the call must stay separate paragraphs.
    """
    html = environment().get_template(template).render(**context)
    html = re.sub(r"\n\s*\n", "\n", html.strip())
    return f"\n\n{html}\n\n"


def macro_functions(handbook: Handbook, data_dir: Path | str, url_for: UrlFor | None = None) -> dict[str, Callable[..., str]]:
    """Every function the prose pages call, by name. Each returns Markdown-safe HTML text.

    Args:
        handbook: the validated data.
        data_dir: the data folder (the changes page compares it with the previous edition's).
        url_for: maps a site-root address such as `services/school-meals/` to the link to print;
            the website passes one relative to the current page.
    """
    from handbook import fragments  # imported late: fragments uses `block` from here

    return fragments.functions(handbook, Path(data_dir), url_for or _identity)


def page_variables(handbook: Handbook) -> dict[str, Any]:
    """Names a page can print with `{{ ... }}`: escaped for Markdown (`escape.markdown_text`).

    Why not HTML escaping: the page is Markdown, where `[t](javascript:...)` or `{: onclick=...}`
    needs no `<`; as numeric references no character of the value is Markdown (or HTML) syntax.
    """
    a = handbook.authority
    text = {
        "authority_name": a.authority.name,
        "authority_short_name": a.authority.short_name,
        "authority_website": str(a.authority.website),
        "handbook_title": a.handbook.title,
        "edition_label": f"{a.edition.id} edition",
        "academic_year": a.edition.covers.academic_year,
        "financial_year": a.edition.covers.financial_year,
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
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.globals.update(page_variables(handbook))
    env.globals.update(macro_functions(handbook, data_dir, url_for))
    return env.from_string(body).render()
