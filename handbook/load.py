"""load: YAML text -> plain values plus the position of every value.

Input: a data file. Output: a `Document` (values as dicts, lists, str, int, Decimal, bool, None,
and the line/column of every node) or the problems that stopped it being read. It never raises
for bad input and never guesses a position by re-scanning text: positions come from PyYAML's
composer (the C one when available), whose nodes carry start marks.

YAML 1.1 traps are defused here, so an officer's text is never silently changed: `no`, `yes`,
`on`, `off` stay text (only `true`/`false` are booleans); numbers keep their written digits
(`1.10` is `Decimal('1.10')`, not `1.1`); dates and `2026-27` stay text for the model to parse;
numbers with leading zeros (telephone numbers) stay text. Duplicate keys, which PyYAML would
resolve by silently dropping the first entry, are reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from handbook.errors import Problem

try:  # The C composer is ten times faster; the pure-Python one gives the same nodes.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path_ = tuple[str | int, ...]

_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_DECIMAL = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)")


@dataclass
class Document:
    """One loaded data file: its values and where each one was written."""

    file: str
    value: Any
    # path -> (line, col), 1-based, of the value node; of the key node for mapping entries.
    values_at: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys_at: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path_, *, prefer_key: bool = False) -> tuple[int, int]:
        """The position of `path`, or of its nearest written ancestor when it is missing."""
        path = tuple(path)
        while True:
            table = (self.keys_at, self.values_at) if prefer_key else (self.values_at, self.keys_at)
            for positions in table:
                if path in positions:
                    return positions[path]
            if not path:
                return (1, 1)
            path = path[:-1]


def format_path(path: Path_) -> str:
    """('services', 3, 'unit') -> 'services[3].unit', the way an officer reads a field."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _scalar(node: yaml.ScalarNode) -> Any:
    text = node.value
    if node.style:  # quoted or block scalar: always text
        return text
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if _INT.fullmatch(text):
        return int(text)
    if _DECIMAL.fullmatch(text):
        return Decimal(text)
    return text


class _Builder:
    """Walks composed nodes into values, recording positions and structural problems."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.doc = Document(file=file, value=None)
        self.problems: list[Problem] = []
        self._built: dict[int, Any] = {}

    def problem(self, node: yaml.Node, path: Path_, message: str, code: str, at: tuple[int, int] | None = None) -> None:
        line, col = at or _mark(node)
        self.problems.append(Problem(self.file, line, col, format_path(path), message, code=code))

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.doc.values_at.setdefault(path, _mark(node))
        if id(node) in self._built:
            # An alias: reported, but its value is reused (never rebuilt, so nested aliases
            # cannot multiply into a "billion laughs" blow-up) and the rest is still checked.
            self.problem(
                node, path,
                "anchors and aliases (& and *) are not supported here; write the value out in full",
                "alias",
                # An alias shares its node (and start mark) with the anchor; its key says where it is.
                at=self.doc.keys_at.get(path),
            )
            return self._built[id(node)]
        self._built[id(node)] = None  # a recursive alias resolves to nothing
        if isinstance(node, yaml.ScalarNode):
            value = _scalar(node)
        elif isinstance(node, yaml.SequenceNode):
            value = [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        else:
            value = self._mapping(node, path)
        self._built[id(node)] = value
        return value

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, path, "a field name must be plain text, not a list or mapping", "bad-key")
                continue
            key = str(key_node.value)
            if key == "<<" and not key_node.style:
                self.problem(key_node, path, "merge keys (<<) are not supported here; write the fields out in full", "alias")
                continue
            child = path + (key,)
            if key in result:
                self.problem(
                    key_node, child,
                    f"duplicate field {key!r} (already given on line {first_line[key]}); "
                    "YAML would keep only the last one, so remove or rename one of them",
                    "duplicate-key",
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            self.doc.keys_at[child] = _mark(key_node)
            result[key] = self.build(value_node, child)
        return result


def _position_of_index(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    line = before.count("\n") + 1
    col = index - (before.rfind("\n") + 1) + 1
    return line, col


def load_text(text: str, file: str) -> tuple[Document | None, list[Problem]]:
    """Compose `text` and build its values; problems instead of exceptions."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = error.problem or error.context or "this is not valid YAML"
        started = ""
        if error.context and error.context_mark and error.problem_mark and error.context_mark.line != error.problem_mark.line:
            started = f" ({error.context} that starts on line {error.context_mark.line + 1})"
        hint = _syntax_hint(str(what)) + _unclosed_quote_hint(text, error)
        return None, [Problem(file, line, col, "", f"YAML syntax error: {what}{started}{hint}", code="syntax")]
    except yaml.reader.ReaderError as error:
        line, col = _position_of_index(text, error.position)
        return None, [Problem(file, line, col, "", f"the file contains a character YAML does not allow ({error.character!r}); delete it", code="syntax")]
    except yaml.YAMLError as error:  # any other PyYAML complaint still gets a location
        return None, [Problem(file, 1, 1, "", f"YAML error: {error}", code="syntax")]
    except RecursionError:
        return None, [Problem(file, 1, 1, "", "the file is nested too deeply to read", code="syntax")]
    if root is None:
        return None, [Problem(file, 1, 1, "", "the file is empty; it should hold the fields described in its schema", code="empty")]
    builder = _Builder(file)
    try:
        builder.doc.value = builder.build(root, ())
    except RecursionError:
        return None, [Problem(file, 1, 1, "", "the file is nested too deeply to read", code="syntax")]
    return builder.doc, builder.problems


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


def load_file(path: Path, display: str | None = None) -> tuple[Document | None, list[Problem]]:
    """Read and load one file; unreadable bytes become a problem with their position."""
    name = display or str(path)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        good = raw[: error.start].decode("utf-8", errors="replace")
        line, col = _position_of_index(good, len(good))
        return None, [Problem(name, line, col, "", "the file is not UTF-8 text; save it as UTF-8", code="encoding")]
    return load_text(text, name)
