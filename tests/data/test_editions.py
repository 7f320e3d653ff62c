"""editions: the previous edition is loaded from the folder the data names; a missing one is a user error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from handbook.core.errors import HandbookUserError
from handbook.data.editions import previous_edition
from handbook.data.validate import load_handbook
from handbook.views.changes import compare

EDITIONS = Path(__file__).resolve().parent.parent / "cases" / "editions"


@pytest.fixture(scope="module")
def old():
    return load_handbook(EDITIONS / "2025-26")


@pytest.fixture(scope="module")
def new():
    return load_handbook(EDITIONS / "2026-27")


def test_the_previous_edition_is_the_folder_the_data_names(new):
    report = compare(previous_edition(new, EDITIONS / "2026-27"), new)
    assert report is not None and report.old_edition == "2025-26"
    assert [s.id for s in report.services_added] == ["music-education"]


def test_a_first_edition_has_no_previous_one(old):
    assert previous_edition(old, EDITIONS / "2025-26") is None


def test_missing_previous_edition_folder_is_a_user_error(tmp_path):
    folder = tmp_path / "2026-27"
    shutil.copytree(EDITIONS / "2026-27", folder)
    authority = folder / "authority.yaml"
    authority.write_text(authority.read_text(encoding="utf-8").replace("previous: ../2025-26", "previous: archive/2024-25"), encoding="utf-8")
    with pytest.raises(HandbookUserError, match="archive/2024-25") as caught:
        previous_edition(load_handbook(folder), folder)
    assert caught.value.status == 1
