"""Reading the price sheet finance returns: CSV and XLSX, row numbers, formulas, bounds."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from handbook.core.errors import HandbookUserError
from handbook.data import sheet
from handbook.data.sheet import read_sheet


def test_csv_rows_keep_their_spreadsheet_row_numbers_and_blank_rows_are_skipped(tmp_path: Path):
    path = tmp_path / "prices.csv"
    path.write_text("\ufeffService,Amount\r\npayroll,7.60\r\n,\r\nlado,\"1,200\"\r\n", encoding="utf-8")
    header, rows = read_sheet(path)
    assert header == ["service", "amount"]
    assert [(r.number, r.cells) for r in rows] == [(2, {"service": "payroll", "amount": "7.60"}), (4, {"service": "lado", "amount": "1,200"})]


def test_xlsx_numbers_come_back_without_float_noise_and_formulas_are_named_not_evaluated(tmp_path: Path):
    book = Workbook()
    ws = book.active
    ws.append(["service", "amount"])
    ws.append(["payroll", 9.2185 * 0 + 9.22])
    ws.append(["lado", Decimal("1200")])
    ws.append(["music", "=B2*1.03"])
    ws2 = book.create_sheet("About")
    ws2.append(["not", "read"])
    path = tmp_path / "prices.xlsx"
    book.save(path)
    header, rows = read_sheet(path)
    assert [(r.number, r.cells["amount"], r.formulas) for r in rows] == [(2, "9.22", ()), (3, "1200", ()), (4, sheet.FORMULA, ("amount",))]


def test_what_is_not_a_sheet_is_refused_with_a_reason(tmp_path: Path):
    with pytest.raises(HandbookUserError, match=r"\.csv or \.xlsx"):
        read_sheet(tmp_path / "prices.ods")
    bad = tmp_path / "prices.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(HandbookUserError, match="not an Excel workbook"):
        read_sheet(bad)
    latin = tmp_path / "prices.csv"
    latin.write_bytes("service,amount\npayroll,£7\n".encode("latin-1"))
    with pytest.raises(HandbookUserError, match="not UTF-8"):
        read_sheet(latin)


def test_a_sheet_is_bounded_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "prices.csv"
    path.write_text("service,amount\n" + "payroll,1\n" * 30, encoding="utf-8")
    monkeypatch.setattr(sheet, "MAX_ROWS", 20)
    with pytest.raises(HandbookUserError, match="more than 20 rows"):
        read_sheet(path)
    monkeypatch.setattr(sheet, "MAX_SHEET_BYTES", 100)
    with pytest.raises(HandbookUserError, match="at most 0 MB"):
        read_sheet(path)
    long = tmp_path / "long.csv"
    long.write_text("service,amount\n" + "x" * 5000 + ",1\n", encoding="utf-8")
    monkeypatch.undo()
    assert len(read_sheet(long)[1][0].cells["service"]) == 500


def test_an_xlsx_that_unpacks_to_far_more_than_a_sheet_is_refused_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    book = Workbook()
    book.active.append(["service", "amount"])
    book.active.append(["payroll", "x" * 20_000])
    path = tmp_path / "bomb.xlsx"
    book.save(path)
    monkeypatch.setattr(sheet, "MAX_UNPACKED_BYTES", 10_000)
    with pytest.raises(HandbookUserError, match="unpacks to"):
        read_sheet(path)
