"""Officers' Markdown: rendered, but raw HTML shown as typed, unsafe links and images dropped."""

from __future__ import annotations

from handbook.presentation.markdown import to_html, to_inline_html


def test_raw_html_is_shown_as_typed():
    html = to_html("Hello <script>alert(1)</script> & <b>bold</b>")
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>" not in html


def test_links_keep_only_safe_addresses_and_images_become_text():
    html = to_html("[a](javascript:alert(1)) [b](https://example.org) ![logo](https://tracker.example/x.png)")
    assert "javascript:" not in html
    assert 'href="https://example.org"' in html
    assert "<img" not in html and "logo" in html


def test_markdown_structure_and_inline_form():
    assert "<li>one</li>" in to_html("- one\n- two")
    assert to_inline_html("**bold**") == "<strong>bold</strong>"


def test_a_conversion_is_kept_in_the_cache_and_read_back(handbook_cache):
    from handbook.core import cache
    from handbook.presentation.markdown import cache_name

    text = "A *cached* paragraph about [meals](https://example.org/)."
    html = to_html.__wrapped__(text)  # past the in-process memo, through the file cache
    assert cache.read("markdown", cache_name(text)) == str(html)
    assert to_html.__wrapped__(text) == html


def test_nesting_at_the_limit_still_converts() -> None:
    from handbook.core.limits import MAX_NESTING

    html = str(to_html.__wrapped__("- " * MAX_NESTING + "deep\n\n" + "[" * MAX_NESTING + "x" + "]" * MAX_NESTING))
    assert html.count("<ul>") == MAX_NESTING and "deep" in html
