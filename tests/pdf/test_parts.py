"""The parts made from data: catalogue, price list, contacts, chart, foreword."""

import re

from handbook.data.model.types import Visibility
from handbook.pdf.assemble import environment
from handbook.pdf.outline import Outline
from handbook.pdf.parts import catalogue_part, chart_image, contacts_part, foreword, price_list_part
from handbook.views.catalogue import public_services


def test_the_catalogue_numbers_every_public_service_and_leaves_out_internal_ones(sample_handbook):
    outline = Outline()
    html = str(catalogue_part(environment(), sample_handbook, outline, "9", "catalogue", "https://site.example/"))
    for service in public_services(sample_handbook):
        number = outline.service_numbers[service.id]
        assert re.match(r"^9\.\d+\.\d+$", number)
        assert f'id="service-{service.id}"' in html and f"https://site.example/services/{service.id}/" in html
    for service in sample_handbook.services.services:
        if service.visibility is Visibility.INTERNAL:
            assert service.name not in html and service.id not in outline.service_numbers
    assert [e.level for e in outline.entries] == [1] + [2] * (len(outline.entries) - 1)


def test_each_traded_service_shows_what_each_kind_of_school_pays(sample_handbook):
    html = str(catalogue_part(environment(), sample_handbook, Outline(), "9", "catalogue"))
    finance = html.split('id="service-school-finance-support"')[1].split("</article>")[0]
    assert "Maintained school" in finance and "Academy or free school" in finance and "School in another authority" in finance
    assert "£" in finance


def test_the_price_list_cites_each_services_number(sample_handbook):
    outline = Outline()
    catalogue_part(environment(), sample_handbook, outline, "9", "catalogue")
    html = str(price_list_part(environment(), sample_handbook, outline, "C", "prices"))
    assert html.count("<thead>") == len([e for e in outline.entries if e.target.startswith("prices-")])
    assert f'<td class="number">{outline.service_numbers["school-finance-support"]}</td>' in html


def test_contacts_name_only_people_who_agreed(sample_handbook):
    html = str(contacts_part(environment(), sample_handbook, Outline(), "D", "contacts", chart=False))
    for role in sample_handbook.contacts.roles:
        if role.visibility is Visibility.INTERNAL:
            assert role.title not in html
        elif role.holder and not role.holder.consent_to_publish:
            assert role.holder.name not in html
        elif role.public_name:
            assert role.public_name in html


def test_the_chart_is_an_image_with_a_text_alternative(sample_handbook):
    image = str(chart_image(sample_handbook))
    assert image.startswith('<img class="org-chart" src="data:image/svg+xml;base64,') and 'alt="Organisation chart of ' in image


def test_the_data_foreword_is_front_matter_with_its_signatories(sample_handbook):
    outline = Outline()
    html = str(foreword(environment(), sample_handbook, outline))
    assert outline.entries[0].front and "Foreword" in html
    assert all(s.name in html for s in sample_handbook.authority.foreword.signatories)
