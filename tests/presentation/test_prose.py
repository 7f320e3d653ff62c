"""The shared prose renderer: the same extensions and pages as mkdocs.yml; macros in, data never evaluated."""

from __future__ import annotations

import json

import jinja2
import pytest

from handbook.core.project import load_config
from handbook.presentation.prose import MARKDOWN_EXTENSION_CONFIGS, MARKDOWN_EXTENSIONS, macro_functions, render_page_markdown


@pytest.fixture(scope="module")
def mkdocs_config(root):
    return load_config(root / "mkdocs.yml", environ={})


def test_mkdocs_yml_uses_the_same_markdown_extensions(mkdocs_config):
    names, configs = [], {}
    for item in mkdocs_config["markdown_extensions"]:
        if isinstance(item, dict):
            (name, config), = item.items()
            names.append(name)
            configs[name] = config
        else:
            names.append(item)
    assert names == MARKDOWN_EXTENSIONS
    assert configs == MARKDOWN_EXTENSION_CONFIGS


def test_every_prose_page_renders_to_markdown_without_template_syntax(root, sample_handbook, sample_data):
    from handbook.core.project import project_at

    # Pages the build generates from the data (per kind of school, the downloads) are not prose.
    for name in [page.path for page in project_at(root / "mkdocs.yml").nav if not page.path.startswith(("schools/", "downloads/"))]:
        text = render_page_markdown((root / "docs" / name).read_text(encoding="utf-8"), sample_handbook, sample_data)
        assert "{{" not in text and "render_macros" not in text, name


def test_an_unknown_macro_fails_instead_of_printing_its_name(sample_handbook, sample_data):
    with pytest.raises(jinja2.UndefinedError):
        render_page_markdown("{{ price_lists() }}", sample_handbook, sample_data)


def test_macros_return_html_blocks_that_markdown_leaves_alone(sample_handbook, sample_data):
    functions = macro_functions(sample_handbook, sample_data)
    for name in ("price_list", "catalogue", "contacts_directory", "concern_levels", "partnerships_table", "data_release_schedule"):
        html = functions[name]()
        assert html.startswith("\n\n<") and html.endswith(">\n\n"), name
        assert "\n\n" not in html.strip(), name


def test_links_go_through_url_for(sample_handbook, sample_data):
    html = macro_functions(sample_handbook, sample_data, url_for=lambda p: "#pdf-" + p)["catalogue"]()
    assert 'href="#pdf-services/' in html


def test_page_variables_are_text_that_markdown_cannot_read_as_syntax(data_copy):
    """`# {{ handbook_title }}` on the home page once made `[t](javascript:...)` a live link."""
    import lxml.html
    import markdown

    from handbook.data.validate import load_handbook

    title = "Tom & Jerry's <b>\"Handbook\"</b> [t](javascript:alert(1)) {: onclick=alert(1) }"
    authority = data_copy / "authority.yaml"
    text = authority.read_text(encoding="utf-8").replace("  title: Working Together for Westmarch Learners", "  title: " + json.dumps(title))
    authority.write_text(text, encoding="utf-8")
    source = render_page_markdown("# {{ handbook_title }}\n\nBy {{ authority_name }}.\n", load_handbook(data_copy), data_copy)
    html = markdown.markdown(source, extensions=MARKDOWN_EXTENSIONS, extension_configs=MARKDOWN_EXTENSION_CONFIGS)
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    assert [e.tag for e in tree.iter()] == ["div", "h1", "p"]
    assert tree[0].text_content() == title and not tree[0].get("onclick")
