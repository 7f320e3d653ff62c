"""The step before any generator: generated files in docs/, and one config that needs no hooks."""

from __future__ import annotations

import json
import os

import pytest
import yaml

from handbook.core.project import load_config
from handbook.site.prepare import configure, drop_missing, prepare, read_config, unread_pages, write_generated
from handbook.views.edition import pdf_filename
from tests.site.helpers import make_project


@pytest.fixture()
def project(tmp_path, sample_data):
    return make_project(tmp_path / "project", sample_data)


def _as_generators_read(path):
    """The prepared config as ProperDocs, MkDocs and Zensical read it (PyYAML's full loader)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.Loader)


def _config(root, docs=None):
    return {"docs_dir": str(docs or root / "docs"), "nav": None, "theme": {}, "extra": {}}


def test_an_optional_page_not_yet_written_is_left_out_of_the_nav(tmp_path):
    nav = [{"Home": "index.md"}, {"Officers' guide": "officers-guide.md"}, {"Part": ["a.md"]}]
    assert drop_missing(nav, tmp_path, set()) == [{"Home": "index.md"}, {"Part": ["a.md"]}]
    (tmp_path / "officers-guide.md").write_text("x", encoding="utf-8")
    assert drop_missing(nav, tmp_path, set()) == nav


def test_the_nav_keeps_the_pages_per_kind_of_school_the_data_has(tmp_path, sample_handbook):
    """Decided from the data, not the folder: MkDocs' on_config runs before the pages are written."""
    from handbook.site.pages import school_page_paths

    nav = [{"Kinds": ["schools/index.md", "schools/maintained.md", "schools/independent.md", "schools/nobody.md"]}]
    kept = drop_missing(nav, tmp_path, school_page_paths(sample_handbook))[0]["Kinds"]
    assert kept[:2] == ["schools/index.md", "schools/maintained.md"] and "schools/nobody.md" not in kept
    assert ("schools/independent.md" in kept) == ("schools/independent.md" in school_page_paths(sample_handbook))


def test_every_page_per_kind_of_school_is_in_the_projects_nav(root, sample_handbook):
    from handbook.core.project import project_at
    from handbook.data.model.types import Setting
    from handbook.site.pages import SCHOOLS, school_page_paths

    listed = {p.path for p in project_at(root / "mkdocs.yml").nav if p.path.startswith(f"{SCHOOLS}/")}
    assert school_page_paths(sample_handbook) <= listed
    assert listed == {f"{SCHOOLS}/index.md"} | {f"{SCHOOLS}/{k.value}.md" for k in Setting}


def test_theme_values_from_the_data_are_escaped_once_for_the_theme(data_copy, root):
    from handbook.data.validate import load_handbook

    authority = data_copy / "authority.yaml"
    text = authority.read_text(encoding="utf-8").replace("  title: Working Together for Westmarch Learners", "  title: 'Tom & Jerry''s <b>\"Handbook\"</b>'")
    authority.write_text(text, encoding="utf-8")
    config = configure(_config(root), load_handbook(data_copy), root / "docs", None, versioned=False)
    assert config["site_name"] == "Tom &amp; Jerry&#39;s &lt;b&gt;&#34;Handbook&#34;&lt;/b&gt;"
    assert "<" not in config["copyright"] and "<" not in config["extra"]["brand"]["authority"]


def test_a_logo_outside_docs_is_never_used(tmp_path, root, sample_handbook):
    """Validation refuses a path that climbs out; a link inside docs/ to a file outside is refused here."""
    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    (docs / "assets" / "logo.svg").symlink_to(root / "pdf-samples" / "pdf-cover.png")
    assert configure(_config(root, docs), sample_handbook, docs, None, False)["theme"]["logo"] is None
    (docs / "assets" / "logo.svg").unlink()
    (docs / "assets" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    assert configure(_config(root, docs), sample_handbook, docs, None, False)["theme"]["logo"] == "assets/logo.svg"


def test_the_edition_switcher_stays_only_in_a_versioned_site(root, sample_handbook):
    def config():
        return _config(root) | {"extra": {"version": {"provider": "mike"}}}

    assert "version" not in configure(config(), sample_handbook, root / "docs", None, versioned=False)["extra"]
    assert configure(config(), sample_handbook, root / "docs", None, versioned=True)["extra"]["version"] == {"provider": "mike"}


def test_the_prepared_config_is_complete_without_hooks(project, sample_data, sample_handbook, tmp_path):
    path = prepare(sample_handbook, sample_data, project / "mkdocs.yml", tmp_path / "out", site_url="https://example.org/2026-27/")
    assert path == tmp_path / "out" / "mkdocs.yml"
    config, real = _as_generators_read(path), load_config(project / "mkdocs.yml", environ={})
    assert "hooks" not in config and "watch" not in config
    assert config["docs_dir"] == str((project / "docs").resolve()) and config["theme"]["custom_dir"] == str((project / "overrides").resolve())
    assert config["extra"]["handbook_data"] == str(sample_data.resolve())
    macros = next(p["macros"] for p in config["plugins"] if isinstance(p, dict) and "macros" in p)
    assert macros["module_name"] == str((project / "macros").resolve())
    assert config["site_name"] == sample_handbook.authority.handbook.title and config["extra"]["brand"]["primary"]
    assert config["extra"]["pdf"] is None and "version" not in config["extra"]
    assert config["site_url"] == "https://example.org/2026-27/"
    for key in ("validation", "not_in_nav", "strict", "extra_css", "extra_javascript"):
        assert config[key] == real[key], key
    assert config["theme"]["features"] == real["theme"]["features"]
    # The same extensions, the abbreviations one given the data's glossary (issue 13).
    abbreviations = {"handbook.presentation.abbreviations": {"glossary": {t.term: t.meaning for t in sample_handbook.glossary.terms}}}
    assert config["markdown_extensions"] == [abbreviations if e == "handbook.presentation.abbreviations" else e for e in real["markdown_extensions"]]


def test_the_prepared_config_keeps_tags_it_does_not_read(project, sample_data, sample_handbook, tmp_path, monkeypatch):
    """A `!!python/name:` (pymdownx's emoji settings) reaches the generator as written; `!ENV` is read."""
    config_file = project / "mkdocs.yml"
    config_file.write_text(config_file.read_text(encoding="utf-8") + "\nextra_templates: [!!python/name:os.getcwd ]\n", encoding="utf-8")
    monkeypatch.setenv("HANDBOOK_SITE_URL", "https://example.org/x/")
    path = prepare(sample_handbook, sample_data, config_file, tmp_path / "out")
    assert "!!python/name:os.getcwd" in path.read_text(encoding="utf-8")
    assert read_config(path)["site_url"] == "https://example.org/x/"


def test_only_the_pdf_this_build_made_is_copied_and_linked(project, sample_data, sample_handbook, tmp_path):
    docs = project / "docs"
    stale = docs / "pdf" / "older-edition.pdf"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"%PDF-1.7 old")
    other = tmp_path / "other.pdf"
    other.write_bytes(b"%PDF-1.7")
    config = load_config(prepare(sample_handbook, sample_data, project / "mkdocs.yml", tmp_path / "a", pdf_file=other), environ={})
    assert config["extra"]["pdf"] is None and list((docs / "pdf").iterdir()) == []
    made = tmp_path / pdf_filename(sample_handbook)
    made.write_bytes(b"%PDF-1.7 " + b"x" * 200_000)
    config = load_config(prepare(sample_handbook, sample_data, project / "mkdocs.yml", tmp_path / "b", pdf_file=made), environ={})
    assert config["extra"]["pdf"] == {"path": f"pdf/{made.name}", "size": "0.2 MB"}
    assert (docs / "pdf" / made.name).read_bytes() == made.read_bytes()


def test_the_downloads_are_written_into_docs_and_a_second_run_changes_nothing(project, sample_handbook):
    docs = project / "docs"
    changed = write_generated(sample_handbook, docs, None, "https://example.org/")
    assert docs / "downloads" / "services.json" in changed and docs / "downloads" / "charges.csv" in changed
    assert json.loads((docs / "downloads" / "services.json").read_text(encoding="utf-8"))["services"]
    stamp = os.stat(docs / "downloads" / "charges.csv").st_mtime_ns
    assert write_generated(sample_handbook, docs, None, "https://example.org/") == []  # `make serve` would rebuild on any write
    assert os.stat(docs / "downloads" / "charges.csv").st_mtime_ns == stamp


def test_a_built_service_page_without_its_template_is_named(tmp_path):
    docs, site = tmp_path / "docs", tmp_path / "site"
    for name in ("a", "b"):
        (docs / "services").mkdir(parents=True, exist_ok=True)
        (docs / "services" / f"{name}.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
        (site / "services" / name).mkdir(parents=True)
    (site / "services" / "a" / "index.html").write_text('<nav class="hb-back"><a href="../../catalogue/">All</a></nav>', encoding="utf-8")
    (site / "services" / "b" / "index.html").write_text("<p>---\ntitle: x</p>", encoding="utf-8")
    assert [line.split(":")[0] for line in unread_pages(site, docs)] == ["docs/services/b.md"]


def test_values_escaped_for_the_theme_stay_escaped_once_in_the_file(project, data_copy, tmp_path):
    """Material prints the name raw, and through `| e` in the logo's title: `Markup` is right in both."""
    from markupsafe import Markup

    from handbook.data.validate import load_handbook

    authority = data_copy / "authority.yaml"
    authority.write_text(authority.read_text(encoding="utf-8").replace("  title: Working Together for Westmarch Learners", "  title: 'A & <b>B</b>'"), encoding="utf-8")
    config = _as_generators_read(prepare(load_handbook(data_copy), data_copy, project / "mkdocs.yml", tmp_path / "out"))
    assert isinstance(config["site_name"], Markup) and config["site_name"] == "A &amp; &lt;b&gt;B&lt;/b&gt;"
    assert "!ENV" not in (tmp_path / "out" / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_glossary_reaches_the_abbreviations_extension_in_a_config_file_and_in_mkdocs_own_config():
    from collections import UserDict

    from handbook.site.prepare import set_glossary

    name = "handbook.presentation.abbreviations"
    listed = {"markdown_extensions": ["admonition", name]}
    set_glossary(listed, {"SEND": "Special educational needs and disabilities"})
    assert listed["markdown_extensions"] == ["admonition", {name: {"glossary": {"SEND": "Special educational needs and disabilities"}}}]
    validated = UserDict({"markdown_extensions": ["admonition", name], "mdx_configs": {}})  # as MkDocs' hooks see it
    set_glossary(validated, {"PRU": "Pupil referral unit"})
    assert validated["mdx_configs"] == {name: {"glossary": {"PRU": "Pupil referral unit"}}}

def test_every_page_s_footer_links_the_accessibility_statement(built_site):
    from tests.site.helpers import soup

    pages = sorted(built_site.rglob("index.html"))
    assert len(pages) > 60 and (built_site / "accessibility" / "index.html").is_file()
    for path in pages:
        link = soup(path).select_one("footer a.hb-footer-link")
        assert link is not None and link.get_text() == "Accessibility statement", path
        assert (path.parent / link["href"]).resolve() == (built_site / "accessibility").resolve(), path
