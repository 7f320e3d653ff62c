"""answers: a typed value -> its YAML spelling, the value the loader reads, and validation's words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from handbook.data.answers import NUMBER, answer_problem, character_problem, field_problem, list_problem, spell
from handbook.data.load import load_text
from handbook.data.model.contacts import Role
from handbook.data.model.services import Service


@pytest.mark.parametrize(
    ("typed", "kind", "spelled"),
    [
        ("Music Tuition", "text", "Music Tuition"),
        ("true", "text", "'true'"),  # a name, not yes/no
        ("2026", "text", "'2026'"),
        ("1.10", "text", "'1.10'"),
        ("yes", "text", "yes"),  # the loader keeps it text
        ("Lessons: in school", "text", "'Lessons: in school'"),
        ("Tuition # weekly", "text", "'Tuition # weekly'"),
        ("- a list?", "text", "'- a list?'"),
        ("@home", "text", "'@home'"),
        ("Dr O'Neill", "text", "Dr O'Neill"),
        ("'quoted' start", "text", "'''quoted'' start'"),
        ("34.50", NUMBER, "34.50"),
        ("£34", NUMBER, "£34"),
        ("2026-09-01", "text", "2026-09-01"),
    ],
)
def test_an_answer_is_spelled_so_the_loader_reads_back_what_was_typed(typed: str, kind: str, spelled: str):
    written, value = spell(typed, kind)
    assert written == spelled
    doc, problems = load_text(f"v: {written}\n", "answer.yaml")
    assert not problems and doc.value["v"] == value
    assert value == (Decimal(typed) if (kind, typed) == (NUMBER, "34.50") else typed)


def test_an_item_of_a_flow_list_is_quoted_where_the_list_would_read_it_otherwise():
    assert spell("primary", flow=True)[0] == "primary"
    assert spell("a [b]", flow=True)[0] == "'a [b]'"


def test_a_field_is_checked_by_the_model_in_validations_words():
    assert field_problem(Service, ("provision",), "trade") == "'trade' is not a known provision; did you mean 'traded'?"
    assert field_problem(Service, ("provision",), "traded") is None
    assert field_problem(Service, ("summary",), "Short") == "'Short' is too short (at least 10 characters)"
    assert field_problem(Service, ("offers", 0, "charges", 0, "unit"), "per dya") == "'per dya' is not a known unit; did you mean 'per day'?"
    assert field_problem(Role, ("email",), "not-an-address") == "'not-an-address' is not a valid e-mail address; write it like 'name@example.gov.uk'"
    assert answer_problem(Service, ("offers", 0, "charges", 0, "amount"), "12.345", NUMBER)[2] == "12.345 has more than two decimal places; round it to pence, e.g. 12.50"
    assert answer_problem(Service, ("offers", 0, "charges", 0, "amount"), "-3", NUMBER)[2].startswith("-3 must not be less than 0")


def test_a_list_is_checked_item_by_item_and_as_a_whole():
    spelled, problem = list_problem(Service, ("audience", "phases"), ["primary", "secondary"])
    assert (spelled, problem) == (["primary", "secondary"], None)
    assert "did you mean 'academy'?" in list_problem(Service, ("audience", "settings"), ["maintained", "academies"])[1]


def test_a_character_the_data_may_not_hold_is_named_as_the_loader_names_it():
    assert character_problem("Music\u202eTuition") == "the value holds U+202E RIGHT-TO-LEFT OVERRIDE, a bidi control, which can make text read differently from what it is; delete it"
    assert character_problem("Music Tuition") is None
    assert answer_problem(Service, ("name",), "Music\u202eTuition")[2].startswith("the value holds U+202E")
