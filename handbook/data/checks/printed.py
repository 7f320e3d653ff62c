"""What the PDF prints is bounded: charges in all, and the lines of the Markdown it prints.

Input: the validated records (`Context`). Output: a `Problem` at the first charge over the
handbook's total, at the text value where the files printed besides services.yaml pass their
characters together (`MAX_PRINTED_TEXT`), and at each printed Markdown text with too many lines
or a table too wide (how to buy a service, printed in every entry of the catalogue, takes no
table and no heading). Never reads files or renders Markdown: lines and columns are counted in
the text as written.

Why these rules and not bytes: the PDF's memory grows with its pages (Typst holds about
2-3.5 MB a page), and a few bytes can print a line: a charge is a row of its service's table and
of the price list, a short Markdown line (a table row, a list item) is a printed line, and a
table's header sets how many cells every one of its rows prints (a 1,000-service file of
12-line, 8-column tables in how_to_buy printed 683 pages and took 3.2 GB; 12 headings each ran
out of memory). Counting these bounds the pages of the largest valid input (`make bench`
measures it); a limit on a file's bytes alone would have to be too small for a council's real
data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from handbook.core.errors import Problem
from handbook.core.limits import MAX_HOW_TO_BUY_LINES, MAX_PRINTED_LINES, MAX_PRINTED_TEXT, MAX_TABLE_COLUMNS, MAX_TOTAL_CHARGES, PRINTED_FILES
from handbook.data.checks import Context

# A table's delimiter row (`|---|:--:|`, `--- | ---`): Python-Markdown's tables extension needs
# one under the header, and its cells set the table's columns.
_DELIMITER = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_CELL = re.compile(r":?-+:?")
# A heading: `# Title`, or a line of `=` or `-` under a line of text.
_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")


def lines(text: str) -> int:
    """Lines of a text as an officer's editor shows them (blank lines count: they print as space)."""
    return text.rstrip("\n").count("\n") + 1


def widest_table(text: str) -> tuple[int, int]:
    """(columns, line of its header) of the text's widest table; (0, 0) without a table."""
    widest = (0, 0)
    for number, line in enumerate(text.split("\n"), start=1):
        if "|" in line and _DELIMITER.match(line):
            columns = len(_CELL.findall(line))
            if columns > widest[0]:
                widest = (columns, max(1, number - 1))  # the header row is above it
    return widest


def first_heading(text: str) -> int:
    """The line of the text's first heading, or 0 without one."""
    previous = ""
    for number, line in enumerate(text.split("\n"), start=1):
        if _ATX.match(line):
            return number
        if _UNDERLINE.match(line) and previous.strip() and not previous.lstrip().startswith(("-", "*", "+", ">")):
            return number - 1
        previous = line
    return 0


def _text(ctx: Context, stem: str, path: tuple, text: str | None, limit: int, what: str, blocks: bool = True) -> Iterator[Problem]:
    if text is None:  # a wrong value, reported as such
        return
    count = lines(text)
    if count > limit:
        yield ctx.problem(
            stem, path,
            f"{what} has {count:,} lines; the PDF prints it, and the handbook's limit is {limit:,} lines; shorten it or put the detail on the website",
            "too-many-lines",
        )
    heading = first_heading(text) if not blocks else 0
    if heading:
        yield ctx.problem(
            stem, path,
            f"{what} has a heading (line {heading} of the text); the PDF's catalogue prints it as part of the service's entry, "
            "where a heading would make a section of its own; write it as sentences or a list",
            "heading-not-allowed",
        )
    columns, line = widest_table(text)
    if columns and not blocks:
        yield ctx.problem(
            stem, path,
            f"{what} has a table (line {line} of the text); the PDF's catalogue prints it as a line of text, where a table does not fit; "
            "write it as sentences or a list, and put a table of prices in the service's charges",
            "table-not-allowed",
        )
    elif columns > MAX_TABLE_COLUMNS:
        yield ctx.problem(
            stem, path,
            f"the table on line {line} of the text has {columns} columns; the PDF prints at most {MAX_TABLE_COLUMNS} side by side; split it or make it a list",
            "table-too-wide",
        )


def _charges(ctx: Context) -> Iterator[Problem]:
    total = 0
    for s, service in ctx.items("services", "services"):
        for o, offer in enumerate(service.offers):
            if total + len(offer.charges) > MAX_TOTAL_CHARGES:
                path = ("services", s, "offers", o, "charges", MAX_TOTAL_CHARGES - total)
                yield ctx.problem(
                    "services", path,
                    f"this is charge {MAX_TOTAL_CHARGES + 1:,} of the handbook; the PDF prints every charge twice (under its service "
                    f"and in the price list), and the handbook's limit is {MAX_TOTAL_CHARGES:,} charges in all; remove or merge some",
                    "too-many-charges",
                )
                return
            total += len(offer.charges)


def text_characters(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, int]]:
    """(path, characters) of every text value in a file's values, in the file's order (keys and
    numbers are not counted)."""
    if isinstance(value, str):
        yield path, len(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from text_characters(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from text_characters(item, (*path, i))


def _printed_text(ctx: Context) -> Iterator[Problem]:
    total = 0
    for stem in PRINTED_FILES:
        doc = ctx.documents.get(stem)
        for path, count in text_characters(doc.value if doc else None):
            total += count
            if total > MAX_PRINTED_TEXT:
                yield ctx.problem(
                    stem, path,
                    f"here the text of {', '.join(f'{s}.yaml' for s in PRINTED_FILES)} passes {MAX_PRINTED_TEXT:,} characters together, "
                    "the handbook's limit for what the PDF prints from them; shorten or remove entries (a council's real ones hold a fraction of it)",
                    "too-much-text",
                )
                return


def check(ctx: Context) -> Iterator[Problem]:
    yield from _charges(ctx)
    yield from _printed_text(ctx)
    for s, service in ctx.items("services", "services"):
        yield from _text(ctx, "services", ("services", s, "how_to_buy"), service.how_to_buy, MAX_HOW_TO_BUY_LINES, "how to buy the service", blocks=False)
    if ctx.has("authority"):
        yield from _text(ctx, "authority", ("foreword", "text"), ctx.models["authority"].foreword.text, MAX_PRINTED_LINES, "the foreword")
    if ctx.has("protocols"):
        framework = ctx.models["protocols"].concern_framework
        yield from _text(ctx, "protocols", ("concern_framework", "introduction"), framework.introduction, MAX_PRINTED_LINES, "the framework's introduction")
