"""The validated handbook kept in the cache: read back only for the very same data and code."""

from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path

import pytest

from handbook.core import cache
from handbook.core.errors import HandbookUserError
from handbook.data import snapshot, validate
from handbook.data.snapshot import cached_handbook


@pytest.fixture()
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("HANDBOOK_CACHE", str(folder))
    cache._usable.cache_clear()
    return folder


def _entries(folder: Path) -> list[Path]:
    return sorted((folder / snapshot.KIND).glob("*.pickle")) if (folder / snapshot.KIND).is_dir() else []


def _validation_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("validated again: the cache did not answer")

    monkeypatch.setattr(validate, "load_handbook", refuse)


def test_unchanged_data_is_answered_from_the_cache_with_an_equal_handbook(own_cache, data_copy, monkeypatch):
    first = cached_handbook(data_copy)
    assert len(_entries(own_cache)) == 1
    _validation_refused(monkeypatch)
    again = cached_handbook(data_copy)
    assert again == first
    assert again is not first  # read back, not kept in memory
    assert [s.id for s in again.services.services] == [s.id for s in first.services.services]


def test_an_edit_to_any_data_file_is_never_served_the_old_handbook(own_cache, data_copy):
    first = cached_handbook(data_copy)
    services = data_copy / "services.yaml"
    service = first.services.services[0]
    services.write_text(services.read_text(encoding="utf-8").replace(f"name: {service.name}", "name: A renamed service", 1), encoding="utf-8")
    edited = cached_handbook(data_copy)
    assert edited.services_by_id[service.id].name == "A renamed service"
    assert len(_entries(own_cache)) == 2


def test_a_new_day_is_a_new_entry(own_cache, data_copy):
    import datetime as dt

    cached_handbook(data_copy, dt.date(2026, 9, 1))
    cached_handbook(data_copy, dt.date(2026, 9, 2))
    assert len(_entries(own_cache)) == 2


def test_data_with_errors_raises_and_keeps_nothing(own_cache, data_copy):
    services = data_copy / "services.yaml"
    services.write_text(services.read_text(encoding="utf-8") + "\nunknown_field: true\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(HandbookUserError) as raised:
            cached_handbook(data_copy)
        assert raised.value.status == 1
    assert _entries(own_cache) == []


class _Runs:
    """A pickle that would run a command when unpickled by a plain `pickle.loads`."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_tampered_entry_runs_nothing_and_is_validated_afresh(own_cache, data_copy, tmp_path):
    good = cached_handbook(data_copy)
    (entry,) = _entries(own_cache)
    marker = tmp_path / "ran"
    entry.write_bytes(pickle.dumps(_Runs(marker)))
    again = cached_handbook(data_copy)
    assert not marker.exists()
    assert again == good


def test_a_damaged_entry_is_a_missing_one(own_cache, data_copy):
    good = cached_handbook(data_copy)
    (entry,) = _entries(own_cache)
    entry.write_bytes(entry.read_bytes()[:1000])
    assert cached_handbook(data_copy) == good


def test_caching_turned_off_still_answers(data_copy, monkeypatch):
    monkeypatch.setenv("HANDBOOK_CACHE", cache.OFF)
    assert cached_handbook(data_copy).services.services


def test_the_cached_answer_imports_no_yaml_loader_nor_checks(data_copy, tmp_path):
    # What makes a repeated quote fast: the loader and the checks are never imported.
    import subprocess

    code = (
        "import sys\n"
        "from handbook.data.snapshot import cached_handbook\n"
        f"cached_handbook({str(data_copy)!r})\n"
        "print(sorted(m for m in sys.modules if m in ('yaml', 'handbook.data.load', 'handbook.data.checks')))\n"
    )
    env = dict(os.environ, HANDBOOK_CACHE=str(tmp_path / "fresh-cache"))
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert first.stdout.strip() != "[]"  # the first run validated
    assert again.stdout.strip() == "[]"
