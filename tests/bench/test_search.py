"""bench.search: the queries schools make, and both engines measured on the real sample site."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.search import ENGINES, engines, in_browser, lunr_files, over_target, queries, rows
from handbook.views import catalogue
from tests.site.helpers import make_project


def test_queries_name_a_service_a_summary_word_and_a_contact_role_with_their_right_pages(sample_data, sample_handbook):
    found = queries(sample_data, per_kind=2)
    assert [q.kind for q in found].count("name") == 2
    assert {q.kind for q in found} == {"name", "summary word", "contact role"}
    services = {s.name: s for s in catalogue.public_services(sample_handbook)}
    for q in found:
        assert q.right and all(path.startswith("services/") and path.endswith("/") for path in q.right)
        if q.kind == "name":
            assert q.right == (f"services/{services[q.text].id}/",)


@pytest.fixture(scope="module")
def site_copy(sample_data, tmp_path_factory):
    """The sample built with the theme's search turned back on (the site's own is Pagefind), so
    that both engines are there to measure; without the PDF."""
    from handbook.commands.build import build

    project = make_project(tmp_path_factory.mktemp("search") / "project", sample_data)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("\nplugins:\n", "\nplugins:\n  - search:\n      lang: en\n", 1), encoding="utf-8")
    build(project / "data", project / "site", pdf=False, config_file=project / "mkdocs.yml")
    return project / "site"


def test_the_site_carries_pagefind_and_lunr_only_where_the_theme_search_is_on(built_site, site_copy):
    assert engines(built_site) == ("pagefind",)
    assert engines(site_copy) == ENGINES


def test_lunr_files_are_the_index_every_visitor_fetches_and_the_worker(site_copy):
    files = lunr_files(site_copy)
    assert files["index_kb"] > files["index_gzip_kb"] > 0 and files["worker_kb"] > 0


@pytest.mark.browser
def test_both_engines_answer_the_sample_queries_in_chromium_without_leaving_the_site(site_copy, sample_data):
    from bench.search import pagefind_index

    assert pagefind_index(site_copy)["pages"] > 50
    found = queries(sample_data, per_kind=1)
    for engine in ENGINES:
        figures = in_browser(site_copy, engine, found)
        assert figures["outside"] == []
        assert figures["hits"]["name"] == [1, 1], (engine, figures["misses"])
        assert figures["kb"] > 0 and figures["files"] >= 1


@pytest.mark.browser
def test_rows_give_bytes_and_quality_for_each_engine(site_copy, sample_data):
    found = rows({1: (sample_data, site_copy)}, per_kind=1)
    assert len(found) == 4 and all(len(row) == 3 for row in found)
    bytes_rows = [row for row in found if row[1].endswith(" KB")]
    assert [row[0].split(":")[0] for row in bytes_rows] == ["search, lunr", "search, Pagefind"]
    # Pagefind fetches a few fragments however large the site; lunr's one index grows with it and,
    # with the glossary, statement and downloads pages, passes the target even at the sample.
    assert not over_target(bytes_rows[1]) and float(bytes_rows[0][1][:-3].replace(",", "")) > 0
    assert all("name 1/1" in row[1] for row in found if "top 3" in row[0])
