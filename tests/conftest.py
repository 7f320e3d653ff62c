"""Shared fixtures: the sample data, and the real site and PDF built once per test session."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DATA = ROOT / "data"
# A fixed "today" so review-date warnings do not change with the calendar.
TODAY = dt.date(2026, 11, 1)

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture(scope="session", autouse=True)
def handbook_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's own handbook cache (see handbook.core.cache): empty at the start, never the user's."""
    path = tmp_path_factory.mktemp("cache")
    os.environ["HANDBOOK_CACHE"] = str(path)
    return path


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def sample_data() -> Path:
    return SAMPLE_DATA


@pytest.fixture(scope="session")
def sample_handbook():
    from handbook.data.validate import validate

    result = validate(SAMPLE_DATA, today=TODAY)
    assert result.handbook is not None, result.problems
    return result.handbook


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the sample data (archive included) for tests that change it."""
    target = tmp_path / "data"
    shutil.copytree(SAMPLE_DATA, target)
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site (with the PDF) built from the sample data by the same code as `make site`.

    Built from a copy of the project so tests never touch the working tree's site/.
    """
    from tests.site.helpers import build_site

    return build_site(SAMPLE_DATA, tmp_path_factory.mktemp("built") / "project")
