from handbook.data.messages import did_you_mean, nearest, type_at
from handbook.data.model.services import ServicesFile
from handbook.data.model.units import Unit, all_units


def test_nearest_finds_the_closest_known_name_or_none():
    assert nearest("per dya", all_units()) == "per day"
    assert nearest("zzz", ["per day"]) is None


def test_did_you_mean_words_a_suggestion_and_nothing_for_none():
    assert did_you_mean("per day") == "; did you mean 'per day'?"
    assert did_you_mean(None) == ""


def test_type_at_follows_lists_and_optional_fields():
    assert type_at(ServicesFile, ("services", 0, "offers", 0, "charges", 0, "unit")) is Unit
    assert type_at(ServicesFile, ("services", 0, "nonsense")) is None


import pytest
from pydantic import ValidationError

from handbook.data.messages import MAX_SHOWN, explain, ordinal, shorten, shown
from handbook.data.model.contacts import ContactsFile
from handbook.data.model.services import Charge

HUGE = "x" * 1_000_000


def test_a_value_is_shown_at_most_max_shown_characters_long():
    assert shorten("abc") == "abc" and len(shorten(HUGE)) == MAX_SHOWN and shorten(HUGE).endswith("…")
    assert shown("it's") == '"it\'s"' and shown(True) == "true" and shown(12) == "12"
    assert len(shown(HUGE)) <= MAX_SHOWN + 2


def _explained(model, value):
    with pytest.raises(ValidationError) as error:
        model.model_validate(value)
    return [explain(model, detail) for detail in error.value.errors(include_url=False)]


CHARGE = {"amount": 450, "unit": "per day", "settings": ["maintained"], "vat": "exempt", "valid_from": "2026-04-01"}


@pytest.mark.parametrize(
    "changes",
    [
        {"unit": HUGE},
        {"amount": HUGE},
        {"valid_from": HUGE},
        {"label": HUGE},
        {"settings": [HUGE]},
        {"discount": HUGE},
        {"price_on_application": HUGE},
        {HUGE: 1},
    ],
    ids=["enum", "money", "date", "name", "list-enum", "text", "flag", "key"],
)
def test_a_megabyte_value_makes_a_one_line_message(changes):
    for e in _explained(Charge, {**CHARGE, **changes}):
        assert len(e.message) < 400, (e.code, e.message[:200])


def test_a_value_over_a_limit_gives_its_length_the_limit_and_shorten_it():
    [(_, message, code, *_)] = _explained(Charge, {**CHARGE, "label": "y" * 121})
    assert (message, code) == ("label is 121 characters long; the handbook's limit is 120; shorten it", "too-long")


def test_a_list_over_its_limit_says_how_many_and_the_limit():
    from handbook.core import limits

    roles = [{"id": f"r-{i}", "title": "T", "team": "t", "email": "a@b.org"} for i in range(limits.MAX_RECORDS + 1)]
    [(_, message, code, *_)] = _explained(ContactsFile, {"roles": roles})
    assert code == "too-many" and message == f"roles has {limits.MAX_RECORDS + 1:,} entries; the handbook's limit is {limits.MAX_RECORDS:,}; remove some"


@pytest.mark.parametrize(
    ("amount", "sentence"),
    [
        ("1e3", "'1e3' is written with an exponent (e), which may not be the number you mean; write 1000"),
        ("012", "'012' starts with 0, which may not be the number you mean; write 12"),
        ("1_000", "'1_000' has underscores in it, which some programs read as a number and some do not; write 1000"),
        ("0x10", "'0x10' is not a number; write digits only, e.g. 450 or 1250.50"),
        (".5", "'.5' needs a digit on each side of the point; write 0.5"),
        ("1,250.50", "'1,250.50' has '£' or commas in it; write 1250.50"),
        ("9" * 5000, "this number is 5,000 characters long, longer than any number the handbook takes; shorten it"),
    ],
)
def test_numbers_that_may_not_mean_what_they_seem_say_what_to_write(amount, sentence):
    [(_, message, *_)] = _explained(Charge, {**CHARGE, "amount": amount})
    assert message == sentence


def test_a_yes_no_field_says_write_true_or_false():
    [(_, message, code, *_)] = _explained(Charge, {**CHARGE, "price_on_application": "yes"})
    assert (message, code) == ("'yes' is not true or false; write true or false", "not-boolean")
    [(_, message, *_)] = _explained(Charge, {**CHARGE, "price_on_application": "true"})
    assert message == "'true' is in quotes, so it is text; write true or false without quotes"


def test_an_http_address_without_a_reason_is_pointed_at_the_address():
    from handbook.data.model.publications import Channel

    [(loc, message, code, at_key, *_)] = _explained(Channel, {"id": "portal", "name": "Portal", "description": "d", "url": "http://x.example/"})
    assert (loc, code, at_key) == (("url",), "http-url", False)
    assert message.startswith("this address starts with http://, which is not secure; write https:// if the site has it, or add `http_reason:`")


def test_ordinals_read_as_english():
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 1002)] == ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "1,002nd"]


def test_a_misspelt_choice_carries_its_suggestion_as_a_field():
    [explained] = _explained(Charge, {**CHARGE, "unit": "per dya"})
    assert (explained.code, explained.suggestion) == ("unknown-choice", "per day")
    assert explained.message.endswith("; did you mean 'per day'?")


def test_a_missing_field_names_itself_as_a_field():
    [explained] = _explained(Charge, {k: v for k, v in CHARGE.items() if k != "unit"})
    assert (explained.code, explained.missing, explained.suggestion) == ("missing-field", "unit", None)


def test_a_unit_with_no_near_phrase_says_how_units_are_written():
    [explained] = _explained(Charge, {**CHARGE, "unit": "by arrangement"})
    assert (explained.code, explained.suggestion) == ("unknown-choice", None)
    assert explained.message.startswith("'by arrangement' is not a known unit; write `per <thing>` or `per <thing> per <period>`")
    assert "Things: pupil, place, delegate" in explained.message and "periods: year, term, month" in explained.message


def test_a_unit_that_is_not_text_is_explained_without_a_suggestion():
    [explained] = _explained(Charge, {**CHARGE, "unit": 12})
    assert (explained.code, explained.suggestion) == ("unknown-choice", None)
    assert explained.message.startswith("12 is not a known unit; write `per <thing>`")


import re
import typing

from pydantic_core.core_schema import ErrorType

from handbook.data.messages import KNOWN_KINDS
from handbook.data.model.services import ServicesFile

PYDANTIC_KINDS = typing.get_args(ErrorType)
INTERNAL_WORDS = ("Input should be", "Extra inputs", "Field required", "Value error", "validation error", "Traceback", "pydantic", "ctx", "None", "_type", "_error", "_parsing")
# pydantic's context keys with values as it gives them; and no context at all.
CONTEXTS = [{}, {"gt": 0, "ge": 0, "lt": 10, "le": 10, "min_length": 1, "max_length": 5, "actual_length": 7, "pattern": "^[a-z]+$", "expected": "'a' or 'b'", "error": "odd", "multiple_of": 5, "max_digits": 8, "decimal_places": 2, "whole_digits": 6, "class_name": "Thing", "attribute": "x"}]
LOCS = [("services", 0, "audience", "settings", 1), ("services", 0, "name"), ("services",), ()]
VALUES = ["academies", 12, None, [1], {"a": 1}, True, "x" * 1000]


def test_the_table_words_every_kind_of_error_pydantic_has():
    assert set(PYDANTIC_KINDS) <= KNOWN_KINDS, sorted(set(PYDANTIC_KINDS) - KNOWN_KINDS)


@pytest.mark.parametrize("kind", PYDANTIC_KINDS)
def test_every_kind_of_pydantic_error_reads_as_a_plain_sentence_without_placeholders(kind):
    for ctx in CONTEXTS:
        for loc in LOCS:
            for value in VALUES:
                detail = {"type": kind, "loc": loc, "input": value, "ctx": ctx, "msg": "Input should be a valid thing [type=x]"}
                message = explain(ServicesFile, detail).message
                assert not any(word in message for word in INTERNAL_WORDS), (kind, loc, value, message)
                assert "{" not in message and "}" not in message and ("_" not in kind or kind not in message), (kind, message)
                assert not re.search(r"\bknown \d", message) and "\n" not in message and len(message) < 400, (kind, message)


def test_a_misspelt_choice_in_a_list_names_the_kind_of_choice_not_its_index():
    detail = {"type": "enum", "loc": ("services", 0, "audience", "settings", 1), "input": "academies", "ctx": {"expected": "'maintained'"}}
    assert explain(ServicesFile, detail).message == "'academies' is not a known kind of school; did you mean 'academy'?"
