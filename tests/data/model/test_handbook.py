from pathlib import Path

from handbook.data.model import FILES


def test_every_data_file_has_a_model_and_every_model_a_file(sample_data: Path):
    assert {p.stem for p in sample_data.glob("*.yaml")} == set(FILES)


def test_lookups_find_records_by_id(sample_handbook):
    service = sample_handbook.services.services[0]
    assert sample_handbook.services_by_id[service.id] is service
    assert sample_handbook.units_by_id[service.owner].id == service.owner
    assert sample_handbook.categories_by_id[service.category].id == service.category
    group = sample_handbook.partnerships.groups[0]
    assert sample_handbook.groups_by_id[group.id] is group


def test_no_model_module_postpones_its_annotations():
    # Postponed annotations are strings pydantic compiles when each class is made: a third of the
    # models' import time, paid by every command (see handbook/data/model/__init__.py).
    folder = Path(__file__).resolve().parents[3] / "handbook" / "data" / "model"
    assert [p.name for p in sorted(folder.glob("*.py")) if "from __future__ import annotations" in p.read_text(encoding="utf-8").splitlines()] == []
