"""A new council's data: valid as it stands, the name escaped, colours checked, nothing public."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from handbook.core.errors import HandbookUserError
from handbook.data.model import FILES
from handbook.data.starter import check_colours, contrast_with_white, slug_of, starter_files
from handbook.data.validate import validate


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_the_starter_data_validates_and_publishes_no_service(tmp_path: Path):
    files = starter_files("Wessex County Council", today=dt.date(2026, 12, 3))
    assert sorted(files) == sorted(f"{stem}.yaml" for stem in FILES)
    result = validate(_write(tmp_path / "data", files), today=dt.date(2026, 12, 3))
    assert result.ok and not result.problems, result.problems
    handbook = result.handbook
    assert handbook.authority.authority.name == "Wessex County Council" and handbook.authority.authority.slug == "wessex"
    assert (handbook.authority.edition.id, handbook.authority.edition.previous) == ("2026-27", None)
    assert [s.visibility.value for s in handbook.services.services] == ["internal"]
    assert all("Write here" in files[name] for name in files)


@pytest.mark.parametrize("name", ['Council "of" Quotes: #1', "Line\\nbreak {{ evil }} & <b>", "Cyngor Sir Ynys Môn"])
def test_any_name_reaches_the_yaml_as_text_and_nothing_else(tmp_path: Path, name: str):
    result = validate(_write(tmp_path / "data", starter_files(name)))
    assert result.ok and result.handbook.authority.authority.name == name


def test_a_name_with_a_control_character_is_reported_by_validation_not_written_as_yaml(tmp_path: Path):
    result = validate(_write(tmp_path / "data", starter_files("Bad\u202eName Council")))
    assert not result.ok and "authority.name" in result.errors[0].path


def test_colours_must_be_written_as_hex_and_readable_on_white():
    assert check_colours(("#0B4F2A", "#7a2e8a")) == ("#0b4f2a", "#7a2e8a")
    assert round(contrast_with_white("#1d4f73"), 1) == 8.7 and round(contrast_with_white("#000000")) == 21
    with pytest.raises(HandbookUserError, match="contrast against white"):
        check_colours(("#1d4f73", "#ffcc00"))
    with pytest.raises(HandbookUserError, match="#rrggbb"):
        check_colours(("navy", "#1d4f73"))


def test_slug_is_the_meaningful_part_of_the_name():
    assert slug_of("Wessex County Council") == "wessex"
    assert slug_of("Royal Borough of Wessex & Mercia") == "wessex-mercia"
    assert slug_of("The Council") == "the-council"
