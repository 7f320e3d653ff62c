"""The exported price sheet: CSV and XLSX with every published charge, formulas neutralised."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import load_workbook

from handbook.data.prices import COLUMNS, charges_for_sheet
from handbook.presentation.pricesheet import sheet_csv, sheet_xlsx

HOSTILE = {"service": "payroll", "service_name": "=HYPERLINK(\"http://evil.example\")", "offer": "o", "label": "+cmd|' /C calc'!A0",
           "unit": "per day", "settings": "maintained", "band": "", "phase": "", "amount": "12.50"}


def test_csv_has_the_key_columns_and_every_published_charge(sample_handbook):
    rows = charges_for_sheet(sample_handbook)
    read = list(csv.DictReader(io.StringIO(sheet_csv(COLUMNS, rows))))
    assert tuple(read[0]) == COLUMNS and len(read) == len(rows) == 155
    payroll = [r for r in read if r["service"] == "payroll"]
    assert [(r["offer"], r["unit"], r["settings"], r["amount"]) for r in payroll] == [
        ("payroll-sla", "per pupil per year", "maintained", "7.60"), ("payroll-sla", "per pupil per year", "academy, free-school", "8.95")]


def test_a_cell_that_starts_like_a_formula_is_neutralised_in_both_files(tmp_path: Path):
    row = next(csv.DictReader(io.StringIO(sheet_csv(COLUMNS, [HOSTILE]))))
    assert row["service_name"].startswith("'=") and row["label"].startswith("'+")
    path = tmp_path / "prices.xlsx"
    path.write_bytes(sheet_xlsx(COLUMNS, [HOSTILE]))
    ws = load_workbook(path).worksheets[0]
    cells = {c.value: c for c in ws[1]}
    values = [c for c in ws[2]]
    assert all(c.data_type != "f" for c in values)
    assert values[1].value == "'=HYPERLINK(\"http://evil.example\")" and values[3].value.startswith("'+")
    assert values[8].value == 12.5 and values[8].number_format == "0.00" and "amount" in cells
