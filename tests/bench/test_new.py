"""bench.new: `handbook new` timed as a whole command, and an edit's way to the page `make serve` shows."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from bench.new import ANSWERS, _service, _settle, measure_new, new_command

SAMPLE = Path(__file__).resolve().parents[2] / "data"


def test_the_answers_add_a_valid_service_to_the_sample(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    done = subprocess.run(new_command(data), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f"({ANSWERS['id']})" in done.stdout and f"  - id: {ANSWERS['id']}\n" in (data / "services.yaml").read_text()
    lifted = subprocess.run(new_command(data, past_limits=True, id="zz-bench-other"), capture_output=True, text=True)
    assert lifted.returncode == 0, lifted.stderr


def test_measure_new_times_first_and_later_runs_and_a_refusal_on_fresh_copies(tmp_path):
    figures = measure_new(SAMPLE, tmp_path, repeat=1)
    assert 0 < figures["first"] < 60 and 0 < figures["again"] < 60 and 0 < figures["duplicate"] < 60
    assert figures["lines"] == len((SAMPLE / "services.yaml").read_text().splitlines())
    assert ANSWERS["id"] not in (SAMPLE / "services.yaml").read_text()  # the sample itself is never written


def test_the_edited_service_is_the_first_and_its_name_line_is_found():
    service, at = _service(SAMPLE / "services.yaml")
    lines = (SAMPLE / "services.yaml").read_text().splitlines()
    assert lines[at].strip().startswith("name: ") and f"- id: {service}" in "\n".join(lines[at - 3 : at])


def test_the_serve_rows_run_properdocs_serve_as_make_serve_does():
    from bench.new import SERVE_OPTIONS

    serve = next(line for line in (SAMPLE.parent / "Makefile").read_text().splitlines() if "properdocs serve" in line)
    assert SERVE_OPTIONS and all(option in serve.split() for option in SERVE_OPTIONS)


def test_settle_waits_until_every_build_started_has_finished(tmp_path):
    log = tmp_path / "serve.log"
    log.write_text("INFO - Building documentation...\nINFO - Documentation built in 1 s\n" * 2)
    assert _settle(log, quiet=0.3, timeout=10) == 2


def test_measure_serve_sees_an_edit_of_services_yaml_on_the_served_page(tmp_path):
    from bench.new import measure_serve
    from tests.cases import MINIMAL

    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    figures = measure_serve(data, tmp_path / "work", edits=1)
    assert len(figures["edits"]) == 1 and 0 < figures["median"] < 300 and figures["builds"] == [1]
    assert "Edited Service Name Number 0" in (data / "services.yaml").read_text()
