"""What PyYAML could not read, located in characters as an editor counts them, in plain English."""

from __future__ import annotations

import pytest
import yaml

from handbook.data.syntax import column_of_index, position_of_index, problem, problems

LOADERS = [(yaml.SafeLoader, False)] + ([(yaml.CSafeLoader, True)] if yaml.__with_libyaml__ else [])


def _error(text: str, loader: type) -> yaml.YAMLError:
    with pytest.raises(yaml.YAMLError) as raised:
        yaml.compose(text, Loader=loader)
    return raised.value


def test_positions_count_characters_from_one() -> None:
    text = "a: 1\né中😀: x\n"
    assert position_of_index(text, 0) == (1, 1)
    assert position_of_index(text, text.index("x")) == (2, 6)
    assert column_of_index(text, text.index(":", 5)) == 4


@pytest.mark.parametrize(("loader", "counts_bytes"), LOADERS, ids=lambda v: getattr(v, "__name__", str(v)))
def test_an_unreadable_character_after_multibyte_ones_is_at_its_column(loader: type, counts_bytes: bool) -> None:
    """libyaml gives this position in bytes (é is 2, 中 3, 😀 4): it must still be column 6."""
    text = "name: ok\né中😀: \x07\n"
    error = _error(text, loader)
    found = problems(text, "f.yaml", error, reader_counts_bytes=counts_bytes)
    assert [(p.line, p.col) for p in found] == [(2, 6)]
    assert found[0].message.startswith("the file holds U+0007 BELL, an invisible control character")
    alone = problem(text, "f.yaml", error, reader_counts_bytes=counts_bytes)  # PyYAML's own position
    assert (alone.line, alone.col) == (2, 6) and "U+0007 BELL" in alone.message


@pytest.mark.parametrize(("loader", "counts_bytes"), LOADERS, ids=lambda v: getattr(v, "__name__", str(v)))
def test_the_syntax_error_after_multibyte_characters_is_at_its_column(loader: type, counts_bytes: bool) -> None:
    text = "a: é中😀 b: c\n"
    [found] = problems(text, "f.yaml", _error(text, loader), reader_counts_bytes=counts_bytes)
    assert (found.line, found.col, found.code) == (1, 9, "syntax")
    assert "put the whole value in quotes" in found.message


def test_a_line_separator_yaml_counts_as_a_new_line_is_named_on_the_editors_line() -> None:
    """YAML ends a line at U+0085 and U+2028; an editor does not, so the error's own mark would mislead."""
    text = "a: x\u0085y\nb: 1\n"
    found = problems(text, "f.yaml", _error(text, yaml.SafeLoader), reader_counts_bytes=False)
    assert [(p.line, p.col, p.code) for p in found] == [(1, 5, "character")]
    assert "U+0085 NEXT LINE" in found[0].message


def test_a_misleading_character_is_named_beside_an_unrelated_syntax_error() -> None:
    text = "# note\u200b\na: [\n"
    found = problems(text, "f.yaml", _error(text, yaml.SafeLoader), reader_counts_bytes=False)
    assert [(p.line, p.code) for p in found] == [(1, "character"), (3, "syntax")]


def test_an_unclosed_quote_is_traced_to_the_line_that_opened_it() -> None:
    text = "a:\n  b: 'open\n  c: d\nx: y: z\n"
    [found] = problems(text, "f.yaml", _error(text, yaml.SafeLoader), reader_counts_bytes=False)
    assert "line 2 opens a ' quote" in found.message


# One text for each kind of mistake PyYAML and libyaml report, as an officer might make it.
BROKEN = {
    "tab-indent": "a:\n  b: 1\n\tc: 2\n",
    "tab-in-list": "a:\n  - x\n\t- y\n",
    "list-out-of-line": "a:\n  - b: 1\n     c: 2\n  - d\n  x\n",
    "list-under-indented": "a:\n  b:\n    - x\n   - y\n",
    "list-not-lined-up": "a:\n  - b\n   - c\n  d: 1\n",
    "field-less-indented": "a:\n    b: 1\n  c: 2\n",
    "field-more-indented": "a:\n  b: 1\n   c: 2\n",
    "colon-in-value": "a: Note: this\n",
    "no-colon": "a: 1\nb\nc: 2\n",
    "unclosed-quote": "a: 'open\nb: 2\n",
    "text-after-quote": "a: 'it' is\n",
    "unclosed-list": "a: [x, y\nb: 2\n",
    "unclosed-fields": "a: {x: 1\nb: 2\n",
    "at-sign": "a: @home\n",
    "backtick": "a: `x`\n",
    "percent-line": "a: 1\n%x\n",
    "alias": "a: *x\n",
    "anchor": "a: &\n",
    "star-text": "a: *bold* text\n",
    "unknown-escape": 'a: "C:\\path"\n',
    "hex-escape": 'a: "\\xZZ"\n',
    "second-document": "a: 1\n---\nb: 2\n",
    "document-end": "a: 1\n...\nb: 2\n",
    "block-text-indicator": "a: |0\n  x\n",
    "block-text-junk": "a: |x\n  x\n",
    "list-after-field": "a: - x\n",
    "tag-handle": "a: !x!y 1\n",
    "tag-in-list": "a: [!]\n",
    "duplicate-anchor": "a: &x 1\nb: &x 2\n",
    "yaml-directive": "%YAML 1.1\n%YAML 1.1\n---\na: 1\n",
    "question-mark": "a: {? x: 1}\nb: ? c\n",
    "colon-in-list": "a: [x, :]\n",
}
INTERNAL_YAML_WORDS = (
    "while parsing", "while scanning", "block collection", "block mapping", "block end", "expected <", "token", "indicator",
    "scalar", "stream", "found character", "did not find", "could not find", "YAML syntax error", "{started}", "{char}", "%r",
    "document start", "<", "simple key", "flow sequence", "flow mapping",
)


@pytest.mark.parametrize("name", BROKEN)
def test_every_kind_of_yaml_error_says_what_to_look_at_in_plain_words(name: str) -> None:
    text, found = BROKEN[name], []
    for loader, counts_bytes in LOADERS:  # some mistakes only one of the two readers refuses
        try:
            yaml.compose(text, Loader=loader)
        except yaml.YAMLError as error:
            found += problems(text, "f.yaml", error, reader_counts_bytes=counts_bytes)
    assert found, f"{name!r} is read by every loader; it is not a mistake"
    for p in found:
        assert not any(word in p.message for word in INTERNAL_YAML_WORDS), (name, p.message)
        assert p.message.startswith(("YAML cannot read this line: ", "line ")) and len(p.message) < 400, p.message


def test_each_sentence_of_the_table_is_what_some_mistake_gets() -> None:
    from handbook.data.syntax import YAML_PROBLEMS

    said = set()
    for text in BROKEN.values():
        for loader, counts_bytes in LOADERS:
            try:
                yaml.compose(text, Loader=loader)
            except yaml.YAMLError as error:
                said.update(p.message for p in problems(text, "f.yaml", error, reader_counts_bytes=counts_bytes))
    for _, sentence in YAML_PROBLEMS:
        start = sentence.split("{", 1)[0]
        assert any(start in message for message in said), sentence


def test_a_tab_names_its_line_and_says_use_spaces() -> None:
    text = "a:\n  b: 1\n\tc: 2\n"
    for loader, counts_bytes in LOADERS:
        [found] = problems(text, "f.yaml", _error(text, loader), reader_counts_bytes=counts_bytes)
        assert (found.line, found.col, found.code) == (3, 1, "tab")
        assert found.message.startswith("line 3 is indented with a tab; use spaces")
