import pytest
from pydantic import ValidationError

from handbook.data.model.partnerships import Chair


def test_a_chair_is_a_role_a_person_or_vacant_exactly_once():
    assert Chair(role="head-of-x").role == "head-of-x"
    assert Chair(person="Mrs A. Patel, Hollins Primary").person
    assert Chair(vacant=True).vacant
    for bad in ({}, {"role": "head-of-x", "vacant": True}, {"role": "head-of-x", "person": "B"}):
        with pytest.raises(ValidationError, match="chair-one-of"):
            Chair(**bad)


def test_a_meeting_ending_before_it_starts_or_without_a_start_is_reported(tmp_path):
    from tests.edit import codes, validate_edited

    result = validate_edited(tmp_path, {"partnerships": [("    meets: five times a year\n", '    meets: five times a year\n    meetings:\n      - date: 2026-10-08\n        ends: "18:00"\n      - date: 2026-10-09\n        starts: "9:00"\n')]})
    assert codes(result) == [("meeting-times", "groups[0].meetings[0].ends"), ("bad-format", "groups[0].meetings[1].starts")]
    assert "24-hour clock" in result.problems[1].message
