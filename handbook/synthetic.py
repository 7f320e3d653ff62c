"""synthetic: a data folder with N services made from the sample's, for benchmarks and scale tests.

Input: a valid data folder. Output: a copy whose services.yaml holds `count` services, cloned
round-robin from the public ones with new ids and names (related links dropped so every
reference still resolves). It writes files; nothing else in the engine calls it.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from handbook.load import load_file


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def make_data(source: Path, target: Path, count: int) -> Path:
    """Copy `source` to `target` with `count` services; returns `target`."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("archive"))
    doc, problems = load_file(source / "services.yaml")
    if doc is None:
        raise ValueError(f"cannot read {source / 'services.yaml'}: {problems}")
    templates = [s for s in doc.value["services"] if s.get("visibility", "public") == "public"]
    services = []
    for i in range(count):
        service = _plain(dict(templates[i % len(templates)]))
        service["id"] = f"{service['id']}-{i + 1:04d}"
        service["name"] = f"{service['name']} {i + 1}"
        service["related"] = []
        services.append(service)
    content = {"categories": _plain(doc.value["categories"]), "services": services}
    text = "# yaml-language-server: $schema=../schema/services.schema.json\n" + yaml.dump(
        content, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False, allow_unicode=True, width=100
    )
    (target / "services.yaml").write_text(text, encoding="utf-8")
    authority = target / "authority.yaml"
    # The archive is not copied, so the synthetic edition has no previous one to compare with.
    authority.write_text("\n".join(l for l in authority.read_text(encoding="utf-8").splitlines() if not l.strip().startswith("previous:")) + "\n", encoding="utf-8")
    return target
