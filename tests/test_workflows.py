"""The GitHub workflows, pull-request template and CODEOWNERS: valid, and every command they run
exists (a `make` target in the Makefile, a `handbook` subcommand with options the CLI accepts)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from handbook.commands.cli import parser

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
MAKE_TARGET = re.compile(r"^([A-Za-z][\w.-]*)\s*:(?!=)", re.M)


def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text())
    # YAML 1.1 reads the key `on` as true; GitHub reads it as "on".
    if True in data:
        data["on"] = data.pop(True)
    return data


def _run_lines(workflow: dict) -> list[str]:
    """Every shell line the workflow runs, with `${{ ... }}` expressions replaced by a word."""
    lines = []
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            script = step.get("run", "").replace("\\\n", " ")  # join continued lines
            for line in script.splitlines():
                lines.append(re.sub(r"\$\{\{[^}]*\}\}", "EXPR", line).strip())
    return lines


def _commands(line: str) -> list[list[str]]:
    """A shell line split into its simple commands (at &&, ||, ;, |), redirections dropped."""
    words = shlex.split(line, comments=True)
    out, current = [], []
    for word in words:
        if word in ("&&", "||", ";", "|", "{", "}"):
            out.append(current)
            current = []
        elif word.startswith((">", "<", "2>")):
            current.append("__redirect__")
        else:
            current.append(word)
    out.append(current)
    return [[w for w in c if w != "__redirect__"] for c in out if c]


def _makefile_targets() -> set[str]:
    return set(MAKE_TARGET.findall((ROOT / "Makefile").read_text()))


def test_there_is_a_pull_request_workflow_and_a_publish_workflow():
    assert {p.name for p in WORKFLOWS} == {"pull-request.yml", "publish.yml"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_valid_yaml_with_named_steps_that_run_or_use_something(path: Path):
    workflow = _load(path)
    assert workflow["name"] and workflow["on"] and workflow["jobs"]
    for job in workflow["jobs"].values():
        assert job["runs-on"]
        for step in job["steps"]:
            assert ("run" in step) != ("uses" in step), step
            if "uses" in step:
                assert re.fullmatch(r"[\w-]+/[\w-]+@v\d+", step["uses"]), step["uses"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_make_target_a_workflow_runs_exists_in_the_makefile(path: Path):
    targets = _makefile_targets()
    used = []
    for line in _run_lines(_load(path)):
        for command in _commands(line):
            if command[0] == "make":
                used += [w for w in command[1:] if "=" not in w and not w.startswith("-")]
    assert used, "the workflow runs no make target"
    assert set(used) <= targets, sorted(set(used) - targets)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_handbook_command_a_workflow_runs_is_accepted_by_the_cli(path: Path):
    cli = parser()
    used = []
    for line in _run_lines(_load(path)):
        for command in _commands(line):
            if Path(command[0]).name == "handbook":
                cli.parse_args(command[1:])  # exits (fails the test) on an unknown command or option
                used.append(command[1])
    if path.name == "pull-request.yml":
        assert {"validate", "diff"} <= set(used)


def test_pull_request_workflow_validates_with_annotations_builds_tests_and_uploads_site_and_pdf():
    workflow = _load(GITHUB / "workflows" / "pull-request.yml")
    assert "pull_request" in workflow["on"]
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    runs = " \n".join(s.get("run", "") for s in steps)
    assert "validate --data data --format github" in runs
    assert "make site" in runs and "make test" in runs
    uploads = [s["with"]["path"] for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert uploads == ["site/", "site/pdf/*.pdf"]


def test_pull_request_workflow_posts_the_diff_against_the_base_branch_as_markdown_in_the_summary():
    """The Markdown it posts is produced from the sample's two editions by tests/commands/test_diff.py."""
    workflow = _load(GITHUB / "workflows" / "pull-request.yml")
    [step] = [s for job in workflow["jobs"].values() for s in job["steps"] if "handbook diff" in s.get("run", "")]
    assert step["if"] == "github.event_name == 'pull_request'" and step["env"]["BASE"] == "${{ github.base_ref }}"
    [command] = [c for line in _run_lines({"jobs": {"j": {"steps": [step]}}}) for c in _commands(line) if Path(c[0]).name == "handbook"]
    assert command[1:] == ["diff", "--format", "markdown", "origin/$BASE", "data"]
    assert '>> "$GITHUB_STEP_SUMMARY"' in step["run"] and "```" not in step["run"]


def test_publish_workflow_runs_on_main_only_and_pushes_with_mike():
    workflow = _load(GITHUB / "workflows" / "publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"]["contents"] == "write"
    runs = [s.get("run", "") for job in workflow["jobs"].values() for s in job["steps"]]
    assert any(r.strip() == "make publish PUSH=1" for r in runs)
    publish = (ROOT / "Makefile").read_text().split("\npublish:")[1].split("\n\n")[0]
    assert "handbook publish" in publish and "--push" in publish


def test_pull_request_template_has_the_officers_checklist():
    text = (GITHUB / "pull_request_template.md").read_text()
    boxes = re.findall(r"^- \[ \] (.+)$", text, re.M)
    assert len(boxes) >= 6
    for topic in ("consent_to_publish", "visibility: internal", "review_due", "artifact"):
        assert topic in text


def test_codeowners_maps_every_data_file_to_a_team():
    rules = [line.split() for line in (GITHUB / "CODEOWNERS").read_text().splitlines() if line.strip() and not line.startswith("#")]
    owned = {rule[0] for rule in rules}
    assert all(len(rule) >= 2 and all(o.startswith("@") for o in rule[1:]) for rule in rules)
    for stem in ("authority", "services", "contacts", "structure", "partnerships", "protocols", "publications"):
        assert f"/data/{stem}.yaml" in owned, stem
