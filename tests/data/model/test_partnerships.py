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
