"""Service pages: one Markdown file per public service in `docs/services/`, from `service.md.j2`.

Input: a validated `Handbook`. Output: files `docs/services/<id>.md`, written only when their text
changed (so `mkdocs serve --dirtyreload` rebuilds only those), and stale ones removed. Never
writes anywhere else and never evaluates data text as a template (StrictUndefined, autoescape:
data text arrives as escaped HTML or through `handbook.presentation.markdown`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from handbook.data.model import Handbook
from handbook.presentation import calculator, escape, wording
from handbook.presentation.templating import make_environment
from handbook.views import catalogue, prices

TEMPLATES = Path(__file__).parent / "templates"
FOLDER = "services"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    # Autoescaped although the page is Markdown: every data value lands inside HTML.
    env = make_environment(TEMPLATES, keep_trailing_newline=True)
    # Front matter: HTML-escaped (Material prints titles raw), as a YAML string any text survives.
    env.filters["front_matter"] = lambda text: Markup(escape.front_matter(text))
    return env


def service_markdown(handbook: Handbook, service) -> str:
    """The Markdown of one service's page."""
    return environment().get_template("service.md.j2").render(
        service=service,
        category=catalogue.category_of(handbook, service),
        provision_label=wording.PROVISION_LABELS[service.provision],
        provision_meaning=wording.PROVISION_MEANINGS[service.provision],
        offer_kinds=wording.OFFER_KIND_LABELS,
        lines=prices.price_lines(service),
        columns=[(setting, wording.PAYER_COLUMN_LABELS[setting]) for setting in prices.price_columns(service)],
        school_view=calculator.school_view([service], "service") if service.offers else "",
        contacts=catalogue.service_contacts(handbook, service),
        related=catalogue.related_services(handbook, service),
        root="../../",
    )


def write_service_pages(handbook: Handbook, docs_dir: Path) -> list[Path]:
    """Writes every public service's page into `docs_dir/services/`; returns the files it changed.

    Why only changed files: MkDocs' file watcher and dirty builds key on modification times.
    """
    folder = docs_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    changed: list[Path] = []
    wanted: set[str] = set()
    for service in catalogue.public_services(handbook):
        path = folder / f"{service.id}.md"
        wanted.add(path.name)
        text = service_markdown(handbook, service)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    for stale in folder.glob("*.md"):
        if stale.name not in wanted:
            stale.unlink()
            changed.append(stale)
    return changed
