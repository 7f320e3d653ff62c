"""Benchmark: the site's build time with each generator, beside the plain build of the same pages.

`rows(work)` gives (name, figure, note) rows for `bench.run` to print: at 100, 1,000 and 2,000
services, the data-driven build with the default generator (ProperDocs), with Zensical, and the
plain build (the default generator over pages and config prepared beforehand, `bench.site`).
Every build runs in a fresh interpreter (`python -m bench.generators GENERATOR MODE DATA WORK`),
so no build gains from another's imports. Zensical's search index is reported too: at 2,000
services the issue saw its search refuse the catalogue page (a field over 32,768 tokens).

Past the file limits (the largest valid `services.yaml` holds about 369 of the sample's services)
each build lifts them as `bench.run` does. Zensical renders the prose pages' macros in its own
child interpreter, so that one is started with a `sitecustomize` that lifts them there too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COUNTS = (100, 1000, 2000)
BUILDS = (("properdocs", "data"), ("zensical", "data"), ("properdocs", "plain"))

# Run at the start of Zensical's child interpreter (PYTHONPATH), before any model is built.
LIFT = """
import sys, types
package = types.ModuleType("handbook")
package.__path__ = [{root!r} + "/handbook"]
sys.modules["handbook"] = package
from handbook.core import limits
limits.MAX_FILE_BYTES = limits.MAX_SERVICES = limits.MAX_TOTAL_CHARGES = limits.MAX_PRINTED_TEXT = 10**9
"""


def search_figures(site: Path) -> dict:
    """The search index's size (Pagefind's, which `handbook build` makes after any generator; else
    the theme's or Zensical's) and whether the catalogue page is in it."""
    bundle = site / "pagefind"
    if bundle.is_dir():
        from handbook.site.search import fragments

        size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
        return {"search_kb": size / 1024, "catalogue_indexed": any(url.rstrip("/").endswith("catalogue") for url in fragments(bundle))}
    index = next((p for p in (site / "search" / "search_index.json", site / "search.json") if p.is_file()), None)
    if index is None:
        return {"search_kb": 0.0, "catalogue_indexed": False}
    text = index.read_text(encoding="utf-8")
    return {"search_kb": len(text.encode("utf-8")) / 1024, "catalogue_indexed": '"catalogue/' in text}


def child(generator: str, mode: str, data: Path, work: Path, past_limits: bool) -> dict:
    """One build in a fresh interpreter; its figures, or `error` with the build's last words."""
    argv = [sys.executable, "-m", "bench.generators", generator, mode, str(data), str(work), "1" if past_limits else "0"]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, env=env)
    if done.returncode != 0:
        return {"error": (done.stdout + done.stderr).strip().splitlines()[-1:] or ["failed"]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def rows(work: Path, counts: tuple[int, ...] = COUNTS) -> list[tuple[str, str, str]]:
    """(name, figure, note) rows: each generator's build time beside the plain build, per size."""
    from bench.synthetic import make_data  # here: a child must lift the limits before the models load

    out = []
    for count in counts:
        data = make_data(ROOT / "data", work / f"generators-data-{count}", count)
        figures = {(g, m): child(g, m, data, work / f"generators-{g}-{m}-{count}", count > 369) for g, m in BUILDS}
        plain = figures[("properdocs", "plain")]
        for (generator, mode), result in figures.items():
            name = f"{count:,} services: {'plain' if mode == 'plain' else 'data-driven'}, {generator}"
            if "error" in result:
                out.append((name, "failed", " ".join(result["error"])[:200]))
                continue
            ratio = f"{result['seconds'] / plain['seconds']:.2f}x plain" if "error" not in plain and mode != "plain" else ""
            search = f"search index {result['search_kb']:,.0f} KB{'' if result['catalogue_indexed'] else ', catalogue page NOT indexed'}"
            out.append((name, f"{result['seconds']:.2f} s", ", ".join(x for x in (ratio, f"{result['pages']} pages", search) if x)))
    return out


def _build(generator: str, mode: str, data: Path, work: Path, past_limits: bool) -> dict:
    if past_limits:
        lift = work / "lift"
        lift.mkdir(parents=True, exist_ok=True)
        (lift / "sitecustomize.py").write_text(LIFT.format(root=str(ROOT)), encoding="utf-8")
        os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(lift), os.environ.get("PYTHONPATH")]))
        exec(LIFT.format(root=str(ROOT)))  # this interpreter too, before anything imports the models
    from bench.site import build_data_driven, build_plain, site_figures  # noqa: F401

    start = time.perf_counter()
    result = (build_plain if mode == "plain" else build_data_driven)(data, work, generator)
    site = work / "project" / "site"
    return {**result, "wall_seconds": time.perf_counter() - start, **search_figures(site)}


if __name__ == "__main__":  # python -m bench.generators GENERATOR MODE DATA WORK PAST_LIMITS(0|1)
    generator, mode, data, work, past = sys.argv[1:6]
    print(json.dumps(_build(generator, mode, Path(data), Path(work), past == "1")))
