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


STATEMENT = """
accessibility:
  status: partial
  contact: {contact}
  reply_within_days: 10
  prepared: {reviewed}
  last_reviewed: {reviewed}
  last_tested: 2026-08-18
  tested_by: the digital team
  known_issues:
    - content: The PDF edition
      problem: It does not reflow.
      reason: non-compliance
"""


def statement_edit(contact: str = "schools-contact-centre", reviewed: str = "2026-08-20") -> dict:
    """An edit for `validate_edited` that gives the minimal handbook an accessibility statement."""
    return {"authority": [("  rise_threshold_percent: 3.8\n", "  rise_threshold_percent: 3.8\n" + STATEMENT.format(contact=contact, reviewed=reviewed))]}


def test_the_accessibility_statement_s_contact_must_be_a_contact_point(tmp_path):
    assert codes(validate_edited(tmp_path / "a", statement_edit())) == []
    result = validate_edited(tmp_path / "b", statement_edit("schools-contact-center"))
    assert codes(result) == [("dangling-reference", "accessibility.contact")]
    assert "did you mean 'schools-contact-centre'?" in result.problems[0].message
    assert result.problems[0].file.endswith("authority.yaml") and result.problems[0].line > 1
