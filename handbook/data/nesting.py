"""nesting: how deep an officer's Markdown nests lists, quotes and brackets, refused past a limit.

Input: a Markdown field's text. Output: where it first nests deeper than `MAX_NESTING`, or None.
The model's Markdown type asks at validation, so the site and the PDF never meet such a text.
"""

from __future__ import annotations

import re

from handbook.core.limits import MAX_NESTING

# List items and quotes opened at the start of one line (`- - - x`, `> > x`, `1. - x`): each
# marker is one more level of Python-Markdown's recursion.
_MARKERS = re.compile(rf"^[ \t]*(?:(?:[-*+]|\d{{1,9}}[.)])[ \t]+|>[ \t]*){{{MAX_NESTING + 1}}}", re.M)
_NOT_BRACKET = re.compile(r"[^\[\]\n]+")


def too_deep(text: str) -> tuple[int, str] | None:
    """(line, what) where `text` nests lists, quotes or brackets over `MAX_NESTING` deep, else None.

    Why: Python-Markdown recurses once a level, so 500 list markers on one line raise
    RecursionError, and its link parser takes quadratic time over nested brackets (4,000 levels
    take 6 s, and every different text pays again). No real text nests that deep, so validation
    refuses it at its line rather than the build failing or stalling.
    """
    match = _MARKERS.search(text)
    if match:
        return text.count("\n", 0, match.start()) + 1, "lists or quotes"
    depth, line = 0, 1
    for char in _NOT_BRACKET.sub("", text):  # only brackets and line ends are left: a short loop
        if char == "\n":
            line += 1
        elif char == "[":
            depth += 1
            if depth > MAX_NESTING:
                return line, "square brackets"
        else:
            depth = max(depth - 1, 0)
    return None
