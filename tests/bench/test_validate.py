"""bench.validate: the whole `handbook validate` command timed in fresh interpreters, past the limits too."""

import shutil
import subprocess

from bench.validate import command, measure
from tests.cases import MINIMAL


def test_measure_times_the_command_and_where_its_time_goes():
    figures = measure(MINIMAL, repeat=1)
    assert 0 < figures["interpreter"] < figures["seconds"] < 60
    assert figures["imports"] > 0 and 0 < figures["validating"] < figures["seconds"]
    assert figures["errors"] == 0


def test_past_limits_validates_data_a_valid_file_may_not_hold(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    services = data / "services.yaml"
    services.write_text(services.read_text(encoding="utf-8") + "# padding\n" * 120_000, encoding="utf-8")  # over 1 MB
    refused = subprocess.run(command(data), capture_output=True, text=True)
    assert refused.returncode == 1 and "the handbook's limit is 1 MB per file" in refused.stdout
    assert subprocess.run(command(data, past_limits=True), capture_output=True, text=True).returncode == 0
    assert measure(data, past_limits=True, repeat=1)["validating"] > 0
