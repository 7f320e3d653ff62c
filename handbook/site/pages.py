"""Generated pages: one per public service in `docs/services/` (`service.md.j2`), and one per
kind of school in `docs/schools/` (`school_kind.md.j2`, with `school_kinds.md.j2` as its index).

Input: a validated `Handbook`. Output: files `docs/services/<id>.md` and `docs/schools/<kind>.md`,
written only when their text changed (so `mkdocs serve --dirtyreload` rebuilds only those), and
stale ones removed. Never writes anywhere else and never evaluates data text as a template (StrictUndefined, autoescape:
data text arrives as escaped HTML or through `handbook.presentation.markdown`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from handbook.data.model import Handbook
from handbook.data.model.services import Provision
from handbook.presentation import abbreviations, calculator, escape, wording
from handbook.presentation.templating import make_environment
from handbook.site import reuse
from handbook.views import catalogue, prices, schools

TEMPLATES = Path(__file__).parent / "templates"
FOLDER = "services"
SCHOOLS = "schools"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    # Autoescaped although the page is Markdown: every data value lands inside HTML.
    env = make_environment(TEMPLATES, keep_trailing_newline=True)
    # Front matter: HTML-escaped (Material prints titles raw), as a YAML string any text survives.
    env.filters["front_matter"] = lambda text: Markup(escape.front_matter(text))
    return env


def service_markdown(handbook: Handbook, service) -> str:
    """The Markdown of one service's page."""
    mixed = service.provision is Provision.MIXED
    return environment().get_template("service.md.j2").render(
        service=service,
        category=catalogue.category_of(handbook, service),
        provision_label=wording.PROVISION_LABELS[service.provision],
        provision_meaning=wording.PROVISION_MEANINGS[service.provision],
        offer_kinds=wording.OFFER_KIND_LABELS,
        lines=prices.price_lines(service),
        columns=[(setting, wording.PAYER_COLUMN_LABELS[setting]) for setting in prices.price_columns(service)],
        school_view=calculator.school_view([service], "service") if service.offers else "",
        mixed_note=wording.mixed_explanation(service.statutory_basis) if mixed else "",
        on_application=wording.service_on_application(service, catalogue.service_contacts(handbook, service)),
        contacts=catalogue.service_contacts(handbook, service),
        related=catalogue.related_services(handbook, service),
        root="../../",
    )


def school_pages(handbook: Handbook) -> dict[str, str]:
    """The pages per kind of school: file name in `docs/schools/` -> Markdown (index first)."""
    kinds = schools.school_kinds(handbook)
    template = environment().get_template("school_kind.md.j2")
    pages = {
        "index.md": environment().get_template("school_kinds.md.j2").render(
            title=wording.SCHOOL_KINDS_TITLE, kinds=[(k, wording.SCHOOL_KIND_TITLES[k.kind]) for k in kinds], root="../",
        ),
    }
    for page in kinds:
        pages[f"{page.slug}.md"] = template.render(
            page=page,
            title=wording.SCHOOL_KIND_TITLES[page.kind],
            rule=wording.school_kind_rule(page.kind),
            kind_label=wording.SETTING_LABELS[page.kind],
            labels=wording.PROVISION_LABELS,
            mixed=Provision.MIXED,
            words=wording.SCHOOL_KIND_SECTIONS,
            root="../../",
        )
    return pages


def abbreviated(handbook: Handbook, page: str) -> str:
    """A generated page with the glossary's acronyms in its body marked (`presentation.abbreviations`);
    the front matter is left as it is (a title is printed where markup cannot be)."""
    terms = abbreviations.glossary_config(handbook)
    head, sep, body = page.partition("\n---\n") if page.startswith("---\n") else ("", "", page)
    return head + sep + abbreviations.mark(body, terms)


def school_page_paths(handbook: Handbook) -> set[str]:
    """`schools/academy.md`…: the kind-of-school pages this handbook has (the nav keeps only these)."""
    return {f"{SCHOOLS}/index.md"} | {f"{SCHOOLS}/{kind.value}.md" for kind in schools.kinds_with_pages(handbook)}


def _write_folder(folder: Path, pages: dict[str, str]) -> list[Path]:
    """Writes `pages` (file name -> text) into `folder`, removes its other `*.md`; returns what changed.

    Why only changed files: MkDocs' file watcher and dirty builds key on modification times.
    """
    folder.mkdir(parents=True, exist_ok=True)
    changed: list[Path] = []
    for name, text in pages.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    for stale in folder.glob("*.md"):
        if stale.name not in pages:
            stale.unlink()
            changed.append(stale)
    return changed


def _related(handbook: Handbook, service) -> str:
    """What a service's page reads of other services (their names and addresses), as one digest."""
    return "".join(reuse.record_digest(handbook, other) for other in catalogue.related_services(handbook, service))


def _service_page(handbook: Handbook, service, templates: str) -> str:
    """The page with its acronyms marked; in `make serve`, kept while what it is made from (the
    service, the other data files, the services it names, the templates) is the same (`reuse`)."""
    return reuse.made(FOLDER, handbook, service, lambda: abbreviated(handbook, service_markdown(handbook, service)),
                      templates, _related(handbook, service) if reuse.keeping() else "")


def write_service_pages(handbook: Handbook, docs_dir: Path) -> list[Path]:
    """Writes every public service's page into `docs_dir/services/`; returns the files it changed."""
    templates = repr([(p.name, p.stat().st_mtime_ns) for p in sorted(TEMPLATES.glob("*.j2"))])
    pages = {f"{s.id}.md": _service_page(handbook, s, templates) for s in catalogue.public_services(handbook)}
    reuse.forget(FOLDER, {name[:-3] for name in pages})
    return _write_folder(docs_dir / FOLDER, pages)


def write_school_pages(handbook: Handbook, docs_dir: Path) -> list[Path]:
    """Writes the pages per kind of school into `docs_dir/schools/`; returns the files it changed."""
    return _write_folder(docs_dir / SCHOOLS, {name: abbreviated(handbook, text) for name, text in school_pages(handbook).items()})
