import json
import subprocess
import sys

from tests.cases import MINIMAL


def test_a_bench_step_runs_in_a_child_and_reports_time_and_peak_memory():
    out = subprocess.run([sys.executable, "-m", "bench.run", "--child", "validate", str(MINIMAL), "1"], capture_output=True, text=True, check=True)
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    assert figures["seconds"] > 0 and figures["peak_mb"] > 10


def test_unknown_bench_step_is_refused():
    out = subprocess.run([sys.executable, "-m", "bench.run", "--child", "nonsense"], capture_output=True, text=True)
    assert out.returncode != 0 and "unknown bench step" in out.stderr


def test_the_build_step_reports_how_a_refused_build_ends_and_its_peak_memory(tmp_path):
    # The bench's 1 MB-name row: `handbook build` must stop at validation, at the file's line.
    import shutil

    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    services = data / "services.yaml"
    services.write_text(services.read_text(encoding="utf-8").replace("name: School Finance Support", "name: " + "A" * 1_048_576, 1), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "bench.run", "--child", "build", str(data), str(tmp_path / "site")], capture_output=True, text=True, check=True)
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    assert figures["status"] == 1 and figures["first_line"].startswith(str(services))
    assert figures["peak_mb"] < 2048 and not (tmp_path / "site").exists()
