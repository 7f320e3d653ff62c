"""`make serve` keeps what it made from one service between builds (`handbook.site.reuse`): made
again whenever anything it is made from changed, and the generated files after an edit are byte for
byte those a fresh build writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.data.validate import load_handbook
from handbook.site import prepare, reuse


@pytest.fixture()
def serving(monkeypatch):
    monkeypatch.setattr(reuse, "_kept", {})
    monkeypatch.setattr(reuse, "_keeping", True)  # as in a serving process


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _made_for(handbook, calls: list[str], kind: str = "test", *extra) -> list[str]:
    return [reuse.made(kind, handbook, s, lambda s=s: calls.append(s.id) or s.name, *extra) for s in handbook.services.services]


def test_outside_serve_every_output_is_made_each_time(sample_handbook):
    calls: list[str] = []
    _made_for(sample_handbook, calls)
    _made_for(sample_handbook, calls)
    assert len(calls) == 2 * len(sample_handbook.services.services)


def test_an_output_is_made_again_exactly_when_its_service_another_file_or_extra_changed(data_copy, serving):
    calls: list[str] = []
    names = _made_for(load_handbook(data_copy), calls)
    assert len(calls) == len(names)
    calls.clear()
    assert _made_for(load_handbook(data_copy), calls) == names and calls == []  # the same data: nothing made

    services = data_copy / "services.yaml"
    _edit(services, "    name: School Finance Support\n", "    name: School Finance and Budget Support\n")
    assert "School Finance and Budget Support" in _made_for(load_handbook(data_copy), calls)
    assert calls == ["school-finance-support"]  # only the edited service
    calls.clear()

    _made_for(load_handbook(data_copy), calls, "test", "another site address")
    assert len(calls) == len(names)  # what else the output reads changed: all made again
    calls.clear()

    _edit(data_copy / "glossary.yaml", "    meaning: Education, health and care\n", "    meaning: Education, Health & Care\n")
    _made_for(load_handbook(data_copy), calls, "test", "another site address")
    assert len(calls) == len(names)  # another file changed: every output made again


def test_a_gone_service_is_forgotten(sample_handbook, serving):
    calls: list[str] = []
    _made_for(sample_handbook, calls)
    reuse.forget("test", {sample_handbook.services.services[0].id})
    calls.clear()
    _made_for(sample_handbook, calls)
    assert calls == [s.id for s in sample_handbook.services.services[1:]]


def test_the_generated_files_after_edits_in_serve_are_those_a_fresh_build_writes(tmp_path, data_copy, serving, monkeypatch):
    """Pages, downloads, Open Referral and calendars, written in serve across edits of a service,
    of a related service's name, of a contact and of the glossary, against a one-off write."""
    served = tmp_path / "served"
    services = data_copy / "services.yaml"
    edits = [
        (services, "    name: School Finance Support\n", "    name: School Finance & Budget <Support>\n"),
        (services, "    name: Behaviour Support Service\n", "    name: Behaviour & Inclusion Support\n"),
        (services, "    name: EAL and Traveller Education Support\n", "    name: EAL and Traveller Education Support\n    visibility: internal\n"),
    ]
    edits += [  # a role services name as their contact; an acronym the service pages print
        (data_copy / "contacts.yaml", "    title: Attendance and Education Welfare Manager\n", "    title: Attendance Lead\n"),
        (data_copy / "glossary.yaml", "    meaning: Education, health and care\n", "    meaning: Education, Health & Care\n"),
    ]
    prepare.write_generated(load_handbook(data_copy), served, site_url="https://example.org/handbook/")
    for path, old, new in edits:
        _edit(path, old, new)
        handbook = load_handbook(data_copy)
        prepare.write_generated(handbook, served, site_url="https://example.org/handbook/")
        monkeypatch.setattr(reuse, "_keeping", False)
        fresh = tmp_path / f"fresh-{len(list(tmp_path.iterdir()))}"
        prepare.write_generated(load_handbook(data_copy), fresh, site_url="https://example.org/handbook/")
        monkeypatch.setattr(reuse, "_keeping", True)
        files = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
        assert files == sorted(p.relative_to(served) for p in served.rglob("*") if p.is_file())
        assert [f for f in files if (fresh / f).read_bytes() != (served / f).read_bytes()] == [], (path.name, new)
    page = (served / "services" / "school-finance-support.md").read_text(encoding="utf-8")
    assert "School Finance &amp; Budget &lt;Support&gt;" in page and not (served / "services" / "eal-traveller-support.md").exists()
    assert "Attendance Lead" in (served / "services" / "child-employment.md").read_text(encoding="utf-8")
    assert 'title="Education, Health &amp; Care"' in "".join(p.read_text(encoding="utf-8") for p in (served / "services").glob("*.md"))
