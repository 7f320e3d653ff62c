"""The book's outline: numbered headings, their anchors, and the contents entries they make.

Input: headings as the parts are built. Output: heading HTML (`Markup`) and the ordered list of
`Entry`s the contents page prints. Page numbers are never computed here: the contents gets them
from Typst's layout (where each entry's anchor landed), so they cannot drift from the pages.
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from markupsafe import Markup


@dataclass(frozen=True)
class Entry:
    """One line of the contents."""

    target: str  # the heading's id
    number: str  # "3", "3.2", "Appendix B", "B.1" or ""
    title: str
    level: int  # 1 a section or appendix, 2 a subsection
    front: bool = False  # front matter is numbered in roman


@dataclass
class Outline:
    """Numbers sections (1, 2, …) and appendices (A, B, …) in the order they are added."""

    entries: list[Entry] = field(default_factory=list)
    sections: int = 0
    appendices: int = 0
    service_numbers: dict[str, str] = field(default_factory=dict)  # service id -> "9.2.4"

    def next_number(self, appendix: bool) -> str:
        """The next section number ("4") or appendix letter ("C")."""
        if appendix:
            self.appendices += 1
            return _letters(self.appendices)
        self.sections += 1
        return str(self.sections)

    @contextmanager
    def part(self) -> Iterator[list[Entry]]:
        """Collects the entries one part adds (the list is filled when the block ends)."""
        mark = len(self.entries)
        collected: list[Entry] = []
        yield collected
        collected.extend(self.entries[mark:])

    def add(self, anchor: str, title: str, number: str = "", level: int = 2) -> None:
        """Lists a heading the part's template writes itself (a category, a price group)."""
        self.entries.append(Entry(anchor, number, title, level))

    def heading(self, level: int, anchor: str, title: str, number: str = "", *, front: bool = False, listed: bool = True) -> Markup:
        """A heading element with its number, recorded for the contents when `listed`."""
        if listed:
            self.entries.append(Entry(anchor, number, title, level, front))
        prefix = Markup('<span class="heading-number">{}</span> ').format(number) if number else Markup("")
        return Markup('<h{0} id="{1}">{2}{3}</h{0}>').format(level, anchor, prefix, title)


def section_label(number: str) -> str:
    """How a part's number is printed in its title: "3" or "Appendix C"."""
    return number if number.isdigit() else f"Appendix {number}"


def sub_number(number: str, index: int) -> str:
    """The number of a part's `index`-th subsection (1-based): "3.2" or "C.2"."""
    return f"{number}.{index}"


def _letters(n: int) -> str:
    # A..Z, then AA, AB, … should a handbook ever have more than 26 appendices.
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = string.ascii_uppercase[rem] + out
    return out


_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """An anchor-safe id from any text."""
    return _SLUG.sub("-", text.lower()).strip("-") or "part"


def plain(fragment: str) -> str:
    """The text of an HTML fragment (a heading's content), for the contents."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()
