"""An edit inside one list entry is read by reading that entry alone (`handbook.data.splice`, through
`load.load_text`): the values and problems are always those of reading the whole file."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handbook.data import load
from handbook.data.splice import entry_edit


@pytest.fixture(autouse=True)
def no_cache(monkeypatch):
    monkeypatch.setenv("HANDBOOK_CACHE", "off")  # every read below composes, or splices
    monkeypatch.setattr(load, "_last_read", {})


def _whole(text: str):
    saved = dict(load._last_read)
    load._last_read.clear()
    try:
        doc, problems = load.load_text(text, "data/services.yaml")
    finally:
        load._last_read.clear()
        load._last_read.update(saved)
    return (doc.value if doc else None), problems


def _after(before: str, after: str):
    load._last_read.clear()
    load.load_text(before, "data/services.yaml")
    doc, problems = load.load_text(after, "data/services.yaml")
    return (doc.value if doc else None), problems


def test_a_changed_name_is_read_from_its_entry_alone(sample_data):
    text = (sample_data / "services.yaml").read_text(encoding="utf-8")
    before, _ = load.load_text(text, "data/services.yaml")
    edited = text.replace("    name: School Finance Support\n", "    name: School Finance & Budget Support\n", 1)
    key, index, entry = entry_edit(text, edited, before.value)
    assert key == "services" and entry.startswith("  - id: school-finance-support\n") and "Budget" in entry
    assert before.value["services"][index]["id"] == "school-finance-support"
    assert _after(text, edited) == _whole(edited)
    load._last_read.clear()
    load.load_text(text, "data/services.yaml")
    assert load._spliced(edited, "data/services.yaml") == _whole(edited)[0]  # read by splicing, not whole


@pytest.mark.parametrize("old, new", [
    ("    name: School Finance Support\n", "    name: School Finance Support\n    name: Twice\n"),  # duplicate key
    ("    name: School Finance Support\n", "    name: &a School Finance Support\n    summary2: *a\n"),  # an alias
    ("    name: School Finance Support\n", "    name: !!str School Finance Support\n"),  # a tag
    ("    name: School Finance Support\n", "    name: School Finance \u202eSupport\n"),  # a bad character
    ("    name: School Finance Support\n", "    name: \"School Finance\nSupport\"\n"),  # a quoted value back at the margin
    ("    name: School Finance Support\n", "    name: [unclosed\n"),  # YAML that cannot be read
    ("    name: School Finance Support\n", "    name: School Finance Support\n  - id: a-new-entry\n    name: New\n"),  # an entry added
    ("    name: School Finance Support\n", "    name: School Finance Support\nauthority: x\n"),  # a top-level key
    ("    name: School Finance Support\n", "    name: School Finance Support\n---\n"),  # a second document
    ("    name: School Finance Support\n", "    name: School Finance Support\u2028x\n"),  # a line break editors do not show
    ("    name: School Finance Support\n", "    name: School\tFinance Support\n"),
    ("    name: School Finance Support\n", "    name: School Finance Support # a comment \u202e\n"),  # a bad character in a comment
    ("    name: School Finance Support\n", "# a comment at the margin\n    name: School Finance Support\n"),
    ("    name: School Finance Support\n", "\n\n    name: School Finance Support\n"),
])
def test_every_other_edit_reads_as_the_whole_file_reads(sample_data, old, new):
    text = (sample_data / "services.yaml").read_text(encoding="utf-8")
    edited = text.replace(old, new, 1)
    assert _after(text, edited) == _whole(edited)


LINES = st.sampled_from([
    "", "# note", "    name: X", "    name: 'a: b'", "  - id: extra", "    - nested", "      deeper: 1", "x: y", "  # indented note",
    "    summary: |", "      block text", "    price: 1.10", "    flag: no", "\t", "  -", "    name: \"open", "close\"",
])


@pytest.fixture(scope="module")
def written_by_tools(sample_data, tmp_path_factory):
    """services.yaml as a tool writes it (PyYAML's dump: lists at the margin under their key)."""
    from bench.synthetic import make_data

    return (make_data(sample_data, tmp_path_factory.mktemp("synthetic") / "data", 20) / "services.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("written", ["by hand", "by tools"])
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(at=st.integers(min_value=0, max_value=4000), removed=st.integers(min_value=0, max_value=3), added=st.lists(LINES, max_size=4), indent=st.booleans())
def test_any_lines_replaced_read_as_the_whole_file_reads(sample_data, written_by_tools, written, at, removed, added, indent):
    text = (sample_data / "services.yaml").read_text(encoding="utf-8") if written == "by hand" else written_by_tools
    lines = text.split("\n")
    at = at % len(lines)
    added = [line[2:] if indent and line.startswith("  ") else line for line in added]
    edited = "\n".join(lines[:at] + added + lines[at + removed :])
    assert _after(text, edited) == _whole(edited)


def test_an_edit_in_a_file_written_by_tools_is_read_from_its_entry_alone(written_by_tools):
    at = written_by_tools.index("\n  name: ")
    edited = written_by_tools[:at] + "\n  name: Renamed" + written_by_tools[written_by_tools.index("\n", at + 1) :]
    load.load_text(written_by_tools, "data/services.yaml")
    assert load._spliced(edited, "data/services.yaml") == _whole(edited)[0]
