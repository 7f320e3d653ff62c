from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from handbook.core.errors import HandbookUserError, Level
from handbook.data.validate import load_handbook, validate
from tests.cases import INVALID, MINIMAL, data_folder_with, read_case

TODAY = dt.date(2026, 11, 1)
PYDANTIC_PHRASES = ("Input should be", "Extra inputs", "Field required", "Value error", "validation error", "Traceback")


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_each_fault_is_reported_at_its_exact_location(path: Path, tmp_path: Path) -> None:
    case = read_case(path)
    assert case.expected, f"{path.name} has no '# expect:' line"
    result = validate(data_folder_with(case, tmp_path / "data"), today=TODAY)
    found = [(p.line, p.col, p.level.value, p.code, p.path) for p in result.problems]
    assert found == case.expected
    assert all(p.file.endswith(case.replaces) for p in result.problems)
    assert result.handbook is None


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_messages_are_plain_english_without_pydantic_phrases(path: Path, tmp_path: Path) -> None:
    result = validate(data_folder_with(read_case(path), tmp_path / "data"), today=TODAY)
    for problem in result.problems:
        assert not any(phrase in problem.message for phrase in PYDANTIC_PHRASES), problem.message
        assert problem.message[0].islower() or problem.message[0] in "'\"`0123456789-£YD", problem.message


def test_minimal_and_sample_handbooks_are_valid(sample_data: Path) -> None:
    assert validate(MINIMAL, today=TODAY).problems == []
    result = validate(sample_data, today=TODAY)
    assert result.errors == [], result.errors
    assert result.handbook is not None


def test_faults_in_several_files_are_all_reported_in_one_run(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    services = (data / "services.yaml").read_text()
    services = services.replace("    summary: Budget planning", "    sumary: Budget planning")
    services = services.replace("    contacts: [head-school-improvement]", "    contacts: [head-of-nothing]")
    (data / "services.yaml").write_text(services)
    contacts = (data / "contacts.yaml").read_text().replace("email: dcs@westmarch.example", "email: not-an-address")
    (data / "contacts.yaml").write_text(contacts)
    (data / "protocols.yaml").write_text("protocols: [\n")

    result = validate(data, today=TODAY)
    codes = sorted((Path(p.file).name, p.code) for p in result.problems)
    assert codes == [
        ("contacts.yaml", "bad-email"),
        ("protocols.yaml", "syntax"),
        ("services.yaml", "dangling-reference"),
        ("services.yaml", "unknown-field"),
    ]


def test_a_misspelt_field_arrives_with_its_suggestion_as_a_field_and_is_not_also_missing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    services = (data / "services.yaml").read_text().replace("    summary: Budget planning", "    sumary: Budget planning")
    (data / "services.yaml").write_text(services)
    [problem] = validate(data, today=TODAY).problems
    assert (problem.code, problem.suggestion) == ("unknown-field", "summary")
    assert problem.message == "'sumary' is not a known field here; did you mean 'summary'?"


def test_a_misspelt_field_with_no_near_name_suggests_nothing_and_the_missing_field_is_reported(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    services = (data / "services.yaml").read_text().replace("    summary: Budget planning", "    zzzzzz: Budget planning")
    (data / "services.yaml").write_text(services)
    found = sorted((p.code, p.suggestion) for p in validate(data, today=TODAY).problems)
    assert found == [("missing-field", None), ("unknown-field", None)]


def test_missing_data_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    (data / "protocols.yaml").unlink()
    result = validate(data, today=TODAY)
    assert [(Path(p.file).name, p.code) for p in result.problems] == [("protocols.yaml", "missing-file")]


def test_missing_data_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(HandbookUserError) as error:
        validate(tmp_path / "nowhere")
    assert error.value.status == 2


def test_overdue_review_is_a_warning_and_still_valid(tmp_path: Path) -> None:
    result = validate(MINIMAL, today=dt.date(2027, 6, 2))
    assert result.ok and result.handbook is not None
    assert {p.code for p in result.problems} == {"review-overdue"}
    assert all(p.level is Level.WARNING for p in result.problems)


def test_a_build_skips_only_the_advisory_rules() -> None:
    full = validate(MINIMAL, today=dt.date(2027, 6, 2))
    quiet = validate(MINIMAL, today=dt.date(2027, 6, 2), warnings=False)
    assert full.problems and quiet.problems == [] and quiet.handbook == full.handbook


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_without_warnings_every_fault_is_still_an_error(path: Path, tmp_path: Path) -> None:
    """The advisory rules a build skips never produce an error, so skipping them hides none."""
    folder = data_folder_with(read_case(path), tmp_path / "data")
    full = validate(folder, today=TODAY)
    assert validate(folder, today=TODAY, warnings=False).problems == full.errors


def test_load_handbook_refuses_data_with_errors(tmp_path: Path) -> None:
    case = read_case(INVALID[0])
    with pytest.raises(HandbookUserError) as error:
        load_handbook(data_folder_with(case, tmp_path / "data"))
    assert error.value.status == 1
    assert "handbook validate" in str(error.value)


_SERVICES = (MINIMAL / "services.yaml").read_text(encoding="utf-8")


def _spliced(data) -> str:
    from hypothesis import strategies as st

    cut = data.draw(st.integers(0, len(_SERVICES)))
    noise = data.draw(st.text(alphabet=" \t\n:-[]{}'\"&*!|>#%@`,?0123456789abcxyz", max_size=10))
    return _SERVICES[:cut] + noise + _SERVICES[cut:][: data.draw(st.integers(0, 200))]


def test_truncated_or_mangled_data_never_raises_from_validate(tmp_path_factory) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    data_dir = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(MINIMAL, data_dir)

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.data())
    def run(data) -> None:
        (data_dir / "services.yaml").write_text(_spliced(data), encoding="utf-8")
        result = validate(data_dir, today=TODAY)
        for problem in result.problems:
            assert problem.line >= 1 and problem.col >= 1 and problem.message
            assert not any(phrase in problem.message for phrase in PYDANTIC_PHRASES), problem.message

    run()


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_messages_stay_one_readable_line(path: Path, tmp_path: Path) -> None:
    result = validate(data_folder_with(read_case(path), tmp_path / "data"), today=TODAY)
    for problem in result.problems:
        assert "\n" not in problem.message and len(problem.message) < 400 and len(problem.path) < 200, problem


@pytest.mark.parametrize("field", ["    name: School Finance Support", "    summary: Budget planning", "    description: Budgets, funding", "      - id: finance-sla", "            unit: per school per year", "            valid_from: 2026-04-01", "          - amount: 1450"])
def test_the_longest_value_a_file_may_hold_makes_a_short_message_quickly(field: str, tmp_path: Path) -> None:
    """Whatever field a huge value is put in, the problem names its length, never the value itself."""
    import time

    from handbook.core import limits

    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    text = (data / "services.yaml").read_text(encoding="utf-8")
    huge = "x" * (limits.MAX_FILE_BYTES - len(text.encode()) - 100)
    (data / "services.yaml").write_text(text.replace(field, field.split(": ")[0] + ": " + huge, 1), encoding="utf-8")
    started = time.perf_counter()
    result = validate(data, today=TODAY)
    assert time.perf_counter() - started < 5
    assert result.errors and all(len(p.message) < 400 for p in result.problems), [p.message[:100] for p in result.problems]


def test_a_misspelt_unit_arrives_with_its_suggestion_as_a_field(tmp_path: Path) -> None:
    case = read_case(INVALID[[p.stem for p in INVALID].index("unknown-unit")])
    [problem] = validate(data_folder_with(case, tmp_path / "data"), today=TODAY).problems
    assert (problem.code, problem.suggestion) == ("unknown-choice", "per academy per year")
    assert problem.message == "'per acadmy per year' is not a known unit; did you mean 'per academy per year'?"


def test_a_duplicated_id_is_reported_even_where_the_first_entry_with_it_has_another_error(tmp_path: Path) -> None:
    from tests.edit import codes, validate_edited

    result = validate_edited(tmp_path, {"contacts": [
        ("    email: dcs@westmarch.example", "    email: not-an-address"),
        ("  - id: head-school-improvement", "  - id: director-childrens-services"),
    ]})
    assert ("bad-email", "roles[0].email") in codes(result)
    assert ("duplicate-id", "roles[1].id") in codes(result)


def test_references_and_bands_are_checked_in_a_record_with_field_errors(tmp_path: Path) -> None:
    from tests.edit import codes, validate_edited

    result = validate_edited(tmp_path, {"services": [
        ("      settings: [maintained, academy]", "      settings: [maintained, academies]"),
        ("    contacts: [schools-finance-manager]", "    contacts: [schools-finance-managr]"),
        ("              pupils_from: 211", "              pupils_from: 200"),
    ]})
    assert codes(result) == [
        ("unknown-choice", "services[0].audience.settings[1]"),
        ("overlapping-band", "services[0].offers[0].charges[1].band"),
        ("dangling-reference", "services[0].contacts[0]"),
    ]
