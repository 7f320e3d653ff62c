"""markup: Python values -> pieces of Typst source that mean exactly those values.

The only place the book's text meets Typst's syntax: plain text as markup that prints itself,
strings as string literals, ids as labels. Everything the book writes from the data or the
prose passes through one of these, so no text can ever be read as Typst code.
"""

from __future__ import annotations

import re

# Every ASCII punctuation character has a meaning somewhere in Typst markup (`#`, `*`, `//`,
# `<`, `@`, `$`, `=` and `-` at a line's start, …); a backslash before one prints it as itself.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# Typst's label syntax `<name>`; our ids always fit it, anything else is written with label().
_LABEL = re.compile(r"^[A-Za-z_][A-Za-z0-9_.:-]*$")


def text(value: str) -> str:
    """Plain text as Typst markup that prints exactly that text."""
    return _PUNCTUATION.sub(r"\\\1", value)


def string(value: str) -> str:
    """A Typst string literal holding `value`."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


def array(items: list[str]) -> str:
    """A Typst array of content blocks, from markup (the trailing comma makes one item an array)."""
    return "(" + "".join(f"[{item}], " for item in items) + ")"


def label(anchor: str) -> str:
    """A label for `anchor`, attached to the element written just before it."""
    return f"<{anchor}>" if _LABEL.match(anchor) else f"#label({string(anchor)})"


_SPACE = re.compile(r"\s+")


def words(value: str) -> str:
    """Plain text as Typst markup, its runs of white space made one space (as in HTML): a line
    break in a value never becomes a paragraph break."""
    return text(_SPACE.sub(" ", value))
