"""The package's shape: imports flow one way, modules stay small, tests mirror the modules."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "handbook"

# Stages, earliest first. A module may import its own stage or earlier ones, never a later one.
STAGES = [
    ["handbook.cache", "handbook.characters", "handbook.syntax", "handbook.errors", "handbook.escape", "handbook.reproducible", "handbook.limits", "handbook.markdown", "handbook.messages", "handbook.model.base", "handbook.model.types"],
    ["handbook.load", "handbook.report", "handbook.model", "handbook.filters"],
    ["handbook.checks"],
    ["handbook.validate", "handbook.schema", "handbook.synthetic"],
    ["handbook.views"],
    ["handbook.gitsource", "handbook.diff", "handbook.review", "handbook.scaffold", "handbook.chart"],
    ["handbook.render", "handbook.fragments"],
    ["handbook.site", "handbook.pdf"],
    ["handbook.build", "handbook.publish"],
    ["handbook.cli", "handbook.bench", "handbook.site.bench", "handbook.__main__", "handbook"],
]

# Test files that check a behaviour across modules rather than one module.
CROSS_CUTTING_TESTS = {
    "tests/test_layout.py",  # this file
    "tests/test_officers_guide.py",  # the guide's worked examples, applied to the sample data
    "tests/test_workflows.py",  # .github workflows call commands that exist
    "tests/test_privacy_across_editions.py",  # the real site and PDF across two editions publish nothing withheld
    "tests/browser/test_accessibility.py",  # axe-core over the built site
    "tests/browser/test_catalogue.py",  # a school user's filtering in Chromium
    "tests/browser/test_search.py",  # Material's search over the built site
    "tests/browser/test_print.py",  # printing one page from Chromium (the site's print CSS)
    "tests/test_hostile_input.py",  # the hostile corpus (tests/hostile.py) in every field: validation, CLI, real builds
    "tests/browser/test_hostile_pages.py",  # a hostile build in Chromium: no script on load, focus or click
}

MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def stage_of(module: str) -> int:
    best, stage = -1, None
    for index, prefixes in enumerate(STAGES):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, stage = len(prefix), index
    assert stage is not None, f"{module} has no stage in tests/test_layout.py"
    return stage


def imports_of(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "handbook":
            if node.module == "handbook":  # `from handbook import filters` imports handbook.filters
                found.update(f"handbook.{alias.name}" for alias in node.names)
            else:
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.split(".")[0] == "handbook")
    return found


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_imports_flow_one_way() -> None:
    upward = []
    for path in modules():
        name = module_name(path)
        for imported in imports_of(path):
            if stage_of(imported) > stage_of(name):
                upward.append(f"{name} imports {imported}")
    assert not upward, "a stage imports a later one:\n" + "\n".join(upward)


def test_the_engine_never_imports_mkdocs_outside_the_site_adapter_and_build() -> None:
    allowed = {"handbook.build", "handbook.site.adapter", "handbook.site.bench"}
    offenders = []
    for path in modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module] if isinstance(node, ast.ImportFrom) and node.module else [a.name for a in getattr(node, "names", [])] if isinstance(node, ast.Import) else []
            if any(n.split(".")[0] in ("mkdocs", "material", "mkdocs_macros") for n in names) and module_name(path) not in allowed:
                offenders.append(module_name(path))
    assert not offenders, f"modules tied to MkDocs: {sorted(set(offenders))}"


def test_modules_stay_small() -> None:
    long = [f"{module_name(p)}: {n} lines" for p in modules() if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES]
    assert not long, f"split these modules (over {MAX_LINES} lines): {long}"


def expected_test_file(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return str(Path("tests", *relative.parts[:-1], f"test_{relative.stem}.py"))


def test_every_module_has_its_test_file() -> None:
    skip = {"__init__.py", "__main__.py"}
    missing = [expected_test_file(p) for p in modules() if p.name not in skip and not (ROOT / expected_test_file(p)).is_file()]
    assert not missing, f"modules without a mirrored test file: {missing}"


def test_every_test_file_has_its_module() -> None:
    expected = {expected_test_file(p) for p in modules()}
    orphans = []
    for test in sorted((ROOT / "tests").rglob("test_*.py")):
        relative = str(test.relative_to(ROOT))
        if relative not in expected and relative not in CROSS_CUTTING_TESTS:
            orphans.append(relative)
    assert not orphans, f"test files that mirror no module (rename, or list as cross-cutting with a reason): {orphans}"
