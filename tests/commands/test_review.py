"""handbook review: overdue and soon-due reviews, most overdue first, with owners and locations."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from handbook.commands.cli import main
from handbook.commands.review import due_items, render_review
from handbook.core.errors import HandbookUserError

EDITIONS = Path(__file__).resolve().parents[1] / "cases" / "editions"


@pytest.fixture()
def edition(tmp_path: Path) -> Path:
    """The 2026-27 fixture edition with a spread of review dates."""
    folder = tmp_path / "data"
    shutil.copytree(EDITIONS / "2026-27", folder)
    services = folder / "services.yaml"
    text = services.read_text()
    # music-education overdue by 61 days; governor-services due in 10 days (from 2026-11-01).
    text = text.replace("    contacts: [music-lead]\n    owner: school-improvement\n    last_reviewed: 2026-05-01\n    review_due: 2027-05-01", "    contacts: [music-lead]\n    owner: school-improvement\n    last_reviewed: 2025-09-01\n    review_due: 2026-09-01")
    text = text.replace("    how_to_buy: Book through the governor services team.\n    contacts: [head-school-improvement]\n    owner: school-improvement\n    last_reviewed: 2026-05-01\n    review_due: 2027-05-01", "    how_to_buy: Book through the governor services team.\n    contacts: [head-school-improvement]\n    owner: school-improvement\n    last_reviewed: 2026-05-01\n    review_due: 2026-11-11")
    services.write_text(text)
    contacts = folder / "contacts.yaml"
    # the director's contact details overdue by 31 days
    contacts.write_text(contacts.read_text().replace("      name: Dr Omar Reid\n      consent_to_publish: true\n", "      name: Dr Omar Reid\n      consent_to_publish: true\n    last_reviewed: 2025-10-01\n    review_due: 2026-10-01\n"))
    return folder


TODAY = dt.date(2026, 11, 1)


def test_lists_overdue_and_soon_due_most_overdue_first_with_owners(edition: Path):
    items = due_items(edition, within_days=30, today=TODAY)
    assert [(i.kind, i.id, i.days_left) for i in items] == [
        ("service", "music-education", -61),
        ("contact", "director-childrens-services", -31),
        ("service", "governor-services", 10),
    ]
    assert items[0].owner == "School Improvement Team (led by the Head of School Improvement)"
    assert items[1].owner == "Children's Services Directorate (led by the Director of Children's Services)"
    assert items[0].overdue and not items[2].overdue


def test_each_item_points_at_the_line_of_its_review_date(edition: Path):
    for item in due_items(edition, within_days=30, today=TODAY):
        file, line = item.where.rsplit(":", 1)
        assert Path(file).read_text().splitlines()[int(line) - 1].strip().startswith("review_due:")


def test_within_days_widens_the_window(edition: Path):
    assert len(due_items(edition, within_days=0, today=TODAY)) == 2
    assert len(due_items(edition, within_days=400, today=TODAY)) > 3


def test_internal_records_are_listed_for_officers_and_marked(edition: Path):
    services = edition / "services.yaml"
    # governor-services (due in 10 days) made internal; the internal investigations officer due in 20.
    services.write_text(services.read_text().replace("    review_due: 2026-11-11\n", "    review_due: 2026-11-11\n    visibility: internal\n"))
    contacts = edition / "contacts.yaml"
    contacts.write_text(contacts.read_text().replace("    email: counter.fraud@westmarch.example\n    visibility: internal\n", "    email: counter.fraud@westmarch.example\n    visibility: internal\n    last_reviewed: 2025-11-21\n    review_due: 2026-11-21\n"))
    items = due_items(edition, within_days=30, today=TODAY)
    assert [(i.id, i.internal) for i in items] == [
        ("music-education", False),
        ("director-childrens-services", False),
        ("governor-services", True),
        ("investigations-officer", True),
    ]
    text = render_review(items)
    assert "service 'Governor Services' [governor-services] (internal)" in text
    assert "contact 'Investigations Officer (internal)' [investigations-officer] (internal)" in text
    assert "[music-education] (internal)" not in text


def test_render_says_when_nothing_is_due():
    assert render_review([], within_days=30) == "No reviews are overdue or due in the next 30 days."


def test_render_shows_overdue_days_owner_and_location(edition: Path):
    text = render_review(due_items(edition, within_days=30, today=TODAY))
    assert text.splitlines()[0] == "2 overdue, 1 due soon; most overdue first."
    assert "OVERDUE by 61 days (due 1 September 2026): service 'Music Education Service' [music-education]" in text
    assert "due in 10 days (due 11 November 2026)" not in text and "due in 10 days (11 November 2026)" in text


def test_data_with_errors_is_a_user_error(edition: Path):
    (edition / "services.yaml").write_text((edition / "services.yaml").read_text().replace("unit: per hour", "unit: per hr", 1))
    with pytest.raises(HandbookUserError, match="handbook validate"):
        due_items(edition, today=TODAY)


def test_cli_review_lists_the_sample_data_reviews(capsys: pytest.CaptureFixture[str], sample_data: Path):
    assert main(["review", "--data", str(sample_data), "--within", "3650"]) == 0
    out = capsys.readouterr().out
    assert "most overdue first" in out and "owner:" in out
