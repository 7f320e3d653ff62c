"""bench.new: `handbook new` as a whole command, and an edit of services.yaml to its page in `make serve`.

Input: a data folder (the sample, or `bench.synthetic`'s 100 or 1,000 services). Output: figures
that `bench.run` prints beside their targets; this module only measures.

- `measure_new`: `handbook new service --no-input` with every answer given as `-f` (two prices:
  maintained schools, then academies), each run in a fresh interpreter on a fresh copy of the
  data, start-up included: the first run with the handbook cache empty, the median of the runs
  after it (the cache holding the unchanged files, as after an officer's last `validate`), and
  the time to refuse an id already used (issue 17 measured 3.9 s).
- `measure_serve`: `properdocs serve` on 127.0.0.1 with the project's mkdocs.yml (a copy, so the
  project's docs/ is never written) and HANDBOOK_DATA at the data; once the service's page is
  served, its name is changed in services.yaml and the page polled until it shows the new name:
  the seconds an officer waits between saving and seeing. 1,000 services are more than a valid
  services.yaml holds (over 1 MB): both commands then run with the limits lifted first
  (`PAST_LIMITS`, as `bench.quote` does).
"""

from __future__ import annotations

import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.quote import LIFT_LIMITS, RUN_HANDBOOK
from bench.site import project_copy

ROOT = Path(__file__).resolve().parent.parent
NEW_TARGET = 1.0
SERVE_TARGETS = {100: 1.0, 1000: 2.0}
# The options `make serve` gives `properdocs serve` (tests/bench/test_new.py compares the Makefile):
# a dirty build keeps the site between builds, so only what an edit changed is built again.
SERVE_OPTIONS = ("--dirty",)
ANSWERS = {
    "id": "zz-bench-music-tuition",  # last in id order: the list is read to its end
    "name": "Bench Music Tuition",
    "summary": "Instrumental lessons in school from specialist teachers.",
    "description": "Specialist teachers give individual and group lessons in school time.",
    "category": "enrichment",
    "provision": "traded",
    "phases": "primary, secondary",
    "settings": "maintained, academy",
    "offer_name": "Tuition package",
    "offer_kind": "package",
    "charge_settings": "maintained",
    "amount": "34.50",
    "unit": "per hour",
    "vat": "outside-scope",
    "valid_from": "2026-09-01",
    "charge_settings.2": "academy",
    "amount.2": "41",
    "unit.2": "per hour",
    "payer.2": "trust",
    "vat.2": "standard",
    "how_to_buy": "Book through the traded services portal.",
    "contacts": "head-of-music-service",
    "owner": "music-service",
}

# The handbook package's front door imports the models, whose limits are read when their classes
# are made: a stand-in package lifts the limits first, then runs the command (see bench.quote).
PAST_LIMITS = LIFT_LIMITS + """
if sys.argv[1] == "serve":
    from properdocs.__main__ import cli
    sys.argv[0] = "properdocs"
    sys.exit(cli())
""" + RUN_HANDBOOK


def new_command(data: Path, past_limits: bool = False, **changed: str) -> list[str]:
    """The command line of `handbook new service` with every answer given."""
    fields = [arg for name, value in (ANSWERS | changed).items() for arg in ("-f", f"{name}={value}")]
    args = ["new", "service", "--data", str(data), "--no-input", *fields]
    if past_limits:
        return [sys.executable, "-c", PAST_LIMITS, str(ROOT), *args]
    return [sys.executable, "-m", "handbook", *args]


def _timed(argv: list[str], env: dict, status: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run. Why CPU too: on a machine others share, the wall
    time grows with their load; the CPU time (user + system) is the command's own cost."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=ROOT)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != status:
        raise SystemExit(f"`{' '.join(argv[-40:])}` exited {done.returncode}, not {status}:\n{done.stdout[-2000:]}{done.stderr[-3000:]}")
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure_new(data: Path, work: Path, past_limits: bool = False, repeat: int = 3) -> dict:
    """{"first", "again", "duplicate": wall seconds, the same ending "_cpu": CPU seconds; "lines":
    of services.yaml} for `handbook new service`."""
    cache = work / "new-cache"
    shutil.rmtree(cache, ignore_errors=True)
    env = dict(os.environ, HANDBOOK_CACHE=str(cache), NO_MKDOCS_2_WARNING="1")
    copy = work / "new-data"
    times = []
    for _ in range(repeat + 1):
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(data, copy, symlinks=True)
        times.append(_timed(new_command(copy, past_limits), env, 0))
    used = _service(data / "services.yaml")[0]
    refused = [_timed(new_command(copy, past_limits, id=used), env, 2) for _ in range(repeat)]
    lines = sum(1 for _ in (data / "services.yaml").open(encoding="utf-8"))
    figures = {"lines": lines}
    for name, runs in (("first", times[:1]), ("again", times[1:]), ("duplicate", refused)):
        figures[name] = statistics.median(wall for wall, _ in runs)
        figures[f"{name}_cpu"] = statistics.median(cpu for _, cpu in runs)
    return figures


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _page(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def _wait_for(url: str, text: str | None, timeout: float, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = _page(url)
        if body is not None and (text is None or text in body):
            return
        if process.poll() is not None:
            raise SystemExit(f"properdocs serve stopped ({process.returncode}):\n{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.05)
    raise SystemExit(f"{url} did not show {text!r} within {timeout:.0f} s:\n{log.read_text(errors='replace')[-3000:]}")


def _settle(log: Path, quiet: float = 2.0, timeout: float = 900) -> int:
    """Waits until every build the server started has finished and none starts for `quiet`
    seconds; returns the builds so far. Why: the first build writes the generated pages into
    docs/, which the server watches, so a second build follows it (as one follows each edit)."""
    deadline = time.monotonic() + timeout
    last, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8", errors="replace")
        started, finished = text.count("Building documentation"), text.count("Documentation built")
        if (started, finished) != (last, last) or started != finished:
            last, since = (started if started == finished else -1), time.monotonic()
        elif time.monotonic() - since >= quiet:
            return started
        time.sleep(0.1)
    raise SystemExit(f"properdocs serve kept building for {timeout:.0f} s:\n{log.read_text(errors='replace')[-3000:]}")


def _service(services: Path) -> tuple[str, int]:
    """The first service's id and the index of its `name:` line."""
    lines = services.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.rstrip() == "services:")
    first = next(i for i in range(start, len(lines)) if lines[i].lstrip().startswith("- id:"))
    name = next(i for i in range(first, len(lines)) if lines[i].lstrip().startswith("name:"))
    return lines[first].split(":", 1)[1].strip(), name


def measure_serve(data: Path, work: Path, past_limits: bool = False, edits: int = 3, start_timeout: float = 900, options: tuple[str, ...] = SERVE_OPTIONS) -> dict:
    """{"edits": seconds from saving services.yaml to the page showing it, each with the server
    idle before; "builds": builds each edit set off; "start": seconds to the first page} for
    `properdocs serve [options]` (by default as `make serve` runs it) over the project's mkdocs.yml and `data` (edited: copy it)."""
    project = project_copy(work / "serve-project", ROOT)
    port = _free_port()
    log = work / "serve.log"
    env = dict(os.environ, HANDBOOK_DATA=str(data), HANDBOOK_CACHE=str(work / "serve-cache"), NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    args = ["serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}", *options]
    argv = [sys.executable, "-c", PAST_LIMITS, str(ROOT), *args] if past_limits else [sys.executable, "-m", "properdocs", *args]
    services = data / "services.yaml"
    service_id, at = _service(services)
    url = f"http://127.0.0.1:{port}/services/{service_id}/"
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=project)
    try:
        _wait_for(url, None, start_timeout, process, log)
        start = time.perf_counter() - started
        times, builds = [], []
        before = _settle(log)
        for n in range(edits):
            name = f"Edited Service Name Number {n} {os.getpid()}"
            lines = services.read_text(encoding="utf-8").splitlines(keepends=True)
            lines[at] = lines[at][: len(lines[at]) - len(lines[at].lstrip())] + f"name: {name}\n"
            saved = time.perf_counter()
            services.write_text("".join(lines), encoding="utf-8")
            _wait_for(url, name, start_timeout, process, log)
            times.append(time.perf_counter() - saved)
            after = _settle(log)
            builds.append(after - before)
            before = after
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
    return {"edits": times, "median": statistics.median(times), "builds": builds, "start": start}
