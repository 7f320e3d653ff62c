import pytest
from pydantic import ValidationError

from handbook.data.model.structure import Unit


def test_a_unit_is_a_directorate_service_or_team():
    assert Unit(id="finance-team", name="Finance", kind="team", parent="business").kind.value == "team"
    with pytest.raises(ValidationError):
        Unit(id="finance-team", name="Finance", kind="department")


def test_sample_structure_has_one_top_directorate(sample_handbook):
    tops = [u for u in sample_handbook.structure.units if u.parent is None]
    assert [u.kind.value for u in tops] == ["directorate"]
