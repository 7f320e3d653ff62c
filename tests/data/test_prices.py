"""The price sheet's engine: keys, matching rows to charges, amounts checked, uplifts, writing."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from handbook.core.errors import HandbookUserError
from handbook.data import prices
from handbook.data.sheet import SheetRow
from handbook.data.validate import load_handbook


def _rows(handbook, change: dict[int, dict[str, str]] | None = None) -> list[SheetRow]:
    rows = prices.charges_for_sheet(handbook)
    return [SheetRow(i + 2, {**row, **(change or {}).get(i, {})}) for i, row in enumerate(rows)]


def _index(handbook, service: str, unit: str, settings: str) -> int:
    rows = prices.charges_for_sheet(handbook)
    return next(i for i, r in enumerate(rows) if (r["service"], r["unit"], r["settings"]) == (service, unit, settings))


def test_every_published_charge_has_a_key_of_its_own(sample_handbook):
    charged = prices.priced_charges(sample_handbook)
    assert len({p.key for p in charged}) == len(charged) == 155
    assert all(p.service.is_public for p in charged)
    internal = {s.id for s in sample_handbook.services.services if not s.is_public}
    assert internal and not internal & {row["service"] for row in prices.charges_for_sheet(sample_handbook)}


def test_the_unchanged_sheet_changes_nothing(sample_handbook):
    assert prices.read_prices(sample_handbook, list(prices.COLUMNS), _rows(sample_handbook)) == ([], [])


def test_a_changed_amount_is_found_by_its_key_whatever_the_case_spaces_and_order_of_kinds(sample_handbook):
    i = _index(sample_handbook, "school-improvement-consultancy", "per half day", "academy, free-school")
    rows = _rows(sample_handbook, {i: {"amount": "400", "settings": " Free-School,academy ", "unit": "Per  half day"}})
    new, rejected = prices.read_prices(sample_handbook, list(prices.COLUMNS), rows)
    assert rejected == [] and [(p.charge.service.id, p.charge.charge.unit.value, p.amount) for p in new] == [("school-improvement-consultancy", "per half day", Decimal(400))]


@pytest.mark.parametrize("amount, message", [
    ("£2,300", "'£2,300' has '£' or commas in it; write 2300"),
    ("-5", "'-5' is negative"),
    ("9.999", "more than two decimal places"),
    ("lots", "'lots' is not an amount in pounds"),
    ("=2150*1.03", "'=2150*1.03' is not an amount in pounds"),
    ("2000000", "more than £1,000,000"),
])
def test_a_bad_amount_is_rejected_with_its_row_number(sample_handbook, amount: str, message: str):
    rows = _rows(sample_handbook, {3: {"amount": amount}})
    new, rejected = prices.read_prices(sample_handbook, list(prices.COLUMNS), rows)
    assert new == [] and [r.row for r in rejected] == [5] and message in rejected[0].message


def test_rows_matching_nothing_or_twice_or_holding_a_formula_are_rejected(sample_handbook):
    rows = _rows(sample_handbook)
    rows.append(SheetRow(200, {**rows[0].cells, "service": "swimming-programme"}))
    rows.append(SheetRow(201, {**rows[1].cells, "amount": "1"}))
    rows.append(SheetRow(202, {**rows[2].cells, "amount": "\0formula"}, ("amount",)))
    new, rejected = prices.read_prices(sample_handbook, list(prices.COLUMNS), rows)
    assert [r.row for r in rejected] == [200, 201, 202]
    assert "matches no charge (service 'swimming-programme'" in rejected[0].message
    assert rejected[1].message == "is the same charge as row 3; keep one of them"
    assert "holds a formula" in rejected[2].message
    assert new == []


def test_a_key_two_charges_share_is_rejected_not_guessed(data_copy: Path):
    path = data_copy / "services.yaml"
    text = path.read_text(encoding="utf-8")
    block = "          - label: Preventive place\n            amount: 110\n            unit: per place per day\n            settings: [maintained]\n"
    assert block in text
    path.write_text(text.replace(block, block.replace("amount: 110", "amount: 120") + "            vat: outside-scope\n            valid_from: 2026-09-01\n" + block, 1), encoding="utf-8")
    handbook = load_handbook(data_copy)
    rows = _rows(handbook)
    new, rejected = prices.read_prices(handbook, list(prices.COLUMNS), [rows[0]])
    assert new == [] and len(rejected) == 1 and rejected[0].message.startswith("matches 2 charges")


def test_a_sheet_without_the_key_columns_is_refused(sample_handbook):
    with pytest.raises(HandbookUserError, match="has no column unit"):
        prices.read_prices(sample_handbook, ["service", "offer", "label", "settings", "band", "phase", "amount"], [])


def test_price_on_application_stays_unless_changed_in_the_data(sample_handbook):
    rows = _rows(sample_handbook)
    poa = next(r for r in rows if r.cells["amount"] == prices.POA)
    new, rejected = prices.read_prices(sample_handbook, list(prices.COLUMNS), [SheetRow(poa.number, {**poa.cells, "amount": "500"})])
    assert new == [] and "priced on application" in rejected[0].message


def test_uplift_rounds_half_up_to_the_step_and_keeps_to_the_services_named(sample_handbook):
    everything = prices.uplift(sample_handbook, Decimal("3.5"), 5)
    assert len(everything) == 153  # every published amount but two that a 3.5% rise rounded to 5p leaves as they are
    meals = prices.uplift(sample_handbook, Decimal("3.5"), 10, ["school-meals"])
    assert {p.charge.service.id for p in meals} == {"school-meals"}
    by_old = {p.charge.charge.amount: p.amount for p in meals}
    assert by_old[Decimal("2.75")] == Decimal("2.80")  # 2.84625 to the nearest 10p
    payroll = prices.uplift(sample_handbook, Decimal(3), 1, ["payroll"])
    assert sorted(p.amount for p in payroll) == [Decimal("7.83"), Decimal("9.22")]  # 7.828 and 9.2185
    with pytest.raises(HandbookUserError, match="no published service with a price"):
        prices.uplift(sample_handbook, Decimal(3), 1, ["fraud-review"])
    with pytest.raises(HandbookUserError, match="between -50% and 100%"):
        prices.uplift(sample_handbook, Decimal(300))


def test_write_prices_changes_only_the_amounts(data_copy: Path, sample_data: Path):
    handbook = load_handbook(data_copy)
    new = prices.uplift(handbook, Decimal(2), 1, ["payroll", "school-finance-support"])
    after = prices.write_prices(data_copy, new)
    old_lines = (sample_data / "services.yaml").read_text(encoding="utf-8").splitlines()
    new_lines = (data_copy / "services.yaml").read_text(encoding="utf-8").splitlines()
    changed = [(a.strip(" -"), b.strip(" -")) for a, b in zip(old_lines, new_lines) if a != b]
    assert len(old_lines) == len(new_lines) and len(changed) == len(new)
    assert ("amount: 7.60", "amount: 7.75") in changed and ("amount: 1450", "amount: 1479") in changed
    assert all(a.startswith("amount: ") and b.startswith("amount: ") for a, b in changed)
    assert next(s for s in after.services.services if s.id == "payroll").offers[0].charges[0].amount == Decimal("7.75")
