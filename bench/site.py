"""Benchmark drivers for the website: the data-driven build and a plain build of the same pages.

Called by `bench.run` (make bench), one build per fresh interpreter. Input: a data folder, an
empty work folder and a generator (`handbook.site.generators.NAMES`, ProperDocs by default).
Output: the built site and a dict of figures. `seconds` is the build alone: for the data-driven
site everything from YAML (validation, `handbook.site.prepare`, the generator, the guard); for
the plain site only the generator over pages and a config prepared beforehand (the same
Markdown, theme and config, the prose pages' macros already rendered, no macros plugin).
Never touches the project's own docs/ or site/.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from handbook.commands.build import build
from handbook.core.project import project_at
from handbook.data.validate import load_handbook
from handbook.presentation.prose import render_page_markdown
from handbook.site import generators, prepare, search

PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "macros")
GENERATED = ("services", "schools", "pdf", "generated", "downloads")


def project_copy(target: Path, root: Path = Path.cwd()) -> Path:
    """mkdocs.yml, docs (without generated files), overrides and macros copied into `target`."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in PROJECT_PARTS:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns(*GENERATED))
        else:
            shutil.copy2(source, target / name)
    return target


def site_figures(site: Path) -> dict:
    """Pages, search index size (Pagefind's whole folder, else the theme's index) and the largest
    page, in KB. A visitor fetches only a few of Pagefind's files for a query (`bench.search`)."""
    pages = list(site.rglob("index.html"))
    pagefind = site / "pagefind"
    index = site / "search" / "search_index.json"
    if pagefind.is_dir():
        index_bytes = sum(f.stat().st_size for f in pagefind.rglob("*") if f.is_file())
    else:
        index_bytes = index.stat().st_size if index.exists() else 0
    return {
        "pages": len(pages),
        "search_index_kb": index_bytes / 1024,
        "largest_page_kb": max((p.stat().st_size for p in pages), default=0) / 1024,
    }


def _import_generator(name: str) -> None:
    """Imports the generator and its theme before timing, for both builds alike (a fixed cost of
    the process, not the build's). ProperDocs first claims `mkdocs.*` for itself, as it does
    when it builds (`handbook.site.generators.properdocs`)."""
    generators.adapter(name)
    if name == "properdocs":
        import properdocs.replacement  # noqa: F401
        import material.plugins.search.plugin  # noqa: F401
        import properdocs.commands.build  # noqa: F401
        import properdocs.config  # noqa: F401


def _import_engine() -> float:
    """Imports mkdocs-macros and the engine (pydantic models, templates); returns the seconds.

    Why outside the timed build: like the generator's own imports these are paid once per
    process (once per `make serve` session, not per rebuild), so they are their own figure.
    """
    start = time.perf_counter()
    import markdown.extensions.sane_lists  # noqa: F401  (the data text's Markdown, handbook.presentation.markdown)
    import markdown.extensions.smarty  # noqa: F401
    import mkdocs_macros.plugin  # noqa: F401

    import handbook.presentation.chart  # noqa: F401
    import handbook.data.checks
    import handbook.presentation.macros  # noqa: F401
    import handbook.data.report  # noqa: F401
    import handbook.site.adapter  # noqa: F401
    import handbook.data.validate  # noqa: F401

    handbook.data.checks.all_checks()  # imports the rule modules, which import the package first
    return time.perf_counter() - start


def build_data_driven(data_dir: Path, work: Path, generator: str = generators.DEFAULT) -> dict:
    """`handbook build --no-pdf --generator G` of `data_dir` in a copy of the project under `work`."""
    project = project_copy(work / "project")
    _import_generator(generator)
    imports = _import_engine()
    start = time.perf_counter()
    build(data_dir.resolve(), project / "site", pdf=False, config_file=project / "mkdocs.yml", generator=generator)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "import_seconds": imports, **site_figures(project / "site")}


def prepare_plain(data_dir: Path, work: Path) -> Path:
    """A plain project: the data-driven site's pages already written, its prose pages' macros
    already rendered, and the prepared config (`handbook.site.prepare`) without the macros plugin.

    Why the prepared config: the ratio measures the data layer, so theme features, extensions
    and validation must be the ones the data-driven build uses.
    """
    project = project_copy(work / "project")
    handbook = load_handbook(data_dir)
    config_file = prepare.prepare(handbook, data_dir, project / "mkdocs.yml", project)  # pages first, then the nav
    docs = project / "docs"
    for page in project_at(config_file).nav:
        text = (docs / page.path).read_text(encoding="utf-8")
        if not text.startswith("---") or "render_macros: true\n" not in text[: text.find("\n---", 3)]:
            continue  # the macros plugin leaves a page alone unless it opts in
        end = text.index("\n---", 3) + 4
        front = text[:end].replace("render_macros: true\n", "") + "\n"
        (docs / page.path).write_text(front + render_page_markdown(text, handbook, data_dir), encoding="utf-8")
    shutil.rmtree(project / "macros")
    config = prepare.read_config(config_file, environ={})
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "macros" in p)]
    prepare.write_config(config, config_file)
    return project


def build_plain(data_dir: Path, work: Path, generator: str = generators.DEFAULT) -> dict:
    """The generator alone over the same pages (prepared first, not timed), then the same search
    index: a plain site has search too, so Pagefind's indexing is not the data layer's cost."""
    project = prepare_plain(data_dir.resolve(), work)
    _import_generator(generator)
    start = time.perf_counter()
    generators.run(generator, project / "mkdocs.yml", project / "site")
    search.index(project / "site")
    seconds = time.perf_counter() - start
    return {"seconds": seconds, **site_figures(project / "site")}


if __name__ == "__main__":  # quick manual check: python -m bench.site DATA WORK
    import sys

    print(json.dumps({"data": build_data_driven(Path(sys.argv[1]), Path(sys.argv[2]) / "d"), "plain": build_plain(Path(sys.argv[1]), Path(sys.argv[2]) / "p")}))
