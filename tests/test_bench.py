import json
import subprocess
import sys

from tests.cases import MINIMAL


def test_a_bench_step_runs_in_a_child_and_reports_time_and_peak_memory():
    out = subprocess.run([sys.executable, "-m", "handbook.bench", "--child", "validate", str(MINIMAL), "1"], capture_output=True, text=True, check=True)
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    assert figures["seconds"] > 0 and figures["peak_mb"] > 10


def test_unknown_bench_step_is_refused():
    out = subprocess.run([sys.executable, "-m", "handbook.bench", "--child", "nonsense"], capture_output=True, text=True)
    assert out.returncode != 0 and "unknown bench step" in out.stderr
