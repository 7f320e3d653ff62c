"""handbook new service|contact|charge: driven through its prompts (stdin piped to the real
command), each answer checked as it is given, interrupted runs resumed, and a valid entry added
with every other byte of the file kept."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from handbook.commands.cli import main
from handbook.commands.new import new_entry, resume_file
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
    "valid_from": "2026-09-01",
    "how_to_buy": "Book through the traded services portal.",
    "contacts": "head-school-improvement",
    "owner": "school-improvement",
}

# The answers to every question of `handbook new service` on the sample, in the order asked, a
# wrong answer first where one is marked; each wrong one is followed by its correction.
INTERVIEW = [
    ("id", "music-tuition"),
    ("name", "Music Tuition"),
    ("summary", "Lessons"),  # too short
    ("summary", "Instrumental and vocal lessons in school from specialist teachers."),
    ("description", "Specialist teachers give individual and group lessons in school time."),
    ("category", "enrichmnt"),  # misspelt
    ("category", "enrichment"),
    ("provision", "trade"),  # not a kind of provision
    ("provision", "traded"),
    ("phases", "primary, secondary"),
    ("settings", "maintained, academy, free-school"),
    ("offer_name", "Tuition package"),
    ("offer_id", ""),  # Enter: made from the name
    ("offer_kind", "package"),
    ("contract_year", "academic"),
    ("charge_settings", "maintained"),
    ("amount", "£34"),  # with a pound sign
    ("amount", "34.50"),
    ("unit", "per dya"),
    ("unit", "per hour"),
    ("payer", ""),  # Enter: the school
    ("vat", "outside-scope"),
    ("valid_from", "1 September"),
    ("valid_from", "2026-09-01"),
    ("charge_settings.2", "academy, free-school"),
    ("amount.2", "41"),
    ("unit.2", "per hour"),
    ("payer.2", "trust"),
    ("vat.2", "standard"),
    ("valid_from.2", ""),  # Enter: the date of the price before
    ("how_to_buy", "Book through the traded services portal."),
    ("contacts", "head-of-music-service"),
    ("related", ""),
    ("owner", "music-service"),
    ("last_reviewed", "2026-11-01"),
    ("review_due", ""),
    ("visibility", ""),
    ("keywords", "instrument, lessons"),
]


@pytest.fixture()
def small(tmp_path: Path) -> Path:
    """A writable copy of the small 2026-27 fixture edition (quick to round-trip)."""
    # Both editions are copied: the 2026-27 data names ../2025-26 as its previous edition.
    shutil.copytree(EDITIONS, tmp_path / "editions")
    return tmp_path / "editions" / "2026-27"


def _inserted(before: str, after: str) -> tuple[int, list[str]]:
    """(first added line, 1-based; the lines added), asserting every original line is still
    there, in order, byte for byte."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    start = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), len(old))
    added = len(new) - len(old)
    assert added > 0 and new[:start] == old[:start] and new[start + added :] == old[start:], "the rest of the file changed"
    return start + 1, new[start : start + added]


def _lines_said(message: str) -> tuple[int, int]:
    """The lines the command says it wrote: `… (lines 2091-2118).`"""
    first, last = message.rsplit("(lines ", 1)[1].split(")")[0].split("-")
    return int(first), int(last)


def _run(data: Path, kind: str, answers: list[str], *args: str) -> subprocess.CompletedProcess:
    """The real command, its answers piped to standard input, one a line."""
    return subprocess.run([sys.executable, "-m", "handbook", "new", kind, "--data", str(data), *args],
                          input="".join(a + "\n" for a in answers), capture_output=True, text=True, env=dict(os.environ, HANDBOOK_CACHE="off"))


def test_new_service_is_added_at_the_lines_it_reports_and_the_rest_of_the_sample_file_is_byte_identical(data_copy: Path):
    path = data_copy / "services.yaml"
    before = path.read_text()
    message = new_entry("service", data_copy, dict(TRADED), interactive=False, today=TODAY)
    after = path.read_text()
    start, added = _inserted(before, after)
    first, last = _lines_said(message)
    lines = after.splitlines()
    assert lines[first - 1] == "  - id: music-tuition" and lines[last - 1] == "    review_due: 2027-11-01"
    assert first - start in (0, 1) and f"services.yaml:{first} " in message  # a blank line may come first, as between the file's entries
    assert "    last_reviewed: 2026-11-01\n" in added and "            valid_from: 2026-09-01\n" in added
    service = validate(data_copy, TODAY).handbook.services_by_id["music-tuition"]
    charge = service.offers[0].charges[0]
    assert (str(charge.amount), charge.unit.value, charge.valid_from) == ("34.50", "per hour", dt.date(2026, 9, 1))
    assert [s.value for s in charge.settings] == ["maintained", "academy"]
    assert [p.value for p in service.audience.phases] == ["primary", "secondary"]


def test_the_start_date_of_a_price_is_asked_for_never_assumed(small: Path):
    fields = {k: v for k, v in TRADED.items() if k != "valid_from"}
    with pytest.raises(HandbookUserError, match=r"missing required field\(s\): valid_from"):
        new_entry("service", small, fields, interactive=False, today=TODAY)


def test_an_interview_with_wrong_answers_corrected_on_the_spot_writes_a_valid_entry_with_a_price_per_kind_of_school(data_copy: Path):
    path = data_copy / "services.yaml"
    before = path.read_text()
    done = _run(data_copy, "service", [answer for _, answer in INTERVIEW])
    assert done.returncode == 0, done.stderr
    said = done.stdout
    # Each wrong answer is refused at its question, in validation's words, and the question asked again.
    assert "'Lessons' is too short (at least 10 characters)." in said
    assert "'enrichmnt' is not a known category; did you mean 'enrichment'?" in said
    assert "'trade' is not a known provision; did you mean 'traded'? Choose one of: statutory, traded, mixed." in said
    assert "'£34' has '£' or commas in it; write 34" in said
    assert "'per dya' is not a known unit; did you mean 'per day'?" in said
    assert "'1 September' is not a date; write it as YYYY-MM-DD" in said
    assert said.count("Provision: statutory") == 2
    # The second price is asked for the kinds of school the first did not cover.
    assert "Kinds of school that pay the next price (Enter: the others do not buy it), separated by commas [academy, free-school]" in said
    start, added = _inserted(before, path.read_text())
    first, last = _lines_said(said)
    assert added[first - start] == "  - id: music-tuition\n" and len([a for a in added if a.strip()]) == last - first + 1
    service = validate(data_copy, TODAY).handbook.services_by_id["music-tuition"]
    maintained, academy = service.offers[0].charges
    assert (str(maintained.amount), maintained.vat.value, maintained.payer.value) == ("34.50", "outside-scope", "school")
    assert (str(academy.amount), academy.vat.value, academy.payer.value, academy.valid_from) == ("41", "standard", "trust", dt.date(2026, 9, 1))
    assert service.offers[0].id == "tuition-package" and service.offers[0].terms.contract_year.value == "academic"
    assert "            payer: trust\n" in added and sum("payer:" in line for line in added) == 1  # the default is left unwritten
    assert not resume_file(data_copy, "service").exists()
    # The officers' guide shows this interview: each of its lines is what the command says (a
    # question shown with the answer typed after it).
    guide = (Path(__file__).resolve().parents[2] / "docs" / "officers-guide.md").read_text()
    shown = guide.split("<!-- transcript new-service -->\n\n")[1].split("\n\n")[0].splitlines()
    assert len(shown) > 5
    for line in (line[4:] for line in shown if line.strip() != "…"):
        question = line.rsplit(": ", 1)[0] + ": " if line.rstrip().endswith(tuple(a for _, a in INTERVIEW if a)) and ": " in line else None
        assert (question or line) in said, line


def test_an_interrupted_interview_keeps_its_answers_and_the_next_run_carries_on_from_them(data_copy: Path):
    path = data_copy / "services.yaml"
    before = path.read_bytes()
    answers = [answer for _, answer in INTERVIEW]
    stop = [name for name, _ in INTERVIEW].index("offer_name")
    first = _run(data_copy, "service", answers[:stop])  # the input ends: as if the terminal closed
    assert first.returncode == 2 and "Traceback" not in first.stderr
    kept = resume_file(data_copy, "service")
    assert f"answers are kept in {kept}" in first.stderr and path.read_bytes() == before
    saved = yaml.safe_load(kept.read_text())
    assert saved["answers"]["provision"] == "traded" and saved["answers"]["summary"].startswith("Instrumental")
    assert "trade" not in saved["answers"].values()  # only accepted answers are kept

    second = _run(data_copy, "service", ["y", *answers[stop:]])
    assert second.returncode == 0, second.stderr
    assert "You began adding a service and gave 8 answers" in second.stdout
    assert "Id for the web address" not in second.stdout  # what was answered is not asked again
    _inserted(before.decode(), path.read_text())
    assert validate(data_copy, TODAY).handbook.services_by_id["music-tuition"].name == "Music Tuition"
    assert not kept.exists()


def test_ctrl_c_keeps_the_answers_given_so_far(data_copy: Path):
    process = subprocess.Popen([sys.executable, "-u", "-m", "handbook", "new", "contact", "--data", str(data_copy)],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    process.stdin.write("head-of-music\nHead of Music\n")
    process.stdin.flush()
    said = ""
    deadline = time.monotonic() + 60
    while "The team the role sits in" not in said and time.monotonic() < deadline:
        said += process.stdout.read(1)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130 and "Traceback" not in err
    assert yaml.safe_load(resume_file(data_copy, "contact").read_text())["answers"] == {"id": "head-of-music", "title": "Head of Music"}


def test_starting_afresh_forgets_the_kept_answers(data_copy: Path):
    _run(data_copy, "contact", ["head-of-music"])
    assert resume_file(data_copy, "contact").exists()
    done = _run(data_copy, "contact", ["n", "head-of-art", "Head of Art", "school-improvement", "art@westmarch.example", "", "", "", "", "", ""])
    assert done.returncode == 0, done.stderr
    roles = load_handbook(data_copy).roles_by_id
    assert "head-of-art" in roles and "head-of-music" not in roles


def test_new_service_goes_in_id_order_when_the_list_is_sorted_keeping_blank_lines(small: Path):
    before = (small / "services.yaml").read_text()
    new_entry("service", small, dict(TRADED, id="governor-training"), interactive=False, today=TODAY)
    after = (small / "services.yaml").read_text()
    _inserted(before, after)
    assert "    review_due: 2027-05-01\n\n  - id: governor-training\n" in after
    assert "    review_due: 2027-11-01\n\n  - id: music-education\n" in after
    ids = [s.id for s in load_handbook(small).services.services]
    assert ids == sorted(ids)


def test_new_statutory_service_needs_no_offer_and_gets_its_statutory_basis(small: Path):
    fields = {k: v for k, v in TRADED.items() if not k.startswith(("offer", "amount", "unit", "vat", "valid"))}
    fields.update(id="home-education-register-checks", provision="statutory", statutory_act="Education Act 1996", statutory_section="s.436A")
    new_entry("service", small, fields, interactive=False, today=TODAY)
    service = validate(small, TODAY).handbook.services_by_id["home-education-register-checks"]
    assert service.offers == [] and service.statutory_basis[0].section == "s.436A"


def test_new_contact_goes_at_the_end_of_the_roles_above_the_next_section_comment(data_copy: Path):
    path = data_copy / "contacts.yaml"
    before = path.read_text()
    message = new_entry("contact", data_copy, {"id": "head-of-music", "title": "Head of Music", "team": "school-improvement", "email": "music@westmarch.example", "holder": "Jo Bloggs", "consent_to_publish": "yes"}, interactive=False, today=TODAY)
    start, added = _inserted(before, path.read_text())
    assert added[0] == "  - id: head-of-music\n" and _lines_said(message)[0] == start
    assert path.read_text().split("  - id: head-of-music\n")[1].split("\n\n")[0].endswith("review_due: 2027-11-01")
    assert load_handbook(data_copy).roles_by_id["head-of-music"].public_name == "Jo Bloggs"


def test_new_charge_adds_a_price_to_an_existing_offer(data_copy: Path):
    path = data_copy / "services.yaml"
    before = path.read_text()
    old = load_handbook(data_copy).services_by_id["governor-training"].offers[0]
    done = _run(data_copy, "charge", ["governor-training", old.id, "other-authority", "", "60", "per delegate per half day", "", "exempt", "2026-09-01"])
    assert done.returncode == 0, done.stderr
    start, added = _inserted(before, path.read_text())
    first, last = _lines_said(done.stdout)
    assert (first, last - first + 1) == (start, len(added))
    offer = validate(data_copy, TODAY).handbook.services_by_id["governor-training"].offers[0]
    assert len(offer.charges) == len(old.charges) + 1
    new = offer.charges[-1]
    assert (str(new.amount), new.unit.value, [s.value for s in new.settings]) == ("60", "per delegate per half day", ["other-authority"])


def test_a_charge_for_an_unknown_service_or_offer_is_refused_with_the_known_ones(data_copy: Path):
    with pytest.raises(HandbookUserError, match="'payrol' is not a known service; did you mean 'payroll'"):
        new_entry("charge", data_copy, {"service": "payrol"}, interactive=False)
    with pytest.raises(HandbookUserError, match="'gold' is not an offer of payroll; its offers are payroll-sla"):
        new_entry("charge", data_copy, {"service": "payroll", "offer": "gold"}, interactive=False)


def test_missing_required_fields_without_input_are_listed(data_copy: Path):
    with pytest.raises(HandbookUserError, match="missing required field.*summary.*description"):
        new_entry("service", data_copy, {"id": "x-y", "name": "X"}, interactive=False)


def test_a_duplicate_id_is_refused_at_once_with_the_line_of_the_first(small: Path):
    with pytest.raises(HandbookUserError, match=r"id: the id 'music-education' is already used on line 58; each entry needs its own id"):
        new_entry("service", small, dict(TRADED, id="music-education"), interactive=False, today=TODAY)


def test_an_entry_that_would_not_validate_is_not_written_and_the_problem_is_at_its_real_lines(small: Path):
    path = small / "services.yaml"
    before = path.read_bytes()
    with pytest.raises(HandbookUserError, match="nothing was written") as caught:
        new_entry("service", small, dict(TRADED, contacts="investigations-officer"), interactive=False, today=TODAY)  # an internal role
    said = str(caught.value)
    first, last = (int(n) for n in said.split("(lines ")[1].split(" of ")[0].split("-"))
    line = int(said.splitlines()[1].split("services.yaml:")[1].split(":")[0])
    assert first <= line <= last and "internal" in said and path.read_bytes() == before


def test_the_data_with_errors_elsewhere_is_not_added_to(small: Path):
    contacts = small / "contacts.yaml"
    contacts.write_text(contacts.read_text().replace("team: school-improvement", "team: school-improvment", 1))
    before = (small / "services.yaml").read_bytes()
    with pytest.raises(HandbookUserError, match=r"contacts.yaml:\d+:\d+: roles\[\d+\].team: 'school-improvment' is not a known unit"):
        new_entry("service", small, dict(TRADED), interactive=False, today=TODAY)
    assert (small / "services.yaml").read_bytes() == before


def test_unknown_field_and_bad_amount_are_user_errors(data_copy: Path):
    with pytest.raises(HandbookUserError, match="unknown field.*colour"):
        new_entry("service", data_copy, dict(TRADED, colour="red"), interactive=False)
    with pytest.raises(HandbookUserError, match="amount: '£34' has '£' or commas in it; write 34"):
        new_entry("service", data_copy, dict(TRADED, amount="£34"), interactive=False)


def test_cli_new_takes_fields_as_options(data_copy: Path, capsys: pytest.CaptureFixture[str]):
    args = ["new", "contact", "--data", str(data_copy), "--no-input", "-f", "id=head-of-music", "-f", "title=Head of Music", "-f", "team=school-improvement", "-f", "email=music@westmarch.example"]
    assert main(args) == 0
    assert "Added the contact 'Head of Music' (head-of-music)" in capsys.readouterr().out
    assert main(args) == 2  # the same id again: refused at once, with the line of the first
    assert "is already used on line" in capsys.readouterr().err


def test_no_input_left_to_read_is_a_user_error_not_a_traceback(data_copy: Path):
    done = subprocess.run([sys.executable, "-m", "handbook", "new", "service", "--data", str(data_copy), "-f", "name=Test Service"],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "-f NAME=VALUE" in done.stderr and "--no-input" in done.stderr


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


def test_every_field_and_option_is_in_help():
    done = subprocess.run([sys.executable, "-m", "handbook", "new", "--help"], capture_output=True, text=True)
    for word in ("--field", "--no-input", "valid_from", "charge_settings", "offer_id", "payer", "charge_settings.2", "new-KIND.yaml", "{service,contact,charge}"):
        assert word in done.stdout, word


def test_the_command_and_its_first_question_need_no_model_imported():
    # The models take most of a second to import: they load in a thread while the first answer is typed.
    code = "import sys; import handbook.commands.cli, handbook.commands.new; print(sorted(m for m in sys.modules if m.startswith(('pydantic', 'handbook.data'))))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stdout + done.stderr


def test_an_interview_whose_entry_does_not_validate_keeps_the_answers_but_asks_the_faulty_one_again(small: Path):
    answers = {k: v for k, v in TRADED.items() if k not in ("id", "contacts")}
    done = _run(small, "service", ["music-tuition", "", "", "", "", "investigations-officer", "", "", "", "", ""],
                *(arg for name, value in answers.items() for arg in ("-f", f"{name}={value}")))
    assert done.returncode == 1 and "is an internal contact role" in done.stderr
    assert "`handbook new service` carries on from them, but for contacts, which it asks again" in done.stderr
    kept = yaml.safe_load(resume_file(small, "service").read_text())["answers"]
    assert "contacts" not in kept and kept["id"] == "music-tuition"
    again = _run(small, "service", ["y", "head-school-improvement"])
    assert again.returncode == 0, again.stdout + again.stderr
    assert validate(small, TODAY).handbook.services_by_id["music-tuition"].contacts == ["head-school-improvement"]


@pytest.mark.parametrize("kind", ["service", "charge", "contact"])
def test_the_values_kept_for_the_new_file_are_what_reading_it_afresh_gives(kind: str, data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # handbook new seeds the loader's cache with the new file's values, so validation need not read
    # it all again; they must be exactly what reading the file gives.
    from handbook.data.load import load_file

    monkeypatch.setenv("HANDBOOK_CACHE", str(tmp_path / "cache"))
    fields = {
        "service": dict(TRADED, id="zz-last", settings="maintained, academy", charge_settings="maintained", **{"charge_settings.2": "academy", "amount.2": "40", "unit.2": "per hour", "vat.2": "standard", "valid_from.2": "2026-09-01"}),
        "charge": {"service": "governor-training", "offer": "governor-courses", "charge_settings": "other-authority", "amount": "60", "unit": "per delegate per half day", "vat": "exempt", "valid_from": "2026-09-01"},
        "contact": {"id": "aa-first", "title": "Head of Music", "team": "school-improvement", "phone": "01632 960 999"},
    }[kind]
    new_entry(kind, data_copy, fields, interactive=False, today=TODAY)
    path = data_copy / ("contacts.yaml" if kind == "contact" else "services.yaml")
    cached, _ = load_file(path)
    assert cached.root is None  # served from the cache
    monkeypatch.setenv("HANDBOOK_CACHE", "off")
    fresh, problems = load_file(path)
    assert not problems and fresh.root is not None and fresh.value == cached.value


def test_a_file_saved_while_the_questions_ran_is_added_to_as_it_is_now(small: Path):
    path = small / "services.yaml"

    def read(prompt: str) -> str:
        if prompt.startswith("Contract year"):  # asked after the file was read: the officer saves it meanwhile
            path.write_text(path.read_text().replace("# Fixture: services of the newer edition.", "# Fixture: edited meanwhile."))
        return ""

    new_entry("service", small, dict(TRADED), interactive=True, today=TODAY, read=read, say=lambda text: None)
    text = path.read_text()
    assert "# Fixture: edited meanwhile." in text and "  - id: music-tuition\n" in text


def test_a_new_service_takes_the_next_free_number_of_its_category_and_no_other_reference_moves(data_copy: Path):
    from handbook.views.catalogue import references

    before = references(load_handbook(data_copy, TODAY))
    new_entry("service", data_copy, dict(TRADED), interactive=False, today=TODAY)
    result = validate(data_copy, TODAY)
    assert not [p for p in result.problems if p.code in ("missing-number", "duplicate-number")]
    after = references(result.handbook)
    assert {sid: after[sid] for sid in before} == before
    highest = max(s.number for s in result.handbook.services.services if s.category == "school-improvement" and s.id != "music-tuition")
    assert result.handbook.services_by_id["music-tuition"].number == highest + 1
    assert "  - id: music-tuition\n    number: " in (data_copy / "services.yaml").read_text()


def test_a_file_without_numbers_gets_none_from_new(small: Path):
    category = load_handbook(small, TODAY).services.categories[0].id
    new_entry("service", small, dict(TRADED, category=category), interactive=False, today=TODAY)
    assert "number:" not in (small / "services.yaml").read_text()
