import copy
import json
from pathlib import Path

import jsonschema
import pytest

from handbook.data.model.types import Visibility
from handbook.data.validate import load_handbook
from handbook.site.openreferral import services_document, services_json
from handbook.views.withheld import Withheld

SCHEMA = json.loads((Path(__file__).parent / "openreferral-uk" / "service.json").read_text(encoding="utf-8"))


def _closed(schema):
    """The standard's schema with no property beyond those it names, at every level: a field the
    export invents is then a failure, not silently allowed (the compiled schema leaves them open)."""
    schema = copy.deepcopy(schema)
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if node.get("type") == "object" and "properties" in node:
                node["additionalProperties"] = False
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return schema


@pytest.fixture(scope="module")
def exported(built_site):
    return json.loads((built_site / "downloads" / "openreferral-uk" / "services.json").read_text(encoding="utf-8"))


def test_every_service_of_the_built_export_is_valid_open_referral_uk_with_no_invented_field(exported, sample_handbook):
    validator = jsonschema.Draft7Validator(_closed(SCHEMA), format_checker=jsonschema.FormatChecker())
    services = exported["contents"]
    assert len(services) == exported["total_items"] == len([s for s in sample_handbook.services.services if s.is_public])
    errors = [f"{s['name']}: {e.message}" for s in services for e in validator.iter_errors(s)]
    assert errors == []


def test_the_vendored_schema_rejects_what_it_should():
    validator = jsonschema.Draft7Validator(_closed(SCHEMA), format_checker=jsonschema.FormatChecker())
    assert not validator.is_valid({"id": "not-a-uuid", "name": "x", "status": "active"})
    assert not validator.is_valid({"id": "ac148810-d857-441c-9679-408f346de14b", "name": "x", "status": "open"})


def test_a_service_carries_organisation_contacts_prices_in_the_handbooks_words_eligibility_and_its_page(exported):
    payroll = next(s for s in exported["contents"] if s["name"] == "Schools Payroll and Pensions")
    assert payroll["url"] == "https://handbook.westmarch.example/services/payroll/"
    assert payroll["organization"]["name"] == "Westmarch County Council"
    academy = next(o for o in payroll["cost_options"] if "Academies" in o["option"])
    assert academy["amount"] == 8.95 and academy["valid_from"] == "2026-04-01"
    assert academy["amount_description"].startswith("£8.95 per pupil per year; plus VAT")
    terms = {(a["taxonomy_term"]["taxonomy"], a["taxonomy_term"]["name"]) for a in payroll["attributes"]}
    assert ("handbook:kind-of-school", "free-school") in terms and ("handbook:phase", "primary") in terms
    statutory = next(s for s in exported["contents"] if s["name"].startswith("Allegations Against Staff"))
    assert [(o["amount"], o["option"]) for o in statutory["cost_options"]] == [(0, "Statutory")]


def test_contacts_name_only_people_who_agreed_and_no_internal_service_or_role_appears(exported, sample_handbook):
    text = json.dumps(exported, ensure_ascii=False)
    for role in sample_handbook.contacts.roles:
        if role.holder and not role.holder.consent_to_publish:
            assert role.holder.name not in text
        if role.visibility is Visibility.INTERNAL:
            assert role.title not in text
    for service in sample_handbook.services.services:
        if service.visibility is Visibility.INTERNAL:
            assert service.name not in text and f"services/{service.id}/" not in text
    titled_only = [c for s in exported["contents"] for c in s["contacts"] if "name" not in c]
    assert titled_only, "the sample has contacts who did not agree to be named: their role is listed alone"


def test_ids_are_the_same_in_two_builds_and_unique(exported, sample_handbook):
    again = json.loads(services_json(sample_handbook, "https://handbook.westmarch.example/"))
    assert again == exported
    ids = [s["id"] for s in exported["contents"]] + [o["id"] for s in exported["contents"] for o in s["cost_options"]]
    assert len(ids) == len(set(ids))


def _options_by_price_line(handbook, document):
    """(service id, offer id, label, unit, kinds, band, phase) -> the option's id, in the export's order."""
    found = {}
    for record in document["contents"]:
        service = handbook.services_by_id[record["url"].rstrip("/").rsplit("/", 1)[-1]]
        charges = [(o, c) for o in service.offers for c in o.charges]
        options = [o for o in record["cost_options"] if o["option"] != "Statutory"]
        assert len(options) == len(charges)
        for (offer, charge), option in zip(charges, options):
            band = (charge.band.pupils_from, charge.band.pupils_to) if charge.band else None
            found[(service.id, offer.id, charge.label, charge.unit.value, charge.kinds, band, charge.phase)] = option["id"]
    return found


def test_a_service_in_both_editions_keeps_its_ids_and_an_unchanged_price_line_its_option_id(sample_handbook, sample_data):
    old = load_handbook(sample_data / "archive" / "2025-26")
    before_doc, after_doc = services_document(old), services_document(sample_handbook)
    before = {s["url"]: s for s in before_doc["contents"]}
    after = {s["url"]: s for s in after_doc["contents"]}
    shared = sorted(set(before) & set(after))
    assert len(shared) > 30
    for url in shared:
        assert before[url]["id"] == after[url]["id"]
        assert before[url]["organization"]["id"] == after[url]["organization"]["id"]
        old_contacts = {c["title"]: c["id"] for c in before[url]["contacts"]}
        assert all(old_contacts[c["title"]] == c["id"] for c in after[url]["contacts"] if c["title"] in old_contacts)
    old_lines, new_lines = _options_by_price_line(old, before_doc), _options_by_price_line(sample_handbook, after_doc)
    same = set(old_lines) & set(new_lines)
    assert len(same) > 50, "the sample's editions share price lines (their amounts and years changed)"
    assert all(old_lines[line] == new_lines[line] for line in same)
