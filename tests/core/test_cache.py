from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from handbook.core import cache


def test_the_folder_follows_handbook_cache_then_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HANDBOOK_CACHE", str(tmp_path / "mine"))
    assert cache.root() == tmp_path / "mine"
    monkeypatch.delenv("HANDBOOK_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.root() == tmp_path / "xdg" / "handbook"
    monkeypatch.setenv("HANDBOOK_CACHE", "off")
    assert cache.root() is None and cache.folder("x") is None


def test_an_entry_reads_back_and_its_folder_is_private(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HANDBOOK_CACHE", str(tmp_path))
    name = cache.key("some", "input")
    assert cache.read("kind", name) is None
    cache.write("kind", name, "résumé")
    assert cache.read("kind", name) == "résumé"
    assert stat.S_IMODE(os.stat(tmp_path / "kind").st_mode) == 0o700
    assert [p.name for p in (tmp_path / "kind").iterdir()] == [name]  # no temporary file left


def test_keys_differ_whenever_the_inputs_do() -> None:
    assert cache.key("ab", "c") != cache.key("a", "bc")
    assert cache.key("a") == cache.key(b"a") != cache.key("b")


def test_a_folder_that_cannot_be_written_means_no_cache_not_an_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("HANDBOOK_CACHE", str(blocker))
    assert cache.folder("kind") is None
    cache.write("kind", "entry", "text")  # nothing happens
    assert cache.read("kind", "entry") is None


def test_a_modules_code_version_changes_with_its_source_and_its_libraries(tmp_path: Path) -> None:
    source = tmp_path / "module.py"
    source.write_text("A = 1\n")
    first = cache.code_version(str(source), "lib 1.0")
    assert cache.code_version(str(source), "lib 1.1") != first
    other = tmp_path / "other.py"
    other.write_text("A = 2\n")
    assert cache.code_version(str(other), "lib 1.0") != first
