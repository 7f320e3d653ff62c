from tests.edit import codes, validate_edited


def test_duplicate_role_id_names_the_line_of_the_first(tmp_path):
    result = validate_edited(tmp_path, {"contacts": [("  - id: schools-finance-manager", "  - id: head-school-improvement")]})
    assert ("duplicate-id", "roles[2].id") in codes(result)
    assert "already used on line 14" in result.problems[0].message


def test_duplicate_offer_id_within_a_service(tmp_path):
    extra = "      - id: finance-sla\n        name: Extra\n        kind: course\n        charges:\n          - amount: 10\n            unit: per session\n            settings: [maintained]\n            vat: exempt\n            valid_from: 2026-04-01\n    how_to_buy: Buy through"
    result = validate_edited(tmp_path, {"services": [("    how_to_buy: Buy through", extra)]})
    assert codes(result) == [("duplicate-id", "services[0].offers[1].id")]


def test_two_services_with_one_number_in_a_category_are_an_error_at_the_second(data_copy):
    from handbook.data.validate import validate

    path = data_copy / "services.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: child-employment\n    number: 2\n")
    path.write_text(text.replace("  - id: child-employment\n    number: 2\n", "  - id: child-employment\n    number: 1\n"), encoding="utf-8")
    problems = [p for p in validate(data_copy).errors if p.code == "duplicate-number"]
    assert len(problems) == 1
    assert problems[0].line == text[:start].count("\n") + 2 and problems[0].path == "services[5].number"
    assert "already used in the category 'access-and-attendance'" in problems[0].message
