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

import io
import pickle
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from handbook import cache
from handbook.errors import Problem

try:  # The C composer is ten times faster; the pure-Python one gives the same nodes.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Composes without resolving implicit tags.

    Why: `_scalar` decides types itself from the text and quoting style, so PyYAML's regex-based
    tag resolution (a third of the load time for a large file) would be thrown away.
    """

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return _TAGS[kind]

    # Path resolvers are a part of tag resolution too; the composer calls these for every node.
    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


_TAGS = {yaml.ScalarNode: "tag:yaml.org,2002:str", yaml.SequenceNode: "tag:yaml.org,2002:seq", yaml.MappingNode: "tag:yaml.org,2002:map"}

Path_ = tuple[str | int, ...]

_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_DECIMAL = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)")


def _may_alias(text: str) -> bool:
    """Whether the text may define a YAML anchor: `&` after a space, bracket or comma, then a name.

    Why not a regex: an alternation tried at every character costs ~10 ms on a large file;
    `str.find` skips to the few ampersands prose has.
    """
    index = text.find("&")
    while index != -1:
        before, after = text[index - 1 : index] or "\n", text[index + 1 : index + 2]
        if (before.isspace() or before in "[{,") and after and not after.isspace():
            return True
        index = text.find("&", index + 1)
    return False


@dataclass
class Document:
    """One loaded data file: its values, and its composed nodes for finding where a value was written.

    Why nodes and not a table of positions: positions are needed only for the few values with a
    problem, so they are looked up on demand instead of recorded for every one of 100,000 nodes.
    """

    file: str
    value: Any
    root: yaml.Node | None = field(default=None, repr=False)
    text: str | None = field(default=None, repr=False)  # composed on demand when `root` is None

    def locate(self, path: Path_, *, prefer_key: bool = False) -> tuple[int, int]:
        """(line, col) of `path`'s value (or key), or of its nearest written ancestor when missing."""
        if self.root is None and self.text is not None:  # values came from the cache
            self.root = yaml.compose(self.text, Loader=_Loader)
        node, key_node = self.root, None
        for part in path:
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                found = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == part), None)
                if found is None:
                    break
                key_node, node = found
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                key_node, node = None, node.value[part]
            else:
                break
        target = key_node if prefer_key and key_node is not None else node
        return _mark(target) if target is not None else (1, 1)


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
    """Walks composed nodes into values, reporting structural problems (duplicates, aliases)."""

    def __init__(self, file: str, may_alias: bool) -> None:
        self.file = file
        self.problems: list[Problem] = []
        # Aliases share node objects; tracking them costs time, so only when an anchor exists.
        self._built: dict[int, Any] | None = {} if may_alias else None

    def problem(self, node: yaml.Node, path: Path_, message: str, code: str) -> None:
        line, col = _mark(node)
        self.problems.append(Problem(self.file, line, col, format_path(path), message, code=code))

    def build(self, node: yaml.Node, path: Path_, key: yaml.Node | None = None) -> Any:
        built = self._built
        if built is not None:
            if id(node) in built:
                # An alias: reported where it is used (its key; the node itself starts at the
                # anchor). Its value is reused, never rebuilt, so nested aliases cannot multiply
                # into a "billion laughs" blow-up, and the rest of the file is still checked.
                self.problem(key or node, path, "anchors and aliases (& and *) are not supported here; write the value out in full", "alias")
                return built[id(node)]
            built[id(node)] = None  # a recursive alias resolves to nothing
        if isinstance(node, yaml.ScalarNode):
            value = _scalar(node)
        elif isinstance(node, yaml.SequenceNode):
            value = [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        else:
            value = self._mapping(node, path)
        if built is not None:
            built[id(node)] = value
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
            if key in result:
                self.problem(
                    key_node, path + (key,),
                    f"duplicate field {key!r} (already given on line {first_line[key]}); "
                    "YAML would keep only the last one, so remove or rename one of them",
                    "duplicate-key",
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, path + (key,), key_node)
        return result


def _position_of_index(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    line = before.count("\n") + 1
    col = index - (before.rfind("\n") + 1) + 1
    return line, col


class _ValuesOnly(pickle.Unpickler):
    """Unpickles only what `_scalar` makes: a tampered cache entry cannot run code."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("decimal", "Decimal"):
            return Decimal
        raise pickle.UnpicklingError(f"{module}.{name} is not a data value")


def cache_name(text: str) -> str:
    """The cache entry of a text's values: keyed by the text, PyYAML and this module's rules."""
    return cache.key(cache.code_version(__file__, yaml.__version__), text) + ".pickle"


def _cached_values(name: str) -> Any:
    data = cache.read_bytes("yaml", name)
    if data is None:
        return _MISSING
    try:
        return _ValuesOnly(io.BytesIO(data)).load()
    except Exception:  # a damaged or foreign entry is only a miss
        return _MISSING


_MISSING = object()


def load_text(text: str, file: str) -> tuple[Document | None, list[Problem]]:
    """Compose `text` and build its values; problems instead of exceptions.

    A text read before without any problem has its values in the handbook cache (keyed by the
    text itself): ~10x faster than composing, and its nodes are composed only if asked for.
    """
    name = cache_name(text)
    value = _cached_values(name)
    if value is not _MISSING:
        return Document(file, value, None, text), []
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
    builder = _Builder(file, may_alias=_may_alias(text))
    try:
        value = builder.build(root, ())
    except RecursionError:
        return None, [Problem(file, 1, 1, "", "the file is nested too deeply to read", code="syntax")]
    if not builder.problems:
        cache.write_bytes("yaml", name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return Document(file, value, root), builder.problems


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
