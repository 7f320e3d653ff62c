"""The build time comes from SOURCE_DATE_EPOCH or the last commit, never the clock."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from handbook.core.reproducible import FALLBACK, VARIABLE, environment, source_date_epoch


def test_source_date_epoch_wins_when_set(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(VARIABLE, "1700000000")
    assert source_date_epoch(tmp_path) == 1700000000
    assert environment(tmp_path) == {VARIABLE: "1700000000"}


def test_last_commit_time_stands_in(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(VARIABLE, raising=False)
    env = {"GIT_AUTHOR_DATE": "@1600000000 +0000", "GIT_COMMITTER_DATE": "@1600000123 +0000", "HOME": str(tmp_path)}
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "f").write_text("x")
    subprocess.run(["git", "-C", str(tmp_path), "add", "f"], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qm", "m"], check=True, env={**env, "PATH": "/usr/bin:/bin"})
    assert source_date_epoch(tmp_path) == 1600000123


def test_no_repository_and_no_variable_gives_a_fixed_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(VARIABLE, raising=False)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert source_date_epoch(tmp_path) == FALLBACK


def test_a_value_that_is_not_a_whole_number_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(VARIABLE, "yesterday")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert source_date_epoch(tmp_path) == FALLBACK
