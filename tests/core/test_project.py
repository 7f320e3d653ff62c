"""project: mkdocs.yml read once, its nav flattened in reading order, a missing project refused loudly."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.core.errors import HandbookUserError
from handbook.core.project import NavPage, load_config, project_at

ROOT = Path(__file__).resolve().parents[2]


def test_the_sample_project_reads_its_nav_in_reading_order_and_its_address() -> None:
    project = project_at(ROOT / "mkdocs.yml")
    assert project.root == ROOT and project.docs_dir == ROOT / "docs"
    paths = [page.path for page in project.nav]
    assert paths[:3] == ["index.md", "structure.md", "role.md"]
    assert paths.index("appendix-b.md") < paths.index("catalogue.md") < paths.index("changes.md")
    assert NavPage("index.md", "Home") in project.nav and NavPage("structure.md", None) in project.nav
    assert project.site_url == "https://handbook.westmarch.example/"


def test_env_values_are_read_as_mkdocs_reads_them(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_url: !ENV [SITE_A, SITE_B, 'https://default.example/']\nx: !!python/name:os.getcwd\n", encoding="utf-8")
    assert load_config(config, environ={})["site_url"] == "https://default.example/"
    assert load_config(config, environ={"SITE_B": "https://b.example/"})["site_url"] == "https://b.example/"
    assert load_config(config, environ={"SITE_A": "https://a.example/", "SITE_B": "x"})["site_url"] == "https://a.example/"
    assert load_config(config, environ={})["x"] is None  # a Python tag is never run


def test_a_missing_or_broken_project_is_refused_with_its_path(tmp_path: Path) -> None:
    with pytest.raises(HandbookUserError, match="there is no mkdocs.yml"):
        project_at(tmp_path / "mkdocs.yml")
    (tmp_path / "mkdocs.yml").write_text("nav: [\n", encoding="utf-8")
    with pytest.raises(HandbookUserError, match="cannot be read"):
        project_at(tmp_path / "mkdocs.yml")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    with pytest.raises(HandbookUserError, match="docs folder"):
        project_at(tmp_path / "mkdocs.yml")


def test_a_site_url_that_is_not_http_is_no_address(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_url: javascript:alert(1)\n", encoding="utf-8")
    assert project_at(tmp_path / "mkdocs.yml").site_url is None
