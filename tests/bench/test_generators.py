"""bench.generators: the figures it reads from a built site, and a failed build reported as a row."""

from __future__ import annotations

import json

from bench import generators


def test_search_figures_read_the_themes_index_or_zensicals(tmp_path):
    theme, zensical, none = tmp_path / "theme", tmp_path / "zensical", tmp_path / "none"
    (theme / "search").mkdir(parents=True)
    (theme / "search" / "search_index.json").write_text(json.dumps({"docs": [{"location": "catalogue/", "text": "x" * 2000}]}))
    zensical.mkdir()
    (zensical / "search.json").write_text(json.dumps({"items": [{"location": "prices/", "text": "y"}]}))
    none.mkdir()
    assert generators.search_figures(theme)["catalogue_indexed"] is True and generators.search_figures(theme)["search_kb"] > 1.9
    assert generators.search_figures(zensical)["catalogue_indexed"] is False  # the refused catalogue shows
    assert generators.search_figures(none) == {"search_kb": 0.0, "catalogue_indexed": False}


def test_a_build_that_fails_is_an_error_with_its_last_words(tmp_path):
    result = generators.child("no-such-generator", "data", tmp_path / "data", tmp_path / "work", past_limits=False)
    assert "error" in result and result["error"]


def test_the_limits_lift_is_valid_python_naming_the_project():
    code = generators.LIFT.format(root=str(generators.ROOT))
    compile(code, "sitecustomize.py", "exec")
    assert str(generators.ROOT) in code and "MAX_SERVICES" in code
