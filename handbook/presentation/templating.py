"""templating: the one place Jinja environments are made, for templates and for page text.

Input: a template's name and its context, or a prose page's text and the names it may use.
Output: text. Template files are autoescaped for HTML, compiled once, and the compiled form is
kept in the handbook cache. A page's own text (`docs/*.md`) is rendered by `render_page_text`,
the second environment, which is not autoescaped (see `page_environment`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from handbook.core import cache
from handbook.presentation import wording as filters
from handbook.presentation.markdown import to_html, to_inline_html

TEMPLATES = Path(__file__).parent / "templates"


def template_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept in the handbook cache (`handbook.core.cache`), or None if it is off.

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
    """The environment for HTML fragments (`presentation/templates/*.html.j2`)."""
    return make_environment(TEMPLATES)


def block(template: str, **context: Any) -> str:
    """Renders a fragment template as one raw-HTML block Markdown leaves alone.

    Why the blank lines are squeezed out: Python-Markdown ends some raw blocks at a blank line,
    and the page author's text around the call must stay separate paragraphs.
    """
    html = environment().get_template(template).render(**context)
    html = re.sub(r"\n\s*\n", "\n", html.strip())
    return f"\n\n{html}\n\n"


@lru_cache(maxsize=1)
def page_environment() -> jinja2.Environment:
    """The environment for an author's page text (`docs/*.md`), whose only template syntax is
    `{{ macro() }}` calls and `{{ variable }}`s.

    Why it differs from `make_environment`: the page is Markdown, the macros return finished
    HTML blocks and the variables arrive already escaped for Markdown, so escaping them again
    for HTML would print entities. Strict like the others: an unknown name fails the build.
    Why no globals: the names differ per handbook and page, so each render passes its own.
    """
    return jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True)


def render_page_text(text: str, names: dict[str, Any]) -> str:
    """An author's page text with its `{{ ... }}` evaluated against `names` (macros, variables)."""
    return page_environment().from_string(text).render(names)
