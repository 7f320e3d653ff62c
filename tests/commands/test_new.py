"""handbook new service|contact: a valid entry added with every other byte of the file kept."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from handbook.commands.cli import main
from handbook.commands.new import new_entry
from handbook.core.errors import HandbookUserError
from handbook.data.validate import load_handbook, validate

EDITIONS = Path(__file__).resolve().parents[1] / "cases" / "editions"
TODAY = dt.date(2026, 11, 1)

TRADED = {
    "id": "music-tuition",
    "name": "Music Tuition",
    "summary": "Instrumental and vocal lessons in school from specialist teachers.",
    "description": "Specialist teachers give individual and group lessons in school time.",
    "category": "school-improvement",
    "provision": "traded",
    "phases": "primary, secondary",
    "settings": "maintained,academy",
    "offer_name": "Tuition package",
    "offer_kind": "package",
    "amount": "34.50",
    "unit": "per hour",
    "vat": "exempt",
    "how_to_buy": "Book through the traded services portal.",
    "contacts": "head-school-improvement",
    "owner": "school-improvement",
}


@pytest.fixture()
def small(tmp_path: Path) -> Path:
    """A writable copy of the small 2026-27 fixture edition (quick to round-trip)."""
    # Both editions are copied: the 2026-27 data names ../2025-26 as its previous edition.
    shutil.copytree(EDITIONS, tmp_path / "editions")
    return tmp_path / "editions" / "2026-27"


def _inserted(before: str, after: str) -> list[str]:
    """The lines added, asserting every original line is still there, in order, unchanged."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    for start in range(len(old) + 1):
        if new[:start] == old[:start] and (start == len(old) or new[start] != old[start]):
            break
    added = len(new) - len(old)
    assert new[start + added :] == old[start:], "the rest of the file changed"
    return new[start : start + added]


def test_new_service_is_added_and_the_rest_of_the_sample_file_is_byte_identical(data_copy: Path):
    path = data_copy / "services.yaml"
    before = path.read_text()
    message = new_entry("service", data_copy, dict(TRADED), interactive=False, today=TODAY)
    after = path.read_text()
    added = _inserted(before, after)
    assert any(line == "  - id: music-tuition\n" for line in added)
    assert "    last_reviewed: 2026-11-01\n" in added and "    review_due: 2027-11-01\n" in added
    line = int(message.rsplit(":", 1)[1].split(".")[0])
    assert after.splitlines()[line - 1] == "  - id: music-tuition"
    assert f"{path.name}:{line}" in message
    handbook = validate(data_copy, TODAY).handbook
    service = handbook.services_by_id["music-tuition"]
    charge = service.offers[0].charges[0]
    assert (str(charge.amount), charge.unit.value, charge.valid_from) == ("34.5", "per hour", dt.date(2026, 4, 1))
    assert [p.value for p in service.audience.phases] == ["primary", "secondary"]


def test_new_service_goes_in_id_order_when_the_list_is_sorted_keeping_blank_lines(tmp_path: Path):
    shutil.copytree(EDITIONS, tmp_path / "editions")
    data = tmp_path / "editions" / "2026-27"
    before = (data / "services.yaml").read_text()
    new_entry("service", data, dict(TRADED, id="governor-training"), interactive=False, today=TODAY)
    after = (data / "services.yaml").read_text()
    _inserted(before, after)
    assert "    review_due: 2027-05-01\n\n  - id: governor-training\n" in after
    assert "    review_due: 2027-11-01\n\n  - id: music-education\n" in after
    ids = [s.id for s in load_handbook(data).services.services]
    assert ids == sorted(ids)


def test_new_statutory_service_needs_no_offer_and_gets_its_statutory_basis(small: Path):
    fields = {k: v for k, v in TRADED.items() if not k.startswith(("offer", "amount", "unit", "vat"))}
    fields.update(id="home-education-register-checks", provision="statutory", statutory_act="Education Act 1996", statutory_section="s.436A")
    new_entry("service", small, fields, interactive=False, today=TODAY)
    service = validate(small, TODAY).handbook.services_by_id["home-education-register-checks"]
    assert service.offers == [] and service.statutory_basis[0].section == "s.436A"


def test_new_contact_goes_at_the_end_of_the_roles_above_the_next_section_comment(data_copy: Path):
    path = data_copy / "contacts.yaml"
    before = path.read_text()
    new_entry("contact", data_copy, {"id": "head-of-music", "title": "Head of Music", "team": "school-improvement", "email": "music@westmarch.example", "holder": "Jo Bloggs", "consent_to_publish": "yes"}, interactive=False, today=TODAY)
    added = _inserted(before, path.read_text())
    assert added[0] == "  - id: head-of-music\n"
    role = load_handbook(data_copy).roles_by_id["head-of-music"]
    assert role.public_name == "Jo Bloggs"


def test_missing_fields_are_asked_for_when_interactive(data_copy: Path, monkeypatch: pytest.MonkeyPatch):
    answers = iter(["head-of-music", "Head of Music", "school-improvement", "", "01632 960 999", ""])
    prompts: list[str] = []
    monkeypatch.setattr("builtins.input", lambda prompt: prompts.append(prompt) or next(answers))
    new_entry("contact", data_copy, {}, interactive=True, today=TODAY)
    assert len(prompts) == 6 and prompts[0].startswith("Id of the role")
    role = load_handbook(data_copy).roles_by_id["head-of-music"]
    assert (role.phone, role.email, role.holder) == ("01632 960 999", None, None)


def test_missing_required_fields_without_input_is_a_user_error_naming_them(data_copy: Path):
    with pytest.raises(HandbookUserError, match="missing required field.*summary"):
        new_entry("service", data_copy, {"id": "x-y", "name": "X"}, interactive=False)


def test_an_entry_that_would_not_validate_is_not_written(small: Path):
    path = small / "services.yaml"
    before = path.read_bytes()
    with pytest.raises(HandbookUserError, match="nothing was written") as caught:
        new_entry("service", small, dict(TRADED, owner="no-such-team"), interactive=False, today=TODAY)
    assert "no-such-team" in str(caught.value) and str(small) in str(caught.value)
    assert path.read_bytes() == before


def test_duplicate_id_is_refused(small: Path):
    with pytest.raises(HandbookUserError, match="already used"):
        new_entry("service", small, dict(TRADED, id="music-education"), interactive=False, today=TODAY)


def test_unknown_field_and_bad_amount_are_user_errors(data_copy: Path):
    with pytest.raises(HandbookUserError, match="unknown field.*colour"):
        new_entry("service", data_copy, dict(TRADED, colour="red"), interactive=False)
    with pytest.raises(HandbookUserError, match="no £"):
        new_entry("service", data_copy, dict(TRADED, amount="£34"), interactive=False)


def test_cli_new_takes_fields_as_options(data_copy: Path, capsys: pytest.CaptureFixture[str]):
    args = ["new", "contact", "--data", str(data_copy), "--no-input", "-f", "id=head-of-music", "-f", "title=Head of Music", "-f", "team=school-improvement", "-f", "email=music@westmarch.example"]
    assert main(args) == 0
    assert "Added the contact 'Head of Music' (head-of-music)" in capsys.readouterr().out
    assert main(args) == 1  # the same id again
    assert "nothing was written" in capsys.readouterr().err


def test_no_input_left_to_read_is_a_user_error_not_a_traceback(data_copy: Path):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "handbook", "new", "service", "--data", str(data_copy), "-f", "name=Test Service"],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "give it as -f" in done.stderr and "--no-input" in done.stderr


def test_a_unit_is_written_as_the_guide_writes_it(small: Path):
    new_entry("service", small, dict(TRADED, unit=" Per  Pupil per DAY"), interactive=False, today=TODAY)
    assert "            unit: per pupil per day\n" in (small / "services.yaml").read_text()
    charge = load_handbook(small).services_by_id["music-tuition"].offers[0].charges[0]
    assert (charge.unit.value, charge.unit.legacy) == ("per pupil per day", False)


@pytest.mark.parametrize(
    ("unit", "says"),
    [
        ("per dya", "unit: 'per dya' is not a known unit; did you mean 'per day'?"),
        ("zzz", "unit: 'zzz' is not a known unit; write `per <thing>` or `per <thing> per <period>`"),
        ("per pupil", "unit: 'per pupil' is how earlier editions wrote this unit, and it is read as 'per pupil per year'; write `per pupil per year`"),
    ],
)
def test_a_unit_the_handbook_cannot_work_out_or_an_old_phrase_is_refused_before_anything_is_written(small: Path, unit: str, says: str):
    before = (small / "services.yaml").read_bytes()
    with pytest.raises(HandbookUserError) as caught:
        new_entry("service", small, dict(TRADED, unit=unit), interactive=False, today=TODAY)
    assert str(caught.value).startswith(says) and caught.value.status == 2
    assert (small / "services.yaml").read_bytes() == before


def test_a_misspelt_unit_is_asked_again_with_the_nearest(small: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    answers = iter(["per delegate per halfday", "per pupil", "per delegate per half day"])
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    new_entry("service", small, {k: v for k, v in TRADED.items() if k != "unit"}, interactive=True, today=TODAY)
    said = capsys.readouterr().out
    assert "'per delegate per halfday' is not a known unit; did you mean 'per delegate per half day'?\n" in said
    assert "'per pupil' is how earlier editions wrote this unit" in said
    assert load_handbook(small).services_by_id["music-tuition"].offers[0].charges[0].unit.value == "per delegate per half day"


def test_a_new_service_takes_the_next_free_number_of_its_category_and_no_other_reference_moves(data_copy: Path):
    from handbook.views.catalogue import references

    before = references(load_handbook(data_copy))
    new_entry("service", data_copy, dict(TRADED), interactive=False, today=TODAY)
    result = validate(data_copy, TODAY)
    assert not [p for p in result.problems if p.code in ("missing-number", "duplicate-number")]
    after = references(result.handbook)
    assert {sid: after[sid] for sid in before} == before
    highest = max(s.number for s in result.handbook.services.services if s.category == "school-improvement" and s.id != "music-tuition")
    assert result.handbook.services_by_id["music-tuition"].number == highest + 1
    assert "  - id: music-tuition\n    number: " in (data_copy / "services.yaml").read_text()


def test_a_file_without_numbers_gets_none_from_new(small: Path):
    new_entry("service", small, dict(TRADED, category=load_handbook(small).services.categories[0].id), interactive=False, today=TODAY)
    assert "number:" not in (small / "services.yaml").read_text()
