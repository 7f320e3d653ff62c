"""gitsource: an edition named as a folder or a git ref -> a folder with its data files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from handbook.core.errors import HandbookUserError
from tests.gitrepo import new_repo
from handbook.data.gitsource import edition_folder

EDITIONS = Path(__file__).resolve().parents[1] / "cases" / "editions"


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    run = new_repo(tmp_path)
    shutil.copytree(EDITIONS / "2025-26", tmp_path / "data")
    shutil.copytree(EDITIONS / "2026-27", tmp_path / "editions" / "next")
    run("add", ".")
    run("commit", "-q", "-m", "editions")
    run("tag", "v2025-26")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_folder_is_used_as_it_is():
    with edition_folder(str(EDITIONS / "2026-27")) as folder:
        assert folder == EDITIONS / "2026-27"


def test_a_tag_yields_a_temporary_copy_of_its_data_folder_removed_afterwards(repo: Path):
    (repo / "data" / "services.yaml").write_text("uncommitted edit\n")
    with edition_folder("v2025-26") as folder:
        assert folder != repo / "data"
        assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in (EDITIONS / "2025-26").iterdir())
        assert (folder / "services.yaml").read_bytes() == (EDITIONS / "2025-26" / "services.yaml").read_bytes()
    assert not folder.exists()
    assert (repo / "data" / "services.yaml").read_text() == "uncommitted edit\n"


def test_ref_and_folder_reads_another_folder_at_that_ref(repo: Path):
    with edition_folder("HEAD:editions/next") as folder:
        assert '"2026-27"' in (folder / "authority.yaml").read_text()


def test_a_ref_without_data_files_there_is_a_user_error(repo: Path):
    with pytest.raises(HandbookUserError, match="no data files in nowhere/"):
        with edition_folder("HEAD:nowhere"):
            pass


def test_neither_folder_nor_ref_is_a_user_error(repo: Path):
    with pytest.raises(HandbookUserError, match="neither a data folder nor a git tag"):
        with edition_folder("no-such-thing"):
            pass
