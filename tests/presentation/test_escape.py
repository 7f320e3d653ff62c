"""One escaping function per output: each keeps any text inert in its output and shows it as typed."""

from __future__ import annotations

import csv
import io
import json

import jinja2
import lxml.html
import markdown
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup
from mkdocs.utils.meta import get_data

from handbook.presentation import escape
from handbook.presentation.prose import MARKDOWN_EXTENSION_CONFIGS, MARKDOWN_EXTENSIONS

# Any string a UTF-8 file can hold: every code point but lone surrogates (no file can hold one).
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)))
# Text as the data can hold it after validation, and more: everything printable, with line ends and tabs.
PRINTABLE = st.text(st.characters(exclude_categories=("Cs", "Cc", "Co", "Cn")) | st.sampled_from("\t\n\r"))
HOSTILE = [
    "[t](javascript:alert(1))",
    "{: onclick=alert(1) }",
    "<img src=x onerror=alert(1)>",
    "Tom & Jerry's <b>\"Handbook\"</b>",
    "# heading\n\n    code\n\n* list",
    "![i](x) **b** _e_ `c` [^1] *[HTML]: x !!! note | a | b |",
]


@settings(max_examples=500, deadline=None)
@given(ANY_TEXT)
def test_any_string_round_trips_through_mkdocs_front_matter_reader(text):
    body, meta = get_data(f"---\ntitle: {escape.yaml_string(text)}\ntemplate: service.html\n---\n\nBody\n")
    assert meta == {"title": text, "template": "service.html"}
    assert body == "Body\n"


def test_a_c1_control_or_a_character_beyond_the_bmp_keeps_the_front_matter():
    for text in ("a\x85b", "\u2028", "\U0001F600", '"\\', "\x00\x1b", "\ufeff"):
        assert get_data(f"---\ntitle: {escape.yaml_string(text)}\n---\n")[1] == {"title": text}, repr(text)


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT)
def test_front_matter_holds_the_text_escaped_for_the_theme(text):
    meta = get_data(f"---\ntitle: {escape.front_matter(text)}\n---\n")[1]
    assert meta["title"] == str(escape.html(text))
    assert Markup(meta["title"]).unescape() == text


def _paragraph(source: str):
    html = markdown.markdown(source, extensions=MARKDOWN_EXTENSIONS, extension_configs=MARKDOWN_EXTENSION_CONFIGS)
    return lxml.html.fragment_fromstring(html, create_parent="div")


@settings(max_examples=300, deadline=None)
@given(PRINTABLE)
def test_markdown_text_is_shown_as_typed_and_is_never_syntax(text):
    tree = _paragraph(f"Before {escape.markdown_text(text)} after.")
    assert [e.tag for e in tree.iter()] == ["div", "p"]  # no link, emphasis, code, list or heading
    assert tree[0].text_content() == f"Before {text} after."


def test_markdown_text_defuses_links_attribute_lists_and_html_in_a_heading():
    for text in HOSTILE:
        tree = _paragraph(f"# {escape.markdown_text(text)}\n")
        assert [e.tag for e in tree.iter()] == ["div", "h1"], text
        assert tree[0].text_content() == text
        assert not any(k.startswith("on") for e in tree.iter() for k in e.attrib), text


def test_theme_config_is_escaped_once_even_where_the_theme_escapes_again():
    value = escape.theme_config("Tom & Jerry's <b>\"Handbook\"</b>")
    # MkDocs' theme environment: no autoescape; Material writes `{{ config.site_name | e }}` in places.
    rendered = jinja2.Environment(autoescape=False).from_string("{{ v }}|{{ v | e }}").render(v=value)
    expected = "Tom &amp; Jerry&#39;s &lt;b&gt;&#34;Handbook&#34;&lt;/b&gt;"
    assert rendered == f"{expected}|{expected}"


def test_a_cell_that_starts_like_a_formula_gets_a_leading_apostrophe():
    for start in escape.FORMULA_STARTS:
        assert escape.csv_cell(f"{start}HYPERLINK(\"http://x\")") == f"'{start}HYPERLINK(\"http://x\")"
    assert escape.csv_cell("Tom = Jerry") == "Tom = Jerry"
    assert escape.csv_cell(None) == "" and escape.csv_cell(12.5) == "12.5"


@given(ANY_TEXT)
def test_no_cell_starts_like_a_formula_and_only_an_apostrophe_is_added(text):
    cell = escape.csv_cell(text)
    assert not cell.startswith(escape.FORMULA_STARTS)
    assert cell in (text, "'" + text)
    out = io.StringIO()
    csv.writer(out).writerow([cell])
    assert next(csv.reader(io.StringIO(out.getvalue(), newline=""))) == [cell]


@given(st.dictionaries(ANY_TEXT, ANY_TEXT, max_size=3))
def test_json_text_reads_back_and_holds_no_markup_characters(value):
    text = escape.json_text(value)
    assert json.loads(text) == value
    assert not any(c in text for c in "<>&\u2028\u2029")
