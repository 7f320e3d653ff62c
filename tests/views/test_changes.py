"""views.changes: the comparison engine on the fixture editions and hand-made variations."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from handbook.errors import HandbookUserError
from handbook.validate import load_handbook
from handbook.diff import edition_changes
from handbook.views.changes import compare, describe_charge

EDITIONS = Path(__file__).resolve().parent.parent / "cases" / "editions"
MINIMAL = EDITIONS.parent / "minimal"
# Names and values that exist only in internal records of the fixture editions.
INTERNAL_WORDS = ["fraud", "Financial Irregularity", "Counter-fraud", "Staff Absence", "absence-cover", "investigations", "counter.fraud"]


@pytest.fixture(scope="module")
def old():
    return load_handbook(EDITIONS / "2025-26")


@pytest.fixture(scope="module")
def new():
    return load_handbook(EDITIONS / "2026-27")


def _edited(tmp_path: Path, edition: str, stem: str, old_text: str, new_text: str) -> Path:
    folder = tmp_path / edition
    shutil.copytree(EDITIONS / edition, folder)
    path = folder / f"{stem}.yaml"
    text = path.read_text()
    assert old_text in text
    path.write_text(text.replace(old_text, new_text))
    return folder


def test_internal_services_contacts_and_their_prices_are_never_reported(old, new):
    report = compare(old, new)
    everything = repr(dataclasses.asdict(report))
    for word in INTERNAL_WORDS:
        assert word.lower() not in everything.lower(), word


def test_service_made_internal_counts_as_withdrawn_and_its_prices_are_not_listed(tmp_path, old):
    folder = _edited(tmp_path, "2026-27", "services", "    how_to_buy: Book through the traded services portal.\n    contacts: [music-lead]\n", "    how_to_buy: Book through the traded services portal.\n    contacts: [music-lead]\n    visibility: internal\n")
    report = compare(old, load_handbook(folder))
    assert report.services_added == []
    assert all(c.service_id != "music-education" for c in report.charges)


def test_charges_are_matched_by_what_they_are_for_not_by_position(tmp_path, new):
    # Move the academy price above the two maintained prices: nothing has changed.
    block = "          - amount: 2600\n            unit: per academy per year\n            settings: [academy]\n            vat: standard\n            valid_from: 2026-04-01\n"
    folder = tmp_path / "reordered"
    shutil.copytree(EDITIONS / "2026-27", folder)
    path = folder / "services.yaml"
    text = path.read_text()
    assert block in text
    text = text.replace(block, "")
    anchor = "        kind: sla\n        charges:\n"
    text = text.replace(anchor, anchor + block)
    path.write_text(text)
    report = compare(new, load_handbook(folder))
    assert report.is_empty


def test_a_new_holder_who_has_not_agreed_to_be_named_is_not_reported(old, new):
    report = compare(old, new)
    assert [c.field for c in report.contacts if c.id == "head-school-improvement"] == ["phone"]
    assert "Grace Lin" not in repr(report) and "Samuel Okafor" not in repr(report)


def test_rise_exactly_at_the_threshold_is_not_flagged(old, new):
    report = compare(old, new, threshold=5.0)
    assert [c.above_threshold for c in report.charges_changed] == [False] * 4
    exact = compare(old, new, threshold=100 * (2150 - 2050) / 2050)
    assert not any(c.above_threshold for c in exact.charges_changed)


def test_charge_description_names_label_unit_settings_band_and_phase(new):
    charges = new.services_by_id["school-finance-support"].offers[0].charges
    assert describe_charge(charges[1]) == "per school per year, maintained schools, 211 pupils and over"


def test_edition_changes_compares_with_the_folder_the_data_names(new):
    report = edition_changes(new, EDITIONS / "2026-27")
    assert report is not None and report.old_edition == "2025-26"
    assert [s.id for s in report.services_added] == ["music-education"]


def test_edition_changes_is_none_for_a_first_edition(old):
    assert edition_changes(old, EDITIONS / "2025-26") is None


def test_missing_previous_edition_folder_is_a_user_error(tmp_path):
    folder = _edited(tmp_path, "2026-27", "authority", "previous: ../2025-26", "previous: archive/2024-25")
    with pytest.raises(HandbookUserError, match="archive/2024-25") as caught:
        edition_changes(load_handbook(folder), folder)
    assert caught.value.status == 1


def test_chair_held_by_an_internal_role_is_never_named(tmp_path, old):
    folder = _edited(tmp_path, "2026-27", "partnerships", "    chair:\n      role: head-school-improvement\n", "    chair:\n      role: investigations-officer\n")
    # The privacy check rejects a public group chaired by an internal role; the view must not
    # leak it even so, so compare the models directly.
    from handbook.validate import validate

    result = validate(folder)
    assert any(p.code == "internal-reference" for p in result.problems)
    new = load_handbook(EDITIONS / "2026-27")
    groups = new.partnerships.model_copy(update={"groups": [g.model_copy(update={"chair": g.chair.model_copy(update={"role": "investigations-officer"})}) if g.id == "headteachers-liaison" else g for g in new.partnerships.groups]})
    leaky = dataclasses.replace(new, partnerships=groups)
    chairs = compare(old, leaky).chairs
    assert [(c.group_id, c.new) for c in chairs if c.group_id == "headteachers-liaison"] == [("headteachers-liaison", "a council officer")]


# The changes the sample's previous edition plants (listed at the top of
# data/archive/2025-26/authority.yaml).
SAMPLE_EXPECTED = {
    "added": ["data-protection-service", "school-counselling"],
    "withdrawn": ["swimming-programme"],
    "renamed": [("cpd-programme", "Training and Development Courses", "Professional Development Courses")],
    "provision": [("headteacher-appointments", "traded", "mixed")],
    "flagged": {("school-meals", "2.55", "2.75"), ("outdoor-education", "78", "84"), ("ict-support", "14.50", "15.75"), ("grounds-maintenance", "3950", "4300")},
    "calm": {("school-improvement-consultancy", "630", "650"), ("school-improvement-consultancy", "340", "350"), ("cpd-programme", "68", "70"), ("hr-advisory", "1520", "1570"), ("music-service", "41", "42.50"), ("payroll", "7.90", "7.60")},
    "contacts": {("governor-services-manager", "holder", "Peter Lang", "Olivia Hart"), ("admissions-manager", "phone", "01632 960 318", "01632 960 305")},
    "chairs": [("primary-heads-association", "Mr David Coleman, headteacher, Brookfield Primary School", "Mrs Joy Adeyemi, headteacher, St Aidan's CE Primary School")],
}


def test_sample_edition_against_its_archive_reports_exactly_the_planted_changes(sample_handbook, sample_data):
    report = edition_changes(sample_handbook, sample_data)
    assert report is not None and (report.old_edition, report.new_edition, report.threshold) == ("2025-26", "2026-27", 3.8)
    assert sorted(s.id for s in report.services_added) == SAMPLE_EXPECTED["added"]
    assert [s.id for s in report.services_withdrawn] == SAMPLE_EXPECTED["withdrawn"]
    assert [(r.id, r.old_name, r.new_name) for r in report.services_renamed] == SAMPLE_EXPECTED["renamed"]
    assert [(p.id, p.old, p.new) for p in report.provision_changes] == SAMPLE_EXPECTED["provision"]
    changed = {(c.service_id, str(c.old_amount), str(c.new_amount)): c.above_threshold for c in report.charges_changed}
    assert {k for k, flagged in changed.items() if flagged} == SAMPLE_EXPECTED["flagged"]
    assert {k for k, flagged in changed.items() if not flagged} == SAMPLE_EXPECTED["calm"]
    assert report.charges_added == [] and report.charges_removed == []
    assert {(c.id, c.field, c.old, c.new) for c in report.contacts} == SAMPLE_EXPECTED["contacts"]
    assert [(c.group_id, c.old, c.new) for c in report.chairs] == SAMPLE_EXPECTED["chairs"]


def test_site_page_shows_the_sample_changes(built_site: Path):
    html = (built_site / "changes" / "index.html").read_text()
    for text in ("School Swimming Programme", "Data Protection Officer Service", "Professional Development Courses", "£3,950", "£4,300", "Olivia Hart", "Mrs Joy Adeyemi"):
        assert text in html, text
    assert html.count("<strong>above 3.8%</strong>") == 4 + 1  # four rises, and the legend


def test_pdf_section_shows_the_sample_changes(built_site: Path):
    import subprocess

    pdf = next((built_site / "pdf").glob("*.pdf"))
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout.split())
    section = text[text.index("Changes from the 2025-26 edition to the 2026-27 edition") :]
    for words in ("School Swimming Programme", "Data Protection Officer Service", "£3,950", "£4,300", "above 3.8%", "Mrs Joy Adeyemi"):
        assert words in section, words
