from tests.edit import codes, validate_edited


def test_dangling_contact_suggests_the_nearest_id(tmp_path):
    result = validate_edited(tmp_path, {"services": [("contacts: [schools-finance-manager]", "contacts: [schools-finance-manger]")]})
    assert codes(result) == [("dangling-reference", "services[0].contacts[0]")]
    assert "did you mean 'schools-finance-manager'?" in result.problems[0].message
    assert result.problems[0].suggestion == "schools-finance-manager"


def test_reference_to_an_entry_with_its_own_error_is_not_reported_twice(tmp_path):
    # The role is invalid (bad e-mail) but exists: only the e-mail is reported.
    result = validate_edited(tmp_path, {"contacts": [("email: school.improvement@westmarch.example", "email: nope")]})
    assert codes(result) == [("bad-email", "roles[1].email")]


def test_related_service_and_owner_and_chair_must_exist(tmp_path):
    result = validate_edited(tmp_path, {
        "services": [("related: [school-improvement-monitoring]", "related: [school-improvement-monitor]"), ("owner: school-improvement\n", "owner: improvement\n")],
        "protocols": [("who: head-school-improvement", "who: head-of-schools")],
    })
    assert codes(result) == [
        ("dangling-reference", "steps" and "protocols[0].steps[1].who"),
        ("dangling-reference", "services[0].related[0]"),
        ("dangling-reference", "services[1].owner"),
    ]


def test_a_service_cannot_be_related_to_itself(tmp_path):
    result = validate_edited(tmp_path, {"services": [("related: [school-improvement-monitoring]", "related: [school-finance-support]")]})
    assert codes(result) == [("self-reference", "services[0].related[0]")]
