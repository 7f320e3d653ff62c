"""The build-time guard: each construct no template of ours writes is found; the real site passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.site.guard import Allowance, check_page, check_site, describe, scheme_of, theme_allowance

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def allowance() -> Allowance:
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return theme_allowance(config.theme.dirs, [str(s) for s in config.extra_javascript], config.site_url)


FORBIDDEN = {
    "event handler": '<img src="x.png" onerror="alert(1)">',
    "event handler, upper case": '<P OnMouseOver="alert(1)">x</P>',
    "javascript link": '<a href="javascript:alert(1)">x</a>',
    "javascript link, mixed case and spaces": '<a href="  JaVaScRiPt:alert(1)">x</a>',
    "javascript link, tab inside": '<a href="java\tscript:alert(1)">x</a>',
    "javascript link, entities": '<a href="&#106;ava&#x09;script&colon;alert(1)">x</a>',
    "javascript link, newline entity": '<a href="&NewLine;javascript:alert(1)">x</a>',
    "vbscript form action": '<form action="vbscript:msgbox(1)"></form>',
    "data button formaction": '<button formaction="data:text/html,<script>alert(1)</script>">x</button>',
    "data image src": '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    "srcset candidate": '<img src="a.png" srcset="a.png 1x, javascript:alert(1) 2x">',
    "svg xlink:href": '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "svg animation setting href": '<svg><a><animate attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>',
    "video poster": '<video poster="javascript:alert(1)"></video>',
    "inline script": "<script>alert(1)</script>",
    "script from another site": '<script src="https://evil.example/x.js"></script>',
    "script from the site but not the theme's": '<script src="downloads/x.js"></script>',
    "module script": '<script type="module">import("x")</script>',
    "json script that is not Material's config": '<script type="application/json">{}</script>',
    "iframe": '<iframe src="about:blank"></iframe>',
    "object": '<object data="x.swf"></object>',
    "embed": '<embed src="x.swf">',
    "base": '<base href="https://evil.example/">',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "frameset": "<frameset><frame src=x></frameset>",
}


@pytest.mark.parametrize("markup", FORBIDDEN.values(), ids=FORBIDDEN.keys())
def test_a_page_with_a_forbidden_construct_fails_the_guard(markup, allowance):
    found = check_page(f"<!doctype html><html><head></head><body><p>Text</p>{markup}</body></html>", "services/x/index.html", allowance)
    assert len(found) >= 1 and all(f.file == "services/x/index.html" for f in found)


def test_ordinary_pages_pass(allowance):
    page = """<!doctype html><html><head><meta charset="utf-8"><script src="../../assets/javascripts/sortable.js"></script></head>
    <body><a href="https://example.org/">web</a> <a href="mailto:a@example.org">mail</a> <a href="tel:+441234">phone</a>
    <a href="../catalogue/?kind=traded#x">rel</a> <p title="javascript: a course">JavaScript: a course</p>
    <script id="__config" type="application/json">{"base": "../.."}</script></body></html>"""
    assert check_page(page, "services/x/index.html", allowance) == []


def test_materials_inline_snippets_pass_only_as_material_writes_them(allowance):
    import material

    template = (Path(material.__file__).parent / "templates" / "partials" / "javascripts" / "base.html").read_text(encoding="utf-8")
    snippet = template[template.index("<script>") + 8 : template.index("</script>")]
    good = snippet.replace("{{ config.extra.scope | d(base_url) }}", "../..")
    assert check_page(f"<html><body><script>{good}</script></body></html>", "a/b/index.html", allowance) == []
    bad = good.replace('"../.."', '"x"+alert(1)+""')
    assert check_page(f"<html><body><script>{bad}</script></body></html>", "a/b/index.html", allowance) != []


def test_a_script_path_is_resolved_from_the_page_that_loads_it(allowance):
    def found(src: str, page: str) -> bool:
        return bool(check_page(f'<html><body><script src="{src}"></script></body></html>', page, allowance))

    assert not found("../../assets/javascripts/sortable.js", "services/x/index.html")
    assert found("../assets/javascripts/sortable.js", "services/x/index.html")  # services/assets/...
    assert not found("/assets/javascripts/sortable.js", "404.html")  # root-relative, site at /
    assert found("//evil.example/assets/javascripts/sortable.js", "index.html")


def test_only_the_search_ui_script_of_the_sites_own_pagefind_bundle_is_allowed(allowance):
    def found(src: str, page: str) -> bool:
        return bool(check_page(f'<html><body><script src="{src}" defer></script></body></html>', page, allowance))

    assert not found("../../pagefind/pagefind-component-ui.js", "services/x/index.html")
    assert not found("pagefind/pagefind-component-ui.js", "index.html")
    assert found("pagefind/pagefind-ui.js", "index.html")  # the bundle's other UI: not ours
    assert found("pagefind/index/en_1.pf_index", "index.html")
    assert found("https://cdn.example/pagefind/pagefind-component-ui.js", "index.html")


def test_schemes_are_read_as_a_browser_reads_them():
    assert scheme_of(" \x01Java\tScr\nipt:alert(1)") == "javascript"
    assert scheme_of("DATA:text/html,x") == "data"
    assert scheme_of("../javascript:x") is None and scheme_of("no colon") is None


def test_the_report_names_each_file_and_what_was_found():
    from handbook.site.guard import Finding

    message = describe([Finding("index.html", "a <iframe> element")] * 25)
    assert "index.html: a <iframe> element" in message and "and 5 more" in message


def test_the_real_sample_site_passes(built_site, allowance):
    assert check_site(built_site, allowance) == []


def test_a_page_changed_after_it_passed_is_checked_again(tmp_path, allowance):
    """Passed pages are remembered by their bytes (handbook.core.cache), never by their name."""
    page = tmp_path / "site" / "index.html"
    page.parent.mkdir()
    page.write_text("<html><body><p>Fine</p></body></html>", encoding="utf-8")
    assert check_site(tmp_path / "site", allowance) == []
    assert check_site(tmp_path / "site", allowance) == []
    page.write_text("<html><body><p onclick=alert(1)>Fine</p></body></html>", encoding="utf-8")
    assert [f.file for f in check_site(tmp_path / "site", allowance)] == ["index.html"]
