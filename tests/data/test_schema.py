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
