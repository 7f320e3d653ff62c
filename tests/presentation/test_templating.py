"""templating: compiled templates are cached unless the cache is off; values are autoescaped; a misspelt variable fails."""

from __future__ import annotations

import jinja2
import pytest


def test_compiled_templates_go_to_the_cache_unless_it_is_off(monkeypatch, tmp_path):
    from handbook.presentation.templating import template_cache

    monkeypatch.setenv("HANDBOOK_CACHE", str(tmp_path))
    assert isinstance(template_cache(), jinja2.FileSystemBytecodeCache)
    monkeypatch.setenv("HANDBOOK_CACHE", "off")
    assert template_cache() is None


def test_values_are_escaped_and_unknown_names_fail(tmp_path) -> None:
    from handbook.presentation.templating import make_environment

    (tmp_path / "t.html.j2").write_text("<p>{{ value }}</p>", encoding="utf-8")
    env = make_environment(tmp_path)
    assert env.get_template("t.html.j2").render(value="<script>") == "<p>&lt;script&gt;</p>"
    with pytest.raises(jinja2.UndefinedError):
        env.get_template("t.html.j2").render()


def test_page_text_is_evaluated_strictly_without_escaping_what_macros_return() -> None:
    from handbook.presentation.templating import page_environment, render_page_text

    assert render_page_text("{{ block() }} {{ name }}", {"block": lambda: "<div>x</div>", "name": "A &amp; B"}) == "<div>x</div> A &amp; B"
    assert page_environment() is page_environment()  # one environment, made once
    with pytest.raises(jinja2.UndefinedError):
        render_page_text("{{ missing() }}", {})


def test_render_page_text_keeps_no_names_between_pages() -> None:
    from handbook.presentation.templating import render_page_text

    assert render_page_text("{{ name }}", {"name": "first"}) == "first"
    with pytest.raises(jinja2.UndefinedError):
        render_page_text("{{ name }}", {})
