from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handbook.load import format_path, load_file, load_text

SAMPLE_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent / "cases" / "minimal").glob("*.yaml"))]


def test_yaml_11_words_and_numbers_keep_the_officers_text() -> None:
    doc, problems = load_text("a: no\nb: yes\nc: 1.10\nd: 2026-27\ne: 2026-09-01\nf: 01632 960000\ng: true\nh: 007\n", "f.yaml")
    assert problems == []
    assert doc.value == {"a": "no", "b": "yes", "c": Decimal("1.10"), "d": "2026-27", "e": "2026-09-01", "f": "01632 960000", "g": True, "h": "007"}


def test_quoted_values_are_always_text() -> None:
    doc, _ = load_text("a: '450'\nb: \"true\"\n", "f.yaml")
    assert doc.value == {"a": "450", "b": "true"}


def test_every_value_and_key_has_its_line_and_column() -> None:
    doc, _ = load_text("services:\n  - id: meals\n    charges:\n      - amount: 3\n", "f.yaml")
    assert doc.locate(("services", 0, "charges", 0, "amount")) == (4, 17)
    assert doc.locate(("services", 0, "charges", 0, "amount"), prefer_key=True) == (4, 9)
    # A missing field points at the nearest written parent.
    assert doc.locate(("services", 0, "charges", 0, "unit")) == (4, 9)


def test_duplicate_key_is_reported_with_both_lines() -> None:
    _, problems = load_text("name: A\nid: x\nname: B\n", "f.yaml")
    assert [(p.line, p.col, p.code) for p in problems] == [(3, 1, "duplicate-key")]
    assert "line 1" in problems[0].message


def test_nested_aliases_cannot_blow_up() -> None:
    text = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n" for p, c in zip("abcdefgh", "bcdefghi"))
    doc, problems = load_text(text, "f.yaml")
    assert doc is not None and {p.code for p in problems} == {"alias"}


def test_syntax_error_has_a_position_and_a_hint() -> None:
    _, problems = load_text("a:\n  b: 'open\n  c: d\nx: y: z\n", "f.yaml")
    assert len(problems) == 1 and problems[0].code == "syntax"
    assert problems[0].line >= 2


def test_non_utf8_file_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"a: 1\nb: caf\xe9\n")
    _, problems = load_file(path)
    assert [(p.line, p.code) for p in problems] == [(2, "encoding")]


def test_format_path_reads_like_the_file() -> None:
    assert format_path(("services", 3, "charges", 0, "unit")) == "services[3].charges[0].unit"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_random_text_never_raises(text: str) -> None:
    doc, problems = load_text(text, "f.yaml")
    assert doc is not None or problems
    for p in problems:
        assert p.line >= 1 and p.col >= 1 and p.message


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SAMPLE_TEXTS), st.data())
def test_truncated_or_spliced_data_never_raises(text: str, data: st.DataObject) -> None:
    cut = data.draw(st.integers(0, len(text)))
    noise = data.draw(st.text(alphabet=" \t\n:-[]{}'\"&*!|>#%@`,?", max_size=8))
    doc, problems = load_text(text[:cut] + noise + text[cut:][: data.draw(st.integers(0, 40))], "f.yaml")
    assert doc is not None or problems


def test_a_text_read_before_comes_from_the_cache_with_the_same_values_and_positions() -> None:
    text = "services:\n  - id: meals\n    price: 1.10\n    note: 'yes'\n"
    fresh, _ = load_text(text, "f.yaml")
    again, problems = load_text(text, "f.yaml")
    assert problems == [] and again.root is None  # not composed: the values came from the cache
    assert again.value == fresh.value and again.value["services"][0]["price"] == Decimal("1.10")
    assert again.locate(("services", 0, "note")) == fresh.locate(("services", 0, "note")) == (4, 11)


def test_a_tampered_cache_entry_cannot_run_code_and_is_only_a_miss(tmp_path: Path) -> None:
    import os
    import pickle

    from handbook import cache
    from handbook.load import cache_name

    text = "a: 1\n"
    name = cache_name(text)
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    cache.write_bytes("yaml", name, pickle.dumps(Payload()))
    doc, problems = load_text(text, "f.yaml")
    assert doc.value == {"a": 1} and problems == [] and not marker.exists()


def test_a_text_with_problems_is_never_cached() -> None:
    text = "name: A\nname: B\n"
    for _ in range(2):
        doc, problems = load_text(text, "f.yaml")
        assert [p.code for p in problems] == ["duplicate-key"] and doc.root is not None


@given(st.text(alphabet="& \t\n[{,a*:-'\"", max_size=30))
def test_the_anchor_scan_finds_what_the_yaml_anchor_pattern_does(text: str) -> None:
    import re

    from handbook.load import _may_alias

    assert _may_alias(text) == bool(re.search(r"(?:^|[\s\[{,])&[^\s]", text, re.MULTILINE))
