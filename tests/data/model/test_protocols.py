import json

from handbook.data.model.protocols import ConcernLevel, ProtocolsFile


def test_the_concern_framework_has_no_place_for_which_school_is_at_which_level():
    # The register is confidential: the model must not be able to hold it, even by mistake.
    schema = json.dumps(ProtocolsFile.model_json_schema()).lower()
    for word in ("school_name", "urn", "register", "schools_at"):
        assert word not in schema
    assert "school" not in " ".join(ConcernLevel.model_fields)


def test_levels_are_ordered_by_their_number(sample_handbook):
    levels = [lvl.level for lvl in sample_handbook.protocols.concern_framework.levels]
    assert levels == sorted(levels) and len(levels) >= 2
