from tests.edit import codes, validate_edited


def test_previous_edition_folder_must_exist(tmp_path):
    result = validate_edited(tmp_path, {"authority": [("  number: 4\n", "  number: 4\n  previous: archive/2024-25\n")]})
    assert codes(result) == [("missing-previous", "edition.previous")]
    assert "archive/2024-25" in result.problems[0].message
    assert result.ok, "a copy of one edition without its archive must still validate"
