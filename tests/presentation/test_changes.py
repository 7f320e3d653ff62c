"""views.changes_render: the report as CLI text and as Markdown for the site page and PDF."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import markdown
import pytest

from handbook.data.validate import load_handbook
from handbook.presentation.changes import md, money, render_markdown, render_text
from handbook.data.model.services import Band
from handbook.data.model.units import parse_unit
from handbook.data.model.types import Phase, Setting
from handbook.views.changes import ChairChange, ChangeReport, ChargeChange, ChargeIdentity, ContactChange, ServiceRef, compare
from handbook.views.partnerships import Chair

EDITIONS = Path(__file__).resolve().parent.parent / "cases" / "editions"


@pytest.fixture(scope="module")
def report():
    return compare(load_handbook(EDITIONS / "2025-26"), load_handbook(EDITIONS / "2026-27"))


def _html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables"])


def test_markdown_price_table_flags_rises_above_threshold_in_words(report):
    html = _html(render_markdown(report))
    assert "<table>" in html
    row = next(r for r in html.split("<tr>") if "211 pupils and over" in r)
    assert "£2,050" in row and "£2,150" in row and "+4.9%" in row and "<strong>above 3.8%</strong>" in row
    calm = next(r for r in html.split("<tr>") if "0 to 210 pupils" in r)
    assert "+3.6%" in calm and "above" not in calm


def test_markdown_links_services_only_when_asked(report):
    assert "](" not in render_markdown(report)
    linked = render_markdown(report, service_url=lambda sid: f"services/{sid}.md")
    assert "[Music Education Service](services/music-education.md)" in linked
    assert "services/attendance-support.md" not in linked  # withdrawn: no page to link to


def test_markdown_heading_level_is_configurable_for_the_pdf(report):
    assert "\n### New services\n" in "\n" + render_markdown(report, heading_level=3)


def test_data_text_is_shown_as_typed_never_as_markup_or_template():
    hostile = "<script>alert(1)</script> {{ config }} *bold* [x](http://evil) | pipe"
    report = ChangeReport("2025-26", "2026-27", 3.0, services_added=[ServiceRef("evil", hostile, "traded")], charges=[ChargeChange("evil", hostile, "o", hostile, ChargeIdentity(hostile, parse_unit("per day"), (Setting.MAINTAINED,), None, None), "changed", Decimal(1), Decimal(2), 100.0, True)])
    text = render_markdown(report)
    assert "{{" not in text and "<script>" not in text
    html = _html(text)
    assert "<script>" not in html and "<em>" not in html and 'href="http://evil"' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # The table keeps its six cells although the text contains a pipe.
    row = next(r for r in html.split("<tbody>")[1].split("<tr>") if "alert" in r)
    assert row.count("<td") == 6


def test_first_edition_has_a_sentence_instead_of_a_report():
    assert "first edition" in render_markdown(None)


def test_nothing_changed_is_said_plainly():
    empty = ChangeReport("2025-26", "2026-27", 3.0)
    assert "Nothing has changed since the 2025-26 edition." in render_markdown(empty)
    assert render_text(empty).endswith("Nothing changed.")


def test_text_report_has_one_line_per_change_and_marks_rises(report):
    text = render_text(report)
    assert "1 service added, 1 service withdrawn" in text
    flagged = [line for line in text.splitlines() if line.startswith("  ! ")]
    assert len(flagged) == 1 and "211 pupils and over" in flagged[0]
    assert "  ~ Westmarch Schools Forum: chair now Mr J. Okoro, headteacher, Westmarch Academy" in text
    assert "  ~ director-childrens-services: Director of Children's Services: post-holder: now Dr Omar Reid" in text
    assert "  ~ schools-finance-manager: Schools Finance Manager: post-holder: was vacant, now Tom Ellis" in text


def test_money_and_escape_helpers():
    assert money(Decimal("1450")) == "£1,450" and money(Decimal("34.5")) == "£34.50" and money(None) == "price on application"
    assert md("a_b*c") == r"a\_b\*c"


def test_holder_and_chair_lines_say_what_changed_without_a_former_name():
    report = ChangeReport("2025-26", "2026-27", 3.0, contacts=[
        ContactChange("a", "Head of Audit", "holder", "vacant", None),
        ContactChange("b", "Head of HR", "holder", None, "vacant"),
        ContactChange("c", "Head of ICT", "holder", None, "Ann *Bold*"),
        ContactChange("d", "Head of Data", "email", None, "data@westmarch.example"),
        ContactChange("e", "Head of Pay", "phone", "01632 960 100", None),
    ], chairs=[
        ChairChange("g", "Finance Group", Chair(role_title="Schools Finance Manager"), Chair(vacant=True)),
        ChairChange("h", "Forum", None, Chair(person="Mr J. Okoro")),
        ChairChange("i", "Liaison Group", Chair(vacant=True), Chair()),
    ])
    text = render_text(report)
    assert "Head of Audit: post-holder: the post has been filled; the holder is not named" in text
    assert "Head of HR: post-holder: now vacant" in text and "Head of ICT: post-holder: now Ann *Bold*" in text
    assert "Head of Data: email: now data@westmarch.example" in text and "Head of Pay: phone: no longer given" in text
    assert "Finance Group: chair was Schools Finance Manager, now vacant" in text and "Forum: chair now Mr J. Okoro" in text
    assert "Liaison Group: chair was vacant, now a council officer" in text
    markdown_text = render_markdown(report)
    assert r"Head of ICT: post-holder: now Ann \*Bold\*" in markdown_text
    assert "Forum: chair now Mr J. Okoro" in markdown_text


def test_what_a_price_is_for_is_worded_here_with_the_sites_numbers():
    bigger = ChargeIdentity("Visit", parse_unit("per day"), (Setting.MAINTAINED, Setting.ACADEMY), Band(pupils_from=1000, pupils_to=2500), Phase.SECONDARY)
    report = ChangeReport("2025-26", "2026-27", 3.0, charges=[ChargeChange("s", "Service", "o", "Offer", bigger, "added", new_amount=Decimal(5))])
    assert "  + Service / Offer / Visit, per day, maintained schools, academies, 1,000 to 2,500 pupils, secondary: £5" in render_text(report)
    assert "Visit, per day, maintained schools, academies, 1,000 to 2,500 pupils, secondary: £5" in render_markdown(report)
