"""Markdown as Python-Markdown's element tree, with its raw HTML and entities back in place."""

from handbook.pdf.parse import data_tree, prose_tree


def test_a_macros_html_block_becomes_elements_of_the_tree():
    root = prose_tree('Intro\n\n<div class="hb-concern"><p>Level <b>one</b> &amp; two</p></div>\n\nAfter')
    assert [child.tag for child in root] == ["p", "div", "p"]
    div = root[1]
    assert div.get("class") == "hb-concern" and "".join(div.itertext()) == "Level one & two"


def test_entities_and_numeric_references_are_characters_again():
    root = prose_tree("Tom &amp; Jerry &#60;script&#62; &eacute;")
    assert "".join(root.itertext()).strip() == "Tom & Jerry <script> é"


def test_inline_html_keeps_its_element():
    root = prose_tree("A <span class=\"hb-badge\">Traded</span> service")
    span = root.find(".//span")
    assert span is not None and span.text == "Traded" and span.get("class") == "hb-badge"


def test_headings_carry_the_sites_ids_and_attr_list_works():
    root = prose_tree("## How to raise an issue\n\nText\n{: #here }\n")
    assert root.find("h2").get("id") == "how-to-raise-an-issue"
    assert root.find("p").get("id") == "here"


def test_a_data_field_shows_typed_html_as_text_and_drops_unsafe_links():
    root = data_tree('<b>bold</b> and [x](javascript:alert(1)) and ![pic](https://example.org/a.png)')
    assert "".join(root.itertext()).strip() == "<b>bold</b> and x and pic"
    assert root.find(".//b") is None and root.find(".//img") is None
    assert root.find(".//a").get("href") is None


def test_a_data_fields_quotes_are_typographic_as_on_the_website():
    assert "".join(data_tree("the school's plan").itertext()).strip() == "the school\u2019s plan"


def test_empty_text_is_an_empty_tree():
    assert len(prose_tree("")) == 0 and len(data_tree("  ")) == 0
