from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from handbook.data.messages import _unwrap
from handbook.data.model import FILES
from handbook.data.model.units import LEGACY, all_units
from handbook.data.schema import schema_for

import typing

ROOT = Path(__file__).resolve().parents[2]


def test_committed_schemas_match_the_models() -> None:
    stale = [stem for stem in FILES if (ROOT / "schema" / f"{stem}.schema.json").read_text(encoding="utf-8") != schema_for(stem)]
    assert not stale, f"schema/ is stale for {stale}: run `make schema` and commit schema/"


def test_every_data_file_points_its_editor_at_its_schema() -> None:
    for stem in FILES:
        first = (ROOT / "data" / f"{stem}.yaml").read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schema/{stem}.schema.json"


def _models(model: type[BaseModel], seen: set) -> None:
    if model in seen:
        return
    seen.add(model)
    for info in model.model_fields.values():
        stack = [info.annotation]
        while stack:
            tp = _unwrap(stack.pop())
            if isinstance(tp, type) and issubclass(tp, BaseModel):
                _models(tp, seen)
            stack.extend(a for a in typing.get_args(tp) if a is not type(None))


def test_every_field_has_a_description() -> None:
    seen: set = set()
    for model in FILES.values():
        _models(model, seen)
    missing = []
    for model in seen:
        for name, info in model.model_fields.items():
            described = info.description or any(getattr(m, "description", None) for m in info.metadata)
            if not described:
                missing.append(f"{model.__name__}.{name}")
    assert not missing, f"fields without a description: {missing}"


def test_schema_lists_every_unit_for_editors_and_rejects_unknown_fields() -> None:
    schema = json.loads(schema_for("services"))
    unit = schema["$defs"]["Charge"]["properties"]["unit"]
    assert unit["enum"] == all_units() + sorted(LEGACY)  # old phrases too: archived editions stay valid
    assert len(set(unit["enum"])) == len(unit["enum"])
    assert {"per pupil per day", "per delegate per half day", "per academy per year", "flat fee"} <= set(unit["enum"])
    assert "per <thing> per <period>" in unit["description"]
    assert "`academy` covers free schools" in schema["$defs"]["Charge"]["properties"]["settings"]["description"]
    assert schema["$defs"]["Service"]["additionalProperties"] is False


# The editor that knows the schema: VS Code (or Codespaces, through .devcontainer/) with Red Hat's
# YAML extension gives completion, hover help and red underlines from schema/*.json on data/*.yaml.
VSCODE = ROOT / ".vscode"


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_editor_settings_map_each_data_file_to_its_schema_and_the_schemas_exist() -> None:
    mapping = _json(VSCODE / "settings.json")["yaml.schemas"]
    covered = {}
    for schema, globs in mapping.items():
        assert (ROOT / schema).is_file(), schema
        for pattern in globs:
            for path in ROOT.glob(pattern):
                covered[path.relative_to(ROOT).as_posix()] = Path(schema).name
    assert covered == {f"data/{stem}.yaml": f"{stem}.schema.json" for stem in FILES}


def test_the_editor_and_the_dev_container_recommend_the_yaml_extension() -> None:
    assert "redhat.vscode-yaml" in _json(VSCODE / "extensions.json")["recommendations"]
    container = _json(ROOT / ".devcontainer" / "devcontainer.json")
    assert "redhat.vscode-yaml" in container["customizations"]["vscode"]["extensions"]
    assert container["postCreateCommand"] == "make venv"  # a Makefile target that installs `handbook`
    assert "\nvenv:" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_the_default_task_runs_handbook_validate_and_reads_its_lines_as_problems() -> None:
    import re

    from handbook.commands.cli import parser

    [task] = [t for t in _json(VSCODE / "tasks.json")["tasks"] if t.get("group", {}).get("isDefault")]
    assert task["command"].endswith("/.venv/bin/handbook") and task["args"][0] == "validate"
    assert parser().parse_args(task["args"]).command == "validate"
    pattern = task["problemMatcher"]["pattern"]
    line = "data/services.yaml:85:30: services[0].audience.settings[1]: 'academies' is not a known kind of school; did you mean 'academy'?"
    found = re.match(pattern["regexp"], line)
    assert (found[pattern["file"]], found[pattern["line"]], found[pattern["column"]], found[pattern["code"]]) == ("data/services.yaml", "85", "30", "services[0].audience.settings[1]")
    assert found[pattern["message"]].startswith("'academies' is not")
    warning = re.match(pattern["regexp"], "data/services.yaml:462:17: services[5].review_due: warning: the review of 'X' was due")
    assert warning[pattern["severity"]] == "warning" and warning[pattern["message"]].startswith("the review")
    tab = re.match(pattern["regexp"], "data/contacts.yaml:11:1: line 11 is indented with a tab; use spaces")
    assert tab[pattern["code"]] is None and tab[pattern["message"]].startswith("line 11 is indented")


def test_the_schemas_are_valid_json_schemas_that_accept_the_sample_and_refuse_a_fault(sample_data: Path) -> None:
    import jsonschema

    from handbook.data.load import load_file

    for stem in FILES:
        schema = _json(ROOT / "schema" / f"{stem}.schema.json")
        validator = jsonschema.validators.validator_for(schema)(schema)
        validator.check_schema(schema)
        doc, problems = load_file(sample_data / f"{stem}.yaml")
        assert doc is not None and not problems
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc.value)]
        assert not errors, (stem, errors[:5])
    services = _json(ROOT / "schema" / "services.schema.json")
    doc, _ = load_file(sample_data / "services.yaml")
    doc.value["services"][0]["audience"]["settings"][1] = "academies"
    [error] = jsonschema.validators.validator_for(services)(services).iter_errors(doc.value)
    assert list(error.absolute_path) == ["services", 0, "audience", "settings", 1]
