"""The parts made from data: cover, foreword, contents, contacts and the organisation chart."""

from handbook.data.model.types import Visibility
from handbook.pdf.book import CHART_SRC
from handbook.pdf.outline import Entry, Outline
from handbook.pdf.parts import contacts_part, contents, cover, foreword, register_chart


def test_the_cover_prints_the_authority_title_edition_and_address(book, sample_handbook):
    markup = cover(book, sample_handbook, None)
    assert markup.startswith("\n#hb-cover(logo: none, authority: [Westmarch County Council]")
    assert "[Published 1 September 2026]" in markup and "[County Hall]" in markup


def test_contacts_name_only_people_who_agreed(book, sample_handbook):
    markup = contacts_part(book, sample_handbook, Outline(), "D", "contacts", chart=False)
    for role in sample_handbook.contacts.roles:
        if role.visibility is Visibility.INTERNAL:
            assert f"role-{role.id}" not in markup
        elif role.holder and not role.holder.consent_to_publish:
            assert role.holder.name.split()[-1] not in markup
        elif role.public_name:
            assert role.public_name.split()[-1] in markup
    assert "contacts-chart" not in markup


def test_the_chart_is_drawn_for_paper_with_a_text_alternative(book, sample_handbook):
    register_chart(book, sample_handbook)
    suffix, svg = book.images[CHART_SRC]
    assert suffix == "svg" and svg.startswith(b"<svg") and b"rankdir" not in svg
    markup = contacts_part(book, sample_handbook, Outline(), "D", "contacts", chart=True)
    assert '#hb-figure[\n#hb-image("image-1.svg", "Organisation chart of Westmarch County Council' in markup
    assert "#list([#strong[Children\\'s Services Directorate]" in markup


def test_the_data_foreword_is_front_matter_signed_as_the_websites(book, sample_handbook):
    outline = Outline()
    markup = foreword(book, sample_handbook, outline)
    assert outline.entries[0].front and "#hb-heading(1)[Foreword] <foreword>" in markup
    first = sample_handbook.authority.foreword.signatories[0]
    # The named bug: the fallback's signatories were plain paragraphs; they are set as the site's are.
    assert f"#hb-signatories[#hb-signatory[#strong[{first.name}]#linebreak()" in markup


def test_the_contents_lists_each_entry_with_its_target_and_folio_style(book):
    markup = contents(book, [Entry("foreword", "", "Foreword", 1, True), Entry("x--y", "1.1", "Why & how", 2)])
    assert '#hb-toc-entry(1, "foreword", roman: true)[Foreword]' in markup
    assert '#hb-toc-entry(2, "x--y", roman: false)[1\\.1 Why \\& how]' in markup
    assert "#hb-heading(1)[Contents] <contents-title>" in markup
