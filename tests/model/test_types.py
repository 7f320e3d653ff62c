import pytest
from pydantic import TypeAdapter, ValidationError

from handbook.model.types import EditionId, Phone, Slug


@pytest.mark.parametrize("number", ["01632 960 123", "01632960123", "+44 1632 960123", "0800 123 4567"])
def test_uk_phone_numbers_as_dialled_are_accepted(number):
    assert TypeAdapter(Phone).validate_python(number) == number


@pytest.mark.parametrize("number", ["ext 210", "960 123", "01632 960 123 456 789", "+1 555 0100"])
def test_other_phone_text_is_refused(number):
    with pytest.raises(ValidationError):
        TypeAdapter(Phone).validate_python(number)


def test_slugs_and_edition_ids():
    assert TypeAdapter(Slug).validate_python("school-meals") == "school-meals"
    for bad in ("School Meals", "meals-", "a"):
        with pytest.raises(ValidationError):
            TypeAdapter(Slug).validate_python(bad)
    assert TypeAdapter(EditionId).validate_python("2026-27") == "2026-27"
    with pytest.raises(ValidationError):
        TypeAdapter(EditionId).validate_python("2026")
