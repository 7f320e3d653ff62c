"""bench.cycle: the yearly cycle's commands timed as an officer runs them, whole command with start-up.

Input: the sample's data folder and a work folder. Output: rows `(name, figure, note)` for
`bench.run` to print: `handbook prices export` (.csv and .xlsx), `prices import` of a sheet with
every amount changed (3% up, as finance sends it), `prices uplift 3`, `edition start`, each on
the sample and on 1,000 of the sample's services (`bench.synthetic.make_data`; a services.yaml
past the file limits, so those commands run through `bench.quote.PAST_LIMITS`, which lifts the
limits in the same fresh interpreter), and `handbook init` with the new project's first
`handbook build` (site and PDF), whose size does not depend on the data. Each command that
changes the data gets a fresh copy of it. It measures only; there are no targets in tests.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from bench.quote import PAST_LIMITS

ROOT = Path(__file__).resolve().parent.parent
SIZES = (("sample", None), ("1,000 services", 1000))


def handbook_argv(args: list[str], past_limits: bool = False) -> list[str]:
    if past_limits:
        return [sys.executable, "-c", PAST_LIMITS, str(ROOT), *args]
    return [sys.executable, "-m", "handbook", *args]


def timed(args: list[str], past_limits: bool = False, cwd: Path | None = None, env: dict | None = None) -> float:
    """Seconds one whole command took; a failure stops the bench with its output."""
    start = time.perf_counter()
    done = subprocess.run(handbook_argv(args, past_limits), capture_output=True, text=True, cwd=cwd, env=env or dict(os.environ))
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"`handbook {' '.join(args)}` failed ({done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    return seconds


def raised_sheet(sheet: Path, percent: str = "1.03") -> int:
    """Every numeric amount of an exported CSV sheet multiplied by `percent`, to the penny; how many."""
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8"), newline="")))
    at = rows[0].index("amount")
    changed = 0
    for row in rows[1:]:
        if row[at] and row[at][0].isdigit():
            row[at] = str((Decimal(row[at]) * Decimal(percent)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
            changed += 1
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    sheet.write_text(out.getvalue(), encoding="utf-8")
    return changed


def _fresh(data: Path, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(data, target)
    return target


def size_rows(label: str, data: Path, work: Path, past_limits: bool) -> list[tuple[str, str, str]]:
    """The price sheet and edition start on one data folder."""
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    for suffix in ("csv", "xlsx"):
        seconds = timed(["prices", "export", str(work / f"prices.{suffix}"), "--data", str(data)], past_limits)
        rows.append((f"{label}: prices export .{suffix}", f"{seconds:.2f} s", ""))
    changed = raised_sheet(work / "prices.csv")
    seconds = timed(["prices", "import", str(work / "prices.csv"), "--data", str(_fresh(data, work / "import"))], past_limits)
    rows.append((f"{label}: prices import", f"{seconds:.2f} s", f"{changed:,} amounts changed"))
    seconds = timed(["prices", "uplift", "3", "--round", "5", "--data", str(_fresh(data, work / "uplift"))], past_limits)
    rows.append((f"{label}: prices uplift 3 --round 5", f"{seconds:.2f} s", ""))
    seconds = timed(["edition", "start", "2027-28", "--data", str(_fresh(data, work / "edition"))], past_limits)
    rows.append((f"{label}: edition start", f"{seconds:.2f} s", "archive, dates moved, validated twice"))
    return rows


def init_rows(work: Path) -> list[tuple[str, str, str]]:
    """`handbook init` and the new project's first build (site and PDF)."""
    project = work / "new-council"
    shutil.rmtree(project, ignore_errors=True)
    seconds = timed(["init", str(project), "--authority", "Wessex County Council"])
    build = timed(["build"], cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    return [("init: a new council's project", f"{seconds:.2f} s", ""), ("init: its first handbook build (site + PDF)", f"{build:.2f} s", "")]


def rows(work: Path, sample: Path = Path("data")) -> list[tuple[str, str, str]]:
    from bench.synthetic import make_data

    out = []
    for label, count in SIZES:
        data = sample if count is None else make_data(sample, work / f"cycle-data-{count}", count)
        out += size_rows(label, data, work / f"cycle-{count or 'sample'}", past_limits=count is not None)
    return out + init_rows(work)
