"""The values of a data file's text kept by the text: read back only for the same text, and
never able to run code."""

from __future__ import annotations

import os
import pickle
from decimal import Decimal
from pathlib import Path

import pytest

from handbook.core import cache
from handbook.data.load import load_text
from handbook.data.valuecache import MISSING, cache_name, cached_values, keep, remember


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HANDBOOK_CACHE", str(tmp_path / "cache"))
    cache._usable.cache_clear()
    return tmp_path / "cache"


def test_a_text_read_without_problems_is_kept_under_its_own_name():
    text = "price: 1.10\nname: Music\n"
    assert cached_values(cache_name(text)) is MISSING
    load_text(text, "f.yaml")
    assert cached_values(cache_name(text)) == {"price": Decimal("1.10"), "name": "Music"}
    assert cache_name(text) != cache_name(text + "# an edit\n")


def test_a_text_with_problems_is_not_kept():
    text = "a: 1\na: 2\n"  # a duplicated key
    doc, problems = load_text(text, "f.yaml")
    assert problems
    assert cached_values(cache_name(text)) is MISSING


def test_remember_seeds_what_load_text_then_returns_without_composing():
    text = "a: 1\n"
    remember(text, {"a": 1})
    doc, problems = load_text(text, "f.yaml")
    assert problems == [] and doc.value == {"a": 1} and doc.root is None


def test_a_tampered_entry_runs_nothing_and_is_a_miss(tmp_path: Path):
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    name = cache_name("a: 1\n")
    cache.write_bytes("yaml", name, pickle.dumps(Payload()))
    assert cached_values(name) is MISSING
    assert not marker.exists()


def test_nothing_is_written_when_the_cache_is_off(monkeypatch: pytest.MonkeyPatch, own_cache: Path):
    monkeypatch.setenv("HANDBOOK_CACHE", cache.OFF)
    keep(cache_name("a: 1\n"), {"a": 1})
    assert not own_cache.exists()
