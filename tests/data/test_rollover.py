"""`handbook edition start`'s engine: the archive, the edition's values, the dates, the refusals."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from handbook.core.errors import HandbookUserError
from handbook.data.rollover import start_edition
from handbook.data.validate import load_handbook, validate
from handbook.views.changes import compare


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_edition_is_archived_unchanged_and_the_data_moves_on_a_year(data_copy: Path, sample_data: Path):
    before = {p.name: p.read_text(encoding="utf-8") for p in sample_data.glob("*.yaml")}
    result = start_edition(data_copy, "2027-28")
    archive = data_copy / "archive" / "2026-27"
    # The archive is the edition as published: only its schema path and `previous` made relative to where it now is.
    for name, text in before.items():
        archived = (archive / name).read_text(encoding="utf-8")
        expected = text.replace("$schema=../schema/", "$schema=../../../schema/", 1)
        if name == "authority.yaml":
            expected = expected.replace("  previous: archive/2025-26\n", "  previous: ../2025-26\n")
        assert archived == expected, name
    old = load_handbook(archive)
    new = load_handbook(data_copy)
    edition = new.authority.edition
    assert (edition.id, edition.number, edition.published, edition.previous) == ("2027-28", 5, dt.date(2027, 9, 1), "archive/2026-27")
    assert (edition.covers.academic_year, edition.covers.financial_year) == ("2027/28", "2027/28")
    assert {c.valid_from for s in new.services.services for o in s.offers for c in o.charges} == {dt.date(2027, 4, 1), dt.date(2027, 9, 1)}
    windows = [(o.terms.buy_back_window.opens, o.terms.buy_back_window.closes) for s in new.services.services for o in s.offers if o.terms and o.terms.buy_back_window]
    assert windows and all(opens.year == 2027 for opens, _ in windows)
    # Nothing but the dates moved: the archived and the new edition differ in no price, service or contact.
    report = compare(old, new)
    assert (report.old_edition, report.new_edition) == ("2026-27", "2027-28") and report.is_empty
    assert load_handbook(data_copy / "archive" / "2026-27").authority.edition.previous == "../2025-26"
    assert validate(data_copy).ok
    assert [c.path for c in result.changes[:6]] == ["edition.id", "edition.number", "edition.published", "edition.covers.academic_year", "edition.covers.financial_year", "edition.previous"]
    assert sum(c.path.endswith("valid_from") for c in result.changes) == 155 and result.kept == []


def test_only_the_changed_values_change_in_the_files(data_copy: Path, sample_data: Path):
    start_edition(data_copy, "2027-28", published=dt.date(2027, 8, 30))
    old = (sample_data / "authority.yaml").read_text(encoding="utf-8").splitlines()
    new = (data_copy / "authority.yaml").read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(old, new) if a != b]
    assert len(old) == len(new) and [b.strip() for _, b in changed] == [
        'id: "2027-28"', "number: 5", "published: 2027-08-30", "academic_year: 2027/28", "financial_year: 2027/28", "previous: archive/2026-27"]
    services_old = (sample_data / "services.yaml").read_text(encoding="utf-8").splitlines()
    services_new = (data_copy / "services.yaml").read_text(encoding="utf-8").splitlines()
    assert len(services_old) == len(services_new)
    assert all(a == b or a.replace("2026-", "2027-") == b for a, b in zip(services_old, services_new))


def test_a_date_of_another_year_stays_and_is_listed(data_copy: Path):
    path = data_copy / "services.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("            valid_from: 2026-04-01\n", "            valid_from: 2025-04-01\n", 1), encoding="utf-8")
    result = start_edition(data_copy, "2027-28")
    assert [(c.old, c.new) for c in result.kept] == [("2025-04-01", "2025-04-01")]
    assert "valid_from: 2025-04-01" in path.read_text(encoding="utf-8")


def test_a_first_edition_without_previous_gets_one(data_copy: Path):
    path = data_copy / "authority.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  previous: archive/2025-26\n", ""), encoding="utf-8")
    start_edition(data_copy, "2027-28")
    assert "    financial_year: 2027/28\n  previous: archive/2026-27\n" in path.read_text(encoding="utf-8")


def test_it_refuses_when_the_archive_exists_and_changes_nothing(data_copy: Path):
    (data_copy / "archive" / "2026-27").mkdir()
    before = _snapshot(data_copy)
    with pytest.raises(HandbookUserError, match=r"archive/2026-27 already exists"):
        start_edition(data_copy, "2027-28")
    assert _snapshot(data_copy) == before


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=cwd, check=True, capture_output=True)


def test_it_refuses_when_git_shows_uncommitted_changes_to_the_data(data_copy: Path):
    _git("init", "-q", cwd=data_copy.parent)
    _git("add", "data", cwd=data_copy.parent)
    _git("commit", "-qm", "sample", cwd=data_copy.parent)
    path = data_copy / "contacts.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    before = _snapshot(data_copy)
    with pytest.raises(HandbookUserError, match=r"changes git has not committed \(data/contacts.yaml\)"):
        start_edition(data_copy, "2027-28")
    assert _snapshot(data_copy) == before
    _git("commit", "-qam", "a blank line", cwd=data_copy.parent)
    start_edition(data_copy, "2027-28")  # committed: it goes ahead
    assert (data_copy / "archive" / "2026-27" / "contacts.yaml").is_file()


@pytest.mark.parametrize("new_id, message", [("2027", "should be an edition id"), ("2027-29", "should be an edition id"), ("2025-26", "must come after")])
def test_a_wrong_edition_id_is_refused(data_copy: Path, new_id: str, message: str):
    with pytest.raises(HandbookUserError, match=message):
        start_edition(data_copy, new_id)
    assert not (data_copy / "archive" / "2026-27").exists()


def test_a_charges_end_moves_with_its_start(data_copy: Path):
    path = data_copy / "services.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("            valid_from: 2026-04-01\n", "            valid_from: 2026-04-01\n            valid_to: 2027-03-31\n", 1), encoding="utf-8")
    assert validate(data_copy).ok
    result = start_edition(data_copy, "2027-28")
    assert [(c.old, c.new) for c in result.changes if c.path.endswith("valid_to")] == [("2027-03-31", "2028-03-31")]
    assert "            valid_from: 2027-04-01\n            valid_to: 2028-03-31\n" in path.read_text(encoding="utf-8")
