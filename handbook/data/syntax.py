"""syntax: an error PyYAML raised while reading a file -> one located problem in plain English.

Input: the file's text and PyYAML's exception. Output: a `Problem` at the line and column where
PyYAML stopped, with a hint for the usual slips (tabs, a colon in a value, an unclosed quote).
Columns count characters, as an editor does. It never raises, and never guesses a position by
re-scanning the text: the marks are PyYAML's (except that libyaml gives the offset of a
character it cannot read in bytes, which is turned into characters here).
"""

from __future__ import annotations

import re
from dataclasses import replace

import yaml

from handbook.core.errors import Problem
from handbook.data import characters


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
    """The one problem for a file PyYAML could not read, in the words of `YAML_PROBLEMS`.

    `reader_counts_bytes`: libyaml reports an unreadable character's position as a byte offset
    into the UTF-8 text (every other mark counts characters), PyYAML's Python reader in characters.
    """
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        char = text[mark.index] if mark and 0 <= mark.index < len(text) else ""
        if char == "\t" or "tab" in str(error.problem):
            return Problem(file, line, col, "", tab_message(line), code="tab")
        start = error.context_mark.line + 1 if error.context_mark and error.problem_mark and error.context_mark.line != error.problem_mark.line else None
        sentence = plain_words(str(error.problem or ""), str(error.context or ""), char, start)
        return Problem(file, line, col, "", f"YAML cannot read this line: {sentence}{_unclosed_quote_hint(text, error)}", code="syntax")
    if isinstance(error, yaml.reader.ReaderError):
        index = error.position
        if reader_counts_bytes:
            index = len(text.encode("utf-8", "surrogatepass")[:index].decode("utf-8", "ignore"))
        line, col = position_of_index(text, index)
        char = chr(error.character) if isinstance(error.character, int) else str(error.character)[:1]
        why = characters.why(char) if char else None
        message = f"the file holds {why}" if why else f"the file holds a character YAML does not allow ({char!r}); delete it"
        return Problem(file, line, col, "", message, code="syntax")
    return Problem(file, 1, 1, "", f"YAML cannot read this file: {YAML_UNKNOWN}", code="syntax")


MAX_TAB_LINES = 10


def tab_problems(file: str, lines: list[tuple[int, int]]) -> list[Problem]:
    """A problem at each tab-indented line, the first `MAX_TAB_LINES` of them and then one for the rest."""
    found = [Problem(file, line, col, "", tab_message(line), code="tab") for line, col in lines[:MAX_TAB_LINES]]
    if len(lines) > MAX_TAB_LINES:
        line, col = lines[MAX_TAB_LINES]
        found.append(Problem(file, line, col, "", f"this and {len(lines) - MAX_TAB_LINES - 1:,} more lines after it are indented with tabs; use spaces (most editors can convert a file's indentation to spaces)", code="tab"))
    return found


def with_tabs(file: str, lines: list[tuple[int, int]], found: list[Problem], moved: dict[int, int] | None = None) -> list[Problem]:
    """The tab-indented `lines` as problems, then `found` (read past them: columns moved back
    by `moved`, see `shifts`), without a second problem for a tab already named."""
    tabbed = {line for line, _ in lines}
    moved = moved or {}
    rest = [replace(p, col=max(1, p.col - moved.get(p.line, 0))) for p in found if not (p.code == "tab" and p.line in tabbed)]
    return tab_problems(file, lines) + rest


def tab_message(line: int) -> str:
    return f"line {line:,} is indented with a tab; use spaces (YAML reads indentation only from spaces, and editors show a tab as any width)"


# What PyYAML (or libyaml) said -> what an officer should look at. Matched in order: the first
# entry any of whose phrases is in the problem, or else in its context, gives the sentence.
# {started} is " (it starts on line N)" when YAML says where the list, fields or value began,
# {char} the character YAML stopped at. Nothing of PyYAML's own wording reaches an officer.
YAML_PROBLEMS: list[tuple[tuple[str, ...], str]] = [
    (("expected '-' indicator", "block collection"),
     "this line is not lined up with the list it belongs to{started}: every '- ' of one list starts in the same column, and the fields of an entry line up with the first field after its '- '"),
    (("expected key", "<block end>", "block mapping"),
     "this line is not lined up with the fields above it{started}: the fields of one entry start in the same column; if the line above ends in a quote or bracket, check there is nothing after it"),
    (("mapping values are not allowed",),
     "a ': ' (colon and space) here would start a new field: if it is part of the text, put the whole value in quotes; if it is a new field, put it on its own line, lined up with the fields above"),
    (("sequence entries are not allowed",),
     "a '- ' list entry cannot follow a field's name on the same line: start the list on the next line, indented under the field, or put the value in quotes"),
    (("could not find expected ':'", "simple key"),
     "this line has no colon after a field's name: write it as `name: value`; if it continues the text above, indent it under that text or put the whole text in quotes"),
    (("',' or ']'", "flow sequence"),
     "a list written in [ ]{started} is not closed with ], or an entry in it holds ', ' or ': ' and needs quotes"),
    (("',' or '}'", "flow mapping"),
     "a set of fields written in {{ }}{started} is not closed with }}, or a value in it holds ', ' or ': ' and needs quotes"),
    (("end of stream",), "the file ends inside a value{started}: a quote or bracket that opens it is not closed; close it on the same line"),
    (("alias", "anchor", "alphabetic or numeric"), "text starting with * or & must be put in quotes (YAML reads * and & as references to other values, which the handbook does not use)"),
    (("escape", "hexadecimal", "hexdecimal"), "a backslash \\ inside double quotes starts a special character: write \\\\ for a backslash, or put the value in single quotes"),
    (("another document", "single document", "document start", "document separator", "document indicator"),
     "a line of '---' or '...', or a line starting with '%', ends the data here in YAML: remove it, or indent it under its field and put the text in quotes"),
    (("directive", "version number", "expected a digit", "YAML document"), "a line starting with '%' is read as an instruction to YAML: indent it under its field, or put the text in quotes"),
    (("tag",), "YAML tags (a word starting with !) are not used in the handbook's data: put the value in quotes"),
    (("block scalar", "indentation indicator", "chomping"), "after | or > nothing but a comment may follow on the line: start the text on the next line, indented under the field"),
    (("comment or a line break", "comment or line break"), "there is more text after a value that has ended (after a closing quote or bracket): put the whole value in quotes, or remove the extra text"),
    (("mapping keys are not allowed", "unexpected ':'"), "a value cannot start with '?' or ':' followed by a space: put the whole value in quotes"),
    (("node content",), "a value is missing here, or starts with a character YAML reserves: put the whole value in quotes"),
    (("cannot start any token",), "a value cannot start with {char}: put the whole value in quotes"),
]
YAML_UNKNOWN = "check this line and the one above it for the indentation, a colon after each field's name, and an unclosed quote or bracket"


def plain_words(problem: str, context: str, char: str, start: int | None) -> str:
    """The sentence for what PyYAML said (`problem`, `context`), from `YAML_PROBLEMS`."""
    started = f" (it starts on line {start:,})" if start else ""
    shown_char = repr(char) if char and not char.isspace() else "that character"
    if "block scalar" in context:  # whatever went wrong, it is on the line of the | or >
        return _sentence("block scalar")
    if start is None and any(phrase in problem for phrase in ("expected key", "<block end>")):
        return _sentence("comment or line break")  # not a line out of place: more after a value on the same line
    for said in (problem, context):
        for phrases, sentence in YAML_PROBLEMS:
            if any(phrase in said for phrase in phrases):
                return sentence.format(started=started, char=shown_char)
    return YAML_UNKNOWN


def shifts(text: str, read: str) -> dict[int, int]:
    """Line -> how many columns further right `read` (`untabbed`) puts that line's text than `text`."""
    moved = {}
    for number, (was, now) in enumerate(zip(text.split("\n"), read.split("\n")), start=1):
        if was != now:
            moved[number] = (len(now) - len(now.lstrip(" "))) - (len(was) - len(was.lstrip(" \t")))
    return moved


def _sentence(phrase: str) -> str:
    return next(sentence for phrases, sentence in YAML_PROBLEMS if phrase in phrases)


def tab_lines(text: str) -> list[tuple[int, int]]:
    """(line, column) of the first tab in the indentation of each line that has one, comments
    and blank lines aside: YAML never reads a tab as indentation."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        content = line.lstrip(" \t")
        indent = line[: len(line) - len(content)]
        if "\t" in indent and content and not content.startswith("#"):
            found.append((number, indent.index("\t") + 1))
    return found


# A line that starts a field (`name:`) or a list entry (`- `): what a tab-indented line lines up
# with (not a line of block text above it).
_FIELD_OR_ENTRY = re.compile(r"^ *(?:- +|[\w-]+:(?: |$))")


def untabbed(text: str, lines: list[tuple[int, int]]) -> list[str]:
    """The text with each tab-indented line's indentation made of spaces, in the ways an officer
    most likely meant it, most likely first: lined up with the line above (or with its first
    field after a '- ', or one step in from it), else each tab as 2, 4 or 8 spaces.

    Why: a tab stops YAML reading the whole file, which would hide every other mistake in it;
    read this way, the rest of the file is still checked. The tabs themselves stay errors.
    """
    rows = text.split("\n")
    tabbed = {number - 1 for number, _ in lines}

    def lined_up(step: int, after_dash: bool) -> str:
        out = list(rows)
        for i in sorted(tabbed):
            above = next((out[j] for j in range(i - 1, -1, -1) if _FIELD_OR_ENTRY.match(out[j])), "")
            indent = len(above) - len(above.lstrip(" "))
            if after_dash or above.rstrip().endswith(":"):
                rest = above[indent:]
                while rest.startswith("- "):
                    indent, rest = indent + 2, rest[2:].lstrip(" ")
            # A line under a field with nothing after its colon is that field's value: one step in.
            out[i] = " " * (indent + (2 if above.rstrip().endswith(":") else step)) + out[i].lstrip(" \t")
        return "\n".join(out)

    candidates = [lined_up(0, False), lined_up(0, True), lined_up(2, False), lined_up(2, True)]
    candidates += ["\n".join(row.expandtabs(n) if i in tabbed else row for i, row in enumerate(rows)) for n in (2, 4, 8)]
    return list(dict.fromkeys(candidates))


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
