from tests.edit import codes, validate_edited


def test_open_ended_band_overlapping_an_earlier_band_is_an_error(tmp_path):
    result = validate_edited(tmp_path, {"services": [("pupils_from: 211", "pupils_from: 150")]})
    assert codes(result) == [("overlapping-band", "services[0].offers[0].charges[1].band")]
    assert "0–210" in result.problems[0].message


def test_overlapping_bands_for_different_settings_do_not_compete(tmp_path):
    result = validate_edited(tmp_path, {"services": [
        ("pupils_from: 211", "pupils_from: 150"),
        ("- amount: 2150\n            unit: per school per year\n            settings: [maintained]", "- amount: 2150\n            unit: per school per year\n            settings: [other-authority]"),
    ]})
    assert result.problems == []
