"""syntax: an error PyYAML raised while reading a file -> one located problem in plain English.

Input: the file's text and PyYAML's exception. Output: a `Problem` at the line and column where
PyYAML stopped, with a hint for the usual slips (tabs, a colon in a value, an unclosed quote).
Columns count characters, as an editor does. It never raises, and never guesses a position by
re-scanning the text: the marks are PyYAML's (except that libyaml gives the offset of a
character it cannot read in bytes, which is turned into characters here).
"""

from __future__ import annotations

import re

import yaml

from handbook.core.errors import Problem
from handbook.data import characters
from handbook.data.messages import shorten


def position_of_index(text: str, index: int) -> tuple[int, int]:
    """(line, column) of the character at `index` of `text`, both counted from 1."""
    return text.count("\n", 0, index) + 1, column_of_index(text, index)


def column_of_index(text: str, index: int) -> int:
    """The column of the character at `index`, counted in characters from 1, as an editor shows it."""
    return index - (text.rfind("\n", 0, index) + 1) + 1


def problems(text: str, file: str, error: yaml.YAMLError, *, reader_counts_bytes: bool) -> list[Problem]:
    """The problems of a file PyYAML could not read: the misleading characters in it, and the error.

    Why characters first: a line separator or control character is often what YAML tripped on,
    and YAML counts some of them as line breaks, so its mark would be on a line the officer's
    editor does not show.
    """
    found, breaks = [], False
    for index in characters.suspects(text):
        char = text[index]
        if characters.dangerous(char) and len(found) < 20:
            line, col = position_of_index(text, index)
            found.append(Problem(file, line, col, "", f"the file holds {characters.why(char)}", code="character"))
            breaks = breaks or char in _YAML_ONLY_BREAKS
    if breaks or (found and isinstance(error, yaml.reader.ReaderError)):  # the error is about these
        return found
    return found + [problem(text, file, error, reader_counts_bytes=reader_counts_bytes)]


_YAML_ONLY_BREAKS = "\x85\u2028\u2029"


def problem(text: str, file: str, error: yaml.YAMLError, *, reader_counts_bytes: bool) -> Problem:
    """The one problem for a file PyYAML could not read.

    `reader_counts_bytes`: libyaml reports an unreadable character's position as a byte offset
    into the UTF-8 text (every other mark counts characters), PyYAML's Python reader in characters.
    """
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = shorten(str(error.problem or error.context or "this is not valid YAML"), 200)
        started = ""
        if error.context and error.context_mark and error.problem_mark and error.context_mark.line != error.problem_mark.line:
            started = f" ({error.context} that starts on line {error.context_mark.line + 1})"
        hint = _syntax_hint(what) + _unclosed_quote_hint(text, error)
        return Problem(file, line, col, "", f"YAML syntax error: {what}{started}{hint}", code="syntax")
    if isinstance(error, yaml.reader.ReaderError):
        index = error.position
        if reader_counts_bytes:
            index = len(text.encode("utf-8", "surrogatepass")[:index].decode("utf-8", "ignore"))
        line, col = position_of_index(text, index)
        char = chr(error.character) if isinstance(error.character, int) else str(error.character)[:1]
        why = characters.why(char) if char else None
        message = f"the file holds {why}" if why else f"the file holds a character YAML does not allow ({char!r}); delete it"
        return Problem(file, line, col, "", message, code="syntax")
    return Problem(file, 1, 1, "", f"YAML error: {shorten(str(error), 200)}", code="syntax")


def _syntax_hint(what: str) -> str:
    if "found character '\\t'" in what or "\\t" in what:
        return "; indent with spaces, not tabs"
    if "mapping values are not allowed" in what:
        return "; a value containing ': ' must be put in quotes"
    if "did not find expected key" in what or "could not find expected ':'" in what:
        return "; check for an unclosed quote, the indentation, and that every field has a colon"
    if "found undefined alias" in what or "expected alphabetic or numeric character" in what:
        return "; text starting with * or & must be put in quotes"
    return ""


_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[\w-]+:\s+)?(['"])(.*)$""")


def _unclosed_quote_hint(text: str, error: yaml.MarkedYAMLError) -> str:
    """Point at the line that opened an unclosed quote: PyYAML reports where it gave up, often
    many lines later, which would send an officer looking in the wrong place."""
    if not (error.context_mark and error.problem_mark):
        return ""
    lines = text.splitlines()
    for number in range(error.context_mark.line, min(error.problem_mark.line + 1, len(lines))):
        match = _QUOTED_VALUE.match(lines[number])
        if match and not match.group(2).rstrip().endswith(match.group(1)):
            return f"; line {number + 1} opens a {match.group(1)} quote that is not closed on that line"
    return ""
