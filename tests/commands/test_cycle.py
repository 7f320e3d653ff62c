"""The yearly cycle from the command line: `handbook edition start` and `handbook prices`, as an
officer and finance would use them, on a copy of the sample data (`handbook init` is tested in tests/site/test_starter.py)."""

from __future__ import annotations

import shutil
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from openpyxl import load_workbook

from handbook.commands.cli import main
from handbook.data.validate import load_handbook


def _amounts(data: Path) -> dict[tuple, Decimal | None]:
    handbook = load_handbook(data)
    return {(s.id, o.id, c.label, c.unit.value, tuple(c.settings), c.band, c.phase): c.amount for s in handbook.services.services for o in s.offers for c in o.charges}


def test_finance_edits_the_sheet_and_the_import_applies_it_rejecting_bad_rows(data_copy: Path, tmp_path: Path, capsys):
    original = tmp_path / "before"
    shutil.copytree(data_copy, original)
    sheet = tmp_path / "prices-2027-28.xlsx"
    assert main(["prices", "export", str(sheet), "--data", str(data_copy)]) == 0
    assert "Wrote 155 prices" in capsys.readouterr().out

    # Finance: 3% on the 153 published amounts (worked out in the spreadsheet, pasted as values), two exceptions,
    # one amount typed with a pound sign, and a row for an offer that does not exist.
    book = load_workbook(sheet)
    ws = book["Prices"]
    head = [c.value for c in ws[1]]
    col = {name: i for i, name in enumerate(head)}
    rows = {r[0].row: r for r in ws.iter_rows(min_row=2)}

    def find(service: str, settings: str) -> int:
        return next(n for n, r in rows.items() if r[col["service"]].value == service and r[col["settings"]].value == settings)

    for row in rows.values():
        cell = row[col["amount"]]
        if isinstance(cell.value, (int, float)):
            cell.value = float((Decimal(repr(cell.value)) * Decimal("1.03")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    payroll = find("payroll", "maintained")
    grounds = find("grounds-maintenance", "maintained")
    bad = find("school-finance-support", "academy")
    nowhere = find("music-service", "maintained")
    ws.cell(payroll, col["amount"] + 1, 7.90)  # an exception: +3.9%, above the threshold
    ws.cell(grounds, col["amount"] + 1, 4300)  # an exception: frozen
    ws.cell(bad, col["amount"] + 1, "£2,700")
    ws.cell(nowhere, col["offer"] + 1, "instrumental-teeching")
    book.save(sheet)

    assert main(["prices", "import", str(sheet), "--data", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"Imported {sheet}: 150 prices changed, 2 rows not applied.")
    assert f"  row {bad}: amount: '£2,700' has '£' or commas in it; write 2700" in out
    assert f"  row {nowhere}: matches no charge (service 'music-service', offer 'instrumental-teeching'" in out

    before, after = _amounts(original), _amounts(data_copy)
    changed = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
    assert len(changed) == 150
    assert changed[("payroll", "payroll-sla", None, "per pupil per year", ("maintained",), None, None)] == (Decimal("7.60"), Decimal("7.90"))
    assert all(v[0] is not None and v[1] == (v[0] * Decimal("1.03")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) for k, v in changed.items() if k[0] != "payroll" or "maintained" not in k[4])
    grounds_key = next(k for k in before if k[0] == "grounds-maintenance" and k[4] == ("maintained",))
    assert after[grounds_key] == before[grounds_key] == Decimal(4300)

    # The import said it in `handbook diff`'s words, and the diff says the same.
    flagged = "  ! Schools Payroll and Pensions / Payroll service level agreement / per pupil per year, maintained schools: £7.60 -> £7.90 (+3.9%)"
    assert flagged in out and "150 prices changed, 1 rise above 3.8%." in out
    assert main(["diff", str(original), str(data_copy)]) == 0
    diff = capsys.readouterr().out
    assert flagged in diff and diff.split("\n", 1)[1] in out

    # Imported again after fixing nothing: the applied rows change nothing more.
    assert main(["prices", "import", str(sheet), "--data", str(data_copy)]) == 1
    assert capsys.readouterr().out.startswith(f"Imported {sheet}: 0 prices changed, 2 rows not applied.")


def test_the_unchanged_csv_sheet_imports_as_no_change_and_keeps_every_byte(data_copy: Path, tmp_path: Path, capsys):
    before = (data_copy / "services.yaml").read_bytes()
    sheet = tmp_path / "prices.csv"
    assert main(["prices", "export", str(sheet), "--data", str(data_copy)]) == 0
    assert main(["prices", "import", str(sheet), "--data", str(data_copy)]) == 0
    assert capsys.readouterr().out.endswith("0 prices changed.\n")
    assert (data_copy / "services.yaml").read_bytes() == before


def test_uplift_by_command_reports_in_the_diffs_words(data_copy: Path, capsys):
    assert main(["prices", "uplift", "4", "--round", "10", "--service", "payroll", "--data", str(data_copy)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Uplift of 4% (rounded to 10p): 2 prices changed.")
    assert "  ! Schools Payroll and Pensions / Payroll service level agreement / per pupil per year, maintained schools: £7.60 -> £7.90 (+3.9%)" in out
    assert "£8.95 -> £9.30 (+3.9%)" in out


def test_edition_start_archives_moves_on_and_the_diff_shows_no_change(data_copy: Path, capsys):
    assert main(["edition", "start", "2027-28", "--data", str(data_copy)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Started the 2027-28 edition. The 2026-27 edition is archived, unchanged, in {data_copy}/archive/2026-27/ (7 files).") or "archived, unchanged, in" in out
    assert "  edition.id: 2026-27 -> 2027-28" in out and "  63 × valid_from: 2026-04-01 -> 2027-04-01" in out
    assert main(["diff", str(data_copy / "archive" / "2026-27"), str(data_copy)]) == 0
    assert capsys.readouterr().out == "What changed from the 2026-27 edition to the 2027-28 edition\nNothing changed.\n"
    assert main(["edition", "start", "2028-29", "--data", str(data_copy)]) == 0  # the year after, from the new edition
    capsys.readouterr()
    (data_copy / "archive" / "2028-29").mkdir()
    assert main(["edition", "start", "2029-30", "--data", str(data_copy)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["edition", "start", "2029", "--data", str(data_copy)]) == 2
