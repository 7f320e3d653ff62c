"""The hooks adapter (MkDocs or ProperDocs on the project's own mkdocs.yml): links relative to the
current page, the edition switcher, the checks after a hand build, and `make serve`'s live reload."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from types import SimpleNamespace

import pytest

from handbook.core.errors import HandbookUserError
from handbook.site.adapter import VERSIONED, on_config, on_post_build, page_url_for


def test_links_are_relative_to_the_page_being_rendered():
    current = SimpleNamespace(url="catalogue/")
    url_for = page_url_for(lambda: current)
    assert url_for("services/x/") == "../services/x/"
    current.url = ""
    assert url_for("services/x/") == "services/x/"


def test_the_edition_switcher_is_only_in_a_site_mike_publishes(monkeypatch, root, sample_data):
    def config():
        return {"docs_dir": str(root / "docs"), "config_file_path": str(root / "mkdocs.yml"), "nav": None,
                "theme": {}, "extra": {"handbook_data": str(sample_data), "version": {"provider": "mike"}}}

    monkeypatch.delenv(VERSIONED, raising=False)
    assert "version" not in on_config(config())["extra"]
    monkeypatch.setenv(VERSIONED, "1")
    assert on_config(config())["extra"]["version"] == {"provider": "mike"}


def test_the_data_folder_is_relative_to_mkdocs_yml_unless_absolute(root, sample_data):
    from handbook.site.adapter import data_dir

    assert data_dir({"extra": {"handbook_data": "data"}, "config_file_path": str(root / "mkdocs.yml")}) == root / "data"
    assert data_dir({"extra": {"handbook_data": str(sample_data)}}) == sample_data  # no config_file_path needed


def test_a_hand_build_whose_service_page_lost_its_front_matter_fails_after_the_build(tmp_path, root):
    """on_post_build names the page (the guard passes: the page is only wrong, not unsafe)."""
    docs, site = tmp_path / "docs", tmp_path / "site"
    (docs / "services").mkdir(parents=True)
    (docs / "services" / "a.md").write_text("---\ntitle: A\n", encoding="utf-8")
    (site / "services" / "a").mkdir(parents=True)
    (site / "services" / "a" / "index.html").write_text("<p>title: A</p>", encoding="utf-8")
    config = {"theme": SimpleNamespace(dirs=[str(root / "overrides")]), "extra_javascript": [], "site_url": "",
              "site_dir": str(site), "docs_dir": str(docs)}
    with pytest.raises(HandbookUserError, match="docs/services/a.md: .*front matter"):
        on_post_build(config)
    (site / "services" / "a" / "index.html").write_text('<nav class="hb-back"></nav><h1>A</h1>', encoding="utf-8")
    on_post_build(config)


@pytest.mark.parametrize("generator", ["properdocs", "mkdocs"])
def test_mkdocs_serve_shows_an_edit_to_the_data_without_a_restart(tmp_path, root, generator):
    """An officer previewing with `make serve` (ProperDocs; MkDocs by hand) sees a saved change to data/*.yaml."""
    for name in ("mkdocs.yml", "docs", "data", "overrides", "macros"):
        source = root / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("services", "schools", "pdf", "downloads"))
        else:
            shutil.copy2(source, tmp_path / name)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/services/school-finance-support/"
    server = subprocess.Popen(
        [sys.executable, "-m", generator, "serve", "-f", "mkdocs.yml", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true"),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )

    def page(deadline: float, expect: str) -> str:
        text = ""
        while time.monotonic() < deadline:
            try:
                text = urllib.request.urlopen(url, timeout=5).read().decode()
                if expect in text:
                    return text
            except OSError:
                pass
            time.sleep(0.5)
        return text

    try:
        assert "<h1" in page(time.monotonic() + 90, "School Finance Support")
        services = tmp_path / "data" / "services.yaml"
        services.write_text(services.read_text().replace("    name: School Finance Support\n", "    name: School Finance and Budget Support\n"))
        assert "School Finance and Budget Support" in page(time.monotonic() + 60, "School Finance and Budget Support")
        assert "School Finance and Budget Support" in (tmp_path / "docs" / "downloads" / "services.json").read_text(encoding="utf-8")
    finally:
        server.terminate()
        server.wait(timeout=20)
