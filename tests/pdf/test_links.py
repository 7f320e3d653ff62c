"""A web page's ids and links made into the book's: unique ids, page references, addresses."""

from pathlib import Path

from handbook.pdf.links import drop_dangling, rewrite, site_url

SITE = "https://handbook.example/"


def test_ids_are_prefixed_with_the_page_and_local_links_follow(sample_handbook):
    html = rewrite('<h2 id="intro">Intro</h2><a href="#intro">back</a>', "role", SITE, sample_handbook)
    assert 'id="role--intro"' in html and 'href="#role--intro" class="internal"' in html


def test_links_to_pages_services_contacts_and_parts_point_inside_the_book(sample_handbook):
    html = rewrite(
        '<a href="structure.md">s</a><a href="partnerships.md#the-groups">g</a><a href="services/school-finance-support/">f</a>'
        '<a href="contacts/#role-head-of-send">c</a><a href="catalogue/?provision=traded">t</a><a href="prices.md">p</a>',
        "funding",
        SITE,
        sample_handbook,
    )
    for target in ("#page-structure", "#partnerships--the-groups", "#service-school-finance-support", "#role-head-of-send", "#catalogue", "#prices"):
        assert f'href="{target}" class="internal"' in html, target


def test_a_link_to_an_internal_or_unknown_service_becomes_plain_text(sample_handbook):
    html = rewrite('<a href="services/fraud-review/">secret</a>', "funding", SITE, sample_handbook)
    assert html == "<a>secret</a>"


def test_external_links_are_marked_and_downloads_get_the_site_address(sample_handbook):
    html = rewrite('<a href="https://gov.uk/x">guidance</a><a href="downloads/charges.csv">CSV</a>', "prices", SITE, sample_handbook)
    assert '<a href="https://gov.uk/x" class="external">' in html
    assert '<a href="https://handbook.example/downloads/charges.csv" class="external">' in html


def test_a_bare_address_is_not_printed_twice(sample_handbook):
    html = rewrite('<a href="https://gov.uk/">https://gov.uk/</a>', "prices", SITE, sample_handbook)
    assert html == '<a href="https://gov.uk/">https://gov.uk/</a>'


def test_mail_links_keep_their_words_without_a_class(sample_handbook):
    assert rewrite('<a href="mailto:a@b.example">a@b.example</a>', "x", SITE, sample_handbook) == '<a href="mailto:a@b.example">a@b.example</a>'


def test_relative_images_point_at_the_docs_folder(sample_handbook, tmp_path: Path):
    html = rewrite('<img src="assets/logo.svg" alt="Logo">', "index", SITE, sample_handbook, tmp_path)
    assert f'src="{(tmp_path / "assets/logo.svg").as_uri()}"' in html


def test_links_to_missing_anchors_are_dropped_and_good_ones_kept():
    html = drop_dangling('<h2 id="here">H</h2><a href="#here" class="internal">ok</a><a href="#gone" class="internal">lost</a>')
    assert '<a href="#here" class="internal">ok</a>' in html and "<a>lost</a>" in html


def test_site_url_reads_env_tags_like_mkdocs(tmp_path: Path, monkeypatch):
    config = tmp_path / "mkdocs.yml"
    config.write_text('site_name: x\nsite_url: !ENV [HANDBOOK_TEST_URL, "https://default.example/"]\ntheme:\n  icon: !!python/name:x.y\n', encoding="utf-8")
    site_url.cache_clear()
    assert site_url(config) == "https://default.example/"
    monkeypatch.setenv("HANDBOOK_TEST_URL", "https://set.example/")
    site_url.cache_clear()
    assert site_url(config) == "https://set.example/"
    site_url.cache_clear()
