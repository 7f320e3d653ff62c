from handbook.core.errors import Level
from tests.edit import codes, validate_edited

PER_ACADEMY = "unit: per academy per year"


def test_an_old_phrase_validates_with_a_located_warning_saying_what_to_write(tmp_path):
    result = validate_edited(tmp_path, {"services": [(PER_ACADEMY, "unit: per pupil")]})
    assert codes(result) == [("unit.legacy", "services[0].offers[0].charges[2].unit")]
    [warning] = result.problems
    assert (warning.level, warning.line, warning.col, warning.suggestion) == (Level.WARNING, 53, 19, "per pupil per year")
    assert warning.message.startswith("'per pupil' is how earlier editions wrote this unit, and it is read as 'per pupil per year'; write `per pupil per year`")
    assert "e.g. `per pupil per term`" in warning.message and "`per meal`, `per place per day`" in warning.message
    assert len(warning.message) < 400
    assert result.ok and result.handbook is not None


def test_builds_skip_the_warning_and_the_unit_is_read_as_a_yearly_rate(tmp_path):
    from handbook.data.validate import validate

    validate_edited(tmp_path, {"services": [(PER_ACADEMY, "unit: per pupil")]})
    result = validate(tmp_path / "data", warnings=False)
    assert result.problems == []
    charge = result.handbook.services.services[0].offers[0].charges[2]
    assert charge.unit.value == "per pupil per year" and charge.unit.legacy


def test_new_phrases_get_no_warning(tmp_path):
    result = validate_edited(tmp_path, {"services": [(PER_ACADEMY, "unit: per pupil per year")]})
    assert result.problems == []
