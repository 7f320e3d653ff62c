from tests.edit import codes, validate_edited


def test_public_service_cannot_list_an_internal_contact(tmp_path):
    result = validate_edited(tmp_path, {"services": [("contacts: [schools-finance-manager]", "contacts: [investigations-officer]")]})
    assert codes(result) == [("internal-reference", "services[0].contacts[0]")]


def test_public_service_cannot_link_an_internal_service(tmp_path):
    result = validate_edited(tmp_path, {"services": [("related: [school-improvement-monitoring]", "related: [fraud-review]")]})
    assert codes(result) == [("internal-reference", "services[0].related[0]")]


def test_internal_service_may_use_internal_contacts(tmp_path):
    points_inward = [("contacts: [schools-finance-manager]", "contacts: [investigations-officer]"), ("related: [school-improvement-monitoring]", "related: [fraud-review]")]
    # Public, the service may not point at them; made internal, the same references are allowed.
    assert codes(validate_edited(tmp_path / "public", {"services": points_inward})) == [
        ("internal-reference", "services[0].contacts[0]"),
        ("internal-reference", "services[0].related[0]"),
    ]
    made_internal = points_inward + [("keywords: [budget, accountant]\n", "keywords: [budget, accountant]\n    visibility: internal\n")]
    assert validate_edited(tmp_path / "internal", {"services": made_internal}).problems == []


def test_the_accessibility_statement_cannot_name_an_internal_contact_point(tmp_path):
    from tests.data.checks.test_references import statement_edit

    edits = statement_edit() | {"contacts": [("    hours: Monday to Friday, 8.30am to 5pm\n", "    hours: Monday to Friday, 8.30am to 5pm\n    visibility: internal\n")]}
    assert codes(validate_edited(tmp_path, edits)) == [("internal-reference", "accessibility.contact")]
