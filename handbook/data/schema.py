"""schema: the JSON Schema of each data file, generated from the models (never written by hand).

Officers' editors read it through the `# yaml-language-server: $schema=…` line at the top of each
data file, so they get completion and checking as they type.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from handbook.data.model import FILES

SCHEMA_DIR = Path("schema")


def _limit(schema: dict[str, Any]) -> str:
    """'At most 120 characters' or 'At most 50 entries, each at most 500 characters', or ''."""
    for member in [schema, *schema.get("anyOf", [])]:
        if "maxLength" in member:
            return f"At most {member['maxLength']:,} characters"
        if "maxItems" in member:
            each = _limit(member.get("items", {}))
            return f"At most {member['maxItems']:,} entries" + (f", each {each[0].lower()}{each[1:]}" if each else "")
    return ""


# pydantic leaves a bound it cannot place (on a type with a validator of ours) under its own name.
_KEYWORDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


def _state_limits(schema: Any) -> None:
    """Append each field's limit to its description, so an officer reads it where the field is
    explained (editors show the description, rarely `maxLength`); and give bounds their JSON
    Schema names, so editors check them."""
    if isinstance(schema, list):
        for item in schema:
            _state_limits(item)
        return
    if not isinstance(schema, dict):
        return
    for name, keyword in _KEYWORDS.items():
        if name in schema:
            schema.setdefault(keyword, schema.pop(name))
    for prop in (schema.get("properties") or {}).values():
        limit = _limit(prop)
        if limit and "description" in prop and limit not in prop["description"]:
            prop["description"] = f"{prop['description']} {limit}."
    for key, value in schema.items():
        if key == "properties":  # field name -> schema: each value is a schema, the mapping is not
            for prop in value.values():
                _state_limits(prop)
        elif key == "$defs":
            for definition in value.values():
                _state_limits(definition)
        else:
            _state_limits(value)


def schema_for(stem: str) -> str:
    schema = FILES[stem].model_json_schema(mode="validation")
    _state_limits(schema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"handbook data: {stem}.yaml"
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schemas(out: Path = SCHEMA_DIR) -> list[Path]:
    """Write schema/<stem>.schema.json for every data file; returns the files that changed."""
    out.mkdir(parents=True, exist_ok=True)
    changed = []
    for stem in FILES:
        path = out / f"{stem}.schema.json"
        text = schema_for(stem)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed
