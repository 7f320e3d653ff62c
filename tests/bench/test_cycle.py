"""bench.cycle: the yearly cycle's commands run whole, on a copy of the data, and a raised sheet."""

from __future__ import annotations

import csv
from pathlib import Path

from bench.cycle import raised_sheet, size_rows, timed


def test_each_command_runs_on_its_own_copy_and_gets_a_row(sample_data: Path, tmp_path: Path):
    before = {p: p.read_bytes() for p in sample_data.rglob("*.yaml")}
    rows = size_rows("sample", sample_data, tmp_path / "work", past_limits=False)
    assert [name for name, _, _ in rows] == ["sample: prices export .csv", "sample: prices export .xlsx", "sample: prices import",
                                           "sample: prices uplift 3 --round 5", "sample: edition start"]
    assert all(figure.endswith(" s") and float(figure[:-2]) > 0 for _, figure, _ in rows)
    assert rows[2][2] == "153 amounts changed"
    assert (tmp_path / "work" / "edition" / "archive" / "2026-27" / "services.yaml").is_file()
    assert {p: p.read_bytes() for p in sample_data.rglob("*.yaml")} == before  # the sample itself is never changed


def test_raised_sheet_changes_every_amount_and_nothing_else(tmp_path: Path):
    sheet = tmp_path / "p.csv"
    sheet.write_text("service,amount\r\na,100\r\nb,poa\r\nc,9.95\r\n", encoding="utf-8")
    assert raised_sheet(sheet) == 2
    assert list(csv.reader(sheet.open(encoding="utf-8", newline=""))) == [["service", "amount"], ["a", "103.00"], ["b", "poa"], ["c", "10.25"]]


def test_a_failing_command_stops_the_bench_with_its_message(tmp_path: Path):
    import pytest

    with pytest.raises(SystemExit, match="prices import"):
        timed(["prices", "import", str(tmp_path / "missing.csv"), "--data", str(tmp_path)])
