"""The unit grammar: `per <thing> [per <period>]` or `flat fee`, with the old phrases still read."""

import pytest
from pydantic import ValidationError

from handbook.data.model.services import Charge
from handbook.data.model.units import LEGACY, Counted, Period, Source, Unit, all_units, parse_unit

BASE = {"amount": 450, "settings": ["maintained"], "vat": "exempt", "valid_from": "2026-04-01"}

# Every phrase earlier editions could write (the closed list before units had a grammar).
OLD_PHRASES = [
    "per day", "per half day", "per twilight", "per session", "per delegate per half day", "per pupil",
    "per place per day", "per school per year", "per academy per year", "per hour", "flat fee",
]


@pytest.mark.parametrize("phrase", all_units())
def test_every_phrase_of_the_grammar_parses_and_prints_back(phrase):
    unit = parse_unit(phrase)
    assert (unit.value, str(unit), unit.legacy) == (phrase, phrase, False)
    assert Charge(unit=phrase, **BASE).unit == unit
    assert Charge(unit=phrase, **BASE).model_dump(mode="json")["unit"] == phrase


def test_all_units_are_distinct_and_hold_no_old_phrase():
    units = all_units()
    assert len(units) == len(set(units)) and not set(units) & set(LEGACY)
    assert units[0] == "flat fee"


@pytest.mark.parametrize("phrase", OLD_PHRASES)
def test_every_old_phrase_still_validates(phrase):
    unit = Charge(unit=phrase, **BASE).unit
    if phrase in LEGACY:
        assert unit.legacy and unit.written == phrase and unit.value == LEGACY[phrase][0]
    else:
        assert not unit.legacy and unit.value == phrase


def test_per_pupil_is_read_as_a_yearly_rate_for_each_pupil_on_roll():
    unit = parse_unit("per pupil")
    assert (unit.per, unit.period, unit.value) == (Counted.PUPIL, Period.YEAR, "per pupil per year")
    assert unit == parse_unit("per pupil per year")  # the same unit; only its warning differs
    assert "per pupil per year" in LEGACY["per pupil"][1]


def test_the_issues_examples_are_units():
    assert (parse_unit("per pupil per day").per, parse_unit("per pupil per day").period) == (Counted.PUPIL, Period.DAY)
    assert (parse_unit("per delegate per half day").per, parse_unit("per delegate per half day").period) == (Counted.DELEGATE, Period.HALF_DAY)
    assert (parse_unit("per academy per year").per, parse_unit("per academy per year").period) == (Counted.ACADEMY, Period.YEAR)
    assert (parse_unit("per half day").per, parse_unit("per half day").period) == (Counted.HALF_DAY, None)
    assert parse_unit("flat fee") == Unit()


def test_case_and_spaces_do_not_matter_and_print_canonically():
    assert parse_unit("  Per  Pupil per\tDay ").value == "per pupil per day"


@pytest.mark.parametrize(
    ("written", "nearest"),
    [
        ("per dya", "per day"),
        ("per pupils per day", "per pupil per day"),
        ("per delegate per halfday", "per delegate per half day"),
        ("per acadmy per year", "per academy per year"),
        ("per licence per yaer", "per licence per year"),
        ("flat-fee", "flat fee"),
        ("per meals", "per meal"),
        ("zzz", ""),
    ],
)
def test_a_misspelt_unit_names_the_nearest(written, nearest):
    with pytest.raises(ValueError) as caught:
        parse_unit(written)
    assert str(caught.value) == f"unit:{nearest}"


@pytest.mark.parametrize("written", ["per day per day", "per day per half day", "per half day per day", "per pupil per fortnight", "per", "pupil", "per pupil per"])
def test_phrases_outside_the_grammar_are_refused(written):
    with pytest.raises(ValueError, match="^unit:"):
        parse_unit(written)


@pytest.mark.parametrize("value", [5, None, ["per day"], {"per": "day"}])
def test_a_unit_that_is_not_text_is_refused(value):
    with pytest.raises(ValidationError):
        Charge(unit=value, **BASE)


def test_each_counted_thing_says_where_its_number_comes_from():
    assert Counted.PUPIL.source is Source.ROLL
    assert {c for c in Counted if c.source is Source.ONE} == {Counted.SCHOOL, Counted.ACADEMY}
    assert {c for c in Counted if c.source is Source.CHOSEN} == set(Counted) - {Counted.PUPIL, Counted.SCHOOL, Counted.ACADEMY}


def test_periods_say_how_many_make_a_year_where_a_school_has_one():
    assert {p: p.per_year for p in Period} == {
        Period.YEAR: 1, Period.TERM: 3, Period.MONTH: 12, Period.WEEK: None, Period.DAY: None, Period.HALF_DAY: None,
    }


def test_the_officers_guide_lists_every_thing_and_period_and_every_old_phrase():
    """The guide's units tables (docs/officers-guide.md) follow the grammar: a row per thing and period."""
    from pathlib import Path

    guide = (Path(__file__).resolve().parents[3] / "docs" / "officers-guide.md").read_text(encoding="utf-8")
    section = guide[guide.index("## Units and kinds of school") :]
    section = section[: section.index("\n## ")]
    for thing in Counted:
        assert f"\n| `{thing.value}` | " in section, thing
    assert "the school's roll" in section and "the school itself: one" in section and "a number the school chooses" in section
    for period in Period:
        assert f"\n| `… per {period.value}` | " in section, period
    for phrase in OLD_PHRASES:
        assert f"`{phrase}`" in section, phrase
    for phrase, (read_as, _) in LEGACY.items():
        assert f"\n| `{phrase}` | `{read_as}` " in section, phrase
    assert "`academy` covers free schools" in section
