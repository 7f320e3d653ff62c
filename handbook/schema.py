"""schema: the JSON Schema of each data file, generated from the models (never written by hand).

Officers' editors read it through the `# yaml-language-server: $schema=…` line at the top of each
data file, so they get completion and checking as they type.
"""

from __future__ import annotations

import json
from pathlib import Path

from handbook.model import FILES

SCHEMA_DIR = Path("schema")


def schema_for(stem: str) -> str:
    schema = FILES[stem].model_json_schema(mode="validation")
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
