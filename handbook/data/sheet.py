"""sheet: a price sheet finance edited (.csv or .xlsx) -> its rows as text, with their row numbers.

Input: the file `handbook prices export` wrote, after a spreadsheet has been at it. Output: the
header's names and a `SheetRow` per non-empty row (its row number as the spreadsheet shows it,
header = row 1), or a `HandbookUserError` saying why the file cannot be read at all.

The sheet is untrusted input, like the YAML: it is bounded before it is read (file size, rows,
columns, the length of a cell), a cell holding a formula is reported rather than evaluated or
taken at its cached value (what finance sees may not be what the file holds), an .xlsx that would unpack to more than
a price sheet ever holds is refused before it is parsed, and every cell
becomes text for `handbook.data.prices` to check. XLSX is read with openpyxl in read-only
mode (streamed; it does not evaluate formulas). Nothing is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from handbook.core.errors import HandbookUserError
from handbook.core.limits import MAX_TEXT, MAX_TOTAL_CHARGES

MAX_SHEET_BYTES = 5 * 1024 * 1024  # an xlsx of every charge the limits allow is about 200 KB
MAX_ROWS = MAX_TOTAL_CHARGES + 100  # every charge, and room for finance's notes below
MAX_COLUMNS = 40
MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # the XML inside an .xlsx: about 1 MB for every charge the limits allow


@dataclass(frozen=True)
class SheetRow:
    number: int  # the row as the spreadsheet numbers it (the header is row 1)
    cells: dict[str, str]  # column name -> text (a formula cell: FORMULA)
    formulas: tuple[str, ...] = ()  # columns whose cell holds a formula


FORMULA = "\0formula"


def _text(value: object) -> str:
    """A cell as text: numbers without a float's noise (9.2 not 9.199999), dates as 2027-04-01."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f") if value == value else ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _rows_csv(path: Path) -> list[list[object]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise HandbookUserError(f"{path} is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\"", status=1) from None
    rows = []
    try:
        for row in csv.reader(io.StringIO(text, newline="")):
            rows.append(row)
            if len(rows) > MAX_ROWS + 1:
                break
    except csv.Error as error:
        raise HandbookUserError(f"{path} is not a CSV file the handbook can read: {error}", status=1) from None
    return rows


def _rows_xlsx(path: Path) -> tuple[list[list[object]], set[tuple[int, int]]]:
    """Cell values by row, and the (row, column) of each formula (openpyxl keeps its text, `=…`)."""
    from zipfile import BadZipFile, ZipFile

    from openpyxl import load_workbook

    try:
        with ZipFile(path) as archive:  # an .xlsx is a zip: bound what it unpacks to before reading it
            unpacked = sum(member.file_size for member in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise HandbookUserError(f"{path} unpacks to {unpacked // (1024 * 1024)} MB; a price sheet is far smaller: export a fresh one", status=1)
        book = load_workbook(path, read_only=True, data_only=False)
    except (BadZipFile, KeyError, ValueError, OSError) as error:
        raise HandbookUserError(f"{path} is not an Excel workbook the handbook can read ({error}); save it as .xlsx or .csv", status=1) from None
    try:
        sheet = book.worksheets[0]
        rows, formulas = [], set()
        for r, row in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), start=1):
            values = []
            for c, cell in enumerate(row):
                value = getattr(cell, "value", None)
                if getattr(cell, "data_type", None) == "f":
                    formulas.add((r, c))
                values.append(value)
            rows.append(values)
            if r > MAX_ROWS + 1:
                break
    finally:
        book.close()
    return rows, formulas


def read_sheet(path: Path | str) -> tuple[list[str], list[SheetRow]]:
    """(column names, rows) of the first sheet of `path` (.csv or .xlsx); see the module."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise HandbookUserError(f"{path.name}: the price sheet is read from a .csv or .xlsx file", status=2)
    if not path.is_file():
        raise HandbookUserError(f"there is no file {path}", status=2)
    if path.stat().st_size > MAX_SHEET_BYTES:
        raise HandbookUserError(f"{path} is {path.stat().st_size // 1024} KB; a price sheet is at most {MAX_SHEET_BYTES // (1024 * 1024)} MB: export a fresh one", status=1)
    rows, formulas = (_rows_csv(path), set()) if suffix == ".csv" else _rows_xlsx(path)
    if len(rows) > MAX_ROWS + 1:
        raise HandbookUserError(f"{path} has more than {MAX_ROWS:,} rows; a price sheet has one row per charge", status=1)
    if not rows:
        raise HandbookUserError(f"{path} is empty; export the price sheet with `handbook prices export`", status=1)
    header = [_text(v).strip().lower() for v in rows[0][:MAX_COLUMNS]]
    out = []
    for r, row in enumerate(rows[1:], start=2):
        cells, bad = {}, []
        for c, name in enumerate(header):
            value = row[c] if c < len(row) else None
            if (r, c) in formulas:
                cells[name], _ = FORMULA, bad.append(name)
                continue
            text = _text(value).strip()
            if len(text) > MAX_TEXT:
                text = text[:MAX_TEXT]  # longer than any key or amount: it matches nothing and is reported
            cells[name] = text
        if any(v for v in cells.values()):
            out.append(SheetRow(r, cells, tuple(bad)))
    return header, out
