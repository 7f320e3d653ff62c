"""tables: how the book's tables are laid out on the page: column widths, rows kept whole, cells.

Input: a table's set widths (the data's tables: `WIDTHS`) or none (a prose table sizes its
columns to its text), and each row's cells as sizes (characters, line breaks, columns spanned).
Output: Typst column specifications, whether a row may break across pages, and a cell's markup
(`cell`). Nothing here reads files or escapes text: a cell's content arrives as markup.
"""

from __future__ import annotations

from handbook.pdf.markup import string

# Column widths of the tables the book makes from data, by kind (fractions of the width; the
# remaining columns share what is left equally).
WIDTHS: dict[str, tuple[float | str, ...]] = {
    "charges": (0.30, 0.16),
    "price-list": (0.07, 0.27, 0.20, 0.09, 0.12),
    "contact-points": (0.21, 0.29, 0.30),
    # An e-mail address cannot break, so its column takes the width of the longest.
    "contacts": (0.28, 0.16, "auto"),
}
# The most one of the shared columns may take (a fraction of the width), by kind: a charges table
# has a price column for each kind of school some price is for (one to four), and a lone price
# in half the page would stand far from what it is for; the first column takes what is left.
SHARE_MAX: dict[str, float] = {"charges": 0.17}
TEXT_WIDTH_MM = 172.0  # A4 less the book's side margins (book.typ)
# A row is kept whole on one page unless it may be taller than this: Typst would print the rest
# of an unbreakable row past the foot of the page, so such a row (rare: a cell of thousands of
# characters) continues on the next. Estimated from its text, generously.
ROW_LIMIT_MM = 120.0
_CHAR_MM, _LINE_MM = 1.6, 4.2  # an 8.5pt character at its widest, a line of table text
_DIGIT_MM, _DOT_MM, _INSET_MM = 1.6, 0.9, 1.5  # an 8.5pt digit and full stop, generously; a cell's side inset (book.typ)

CellSize = tuple[int, int, int]  # (characters, line breaks, columns spanned)


def columns(kind: str | None, count: int) -> tuple[list[str], list[float]]:
    """(Typst column specifications, each column's width in mm as an estimate) for a table.

    The data's tables (`kind` in `WIDTHS`) have set widths and share the rest, each shared
    column at most `SHARE_MAX` of the width (the first column takes any width left over); a
    prose table's columns size to their text (`auto`).
    """
    widths = list(WIDTHS.get(kind or "", ())[:count])
    fixed = [w for w in widths if not isinstance(w, str)]
    share = (1 - sum(fixed)) / max(1, count - len(fixed))
    cap = SHARE_MAX.get(kind or "")
    if cap is not None and share > cap and count > len(widths) and widths and not isinstance(widths[0], str):
        widths[0] += (share - cap) * (count - len(widths))
        share = cap
        specs = [f"{w * 100:.1f}%" if not isinstance(w, str) else w for w in widths] + [f"{cap * 100:.1f}%"] * (count - len(widths))
    else:
        specs = [w if isinstance(w, str) else f"{w * 100:.1f}%" for w in widths] + (["1fr"] if widths else ["auto"]) * (count - len(widths))
    estimate = [TEXT_WIDTH_MM * (share if isinstance(w, str) else w) for w in widths] + [TEXT_WIDTH_MM * share] * (count - len(widths))
    return specs, estimate


def widen_first(specs: list[str], column_mm: list[float], text: str) -> tuple[list[str], list[float]]:
    """A set-width table's first column widened, where needed, to hold `text` (digits and dots, as
    a service's number `9.11.122`) on one line, the width taken from the second column.

    Why: a number cannot break, and at set widths the longest overran into the next column.
    """
    need = sum(_DOT_MM if char == "." else _DIGIT_MM for char in text) + 2 * _INSET_MM
    extra = need - column_mm[0]
    if extra <= 0:
        return specs, column_mm
    column_mm = [need, column_mm[1] - extra, *column_mm[2:]]
    return [f"{mm / TEXT_WIDTH_MM * 100:.1f}%" for mm in column_mm[:2]] + specs[2:], column_mm


def may_outgrow_a_page(cells: list[CellSize], column_mm: list[float]) -> bool:
    """Whether a row's text might make it taller than `ROW_LIMIT_MM` (see there)."""
    column = 0
    for characters, breaks, span in cells:
        width = max(5.0, sum(column_mm[column : column + span]) - 3.0)
        column += span
        lines = breaks + 1 + characters * _CHAR_MM / width
        if lines * _LINE_MM > ROW_LIMIT_MM:
            return True
    return False


def cell(content: str, *, breakable: bool = False, colspan: int = 1, right: bool = False) -> str:
    """A table cell of markup `content`: `[…]`, or `table.cell(…)[…]` when it needs options."""
    options = ["breakable: true"] if breakable else []
    if colspan > 1:
        options.append(f"colspan: {colspan}")
    if right:
        options.append("align: right")
    return f"table.cell({', '.join(options)})[{content}]" if options else f"[{content}]"


def table(kind: str, header: bool, specs: list[str], cells: list[str]) -> str:
    """The `hb-table` call of a table: its kind (`book.typ` sets contacts smaller), columns and
    cells (the first a `table.header(…)` when `header`)."""
    return f"\n#hb-table({string(kind)}, header: {'true' if header else 'false'}, columns: ({', '.join(specs)},), {', '.join(cells)})\n"
