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
    assert _drop_missing(nav, tmp_path) == [{"Home": "index.md"}, {"Part": ["a.md"]}]
    (tmp_path / "officers-guide.md").write_text("x", encoding="utf-8")
    assert _drop_missing(nav, tmp_path) == nav
