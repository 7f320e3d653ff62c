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


def test_a_price_for_free_schools_but_not_academies_is_an_error_saying_write_academy(tmp_path):
    result = validate_edited(tmp_path, {"services": [("settings: [academy]\n            vat: standard", "settings: [free-school]\n            vat: standard")]})
    assert codes(result) == [("settings.free-school", "services[0].offers[0].charges[2].settings[0]")]
    [problem] = result.problems
    assert (problem.line, problem.col, problem.suggestion) == (54, 24, "academy")
    assert "a free school pays what an academy pays" in problem.message and "write `academy`, which covers free schools" in problem.message
    assert result.handbook is None


def test_academy_and_free_school_together_are_allowed(tmp_path):
    result = validate_edited(tmp_path, {"services": [("settings: [academy]\n            vat: standard", "settings: [academy, free-school]\n            vat: standard")]})
    assert result.problems == []


def test_bands_compete_by_the_kinds_a_price_covers_not_the_words_written(tmp_path):
    """`[academy]` covers free schools, so it competes with a price for `[free-school]` (itself an error)."""
    result = validate_edited(tmp_path, {"services": [
        ("pupils_from: 211", "pupils_from: 150"),
        ("- amount: 1450\n            unit: per school per year\n            settings: [maintained]", "- amount: 1450\n            unit: per school per year\n            settings: [academy]"),
        ("- amount: 2150\n            unit: per school per year\n            settings: [maintained]", "- amount: 2150\n            unit: per school per year\n            settings: [free-school]"),
    ]})
    assert sorted(codes(result)) == [("overlapping-band", "services[0].offers[0].charges[1].band"), ("settings.free-school", "services[0].offers[0].charges[1].settings[0]")]
