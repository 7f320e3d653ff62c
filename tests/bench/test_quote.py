"""bench.quote: the whole `handbook quote` command timed in fresh interpreters, past the limits too."""

import shutil
import subprocess

from bench.quote import SCHOOL, command, measure
from tests.cases import MINIMAL


def test_measure_times_a_cold_and_a_warm_quote_of_every_service(tmp_path):
    figures = measure(MINIMAL, tmp_path / "cache", repeat=1)
    assert 0 < figures["first"] < 60 and 0 < figures["again"] < 60
    assert figures["services"] >= 1 and figures["kb"] > 0
    assert (tmp_path / "cache").is_dir()  # its own cache, filled by the first run


def test_past_limits_quotes_data_a_valid_file_may_not_hold(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    services = data / "services.yaml"
    services.write_text(services.read_text(encoding="utf-8") + "# padding\n" * 120_000, encoding="utf-8")  # over 1 MB
    refused = subprocess.run(command(data), capture_output=True, text=True)
    assert refused.returncode == 1 and "services.yaml" in refused.stderr
    quoted = subprocess.run(command(data, past_limits=True), capture_output=True, text=True)
    assert quoted.returncode == 0, quoted.stderr
    assert quoted.stdout.startswith("Primary academy, 210 pupils on roll") and SCHOOL[1] == "primary"
