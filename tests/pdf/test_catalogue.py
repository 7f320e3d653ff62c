"""The catalogue of services and the price list, straight from the views."""

import re

from handbook.data.model.types import Visibility
from handbook.pdf.catalogue import catalogue_part, price_list_part
from handbook.pdf.outline import Outline
from handbook.views.catalogue import public_services


def test_the_catalogue_numbers_every_public_service_and_leaves_out_internal_ones(book, sample_handbook):
    outline = Outline()
    body = catalogue_part(book, sample_handbook, outline, "9", "catalogue", "https://site.example/")
    for service in public_services(sample_handbook):
        assert re.match(r"^9\.\d+\.\d+$", outline.service_numbers[service.id])
        assert f'#hb-anchor("service-{service.id}")' in body
        assert f"https\\:\\/\\/site\\.example\\/services\\/{service.id.replace('-', chr(92) + '-')}\\/" in body
    for service in sample_handbook.services.services:
        if service.visibility is Visibility.INTERNAL:
            assert service.id not in outline.service_numbers and service.id not in body
    assert [e.level for e in outline.entries] == [1] + [2] * (len(outline.entries) - 1)


def test_each_traded_service_shows_what_each_kind_of_school_pays(book, sample_handbook):
    body = catalogue_part(book, sample_handbook, Outline(), "9", "catalogue", None)
    finance = body.split('#hb-anchor("service-school-finance-support")')[1].split("#hb-service[")[0]
    assert "Maintained school" in finance and "Academy or free school" in finance and "School in another authority" in finance
    assert '#hb-table("charges"' in finance and "£" in finance
    assert "the service\\'s page on the website" in finance  # no site address: words instead


def test_how_to_buy_in_several_paragraphs_prints_below_its_label(book, sample_handbook):
    from handbook.pdf.catalogue import _how_to_buy
    from handbook.pdf.tree import Writer

    assert _how_to_buy(Writer(book), "Ask the *team*.") == "\n#hb-fact[How to buy][Ask the #emph[team]\\.]\n"
    longer = _how_to_buy(Writer(book), "- one\n- two\n")
    assert longer.startswith("\n#hb-fact[How to buy][]\n") and "#list([one], [two])" in longer


def test_the_price_list_cites_each_services_number(book, sample_handbook):
    outline = Outline()
    catalogue_part(book, sample_handbook, outline, "9", "catalogue", None)
    body = price_list_part(book, sample_handbook, outline, "C", "prices")
    assert body.count('#hb-table("price-list"') == len([e for e in outline.entries if e.target.startswith("prices-")])
    number = outline.service_numbers["school-finance-support"].replace(".", "\\.")
    assert f"[#hb-nowrap[#hb-muted[{number}]]]" in body
