import datetime as dt

from handbook.core.errors import Level
from tests.edit import codes, validate_edited


def test_overdue_service_and_contact_reviews_are_warnings(tmp_path):
    result = validate_edited(tmp_path, {"contacts": [("    review_due: 2027-06-01\n  - id: head", "    review_due: 2026-10-01\n  - id: head")]}, today=dt.date(2026, 11, 1))
    assert codes(result) == [("review-overdue", "roles[0].review_due")]
    assert result.problems[0].level is Level.WARNING and result.ok


def test_review_due_today_is_not_overdue(tmp_path):
    assert validate_edited(tmp_path, {}, today=dt.date(2027, 5, 1)).problems == []


def test_a_statement_not_reviewed_for_a_year_is_a_warning(tmp_path):
    from tests.data.checks.test_references import statement_edit

    assert codes(validate_edited(tmp_path / "a", statement_edit(reviewed="2025-11-01"))) == []
    result = validate_edited(tmp_path / "b", statement_edit(reviewed="2025-10-31"))
    assert codes(result) == [("review-overdue", "accessibility.last_reviewed")]
    assert result.problems[0].level.value == "warning"
