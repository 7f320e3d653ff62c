"""Benchmark drivers for the website: the data-driven build and a plain MkDocs build of the same pages.

Called by `bench.run` (make bench), one build per fresh interpreter. Input: a data folder and
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
from markupsafe import Markup

from handbook.commands.build import build, mkdocs_build
from handbook.core.project import load_config, project_at
from handbook.data.validate import load_handbook
from handbook.presentation.prose import render_page_markdown
from handbook.site.adapter import on_config
from handbook.site.pages import write_school_pages, write_service_pages

PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "macros")


def project_copy(target: Path, root: Path = Path.cwd()) -> Path:
    """mkdocs.yml, docs (without generated pages), overrides and macros copied into `target`."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in PROJECT_PARTS:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("services", "schools", "pdf", "generated"))
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


def build_data_driven(data_dir: Path, work: Path) -> dict:
    """`handbook build --no-pdf` of `data_dir` in a copy of the project under `work`."""
    project = project_copy(work / "project")
    _import_mkdocs()
    imports = _import_engine()
    start = time.perf_counter()
    build(data_dir.resolve(), project / "site", pdf=False, config_file=project / "mkdocs.yml")
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "import_seconds": imports, **site_figures(project / "site")}


class _Dumper(yaml.SafeDumper):
    """Writes the escaped values on_config sets (`Markup`, a str) as the strings they are."""


_Dumper.add_representer(Markup, lambda dumper, value: dumper.represent_str(str(value)))


def _plain_config(project: Path, data_dir: Path) -> Path:
    """The project's own mkdocs.yml without hooks and macros, with what the hooks set made static.

    Why the same file: the ratio measures the data layer, so theme features, extensions and
    validation must be the ones the data-driven build uses.
    """
    path = project / "mkdocs.yml"
    config = load_config(path, environ={})  # every !ENV as its default: the sample's values
    config.pop("hooks", None)
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "macros" in p)]
    config["extra"]["handbook_data"] = str(data_dir)
    config = on_config({**config, "docs_dir": str(project / "docs"), "config_file_path": str(path)})
    config["docs_dir"] = "docs"
    for key in ("config_file_path", "watch"):
        config.pop(key, None)
    path.write_text(yaml.dump(config, Dumper=_Dumper, sort_keys=False), encoding="utf-8")
    return path


def prepare_plain(data_dir: Path, work: Path) -> Path:
    """A plain MkDocs project whose pages are the data-driven site's pages, already written."""
    project = project_copy(work / "project")
    handbook = load_handbook(data_dir)
    docs = project / "docs"
    write_service_pages(handbook, docs)
    write_school_pages(handbook, docs)  # before the nav is read: some of its pages are these
    for page in project_at(project / "mkdocs.yml").nav:
        if not (docs / page.path).exists():
            continue  # a generated page this data has none of (the adapter drops it from the nav)
        text = (docs / page.path).read_text(encoding="utf-8")
        if not text.startswith("---") or "render_macros: true\n" not in text[: text.find("\n---", 3)]:
            continue  # the macros plugin leaves a page alone unless it opts in
        end = text.index("\n---", 3) + 4
        front = text[:end].replace("render_macros: true\n", "") + "\n"
        (docs / page.path).write_text(front + render_page_markdown(text, handbook, data_dir), encoding="utf-8")
    shutil.rmtree(project / "macros")
    _plain_config(project, data_dir)
    return project


def build_plain(data_dir: Path, work: Path) -> dict:
    """A plain `mkdocs build` of the same pages (prepared first, not timed)."""
    project = prepare_plain(data_dir.resolve(), work)
    _import_mkdocs()
    start = time.perf_counter()
    mkdocs_build(project / "mkdocs.yml", project / "site")
    seconds = time.perf_counter() - start
    return {"seconds": seconds, **site_figures(project / "site")}


if __name__ == "__main__":  # quick manual check: python -m bench.site DATA WORK
    import sys

    print(json.dumps({"data": build_data_driven(Path(sys.argv[1]), Path(sys.argv[2]) / "d"), "plain": build_plain(Path(sys.argv[1]), Path(sys.argv[2]) / "p")}))
