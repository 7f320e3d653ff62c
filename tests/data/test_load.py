from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handbook.data.load import format_path, load_file, load_text

SAMPLE_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).resolve().parents[1] / "cases" / "minimal").glob("*.yaml"))]


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

    from handbook.core import cache
    from handbook.data.load import cache_name

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

    from handbook.data.load import _may_mark

    assert _may_mark(text, "&") == bool(re.search(r"(?:^|[\s\[{,])&[^\s]", text, re.MULTILINE))


def test_a_number_longer_than_any_field_takes_stays_text_instead_of_crashing() -> None:
    """`int()` refuses more than 4,300 digits; the model then says the number is too long."""
    digits = "7" * 5000
    doc, problems = load_text(f"a: {digits}\nb: 123456789012345678901234567890\nc: -1.{digits}\n", "f.yaml")
    assert problems == []
    assert doc.value == {"a": digits, "b": 123456789012345678901234567890, "c": f"-1.{digits}"}


def test_numbers_an_officer_may_not_mean_stay_text_for_the_model_to_question() -> None:
    doc, problems = load_text("a: 1e3\nb: 012\nc: 1_000\nd: 0x10\ne: .5\nf: 5.\ng: 012.5\nh: 0.50\n", "f.yaml")
    assert problems == []
    assert doc.value == {"a": "1e3", "b": "012", "c": "1_000", "d": "0x10", "e": ".5", "f": "5.", "g": "012.5", "h": Decimal("0.50")}


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("a: !ENV SECRET_KEY", "'!ENV'"),
        ("a: !!python/object:os.system ls", "'!!python/object:os.system'"),
        ("a: !custom x", "'!custom'"),
        ("a: !!binary aGVsbG8=", "'!!binary'"),
        ("a: !!str 450", "'!!str'"),
        ("a: ! 450", "'!'"),
        ("a: !!set {x, y}", "'!!set'"),
        ("a: [x, !ENV y]", "'!ENV'"),
        ("!ENV a: x", "'!ENV'"),
    ],
)
def test_every_explicit_tag_is_reported_where_it_is_written(line: str, shown: str) -> None:
    doc, problems = load_text(f"ok: 1\n{line}\n", "f.yaml")
    assert [(p.line, p.col, p.code) for p in problems] == [(2, line.index("!") + 1, "tag")]
    assert problems[0].message.startswith(f"YAML tags such as {shown} are not supported in the handbook's data; remove it, or put the value in quotes")


def test_an_exclamation_mark_in_text_is_not_a_tag() -> None:
    doc, problems = load_text("a: Hello! ! is fine here\nb: 'quoted !x'\nc: wow!\n", "f.yaml")
    assert problems == [] and doc.value["a"] == "Hello! ! is fine here"


BAD = "\u202e"


@pytest.mark.parametrize(
    "text",
    [
        "a: é中ж{BAD}x\n",  # plain, after characters of 2 and 3 bytes
        "a: [😀, é中{BAD}x]\n",  # after a character of 4 bytes (an emoji, itself refused)
        "a: 'é中ж{BAD}x'\n",  # single-quoted
        'a: "é中ж{BAD}x"\n',  # double-quoted
        "a: |\n  first line\n  é中ж{BAD}x\n",  # literal block
        "a: >\n  folded é\n  more 中ж{BAD}\n",  # folded block
        "a: plain\n  continued 中{BAD}\n",  # multi-line plain
        "a: [x, 'é{BAD}']\n",  # in a flow list
        "é{BAD}: 1\n",  # a key
        "a: é\r\nb: 中ж{BAD}\r\n",  # Windows line ends
        "a: 'é\n  中ж{BAD}'\n",  # a quoted value over two lines
        "a: 'é\u2028'\nb: 中{BAD}\n",  # after a line separator, which YAML counts as a new line
    ],
)
def test_a_bad_character_is_reported_at_its_own_line_and_column(text: str) -> None:
    """Columns count characters as an editor shows them, whatever the scalar's style."""
    text = text.replace("{BAD}", BAD)
    _, problems = load_text(text, "f.yaml")
    index = text.index(BAD)
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    bidi = [p for p in problems if "U+202E RIGHT-TO-LEFT OVERRIDE, a bidi control" in p.message]
    assert [(p.line, p.col, p.code) for p in bidi] == [(line, col, "character")]


def test_a_character_made_by_an_escape_is_counted_from_the_start_of_its_value() -> None:
    _, problems = load_text('ok: x\na: "Caf\\u00e9 \\u202e"\n', "f.yaml")
    assert [(p.line, p.col, p.path) for p in problems] == [(2, 4, "a")]
    assert problems[0].message.startswith("the value's 6th character (written with a \\ escape) is U+202E RIGHT-TO-LEFT OVERRIDE")


def test_tabs_are_text_only_in_block_text() -> None:
    _, problems = load_text("a: |\n  col1\tcol2\nb: x\ty\n", "f.yaml")
    assert [(p.line, p.col, p.path) for p in problems] == [(3, 5, "b")]
    assert "(a tab), which is allowed only in block text" in problems[0].message


def test_each_value_reports_its_first_bad_character_and_how_many_more() -> None:
    _, problems = load_text("a: 😀 and 😀 and 😀\nb: fine\n", "f.yaml")
    assert [(p.line, p.col) for p in problems] == [(1, 4)]
    assert problems[0].message.endswith("write it in words (the value has 2 more such characters)")


def test_a_misleading_character_in_a_comment_is_reported_but_an_emoji_there_is_harmless() -> None:
    _, problems = load_text("# keep sorted 😀\n# admin\u202e note\na: 1\n", "f.yaml")
    assert [(p.line, p.col, p.path) for p in problems] == [(2, 8, "")]
    assert problems[0].message.startswith("the file holds U+202E RIGHT-TO-LEFT OVERRIDE")


def test_a_text_with_a_refused_character_is_never_cached() -> None:
    text = "a: x\u200by\n"
    for _ in range(2):
        doc, problems = load_text(text, "f.yaml")
        assert [p.code for p in problems] == ["character"] and doc.root is not None


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(SAMPLE_TEXTS), st.data())
def test_a_character_put_anywhere_in_a_value_is_found_exactly_there(text: str, data: st.DataObject) -> None:
    """A refused character typed into any value of the sample files is reported at its position."""
    spots = [m.start() + 1 for m in re.finditer(r"(?<=[a-z]: )[A-Za-z]", text) if not text[text.rfind("\n", 0, m.start()) + 1 :].lstrip().startswith("#")]
    index = data.draw(st.sampled_from(spots))
    char = data.draw(st.sampled_from(["\u202e", "\u200b", "\U0001f600", "\ue000", "\u0e01", "\u2066"]))
    changed = text[:index] + char + text[index:]
    _, problems = load_text(changed, "f.yaml")
    line = changed.count("\n", 0, index) + 1
    col = index - (changed.rfind("\n", 0, index) + 1) + 1
    assert [(p.line, p.col, p.code) for p in problems] == [(line, col, "character")]


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    from handbook.core import limits

    path = tmp_path / "services.yaml"
    with path.open("wb") as out:
        out.write(b"a: 1\n")
        out.truncate(limits.MAX_FILE_BYTES + 1)
    doc, problems = load_file(path, "data/services.yaml")
    assert doc is None and [(p.line, p.col, p.code) for p in problems] == [(1, 1, "file-too-large")]
    limit = f"{limits.MAX_FILE_BYTES / 1024 / 1024:g} MB" if limits.MAX_FILE_BYTES >= 1024 * 1024 else f"{limits.MAX_FILE_BYTES / 1024:g} KB"
    assert problems[0].message.startswith(f"data/services.yaml is {limits.MAX_FILE_BYTES / 1024 / (1024 if 'MB' in limit else 1):.1f} {limit[-2:]}; the handbook's limit is {limit} per file: ")


def test_a_long_key_is_shortened_in_paths_and_messages() -> None:
    key = "k" * 1000
    _, problems = load_text(f"a:\n  '{key}': 1\n  '{key}': 2\n", "f.yaml")
    assert [p.code for p in problems] == ["duplicate-key"]
    assert len(problems[0].path) < 80 and len(problems[0].message) < 200
    assert format_path(("services", 0, key)).endswith("…")


def test_a_tab_does_not_hide_the_rest_of_the_file():
    """Read with spaces for the tab, the file's other problems are found, at the columns the officer sees."""
    from handbook.data.load import load_text

    doc, found = load_text("a:\n  b: 1\n\tc: 2\n\td: !x 3\ne: 1\ne: 2\n", "f.yaml")
    assert [(p.line, p.col, p.code) for p in found] == [(3, 1, "tab"), (4, 1, "tab"), (4, 5, "tag"), (6, 1, "duplicate-key")]
    assert doc is not None and doc.value["a"] == {"b": 1, "c": 2, "d": 3} and doc.locate(("a", "c")) == (3, 5)


def test_a_file_that_does_not_read_even_without_its_tabs_names_the_tabs_and_yamls_error():
    from handbook.data.load import load_text

    doc, found = load_text("a:\n\tb: 1\nc: [\n", "f.yaml")
    assert doc is None and [(p.line, p.code) for p in found] == [(2, "tab"), (4, "syntax")]
