"""The MkDocs adapter: links relative to the current page, optional nav slots."""

from __future__ import annotations

from types import SimpleNamespace

from handbook.site.adapter import _drop_missing, page_url_for


def test_links_are_relative_to_the_page_being_rendered():
    current = SimpleNamespace(url="catalogue/")
    url_for = page_url_for(lambda: current)
    assert url_for("services/x/") == "../services/x/"
    current.url = ""
    assert url_for("services/x/") == "services/x/"


def test_an_optional_page_not_yet_written_is_left_out_of_the_nav(tmp_path):
    nav = [{"Home": "index.md"}, {"Officers' guide": "officers-guide.md"}, {"Part": ["a.md"]}]
    assert _drop_missing(nav, tmp_path, set()) == [{"Home": "index.md"}, {"Part": ["a.md"]}]
    (tmp_path / "officers-guide.md").write_text("x", encoding="utf-8")
    assert _drop_missing(nav, tmp_path, set()) == nav


def test_the_nav_keeps_the_pages_per_kind_of_school_the_data_has(tmp_path, sample_handbook):
    """Decided from the data, not the folder: on_config runs before the pages are written."""
    from handbook.site.pages import school_page_paths

    nav = [{"Kinds": ["schools/index.md", "schools/maintained.md", "schools/independent.md", "schools/nobody.md"]}]
    kept = _drop_missing(nav, tmp_path, school_page_paths(sample_handbook))[0]["Kinds"]
    assert kept[:2] == ["schools/index.md", "schools/maintained.md"] and "schools/nobody.md" not in kept
    assert ("schools/independent.md" in kept) == ("schools/independent.md" in school_page_paths(sample_handbook))


def test_every_page_per_kind_of_school_is_in_the_projects_nav(root, sample_handbook):
    from handbook.core.project import load_config
    from handbook.data.model.types import Setting
    from handbook.site.pages import SCHOOLS, school_page_paths

    listed = {p for p in _nav_files(load_config(root / "mkdocs.yml", environ={})["nav"]) if p.startswith(f"{SCHOOLS}/")}
    assert school_page_paths(sample_handbook) <= listed
    assert listed == {f"{SCHOOLS}/index.md"} | {f"{SCHOOLS}/{k.value}.md" for k in Setting}


def _nav_files(items) -> list[str]:
    found = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        found += _nav_files(value) if isinstance(value, list) else [value]
    return found


def test_the_edition_switcher_is_only_in_a_site_mike_publishes(monkeypatch, root, sample_data):
    from handbook.site.adapter import VERSIONED, on_config

    def config():
        return {"docs_dir": str(root / "docs"), "config_file_path": str(root / "mkdocs.yml"), "nav": None,
                "theme": {}, "extra": {"handbook_data": str(sample_data), "version": {"provider": "mike"}}}

    monkeypatch.delenv(VERSIONED, raising=False)
    assert "version" not in on_config(config())["extra"]
    monkeypatch.setenv(VERSIONED, "1")
    assert on_config(config())["extra"]["version"] == {"provider": "mike"}


def test_mkdocs_serve_shows_an_edit_to_the_data_without_a_restart(tmp_path, root):
    """An officer previewing with `make serve` sees a saved change to data/*.yaml."""
    import os
    import shutil
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    for name in ("mkdocs.yml", "docs", "data", "overrides", "macros"):
        source = root / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("services", "pdf"))
        else:
            shutil.copy2(source, tmp_path / name)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/services/school-finance-support/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
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
    finally:
        server.terminate()
        server.wait(timeout=20)


def _config(root, data):
    return {"docs_dir": str(root / "docs"), "config_file_path": str(root / "mkdocs.yml"), "nav": None,
            "theme": {}, "extra": {"handbook_data": str(data)}}


def test_theme_values_from_the_data_are_escaped_once_for_the_theme(data_copy, root):
    authority = data_copy / "authority.yaml"
    text = authority.read_text(encoding="utf-8").replace("  title: Working Together for Westmarch Learners", "  title: 'Tom & Jerry''s <b>\"Handbook\"</b>'")
    authority.write_text(text, encoding="utf-8")
    from handbook.site.adapter import on_config

    config = on_config(_config(root, data_copy))
    assert config["site_name"] == "Tom &amp; Jerry&#39;s &lt;b&gt;&#34;Handbook&#34;&lt;/b&gt;"
    assert "<" not in config["copyright"] and "<" not in config["extra"]["brand"]["authority"]


def test_a_logo_outside_docs_is_never_used(tmp_path, root, sample_data):
    """Validation refuses a path that climbs out; a link inside docs/ to a file outside is refused here."""
    from handbook.site.adapter import on_config

    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    (docs / "assets" / "logo.svg").symlink_to(root / "pdf-samples" / "pdf-cover.png")
    config = _config(root, sample_data) | {"docs_dir": str(docs)}
    assert on_config(config)["theme"]["logo"] is None
    (docs / "assets" / "logo.svg").unlink()
    (docs / "assets" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    assert on_config(_config(root, sample_data) | {"docs_dir": str(docs)})["theme"]["logo"] == "assets/logo.svg"


def test_only_the_pdf_the_build_hands_over_is_linked(monkeypatch, tmp_path, root, sample_data, sample_handbook):
    from handbook.site.adapter import PDF_VARIABLE, built_pdf, on_config
    from handbook.views.edition import pdf_filename

    monkeypatch.delenv(PDF_VARIABLE, raising=False)
    assert built_pdf(sample_handbook) is None and on_config(_config(root, sample_data))["extra"]["pdf"] is None
    other = tmp_path / "other-edition.pdf"
    other.write_bytes(b"%PDF-1.7")
    monkeypatch.setenv(PDF_VARIABLE, str(other))
    assert built_pdf(sample_handbook) is None  # not this edition's name
    made = tmp_path / pdf_filename(sample_handbook)
    made.write_bytes(b"%PDF-1.7")
    monkeypatch.setenv(PDF_VARIABLE, str(made))
    assert on_config(_config(root, sample_data))["extra"]["pdf"]["path"] == f"pdf/{made.name}"


def test_a_service_page_whose_front_matter_was_not_read_stops_the_build():
    import pytest
    from mkdocs.exceptions import PluginError

    from handbook.site.adapter import on_page_markdown

    def page(uri, meta):
        return SimpleNamespace(file=SimpleNamespace(src_uri=uri), meta=meta)

    assert on_page_markdown("x", page("services/a.md", {"title": "A", "template": "service.html"}), {}, None) == "x"
    assert on_page_markdown("x", page("role.md", {}), {}, None) == "x"
    with pytest.raises(PluginError, match="docs/services/a.md"):
        on_page_markdown("---\ntitle: A\n", page("services/a.md", {}), {}, None)
