"""Downloads: services.json and charges.csv match the data, at their fixed addresses."""

from __future__ import annotations

import csv
import io
import json

from handbook.site.exports import CSV_COLUMNS, charges_csv, services_json
from handbook.views import catalogue, prices


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
