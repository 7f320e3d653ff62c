"""handbook quote: the school's answers checked, one engine call, the quote printed; exit 0, 1 or 2."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from handbook.commands.cli import main
from handbook.commands.quote import parse_quantity, parse_school, school_quote
from handbook.core.errors import HandbookUserError
from handbook.data.model.types import Phase, Setting
from handbook.views.quote import Quantity, item_keys

SCHOOL = ["--phase", "primary", "--setting", "academy", "--pupils", "210"]


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["quote", *args])
    out = capsys.readouterr()
    return status, out.out, out.err


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_text_quote_names_the_school_and_ends_with_the_rounding_rule_and_total(capsys, sample_data):
    status, out, err = run(capsys, *SCHOOL, "--data", str(sample_data))
    assert status == 0 and err == ""
    assert out.startswith("Primary academy, 210 pupils on roll\n")
    assert "Rounding: " in out and "Total of the " in out and " priced items listed: net £" in out


def test_csv_quote_rows_add_up_to_its_total_row(capsys, sample_data):
    status, out, _ = run(capsys, *SCHOOL, "--format", "csv", "--data", str(sample_data))
    table = rows(out)
    assert status == 0 and table[0][0] == "service_id" and table[-1][0] == "total"
    priced = [r for r in table[1:-1] if r[8]]
    assert priced and Decimal(table[-1][10]) == sum(Decimal(r[10]) for r in priced)


def test_json_quote_is_one_document(capsys, sample_data):
    status, out, _ = run(capsys, *SCHOOL, "--format", "json", "--data", str(sample_data))
    document = json.loads(out)
    assert status == 0 and document["school"] == {"phase": "primary", "setting": "academy", "pupils": 210}


def test_service_picks_services_and_items_by_any_key_and_the_total_is_theirs(capsys, sample_handbook, sample_data):
    keys = item_keys(sample_handbook)
    service_id, item = keys[0].split("/")[0], keys[-1]
    status, out, _ = run(capsys, *SCHOOL, "--format", "csv", "--data", str(sample_data), "--service", service_id, "--service", item)
    table = rows(out)
    assert status == 0
    assert {r[0] for r in table[1:-1]} == {service_id, item.split("/")[0]}
    assert {r[2] for r in table[1:-1] if r[0] == item.split("/")[0]} == {item}


def test_quantity_multiplies_the_chosen_number_and_periods(capsys, sample_handbook, sample_data):
    answer = school_quote(sample_data, "primary", "maintained", "210")
    line = next(l for l in answer.quote.lines if l.priced and l.charge.unit.per is not None and l.charge.unit.per.source.value == "chosen" and l.charge.minimum is None and l.charge.cap is None)
    status, out, _ = run(capsys, "--phase", "primary", "--setting", "maintained", "--pupils", "210", "--format", "csv", "--data", str(sample_data), "--service", line.item.key, "--quantity", f"{line.item.key}=7x2")
    (row,) = [r for r in rows(out)[1:-1] if r[2] == line.item.key]
    periods = 2 if line.charge.unit.period not in (None,) and line.charge.unit.period.value != "year" else 1
    assert status == 0 and (row[6], row[7]) == ("7", str(periods))
    assert Decimal(row[8]) == line.charge.amount * 7 * periods


def test_a_free_school_is_quoted_academy_prices(sample_data):
    academy = school_quote(sample_data, "primary", "academy", "210").quote
    free = school_quote(sample_data, "primary", "free school", "210").quote
    priced = {l.item.key: l.charge for l in academy.lines if l.priced}
    both = [l for l in free.lines if l.priced and l.item.key in priced]
    assert both and all(l.charge == priced[l.item.key] for l in both)


@pytest.mark.parametrize(("args", "says"), [
    (["--phase", "primery", "--setting", "academy", "--pupils", "210"], "--phase 'primery' is not a phase; did you mean 'primary'?"),
    (["--phase", "primary", "--setting", "acadamy", "--pupils", "210"], "--setting 'acadamy' is not a kind of school; did you mean 'academy'?"),
    (["--phase", "primary", "--setting", "academy", "--pupils", "-1"], "--pupils -1 is not a number on roll: it must be from 0 to 100,000"),
    (["--phase", "primary", "--setting", "academy", "--pupils", "100001"], "--pupils 100,001 is not a number on roll"),
    (["--phase", "primary", "--setting", "academy", "--pupils", "many"], "--pupils 'many' is not a number of pupils"),
    (["--phase", "primary", "--setting", "academy"], "give --pupils"),
    ([*SCHOOL, "--quantity", "no-such-item=2"], "'no-such-item' is not an item of the catalogue"),
    ([*SCHOOL, "--quantity", "attendance-support=2"], "'attendance-support' matches"),
    ([*SCHOOL, "--quantity", "attendance-support"], "should be written ITEM=N or ITEM=NxM"),
    ([*SCHOOL, "--quantity", "cpd-places=2x"], "should be written ITEM=N or ITEM=NxM"),
    ([*SCHOOL, "--quantity", "cpd-places=100001"], "give at most 100,000"),
    ([*SCHOOL, "--service", "atendance-support"], "--service 'atendance-support' is not a service or item of the catalogue; did you mean 'attendance-support'?"),
])
def test_bad_answers_exit_2_with_one_clear_line(capsys, sample_data, args, says):
    status, out, err = run(capsys, *args, "--data", str(sample_data))
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("handbook: ") and says in err


def test_answers_are_read_leniently_where_the_meaning_is_plain():
    assert parse_school(" Post 16 ", "Free_School", "1,250") .__eq__(parse_school("post-16", "free-school", "1250"))
    assert parse_school("early years", "other authority", "0").kind is Setting.OTHER_AUTHORITY
    assert parse_school("early years", "other authority", "0").phase is Phase.EARLY_YEARS
    assert parse_quantity("cpd-places=3") == ("cpd-places", Quantity(3, None))
    assert parse_quantity("outdoor-education/residential = 30x5") == ("outdoor-education/residential", Quantity(30, 5))
    assert parse_quantity("x=3×2") == ("x", Quantity(3, 2))
    with pytest.raises(HandbookUserError):
        parse_quantity("x=-3")


def test_data_with_errors_exits_1_with_the_validation_report(capsys, data_copy: Path):
    services = data_copy / "services.yaml"
    text = services.read_text(encoding="utf-8")
    services.write_text(text.replace("unit: per day\n", "unit: per dya\n", 1), encoding="utf-8")
    status, out, err = run(capsys, *SCHOOL, "--data", str(data_copy))
    assert status == 1 and out == ""
    assert "the data has errors" in err and "services.yaml:" in err and "'per dya'" in err


def test_the_command_never_prints_a_traceback(sample_data):
    done = subprocess.run([sys.executable, "-m", "handbook", "quote", "--phase", "nursery", "--setting", "academy", "--pupils", "1", "--data", str(sample_data)], capture_output=True, text=True)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
