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
    assert "must be put in quotes" in found.message


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
