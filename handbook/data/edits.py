"""edits: a data file's text -> the same text with a few values changed, every other byte kept.

Input: a YAML text and `Edit`s, each naming a value by its path (as the loader and the problems
name it: `("services", 3, "offers", 0, "charges", 1, "amount")`) and the new text to write
there, or a key to add to a mapping. Output: the new text. Used by the commands that change the
data for an officer (`handbook edition start`, `handbook prices uplift|import`).

Why targeted edits and not a round trip through a YAML library: an officer's file is theirs
(comments, blank lines, quoting, the order of keys, a `2150` that a dumper might write as
`2150.0`), and a diff of a price change should show exactly the prices. The spans come from
PyYAML's composer (`handbook.data.load`'s loader, which resolves no tags), whose marks index the
text by characters; each plain value is checked to be exactly where the mark says before it
is replaced, so a mark that ever disagreed with the text stops the edit instead of corrupting
the file. Never reads or writes files; never evaluates a value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import yaml

from handbook.core.errors import HandbookUserError
from handbook.data.load import Path_, _Loader, format_path


@dataclass(frozen=True)
class Edit:
    """Write `text` (a plain YAML scalar: a number, a date, a simple word) as the value at `path`.

    With `add=True`, `path` names a key missing from its mapping: the key is added as the
    mapping's last entry, at the indentation of its other keys.
    """

    path: Path_
    text: str
    add: bool = False


# What a replacement may be: a number, a date, an edition id, a path; nothing YAML would read as
# anything else, and nothing that needs quoting. The callers validate meaning; this keeps syntax.
_PLAIN = re.compile(r"[-+]?[0-9][0-9.\-/]*|[A-Za-z0-9][A-Za-z0-9._/\-]*")
_QUOTABLE = re.compile(r"[0-9][0-9\-/]*")  # an id such as 2027-28, written in the quotes it had


def _node(root: yaml.Node, path: Path_) -> yaml.Node | None:
    node = root
    for part in path:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            node = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
        else:
            return None
        if node is None:
            return None
    return node


def _last_scalar(node: yaml.Node) -> yaml.Node:
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.value:
        node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
    return node


def _replacement(text: str, node: yaml.Node, edit: Edit) -> tuple[int, int, str]:
    where = format_path(edit.path)
    if not isinstance(node, yaml.ScalarNode) or node.style not in (None, "", "'", '"'):
        raise HandbookUserError(f"{where} is not a single value on one line, so it cannot be changed here; change it by hand", status=1)
    start, end = node.start_mark.index, node.end_mark.index
    written = text[start:end]
    expected = node.value if not node.style else f"{node.style}{node.value}{node.style}"
    if written != expected or "\n" in written:
        raise HandbookUserError(f"{where} is not written where the file's structure says; change it by hand", status=1)
    if not _PLAIN.fullmatch(edit.text):
        raise ValueError(f"{edit.text!r} is not a plain value")
    new = edit.text
    if node.style:  # keep the officer's quotes (`id: "2026-27"`)
        if not _QUOTABLE.fullmatch(new):
            raise ValueError(f"{edit.text!r} cannot be written in quotes as it stands")
        new = f"{node.style}{new}{node.style}"
    return start, end, new


def _addition(text: str, mapping: yaml.Node, edit: Edit) -> tuple[int, int, str]:
    where = format_path(edit.path[:-1])
    if not isinstance(mapping, yaml.MappingNode) or mapping.flow_style or not mapping.value:
        raise HandbookUserError(f"{where} is not a block of fields, so {edit.path[-1]!r} cannot be added to it; add it by hand", status=1)
    if not _PLAIN.fullmatch(edit.text):
        raise ValueError(f"{edit.text!r} is not a plain value")
    indent = mapping.value[0][0].start_mark.column
    end = _last_scalar(mapping).end_mark.index
    if end > 0 and text[end - 1] != "\n":  # the rest of the last value's line (a comment) stays with it
        newline = text.find("\n", end)
        end = len(text) if newline < 0 else newline + 1
    prefix = "" if end == 0 or text[end - 1] == "\n" else "\n"
    return end, end, f"{prefix}{' ' * indent}{edit.path[-1]}: {edit.text}\n"


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """`text` with every edit made; each span is checked first, so either all are made or none.

    Raises `HandbookUserError` (status 1) when a path names nothing, or a value the file does not
    write as one plain value on one line.
    """
    edits = list(edits)
    if not edits:
        return text
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        raise HandbookUserError(f"the file cannot be read to change it: {error}", status=1) from None
    spans = []
    for edit in edits:
        target = _node(root, edit.path[:-1] if edit.add else edit.path)
        if target is None or (edit.add and _node(root, edit.path) is not None):
            state = "is already there" if target is not None else "is not in the file"
            raise HandbookUserError(f"{format_path(edit.path)} {state}; nothing was changed", status=1)
        spans.append(_addition(text, target, edit) if edit.add else _replacement(text, target, edit))
    spans.sort(key=lambda s: (s[0], s[1]))
    for (_, end, _), (start, _, _) in zip(spans, spans[1:]):
        if start < end:
            raise ValueError("two edits of the same value")
    out, at = [], 0
    for start, end, new in spans:
        out += [text[at:start], new]
        at = end
    out.append(text[at:])
    return "".join(out)
