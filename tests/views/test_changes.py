"""views.changes: the comparison engine on the fixture editions and hand-made variations."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from handbook.data.editions import previous_edition
from handbook.data.validate import load_handbook
from handbook.presentation.changes import render_markdown, render_text
from handbook.views.changes import ChargeIdentity, compare
from handbook.views.partnerships import Chair

EDITIONS = Path(__file__).resolve().parent.parent / "cases" / "editions"
MINIMAL = EDITIONS.parent / "minimal"
# Two editions that differ only in what each may publish (see its authority.yaml).
PRIVACY = EDITIONS / "privacy"
# Names and values that exist only in internal records of the fixture editions.
INTERNAL_WORDS = ["fraud", "Financial Irregularity", "Counter-fraud", "Staff Absence", "absence-cover", "investigations", "counter.fraud"]


@pytest.fixture(scope="module")
def old():
    return load_handbook(EDITIONS / "2025-26")


@pytest.fixture(scope="module")
def new():
    return load_handbook(EDITIONS / "2026-27")


def _edited(tmp_path: Path, edition: str, stem: str, old_text: str, new_text: str, *more: tuple[str, str, str], base: Path = EDITIONS) -> Path:
    """A copy of a fixture edition with each (file stem, old text, new text) replaced once."""
    folder = tmp_path / edition
    shutil.copytree(base / edition, folder)
    for stem, was, now in ((stem, old_text, new_text), *more):
        path = folder / f"{stem}.yaml"
        text = path.read_text()
        assert text.count(was) == 1, was
        path.write_text(text.replace(was, now))
    return folder


def _everything(report) -> str:
    """Every word the report can reach an output with: its data, the CLI text, the page."""
    return "\n".join([repr(dataclasses.asdict(report)), render_text(report), render_markdown(report)])


def test_internal_services_contacts_and_their_prices_are_never_reported(old, new):
    report = compare(old, new)
    everything = repr(dataclasses.asdict(report))
    for word in INTERNAL_WORDS:
        assert word.lower() not in everything.lower(), word


def test_service_new_and_internal_is_not_added_and_its_prices_are_not_listed(tmp_path, old):
    folder = _edited(tmp_path, "2026-27", "services", "    how_to_buy: Book through the traded services portal.\n    contacts: [music-lead]\n", "    how_to_buy: Book through the traded services portal.\n    contacts: [music-lead]\n    visibility: internal\n")
    report = compare(old, load_handbook(folder))
    assert report.services_added == []
    assert all(c.service_id != "music-education" for c in report.charges)


@pytest.fixture(scope="module")
def private_pair():
    old, new = load_handbook(PRIVACY / "2025-26"), load_handbook(PRIVACY / "2026-27")
    return old, new, compare(old, new)


def test_editions_differing_only_in_privacy_report_only_the_published_change(private_pair):
    *_, report = private_pair
    assert [(c.id, c.field, c.old, c.new) for c in report.contacts] == [("head-school-improvement", "phone", "01632 960 210", "01632 960 211")]
    assert dataclasses.replace(report, contacts=[]).is_empty


def test_holder_who_withdraws_consent_is_never_named_and_not_reported(private_pair):
    *_, report = private_pair
    assert "Helen Marsh" not in _everything(report)
    assert not [c for c in report.contacts if c.id == "director-childrens-services"]


def test_service_made_internal_is_not_withdrawn_and_its_changed_price_is_not_listed(private_pair):
    *_, report = private_pair
    words = _everything(report)
    for text in ("attendance-support", "Attendance Support", "Attendance casework", "310", "330"):
        assert text not in words, text


def test_role_and_contact_point_made_internal_are_not_reported_as_removed(private_pair):
    *_, report = private_pair
    words = _everything(report)
    for text in ("attendance-lead", "Attendance Lead", "attendance@westmarch.example", "attendance-helpline", "Attendance Helpline", "01632 960 444"):
        assert text not in words, text


def test_chair_whose_holder_stops_consenting_is_never_named(private_pair):
    old, new, report = private_pair
    assert "Tom Ellis" not in _everything(report)
    assert not report.chairs
    # The older edition did name him as the group's chair: the filter, not the data, hides him.
    from handbook.views.partnerships import public_groups

    assert [v.chair for v in public_groups(old) if v.group.id == "schools-finance-group"] == [Chair(role_title="Schools Finance Manager", role_holder="Tom Ellis")]


def test_group_made_internal_is_absent_with_its_new_chair(private_pair):
    *_, report = private_pair
    words = _everything(report)
    for text in ("Westmarch Schools Forum", "Okoro", "Patel"):
        assert text not in words, text


def test_charge_of_an_internal_service_that_changes_is_never_listed(old, new):
    # staff-absence-scheme is internal in both fixture editions; its price goes from 10 to 20.
    assert all(c.service_id != "staff-absence-scheme" for c in compare(old, new).charges)


def test_former_holder_and_former_chair_are_never_named_even_with_consent(old, new):
    report = compare(old, new)
    assert ("director-childrens-services", "holder", None, "Dr Omar Reid") in {(c.id, c.field, c.old, c.new) for c in report.contacts}
    assert [(c.group_id, c.old) for c in report.chairs] == [("schools-forum", None)]
    words = _everything(report)
    assert "Helen Marsh" not in words and "Patel" not in words


def test_post_filled_by_someone_not_named_is_reported_without_a_name(tmp_path, old):
    folder = _edited(tmp_path, "2026-27", "contacts", "      name: Tom Ellis\n      consent_to_publish: true\n", "      name: Tom Ellis\n      consent_to_publish: false\n")
    report = compare(old, load_handbook(folder))
    assert [(c.field, c.old, c.new) for c in report.contacts if c.id == "schools-finance-manager"] == [("holder", "vacant", None)]
    assert "Tom Ellis" not in _everything(report)


def test_service_internal_before_is_added_under_its_new_name_only(tmp_path, old):
    folder = _edited(
        tmp_path, "2026-27", "services",
        "    name: Staff Absence Scheme (internal pilot)\n", "    name: Staff Absence Cover\n",
        ("services", "    how_to_buy: Not on sale.\n    contacts: [investigations-officer]\n    owner: schools-finance\n    last_reviewed: 2026-05-01\n    review_due: 2027-05-01\n    visibility: internal\n",
         "    how_to_buy: Buy through the portal.\n    contacts: [schools-finance-manager]\n    owner: schools-finance\n    last_reviewed: 2026-05-01\n    review_due: 2027-05-01\n"),
    )
    new = load_handbook(folder)
    assert new.services_by_id["staff-absence-scheme"].is_public
    report = compare(old, new)
    assert ("staff-absence-scheme", "Staff Absence Cover") in {(s.id, s.name) for s in report.services_added}
    assert "internal pilot" not in _everything(report).lower()


def test_old_text_the_new_edition_withholds_is_never_reported(tmp_path):
    # A withdrawn service's name becomes an internal role's title, and a renamed service's old
    # name becomes an internal service's name: either line would print what the new edition
    # withholds, although no record changed its own visibility.
    old = load_handbook(PRIVACY / "2025-26")
    services = (PRIVACY / "2026-27" / "services.yaml").read_text()
    withdrawn = services[services.index("  - id: school-improvement-monitoring\n") : services.index("  - id: staff-absence-scheme\n")]
    renamed = ("services", "    name: School Finance Support\n", "    name: School Finance Service\n")
    # A lone word the new edition withholds (an internal service's keyword) hides nothing else.
    keyword = ("services", "    name: Attendance Support\n", "    name: Attendance Support\n    keywords: [monitoring, finance]\n")
    control = _edited(tmp_path / "control", "2026-27", "services", withdrawn, "", renamed, keyword, base=PRIVACY)
    report = compare(old, load_handbook(control))
    assert [s.name for s in report.services_withdrawn] == ["School Improvement Monitoring"]
    assert [r.old_name for r in report.services_renamed] == ["School Finance Support"]
    folder = _edited(
        tmp_path / "collide", "2026-27", "services", withdrawn, "", renamed,
        ("services", "    name: Attendance Support\n", "    name: School Finance Support\n"),
        ("contacts", "    title: Investigations Officer (internal)\n", "    title: School Improvement Monitoring\n"),
        base=PRIVACY,
    )
    report = compare(old, load_handbook(folder))
    assert report.services_withdrawn == [] and report.services_renamed == []
    words = _everything(report)
    assert "School Improvement Monitoring" not in words and "School Finance Support" not in words


def test_rise_exactly_at_the_threshold_is_not_flagged(old, new):
    report = compare(old, new, threshold=5.0)
    assert [c.above_threshold for c in report.charges_changed] == [False] * 4
    exact = compare(old, new, threshold=100 * (2150 - 2050) / 2050)
    assert not any(c.above_threshold for c in exact.charges_changed)


def test_a_changed_charge_carries_what_it_is_for_as_data_not_words(old, new):
    charge = new.services_by_id["school-finance-support"].offers[0].charges[1]
    [change] = [c for c in compare(old, new).charges_changed if c.new_amount == charge.amount]
    assert change.charge == ChargeIdentity(None, charge.unit, tuple(charge.settings), charge.band, charge.phase)
    assert change.charge.band.pupils_from == 211


def test_a_removed_charge_whose_label_the_new_edition_withholds_is_not_reported(tmp_path, old):
    # The withdrawn governor-training price's label becomes an internal role's title.
    base = _edited(tmp_path / "base", "2025-26", "services", "          - amount: 60\n", "          - amount: 60\n            label: Clerk induction evening\n")
    before = load_handbook(base)
    assert [c.charge.label for c in compare(before, load_handbook(EDITIONS / "2026-27")).charges_removed] == ["Clerk induction evening"]
    folder = _edited(tmp_path / "collide", "2026-27", "contacts", "    title: Investigations Officer (internal)\n", "    title: Clerk induction evening\n")
    assert compare(before, load_handbook(folder)).charges_removed == []


def test_chair_held_by_an_internal_role_is_never_named(tmp_path, old):
    folder = _edited(tmp_path, "2026-27", "partnerships", "    chair:\n      role: head-school-improvement\n", "    chair:\n      role: investigations-officer\n")
    # The privacy check rejects a public group chaired by an internal role; the view must not
    # leak it even so, so compare the models directly.
    from handbook.data.validate import validate

    result = validate(folder)
    assert any(p.code == "internal-reference" for p in result.problems)
    new = load_handbook(EDITIONS / "2026-27")
    groups = new.partnerships.model_copy(update={"groups": [g.model_copy(update={"chair": g.chair.model_copy(update={"role": "investigations-officer"})}) if g.id == "headteachers-liaison" else g for g in new.partnerships.groups]})
    leaky = dataclasses.replace(new, partnerships=groups)
    chairs = compare(old, leaky).chairs
    # As the partnerships page shows it, from the public view: a chair whose post is not named.
    assert [(c.group_id, c.new) for c in chairs if c.group_id == "headteachers-liaison"] == [("headteachers-liaison", Chair())]
    assert "Headteachers' Liaison Group: chair was Head of School Improvement, now a council officer" in render_text(compare(old, leaky))
    assert "Investigations" not in _everything(compare(old, leaky))


# The changes the sample's previous edition plants (listed at the top of
# data/archive/2025-26/authority.yaml).
SAMPLE_EXPECTED = {
    "added": ["data-protection-service", "school-counselling"],
    "withdrawn": ["swimming-programme"],
    "renamed": [("cpd-programme", "Training and Development Courses", "Professional Development Courses")],
    "provision": [("headteacher-appointments", "traded", "mixed")],
    "flagged": {("school-meals", "2.55", "2.75"), ("outdoor-education", "78", "84"), ("ict-support", "14.50", "15.75"), ("grounds-maintenance", "3950", "4300")},
    "calm": {("school-improvement-consultancy", "630", "650"), ("school-improvement-consultancy", "340", "350"), ("cpd-programme", "68", "70"), ("hr-advisory", "1520", "1570"), ("music-service", "41", "42.50"), ("payroll", "7.90", "7.60")},
    # The former holder and chair (Peter Lang, Mr David Coleman) are never named.
    "contacts": {("governor-services-manager", "holder", None, "Olivia Hart"), ("admissions-manager", "phone", "01632 960 318", "01632 960 305")},
    "chairs": [("primary-heads-association", None, Chair(person="Mrs Joy Adeyemi, headteacher, St Aidan's CE Primary School"))],
}


def test_sample_edition_against_its_archive_reports_exactly_the_planted_changes(sample_handbook, sample_data):
    report = compare(previous_edition(sample_handbook, sample_data), sample_handbook)
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
