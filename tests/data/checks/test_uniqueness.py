from tests.edit import codes, validate_edited


def test_duplicate_role_id_names_the_line_of_the_first(tmp_path):
    result = validate_edited(tmp_path, {"contacts": [("  - id: schools-finance-manager", "  - id: head-school-improvement")]})
    assert ("duplicate-id", "roles[2].id") in codes(result)
    assert "already used on line 14" in result.problems[0].message


def test_duplicate_offer_id_within_a_service(tmp_path):
    extra = "      - id: finance-sla\n        name: Extra\n        kind: course\n        charges:\n          - amount: 10\n            unit: per session\n            settings: [maintained]\n            vat: exempt\n            valid_from: 2026-04-01\n    how_to_buy: Buy through"
    result = validate_edited(tmp_path, {"services": [("    how_to_buy: Buy through", extra)]})
    assert codes(result) == [("duplicate-id", "services[0].offers[1].id")]
