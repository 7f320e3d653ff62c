"""splice: where an edit of a data file falls, when it falls inside one entry of a top-level list.

Input: a file's text before (read without a problem, with its values) and after an edit. Output:
the list's key, the entry's index and the entry's new text (its lines as written, from its `- `
line), or None when the edit is anything else. `handbook.data.load` then reads only that
entry's text and puts its value in place of the old one; on any doubt or problem it reads the
whole file, so the values and the problems are always those of reading the whole file.

Why: `make serve` reads services.yaml again after each save, and at 1,000 services (2.8 MB)
composing it was about half a second of the wait, although a save changes one service.

When the edit counts as inside one entry (by lines, as YAML's block structure has them): every
changed line, before and after, is blank or indented deeper than the entry's `- ` (or is that
`- ` line itself, still one); the list is a block list under a key at the file's top level, its
entries' `- ` lines as many as the values it had; and the text has no line break other than
`\\n` (YAML also breaks lines at U+0085, U+2028 and U+2029). What YAML reads across lines
otherwise (a quoted value that goes back to the margin) makes the entry's text unreadable alone,
which sends the file to be read whole.
"""

from __future__ import annotations

import functools
import re
from typing import Any

_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):[ \t]*(#.*)?$")  # a top-level key whose value follows below
_ITEM = re.compile(r"( *)- ")
_ODD_BREAKS = ("\x85", "\u2028", "\u2029", "\r\r")


def _indent(line: str) -> int | None:
    """The indentation of a line that holds a value (None: blank or a comment)."""
    stripped = line.lstrip(" ")
    if not stripped.strip() or stripped.startswith("#"):
        return None
    return len(line) - len(stripped)


def entry_edit(old_text: str, new_text: str, old_value: Any) -> tuple[str, int, str] | None:
    """(key, index, the entry's new text) when the edit falls inside one entry (module docstring)."""
    if old_text == new_text or not isinstance(old_value, dict) or any(b in old_text or b in new_text for b in _ODD_BREAKS):
        return None
    old, new = old_text.split("\n"), new_text.split("\n")
    shorter = min(len(old), len(new))
    first = next((i for i in range(shorter) if old[i] != new[i]), shorter)
    same_end = next((i for i in range(shorter - first) if old[-1 - i] != new[-1 - i]), shorter - first)
    # The top-level key above the edit, and its list's first entry.
    key_line = next((i for i in range(min(first, len(old) - 1), -1, -1) if _indent(old[i]) == 0 and not _ITEM.match(old[i])), None)
    if key_line is None or not (match := _KEY.match(old[key_line])) or not isinstance(old_value.get(match.group(1)), list):
        return None
    key = match.group(1)
    entries = _entries(old_text, old, key_line)
    if not entries or len(entries[1]) != len(old_value[key]):
        return None
    depth, starts, _ = entries
    index = sum(1 for start in starts if start <= first) - 1
    if index < 0:
        return None
    start = starts[index]
    for lines in (old, new):
        changed = range(first, len(lines) - same_end)
        if any(i != start and (_indent(lines[i]) is not None and _indent(lines[i]) <= depth) for i in changed):
            return None
        if start in changed and not (_ITEM.match(lines[start]) and _ITEM.match(lines[start]).group(1) == " " * depth):
            return None
    new_entries = _entries(new_text, new, key_line)
    if new_entries is None or new_entries[0] != depth or len(new_entries[1]) != len(starts) or new_entries[1][index] != start:
        return None
    end = new_entries[1][index + 1] if index + 1 < len(starts) else new_entries[2]
    return key, index, "\n".join(new[start:end]) + "\n"


def _entries(text: str, lines: list[str], key_line: int) -> tuple[int, list[int], int] | None:
    """(the entries' indentation, the line of each entry's `- `, the line after the list) of the
    block list under the top-level key on `key_line`, or None when it is not one.

    Why regexes over the text and not a look at each line: a file of 1,000 services has 86,000."""
    begin = sum(len(line) + 1 for line in lines[: key_line + 1])
    first = _CONTENT.search(text, begin)
    if first is None or not _ITEM.match(text, first.start()):
        return None
    depth = len(first.group(1))
    patterns = _patterns(depth)
    # Each pattern starts at a line break (then found by a fast scan): `begin - 1` is the key line's.
    stop = patterns[0].search(text, begin - 1)
    end_at = stop.start() + 1 if stop else len(text)
    if stop is not None and text.startswith("-", end_at):
        return None  # a `- ` at the margin under an indented list, or `---`
    if patterns[1].search(text, begin - 1, end_at) or (patterns[2] is not None and patterns[2].search(text, begin - 1, end_at)):
        return None  # a line at the entries' depth that is not an entry, or one shallower
    starts, line, at = [], key_line, begin - 1
    for match in patterns[3].finditer(text, begin - 1, end_at):  # counting the lines in between
        line, at = line + text.count("\n", at, match.start() + 1), match.start() + 1
        starts.append(line)
    if not starts:
        return None
    end = line + text.count("\n", at, end_at) if stop else len(lines)
    while end > starts[-1] + 1 and _indent(lines[end - 1]) is None:
        end -= 1  # blank lines and comments after the last entry belong to no entry
    return depth, starts, end


_CONTENT = re.compile(r"^( *)[^\s#]", re.M)


@functools.lru_cache(maxsize=8)
def _patterns(depth: int) -> tuple[re.Pattern, re.Pattern, re.Pattern | None, re.Pattern]:
    """For entries at `depth`: the list's end, a line at that depth but no entry, a shallower line, an entry."""
    end = re.compile(r"\n(?:[^\s#-]|-(?! ))") if depth == 0 else re.compile(r"\n[^\s#]")
    not_entry = re.compile(rf"\n {{{depth}}}(?!- )[^\s#]")
    shallower = re.compile(rf"\n {{1,{depth - 1}}}[^\s#]") if depth > 1 else None
    entry = re.compile(rf"\n {{{depth}}}- ")
    return end, not_entry, shallower, entry
