"""Where a website's link goes on paper: an anchor in the book, an address, or words alone."""

from handbook.pdf.links import EXTERNAL, INTERNAL, LINK, Links, Target

SITE = "https://handbook.example/"
LINKS = Links(frozenset({"school-finance-support"}), SITE)


def test_a_link_within_the_page_follows_its_prefixed_id():
    assert LINKS.target("#intro", "role") == Target(INTERNAL, "role--intro")


def test_links_to_pages_services_contacts_and_parts_point_inside_the_book():
    cases = {
        "structure.md": "page-structure",
        "partnerships.md#the-groups": "partnerships--the-groups",
        "services/school-finance-support/": "service-school-finance-support",
        "/contacts/#role-head-of-send": "role-head-of-send",
        "catalogue/?provision=traded": "catalogue",  # paper has no filters
        "prices.md": "prices",
        "index.md": "foreword",
        "/#foreword": "index--foreword",
    }
    for href, anchor in cases.items():
        assert LINKS.target(href, "funding") == (Target(INTERNAL, anchor) if anchor else None), href


def test_a_link_to_an_internal_or_unknown_service_is_its_words_alone():
    assert LINKS.target("services/fraud-review/", "funding") is None


def test_outside_addresses_are_printed_and_downloads_get_the_sites_address():
    assert LINKS.target("https://gov.uk/x", "prices") == Target(EXTERNAL, "https://gov.uk/x")
    assert LINKS.target("downloads/charges.csv", "prices") == Target(EXTERNAL, "https://handbook.example/downloads/charges.csv")
    assert Links(frozenset(), None).target("downloads/charges.csv", "prices") is None


def test_mail_and_telephone_links_keep_their_address():
    assert LINKS.target("mailto:a@b.example", "x") == Target(LINK, "mailto:a@b.example")
    assert LINKS.target("tel:+441632960000", "x") == Target(LINK, "tel:+441632960000")


def test_in_a_data_field_a_fragment_names_an_anchor_of_the_book():
    assert LINKS.target("#catalogue", None) == Target(INTERNAL, "catalogue")
