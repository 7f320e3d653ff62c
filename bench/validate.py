"""bench.validate: `handbook validate`, the whole command, as an officer runs it after an edit.

Input: a data folder. Output: the best of `repeat` wall times of `handbook validate --data DIR`,
each in a fresh interpreter, start-up included, with the handbook cache off (an officer's edited
file is new text, so nothing is served from it); and where that time goes: the interpreter alone,
the imports the command needs, and validating in a warm process. It measures only; `bench.run`
prints the rows next to the target.

Data past the file limits (1,000 services: more than a valid services.yaml may hold) runs through
`bench.quote.PAST_LIMITS`, which lifts the limits before the models are built.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench.quote import PAST_LIMITS

TARGET_SECONDS = 0.5
ROOT = Path(__file__).resolve().parent.parent

# The imports `handbook validate` makes before it reads a file (`commands.cli._validate`).
IMPORTS = "import handbook.commands.cli, handbook.data.report, handbook.data.validate"
# Validation alone, in a process that has made those imports: the best of three.
IN_PROCESS = """
import sys, time
{imports}
from handbook.data.validate import validate
best = min(_timed(validate, sys.argv[1]) for _ in range(3))
print(best)
"""
TIMED = "def _timed(f, a):\n    import time\n    t = time.perf_counter(); f(a); return time.perf_counter() - t\n"


def command(data: Path, past_limits: bool = False) -> list[str]:
    """The command line of `handbook validate` for `data`."""
    args = ["validate", "--data", str(data)]
    if past_limits:
        return [sys.executable, "-c", PAST_LIMITS, str(ROOT), *args]
    return [sys.executable, "-m", "handbook", *args]


def _env() -> dict:
    return dict(os.environ, HANDBOOK_CACHE="off", NO_MKDOCS_2_WARNING="1")


def _best(argv: list[str], repeat: int, ok: tuple[int, ...] = (0,)) -> tuple[float, subprocess.CompletedProcess]:
    times, done = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, text=True, env=_env(), cwd=ROOT)
        times.append(time.perf_counter() - start)
        if done.returncode not in ok:
            raise SystemExit(f"`{' '.join(argv[:3])}…` failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return min(times), done


def measure(data: Path, past_limits: bool = False, repeat: int = 3) -> dict:
    """Best-of-`repeat` seconds of the whole command, and where they go.

    Returns:
        {"seconds": the command, start to exit; "interpreter": Python starting and stopping;
        "imports": the command's imports on top of that; "validating": validation in a warm
        process; "errors": the errors reported (0 for the sample's clones)}.
    """
    # Interleaved rounds, so that a change in the machine's load weighs on each part alike.
    seconds = interpreter = imports = float("inf")
    for _ in range(repeat):
        once, done = _best(command(data, past_limits), 1, ok=(0, 1))
        seconds = min(seconds, once)
        interpreter = min(interpreter, _best([sys.executable, "-c", "pass"], 1)[0])
        imports = min(imports, _best([sys.executable, "-c", IMPORTS], 1)[0])
    script = TIMED + IN_PROCESS.format(imports=IMPORTS)
    if past_limits:  # the stand-in package first, then the same script
        script = PAST_LIMITS.split("from handbook.commands.cli")[0] + script
        argv = [sys.executable, "-c", script, str(ROOT), str(data)]
    else:
        argv = [sys.executable, "-c", script, str(data)]
    validating = float(subprocess.run(argv, capture_output=True, text=True, env=_env(), cwd=ROOT, check=True).stdout.strip().splitlines()[-1])
    errors = sum(1 for line in done.stdout.splitlines() if line and ": warning: " not in line)
    return {"seconds": seconds, "interpreter": interpreter, "imports": max(0.0, imports - interpreter), "validating": validating, "errors": errors}


def bench(work: Path, row) -> None:
    """Prints the rows: the whole command at the sample, 100 and 1,000 services (`row` is
    `bench.run._row`), each with where its time goes; the target is for files an officer can
    have, so not for 1,000 services."""
    from bench.synthetic import make_data

    print("`handbook validate`, the whole command (fresh interpreter, cache off, best of 3)")
    sizes = [("sample", Path("data"), False)]
    sizes.append(("100 services", make_data(Path("data"), work / "validate-command-100", 100), False))
    sizes.append(("1,000 services (past the limits)", make_data(Path("data"), work / "validate-command-1000", 1000), True))
    for label, data, past_limits in sizes:
        result = measure(data, past_limits)
        # Why no target past the limits: no officer can validate such a file (it is refused for its
        # size); the row shows how the time grows.
        if past_limits:
            row(label, f"{result['seconds']:.2f} s", "no target: past the file limits, shown for growth")
        else:
            row(label, f"{result['seconds']:.2f} s", f"target < {TARGET_SECONDS} s", result["seconds"] < TARGET_SECONDS)
        row(
            "  of which: interpreter / imports / validating",
            f"{result['interpreter']:.2f}/{result['imports']:.2f}/{result['validating']:.2f}",
            "s (the rest: reporting, exit)",
        )
    load = os.getloadavg()[0]
    row("load average while measuring", f"{load:.1f}", f"on {os.cpu_count()} cores: figures above 1 per core are slowed")
