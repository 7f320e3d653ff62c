"""tables: how the book's tables are laid out on the page: column widths, rows kept whole.

Input: a table's classes and column count, a row's cells (BeautifulSoup tags). Output: Typst
column specifications, and whether a row may break across pages. `typeset` asks; nothing here
writes markup or reads files.
"""

from __future__ import annotations

from bs4 import Tag

# Column widths of the tables the book's own templates write, by class (fractions of the
# width; the remaining columns share what is left equally).
COLUMNS: dict[str, tuple[float | str, ...]] = {
    "charges": (0.30, 0.16),
    "price-list": (0.07, 0.27, 0.20, 0.09, 0.12),
    "contact-points": (0.21, 0.29, 0.30),
    # An e-mail address cannot break, so its column takes the width of the longest.
    "contacts": (0.28, 0.16, "auto"),
}
TEXT_WIDTH_MM = 172.0  # A4 less the book's side margins (book.typ)
# A row is kept whole on one page unless it may be taller than this: Typst would print the rest
# of an unbreakable row past the foot of the page, so such a row (rare: a cell of thousands of
# characters) continues on the next. Estimated from its text, generously.
ROW_LIMIT_MM = 120.0
_CHAR_MM, _LINE_MM = 1.6, 4.2  # an 8.5pt character at its widest, a line of table text


def columns(classes: list[str], count: int) -> tuple[list[str], list[float]]:
    """(Typst column specifications, each column's width in mm as an estimate) for a table.

    Our own tables have set widths and share the rest; a Markdown table's columns size to
    their text (`auto`).
    """
    widths = next((COLUMNS[c] for c in classes if c in COLUMNS), ())[:count]
    specs = [w if isinstance(w, str) else f"{w * 100:.1f}%" for w in widths] + (["1fr"] if widths else ["auto"]) * (count - len(widths))
    fixed = [w for w in widths if not isinstance(w, str)]
    share = (1 - sum(fixed)) / max(1, count - len(fixed))
    estimate = [TEXT_WIDTH_MM * (share if isinstance(w, str) else w) for w in widths] + [TEXT_WIDTH_MM * share] * (count - len(widths))
    return specs, estimate


def may_outgrow_a_page(cells: list[Tag], column_mm: list[float]) -> bool:
    """Whether a row's text might make it taller than `ROW_LIMIT_MM` (see there)."""
    column = 0
    for cell in cells:
        span = int(cell.get("colspan", 1))
        width = max(5.0, sum(column_mm[column : column + span]) - 3.0)
        column += span
        lines = len(cell.find_all("br")) + 1 + len(cell.get_text()) * _CHAR_MM / width
        if lines * _LINE_MM > ROW_LIMIT_MM:
            return True
    return False
