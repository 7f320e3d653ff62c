"""site.search: Pagefind indexes a built site's main content, after whichever generator built it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from handbook.core.errors import HandbookUserError
from handbook.site.search import BUNDLE, ROOT, SCRIPTS, command, fragments, index
from handbook.views import catalogue


@pytest.fixture(scope="module")
def indexed(built_site, tmp_path_factory) -> tuple[Path, object]:
    site = shutil.copytree(built_site, tmp_path_factory.mktemp("indexed") / "site")
    return site, index(site)


def test_every_page_is_indexed_into_the_bundle_inside_the_site(indexed):
    site, report = indexed
    pages = [p for p in site.rglob("*.html") if not p.is_relative_to(site / BUNDLE)]
    assert report.bundle == site / BUNDLE and (site / BUNDLE / "pagefind.js").is_file()
    assert all((site / script).is_file() for script in SCRIPTS)  # what the header loads
    assert report.pages == len(fragments(report.bundle)) and report.pages >= len(pages) - 1


def test_only_the_main_content_is_indexed(indexed, sample_handbook):
    site, report = indexed
    indexed = fragments(report.bundle)
    service = next(s for s in catalogue.public_services(sample_handbook))
    page = indexed[f"/services/{service.id}/"]
    assert page["meta"]["title"] == service.name
    assert page["content"].startswith(service.name)  # the article's heading first: no header, no navigation
    for text in (f["content"] for f in indexed.values()):
        assert "Download the PDF edition" not in text  # the banner on every page
        assert "Skip to content" not in text


def test_the_schools_own_view_is_not_indexed(indexed):
    site, report = indexed
    catalogue = fragments(report.bundle)["/catalogue/"]["content"]
    form = (site / "catalogue" / "index.html").read_text(encoding="utf-8")
    assert "data-hb-school-form" in form and "Pupils on roll</label>" in form
    assert "on roll" not in catalogue.lower()  # the form's labels, hints and errors


def test_the_command_runs_the_bundled_binary_over_the_article(tmp_path):
    argv = command(tmp_path)
    assert argv[1:3] == ["-m", "pagefind"] and ROOT in argv and str(tmp_path) in argv


def test_a_folder_that_is_not_a_built_site_is_a_user_error(tmp_path):
    with pytest.raises(HandbookUserError, match="not a built site"):
        index(tmp_path)
