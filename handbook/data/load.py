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

Untrusted input is stopped here too: a file over `limits.MAX_FILE_BYTES` is not read, a number
longer than any field takes stays text (Python's `int` refuses 4,300 digits) for the model to
report where a number is wanted, explicit tags
(`!ENV`, `!!python/object`, `!!str`) are reported instead of becoming text, and every key and value
is checked by `handbook.data.characters`, each bad character reported at its own line and column.
Columns count characters (code points), as an editor does, whatever PyYAML counted.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from handbook.core import limits

from handbook.core.errors import Problem
from handbook.data import characters, splice, syntax
from handbook.data.valuecache import MISSING, cache_name, cached_values, keep
from handbook.data.messages import ordinal, shorten, shown

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
        return _IMPLICIT  # called only for nodes without an explicit tag, so any other tag was written

    # Path resolvers are a part of tag resolution too; the composer calls these for every node.
    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


_IMPLICIT = "?"
# libyaml reports where it met a character it does not read as a byte offset; marks count characters.
_READER_COUNTS_BYTES = _BaseLoader.__name__.startswith("C")

Path_ = tuple[str | int, ...]

_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
# A digit on each side of the point: `.5` and `5.` stay text, for the model to say what to write.
_DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9]*)\.[0-9]+")
_MB = 1024 * 1024
_MAX_DIGITS = limits.MAX_DIGITS


def _may_mark(text: str, indicator: str = "&") -> bool:
    """Whether the text may hold a YAML anchor (`&`) or tag (`!`): the indicator after a space,
    bracket or comma, then a name (a tag's may be empty: `! 12`).

    Why not a regex: an alternation tried at every character costs ~10 ms on a large file;
    `str.find` skips to the few ampersands (or exclamation marks) prose has.
    """
    index = text.find(indicator)
    while index != -1:
        before, after = text[index - 1 : index] or "\n", text[index + 1 : index + 2]
        if (before.isspace() or before in "[{,") and (indicator == "!" or (after and not after.isspace())):
            return True
        index = text.find(indicator, index + 1)
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
    shifts: dict[int, int] = field(default_factory=dict, repr=False)  # line -> columns moved (read past tabs)

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
        line, col = _mark(target) if target is not None else (1, 1)
        return line, max(1, col - self.shifts.get(line, 0))


def format_path(path: Path_) -> str:
    """('services', 3, 'unit') -> 'services[3].unit', the way an officer reads a field."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            part = shorten(part)  # a key can be as long as the file
            out += f".{part}" if out else part
    return out


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _scalar(node: yaml.ScalarNode) -> Any:
    if node.style:  # quoted or block scalar: always text
        return node.value
    return plain_value(node.value)


def plain_value(text: str) -> Any:
    """What a plain (unquoted) scalar written as `text` is read as: None, a boolean, a number or text."""
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if _INT.fullmatch(text):
        # No field takes a longer number, and `int` refuses 4,300 digits: it stays text.
        return int(text) if len(text) <= _MAX_DIGITS else text
    if _DECIMAL.fullmatch(text):
        return Decimal(text) if len(text) <= _MAX_DIGITS else text
    return text


class _Builder:
    """Walks composed nodes into values, reporting structural problems (duplicates, aliases, tags)
    and characters the data may not hold.

    Why checks are switched on per file: each costs a little for each of 100,000 nodes, and a file
    without `!`, `\\` or any suspect character (see `characters.suspects`) cannot need them.
    """

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.text = text
        self.problems: list[Problem] = []
        # Aliases share node objects; tracking them costs time, so only when an anchor exists.
        self._built: dict[int, Any] | None = {} if _may_mark(text, "&") else None
        self._tags = _may_mark(text, "!")
        self._suspects = characters.suspects(text)
        self._seen = [False] * len(self._suspects)
        # YAML counts these as line breaks, editors do not: lines are then counted in the text.
        self._odd_breaks = any(text[i] in "\x85\u2028\u2029" for i in self._suspects)
        # Only a double-quoted value's escapes (`"\\u202e"`) make characters the text does not hold.
        self._escapes = "\\" in text
        self._characters = bool(self._suspects) or self._escapes
        self._checking = self._tags or self._characters

    def problem(self, node: yaml.Node, path: Path_, message: str, code: str) -> None:
        line, col = _mark(node)
        self.problems.append(Problem(self.file, line, col, format_path(path), message, code=code))

    def checks(self, node: yaml.ScalarNode, path: Path_, what: str) -> None:
        """Tags and characters of a key or value, where the file may have any."""
        # `!` alone (YAML's "not plain") is resolved like no tag; only its place in the text shows it.
        if self._tags and (node.tag != _IMPLICIT or self.text[node.start_mark.index : node.start_mark.index + 1] == "!"):
            self._tag(node, path)
        if self._characters:
            self._check_characters(node, path, what)

    def _tag(self, node: yaml.Node, path: Path_) -> None:
        tag = "!" if node.tag == _IMPLICIT else str(node.tag).replace("tag:yaml.org,2002:", "!!")
        self.problem(node, path, f"YAML tags such as {shown(tag)} are not supported in the handbook's data; remove it, or put the value in quotes", "tag")

    def _check_characters(self, node: yaml.ScalarNode, path: Path_, what: str) -> None:
        """Report the first bad character of a key or value where it is written, or failing that
        (one made by an escape) at the value's start, counting which character it is."""
        block = node.style in ("|", ">")
        start, end = node.start_mark.index, node.end_mark.index
        first = bisect_left(self._suspects, start)
        found = []
        for i in range(first, len(self._suspects)):
            index = self._suspects[i]
            if index >= end:
                break
            self._seen[i] = True
            reason = characters.why(self.text[index], block=block)
            if reason:
                found.append((index, reason))
        if found:
            index, reason = found[0]
            more = f" (the {what} has {len(found) - 1} more such character{'s' if len(found) > 2 else ''})" if len(found) > 1 else ""
            if self._odd_breaks:
                line = self.text.count("\n", 0, index) + 1
            else:
                line = node.start_mark.line + 1 + self.text.count("\n", start, index)
            self._add(line, syntax.column_of_index(self.text, index), path, f"the {what} holds {reason}{more}")
        elif self._escapes and node.style == '"':
            at = characters.find(node.value)
            if at >= 0:  # made by a backslash escape: where it is written is not worth guessing
                line, col = _mark(node)
                reason = characters.why(node.value[at]) or ""
                self._add(line, col, path, f"the {what}'s {ordinal(at + 1)} character (written with a \\ escape) is {reason}")

    def _add(self, line: int, col: int, path: Path_, message: str) -> None:
        self.problems.append(Problem(self.file, line, col, format_path(path), message, code="character"))

    def outside_values(self) -> None:
        """Characters outside any key or value (in comments) that mislead a reader of the file."""
        for index, seen in zip(self._suspects, self._seen):
            char = self.text[index]
            if not seen and characters.dangerous(char):
                line = self.text.count("\n", 0, index) + 1
                self._add(line, syntax.column_of_index(self.text, index), (), f"the file holds {characters.why(char)}")

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
            if self._checking:  # a test per node, not a call: the file may have 100,000 of them
                self.checks(node, path, "value")
            value = _scalar(node)
        else:
            if self._tags and node.tag != _IMPLICIT:
                self._tag(node, path)
            if isinstance(node, yaml.SequenceNode):
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
            if self._checking:
                self.checks(key_node, path + (key,), "field name")
            if key == "<<" and not key_node.style:
                self.problem(key_node, path, "merge keys (<<) are not supported here; write the fields out in full", "alias")
                continue
            if key in result:
                self.problem(
                    key_node, path + (key,),
                    f"duplicate field {shown(key)} (already given on line {first_line[key]}); "
                    "YAML would keep only the last one, so remove or rename one of them",
                    "duplicate-key",
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, path + (key,), key_node)
        return result


def load_text(text: str, file: str) -> tuple[Document | None, list[Problem]]:
    """Compose `text` and build its values; problems instead of exceptions.

    A text read before without any problem has its values in the handbook cache (keyed by the
    text itself): ~10x faster than composing, and its nodes are composed only if asked for.
    """
    name = cache_name(text)
    value = cached_values(name)
    if value is MISSING:
        value = _spliced(text, file)
        if value is not MISSING:
            keep(name, value)
    if value is not MISSING:
        _last_read[file] = (text, value)
        return Document(file, value, None, text), []
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        return _read_past_tabs(text, file, error)
    except RecursionError:
        return None, [Problem(file, 1, 1, "", "the file is nested too deeply to read", code="syntax")]
    if root is None:
        return None, [Problem(file, 1, 1, "", "the file is empty; it should hold the fields described in its schema", code="empty")]
    builder = _Builder(file, text)
    try:
        value = builder.build(root, ())
    except RecursionError:
        return None, [Problem(file, 1, 1, "", "the file is nested too deeply to read", code="syntax")]
    builder.outside_values()
    if not builder.problems:
        keep(name, value)
        _last_read[file] = (text, value)
    return Document(file, value, root), builder.problems


_last_read: dict[str, tuple[str, Any]] = {}  # file -> (text, values) last read without a problem


def _spliced(text: str, file: str) -> Any:
    """The values after an edit inside one list entry (`splice`): the last values, that entry read
    alone; `MISSING` when the edit is not one, or the entry alone has a problem."""
    last = _last_read.get(file)
    edit = splice.entry_edit(last[0], text, last[1]) if last is not None else None
    if edit is None:
        return MISSING
    key, index, entry = edit
    try:
        root = yaml.compose(entry, Loader=_Loader)
        builder = _Builder(file, entry)
        item = builder.build(root.value[0], (key, index)) if isinstance(root, yaml.SequenceNode) and len(root.value) == 1 else MISSING
    except (yaml.YAMLError, RecursionError):
        return MISSING
    builder.outside_values()
    if item is MISSING or builder.problems:
        return MISSING
    return last[1] | {key: [*last[1][key][:index], item, *last[1][key][index + 1 :]]}


def _read_past_tabs(text: str, file: str, error: yaml.YAMLError) -> tuple[Document | None, list[Problem]]:
    """A file YAML could not read: its tab-indented lines and, read with spaces for the tabs
    (`syntax.untabbed`; the tabs stay errors), the rest of its problems, or YAML's next error."""
    lines = syntax.tab_lines(text)
    candidates = syntax.untabbed(text, lines) if lines else []
    for candidate in candidates:
        try:
            root = yaml.compose(candidate, Loader=_Loader)
            builder = _Builder(file, candidate)
            value = builder.build(root, ()) if root is not None else None
        except (yaml.YAMLError, RecursionError) as later:
            error = later if candidate is candidates[0] and isinstance(later, yaml.YAMLError) else error  # the next mistake
            continue
        builder.outside_values()
        return Document(file, value, root, shifts=syntax.shifts(text, candidate)), syntax.with_tabs(file, lines, builder.problems, syntax.shifts(text, candidate))
    read = candidates[0] if candidates else text
    return None, syntax.with_tabs(file, lines, syntax.problems(read, file, error, reader_counts_bytes=_READER_COUNTS_BYTES), syntax.shifts(text, read))


def _size(size: int, form: str) -> str:
    return f"{size / _MB:{form}} MB" if size >= _MB else f"{size / 1024:{form}} KB"


def load_file(path: Path, display: str | None = None) -> tuple[Document | None, list[Problem]]:
    """Read and load one file; unreadable bytes become a problem with their position.

    Why the size first: the limit bounds what every later step costs, so a file over it is not
    even read.
    """
    name = display or str(path)
    size = path.stat().st_size
    if size > limits.MAX_FILE_BYTES:
        return None, [Problem(
            name, 1, 1, "",
            f"{name} is {_size(size, '.1f')}; the handbook's limit is {_size(limits.MAX_FILE_BYTES, 'g')} per file: "
            "look for pasted text or repeated entries and take them out", code="file-too-large",
        )]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        good = raw[: error.start].decode("utf-8", errors="replace")
        line, col = syntax.position_of_index(good, len(good))
        return None, [Problem(name, line, col, "", "the file is not UTF-8 text; save it as UTF-8", code="encoding")]
    return load_text(text, name)
