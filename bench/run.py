"""bench: `make bench` — speed and memory of validation, the site build and the PDF, with targets.

Each figure is measured in a fresh child process (so peak memory is that step's own) and printed
next to its target. Timings are medians of repeated runs where a run is short. This module only
measures; it asserts nothing (targets live here, never in timed tests). The handbook cache
(`handbook.core.cache`) is the bench's own, starting empty: validation runs without it (an edited file
is new text); the site's first build and its rebuilds are printed apart (see `bench_site`).
`make bench QUICK=1` runs the 100-service site comparison only and ends with `build ratio: X.XX`.
`handbook quote` for every service is timed as a school runs it, the whole command in a fresh
interpreter (`bench.quote`), at the sample, the largest valid file and 2,000 services
(`python -m bench.run --quote` prints those rows alone); `handbook validate` likewise, at the
sample, 100 and 1,000 services, with where its time goes (`bench.validate`, `--validate` alone). The school's own view (`bench.school`):
its script and data size on the catalogue page and the time a change of school takes in Chromium,
at the sample and at 2,000 services (`--school` alone). `handbook new` as a whole command, and the
time from an edit of services.yaml to the updated page in `properdocs serve`, at the sample, 100 and
1,000 services (`bench.new`; `--new` alone).
The full bench also prints what the worst valid pull request costs (`bench_bounds`): the PDF's
peak memory for the largest input the limits allow (services.yaml in each shape, then every
file at its largest together), and `handbook build` of a 1 MB service name.
Sizes follow `handbook.core.limits`: the largest rows are the most services a valid file can hold.
One row goes past them on purpose: the PDF of 1,000 of the sample's services (issue 16's
yardstick, under 10 s and 1 GB), made in a child that lifts the file limits (`bench_pdf`).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path.cwd()


def _child(kind: str, *args: str) -> dict:
    """Run one measurement in a fresh interpreter; returns its JSON report."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if kind == "validate":  # an officer's edited file is new text: never in the cache
        env["HANDBOOK_CACHE"] = "off"
    out = subprocess.run([sys.executable, "-m", "bench.run", "--child", kind, *args], capture_output=True, text=True, env=env)
    if out.returncode != 0:
        raise SystemExit(f"bench step {kind} {' '.join(args)} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _peak_mb() -> float:
    """This process's peak resident memory, in MB.

    Why /proc first: Linux carries `ru_maxrss` over from the parent across fork and exec, so a
    small step started by a large bench process would report the bench's own size.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _lift_limits() -> None:
    """Lifts the file and catalogue limits before any model is built (as `bench.quote.PAST_LIMITS`
    does): the models read `MAX_SERVICES` when their classes are made, so the package's front door
    (which imports them) is skipped."""
    import types

    package = types.ModuleType("handbook")
    package.__path__ = [str(ROOT / "handbook")]
    sys.modules["handbook"] = package
    from handbook.core import limits

    limits.MAX_FILE_BYTES = limits.MAX_SERVICES = limits.MAX_TOTAL_CHARGES = limits.MAX_PRINTED_TEXT = 10**9


def _run_child(kind: str, args: list[str]) -> dict:
    if kind == "validate":
        from handbook.data.validate import validate

        data, repeat = Path(args[0]), int(args[1])
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            result = validate(data)
            times.append(time.perf_counter() - start)
            assert result.ok, result.errors[:3]
        return {"seconds": statistics.median(times), "peak_mb": _peak_mb()}
    if kind == "site":
        from bench.site import build_data_driven, build_plain  # noqa: F401

        mode, data, work, *generator = args  # the generator: ProperDocs (the default) unless named
        start = time.perf_counter()
        stats = (build_data_driven if mode == "data" else build_plain)(Path(data), Path(work), *generator)
        return {"seconds": time.perf_counter() - start, "peak_mb": _peak_mb(), **stats}
    if kind == "pdf":
        from handbook.core.project import project_at
        from handbook.data.validate import load_handbook
        from handbook.pdf.write import write_pdf

        data, out = Path(args[0]), Path(args[1])
        start = time.perf_counter()
        write_pdf(load_handbook(data), data, out, project_at(ROOT / "mkdocs.yml"))
        from pypdf import PdfReader

        return {"seconds": time.perf_counter() - start, "peak_mb": _peak_mb(), "pages": len(PdfReader(out).pages)}
    if kind == "pdf-past-limits":  # the PDF of more than a valid file may hold (see bench_pdf)
        from handbook.core import limits
        from handbook.data.checks import printed

        limits.MAX_FILE_BYTES = printed.MAX_TOTAL_CHARGES = printed.MAX_PRINTED_TEXT = 10**9
        return _run_child("pdf", args)
    if kind == "site-past-limits":  # a site of more services than a valid file may hold (bench_school)
        _lift_limits()
        return _run_child("site", args)
    if kind == "build":  # the `handbook build` command itself, on data it must refuse
        import contextlib
        import io

        from handbook.commands.cli import main as handbook_main

        data, site = args
        out, err = io.StringIO(), io.StringIO()
        start = time.perf_counter()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = handbook_main(["build", "--data", data, "--site", site])
        lines = [line for line in (out.getvalue() + err.getvalue()).splitlines() if line.strip()]
        first = next((line for line in lines if ".yaml:" in line), lines[0] if lines else "")  # the first located problem
        return {"seconds": time.perf_counter() - start, "peak_mb": _peak_mb(), "status": status, "first_line": first[:160]}
    raise SystemExit(f"unknown bench step {kind}")


def _row(label: str, value: str, target: str = "", ok: bool | None = None) -> None:
    mark = "" if ok is None else ("  ok" if ok else "  OVER TARGET")
    print(f"  {label:<44} {value:>14}   {target}{mark}", flush=True)


def bench_validation(work: Path, largest: int) -> None:
    from bench.synthetic import make_data

    print("Validation (handbook validate)")
    sample = _child("validate", "data", "5")
    _row("sample data", f"{sample['seconds']:.3f} s", "target < 0.3 s", sample["seconds"] < 0.3)
    command = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "handbook", "validate"], capture_output=True, check=True, env=dict(os.environ, HANDBOOK_CACHE="off"))
        command.append(time.perf_counter() - start)
    _row("`handbook validate` command, start to exit", f"{statistics.median(command):.2f} s", "(interpreter + imports + validation)")
    # The limits (handbook.core.limits) cap a file's size, so the largest valid file of the sample's
    # rich services is the top row; half of it shows the growth.
    sizes = {}
    half = max(1, largest // 2)
    for count in (half, largest):
        folder = make_data(Path("data"), work / f"validate-{count}", count)
        sizes[count] = _child("validate", str(folder), "3")
        lines = sum(1 for _ in (folder / "services.yaml").open(encoding="utf-8"))
        _row(f"{count:,} services ({lines:,} lines)", f"{sizes[count]['seconds']:.3f} s", "target < 1.5 s" if count == largest else "", sizes[count]["seconds"] < 1.5 if count == largest else None)
    # The target assumed ~37 lines a service (74,000 for 2,000); the sample's services are richer.
    per_line = sizes[largest]["seconds"] / lines * 74_000
    _row("scaled to 74,000 lines (the target's file)", f"{per_line:.3f} s", "target < 1.5 s", per_line < 1.5)
    growth = sizes[largest]["seconds"] / sizes[half]["seconds"]
    _row(f"time {largest:,} / time {half:,}", f"{growth:.2f}x", "linear: about 2x", growth < 2.4)
    _row(f"peak memory, {largest:,} services", f"{sizes[largest]['peak_mb']:.0f} MB")


def bench_site(work: Path, rounds: dict[int, int], sample: bool = True, edited: tuple[int, ...] = ()) -> float:
    """Data-driven vs plain builds, `rounds[count]` interleaved pairs per size; returns the last ratio.

    Why interleaved pairs and medians: one build of 100 pages varies by ±5% from run to run here,
    as much as the margin being measured; the ratio is the median of the pairs' ratios. The
    handbook cache (`handbook.core.cache`) lives in the work folder: the first build of a size starts
    with it empty and is printed on its own row; the pairs are rebuilds, as an officer re-runs them;
    for the sizes in `edited`, one more build follows a change to services.yaml.
    """
    from bench.synthetic import make_data

    print("Website (data-driven ProperDocs build, the default generator, vs plain ProperDocs build of the same pages)")
    ratio = 0.0
    if sample:
        first = _child("site", "data", "data", str(work / "site-sample"))
        again = _child("site", "data", "data", str(work / "site-sample"))
        _row("sample site build: first / again", f"{first['seconds']:.2f} / {again['seconds']:.2f} s", "(empty cache / filled)")
        _row("engine and mkdocs-macros imports (once a process)", f"{again['import_seconds']:.2f} s", "not in the ratio")
        _row("sample: pages / search index / largest page", f"{again['pages']} / {again['search_index_kb']:.0f} KB / {again['largest_page_kb']:.0f} KB")
    for count, repeat in rounds.items():
        data = make_data(Path("data"), work / f"site-data-{count}", count)
        shutil.rmtree(work / "cache", ignore_errors=True)
        first = _child("site", "data", str(data), str(work / f"site-{count}"))
        driven, plain = [], []
        for _ in range(repeat):
            driven.append(_child("site", "data", str(data), str(work / f"site-{count}")))
            plain.append(_child("site", "plain", str(data), str(work / f"plain-{count}")))
        d = statistics.median(r["seconds"] for r in driven)
        p = statistics.median(r["seconds"] for r in plain)
        # Each pair ran back to back, so a pair's ratio cancels the machine's drift between pairs.
        ratios = sorted(a["seconds"] / b["seconds"] for a, b in zip(driven, plain))
        ratio = statistics.median(ratios)
        runs = f"median of {repeat}" if repeat > 1 else "one run"
        _row(f"{count:,} services: data-driven, first build", f"{first['seconds']:.2f} s", f"{first['seconds'] / p:.2f}x plain (empty cache)")
        if count in edited:  # the usual rebuild: an officer changed services.yaml, nothing else
            services = data / "services.yaml"
            services.write_text(services.read_text(encoding="utf-8") + "# an officer's edit\n", encoding="utf-8")
            after = _child("site", "data", str(data), str(work / f"site-{count}"))
            _row(f"{count:,} services: data-driven, after an edit", f"{after['seconds']:.2f} s", f"{after['seconds'] / p:.2f}x plain (services.yaml changed)")
        _row(f"{count:,} services: data-driven (ProperDocs)", f"{d:.2f} s", f"{runs}, peak {max(r['peak_mb'] for r in driven):.0f} MB")
        _row(f"{count:,} services: plain (ProperDocs)", f"{p:.2f} s", f"{runs}, peak {max(r['peak_mb'] for r in plain):.0f} MB")
        spread = f"pairs {ratios[0]:.2f}-{ratios[-1]:.2f}, " if repeat > 1 else ""
        _row(f"{count:,} services: ratio", f"{ratio:.2f}x", f"{spread}target <= 1.10x", ratio <= 1.10)
        _row(f"{count:,} services: search index / largest page", f"{driven[0]['search_index_kb']:.0f} KB / {driven[0]['largest_page_kb']:.0f} KB")
    return ratio


def bench_pdf(work: Path, largest: int) -> None:
    from bench.synthetic import make_data

    print("PDF edition (Typst)")
    sample = _child("pdf", "data", str(work / "sample.pdf"))
    _row("sample PDF", f"{sample['seconds']:.1f} s", "target < 10 s", sample["seconds"] < 10)
    _row("sample PDF: pages / peak memory", f"{sample['pages']} / {sample['peak_mb']:.0f} MB")
    results = {}
    quarter = max(1, largest // 4)
    for count, limit in ((quarter, None), (largest, 90)):
        data = make_data(Path("data"), work / f"pdf-data-{count}", count)
        result = results[count] = _child("pdf", str(data), str(work / f"pdf-{count}.pdf"))
        _row(f"{count:,} services PDF", f"{result['seconds']:.1f} s", f"target < {limit} s" if limit else "", result["seconds"] < limit if limit else None)
        _row(f"{count:,} services: pages / peak memory", f"{result['pages']} / {result['peak_mb']:.0f} MB", "target < 2048 MB" if limit else "", result["peak_mb"] < 2048 if limit else None)
    # Linear growth: four times the services should cost about four times as much, not more.
    small, large = results[quarter], results[largest]
    time_growth, memory_growth = large["seconds"] / small["seconds"], large["peak_mb"] / small["peak_mb"]
    _row(f"growth, {quarter:,} -> {largest:,} services: time / memory", f"{time_growth:.1f}x / {memory_growth:.1f}x", "linear: about 4x", time_growth < 5 and memory_growth < 5)
    # The PDF's own yardstick (issue 16): 1,000 of the sample's services. They make a 2.7 MB
    # services.yaml with 3,000 charges, past the file limits, so this one step lifts those
    # limits; what it measures is the PDF, which never meets such a file in a real build.
    data = make_data(Path("data"), work / "pdf-data-1000", 1000)
    result = _child("pdf-past-limits", str(data), str(work / "pdf-1000.pdf"))
    _row("1,000 services PDF (past the file limits)", f"{result['seconds']:.1f} s", "target < 10 s", result["seconds"] < 10)
    _row("1,000 services: pages / peak memory", f"{result['pages']} / {result['peak_mb']:.0f} MB", "target < 1024 MB", result["peak_mb"] < 1024)


def bench_quote(work: Path, largest: int) -> None:
    """`handbook quote` for every service, whole command (fresh interpreter, start-up included),
    at the sample, the largest valid services.yaml and 2,000 services (past the file limits)."""
    from bench.quote import TARGET_SECONDS, measure
    from bench.synthetic import make_data

    print("A school's quote (`handbook quote`, every service, whole command with start-up)")
    sizes = [("sample", Path("data"), False)]
    sizes.append((f"{largest:,} services (largest valid)", make_data(Path("data"), work / f"quote-data-{largest}", largest), False))
    sizes.append(("2,000 services (past the limits)", make_data(Path("data"), work / "quote-data-2000", 2000), True))
    for label, data, past_limits in sizes:
        result = measure(data, work / "quote-cache", past_limits)
        target = f"target < {TARGET_SECONDS} s"
        # The first run after an edit validates the data first (`handbook validate`'s own rows);
        # the target is for the quote a school's question gets, the validated handbook at hand.
        _row(f"{label}: first run after an edit", f"{result['first']:.2f} s", "no target: validates first (cache empty)")
        _row(f"{label}: again", f"{result['again']:.2f} s", f"{target} (median of 5; {result['services']:,} services, {result['kb']:,.0f} KB)", result["again"] < TARGET_SECONDS)


def bench_school(work: Path) -> None:
    """The school's own view (`bench.school`): its script and data on the catalogue page, and a
    change of school in Chromium, on the sample's site and on one of 2,000 services."""
    from bench.school import over_target, rows
    from bench.synthetic import make_data

    print("The school's own view (catalogue page; Chromium)", flush=True)
    _child("site", "data", "data", str(work / "school-sample"))
    data = make_data(Path("data"), work / "school-data-2000", 2000)
    _child("site-past-limits", "data", str(data), str(work / "school-2000"))
    for name, figure, target in rows(work / "school-sample" / "project" / "site", work / "school-2000" / "project" / "site"):
        _row(name, figure, target, not over_target((name, figure, target)))


def bench_generators(work: Path) -> None:
    """Each generator's build beside the plain build, and the search index each writes, at 100,
    1,000 and 2,000 services (`bench.generators`; single runs: the 100-service ratio above is the
    careful one)."""
    from bench.generators import rows

    print("Generators (ProperDocs the default, Zensical; single runs)", flush=True)
    for name, figure, note in rows(work):
        _row(name, figure, note)


def bench_search(work: Path) -> None:
    """Search (`bench.search`): bytes one query fetches, and whether the right page comes first, on
    the default generator's sites that `bench_generators` built at 100, 1,000 and 2,000 services."""
    from bench.generators import COUNTS
    from bench.search import over_target, rows

    print("Search (one query in Chromium, cache empty)", flush=True)
    sites = {n: (work / f"generators-data-{n}", work / f"generators-properdocs-data-{n}" / "project" / "site") for n in COUNTS}
    for name, figure, target in rows({n: pair for n, pair in sites.items() if pair[1].is_dir()}):
        _row(name, figure, target, None if "target" not in target else not over_target((name, figure, target)))


def bench_cycle(work: Path) -> None:
    """The yearly cycle's commands (`bench.cycle`), on the sample and at 1,000 services."""
    from bench.cycle import rows

    print("The yearly cycle (whole commands with start-up; 1,000 services past the file limits)", flush=True)
    for name, figure, note in rows(work):
        _row(name, figure, note)


def bench_bounds(work: Path) -> None:
    """What the worst pull request costs: the largest valid input, and a 1 MB service name.

    Why every shape: the PDF's cost per byte depends on what the bytes are, so each shape of
    `bench.synthetic.make_largest` is measured and the dearest must stay under 2 GB.
    """
    from handbook.core.limits import MAX_FILE_BYTES, MAX_HOW_TO_BUY_LINES, MAX_PRINTED_TEXT, MAX_SERVICES, MAX_TOTAL_CHARGES
    from bench.synthetic import SHAPES, make_everything, make_largest

    print(
        f"Bounded cost (the largest input the limits allow: {MAX_FILE_BYTES / 1024:,.0f} KB a file, {MAX_SERVICES:,} services, "
        f"{MAX_TOTAL_CHARGES:,} charges, {MAX_HOW_TO_BUY_LINES} lines of how to buy)"
    )
    for shape in SHAPES:
        data = make_largest(Path("data"), work / f"largest-{shape}", shape)
        result = _child("pdf", str(data), str(work / f"largest-{shape}.pdf"))
        size = (data / "services.yaml").stat().st_size / 1024
        services = (data / "services.yaml").read_text(encoding="utf-8").count("\n- id: service-")
        _row(f"largest valid input, {shape}: PDF peak memory", f"{result['peak_mb']:.0f} MB", f"target < 2048 MB ({size:,.0f} KB, {services:,} services, {result['pages']} pages, {result['seconds']:.0f} s)", result["peak_mb"] < 2048)
    # Every file at once: services.yaml `dense`, the other printed files sharing MAX_PRINTED_TEXT,
    # as the longest text (fewer records) and as the sample's (more records, more rows).
    for longest, kind in ((True, "long text"), (False, "most rows")):
        data = make_everything(Path("data"), work / f"everything-{kind}", longest=longest)
        result = _child("pdf", str(data), str(work / f"everything-{kind}.pdf"))
        size = sum(f.stat().st_size for f in data.glob("*.yaml")) / 1024
        _row(f"all files at their largest ({kind}): PDF", f"{result['peak_mb']:.0f} MB", f"target < 2048 MB ({size:,.0f} KB, {MAX_PRINTED_TEXT:,} characters besides services, {result['pages']} pages, {result['seconds']:.0f} s)", result["peak_mb"] < 2048)
    data = work / "one-mb-name"
    shutil.copytree("data", data, ignore=shutil.ignore_patterns("archive"), dirs_exist_ok=True)
    services = data / "services.yaml"
    text = services.read_text(encoding="utf-8")
    first = text.index("\n    name: ") + len("\n    name: ")
    services.write_text(text[:first] + "A" * 1_048_576 + text[text.index("\n", first):], encoding="utf-8")
    result = _child("build", str(data), str(work / "one-mb-site"))
    located = result["status"] == 1 and result["first_line"].startswith(str(services))
    _row("1 MB service name: `handbook build` peak memory", f"{result['peak_mb']:.0f} MB", f"refused in {result['seconds']:.2f} s, exit {result['status']}", located and result["peak_mb"] < 2048)
    print(f"    {result['first_line']}", flush=True)


def bench_new(work: Path) -> None:
    """`handbook new` as a whole command, and an edit of services.yaml to its page in `make serve`
    (`bench.new`), on the sample and at 100 and 1,000 services (1,000: past the file limits)."""
    from bench.new import NEW_TARGET, SERVE_TARGETS, measure_new, measure_serve
    from bench.synthetic import make_data
    from handbook.core.limits import MAX_FILE_BYTES

    print("Adding a service (`handbook new service`, whole command) and `make serve` after an edit", flush=True)
    sizes = {count: make_data(Path("data"), work / f"new-data-{count}", count) for count in SERVE_TARGETS}
    past = {n: (d / "services.yaml").stat().st_size > MAX_FILE_BYTES for n, d in sizes.items()}  # then the limits are lifted
    if any(past.values()):
        print("  (* more services than a valid services.yaml holds: run with the file limits lifted)", flush=True)
    for label, data, lifted in (("sample", Path("data"), False), *((f"{n:,} services" + ("*" if past[n] else ""), d, past[n]) for n, d in sizes.items())):
        result = measure_new(data, work, lifted)
        target = f"target < {NEW_TARGET:g} s"
        for name, what in (("first", f"cache empty; {result['lines']:,} lines"), ("again", "median of 3"), ("duplicate", "refused")):
            _row(f"{label}: `new`, {'first run' if name == 'first' else 'again' if name == 'again' else 'id already used'}", f"{result[name]:.2f} s",
                 f"{target} ({what}; CPU {result[name + '_cpu']:.2f} s, load {os.getloadavg()[0]:.1f})", result[name] < NEW_TARGET)
    for count, data in sizes.items():
        result = measure_serve(data, work / f"serve-{count}", past_limits=past[count], edits=2)
        target = f"target < {SERVE_TARGETS[count]:g} s"
        _row(f"{count:,} services{'*' if past[count] else ''}: edit -> page in serve", f"{result['median']:.2f} s", f"{target} (median of {len(result['edits'])}; {'+'.join(map(str, result['builds']))} builds; first page after {result['start']:.0f} s)", result["median"] < SERVE_TARGETS[count])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run")
    parser.add_argument("--quick", action="store_true", help="the 100-service site comparison only")
    parser.add_argument("--quote", action="store_true", help="the `handbook quote` rows only")
    parser.add_argument("--school", action="store_true", help="the school's own view rows only")
    parser.add_argument("--generators", action="store_true", help="the generators' and search rows only")
    parser.add_argument("--cycle", action="store_true", help="the yearly cycle's commands only (init, edition start, prices)")
    parser.add_argument("--new", action="store_true", help="the `handbook new` and `make serve` edit rows only")
    parser.add_argument("--validate", action="store_true", help="the whole `handbook validate` command's rows only (bench.validate)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_run_child(args.child[0], args.child[1:])))
        return 0
    # The commands are timed as installed, with the package's bytecode: where the environment sets
    # PYTHONDONTWRITEBYTECODE (this machine does) Python never keeps it, and every run compiled
    # the handbook's modules afresh, about 30 ms of each command that no installed copy pays.
    compileall.compile_dir(Path(__file__).resolve().parent.parent / "handbook", quiet=1)
    work = Path(tempfile.mkdtemp(prefix="handbook-bench-"))
    os.environ["HANDBOOK_CACHE"] = str(work / "cache")  # the bench's own, starting empty
    try:
        print(f"handbook benchmark on {os.cpu_count()} cores (figures | targets)", flush=True)
        from bench.synthetic import largest_count

        largest = largest_count(Path("data"), work / "largest-count")
        if args.quote:
            bench_quote(work, largest)
            return 0
        if args.school:
            bench_school(work)
            return 0
        if args.cycle:
            bench_cycle(work)
            return 0
        if args.new:
            bench_new(work)
            return 0
        if args.validate:
            from bench import validate as validate_command

            validate_command.bench(work, _row)
            return 0
        if args.generators:
            bench_generators(work)
            bench_search(work)
            return 0
        if args.quick:
            ratio = bench_site(work, {min(100, largest): 5}, sample=False)
        else:
            print(f"(the largest valid file holds {largest:,} of the sample's services)", flush=True)
            bench_validation(work, largest)
            from bench import validate as validate_command

            validate_command.bench(work, _row)
            bench_quote(work, largest)
            bench_cycle(work)
            bench_school(work)
            bench_generators(work)
            bench_search(work)
            bench_pdf(work, largest)
            bench_bounds(work)
            bench_new(work)
            small = min(100, largest)
            ratio = bench_site(work, {small: 7} | ({largest: 1} if largest > small else {}), edited=(small,))
        print(f"build ratio: {ratio:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
