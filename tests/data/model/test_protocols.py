import json

import pytest
from pydantic import ValidationError

from handbook.data.model.protocols import ConcernFramework, ConcernLevel, ProtocolsFile


def test_the_concern_framework_has_no_place_for_which_school_is_at_which_level():
    # The register is confidential: the model must not be able to hold it, even by mistake.
    schema = json.dumps(ProtocolsFile.model_json_schema()).lower()
    for word in ("school_name", "urn", "register", "schools_at"):
        assert word not in schema
    assert "school" not in " ".join(ConcernLevel.model_fields)


def level(number: int) -> dict:
    return {"level": number, "name": f"Level {number}", "triggers": ["t"], "support": ["s"], "expected_improvement": "e", "timescale": "a term"}


def test_a_framework_has_two_to_nine_levels_numbered_one_to_nine_kept_in_the_order_written():
    # The model keeps the officer's order; views.protocols.concern_framework sorts for the page.
    assert [lv.level for lv in ConcernFramework(introduction="i", levels=[level(3), level(1)]).levels] == [3, 1]
    assert len(ConcernFramework(introduction="i", levels=[level(n) for n in range(1, 10)]).levels) == 9
    for bad in ([level(1)], [level(n) for n in range(1, 11)], [level(0), level(1)], [level(1), level(10)]):
        with pytest.raises(ValidationError):
            ConcernFramework(introduction="i", levels=bad)
