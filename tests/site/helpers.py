"""Helpers for website tests: a project copy to build into, and reading the built site."""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from bench.site import project_copy

ROOT = Path(__file__).resolve().parents[2]
TEXT_SUFFIXES = {".html", ".json", ".xml", ".csv", ".txt", ".md", ".ics"}


def make_project(target: Path, data_dir: Path) -> Path:
    """A copy of the project (mkdocs.yml, docs, overrides, macros) with `data_dir` as its data."""
    project_copy(target, ROOT)  # replaces `target`, so `data_dir` must live elsewhere
    shutil.copytree(data_dir, target / "data")
    return target


def build_site(data_dir: Path, target: Path) -> Path:
    """The real site and PDF of `data_dir`, built as `make site` builds them, in a project copy at
    `target` (so no test touches the working tree's site/); returns the built site folder."""
    import os

    from handbook.commands.build import build

    project = make_project(target, data_dir)
    cwd = os.getcwd()
    os.chdir(project)  # the build runs in the project folder, as `make site` does
    try:
        build(Path("data"), Path("site"), pdf=True)
    finally:
        os.chdir(cwd)
    return project / "site"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page(site: Path, url: str) -> BeautifulSoup:
    """The built page at a site address such as `services/x/`."""
    return soup(site / url / "index.html")


def text_files(site: Path) -> list[Path]:
    """Every text file of the site except Material's own bundled assets."""
    material = site / "assets" / "javascripts"
    return [p for p in site.rglob("*") if p.is_file() and p.suffix in TEXT_SUFFIXES and material not in p.parents]
