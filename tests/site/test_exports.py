"""Downloads: services.json and charges.csv match the data, at their fixed addresses."""

from __future__ import annotations

import csv
import io
import json

from handbook.data.model.types import Setting, kinds_covered
from handbook.site.exports import CSV_COLUMNS, charges_csv, services_json
from handbook.views import catalogue, prices
from tests.site.helpers import page


def test_charges_csv_has_a_header_and_one_row_per_public_charge(sample_handbook):
    rows = list(csv.DictReader(io.StringIO(charges_csv(sample_handbook))))
    expected = prices.charges_rows(sample_handbook)
    assert len(rows) == len(expected)
    assert list(rows[0].keys()) == CSV_COLUMNS
    for row, r in zip(rows, expected):
        assert row["service_id"] == r.service.id
        assert row["unit"] == r.charge.unit.value
        assert row["amount_gbp"] == ("" if r.charge.amount is None else f"{r.charge.amount:.2f}")


def test_services_json_lists_every_public_service_with_its_charges(sample_handbook):
    document = json.loads(services_json(sample_handbook, "https://example.org/handbook/"))
    public = catalogue.public_services(sample_handbook)
    assert [s["id"] for s in document["services"]] == [s.id for s in public]
    for entry, service in zip(document["services"], public):
        assert entry["name"] == service.name
        assert entry["provision"] == service.provision.value
        assert entry["category"] == service.category
        assert entry["url"] == f"https://example.org/handbook/services/{service.id}/"
        assert len(entry["charges"]) == sum(len(o.charges) for o in service.offers)


def test_built_site_serves_the_downloads_at_fixed_addresses(built_site, sample_handbook):
    assert (built_site / "downloads" / "charges.csv").read_bytes().decode("utf-8") == charges_csv(sample_handbook)
    document = json.loads((built_site / "downloads" / "services.json").read_text(encoding="utf-8"))
    assert {s["id"] for s in document["services"]} == catalogue.service_ids(sample_handbook)


def test_no_csv_cell_starts_like_a_formula_and_the_text_is_kept(data_copy):
    """OWASP's rule: a cell that starts with = + - @ tab or CR gets a leading apostrophe."""
    from handbook.data.validate import load_handbook

    services = data_copy / "services.yaml"
    text = services.read_text(encoding="utf-8")
    payloads = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)"]
    text = text.replace("    name: Westmarch Learning Centre (Alternative Provision)\n", f"    name: '{payloads[0]}'\n", 1)
    end = 0
    for payload in payloads[1:]:  # the first labels of the file, one each
        start = text.index("          - label: ", end)
        end = text.index("\n", start)
        text = text[:start] + f"          - label: \"{payload}\"" + text[end:]
        end = start + len(f"          - label: \"{payload}\"")
    services.write_text(text, encoding="utf-8")
    rows = list(csv.reader(io.StringIO(charges_csv(load_handbook(data_copy)))))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    for payload in payloads:
        assert "'" + payload in cells, payload


def test_services_json_is_inert_when_embedded_in_html(sample_handbook):
    text = services_json(sample_handbook)
    assert "<" not in text and ">" not in text and "&" not in text


def _kinds(settings) -> list[str]:
    covered = kinds_covered(settings)
    return [k.value for k in Setting if k in covered]


def test_downloads_name_the_kinds_of_school_by_the_one_rule_and_the_units_facts(sample_handbook):
    rows = list(csv.DictReader(io.StringIO(charges_csv(sample_handbook))))
    expected = prices.charges_rows(sample_handbook)
    for row, r in zip(rows, expected):
        unit = r.charge.unit
        assert row["settings"].split() == _kinds(r.charge.settings)
        assert row["unit"] == unit.value
        assert row["per"] == (unit.per.value if unit.per else "")
        assert row["period"] == (unit.period.value if unit.period else "")
        assert row["quantity_from"] == (unit.per.source.value if unit.per else "one")
        assert row["quantity_from"] in {"roll", "one", "chosen"}
    academy = [row for row in rows if "academy" in row["settings"].split()]
    assert academy and all("free-school" in row["settings"].split() for row in academy)
    document = json.loads(services_json(sample_handbook))
    for entry, service in zip(document["services"], catalogue.public_services(sample_handbook)):
        assert entry["settings"] == _kinds(service.audience.settings)
        charges = [c for o in service.offers for c in o.charges]
        for item, charge in zip(entry["charges"], charges):
            assert item["settings"] == _kinds(charge.settings)
            assert (item["unit"], item["per"], item["period"]) == (charge.unit.value, charge.unit.per.value if charge.unit.per else "", charge.unit.period.value if charge.unit.period else "")
            assert item["quantity_from"] in {"roll", "one", "chosen"}


def test_the_downloads_page_describes_every_column_of_the_spreadsheet_in_order(built_site):
    described = [code.get_text() for dt in page(built_site, "prices").select("dl dt") for code in dt.select("code")]
    assert described == CSV_COLUMNS
    text = page(built_site, "prices").get_text(" ")
    assert "quantity_from" in text and "free-school" in text
