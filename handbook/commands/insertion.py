"""insertion: a new entry -> YAML lines in the file's own layout, added to one of its lists.

Input: a data file's text, the list to add to (a top-level list such as `services`, or a list
inside one of its entries such as a service's offer's `charges`) and the entry, as a mapping of
already-spelled YAML values (`handbook.data.answers.spell`). Output: the new text, which is the
old text with lines inserted and nothing else changed, and the 1-based lines the entry occupies.

Why lines rather than a YAML round trip: a round trip through a YAML library re-reads and
re-writes the whole file (two seconds on the sample, far more at 1,000 services), and "keeps
almost everything" is not good enough for an officer's file. Here the entry is laid out as the
file lays out its entries (how far lists and mappings are indented, `[a, b]` or one item a line,
a blank line between entries or not), found from the file itself, and placed at a line found
from the list's own `- ` lines; the caller validates the result before writing it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from handbook.core.errors import HandbookUserError


class Flow(list):
    """A short list of spelled scalars, written `[a, b]` where the file does so."""


@dataclass(frozen=True)
class Layout:
    indent: int = 2  # a nested mapping's keys, further in than its key
    offset: int = 2  # a nested list's `- `, further in than its key (0: `- ` under the key)
    flow: bool = True  # short lists as `[a, b]` rather than one `- item` a line
    spaced: bool = False  # a blank line between the list's entries


@dataclass(frozen=True)
class Block:
    """Where a block list is written: its dash column, each entry's first line and the line
    after its last content line (0-based indexes into the file's lines)."""

    dash: int
    starts: list[int]
    ends: list[int]


_KEY_ONLY = re.compile(r"^( *)([A-Za-z_][\w-]*):[ \t]*(#.*)?$")
_DASH = re.compile(r"^( *)- ")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def find_block(lines: list[str], key: str, key_col: int = 0, start: int = 0, stop: int | None = None) -> Block:
    """The block list under `key:` written at `key_col` within lines[start:stop]."""
    stop = len(lines) if stop is None else stop
    at = next((i for i in range(start, stop) if (m := _KEY_ONLY.match(lines[i])) and len(m.group(1)) == key_col and m.group(2) == key), None)
    if at is None:
        raise HandbookUserError(f"cannot find the list `{key}:` in the file as a list with one `- ` line an entry; add the entry by hand", status=1)
    starts: list[int] = []
    ends: list[int] = []
    dash = None
    deeper = None
    for i in range(at + 1, stop):
        line = lines[i]
        if deeper is not None and line.startswith(deeper):  # most lines: inside an entry (one C call)
            ends[-1] = i + 1
            continue
        if not _content(line):
            continue
        indent = _indent(line)
        if dash is None:
            if not _DASH.match(line) or indent < key_col:
                break
            dash = indent
            deeper = " " * (dash + 1)
        if indent < dash or (indent == dash and not line.startswith("- ", indent)):
            break
        if indent == dash:
            starts.append(i)
            ends.append(i + 1)
        else:
            ends[-1] = i + 1
    if dash is None or not starts:
        raise HandbookUserError(f"the list `{key}:` is not written one `- ` entry a line; add the entry by hand", status=1)
    return Block(dash, starts, ends)


def entry_key_col(line: str) -> int:
    """The column of an entry's keys, from its `- key: value` line."""
    dash = _indent(line)
    return dash + 1 + _indent(line[dash + 1 :])


def layout_of(lines: list[str], block: Block) -> Layout:
    """How the entries of `block` lay out what they hold (defaults where they show nothing), read
    from its first few entries."""
    region = lines[block.starts[0] : block.ends[min(len(block.ends), 5) - 1]]
    indent = offset = None
    for here, after in zip(region, region[1:]):
        key = _KEY_ONLY.match(here)
        if key is None or not _content(after):
            continue
        gap = _indent(after) - len(key.group(1))
        if after.lstrip().startswith("- ") and offset is None and gap >= 0:
            offset = gap
        elif not after.lstrip().startswith("- ") and indent is None and gap > 0:
            indent = gap
    flow = sum(1 for line in region if re.match(r"^ *[\w-]+: \[[^\]]", line))  # `[]` says nothing
    block_lists = sum(1 for a, b in zip(region, region[1:]) if _KEY_ONLY.match(a) and re.match(r"^ *- [^:#]+$", b))
    spaced = len(block.starts) > 1 and any(not line.strip() for line in lines[block.ends[0] : block.starts[1]])
    return Layout(indent or 2, 2 if offset is None else offset, flow >= block_lists, spaced)


def render(entry: dict, dash: int, layout: Layout) -> list[str]:
    """The entry's lines (each ending in a new line) as an item of a list whose `- ` is at `dash`."""
    lines = _mapping(entry, dash + 2, layout)
    lines[0] = " " * dash + "- " + lines[0].lstrip(" ")
    return [line + "\n" for line in lines]


def _mapping(entry: dict, col: int, layout: Layout) -> list[str]:
    out: list[str] = []
    pad = " " * col
    for key, value in entry.items():
        if isinstance(value, Flow):
            if layout.flow:
                out.append(f"{pad}{key}: [{', '.join(value)}]")
            else:
                out.append(f"{pad}{key}:")
                out.extend(f"{' ' * (col + layout.offset)}- {item}" for item in value)
        elif isinstance(value, dict):
            out.append(f"{pad}{key}:")
            out.extend(_mapping(value, col + layout.indent, layout))
        elif isinstance(value, list):
            out.append(f"{pad}{key}:")
            for item in value:
                out.extend(line.rstrip("\n") for line in render(item, col + layout.offset, layout))
        else:
            out.append(f"{pad}{key}: {value}")
    return out


def insert(text: str, block: Block, entry: dict | list[str], layout: Layout, before: int | None = None) -> tuple[str, int, int]:
    """`text` with `entry` (a mapping, or its lines already written) added to `block`, before its
    entry number `before` (None: after the last); returns (new text, first line, last line) of
    the entry, 1-based.

    Comments and blank lines just above an entry introduce it, so an entry put before it goes
    above them; one put after the last entry goes straight after its last line.
    """
    lines = text.splitlines(keepends=True)
    new = render(entry, block.dash, layout) if isinstance(entry, dict) else list(entry)
    if before is None or before >= len(block.starts):
        at = block.ends[-1]
        if layout.spaced:
            new.insert(0, "\n")
    elif before > 0 and layout.spaced:
        at = block.ends[before - 1]  # straight after the entry before it: then a blank line each side
        new.insert(0, "\n")
    else:
        at = block.starts[before]
        floor = block.ends[before - 1] if before > 0 else 0
        while at > floor and lines[at - 1].strip().startswith("#"):  # comments introducing the entry
            at -= 1
        if layout.spaced:
            new.append("\n")
    if at > 0 and not lines[at - 1].endswith("\n"):
        lines[at - 1] += "\n"  # the file had no final new line: the entry starts on its own line
    first = at + 1 + (new[0] == "\n")
    last = first + sum(1 for line in new if line != "\n") - 1
    return "".join(lines[:at] + new + lines[at:]), first, last
