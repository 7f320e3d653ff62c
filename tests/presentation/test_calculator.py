"""The school's own view as HTML: hidden until its script runs, the engine's data and the quote's words inert inside it."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from handbook.data.model.types import Phase, Setting
from handbook.presentation import calculator
from handbook.presentation.quote import LIMIT_WORDS, reason_words
from handbook.views.catalogue import public_services
from handbook.views.quote import Reason, School, calculator_data
from tests.views.test_quote import charge, service


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(str(html), "html.parser")


def _words_for(words: dict, reason: Reason, school: School) -> str:
    """How school.js picks the words (reasonWords), in Python."""
    if reason in (Reason.NOT_FOR_PHASE, Reason.NOT_OFFERED_PHASE):
        return words["phase"][school.phase.value][reason.value]
    if reason in (Reason.NOT_FOR_KIND, Reason.NOT_OFFERED_KIND):
        return words["kind"][school.kind.value][reason.value]
    if reason is Reason.NO_BAND:
        return words["no_band"][0] if school.pupils == 1 else words["no_band"][1].replace("{n}", f"{school.pupils:,}")
    return words["fixed"][reason.value]


@pytest.mark.parametrize("pupils", [0, 1, 2, 999, 1000, 12345, 100_000])
def test_the_scripts_words_are_the_quote_commands_for_every_school(pupils):
    words = calculator.school_words()
    for phase in Phase:
        for kind in Setting:
            school = School(phase, kind, pupils)
            for reason in Reason:
                assert _words_for(words, reason, school) == reason_words(reason, school), (reason, school)
    assert words["limits"] == LIMIT_WORDS


def test_the_view_is_hidden_until_the_script_runs_and_carries_the_engines_data(sample_handbook):
    services = public_services(sample_handbook)
    soup = _soup(calculator.school_view(services, "catalogue"))
    container = soup.select_one("div.hb-school")
    assert container.has_attr("hidden") and container["data-hb-school"] == "catalogue"
    assert json.loads(soup.select_one("script#hb-prices").string) == json.loads(json.dumps(calculator_data(services)))
    assert json.loads(container["data-hb-words"]) == calculator.school_words()
    assert container.select_one("[data-hb-pays]") is None  # the catalogue has cards, not an items table
    assert container.select_one("[data-hb-basket]") is not None


def test_a_service_page_has_the_items_table_under_its_charges_heading(sample_handbook):
    soup = _soup(calculator.school_view(public_services(sample_handbook)[:1], "service"))
    assert soup.select_one("[data-hb-pays] h3").get_text() == "What your school pays"
    assert soup.select_one("[data-hb-basket] h3").get_text() == "Your basket"


def test_every_control_has_its_own_label_and_none_repeats_the_catalogue_filters():
    soup = _soup(calculator.school_view([], "catalogue"))
    controls = soup.select("select, input")
    assert [c["name"] for c in controls] == ["school-phase", "school-kind", "roll"]  # not the filters' names
    for control in controls:
        label = soup.select_one(f'label[for="{control["id"]}"]').get_text()
        # The filters are labelled "Phase" and "Kind of service"; one label names one control.
        assert "phase" not in label.lower() and "kind of service" not in label.lower()
    assert [o["value"] for o in soup.select("#hb-school-phase option")] == [""] + [p.value for p in Phase]
    assert [o["value"] for o in soup.select("#hb-school-kind option")] == [""] + [k.value for k in Setting]


def test_a_hostile_name_stays_inert_text_in_the_json():
    hostile = "</script><script>alert(1)</script> & <b>"
    svc = service(charge("10", label=hostile), id="hostile").model_copy(update={"name": hostile})
    html = str(calculator.school_view([svc], "service"))
    assert "<script>alert" not in html and "</script><script>" not in html
    soup = _soup(html)
    data = json.loads(soup.select_one("script#hb-prices").string)
    assert data["services"][0][1] == hostile and data["services"][0][5][0][1] == hostile


def test_the_markup_has_no_blank_line_which_would_end_a_raw_html_block_in_markdown(sample_handbook):
    html = str(calculator.school_view(public_services(sample_handbook)[:3], "service"))
    assert "\n\n" not in html
