"""The book's outline: numbered headings, their anchors, and the contents entries they make.

Input: headings as the parts are built. Output: their Typst (through `book.Book.heading`) and
the ordered list of `Entry`s the contents page prints. Page numbers are never computed here: the contents gets them
from Typst's layout (where each entry's anchor landed), so they cannot drift from the pages.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from handbook.pdf.book import Book
from handbook.pdf.markup import text


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
        """Lists a heading written without `heading` (a prose page's, whose words are its own)."""
        self.entries.append(Entry(anchor, number, title, level))

    def heading(self, book: Book, level: int, anchor: str, title: str, number: str = "", *, front: bool = False) -> str:
        """A heading of the book with its number (Typst, through `book`), listed for the contents."""
        self.entries.append(Entry(anchor, number, title, level, front))
        words = f"#hb-number[{text(number)}] {text(title)}" if number else text(title)
        return book.heading(level, words, f"{number} {title}" if number else title, anchor)


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
