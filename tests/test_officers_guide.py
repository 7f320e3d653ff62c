"""The officers' guide (docs/officers-guide.md): every worked example is applied to a copy of the
sample data and must validate (or, for the error example, report exactly what the guide shows).

Examples are marked `<!-- example NAME: STEP -->` just above an indented code block, STEP being
`replace in FILE` / `with` (a before/after pair; FILE relative to the data folder), `add to LIST
in FILE`, `run` (shell commands run beside the data folder), `handbook` (`.venv/bin/handbook …`
lines, run as the handbook command in the folder above the data), `prints` (lines the last
`handbook` step printed, each found in its output) or `errors` (the expected `handbook
validate` lines).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import shutil
import subprocess
import textwrap
from collections import defaultdict
from pathlib import Path

import pytest

from handbook.commands.new import add_written
from handbook.data.editions import previous_edition
from handbook.data.report import render
from handbook.data.validate import load_handbook, validate
from handbook.views.changes import compare

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "officers-guide.md"
MARKER = re.compile(r"^<!-- example ([\w-]+): (.+?) -->\n\n((?:(?:    .*)?\n)+)", re.M)
TOPICS = ["change-a-price", "add-a-service", "retire-a-service", "change-a-contact", "start-a-new-edition", "set-next-years-prices",
          "start-a-handbook-for-a-council", "read-a-validation-error", "several-mistakes-at-once"]
ERROR_EXAMPLES = ["read-a-validation-error", "several-mistakes-at-once"]
CHANGES_THE_DATA = [t for t in TOPICS if t not in (*ERROR_EXAMPLES, "start-a-handbook-for-a-council")]


def examples() -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for name, step, block in MARKER.findall(GUIDE.read_text()):
        found[name].append((step, textwrap.dedent(block).strip("\n") + "\n"))
    return found


def replace_indented(text: str, before: str, after: str) -> str:
    """Replace the one place where `before` occurs at some indentation, keeping that indentation."""
    first = re.escape(before.splitlines()[0])
    hits = [m for m in re.finditer(rf"^( *){first}$", text, re.M) if _at(text, m.start(), m.group(1), before)]
    assert len(hits) == 1, f"the guide's 'before' text is found {len(hits)} times in the data, not once:\n{before}"
    indent = hits[0].group(1)
    return text.replace(textwrap.indent(before, indent), textwrap.indent(after, indent), 1)


def _at(text: str, start: int, indent: str, block: str) -> bool:
    return text.startswith(textwrap.indent(block, indent), start)


def run_handbook(block: str, folder: Path) -> str:
    """Each `.venv/bin/handbook …` line of `block` run as the handbook command in `folder`; what they printed."""
    from handbook.commands.cli import main

    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        for line in block.splitlines():
            words = shlex.split(line)
            assert words and words[0] == ".venv/bin/handbook", f"not a handbook command: {line!r}"
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
                main(words[1:])
    finally:
        os.chdir(cwd)
    return out.getvalue()


def apply(steps: list[tuple[str, str]], data: Path) -> str | None:
    """Apply an example's steps to the data folder; the expected errors, if the example has some."""
    pending: tuple[Path, str] | None = None
    expected = None
    printed = ""
    for step, block in steps:
        if step.startswith("replace in "):
            pending = (data / step.removeprefix("replace in "), block)
        elif step == "with":
            assert pending is not None, "a `with` example needs a `replace in` example above it"
            path, before = pending
            path.write_text(replace_indented(path.read_text(), before, block))
            pending = None
        elif step.startswith("add to "):
            list_key, file = step.removeprefix("add to ").split(" in ")
            path = data / file
            path.write_text(add_written(path.read_text(), list_key, block)[0])
        elif step == "run":
            subprocess.run(["bash", "-euo", "pipefail", "-c", block], cwd=data.parent, check=True)
        elif step == "handbook":
            printed = run_handbook(block, data.parent)
        elif step == "prints":
            missing = [line.strip() for line in block.splitlines() if line.strip() not in printed]
            assert not missing, f"the guide shows lines the command did not print: {missing}\nIt printed:\n{printed}"
        elif step == "errors":
            expected = block
        else:
            raise AssertionError(f"unknown example step {step!r}")
    assert pending is None, "a `replace in` example without its `with`"
    return expected


def test_the_guide_has_a_worked_example_for_each_task():
    assert sorted(examples()) == sorted(TOPICS)


@pytest.mark.parametrize("name", CHANGES_THE_DATA)
def test_guide_example_applied_to_the_sample_data_validates(name: str, data_copy: Path):
    before = load_handbook(data_copy)
    apply(examples()[name], data_copy)
    result = validate(data_copy)
    assert result.ok, render(result.errors)
    after = result.handbook
    assert after != before, "the example changed nothing"


def test_price_example_is_reported_by_what_changed(data_copy: Path, sample_data: Path):
    apply(examples()["change-a-price"], data_copy)
    from handbook.views.changes import compare

    report = compare(load_handbook(sample_data), load_handbook(data_copy))
    assert [(str(c.old_amount), str(c.new_amount)) for c in report.charges_changed] == [("2150", "2230")]


def test_an_internal_service_disappears_without_being_named_as_withdrawn(data_copy: Path, sample_data: Path):
    from handbook.views.changes import compare

    apply(examples()["retire-a-service"], data_copy)
    report = compare(load_handbook(sample_data), load_handbook(data_copy))
    assert report.services_withdrawn == [] and report.is_empty


def test_a_deleted_service_is_reported_as_withdrawn(data_copy: Path, sample_data: Path):
    from handbook.views.changes import compare

    services = data_copy / "services.yaml"
    lines = services.read_text(encoding="utf-8").splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith("  - id: ")]
    first = next(i for i in starts if lines[i].strip() == "- id: eal-traveller-support")
    last = next((i for i in starts if i > first), len(lines))
    services.write_text("".join(lines[:first] + lines[last:]), encoding="utf-8")
    report = compare(load_handbook(sample_data), load_handbook(data_copy))
    assert [s.id for s in report.services_withdrawn] == ["eal-traveller-support"]


def test_new_edition_example_archives_the_edition_and_compares_with_it(data_copy: Path):
    apply(examples()["start-a-new-edition"], data_copy)
    handbook = load_handbook(data_copy)
    assert handbook.authority.edition.id == "2027-28"
    archived = data_copy / "archive" / "2026-27"
    assert load_handbook(archived).authority.edition.id == "2026-27"
    report = compare(previous_edition(handbook, data_copy), handbook)
    assert report is not None and (report.old_edition, report.new_edition) == ("2026-27", "2027-28") and report.is_empty


def test_the_guide_no_longer_has_officers_copy_files_or_edit_the_edition_by_hand():
    text = GUIDE.read_text(encoding="utf-8")
    assert "cp data/*.yaml" not in text and "mkdir -p data/archive" not in text
    assert "<!-- example start-a-new-edition: replace in" not in text


def test_price_sheet_example_changes_exactly_the_two_prices(data_copy: Path, sample_data: Path):
    apply(examples()["set-next-years-prices"], data_copy)
    report = compare(load_handbook(sample_data), load_handbook(data_copy))
    changed = sorted((c.service_id, str(c.old_amount), str(c.new_amount), c.above_threshold) for c in report.charges_changed)
    assert changed == [("payroll", "7.60", "7.85", False), ("payroll", "8.95", "9.20", False),
                       ("school-finance-support", "1450", "1520", True), ("school-finance-support", "2150", "2230", False)]


def test_init_example_creates_a_valid_handbook_for_the_council(data_copy: Path):
    apply(examples()["start-a-handbook-for-a-council"], data_copy)
    result = validate(data_copy.parent / "wessex-handbook" / "data")
    assert result.ok and result.handbook.authority.authority.name == "Wessex County Council"
    assert result.handbook.authority.branding.primary_colour == "#0b4f2a"


@pytest.mark.parametrize("name", ERROR_EXAMPLES)
def test_error_example_shows_exactly_what_handbook_validate_reports(name: str, data_copy: Path, monkeypatch: pytest.MonkeyPatch):
    expected = apply(examples()[name], data_copy)
    monkeypatch.chdir(data_copy.parent)  # so paths read data/services.yaml, as in the guide
    result = validate(Path("data"))
    assert render(result.errors) + "\n" == expected


def test_the_guide_explains_every_kind_of_problem_the_check_reports():
    """Each problem code of the messages table, the checks and the fault fixtures has a row in the
    guide's "What each message means" table."""
    from handbook.data import messages
    from tests.cases import INVALID, read_case

    table = GUIDE.read_text().split("## What each message means and how to fix it", 1)[1].split("\n## ", 1)[0]
    explained = set(re.findall(r"`([a-z.-]+)`", "\n".join(line.split(" | ")[0] for line in table.splitlines() if line.startswith("| `"))))
    codes = set(messages.RULES) | {code for _, code in messages.VALUE_RULES.values()} | set(messages.CHECK_MESSAGES)
    codes |= {code for _, code in messages._KINDS.values()} | {code for path in INVALID for *_, code, _ in read_case(path).expected}
    assert codes <= explained, sorted(codes - explained)


def test_contributing_points_officers_to_the_guide_without_repeating_it():
    text = (ROOT / "CONTRIBUTING.md").read_text()
    assert "docs/officers-guide.md" in text
    assert "<!-- example" not in text and len(text.splitlines()) < 80
