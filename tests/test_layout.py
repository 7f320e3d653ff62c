"""The package's shape: imports flow one way, modules stay small, tests mirror the modules."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "handbook"

# The stages, earliest first: each is a folder of `handbook/`. A module may import its own stage
# or an earlier one, never a later one; the site and the PDF are two outputs of one stage and
# never import each other. The package's own `__init__`/`__main__` are its front door.
STAGES = ["core", "data", "views", "presentation", "site|pdf", "commands"]
FRONT_DOOR = {"handbook", "handbook.__main__"}

# Test files that check a behaviour across modules rather than one module.
CROSS_CUTTING_TESTS = {
    "tests/test_layout.py",  # this file
    "tests/test_officers_guide.py",  # the guide's worked examples, applied to the sample data
    "tests/test_workflows.py",  # .github workflows call commands that exist
    "tests/test_privacy_across_editions.py",  # the real site and PDF across two editions publish nothing withheld
    "tests/browser/test_accessibility.py",  # axe-core over the built site
    "tests/browser/test_keyboard.py",  # keyboard journeys through the built site: skip link, menu, search, filters, downloads, focus seen
    "tests/browser/test_catalogue.py",  # a school user's filtering in Chromium
    "tests/browser/test_search.py",  # Material's search over the built site
    "tests/browser/test_print.py",  # printing one page from Chromium (the site's print CSS)
    "tests/test_hostile_input.py",  # the hostile corpus (tests/hostile.py) in every field: validation, CLI, real builds
    "tests/browser/test_hostile_pages.py",  # a hostile build in Chromium: no script on load, focus or click
    "tests/browser/test_school_view.py",  # the school's view in Chromium: engine vs browser to the penny; the basket vs handbook quote
    "tests/browser/test_abbreviations.py",  # a glossary abbreviation's meaning on hover and keyboard focus, in Chromium
    "tests/browser/test_links_under_subpath.py",  # every generator's build served under /2026-27/: every internal address answers, same pages
}

MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def folder_of(module: str) -> str:
    """The stage folder a module lives in: `handbook.data.model.services` -> "data"."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and (PACKAGE / parts[1]).is_dir()) else ""


def stage_of(module: str) -> int:
    if module in FRONT_DOOR:
        return len(STAGES)
    folder = folder_of(module)
    for index, names in enumerate(STAGES):
        if folder in names.split("|"):
            return index
    raise AssertionError(f"{module} is in no stage folder (handbook/<stage>/); the stages are {STAGES}")


def is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imports_of(path: Path) -> set[str]:
    """Every handbook module `path` imports, at its top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "handbook":
            for alias in node.names:  # `from handbook.views import catalogue` imports a module
                found.add(f"{node.module}.{alias.name}" if is_module(f"{node.module}.{alias.name}") else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.split(".")[0] == "handbook")
    return found


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def bench_modules() -> list[Path]:
    return sorted((ROOT / "bench").rglob("*.py"))


def test_every_module_is_in_a_stage_folder() -> None:
    for path in modules():
        stage_of(module_name(path))


def test_imports_flow_one_way() -> None:
    wrong = []
    for path in modules():
        name = module_name(path)
        for imported in imports_of(path):
            if stage_of(imported) > stage_of(name):
                wrong.append(f"{name} imports {imported}, a later stage")
            elif stage_of(imported) == stage_of(name) and folder_of(imported) != folder_of(name):
                wrong.append(f"{name} imports {imported}: the site and the PDF are separate outputs")
    assert not wrong, "\n".join(wrong)


def import_graph() -> dict[str, set[str]]:
    graph = {module_name(p): imports_of(p) for p in modules()}
    # A package's __init__ is imported with any of its modules; it is not an edge of its own.
    return {name: {i for i in imported if i != name and not name.startswith(i + ".")} for name, imported in graph.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle, each as the modules around it (Tarjan's strongly connected components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph.get(node, ()):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles_even_through_late_imports() -> None:
    assert not cycles(import_graph()), f"import cycles: {cycles(import_graph())}"


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_readme_names_every_stage_folder_in_how_it_is_built() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How it is built", 1)[1].split("\n## ", 1)[0]
    folders = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    missing = [f for f in folders if f"handbook/{f}/" not in section]
    assert not missing, f"README's 'How it is built' does not name: {missing}"
    assert "bench/" in section


# Issue 15: each generator is imported by its one adapter module and nowhere else in the engine.
GENERATOR_ADAPTERS = {
    "mkdocs": {"handbook.site.generators.mkdocs", "handbook.site.generators.properdocs"},  # ProperDocs serves `mkdocs.*` to plugins
    "material": {"handbook.site.generators.mkdocs", "handbook.site.generators.properdocs"},
    "mkdocs_macros": {"handbook.site.generators.mkdocs", "handbook.site.generators.properdocs"},
    "properdocs": {"handbook.site.generators.properdocs"},
    "zensical": {"handbook.site.generators.zensical"},
}


def test_nothing_imports_a_generator_outside_its_one_adapter_module() -> None:
    offenders = []
    for path in modules():
        name = module_name(path)
        if name.startswith("bench."):  # the benchmark drives the generators on purpose
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module] if isinstance(node, ast.ImportFrom) and node.module else [a.name for a in getattr(node, "names", [])] if isinstance(node, ast.Import) else []
            for imported in names:
                top = imported.split(".")[0]
                if top in GENERATOR_ADAPTERS and name not in GENERATOR_ADAPTERS[top]:
                    offenders.append(f"{name} imports {top}")
    assert not offenders, f"modules tied to a generator outside its adapter: {sorted(set(offenders))}"


def test_modules_stay_small() -> None:
    long = [f"{module_name(p)}: {n} lines" for p in modules() if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES]
    assert not long, f"split these modules (over {MAX_LINES} lines): {long}"


def expected_test_file(path: Path) -> str:
    """`handbook/data/load.py` -> `tests/data/test_load.py`; `bench/run.py` -> `tests/bench/test_run.py`."""
    relative = path.relative_to(PACKAGE) if path.is_relative_to(PACKAGE) else path.relative_to(ROOT)
    return str(Path("tests", *relative.parts[:-1], f"test_{relative.stem}.py"))


def test_every_module_has_its_test_file() -> None:
    skip = {"__init__.py", "__main__.py"}
    missing = [expected_test_file(p) for p in modules() + bench_modules() if p.name not in skip and not (ROOT / expected_test_file(p)).is_file()]
    assert not missing, f"modules without a mirrored test file: {missing}"


def test_every_test_file_has_its_module() -> None:
    expected = {expected_test_file(p) for p in modules() + bench_modules()}
    orphans = []
    for test in sorted((ROOT / "tests").rglob("test_*.py")):
        relative = str(test.relative_to(ROOT))
        if relative not in expected and relative not in CROSS_CUTTING_TESTS:
            orphans.append(relative)
    assert not orphans, f"test files that mirror no module (rename, or list as cross-cutting with a reason): {orphans}"


def test_the_engine_never_imports_the_benchmark_tools() -> None:
    offenders = []
    for path in modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module] if isinstance(node, ast.ImportFrom) and node.module else [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if any(n.split(".")[0] == "bench" for n in names):
                offenders.append(module_name(path))
    assert not offenders, f"the package imports bench/: {offenders}"
