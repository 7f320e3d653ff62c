"""handbook diff: two fixture editions (folders and git refs) -> exactly the planted changes."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from handbook.commands.cli import main
from handbook.commands.diff import compare_sources
from handbook.core.errors import HandbookUserError
from handbook.presentation.wording import chair_text, describe_charge
from tests.gitrepo import new_repo

EDITIONS = Path(__file__).resolve().parents[1] / "cases" / "editions"
OLD, NEW = str(EDITIONS / "2025-26"), str(EDITIONS / "2026-27")

# The differences planted in tests/cases/editions/2026-27 (see its authority.yaml).
EXPECTED_ADDED = [("music-education", "Music Education Service", "traded")]
EXPECTED_WITHDRAWN = [("attendance-support", "Attendance Support", "traded")]
EXPECTED_RENAMED = [("school-improvement-monitoring", "School Improvement Monitoring", "School Improvement Monitoring and Challenge")]
EXPECTED_PROVISION = [("governor-services", "mixed", "traded")]
# (service, offer, old, new, percent rounded, above the 3.8% threshold)
EXPECTED_CHANGED = [
    ("governor-services", "clerking", Decimal(40), Decimal(38), -5.0, False),
    ("governor-services", "clerking", None, Decimal(48), None, False),
    ("school-finance-support", "finance-sla", Decimal(1400), Decimal(1450), 3.6, False),
    ("school-finance-support", "finance-sla", Decimal(2050), Decimal(2150), 4.9, True),
]
EXPECTED_CHARGES_ADDED = [("school-finance-support", "finance-sla", "per school per year, schools in other authorities", Decimal(3100))]
EXPECTED_CHARGES_REMOVED = [("governor-services", "governor-training", "per delegate per half day, maintained schools, academies", Decimal(60))]
# A former holder or chair is never named (handbook.views.changes): `old` is None or "vacant".
EXPECTED_CONTACTS = [
    ("director-childrens-services", "holder", None, "Dr Omar Reid"),
    ("head-school-improvement", "phone", "01632 960 210", "01632 960 211"),
    ("music-lead", "added", None, "Head of Music Education"),
    ("schools-finance-manager", "holder", "vacant", "Tom Ellis"),
    ("attendance-lead", "removed", "Attendance Lead", None),
]
EXPECTED_CHAIRS = [("schools-forum", None, "Mr J. Okoro, headteacher, Westmarch Academy")]


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def test_diff_of_fixture_editions_reports_exactly_the_planted_changes():
    report = compare_sources(OLD, NEW, threshold=None)
    assert (report.old_edition, report.new_edition, report.threshold) == ("2025-26", "2026-27", 3.8)
    assert [(s.id, s.name, s.provision) for s in report.services_added] == EXPECTED_ADDED
    assert [(s.id, s.name, s.provision) for s in report.services_withdrawn] == EXPECTED_WITHDRAWN
    assert [(r.id, r.old_name, r.new_name) for r in report.services_renamed] == EXPECTED_RENAMED
    assert [(p.id, p.old, p.new) for p in report.provision_changes] == EXPECTED_PROVISION
    assert [(c.service_id, c.offer_id, c.old_amount, c.new_amount, _rounded(c.percent), c.above_threshold) for c in report.charges_changed] == EXPECTED_CHANGED
    assert [(c.service_id, c.offer_id, describe_charge(c.charge), c.new_amount) for c in report.charges_added] == EXPECTED_CHARGES_ADDED
    assert [(c.service_id, c.offer_id, describe_charge(c.charge), c.old_amount) for c in report.charges_removed] == EXPECTED_CHARGES_REMOVED
    assert [(c.id, c.field, c.old, c.new) for c in report.contacts] == EXPECTED_CONTACTS
    worded = lambda chair: None if chair is None else chair_text(chair)  # noqa: E731
    assert [(c.group_id, worded(c.old), worded(c.new)) for c in report.chairs] == EXPECTED_CHAIRS


def test_threshold_option_overrides_the_one_in_the_data():
    flagged = lambda t: [(c.old_amount, c.new_amount) for c in compare_sources(OLD, NEW, threshold=t).rises_above_threshold]  # noqa: E731
    assert flagged(3.0) == [(Decimal(1400), Decimal(1450)), (Decimal(2050), Decimal(2150))]
    assert flagged(5.0) == []


def test_comparing_an_edition_with_itself_reports_nothing():
    report = compare_sources(NEW, NEW)
    assert report.is_empty


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository whose data/ was the 2025-26 edition at tag v2025-26 and is now 2026-27."""
    run = new_repo(tmp_path)
    shutil.copytree(OLD, tmp_path / "data")
    run("add", "data")
    run("commit", "-q", "-m", "2025-26 edition")
    run("tag", "v2025-26")
    shutil.rmtree(tmp_path / "data")
    shutil.copytree(NEW, tmp_path / "data")
    shutil.copytree(OLD, tmp_path / "data" / "archive" / "2025-26")
    authority = tmp_path / "data" / "authority.yaml"
    authority.write_text(authority.read_text().replace("previous: ../2025-26", "previous: archive/2025-26"))
    run("add", "data")
    run("commit", "-q", "-m", "2026-27 edition")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_diff_reads_an_edition_from_a_git_tag_without_touching_the_working_tree(repo: Path):
    before = (repo / "data" / "services.yaml").read_bytes()
    report = compare_sources("v2025-26", "data")
    assert [s.id for s in report.services_added] == ["music-education"]
    assert len(report.charges_changed) == 4
    assert (repo / "data" / "services.yaml").read_bytes() == before
    assert subprocess.run(["git", "status", "--porcelain"], cwd=repo, capture_output=True, text=True).stdout == ""


def test_diff_reads_a_folder_inside_a_git_ref(repo: Path):
    report = compare_sources("HEAD:data/archive/2025-26", "HEAD")
    assert [s.id for s in report.services_withdrawn] == ["attendance-support"]


def test_unknown_ref_is_a_user_error(repo: Path):
    with pytest.raises(HandbookUserError, match="neither a data folder nor a git tag"):
        compare_sources("v1999-00", "data")


def test_edition_with_errors_is_a_user_error_naming_it(tmp_path: Path):
    broken = tmp_path / "broken"
    shutil.copytree(NEW, broken)
    path = broken / "services.yaml"
    path.write_text(path.read_text().replace("unit: per hour", "unit: per hr", 1))
    with pytest.raises(HandbookUserError, match="broken") as caught:
        compare_sources(OLD, str(broken))
    assert caught.value.status == 1


def test_cli_diff_prints_the_report_and_flags_rises(capsys: pytest.CaptureFixture[str]):
    assert main(["diff", OLD, NEW]) == 0
    out = capsys.readouterr().out
    assert "What changed from the 2025-26 edition to the 2026-27 edition" in out
    assert "! School Finance Support / Finance service level agreement / per school per year, maintained schools, 211 pupils and over: £2,050 -> £2,150 (+4.9%)" in out
    assert "  + music-education: Music Education Service (traded)" in out


def test_cli_diff_with_an_unknown_ref_exits_with_a_message(capsys: pytest.CaptureFixture[str], repo: Path):
    assert main(["diff", "no-such-tag"]) == 2
    assert "no-such-tag" in capsys.readouterr().err


def test_the_pull_request_summary_is_markdown_from_the_samples_two_editions(sample_data: Path, capsys) -> None:
    """What .github/workflows/pull-request.yml posts: `handbook diff --format markdown BASE data`."""
    from handbook.presentation.wording import money

    old = str(sample_data / "archive" / "2025-26")
    assert main(["diff", "--format", "markdown", old, str(sample_data)]) == 0
    markdown = capsys.readouterr().out
    report = compare_sources(old, str(sample_data))
    assert report.services_added and report.services_withdrawn and report.rises_above_threshold
    sections = {block.split("\n", 1)[0]: block for block in markdown.split("\n### ")[1:]}
    for service in report.services_added:
        assert f"- {service.name} ({service.provision})" in sections["New services"]
    for service in report.services_withdrawn:
        assert f"- {service.name}" in sections["Services withdrawn"]
    rows = [row for row in sections["Price changes"].splitlines() if row.startswith("| ") and not row.startswith("| Service")]
    assert len(rows) == len(report.charges_changed)
    threshold = f"{report.threshold:g}%"
    for row, change in zip(rows, report.charges_changed):
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert cells[0] == change.service_name and cells[1] == change.offer_name
        assert (cells[3], cells[4]) == (money(change.old_amount), money(change.new_amount))
        assert cells[5].startswith(f"{change.percent:+.1f}%")  # every change with its percentage
        assert cells[5].endswith(f"**above {threshold}**") == change.above_threshold  # rises over the threshold flagged
    assert sum("**above" in row for row in rows) == len(report.rises_above_threshold) == 4
    assert "```" not in markdown and "<" not in markdown  # Markdown, with data text escaped
