"""Benchmark drivers for the website: the data-driven build and a plain MkDocs build of the same pages.

Called by `handbook.bench` (make bench), one build per fresh interpreter. Input: a data folder and
an empty work folder. Output: the built site and a dict of figures. `seconds` is the build alone:
for the data-driven site everything from YAML (validation, pages, downloads, MkDocs); for the
plain site only MkDocs over pages written beforehand (same Markdown, same theme, no macros or
hooks). Never touches the project's own docs/ or site/.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import yaml

from handbook.build import build, mkdocs_build
from handbook.render import PROSE_PAGES, page_variables, render_page_markdown
from handbook.site.pages import write_service_pages
from handbook.validate import load_handbook

PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "macros")


def project_copy(target: Path, root: Path = Path.cwd()) -> Path:
    """mkdocs.yml, docs (without generated pages), overrides and macros copied into `target`."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in PROJECT_PARTS:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("services", "pdf", "generated"))
        else:
            shutil.copy2(source, target / name)
    return target


def site_figures(site: Path) -> dict:
    """Pages, search index size and the largest page, in KB."""
    pages = list(site.rglob("index.html"))
    index = site / "search" / "search_index.json"
    return {
        "pages": len(pages),
        "search_index_kb": index.stat().st_size / 1024 if index.exists() else 0.0,
        "largest_page_kb": max((p.stat().st_size for p in pages), default=0) / 1024,
    }


def _import_mkdocs() -> None:
    """Imports MkDocs and Material before timing, for both builds alike (a fixed cost, not the build's)."""
    import material.plugins.search.plugin  # noqa: F401
    import mkdocs.commands.build  # noqa: F401
    import mkdocs.config  # noqa: F401


def _import_engine() -> float:
    """Imports mkdocs-macros and the engine (pydantic models, templates); returns the seconds.

    Why outside the timed build: like MkDocs' own imports these are paid once per process (once
    per `mkdocs serve` session, not per rebuild), so they are reported as their own figure.
    """
    start = time.perf_counter()
    import mkdocs_macros.plugin  # noqa: F401

    import handbook.fragments  # noqa: F401
    import handbook.site.adapter  # noqa: F401
    import handbook.validate  # noqa: F401

    return time.perf_counter() - start


def build_data_driven(data_dir: Path, work: Path) -> dict:
    """`handbook build --no-pdf` of `data_dir` in a copy of the project under `work`."""
    project = project_copy(work / "project")
    _import_mkdocs()
    imports = _import_engine()
    start = time.perf_counter()
    build(data_dir.resolve(), project / "site", pdf=False, config_file=project / "mkdocs.yml")
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "import_seconds": imports, **site_figures(project / "site")}


def _plain_config(project: Path, handbook) -> Path:
    nav = [{title: name} for name, title in PROSE_PAGES]
    a = handbook.authority
    config = {
        "site_name": a.handbook.title,
        "site_url": "https://handbook.example/",
        "use_directory_urls": True,
        "theme": {"name": "material", "custom_dir": "overrides", "font": False, "palette": {"primary": "custom", "accent": "custom"}, "features": ["navigation.prune"]},
        "extra_css": ["assets/stylesheets/handbook.css"],
        "extra_javascript": ["assets/javascripts/sortable.js"],
        "extra": {"brand": {"primary": a.branding.primary_colour, "accent": a.branding.accent_colour}, "pdf": None, "edition": str(page_variables(handbook)["edition_label"])},
        "plugins": ["search"],
        "markdown_extensions": ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", {"toc": {"permalink": False, "toc_depth": 3}}],
        "not_in_nav": "/services/\n",
        "nav": nav,
    }
    path = project / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def prepare_plain(data_dir: Path, work: Path) -> Path:
    """A plain MkDocs project whose pages are the data-driven site's pages, already written."""
    project = project_copy(work / "project")
    handbook = load_handbook(data_dir)
    docs = project / "docs"
    for name, _ in PROSE_PAGES:
        text = (docs / name).read_text(encoding="utf-8")
        front, body = "", text
        if text.startswith("---"):
            end = text.index("\n---", 3) + 4
            front = text[:end].replace("render_macros: true\n", "") + "\n"
        (docs / name).write_text(front + render_page_markdown(text, handbook, data_dir), encoding="utf-8")
    write_service_pages(handbook, docs)
    shutil.rmtree(project / "macros")
    _plain_config(project, handbook)
    return project


def build_plain(data_dir: Path, work: Path) -> dict:
    """A plain `mkdocs build` of the same pages (prepared first, not timed)."""
    project = prepare_plain(data_dir.resolve(), work)
    _import_mkdocs()
    start = time.perf_counter()
    mkdocs_build(project / "mkdocs.yml", project / "site")
    seconds = time.perf_counter() - start
    return {"seconds": seconds, **site_figures(project / "site")}


if __name__ == "__main__":  # quick manual check: python -m handbook.site.bench DATA WORK
    import sys

    print(json.dumps({"data": build_data_driven(Path(sys.argv[1]), Path(sys.argv[2]) / "d"), "plain": build_plain(Path(sys.argv[1]), Path(sys.argv[2]) / "p")}))
