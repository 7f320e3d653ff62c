"""pricesheet: the price sheet's rows -> the bytes of a .csv or .xlsx file for finance to edit.

Input: the rows `handbook.data.prices.charges_for_sheet` gives (published charges only, with
their key columns and amount). Output: the file's content; the command writes it. Every text
cell goes through the one CSV rule (`escape.csv_cell`: a `'` before a value that starts like a
formula), in the .xlsx too, where a text starting with `=` would otherwise be stored as a
formula; `handbook.data.prices` takes that `'` off again when the sheet comes back. Amounts are
numbers in the .xlsx (so an uplift can be worked out beside them) and text in the .csv. No I/O.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from handbook.presentation import escape

# Finance reads the sheet: each column's note, on the .xlsx's second sheet.
COLUMN_NOTES = {
    "service": "The service's id in services.yaml. Do not change (part of the key).",
    "service_name": "The service's name, for reading. Ignored on import.",
    "offer": "The offer's id. Do not change (part of the key).",
    "label": "What the price is for, where the offer has several. Do not change (part of the key).",
    "unit": "What the price is multiplied by. Do not change (part of the key).",
    "settings": "The kinds of school that pay it. Do not change (part of the key).",
    "band": "The pupil-number band (0-150, 211+), if any. Do not change (part of the key).",
    "phase": "The phase the price is for, if any. Do not change (part of the key).",
    "amount": "The price in pounds: digits, at most pence (2230 or 9.20), no £ or commas, no formula. poa: price on application.",
}


def sheet_csv(columns: tuple[str, ...], rows: list[dict[str, str]]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([escape.csv_cell(row[c]) for c in columns])
    return out.getvalue()


def sheet_xlsx(columns: tuple[str, ...], rows: list[dict[str, str]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Prices"
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    amount_at = columns.index("amount")
    for r, row in enumerate(rows, start=2):
        values: list[object] = [escape.csv_cell(row[c]) for c in columns]
        amount = row["amount"]
        if amount and amount[0].isdigit():
            values[amount_at] = Decimal(amount)
        sheet.append(values)
        if not isinstance(values[amount_at], str):
            sheet.cell(row=r, column=amount_at + 1).number_format = "0.00"
    for line in sheet.iter_rows(min_row=2):
        if any(cell.data_type == "f" for cell in line):  # never: every text was escaped; a formula here is a bug
            raise AssertionError("a formula reached the price sheet")
    sheet.freeze_panes = "A2"
    widths = {"service": 28, "service_name": 40, "offer": 24, "label": 30, "unit": 24, "settings": 26, "band": 10, "phase": 12, "amount": 12}
    for i, name in enumerate(columns):
        sheet.column_dimensions[chr(ord("A") + i)].width = widths.get(name, 14)
    notes = book.create_sheet("About")
    notes.append(["column", "what it is"])
    for name in columns:
        notes.append([name, COLUMN_NOTES.get(name, "")])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
