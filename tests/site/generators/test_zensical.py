"""The Zensical adapter: what it hands Zensical, and real (small) Zensical builds.

The sample built with Zensical, its page set against the default generator's and its links
under a sub-path are checked in tests/browser/test_links_under_subpath.py (one build each).
"""

from __future__ import annotations

import pytest
import yaml

from handbook.core.errors import HandbookUserError
from handbook.site.generators import zensical


def small_project(tmp_path, pages: dict[str, str], **settings):
    """A prepared-style config (absolute docs_dir, no hooks) over `pages`; returns its path."""
    docs = tmp_path / "project" / "docs"
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    config = {"site_name": "Test", "docs_dir": str(docs), "theme": {"name": "material"}, **settings}
    path = tmp_path / "prepared" / "mkdocs.yml"
    path.parent.mkdir()
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def test_a_small_site_is_built_into_site_dir_and_the_project_is_left_alone(tmp_path):
    config = small_project(tmp_path, {"index.md": "# Home\n", "services/payroll.md": '# Payroll\n\n<a href="../../">Home</a>\n'})
    before = sorted(p.relative_to(tmp_path / "project") for p in (tmp_path / "project").rglob("*"))
    zensical.build(config, tmp_path / "out" / "site")
    site = tmp_path / "out" / "site"
    assert (site / "index.html").is_file() and (site / "services" / "payroll" / "index.html").is_file()
    assert 'href="../../"' in (site / "services" / "payroll" / "index.html").read_text(encoding="utf-8")  # as written: an index page
    assert sorted(p.relative_to(tmp_path / "project") for p in (tmp_path / "project").rglob("*")) == before  # no .cache, no moved page
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["site"]  # the work folder is gone


def test_a_failed_build_is_a_user_error_in_zensicals_words(tmp_path):
    config = small_project(tmp_path, {"index.md": "# Home\n\n[Gone](missing.md)\n"})
    with pytest.raises(HandbookUserError) as failure:
        zensical.build(config, tmp_path / "site")
    message = str(failure.value)
    assert message.startswith("the website did not build with Zensical:") and "does not exist" in message
    assert "\x1b[" not in message and "Traceback" not in message and failure.value.status == 1
    assert not (tmp_path / "site").exists() and not list(tmp_path.glob(".site.zensical-*"))


def test_a_config_with_hooks_is_refused_since_zensical_would_ignore_them(tmp_path):
    config = small_project(tmp_path, {"index.md": "# Home\n"}, hooks=["macros/hooks.py"])
    with pytest.raises(HandbookUserError, match="hooks, which Zensical ignores"):
        zensical.build(config, tmp_path / "site")


def test_generated_pages_are_copied_as_index_pages_and_prose_stays(tmp_path):
    docs = tmp_path / "docs"
    for name in ("index.md", "catalogue.md", "services/payroll.md", "schools/index.md", "schools/academy.md"):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(name, encoding="utf-8")
    moved = zensical.copy_docs(docs, tmp_path / "copy")
    assert moved == {"services/payroll.md": "services/payroll/index.md", "schools/academy.md": "schools/academy/index.md"}
    assert (tmp_path / "copy" / "services" / "payroll" / "index.md").read_text(encoding="utf-8") == "services/payroll.md"
    assert (tmp_path / "copy" / "catalogue.md").is_file() and (tmp_path / "copy" / "schools" / "index.md").is_file()


def test_the_config_zensical_reads_is_relative_with_the_nav_renamed_and_this_macros_module(tmp_path):
    settings = {
        "site_name": "T", "docs_dir": "/abs/docs", "watch": ["data"], "theme": {"name": "material", "custom_dir": "overrides"},
        "plugins": [{"search": {"lang": "en"}}, {"macros": {"module_name": "/abs/macros", "on_undefined": "strict"}}],
        "nav": [{"Home": "index.md"}, {"Kinds": ["schools/index.md", "schools/academy.md"]}],
    }
    config = zensical.zensical_config(settings, tmp_path, {"schools/academy.md": "schools/academy/index.md"})
    assert (config["docs_dir"], config["site_dir"]) == ("docs", "site") and "watch" not in config
    assert config["theme"]["custom_dir"] == str(tmp_path / "overrides")
    assert config["nav"] == [{"Home": "index.md"}, {"Kinds": ["schools/index.md", "schools/academy/index.md"]}]
    assert config["plugins"] == [
        {"macros": {"module_name": "handbook.site.generators.zensical", "on_undefined": "strict"}},
        {"search": {"enabled": False}},  # the site's search is Pagefind's, made after the build
    ]
    assert settings["docs_dir"] == "/abs/docs"  # the prepared settings are not changed


class _Page:
    def __init__(self, path: str) -> None:
        self.path = path


@pytest.mark.parametrize(("source", "link"), [("index.md", "services/x/"), ("catalogue.md", "services/x/"), ("guide/part.md", "../services/x/")])
def test_macro_links_count_from_the_pages_markdown_file(source, link):
    """Zensical puts one more `../` in front on `catalogue.md` (built at `catalogue/`): together right."""
    assert zensical.page_links(_Page(source))("services/x/") == link


def test_zensicals_words_lose_colours_and_the_traceback():
    output = "Build started\n\x1b[33mWarning:\x1b[0m page does not exist\nTraceback (most recent call last):\n  File \"x\", line 1\n    build()\nRuntimeError: Aborted because --strict flag is set\n"
    assert zensical.zensical_words(output) == "Build started\nWarning: page does not exist\nRuntimeError: Aborted because --strict flag is set"
    assert zensical.zensical_words("") == "Zensical stopped without a message"


def test_the_guard_learns_the_theme_from_zensicals_own_templates(tmp_path):
    config = small_project(tmp_path, {"index.md": "# Home\n"}, theme={"name": "material", "custom_dir": str(tmp_path / "overrides")})
    folders = zensical.theme_dirs(config)
    assert folders[0] == tmp_path / "overrides" and (folders[1] / "base.html").is_file() and "zensical" in folders[1].parts
